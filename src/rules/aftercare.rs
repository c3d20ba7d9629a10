//! What follows a crisis or a stay in hospital: the days after an event
//! within which something should answer it (a review of the plan, a contact
//! with the client, a revised safety plan). Shared by
//! `crisis-without-review`, `crisis-follow-up` and `safety-plan-not-revised`.

use super::Context;
use super::review_overdue::days_between;
use crate::ast::{Discharge, Entry};
use crate::interpret::{Dated, Moment};
use crate::words::{DischargeKind, EventKind};
use jiff::civil::Date;

/// An event that nothing answered in time.
pub(crate) struct Unanswered<'a> {
    /// The event.
    pub event: &'a Dated<EventKind>,
    /// The date of the first answer after it, however late.
    pub next: Option<Date>,
    /// The date of the discharge that closed the episode within the window
    /// without answering the event.
    pub closed: Option<Date>,
}

/// The events of the `kinds` that nothing in `answers` followed within
/// `days` days, in record order. An answer follows the event when it comes
/// after it in the record: on the event's own date, only when written below
/// it. A crisis or relapse followed by a stay in hospital before any answer
/// is answered by the stay: the client was in hospital, and what is owed
/// after it is judged from the day they left (a `hospitalization` event's
/// date). An event is judged once its window has passed on the date the
/// plan is judged, or once a discharge within the window closed the
/// episode; `closes` says whether that discharge answers the event itself.
/// An event within the window of one already reported is part of that
/// finding: one gap in care gives one finding. An event written below the
/// discharge on its date came after the episode ended, and is not judged.
pub(crate) fn unanswered<'a>(
    cx: &Context<'a>,
    kinds: impl Fn(EventKind) -> bool,
    days: i64,
    answers: &[Moment],
    closes: impl Fn(&Discharge) -> bool,
) -> Vec<Unanswered<'a>> {
    let discharge =
        cx.record
            .discharge
            .as_ref()
            .and_then(|mark| match cx.document.entries.get(mark.entry) {
                Some(Entry::Discharge(d)) => Some((Moment::new(mark.date, mark.span), d)),
                _ => None,
            });
    let stays: Vec<Moment> = cx
        .record
        .events
        .iter()
        .filter(|e| e.value == EventKind::Hospitalization)
        .map(Dated::moment)
        .collect();
    let mut out = Vec::new();
    let mut reported: Option<Date> = None;
    for event in cx.record.events.iter().filter(|e| kinds(e.value)) {
        let at = event.moment();
        // Written below the discharge on its day: after the episode ended.
        if discharge.is_some_and(|(d, _)| d < at) {
            continue;
        }
        let within = |day: Date| days_between(event.date, day) <= days;
        let first_after = |moments: &[Moment]| moments.iter().filter(|m| **m > at).min().copied();
        let next = first_after(answers);
        let stay = first_after(&stays).filter(|_| event.value != EventKind::Hospitalization);
        if next.is_some_and(|n| within(n.date)) || stay.is_some_and(|s| next.is_none_or(|n| s < n))
        {
            continue;
        }
        let closed = discharge.filter(|(d, _)| *d > at && within(d.date));
        match closed {
            Some((_, d)) if closes(d) => continue,
            None if days_between(event.date, cx.today) <= days => continue,
            _ => {}
        }
        if reported.is_some_and(|r| days_between(r, event.date) <= days) {
            continue;
        }
        reported = Some(event.date);
        out.push(Unanswered {
            event,
            next: next.map(|n| n.date),
            closed: closed.map(|(d, _)| d.date),
        });
    }
    out
}

/// Whether a discharge transfers care to another service, which then owes
/// the client what follows a crisis.
pub(crate) fn transfers(discharge: &Discharge) -> bool {
    discharge
        .kind
        .as_ref()
        .is_some_and(|k| k.value == DischargeKind::Transferred)
}

/// Whether a discharge records the risk at the end of the episode: a
/// readable `risk` line or one that could not be read (it counts as
/// written).
pub(crate) fn records_risk(cx: &Context<'_>, discharge: &Discharge) -> bool {
    discharge.risk.is_some() || cx.document.has_unread(discharge.span, "risk")
}

/// The event in messages: `the crisis of 2026-09-14`, `the hospital stay
/// that ended on 2026-09-14`.
pub(crate) fn described(event: &Dated<EventKind>) -> String {
    match event.value {
        EventKind::Hospitalization => format!("the hospital stay that ended on {}", event.date),
        kind => format!("the {} of {}", kind.noun(), event.date),
    }
}

/// What a window runs from, for help text: `a crisis`, `a relapse`,
/// `leaving hospital`.
pub(crate) fn since(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Crisis => "a crisis",
        EventKind::Relapse => "a relapse",
        EventKind::Hospitalization => "leaving hospital",
        EventKind::LifeEvent => "a life event",
    }
}
