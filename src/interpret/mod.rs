//! The interpreter: replays a [`Document`] into a [`Record`], the plan's
//! history, from which [`Record::state_on`] answers "what did the plan look
//! like on date D?".
//!
//! Definitions take effect at their own `opened`/`started` date, defaulting
//! to the plan's `opened`; dated entries (sessions, reviews, events, safety
//! plans, the discharge) are replayed in date order, file order breaking
//! ties. A review sets goal and objective statuses, revises targets, due
//! dates and courses, changes doses, and stops interventions and
//! medications; a session may change a dose too. Sessions the client did not
//! attend are appointments, not contacts: their scores are not counted. The
//! discharge sets final statuses and ends every intervention (medications
//! continue); entries dated after it are left out of the record (the
//! checker reports them as `entry-after-discharge`). Entries whose date is
//! not on the calendar are left out of the replay (the checker reports them
//! as `invalid-date`).

mod record;
mod review;
mod state;
mod targets;

pub use record::{
    Appointment, Dated, DischargeMark, GoalTrack, Moment, Record, ReviewMark, RiskMark, ScorePoint,
    Series, TargetTrack, TreatmentKind, TreatmentTrack,
};
pub use review::ReviewDue;
pub use state::{ActiveMedication, AttendanceCount, GoalState, PlanState};
pub use targets::{Held, TargetStanding};

use crate::ast::{Aim, Change, Document, Entry, GoalMeasure, Revision, RiskRating, StatusUpdate};
use crate::words::Attendance;
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
        // The episode ends at its discharge: an entry dated after it is
        // `entry-after-discharge`'s finding, not part of the record.
        if record.discharge.as_ref().is_some_and(|d| date > d.date) {
            continue;
        }
        if let Some(entry) = document.entries.get(index) {
            replay(document, entry, index, date, &mut record);
        }
    }
    record.timeline = dated;
    // The record's long lists grew by doubling: give back the room, which
    // the rules' own work can then use.
    record.appointments.shrink_to_fit();
    record.sessions.shrink_to_fit();
    for series in &mut record.series {
        series.points.shrink_to_fit();
    }
    record
}

/// Records every definition at its start date.
fn define(document: &Document, opened: Option<Date>, record: &mut Record) {
    if let Some(plan) = document.plan() {
        if let (Some(date), Some(risk)) = (opened, &plan.risk) {
            record.risks.push(risk_mark(date, risk, None));
        }
        if let (Some(date), Some(stage)) = (opened, &plan.stage) {
            record
                .stages
                .push(Dated::new(date, stage.value, stage.span));
        }
    }
    for (index, entry) in document.entries.iter().enumerate() {
        match entry {
            Entry::Goal(goal) => record.goals.push(aim(Aim::Goal(goal), index, opened)),
            Entry::Objective(objective) => {
                record
                    .goals
                    .push(aim(Aim::Objective(objective), index, opened));
            }
            Entry::Intervention(item) => {
                let started = item.opened.as_ref().and_then(|d| d.value).or(opened);
                record.treatments.push(TreatmentTrack {
                    id: item.id.value.to_string(),
                    entry: index,
                    kind: TreatmentKind::Intervention,
                    goals: item.goals.iter().map(|g| g.value.to_string()).collect(),
                    started,
                    stopped: None,
                    doses: Vec::new(),
                    course: started
                        .zip(item.course.as_ref())
                        .map(|(date, c)| Dated::new(date, c.value, c.span))
                        .into_iter()
                        .collect(),
                });
            }
            Entry::Medication(item) => {
                let started = item.started.as_ref().and_then(|d| d.value).or(opened);
                record.treatments.push(TreatmentTrack {
                    id: item.id.value.to_string(),
                    entry: index,
                    kind: TreatmentKind::Medication,
                    goals: item.goals.iter().map(|g| g.value.to_string()).collect(),
                    started,
                    stopped: item
                        .stopped
                        .as_ref()
                        .and_then(|d| Some(Dated::new(d.value?, None, d.span))),
                    doses: started
                        .zip(item.dose.as_ref())
                        .map(|(date, d)| Dated::new(date, d.value.clone(), d.span))
                        .into_iter()
                        .collect(),
                    course: Vec::new(),
                });
            }
            _ => {}
        }
    }
}

/// A goal's or objective's track at its start date.
fn aim(aim: Aim<'_>, entry: usize, opened: Option<Date>) -> GoalTrack {
    let start = aim.opened().and_then(|d| d.value).or(opened);
    let target = |m: &GoalMeasure| TargetTrack {
        measure: m.measure.value.to_string(),
        baseline: m.baseline.value,
        sustained: m.sustained.as_ref().map(|s| s.value),
        history: start
            .map(|date| Dated::new(date, m.target, m.target.span))
            .into_iter()
            .collect(),
    };
    GoalTrack {
        id: aim.id().value.to_string(),
        entry,
        objective: aim.is_objective(),
        parents: match aim {
            Aim::Objective(o) => o.goals.iter().map(|g| g.value.to_string()).collect(),
            Aim::Goal(_) => Vec::new(),
        },
        opened: start,
        targets: aim.measures().iter().map(target).collect(),
        dues: start
            .zip(aim.due().and_then(|d| Some((d.value?, d.span))))
            .map(|(date, (due, span))| Dated::new(date, due, span))
            .into_iter()
            .collect(),
        statuses: Vec::new(),
    }
}

