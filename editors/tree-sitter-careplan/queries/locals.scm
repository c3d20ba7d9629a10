; Every id in a file shares one namespace: the definitions are in the
; headers, the references everywhere else.
(source_file) @local.scope

(concern_header id: (identifier) @local.definition)
(goal_header id: (identifier) @local.definition)
(objective_header id: (identifier) @local.definition)
(intervention_header id: (identifier) @local.definition)
(medication_header id: (identifier) @local.definition)
(measure_header id: (identifier) @local.definition)

(for_clause (identifier) @local.reference)
(used_field intervention: (identifier) @local.reference)
(progress_field goal: (identifier) @local.reference)
(status_field goal: (identifier) @local.reference)
(revise_field id: (identifier) @local.reference)
(stop_field id: (identifier) @local.reference)
(dose_field medication: (identifier) @local.reference)
(score_field measure: (identifier) @local.reference)
(measure_field measure: (identifier) @local.reference)
