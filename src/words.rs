//! The closed value sets of the language (stages, statuses, risk levels, ...),
//! each an enum that reads and writes the exact word used in files.

use serde::Serialize;

/// Defines an enum whose variants are spelled as fixed words in plan files.
macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident = $word:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every word of this set, in the order the language reference lists them.
            pub const WORDS: &'static [&'static str] = &[$($word,)+];
            /// What a value of this set is called in messages.
            pub const WHAT: &'static str = $what;

            /// Reads the word as written in a file.
            pub fn from_word(word: &str) -> Option<Self> {
                match word {
                    $($word => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The word as written in a file.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

word_enum!(
    /// Stage of change in the transtheoretical model (Prochaska & DiClemente, 1983).
    Stage, "stage of change" {
        /// Not yet considering change.
        Precontemplation = "precontemplation",
        /// Weighing change.
        Contemplation = "contemplation",
        /// Intending to act soon.
        Preparation = "preparation",
        /// Actively changing.
        Action = "action",
        /// Sustaining the change.
        Maintenance = "maintenance",
    }
);

word_enum!(
    /// A goal's achievement status: the FHIR R4 Goal.achievementStatus codes.
    Achievement, "goal status" {
        /// Work on the goal is under way.
        InProgress = "in-progress",
        /// Moving toward the target.
        Improving = "improving",
        /// Moving away from the target.
        Worsening = "worsening",
        /// No change since the last assessment.
        NoChange = "no-change",
        /// The target is met.
        Achieved = "achieved",
        /// The target was met and is being kept.
        Sustaining = "sustaining",
        /// The goal ended without meeting the target.
        NotAchieved = "not-achieved",
        /// No progress so far.
        NoProgress = "no-progress",
        /// The goal can no longer be reached.
        NotAttainable = "not-attainable",
    }
);

impl Achievement {
    /// Whether the target counts as met (achieved or sustaining).
    pub fn is_met(self) -> bool {
        matches!(self, Achievement::Achieved | Achievement::Sustaining)
    }

    /// Whether the goal is closed: met, or ended without being met.
    pub fn is_closed(self) -> bool {
        self.is_met() || matches!(self, Achievement::NotAchieved | Achievement::NotAttainable)
    }
}

word_enum!(
    /// How a plan that draws on several therapies integrates them.
    Integration, "integration style" {
        /// One home theory that assimilates techniques from others.
        Assimilative = "assimilative",
        /// A new theory synthesised from several.
        Theoretical = "theoretical",
        /// Built on factors common to all therapies.
        CommonFactors = "common-factors",
        /// Techniques chosen case by case.
        Eclectic = "eclectic",
    }
);

word_enum!(
    /// How the episode's care is organised over time.
    Care, "care pattern" {
        /// One treatment.
        Single = "single",
        /// Treatments given together (for example therapy and medication).
        Concurrent = "concurrent",
        /// Treatments given one after another.
        Sequential = "sequential",
        /// Keeping gains after the acute phase.
        Maintenance = "maintenance",
    }
);

word_enum!(
    /// Clinician-rated risk of harm.
    Risk, "risk level" {
        /// Low risk.
        Low = "low",
        /// Moderate risk.
        Moderate = "moderate",
        /// High risk.
        High = "high",
    }
);

impl Risk {
    /// Whether this level calls for a safety plan (moderate or high).
    pub fn is_elevated(self) -> bool {
        self >= Risk::Moderate
    }
}

word_enum!(
    /// Which direction of a measure's score is better.
    Better, "direction" {
        /// Lower scores are better (most symptom scales).
        Lower = "lower",
        /// Higher scores are better (ORS, SRS).
        Higher = "higher",
    }
);

word_enum!(
    /// How a session was delivered.
    SessionFormat, "session format" {
        /// Face to face.
        InPerson = "in-person",
        /// By video or phone.
        Telehealth = "telehealth",
        /// With a group.
        Group = "group",
        /// With the family.
        Family = "family",
    }
);

word_enum!(
    /// The kind of an `event` entry.
    EventKind, "event kind" {
        /// An acute crisis.
        Crisis = "crisis",
        /// A return of symptoms after improvement.
        Relapse = "relapse",
        /// A stay in hospital, dated the day the client left (the day
        /// follow-up is counted from).
        Hospitalization = "hospitalization",
        /// A significant life event.
        LifeEvent = "life-event",
    }
);

impl EventKind {
    /// Whether the event calls for a prompt review of the plan: a crisis, a
    /// relapse or a stay in hospital.
    pub fn needs_review(self) -> bool {
        self != EventKind::LifeEvent
    }

    /// Whether the event calls for follow-up with the client and a look at
    /// the safety plan: a crisis or a stay in hospital.
    pub fn is_acute(self) -> bool {
        matches!(self, EventKind::Crisis | EventKind::Hospitalization)
    }

    /// Whether the event is a moment to make or revise a safety plan: a
    /// crisis, a relapse or an admission (Stanley & Brown, 2012; NICE
    /// NG225, 2022).
    pub fn calls_for_safety_plan(self) -> bool {
        self != EventKind::LifeEvent
    }

    /// The event in words: `crisis`, `relapse`, `hospital stay`, `life event`.
    pub fn noun(self) -> &'static str {
        match self {
            EventKind::Crisis => "crisis",
            EventKind::Relapse => "relapse",
            EventKind::Hospitalization => "hospital stay",
            EventKind::LifeEvent => "life event",
        }
    }
}

word_enum!(
    /// A standard intervention frequency.
    Cadence, "frequency" {
        /// Every day.
        Daily = "daily",
        /// Every week.
        Weekly = "weekly",
        /// Every two weeks.
        Fortnightly = "fortnightly",
        /// Every month.
        Monthly = "monthly",
    }
);

impl Cadence {
    /// Why `word`, a frequency people write, cannot stand for one cadence:
    /// "biweekly" and "bimonthly" each mean both "every two" and "twice a"
    /// (Merriam-Webster lists both senses), so a did-you-mean would guess.
    pub fn ambiguity(word: &str) -> Option<&'static str> {
        let is = |w: &str| word.eq_ignore_ascii_case(w);
        if is("biweekly") || is("bi-weekly") {
            Some(
                "`biweekly` means every two weeks to some readers and twice a week to others: \
                 write `fortnightly`, or describe it in quotes, as in `frequency \"twice a week\"`",
            )
        } else if is("bimonthly") || is("bi-monthly") {
            Some(
                "`bimonthly` means every two months to some readers and twice a month to \
                 others: describe it in quotes, as in `frequency \"every two months\"`",
            )
        } else {
            None
        }
    }
}

word_enum!(
    /// Whether the client came to a session (language version 2).
    Attendance, "attendance" {
        /// The client came (the default).
        Attended = "attended",
        /// The client did not come and gave no notice.
        NoShow = "no-show",
        /// The appointment was cancelled in good time.
        Cancelled = "cancelled",
        /// The appointment was cancelled too late to offer it to anyone else.
        LateCancelled = "late-cancelled",
    }
);

impl Attendance {
    /// Whether the appointment counts as missed in the attendance rate: a
    /// no-show or a late cancellation (a cancellation in good time does not).
    pub fn is_missed(self) -> bool {
        matches!(self, Attendance::NoShow | Attendance::LateCancelled)
    }
}

word_enum!(
    /// How an episode of care ended (language version 2).
    DischargeKind, "discharge type" {
        /// Treatment finished as planned.
        Completed = "completed",
        /// Care passed to another service or clinician.
        Transferred = "transferred",
        /// The client chose to end treatment.
        Withdrew = "withdrew",
        /// Ended for an administrative reason (funding, moving away, no contact).
        Administrative = "administrative",
    }
);

word_enum!(
    /// The unit of a course or of how long a target must hold: sessions or a
    /// period of time.
    ExtentUnit, "unit" {
        /// Scored or attended sessions.
        Sessions = "sessions",
        /// Days.
        Days = "days",
        /// Weeks.
        Weeks = "weeks",
        /// Calendar months.
        Months = "months",
    }
);

impl ExtentUnit {
    /// Reads a unit word, singular or plural (`session`, `sessions`, ...).
    pub fn from_word_or_singular(word: &str) -> Option<Self> {
        ExtentUnit::from_word(word).or_else(|| ExtentUnit::from_word(&format!("{word}s")))
    }

    /// The same unit of time as a duration unit; `None` for sessions.
    pub fn time(self) -> Option<Unit> {
        match self {
            ExtentUnit::Sessions => None,
            ExtentUnit::Days => Some(Unit::Days),
            ExtentUnit::Weeks => Some(Unit::Weeks),
            ExtentUnit::Months => Some(Unit::Months),
        }
    }
}

word_enum!(
    /// The period of a frequency such as `2 per week`.
    Per, "period" {
        /// A day.
        Day = "day",
        /// A week.
        Week = "week",
        /// A month.
        Month = "month",
    }
);

word_enum!(
    /// The unit of a duration.
    Unit, "unit" {
        /// Days.
        Days = "days",
        /// Weeks.
        Weeks = "weeks",
        /// Calendar months.
        Months = "months",
    }
);

impl Unit {
    /// Reads a unit word, singular or plural (`day`, `days`, ...).
    pub fn from_word_or_singular(word: &str) -> Option<Self> {
        Unit::from_word(word).or_else(|| Unit::from_word(&format!("{word}s")))
    }
}

word_enum!(
    /// A comparator in a goal target.
    Comparator, "comparator" {
        /// At most.
        AtMost = "<=",
        /// At least.
        AtLeast = ">=",
        /// Below.
        Below = "<",
        /// Above.
        Above = ">",
        /// Exactly.
        Equal = "=",
    }
);

impl Comparator {
    /// Whether `value` meets a target of `self` and `target`.
    pub fn holds(self, value: f64, target: f64) -> bool {
        match self {
            Comparator::AtMost => value <= target,
            Comparator::AtLeast => value >= target,
            Comparator::Below => value < target,
            Comparator::Above => value > target,
            Comparator::Equal => (value - target).abs() < f64::EPSILON,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for word in Achievement::WORDS {
            assert_eq!(
                Achievement::from_word(word).map(|a| a.as_str()),
                Some(*word)
            );
        }
        assert_eq!(Risk::from_word("hgh"), None);
        assert!(Risk::High > Risk::Moderate);
        assert_eq!(Unit::from_word_or_singular("week"), Some(Unit::Weeks));
    }
}