fn risk_mark(date: Date, risk: &RiskRating, entry: Option<usize>) -> Dated<RiskMark> {
    let mark = RiskMark {
        level: risk.level.value,
        entry,
    };
    Dated::new(date, mark, risk.level.span)
}

/// Applies one dated entry.
fn replay(document: &Document, entry: &Entry, index: usize, date: Date, record: &mut Record) {
    match entry {
        // A session whose attendance could not be read is neither an
        // appointment nor a contact: its one finding is the syntax error,
        // and whether the client came is never guessed.
        Entry::Session(session) if !document.knows_attendance(session) => {}
        Entry::Session(session) => {
            let attendance = session
                .attendance
                .as_ref()
                .map_or(Attendance::Attended, |a| a.value);
            record.appointments.push(Appointment {
                date,
                attendance,
                entry: index,
                span: session.header,
            });
            if session.attended() {
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
            }
            if let Some(risk) = &session.risk {
                record.risks.push(risk_mark(date, risk, Some(index)));
            }
            doses(&session.doses, date, record);
        }
        Entry::Review(review) => {
            amend(&review.statuses, &review.revisions, date, record);
            for stop in &review.stops {
                if let Some(track) = record.treatment_mut(&stop.target.value) {
                    stop_on(track, date, index, stop.span);
                }
            }
            if let Some(stage) = &review.stage {
                record
                    .stages
                    .push(Dated::new(date, stage.value, stage.span));
            }
            if let Some(risk) = &review.risk {
                record.risks.push(risk_mark(date, risk, Some(index)));
            }
            doses(&review.doses, date, record);
            record.reviews.push(ReviewMark {
                date,
                next: review.next.as_ref().and_then(|n| n.value),
                entry: index,
                span: review.header,
            });
        }
        Entry::Event(event) => {
            record
                .events
                .push(Dated::new(date, event.kind.value, event.header));
            if let Some(risk) = &event.risk {
                record.risks.push(risk_mark(date, risk, Some(index)));
            }
        }
        Entry::SafetyPlan(plan) => record
            .safety_plans
            .push(Dated::new(date, index, plan.header)),
        Entry::Discharge(discharge) => {
            if record.discharge.is_some() {
                return;
            }
            amend(&discharge.statuses, &discharge.revisions, date, record);
            for track in &mut record.treatments {
                if track.kind == TreatmentKind::Intervention {
                    stop_on(track, date, index, discharge.header);
                }
            }
            if let Some(risk) = &discharge.risk {
                record.risks.push(risk_mark(date, risk, Some(index)));
            }
            record.discharge = Some(DischargeMark {
                date,
                kind: discharge.kind.as_ref().map(|k| k.value),
                entry: index,
                span: discharge.header,
            });
        }
        _ => {}
    }
}

/// Stops a treatment on `date`, unless it stopped earlier.
fn stop_on(track: &mut TreatmentTrack, date: Date, index: usize, span: crate::span::Span) {
    let earlier = track.stopped.as_ref().is_some_and(|s| s.date <= date);
    if !earlier {
        track.stopped = Some(Dated::new(date, Some(index), span));
    }
}

/// Records the dose changes of a session or review.
fn doses(changes: &[crate::ast::DoseChange], date: Date, record: &mut Record) {
    for change in changes {
        if let Some(track) = record.treatment_mut(&change.medication.value) {
            track
                .doses
                .push(Dated::new(date, change.dose.value.clone(), change.span));
        }
    }
}

/// Applies the statuses and revisions of a review or discharge.
fn amend(statuses: &[StatusUpdate], revisions: &[Revision], date: Date, record: &mut Record) {
    for update in statuses {
        if let Some(goal) = record.goal_mut(&update.goal.value) {
            goal.statuses
                .push(Dated::new(date, update.status.value, update.span));
        }
    }
    for revision in revisions {
        match &revision.change {
            Change::Target { measure, target } => {
                let Some(goal) = record.goal_mut(&revision.id.value) else {
                    continue;
                };
                // A revision that names no measure changes the only target;
                // with several it is ambiguous (reported by a rule) and ignored.
                let track = match measure {
                    Some(m) => goal.targets.iter_mut().find(|t| t.measure == m.value),
                    None if goal.targets.len() == 1 => goal.targets.first_mut(),
                    None => None,
                };
                if let Some(track) = track {
                    track.history.push(Dated::new(date, *target, revision.span));
                }
            }
            Change::Due(due) => {
                if let (Some(goal), Some(value)) = (record.goal_mut(&revision.id.value), due.value)
                {
                    goal.dues.push(Dated::new(date, value, revision.span));
                }
            }
            Change::Course(course) => {
                if let Some(track) = record.treatment_mut(&revision.id.value) {
                    track
                        .course
                        .push(Dated::new(date, course.value, revision.span));
                }
            }
        }
    }
}
