//! The typed syntax tree of a careplan file: one struct per entry kind, every
//! value carrying the span it was read from.
//!
//! The tree holds what the file says, not what it means: references are plain
//! identifiers (resolved by [`crate::check()`]), and dates that are not on the
//! calendar are kept as `None` (reported as `invalid-date`).

use crate::span::{Span, Spanned};
use crate::words::{
    Achievement, Attendance, Better, Cadence, Care, Comparator, DischargeKind, EventKind,
    ExtentUnit, Integration, Per, Risk, SessionFormat, Stage, Unit,
};
use jiff::civil::Date;
use serde::Serialize;

/// An identifier as written (`G1`, `PHQ-9`, `attacks-per-week`).
pub type Ident = Spanned<String>;
/// A string's value, escapes decoded; the span covers the quotes.
pub type Text = Spanned<String>;
/// A date; `None` when the written date is not on the calendar.
pub type DateLit = Spanned<Option<Date>>;
/// A number as written (integer or decimal).
pub type Number = Spanned<f64>;

/// A parsed careplan file: its entries in file order and every comment.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Document {
    /// The entries, in the order they are written.
    pub entries: Vec<Entry>,
    /// Every comment in the file, in order.
    pub comments: Vec<Comment>,
    /// Field lines that name a field of their entry but could not be read
    /// (`due 26/02/2027`): reported as `syntax`, and counted as written, so
    /// that no rule also reports the field as missing.
    pub unread: Vec<Unread>,
}

/// A field line that could not be read, in the entry it stands in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unread {
    /// The field's keyword (`due`, `measure`, `used`).
    pub field: &'static str,
    /// The line.
    pub span: Span,
}

/// A `#` comment: its text (after the `#`) and where it stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comment {
    /// The text after `#`, untrimmed.
    pub text: String,
    /// The span from `#` to the end of the line.
    pub span: Span,
    /// Whether code precedes the comment on its line.
    pub trailing: bool,
}

/// A top-level entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Entry {
    /// The `plan` header entry.
    Plan(Plan),
    /// A `concern`.
    Concern(Concern),
    /// A `goal`.
    Goal(Goal),
    /// An `objective`: a short-term step toward goals (version 2).
    Objective(Objective),
    /// An `intervention`.
    Intervention(Intervention),
    /// A `medication`.
    Medication(Medication),
    /// A `measure` definition.
    Measure(MeasureDef),
    /// A dated `session`.
    Session(Session),
    /// A dated `review`.
    Review(Review),
    /// A dated `event`.
    Event(Event),
    /// A dated `safety-plan`.
    SafetyPlan(SafetyPlan),
    /// The `discharge` that ends the episode (version 2).
    Discharge(Discharge),
}

