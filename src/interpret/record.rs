//! [`Record`]: the replayed history of one plan file.

use crate::ast::{Duration, Extent, Target};
use crate::span::Span;
use crate::words::{Achievement, Attendance, DischargeKind, EventKind, Risk, Stage};
use jiff::civil::Date;
use serde::Serialize;

/// A value that took effect on a date, with the span that set it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dated<T> {
    /// When it took effect.
    pub date: Date,
    /// The value.
    pub value: T,
    /// Where the file sets it.
    pub span: Span,
}

impl<T> Dated<T> {
    /// A value dated `date`, set at `span`.
    pub fn new(date: Date, value: T, span: Span) -> Self {
        Dated { date, value, span }
    }

    /// Where it stands in the record.
    pub fn moment(&self) -> Moment {
        Moment::new(self.date, self.span)
    }
}

/// Where an entry stands in the chronological record: its date, then its
/// place in the file. The record is written in the order things happened,
/// so of two entries on one date the one written first happened first (a
/// review written above a crisis on its day was held before the crisis).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Moment {
    /// The entry's date.
    pub date: Date,
    /// Where the entry is written: the byte offset of its span.
    pub offset: usize,
}

impl Moment {
    /// The moment of the entry dated `date` and written at `span`.
    pub fn new(date: Date, span: Span) -> Self {
        Moment {
            date,
            offset: span.start,
        }
    }
}

/// The replayed history of a plan: every definition with its changes over
/// time, and every dated entry in date order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Record {
    /// The plan's `opened` date.
    pub opened: Option<Date>,
    /// The plan's review cadence (`review every`), if it sets one.
    pub review_every: Option<Duration>,
    /// Every dated entry as `(date, entry index)`, in replay order.
    pub timeline: Vec<(Date, usize)>,
    /// Goals and objectives, in file order.
    pub goals: Vec<GoalTrack>,
    /// Interventions and medications, in file order.
    pub treatments: Vec<TreatmentTrack>,
    /// Score series, one per measure, in order of first score.
    pub series: Vec<Series>,
    /// Risk levels: the plan's at `opened`, then each one assessed at a
    /// session, review, event or the discharge, in replay order.
    pub risks: Vec<Dated<RiskMark>>,
    /// Stages of change: the plan's at `opened`, then each review's.
    pub stages: Vec<Dated<Stage>>,
    /// Sessions the client attended: contacts (value: entry index).
    pub sessions: Vec<Dated<usize>>,
    /// Every session, attended or not, as an appointment.
    pub appointments: Vec<Appointment>,
    /// Reviews.
    pub reviews: Vec<ReviewMark>,
    /// Events by kind.
    pub events: Vec<Dated<EventKind>>,
    /// Safety plans (value: entry index).
    pub safety_plans: Vec<Dated<usize>>,
    /// The discharge that ended the episode: the earliest, when a file
    /// wrongly holds several.
    pub discharge: Option<DischargeMark>,
}

/// A risk level and where it was assessed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RiskMark {
    /// The level.
    pub level: Risk,
    /// The entry that assessed it; `None` for the plan's starting level.
    pub entry: Option<usize>,
}

/// One session as an appointment, attended or not.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Appointment {
    /// Its date.
    pub date: Date,
    /// Whether the client came.
    pub attendance: Attendance,
    /// The session's entry index.
    pub entry: usize,
    /// The session's header.
    pub span: Span,
}

/// The end of the episode.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DischargeMark {
    /// Its date.
    pub date: Date,
    /// How the episode ended, when the file says so readably.
    pub kind: Option<DischargeKind>,
    /// Its entry index.
    pub entry: usize,
    /// Its header.
    pub span: Span,
}

/// One goal's or objective's history.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalTrack {
    /// The goal's or objective's id.
    pub id: String,
    /// Index of its entry in the document.
    pub entry: usize,
    /// Whether it is an objective.
    pub objective: bool,
    /// For an objective, the goals it is a step toward.
    pub parents: Vec<String>,
    /// When it was set.
    pub opened: Option<Date>,
    /// Its targets, one per measure, each with its revisions.
    pub targets: Vec<TargetTrack>,
    /// Due dates over time: the original, then each revision.
    pub dues: Vec<Dated<Date>>,
    /// Statuses recorded by reviews and the discharge.
    pub statuses: Vec<Dated<Achievement>>,
}

/// One target of a goal or objective over time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetTrack {
    /// The measure it is tracked by.
    pub measure: String,
    /// The baseline score.
    pub baseline: f64,
    /// How long it must hold to count as met.
    pub sustained: Option<Extent>,
    /// The target over time: the original, then each revision.
    pub history: Vec<Dated<Target>>,
}

impl GoalTrack {
    /// The latest status recorded on or before `date`.
    pub fn status_on(&self, date: Date) -> Option<Achievement> {
        // Statuses are recorded only by reviews and the discharge, as the
        // record is replayed in date order: they are in date order, and the
        // latest is found by halving, not by a walk back from the end
        // (rules ask this for every session of a long record).
        let before = self.statuses.partition_point(|s| s.date <= date);
        let latest = before.checked_sub(1).and_then(|at| self.statuses.get(at));
        latest.map(|s| s.value)
    }

