//! [`Record`]: the replayed history of one plan file.

use crate::ast::{Duration, Target};
use crate::span::Span;
use crate::words::{Achievement, EventKind, Risk, Stage};
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
    /// Goals, in file order.
    pub goals: Vec<GoalTrack>,
    /// Interventions and medications, in file order.
    pub treatments: Vec<TreatmentTrack>,
    /// Score series, one per measure, in order of first score.
    pub series: Vec<Series>,
    /// Risk levels: the plan's at `opened`, then each session's.
    pub risks: Vec<Dated<Risk>>,
    /// Stages of change: the plan's at `opened`, then each review's.
    pub stages: Vec<Dated<Stage>>,
    /// Sessions (value: entry index).
    pub sessions: Vec<Dated<usize>>,
    /// Reviews.
    pub reviews: Vec<ReviewMark>,
    /// Events by kind.
    pub events: Vec<Dated<EventKind>>,
    /// Safety plans (value: entry index).
    pub safety_plans: Vec<Dated<usize>>,
}

/// One goal's history.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalTrack {
    /// The goal's id.
    pub id: String,
    /// Index of its entry in the document.
    pub entry: usize,
    /// When it was set.
    pub opened: Option<Date>,
    /// The measure it is tracked by.
    pub measure: Option<String>,
    /// The baseline score.
    pub baseline: Option<f64>,
    /// Targets over time: the original, then each revision.
    pub targets: Vec<Dated<Target>>,
    /// Due dates over time: the original, then each revision.
    pub dues: Vec<Dated<Date>>,
    /// Statuses recorded by reviews.
    pub statuses: Vec<Dated<Achievement>>,
}

impl GoalTrack {
    /// The latest status recorded on or before `date`.
    pub fn status_on(&self, date: Date) -> Option<Achievement> {
        Record::latest(&self.statuses, date).map(|s| s.value)
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
    /// The goals it serves.
    pub goals: Vec<String>,
    /// When it started.
    pub started: Option<Date>,
    /// When it stopped: by a review's `stop` (value: the review's entry
    /// index) or a medication's `stopped` field (value: `None`).
    pub stopped: Option<Dated<Option<usize>>>,
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

impl Record {
    /// The goal with `id`.
    pub fn goal(&self, id: &str) -> Option<&GoalTrack> {
        self.goals.iter().find(|g| g.id == id)
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
