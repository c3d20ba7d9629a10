//! The facts of a summary beyond goals and scores: each treatment's course
//! and doses, where risk was assessed, and the discharge.

use super::{
    Assessed, CourseLine, DischargeLine, DoseChangeLine, DoseLine, EventLine, FinalStatus,
    RiskLine, ScoreTaken, SessionLine, TreatmentLine, UsedLine,
};
use crate::ast::{Document, Entry, RiskRating};
use crate::interpret::{Dated, Record, RiskMark, TreatmentKind};
use jiff::civil::Date;

/// Every intervention and medication as it stood on `as_of`, in file order.
pub(super) fn treatments(document: &Document, record: &Record, as_of: Date) -> Vec<TreatmentLine> {
    let discharge = record.discharge.as_ref().map(|d| d.entry);
    record
        .treatments
        .iter()
        .filter_map(|t| {
            let (what, title) = match document.entries.get(t.entry)? {
                Entry::Intervention(i) => (
                    match &i.technique {
                        Some(technique) => format!("{} {}", i.modality.value, technique.value),
                        None => i.modality.value.to_string(),
                    },
                    i.title.as_ref().map(|t| t.value.clone()),
                ),
                Entry::Medication(m) => (m.drug.value.clone(), None),
                _ => return None,
            };
            let stopped = t.stopped.as_ref().filter(|s| s.date <= as_of);
            let doses: Vec<DoseLine> = t
                .doses
                .iter()
                .filter(|d| d.date <= as_of)
                .map(|d| DoseLine {
                    date: d.date,
                    dose: d.value.clone(),
                })
                .collect();
            let course = Record::latest(&t.course, as_of).map(|c| CourseLine {
                planned: c.value.to_string(),
                sessions_used: sessions_using(document, record, &t.id, as_of),
                ends: c
                    .value
                    .time()
                    .zip(t.started)
                    .and_then(|(period, start)| period.last_day(start)),
            });
            Some(TreatmentLine {
                id: t.id.clone(),
                kind: t.kind,
                what,
                title,
                dose: match t.kind {
                    TreatmentKind::Medication => doses.last().map(|d| d.dose.clone()),
                    TreatmentKind::Intervention => None,
                },
                doses,
                goals: t.goals.clone(),
                started: t.started,
                stopped: stopped.map(|s| s.date),
                stopped_at_discharge: stopped
                    .is_some_and(|s| s.value.is_some() && s.value == discharge),
                active: t.is_active_on(as_of),
                course,
            })
        })
        .collect()
}

/// Attended sessions on or before `as_of` that record using `id`.
fn sessions_using(document: &Document, record: &Record, id: &str, as_of: Date) -> usize {
    record
        .sessions
        .iter()
        .filter(|s| s.date <= as_of)
        .filter(|s| match document.entries.get(s.value) {
            Some(Entry::Session(session)) => {
                session.used.iter().any(|u| u.intervention.value == id)
            }
            _ => false,
        })
        .count()
}

/// A recorded risk level with the entry that assessed it and its reason.
pub(super) fn risk(document: &Document, mark: &Dated<RiskMark>) -> RiskLine {
    let entry = mark.value.entry.and_then(|i| document.entries.get(i));
    let (assessed_at, event, rating) = match entry {
        Some(Entry::Session(s)) => (Assessed::Session, None, s.risk.as_ref()),
        Some(Entry::Review(r)) => (Assessed::Review, None, r.risk.as_ref()),
        Some(Entry::Event(e)) => (Assessed::Event, Some(e.kind.value), e.risk.as_ref()),
        Some(Entry::Discharge(d)) => (Assessed::Discharge, None, d.risk.as_ref()),
        _ => (
            Assessed::Plan,
            None,
            document.plan().and_then(|p| p.risk.as_ref()),
        ),
    };
    RiskLine {
        level: mark.value.level,
        date: mark.date,
        assessed_at,
        event,
        reason: rating.and_then(reason),
    }
}

fn reason(rating: &RiskRating) -> Option<String> {
    rating.reason.as_ref().map(|r| r.value.clone())
}

