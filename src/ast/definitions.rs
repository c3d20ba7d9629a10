//! Definitions: the plan, concerns, goals and objectives with their
//! targets, interventions, medications and measures.

use super::{DateLit, Ident, Number, Text};
use crate::span::{Span, Spanned};
use crate::words::{
    Better, Cadence, Care, Comparator, ExtentUnit, Integration, Per, Risk, Stage, Unit,
};
use jiff::civil::Date;
use serde::Serialize;

/// `plan "title"`: who the client is and how the episode is run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    /// The whole entry.
    pub span: Span,
    /// The header line.
    pub header: Span,
    /// The plan's title.
    pub title: Text,
    /// Pseudonymous client id.
    pub client: Option<Ident>,
    /// Date of birth.
    pub born: Option<DateLit>,
    /// Treating clinician.
    pub clinician: Option<Text>,
    /// Default prescriber for medications.
    pub prescriber: Option<Text>,
    /// Start of the episode of care.
    pub opened: Option<DateLit>,
    /// Main therapeutic orientation (a modality).
    pub orientation: Option<Ident>,
    /// How several therapies are integrated.
    pub integration: Option<Spanned<Integration>>,
    /// Why this combination of treatments.
    pub rationale: Option<Text>,
    /// Stage of change at the start.
    pub stage: Option<Spanned<Stage>>,
    /// Care pattern.
    pub care: Option<Spanned<Care>>,
    /// Review cadence (`review every 8 weeks`).
    pub review_every: Option<Spanned<Duration>>,
    /// Risk level at the start.
    pub risk: Option<RiskRating>,
    /// What must be true to end the episode (version 2).
    pub discharge_criteria: Vec<Text>,
}

/// `risk LEVEL ["reason"]`: risk of harm as assessed, with why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RiskRating {
    /// The whole field.
    pub span: Span,
    /// The level.
    pub level: Spanned<Risk>,
    /// Why, in the clinician's words (version 2).
    pub reason: Option<Text>,
}

/// A length counted in sessions or in time: a course (`course 12
/// sessions`) or how long a target must hold (`sustained 4 weeks`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Extent {
    /// How many units.
    pub amount: u32,
    /// Which unit.
    pub unit: ExtentUnit,
}

impl Extent {
    /// The same length as a duration of time; `None` when it counts sessions.
    pub fn time(self) -> Option<Duration> {
        Some(Duration {
            amount: self.amount,
            unit: self.unit.time()?,
        })
    }
}

impl std::fmt::Display for Extent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = self.unit.as_str();
        let unit = if self.amount == 1 {
            unit.strip_suffix('s').unwrap_or(unit)
        } else {
            unit
        };
        write!(f, "{} {unit}", self.amount)
    }
}

/// A length of time: `N days|weeks|months`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Duration {
    /// How many units.
    pub amount: u32,
    /// Which unit.
    pub unit: Unit,
}

impl Duration {
    /// The date this duration after `date`; `None` past the calendar's
    /// range. Months are calendar months, clamped to the month's end, and
    /// from the last day of a month they run to the last day of a month
    /// (`3 months` after 30 September is 31 December), as clinicians count
    /// "every 3 months" from a month's end.
    pub fn after(self, date: Date) -> Option<Date> {
        let amount = i64::from(self.amount);
        let span = match self.unit {
            Unit::Days => jiff::Span::new().try_days(amount),
            Unit::Weeks => jiff::Span::new().try_weeks(amount),
            Unit::Months => jiff::Span::new().try_months(amount),
        }
        .ok()?;
        let after = date.checked_add(span).ok()?;
        let month_end = self.unit == Unit::Months && date == date.last_of_month();
        Some(if month_end {
            after.last_of_month()
        } else {
            after
        })
    }

    /// The last day of a period of this length that starts on `start`
    /// (`6 weeks` from 2026-10-05 runs to 2026-11-15, inclusive).
    pub fn last_day(self, start: Date) -> Option<Date> {
        self.after(start)?.yesterday().ok()
    }
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.amount, self.unit)
    }
}

/// `concern ID "text"`: a presenting problem.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Concern {
    /// The whole entry.
    pub span: Span,
    /// The header line.
    pub header: Span,
    /// Its id.
    pub id: Ident,
    /// The problem in the clinician's words.
    pub text: Text,
    /// A diagnosis code, such as ICD-10 `F41.0`.
    pub diagnosis: Option<Ident>,
    /// When the problem began.
    pub since: Option<DateLit>,
}

/// `goal ID "text" [for CONCERNS]`: a SMART goal.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Goal {
    /// The whole entry.
    pub span: Span,
    /// The header line.
    pub header: Span,
    /// Its id.
    pub id: Ident,
    /// The goal in the clinician's words.
    pub text: Text,
    /// The concerns it addresses.
    pub concerns: Vec<Ident>,
    /// How progress is measured: one target per measure (several since version 2).
    pub measures: Vec<GoalMeasure>,
    /// When it should be met.
    pub due: Option<DateLit>,
    /// When it was set (default: the plan's `opened`).
    pub opened: Option<DateLit>,
    /// Stage of change for this goal.
    pub stage: Option<Spanned<Stage>>,
}