impl Entry {
    /// The entry keyword (`plan`, `goal`, `safety-plan`, ...).
    pub fn keyword(&self) -> &'static str {
        match self {
            Entry::Plan(_) => "plan",
            Entry::Concern(_) => "concern",
            Entry::Goal(_) => "goal",
            Entry::Objective(_) => "objective",
            Entry::Intervention(_) => "intervention",
            Entry::Medication(_) => "medication",
            Entry::Measure(_) => "measure",
            Entry::Session(_) => "session",
            Entry::Review(_) => "review",
            Entry::Event(_) => "event",
            Entry::SafetyPlan(_) => "safety-plan",
            Entry::Discharge(_) => "discharge",
        }
    }

    /// The span of the whole entry, header and fields.
    pub fn span(&self) -> Span {
        self.spans().0
    }

    /// The span of the header line (without its comment).
    pub fn header(&self) -> Span {
        self.spans().1
    }

    fn spans(&self) -> (Span, Span) {
        match self {
            Entry::Plan(e) => (e.span, e.header),
            Entry::Concern(e) => (e.span, e.header),
            Entry::Goal(e) => (e.span, e.header),
            Entry::Objective(e) => (e.span, e.header),
            Entry::Intervention(e) => (e.span, e.header),
            Entry::Medication(e) => (e.span, e.header),
            Entry::Measure(e) => (e.span, e.header),
            Entry::Session(e) => (e.span, e.header),
            Entry::Review(e) => (e.span, e.header),
            Entry::Event(e) => (e.span, e.header),
            Entry::SafetyPlan(e) => (e.span, e.header),
            Entry::Discharge(e) => (e.span, e.header),
        }
    }

    /// The id a definition introduces (`None` for the plan and dated entries).
    pub fn id(&self) -> Option<&Ident> {
        match self {
            Entry::Concern(e) => Some(&e.id),
            Entry::Goal(e) => Some(&e.id),
            Entry::Objective(e) => Some(&e.id),
            Entry::Intervention(e) => Some(&e.id),
            Entry::Medication(e) => Some(&e.id),
            Entry::Measure(e) => Some(&e.id),
            _ => None,
        }
    }

    /// The date of a dated entry (session, review, event, safety plan, discharge).
    pub fn date(&self) -> Option<&DateLit> {
        match self {
            Entry::Session(e) => Some(&e.date),
            Entry::Review(e) => Some(&e.date),
            Entry::Event(e) => Some(&e.date),
            Entry::SafetyPlan(e) => Some(&e.date),
            Entry::Discharge(e) => Some(&e.date),
            _ => None,
        }
    }
}

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
    /// The date this duration after `date` (months are calendar months,
    /// clamped to the month's end); `None` past the calendar's range.
    pub fn after(self, date: Date) -> Option<Date> {
        let amount = i64::from(self.amount);
        let span = match self.unit {
            Unit::Days => jiff::Span::new().try_days(amount),
            Unit::Weeks => jiff::Span::new().try_weeks(amount),
            Unit::Months => jiff::Span::new().try_months(amount),
        }
        .ok()?;
        date.checked_add(span).ok()
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

/// `session DATE`: one contact with the client.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Session {
    /// The whole entry.
    pub span: Span,
    /// The header line.
    pub header: Span,
    /// The session's date.
    pub date: DateLit,
    /// Interventions used, with the client's response.
    pub used: Vec<Used>,
    /// Progress noted toward goals.
    pub progress: Vec<Progress>,
    /// Outcome scores taken.
    pub scores: Vec<Score>,
    /// Risk as assessed in this session.
    pub risk: Option<RiskRating>,
    /// Free notes.
    pub notes: Vec<Text>,
    /// Whether the client came (version 2; `None` means attended).
    pub attendance: Option<Spanned<Attendance>>,
    /// The clinician's assessment (version 2).
    pub assessment: Option<Text>,
    /// Medication doses changed from this date (version 2).
    pub doses: Vec<DoseChange>,
    /// Homework set.
    pub homework: Vec<Text>,
    /// Length in minutes.
    pub minutes: Option<Number>,
    /// How it was delivered.
    pub format: Option<Spanned<SessionFormat>>,
}

impl Session {
    /// Whether the client came: `attendance attended`, or no `attendance` line.
    pub fn attended(&self) -> bool {
        self.attendance
            .as_ref()
            .is_none_or(|a| a.value == Attendance::Attended)
    }
}

/// `dose MED "…"` in a session or review: the dose from that date on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DoseChange {
    /// The whole field.
    pub span: Span,
    /// The medication.
    pub medication: Ident,
    /// The new dose.
    pub dose: Text,
}

/// `used ID ["client response"]` in a session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Used {
    /// The whole field.
    pub span: Span,
    /// The intervention (or medication) used.
    pub intervention: Ident,
    /// How the client responded.
    pub response: Option<Text>,
}

/// `progress GOAL "indicator"` in a session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Progress {
    /// The whole field.
    pub span: Span,
    /// The goal.
    pub goal: Ident,
    /// What showed progress.
    pub indicator: Text,
}

/// `score MEASURE N [-> N]` in a session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Score {
    /// The whole field.
    pub span: Span,
    /// The measure.
    pub measure: Ident,
    /// The score (at the start of the session when two are given).
    pub value: Number,
    /// The score at the end of the session (`80 -> 50`).
    pub after: Option<Number>,
}

/// `review DATE`: a formal review that may amend the plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Review {
    /// The whole entry.
    pub span: Span,
    /// The header line.
    pub header: Span,
    /// The review's date.
    pub date: DateLit,
    /// Goal statuses recorded.
    pub statuses: Vec<StatusUpdate>,
    /// Goal revisions.
    pub revisions: Vec<Revision>,
    /// Interventions or medications stopped.
    pub stops: Vec<Stop>,
    /// Stage of change from now on.
    pub stage: Option<Spanned<Stage>>,
    /// When the next review is due.
    pub next: Option<DateLit>,
    /// Free notes.
    pub notes: Vec<Text>,
    /// Risk as assessed at the review (version 2).
    pub risk: Option<RiskRating>,
    /// Medication doses changed from this date (version 2).
    pub doses: Vec<DoseChange>,
}

