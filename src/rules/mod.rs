//! The rule catalogue. Each rule lives in its own file holding its metadata
//! ([`RuleMeta`]: code, kebab-case name, default severity, summary and the
//! documentation `careplan explain` prints) and, for rules that run on a
//! parsed file, its check function.
//!
//! Rules found while reading and parsing (`syntax`, `invalid-date`,
//! `not-text`) have no check function: the parser and reader report them.

use crate::check::Context;
use crate::diagnostic::{Diagnostic, Severity};
use serde::Serialize;

/// What every rule declares about itself.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable code, such as `CP002`.
    pub code: &'static str,
    /// Stable kebab-case name, such as `unlinked-intervention`.
    pub name: &'static str,
    /// Severity unless configured otherwise.
    pub severity: Severity,
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

/// Declares the rules, in code order: each `Variant => module` pair names a
/// file in this folder holding the rule's `META`.
macro_rules! rules {
    ($($variant:ident => $module:ident,)+) => {
        $(pub(crate) mod $module;)+

        /// Every rule, by name. Serialises as its kebab-case name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $(
                #[doc = concat!("See `", stringify!($module), "`.")]
                $variant,
            )+
        }

        impl Rule {
            /// Every rule, in code order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)+];

            /// The rule's metadata and documentation.
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
}

impl Rule {
    /// The stable code, such as `CP002`.
    pub fn code(self) -> &'static str {
        self.meta().code
    }

    /// The kebab-case name, such as `unlinked-intervention`.
    pub fn name(self) -> &'static str {
        self.meta().name
    }

    /// The rule called `name` (its kebab-case name or its code).
    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.name() == name || r.code().eq_ignore_ascii_case(name))
    }

    /// Whether the rule reports text careplan could not read: a line that
    /// parses as nothing (`syntax`), a file that is not text (`not-text`), a
    /// date that is not on the calendar (`invalid-date`). Whatever such text
    /// said was never checked, so these findings are always errors: no
    /// configuration turns them off or lowers them, and no allow comment
    /// silences them.
    pub fn is_reading(self) -> bool {
        matches!(self, Rule::Syntax | Rule::NotText | Rule::InvalidDate)
    }

    /// Whether a finding of the rule stops an export, whatever the
    /// configuration or allow comments say: the reading rules, and
    /// `score-out-of-range` (a receiving system would store an impossible
    /// score as a real one).
    pub fn guards_export(self) -> bool {
        self.is_reading() || self == Rule::ScoreOutOfRange
    }

    /// The rule a mistyped `name` most likely meant, for did-you-mean.
    pub fn closest(name: &str) -> Option<Rule> {
        let close = crate::diagnostic::did_you_mean(name, Rule::ALL.iter().map(|r| r.name()))?;
        Rule::from_name(close)
    }

    /// Every rule, one per line: code, name, default severity and summary,
    /// in columns (what `careplan rules` prints).
    pub fn table() -> String {
        let width = Rule::ALL.iter().map(|r| r.name().len()).max().unwrap_or(0);
        let mut out = String::new();
        for rule in Rule::ALL {
            let meta = rule.meta();
            out.push_str(&format!(
                "{}  {:width$}  {:7}  {}\n",
                meta.code,
                meta.name,
                meta.severity.as_str(),
                meta.summary
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
            meta.name,
            meta.code,
            meta.severity,
            meta.summary,
            meta.doc.trim_end()
        )
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_kebab_case() {
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        for rule in Rule::ALL {
            let meta = rule.meta();
            assert!(codes.insert(meta.code), "duplicate code {}", meta.code);
            assert!(names.insert(meta.name), "duplicate name {}", meta.name);
            assert!(
                meta.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is not kebab-case",
                meta.name
            );
            for section in ["## What it does", "## Why", "## Example", "## Fix"] {
                assert!(meta.doc.contains(section), "{} lacks {section}", meta.name);
            }
            assert_eq!(Rule::from_name(meta.name), Some(*rule));
        }
        for pair in Rule::ALL.windows(2) {
            assert!(
                pair[0].code() < pair[1].code(),
                "{} is out of code order",
                pair[1]
            );
        }
    }
}
