//! The identity of a rule: its stable code, its kebab-case name and its
//! default severity. It stands below the parser (which reports `syntax`
//! findings) so that data flows one way, text → parse → AST → interpret →
//! rules → emit; what each rule checks, and its documentation, live with
//! the rule in [`crate::rules`].

use serde::Serialize;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Should be looked at.
    Warning,
    /// Must be fixed: the file is wrong or unsafe.
    Error,
}

impl Severity {
    /// The lowercase word (`error`, `warning`, `info`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Declares the rules in code order: `Variant = "CODE" "name" Severity`.
macro_rules! identities {
    ($($variant:ident = $code:literal $name:literal $severity:ident,)+) => {
        /// Every rule, by name. Serialises as its kebab-case name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $(
                #[doc = concat!("`", $name, "` (", $code, ").")]
                $variant,
            )+
        }

        impl Rule {
            /// Every rule, in code order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)+];

            /// The stable code, such as `CP002`.
            pub fn code(self) -> &'static str {
                match self {
                    $(Rule::$variant => $code,)+
                }
            }

            /// The kebab-case name, such as `unlinked-intervention`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)+
                }
            }

            /// The severity of its findings unless configured otherwise.
            pub fn default_severity(self) -> Severity {
                match self {
                    $(Rule::$variant => Severity::$severity,)+
                }
            }
        }
    };
}

identities! {
    Syntax = "CP001" "syntax" Error,
    UnlinkedIntervention = "CP002" "unlinked-intervention" Error,
    UnknownReference = "CP003" "unknown-reference" Error,
    DuplicateId = "CP004" "duplicate-id" Error,
    MissingPlan = "CP005" "missing-plan" Error,
    InvalidDate = "CP006" "invalid-date" Error,
    DateBeforeOpened = "CP007" "date-before-opened" Error,
    UnknownMeasure = "CP008" "unknown-measure" Error,
    ScoreOutOfRange = "CP009" "score-out-of-range" Error,
    GoalWithoutIntervention = "CP010" "goal-without-intervention" Warning,
    GoalNotMeasurable = "CP011" "goal-not-measurable" Warning,
    GoalNotTimeBound = "CP012" "goal-not-time-bound" Warning,
    UnknownModality = "CP013" "unknown-modality" Warning,
    OutOfOrder = "CP014" "out-of-order" Warning,
    StoppedInterventionUsed = "CP015" "stopped-intervention-used" Warning,
    SessionWithoutIntervention = "CP016" "session-without-intervention" Warning,
    MissingResponse = "CP017" "missing-response" Warning,
    NotText = "CP018" "not-text" Error,
    ConsentMissing = "CP019" "consent-missing" Warning,
    SafetyPlanMissing = "CP020" "safety-plan-missing" Warning,
    SerotonergicCombination = "CP021" "serotonergic-combination" Warning,
    YoungAntidepressantMonitoring = "CP022" "young-antidepressant-monitoring" Warning,
    NoPrescriber = "CP023" "no-prescriber" Warning,
    IntegrationWithoutRationale = "CP024" "integration-without-rationale" Warning,
    StageMismatch = "CP025" "stage-mismatch" Warning,
    ReviewOverdue = "CP026" "review-overdue" Warning,
    GoalOverdue = "CP027" "goal-overdue" Warning,
    CrisisWithoutReview = "CP028" "crisis-without-review" Warning,
    Plateau = "CP029" "plateau" Info,
    CombinedCareCadence = "CP030" "combined-care-cadence" Info,
    UnusedAllow = "CP031" "unused-allow" Warning,
    UnknownDrug = "CP032" "unknown-drug" Warning,
    FutureDate = "CP033" "future-date" Warning,
    DateConflict = "CP034" "date-conflict" Error,
    ConflictingStatus = "CP035" "conflicting-status" Error,
    TargetAlreadyMet = "CP036" "target-already-met" Warning,
    IdentifyingClientId = "CP037" "identifying-client-id" Warning,
    IdentifyingDetail = "CP038" "identifying-detail" Warning,
    EntryAfterDischarge = "CP039" "entry-after-discharge" Warning,
    DuplicateDischarge = "CP040" "duplicate-discharge" Error,
    CourseExceeded = "CP041" "course-exceeded" Info,
    ReviseWithoutMeasure = "CP042" "revise-without-measure" Error,
    TemplatePlaceholder = "CP043" "template-placeholder" Warning,
    CnsDepressantCombination = "CP044" "cns-depressant-combination" Warning,
    MaoiCombination = "CP045" "maoi-combination" Error,
    DuplicateTherapy = "CP046" "duplicate-therapy" Warning,
    QtCombination = "CP047" "qt-combination" Warning,
    DoseAboveMaximum = "CP048" "dose-above-maximum" Warning,
    LithiumMonitoring = "CP049" "lithium-monitoring" Warning,
    ClozapineMonitoring = "CP050" "clozapine-monitoring" Warning,
    ValproatePregnancyPrevention = "CP051" "valproate-pregnancy-prevention" Warning,
    AntidepressantEarlyReview = "CP052" "antidepressant-early-review" Warning,
    SafetyPlanNotRevised = "CP053" "safety-plan-not-revised" Warning,
    RiskNotAssessed = "CP054" "risk-not-assessed" Warning,
    CrisisFollowUp = "CP055" "crisis-follow-up" Warning,
    ReliableDeterioration = "CP056" "reliable-deterioration" Warning,
    GoalReopenedWithoutReview = "CP057" "goal-reopened-without-review" Warning,
    MeasureNotScored = "CP058" "measure-not-scored" Info,
    ReviewNextBeyondCadence = "CP059" "review-next-beyond-cadence" Warning,
}

impl Rule {
    /// The rule called `name` (its kebab-case name or its code).
    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.name() == name || r.code().eq_ignore_ascii_case(name))
    }

    /// The rule a mistyped `name` most likely meant, for did-you-mean.
    pub fn closest(name: &str) -> Option<Rule> {
        let close = crate::suggest::did_you_mean(name, Rule::ALL.iter().map(|r| r.name()))?;
        Rule::from_name(close)
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
    use foldhash::HashSet;

    #[test]
    fn codes_and_names_are_unique_kebab_case_and_in_order() {
        let mut codes = HashSet::default();
        let mut names = HashSet::default();
        for rule in Rule::ALL {
            assert!(codes.insert(rule.code()), "duplicate code {}", rule.code());
            assert!(names.insert(rule.name()), "duplicate name {}", rule.name());
            assert!(
                rule.name()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{rule} is not kebab-case"
            );
            assert_eq!(Rule::from_name(rule.name()), Some(*rule));
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