/// `status GOAL ACHIEVEMENT ["…"]` in a review or discharge.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusUpdate {
    /// The whole field.
    pub span: Span,
    /// The goal.
    pub goal: Ident,
    /// Its new status.
    pub status: Spanned<Achievement>,
    /// Why.
    pub note: Option<Text>,
}

/// `revise ID target [MEASURE] CMP N`, `revise ID due DATE` or `revise ID
/// course N UNIT` in a review or discharge.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Revision {
    /// The whole field.
    pub span: Span,
    /// The goal or objective (an intervention for a course).
    pub id: Ident,
    /// What changes.
    pub change: Change,
}

/// What a revision changes.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// A new target, for the named measure (version 2) or the only one.
    Target {
        /// The measure whose target changes, when named.
        measure: Option<Ident>,
        /// The new target.
        target: Target,
    },
    /// A new due date.
    Due(DateLit),
    /// A new course for an intervention (version 2).
    Course(Spanned<Extent>),
}

/// `stop ID ["reason"]` in a review.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stop {
    /// The whole field.
    pub span: Span,
    /// The intervention or medication stopped.
    pub target: Ident,
    /// Why.
    pub reason: Option<Text>,
}

/// `event DATE KIND "text"`: a crisis, relapse, admission or life event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// The whole entry.
    pub span: Span,
    /// The header line.
    pub header: Span,
    /// When it happened.
    pub date: DateLit,
    /// What kind of event.
    pub kind: Spanned<EventKind>,
    /// What happened.
    pub text: Text,
    /// Free notes.
    pub notes: Vec<Text>,
    /// Risk as assessed at the event (version 2).
    pub risk: Option<RiskRating>,
}

/// `safety-plan DATE`: a written safety plan (Stanley & Brown, 2012).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SafetyPlan {
    /// The whole entry.
    pub span: Span,
    /// The header line.
    pub header: Span,
    /// When it was made.
    pub date: DateLit,
    /// Warning signs of a crisis.
    pub warning_signs: Option<Text>,
    /// Internal coping strategies.
    pub coping: Option<Text>,
    /// People and services to contact.
    pub contacts: Option<Text>,
    /// Making the environment safe.
    pub means_safety: Option<Text>,
}

/// `discharge DATE KIND ["summary"]`: the end of the episode (version 2).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Discharge {
    /// The whole entry.
    pub span: Span,
    /// The header line.
    pub header: Span,
    /// When the episode ended.
    pub date: DateLit,
    /// How it ended; `None` when the type could not be read (its syntax
    /// error is reported, and the episode still ends on the date).
    pub kind: Option<Spanned<DischargeKind>>,
    /// A summary in the clinician's words.
    pub summary: Option<Text>,
    /// Final statuses of goals and objectives.
    pub statuses: Vec<StatusUpdate>,
    /// Last revisions of goals and objectives.
    pub revisions: Vec<Revision>,
    /// Where care goes next.
    pub referrals: Vec<Text>,
    /// Risk at discharge.
    pub risk: Option<RiskRating>,
    /// Free notes.
    pub notes: Vec<Text>,
}

/// A goal or an objective: what rules and summaries read alike in both.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Aim<'a> {
    /// A goal.
    Goal(&'a Goal),
    /// An objective.
    Objective(&'a Objective),
}

impl<'a> Aim<'a> {
    /// Its id.
    pub fn id(self) -> &'a Ident {
        match self {
            Aim::Goal(g) => &g.id,
            Aim::Objective(o) => &o.id,
        }
    }

    /// Its text.
    pub fn text(self) -> &'a Text {
        match self {
            Aim::Goal(g) => &g.text,
            Aim::Objective(o) => &o.text,
        }
    }

    /// Its targets, one per measure.
    pub fn measures(self) -> &'a [GoalMeasure] {
        match self {
            Aim::Goal(g) => &g.measures,
            Aim::Objective(o) => &o.measures,
        }
    }

    /// Its due date as written.
    pub fn due(self) -> Option<&'a DateLit> {
        match self {
            Aim::Goal(g) => g.due.as_ref(),
            Aim::Objective(o) => o.due.as_ref(),
        }
    }

    /// When it was set, as written.
    pub fn opened(self) -> Option<&'a DateLit> {
        match self {
            Aim::Goal(g) => g.opened.as_ref(),
            Aim::Objective(o) => o.opened.as_ref(),
        }
    }

    /// The whole entry.
    pub fn span(self) -> Span {
        match self {
            Aim::Goal(g) => g.span,
            Aim::Objective(o) => o.span,
        }
    }

    /// The header line.
    pub fn header(self) -> Span {
        match self {
            Aim::Goal(g) => g.header,
            Aim::Objective(o) => o.header,
        }
    }

    /// What it is called in messages: `goal` or `objective`.
    pub fn noun(self) -> &'static str {
        match self {
            Aim::Goal(_) => "goal",
            Aim::Objective(_) => "objective",
        }
    }

    /// Whether it is an objective.
    pub fn is_objective(self) -> bool {
        matches!(self, Aim::Objective(_))
    }

    /// The target set for `measure`, if it has one.
    pub fn target_for(self, measure: &str) -> Option<&'a GoalMeasure> {
        self.measures().iter().find(|m| m.measure.value == measure)
    }

    /// The target a `revise … target [MEASURE]` changes: the named
    /// measure's, else the only one; `None` when a measure is named that it
    /// does not have, or none is named and it has several.
    pub fn revised_target(self, measure: Option<&Ident>) -> Option<&'a GoalMeasure> {
        match (measure, self.measures()) {
            (Some(m), _) => self.target_for(&m.value),
            (None, [only]) => Some(only),
            (None, _) => None,
        }
    }
}

