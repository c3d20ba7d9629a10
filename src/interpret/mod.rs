//! The interpreter: replays a [`Document`] into a [`Record`], the plan's
//! history, from which [`Record::state_on`] answers "what did the plan look
//! like on date D?".
//!
//! Definitions take effect at their own `opened`/`started` date, defaulting
//! to the plan's `opened`; dated entries (sessions, reviews, events, safety
//! plans) are replayed in date order, file order breaking ties. A review sets
//! goal statuses, revises targets and due dates, and stops interventions and
//! medications. Entries whose date is not on the calendar are left out of the
//! replay (the checker reports them as `invalid-date`).

mod record;
mod review;
mod state;

pub use record::{
    Dated, GoalTrack, Record, ReviewMark, ScorePoint, Series, TreatmentKind, TreatmentTrack,
};
pub use review::ReviewDue;
pub use state::{GoalState, PlanState};

use crate::ast::{Change, Document, Entry};
use jiff::civil::Date;

/// Replays `document` into its [`Record`].
pub fn interpret(document: &Document) -> Record {
    let opened = document.opened();
    let mut record = Record {
        opened,
        review_every: document
            .plan()
            .and_then(|p| p.review_every.as_ref())
            .map(|r| r.value),
        ..Record::default()
    };
    define(document, opened, &mut record);

    let mut dated: Vec<(Date, usize)> = document
        .entries
        .iter()
        .enumerate()
        .filter_map(|(index, entry)| Some((entry.date()?.value?, index)))
        .collect();
    dated.sort_by_key(|&(date, index)| (date, index));
    for &(date, index) in &dated {
        if let Some(entry) = document.entries.get(index) {
            replay(entry, index, date, &mut record);
        }
    }
    record.timeline = dated;
    record
}

/// Records every definition at its start date.
fn define(document: &Document, opened: Option<Date>, record: &mut Record) {
    if let Some(plan) = document.plan() {
        if let (Some(date), Some(risk)) = (opened, &plan.risk) {
            record.risks.push(Dated::new(date, risk.value, risk.span));
        }
        if let (Some(date), Some(stage)) = (opened, &plan.stage) {
            record
                .stages
                .push(Dated::new(date, stage.value, stage.span));
        }
    }
    for (index, entry) in document.entries.iter().enumerate() {
        match entry {
            Entry::Goal(goal) => {
                let start = goal.opened.as_ref().and_then(|d| d.value).or(opened);
                let mut track = GoalTrack {
                    id: goal.id.value.clone(),
                    entry: index,
                    opened: start,
                    measure: goal.measure.as_ref().map(|m| m.measure.value.clone()),
                    baseline: goal.measure.as_ref().map(|m| m.baseline.value),
                    targets: Vec::new(),
                    dues: Vec::new(),
                    statuses: Vec::new(),
                };
                if let Some(date) = start {
                    if let Some(measure) = &goal.measure {
                        track
                            .targets
                            .push(Dated::new(date, measure.target, measure.target.span));
                    }
                    if let Some(due) = goal.due.as_ref().and_then(|d| d.value.map(|v| (v, d.span)))
                    {
                        track.dues.push(Dated::new(date, due.0, due.1));
                    }
                }
                record.goals.push(track);
            }
            Entry::Intervention(item) => record.treatments.push(TreatmentTrack {
                id: item.id.value.clone(),
                entry: index,
                kind: TreatmentKind::Intervention,
                goals: item.goals.iter().map(|g| g.value.clone()).collect(),
                started: item.opened.as_ref().and_then(|d| d.value).or(opened),
                stopped: None,
            }),
            Entry::Medication(item) => record.treatments.push(TreatmentTrack {
                id: item.id.value.clone(),
                entry: index,
                kind: TreatmentKind::Medication,
                goals: item.goals.iter().map(|g| g.value.clone()).collect(),
                started: item.started.as_ref().and_then(|d| d.value).or(opened),
                stopped: item
                    .stopped
                    .as_ref()
                    .and_then(|d| Some(Dated::new(d.value?, None, d.span))),
            }),
            _ => {}
        }
    }
}

/// Applies one dated entry.
fn replay(entry: &Entry, index: usize, date: Date, record: &mut Record) {
    match entry {
        Entry::Session(session) => {
            record
                .sessions
                .push(Dated::new(date, index, session.header));
            for score in &session.scores {
                record
                    .series_mut(&score.measure.value)
                    .points
                    .push(ScorePoint {
                        date,
                        value: score.value.value,
                        after: score.after.as_ref().map(|a| a.value),
                        span: score.span,
                        entry: index,
                    });
            }
            if let Some(risk) = &session.risk {
                record.risks.push(Dated::new(date, risk.value, risk.span));
            }
        }
        Entry::Review(review) => {
            for update in &review.statuses {
                if let Some(goal) = record.goal_mut(&update.goal.value) {
                    goal.statuses
                        .push(Dated::new(date, update.status.value, update.span));
                }
            }
            for revision in &review.revisions {
                if let Some(goal) = record.goal_mut(&revision.goal.value) {
                    match &revision.change {
                        Change::Target(target) => {
                            goal.targets.push(Dated::new(date, *target, revision.span));
                        }
                        Change::Due(due) => {
                            if let Some(value) = due.value {
                                goal.dues.push(Dated::new(date, value, revision.span));
                            }
                        }
                    }
                }
            }
            for stop in &review.stops {
                if let Some(track) = record.treatment_mut(&stop.target.value) {
                    let earlier = track.stopped.as_ref().is_some_and(|s| s.date <= date);
                    if !earlier {
                        track.stopped = Some(Dated::new(date, Some(index), stop.span));
                    }
                }
            }
            if let Some(stage) = &review.stage {
                record
                    .stages
                    .push(Dated::new(date, stage.value, stage.span));
            }
            record.reviews.push(ReviewMark {
                date,
                next: review.next.as_ref().and_then(|n| n.value),
                entry: index,
                span: review.header,
            });
        }
        Entry::Event(event) => record
            .events
            .push(Dated::new(date, event.kind.value, event.header)),
        Entry::SafetyPlan(plan) => record
            .safety_plans
            .push(Dated::new(date, index, plan.header)),
        _ => {}
    }
}
