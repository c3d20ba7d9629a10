; careplan highlighting. Capture names are the common ones (Neovim, Helix,
; Zed and `tree-sitter highlight` all know them).

(comment) @comment
((comment) @keyword.directive
  (#match? @keyword.directive "^#[ \t]*careplan:"))

(entry_keyword) @keyword
(field_keyword) @property

["for" "every" "baseline" "target" "sustained" "per" "due" "course"] @keyword.operator

; Ids where they are defined, and where they are used.
(concern_header id: (identifier) @type)
(goal_header id: (identifier) @type)
(objective_header id: (identifier) @type)
(intervention_header id: (identifier) @type)
(medication_header id: (identifier) @type)
(measure_header id: (identifier) @type)
(for_clause (identifier) @variable)
(used_field intervention: (identifier) @variable)
(progress_field goal: (identifier) @variable)
(status_field goal: (identifier) @variable)
(revise_field id: (identifier) @variable)
(revise_field measure: (identifier) @variable)
(stop_field id: (identifier) @variable)
(dose_field medication: (identifier) @variable)
(score_field measure: (identifier) @variable)
(measure_field measure: (identifier) @variable)
(client_field (identifier) @constant)
(intervention_header modality: (identifier) @function)
(intervention_header technique: (identifier) @function)
(medication_header drug: (identifier) @function)
(orientation_field modality: (identifier) @function)

(value) @constant.builtin
(unit) @keyword.operator
(comparator) @operator
["->" ".."] @operator
"," @punctuation.delimiter

(date) @string.special
(stand_in) @string.special
(number) @number
(code) @constant
(string) @string
(escape_sequence) @string.escape