    /// Whether the goal is closed on `date`: its latest status is met
    /// (achieved, sustaining) or ended (not-achieved, not-attainable).
    pub fn is_closed_on(&self, date: Date) -> bool {
        self.status_on(date).is_some_and(Achievement::is_closed)
    }
}

/// Whether a treatment is a therapy intervention or a medication.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TreatmentKind {
    /// An `intervention`.
    Intervention,
    /// A `medication`.
    Medication,
}

/// One intervention's or medication's course.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TreatmentTrack {
    /// Its id.
    pub id: String,
    /// Index of its entry in the document.
    pub entry: usize,
    /// Intervention or medication.
    pub kind: TreatmentKind,
    /// The goals and objectives it serves.
    pub goals: Vec<String>,
    /// When it started.
    pub started: Option<Date>,
    /// When it stopped: by a review's `stop` or the discharge (value: that
    /// entry's index) or a medication's `stopped` field (value: `None`).
    pub stopped: Option<Dated<Option<usize>>>,
    /// A medication's doses: its own from its start, then each change.
    pub doses: Vec<Dated<String>>,
    /// An intervention's planned course: its own, then each revision.
    pub course: Vec<Dated<Extent>>,
}

impl TreatmentTrack {
    /// Whether it is active on `date`: started on or before, not stopped
    /// on or before.
    pub fn is_active_on(&self, date: Date) -> bool {
        self.started.is_none_or(|s| s <= date)
            && self.stopped.as_ref().is_none_or(|s| s.date > date)
    }
}

/// Every score of one measure, in date order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Series {
    /// The measure's id.
    pub measure: String,
    /// The scores.
    pub points: Vec<ScorePoint>,
}

/// One score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScorePoint {
    /// The session's date.
    pub date: Date,
    /// The score (the first of `a -> b`).
    pub value: f64,
    /// The end-of-session score of `a -> b`.
    pub after: Option<f64>,
    /// The `score` field.
    pub span: Span,
    /// The session's entry index.
    pub entry: usize,
}

/// One review.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewMark {
    /// Its date.
    pub date: Date,
    /// The next review it sets.
    pub next: Option<Date>,
    /// Its entry index.
    pub entry: usize,
    /// Its header.
    pub span: Span,
}

impl ReviewMark {
    /// Where it stands in the record.
    pub fn moment(&self) -> Moment {
        Moment::new(self.date, self.span)
    }
}

impl Record {
    /// Every contact with the client, in record order: each session the
    /// client attended and each review. A session not attended is an
    /// appointment, never a contact.
    pub fn contacts(&self) -> Vec<Moment> {
        let mut contacts: Vec<Moment> = self
            .sessions
            .iter()
            .map(Dated::moment)
            .chain(self.reviews.iter().map(ReviewMark::moment))
            .collect();
        contacts.sort();
        contacts
    }

    /// The goal or objective with `id`.
    pub fn goal(&self, id: &str) -> Option<&GoalTrack> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// Whether `treatment` serves the goal or objective `goal`: named in
    /// its `for`, or through an objective that is a step toward `goal`.
    pub fn serves(&self, treatment: &TreatmentTrack, goal: &str) -> bool {
        treatment.goals.iter().any(|served| {
            served == goal
                || self
                    .goal(served)
                    .is_some_and(|o| o.parents.iter().any(|p| p == goal))
        })
    }

    /// Whether the episode is discharged on or before `date`.
    pub fn discharged_by(&self, date: Date) -> bool {
        self.discharge.as_ref().is_some_and(|d| d.date <= date)
    }

    /// The risk level and where it was assessed, as it stood on `date`.
    pub fn risk_on(&self, date: Date) -> Option<&Dated<RiskMark>> {
        Record::latest(&self.risks, date)
    }

    /// The goals still open on `date` (not met or ended by then), in
    /// definition order.
    pub fn open_goals(&self, date: Date) -> impl Iterator<Item = &GoalTrack> {
        self.goals.iter().filter(move |g| !g.is_closed_on(date))
    }

    pub(super) fn goal_mut(&mut self, id: &str) -> Option<&mut GoalTrack> {
        self.goals.iter_mut().find(|g| g.id == id)
    }

    /// The intervention or medication with `id`.
    pub fn treatment(&self, id: &str) -> Option<&TreatmentTrack> {
        self.treatments.iter().find(|t| t.id == id)
    }

    pub(super) fn treatment_mut(&mut self, id: &str) -> Option<&mut TreatmentTrack> {
        self.treatments.iter_mut().find(|t| t.id == id)
    }

    /// The score series of `measure`.
    pub fn series(&self, measure: &str) -> Option<&Series> {
        self.series.iter().find(|s| s.measure == measure)
    }

    pub(super) fn series_mut(&mut self, measure: &str) -> &mut Series {
        let position = self.series.iter().position(|s| s.measure == measure);
        let index = position.unwrap_or_else(|| {
            self.series.push(Series {
                measure: measure.to_owned(),
                points: Vec::new(),
            });
            self.series.len() - 1
        });
        &mut self.series[index]
    }

    /// The last value of a dated history on or before `date`.
    pub fn latest<T>(history: &[Dated<T>], date: Date) -> Option<&Dated<T>> {
        history.iter().rev().find(|d| d.date <= date)
    }
}