/// The discharge, when the episode had ended by `as_of`.
pub(super) fn discharge(
    document: &Document,
    record: &Record,
    as_of: Date,
) -> Option<DischargeLine> {
    let mark = record.discharge.as_ref().filter(|d| d.date <= as_of)?;
    let Some(Entry::Discharge(entry)) = document.entries.get(mark.entry) else {
        return None;
    };
    let statuses = record
        .goals
        .iter()
        .filter(|g| g.opened.is_none_or(|o| o <= mark.date))
        .map(|g| {
            let own = entry.statuses.iter().rev().find(|s| s.goal.value == g.id);
            FinalStatus {
                id: g.id.clone(),
                objective: g.objective,
                status: g.status_on(mark.date),
                at_discharge: own.is_some(),
                note: own.and_then(|s| s.note.as_ref()).map(|n| n.value.clone()),
            }
        })
        .collect();
    let texts = |texts: &[crate::ast::Text]| texts.iter().map(|t| t.value.clone()).collect();
    Some(DischargeLine {
        date: mark.date,
        kind: mark.kind,
        summary: entry.summary.as_ref().map(|s| s.value.clone()),
        statuses,
        referrals: texts(&entry.referrals),
        risk: entry.risk.as_ref().map(|r| RiskLine {
            level: r.level.value,
            date: mark.date,
            assessed_at: Assessed::Discharge,
            event: None,
            reason: reason(r),
        }),
        notes: texts(&entry.notes),
    })
}

/// Every session on or before `as_of`, attended or not, newest first.
pub(super) fn sessions(document: &Document, record: &Record, as_of: Date) -> Vec<SessionLine> {
    let texts = |texts: &[crate::ast::Text]| texts.iter().map(|t| t.value.clone()).collect();
    let mut lines: Vec<SessionLine> = record
        .appointments
        .iter()
        .filter(|a| a.date <= as_of)
        .filter_map(|a| match document.entries.get(a.entry) {
            Some(Entry::Session(s)) => Some(SessionLine {
                date: a.date,
                attendance: a.attendance,
                format: s.format.as_ref().map(|f| f.value),
                minutes: s.minutes.as_ref().map(|m| m.value),
                used: s
                    .used
                    .iter()
                    .map(|u| UsedLine {
                        id: u.intervention.value.to_string(),
                        response: u.response.as_ref().map(|r| r.value.clone()),
                    })
                    .collect(),
                scores: s
                    .scores
                    .iter()
                    .map(|score| ScoreTaken {
                        measure: score.measure.value.to_string(),
                        value: score.value.value,
                        after: score.after.as_ref().map(|a| a.value),
                    })
                    .collect(),
                risk: s.risk.as_ref().map(|r| r.level.value),
                risk_reason: s.risk.as_ref().and_then(reason),
                assessment: s.assessment.as_ref().map(|t| t.value.clone()),
                doses: s
                    .doses
                    .iter()
                    .map(|d| DoseChangeLine {
                        medication: d.medication.value.to_string(),
                        dose: d.dose.value.clone(),
                    })
                    .collect(),
                homework: texts(&s.homework),
                notes: texts(&s.notes),
            }),
            _ => None,
        })
        .collect();
    // Newest first; sessions of one day keep their file order.
    lines.sort_by_key(|l| std::cmp::Reverse(l.date));
    lines
}

/// Every event on or before `as_of` that the record holds, oldest first:
/// crises, relapses, admissions and life events, with the risk assessed at
/// each.
pub(super) fn events(document: &Document, record: &Record, as_of: Date) -> Vec<EventLine> {
    let ended = record.discharge.as_ref().map(|d| d.date);
    record
        .timeline
        .iter()
        .filter(|&&(date, _)| date <= as_of && ended.is_none_or(|end| date <= end))
        .filter_map(|&(date, index)| match document.entries.get(index) {
            Some(Entry::Event(e)) => Some(EventLine {
                date,
                kind: e.kind.value,
                text: e.text.value.clone(),
                risk: e.risk.as_ref().map(|r| r.level.value),
                risk_reason: e.risk.as_ref().and_then(reason),
            }),
            _ => None,
        })
        .collect()
}
