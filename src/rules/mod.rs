//! The rule catalogue. Each rule lives in its own file holding its
//! documentation ([`RuleMeta`]: summary and the text `careplan explain`
//! prints) and, for rules that run on a parsed file, its check function.
//! A rule's identity (code, name, default severity) is [`Rule`], in
//! `crate::rule`, below the parser.
//!
//! Rules found while reading and parsing (`syntax`, `invalid-date`,
//! `not-text`) have no check function: the parser and reader report them.

mod aftercare;
mod context;
mod line_signs;
mod outcomes;
mod pairs;
mod skeletons;
mod watched;

use crate::diagnostic::Diagnostic;
pub use crate::rule::Rule;
pub use context::Context;
pub use identifying_client_id::IdPattern;

/// What every rule declares about itself, beside its identity.
#[derive(Debug)]
pub struct RuleMeta {
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Markdown documentation: what it does, why it matters, an example, the fix.
    pub doc: &'static str,
    /// The check that finds it in a parsed file; `None` for the rules the
    /// parser or the file reader report (`syntax`, `invalid-date`, `not-text`).
    pub check: Option<CheckFn>,
}

/// A rule's check: reads the context, pushes findings.
pub type CheckFn = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// Names the file of each rule: each `Variant => module` pair is a file in
/// this folder holding the rule's `META` (every variant must have one).
macro_rules! rules {
    ($($variant:ident => $module:ident,)+) => {
        $(pub(crate) mod $module;)+

        impl Rule {
            /// The rule's documentation and check.
            pub fn meta(self) -> &'static RuleMeta {
                match self {
                    $(Rule::$variant => &$module::META,)+
                }
            }
        }
    };
}

rules! {
    Syntax => syntax,
    UnlinkedIntervention => unlinked_intervention,
    UnknownReference => unknown_reference,
    DuplicateId => duplicate_id,
    MissingPlan => missing_plan,
    InvalidDate => invalid_date,
    DateBeforeOpened => date_before_opened,
    UnknownMeasure => unknown_measure,
    ScoreOutOfRange => score_out_of_range,
    GoalWithoutIntervention => goal_without_intervention,
    GoalNotMeasurable => goal_not_measurable,
    GoalNotTimeBound => goal_not_time_bound,
    UnknownModality => unknown_modality,
    OutOfOrder => out_of_order,
    StoppedInterventionUsed => stopped_intervention_used,
    SessionWithoutIntervention => session_without_intervention,
    MissingResponse => missing_response,
    NotText => not_text,
    ConsentMissing => consent_missing,
    SafetyPlanMissing => safety_plan_missing,
    SerotonergicCombination => serotonergic_combination,
    YoungAntidepressantMonitoring => young_antidepressant_monitoring,
    NoPrescriber => no_prescriber,
    IntegrationWithoutRationale => integration_without_rationale,
    StageMismatch => stage_mismatch,
    ReviewOverdue => review_overdue,
    GoalOverdue => goal_overdue,
    CrisisWithoutReview => crisis_without_review,
    Plateau => plateau,
    CombinedCareCadence => combined_care_cadence,
    UnusedAllow => unused_allow,
    UnknownDrug => unknown_drug,
    FutureDate => future_date,
    DateConflict => date_conflict,
    ConflictingStatus => conflicting_status,
    TargetAlreadyMet => target_already_met,
    IdentifyingClientId => identifying_client_id,
    IdentifyingDetail => identifying_detail,
    EntryAfterDischarge => entry_after_discharge,
    DuplicateDischarge => duplicate_discharge,
    CourseExceeded => course_exceeded,
    ReviseWithoutMeasure => revise_without_measure,
    TemplatePlaceholder => template_placeholder,
    CnsDepressantCombination => cns_depressant_combination,
    MaoiCombination => maoi_combination,
    DuplicateTherapy => duplicate_therapy,
    QtCombination => qt_combination,
    DoseAboveMaximum => dose_above_maximum,
    LithiumMonitoring => lithium_monitoring,
    ClozapineMonitoring => clozapine_monitoring,
    ValproatePregnancyPrevention => valproate_pregnancy_prevention,
    AntidepressantEarlyReview => antidepressant_early_review,
    SafetyPlanNotRevised => safety_plan_not_revised,
    RiskNotAssessed => risk_not_assessed,
    CrisisFollowUp => crisis_follow_up,
    ReliableDeterioration => reliable_deterioration,
    GoalReopenedWithoutReview => goal_reopened_without_review,
    MeasureNotScored => measure_not_scored,
    ReviewNextBeyondCadence => review_next_beyond_cadence,
}

impl Rule {
    /// Every rule, one per line: code, name, default severity and summary,
    /// in columns (what `careplan rules` prints).
    pub fn table() -> String {
        let width = Rule::ALL.iter().map(|r| r.name().len()).max().unwrap_or(0);
        let mut out = String::new();
        for rule in Rule::ALL {
            out.push_str(&format!(
                "{}  {:width$}  {:7}  {}\n",
                rule.code(),
                rule.name(),
                rule.default_severity().as_str(),
                rule.meta().summary
            ));
        }
        out
    }

    /// The rule's documentation: name, code and severity, summary, then
    /// what it checks, why, an example and the fix (what `careplan explain`
    /// prints).
    pub fn explanation(self) -> String {
        let meta = self.meta();
        format!(
            "{} ({}, default severity: {})\n\n{}\n\n{}\n",
            self.name(),
            self.code(),
            self.default_severity(),
            meta.summary,
            meta.doc.trim_end()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;

    #[test]
    fn every_rule_documents_what_why_example_and_fix() {
        for rule in Rule::ALL {
            for section in ["## What it does", "## Why", "## Example", "## Fix"] {
                assert!(rule.meta().doc.contains(section), "{rule} lacks {section}");
            }
        }
    }
}
