//! The record: sessions, reviews, events, safety plans and the discharge.

use super::{DateLit, Extent, Ident, Number, RiskRating, Target, Text};
use crate::span::{Span, Spanned};
use crate::words::{Achievement, Attendance, DischargeKind, EventKind, SessionFormat, Stage};
use serde::Serialize;

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