impl Document {
    /// Whether the entry spanning `entry` has a `field` line that could not
    /// be read: the field is written, though its value is unknown.
    pub fn has_unread(&self, entry: Span, field: &str) -> bool {
        self.unread
            .iter()
            .any(|u| u.field == field && entry.start <= u.span.start && u.span.end <= entry.end)
    }

    /// The `plan` entries (a valid file has exactly one).
    pub fn plans(&self) -> impl Iterator<Item = &Plan> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Plan(p) => Some(p),
            _ => None,
        })
    }

    /// The first `plan` entry.
    pub fn plan(&self) -> Option<&Plan> {
        self.plans().next()
    }

    /// The plan's `opened` date, when it is given and valid.
    pub fn opened(&self) -> Option<Date> {
        self.plan()?.opened.as_ref()?.value
    }

    /// The concerns.
    pub fn concerns(&self) -> impl Iterator<Item = &Concern> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Concern(c) => Some(c),
            _ => None,
        })
    }

    /// The goals.
    pub fn goals(&self) -> impl Iterator<Item = &Goal> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Goal(g) => Some(g),
            _ => None,
        })
    }

    /// The objectives.
    pub fn objectives(&self) -> impl Iterator<Item = &Objective> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Objective(o) => Some(o),
            _ => None,
        })
    }

    /// Goals and objectives, in file order.
    pub fn aims(&self) -> impl Iterator<Item = Aim<'_>> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Goal(g) => Some(Aim::Goal(g)),
            Entry::Objective(o) => Some(Aim::Objective(o)),
            _ => None,
        })
    }

    /// The objectives that are steps toward the goal `goal`.
    pub fn objectives_of<'a>(&'a self, goal: &'a str) -> impl Iterator<Item = &'a Objective> {
        self.objectives()
            .filter(move |o| o.goals.iter().any(|g| g.value == goal))
    }

    /// The interventions (medications excluded).
    pub fn interventions(&self) -> impl Iterator<Item = &Intervention> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Intervention(i) => Some(i),
            _ => None,
        })
    }

    /// The medications.
    pub fn medications(&self) -> impl Iterator<Item = &Medication> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Medication(m) => Some(m),
            _ => None,
        })
    }

    /// The measures the file defines.
    pub fn measures(&self) -> impl Iterator<Item = &MeasureDef> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Measure(m) => Some(m),
            _ => None,
        })
    }

    /// The sessions.
    pub fn sessions(&self) -> impl Iterator<Item = &Session> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Session(s) => Some(s),
            _ => None,
        })
    }

    /// The reviews.
    pub fn reviews(&self) -> impl Iterator<Item = &Review> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Review(r) => Some(r),
            _ => None,
        })
    }

    /// The events.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Event(v) => Some(v),
            _ => None,
        })
    }

    /// The safety plans.
    pub fn safety_plans(&self) -> impl Iterator<Item = &SafetyPlan> {
        self.entries.iter().filter_map(|e| match e {
            Entry::SafetyPlan(s) => Some(s),
            _ => None,
        })
    }

    /// The discharges (a valid file has at most one).
    pub fn discharges(&self) -> impl Iterator<Item = &Discharge> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Discharge(d) => Some(d),
            _ => None,
        })
    }
}