/// `objective ID "text" for GOALS`: a short-term, measurable step toward
/// one or more goals (version 2).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Objective {
    /// The whole entry.
    pub span: Span,
    /// The header line.
    pub header: Span,
    /// Its id.
    pub id: Ident,
    /// The objective in the clinician's words.
    pub text: Text,
    /// The goals it is a step toward.
    pub goals: Vec<Ident>,
    /// How progress is measured: one target per measure.
    pub measures: Vec<GoalMeasure>,
    /// When it should be met.
    pub due: Option<DateLit>,
    /// When it was set (default: the plan's `opened`).
    pub opened: Option<DateLit>,
}

/// `measure MEASURE baseline N target CMP N [sustained N UNIT]` on a goal
/// or objective.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalMeasure {
    /// The whole field.
    pub span: Span,
    /// The measure's id.
    pub measure: Ident,
    /// The score at the start.
    pub baseline: Number,
    /// The score that meets the goal.
    pub target: Target,
    /// How long the target must hold to count as met (version 2).
    pub sustained: Option<Spanned<Extent>>,
}

/// A target such as `<= 1` or `< 5`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Target {
    /// The comparator and number.
    pub span: Span,
    /// How the score compares with the value.
    pub comparator: Comparator,
    /// The value.
    pub value: f64,
}

impl Target {
    /// Whether `score` meets this target.
    pub fn is_met_by(&self, score: f64) -> bool {
        self.comparator.holds(score, self.value)
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.comparator, self.value)
    }
}

/// `intervention ID MODALITY [TECHNIQUE] ["title"] for GOALS`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Intervention {
    /// The whole entry.
    pub span: Span,
    /// The header line.
    pub header: Span,
    /// Its id.
    pub id: Ident,
    /// The therapy modality (`CBT`, `exposure`, ...).
    pub modality: Ident,
    /// The technique within the modality (`interoceptive`, ...).
    pub technique: Option<Ident>,
    /// A title in the clinician's words.
    pub title: Option<Text>,
    /// The goals and objectives it serves; empty when the header has no `for`.
    pub goals: Vec<Ident>,
    /// How often it is delivered.
    pub frequency: Option<Spanned<Frequency>>,
    /// Its planned length (version 2).
    pub course: Option<Spanned<Extent>>,
    /// When the client consented to it.
    pub consent: Option<DateLit>,
    /// When it started (default: the plan's `opened`).
    pub opened: Option<DateLit>,
    /// Why it was chosen.
    pub rationale: Option<Text>,
}

/// How often an intervention is delivered.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Frequency {
    /// A standard cadence word.
    Cadence(Cadence),
    /// A free description, such as `"twice a week"`.
    Described(String),
    /// A count per period, such as `2 per week` (version 2).
    Rate {
        /// How many times.
        times: u32,
        /// In what period.
        per: Per,
    },
}

impl std::fmt::Display for Frequency {
    /// The frequency as a file writes it (a description in quotes).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Frequency::Cadence(c) => write!(f, "{c}"),
            Frequency::Described(d) => write!(f, "\"{d}\""),
            Frequency::Rate { times, per } => write!(f, "{times} per {per}"),
        }
    }
}

/// `medication ID DRUG for GOALS`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Medication {
    /// The whole entry.
    pub span: Span,
    /// The header line.
    pub header: Span,
    /// Its id.
    pub id: Ident,
    /// The drug's generic name (an identifier or a quoted string).
    pub drug: Spanned<String>,
    /// The goals and objectives it serves; empty when the header has no `for`.
    pub goals: Vec<Ident>,
    /// The dose as first prescribed (later changes are `dose MED` lines).
    pub dose: Option<Text>,
    /// When the client gave informed consent to it (version 2).
    pub consent: Option<DateLit>,
    /// When it was started (default: the plan's `opened`).
    pub started: Option<DateLit>,
    /// When it was stopped.
    pub stopped: Option<DateLit>,
    /// Who prescribes it (default: the plan's `prescriber`).
    pub prescriber: Option<Text>,
    /// What is monitored while it is taken.
    pub monitor: Option<Text>,
}

/// `measure ID "name"`: an outcome measure the file defines itself.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeasureDef {
    /// The whole entry.
    pub span: Span,
    /// The header line.
    pub header: Span,
    /// Its id.
    pub id: Ident,
    /// Its name.
    pub name: Text,
    /// The lowest and highest possible scores (`range 0..50`).
    pub range: Option<Spanned<(f64, f64)>>,
    /// Which direction is better.
    pub better: Option<Spanned<Better>>,
    /// The smallest change that is more than measurement error.
    pub reliable_change: Option<Number>,
}
