//! `course-exceeded`: an intervention is not used beyond its planned course
//! without a review saying so.

use super::Context;
use super::RuleMeta;
use crate::ast::{Entry, Extent, Used};
use crate::diagnostic::Diagnostic;
use crate::interpret::{Record, TreatmentKind, TreatmentTrack};
use crate::rule::Rule;
use jiff::civil::Date;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "An intervention is used beyond its planned `course`, and no review revised the course.",
    doc: r#"## What it does
Reads each intervention's `course` (language version 2) against the
sessions that use it:
- `course N sessions`: flags the use in the attended session after the Nth
  that uses it (a session not attended is not a use);
- `course N days|weeks|months`: flags the first use on or after the end of
  the period, counted from the intervention's start (its `opened`, else the
  plan's). `course 6 weeks` from Monday 7 September covers six weekly
  sessions, the last on 12 October; a session on 19 October is beyond it.

A review's `revise I1 course …` changes the course from its date; a review
that revises the course after the first use beyond it has looked at the
course, and that use is not flagged. Only the first use beyond the course is
flagged, once per intervention: the `used` line. Uses after the intervention
stopped are left to `stopped-intervention-used` (and, after a discharge, to
`entry-after-discharge`).

## Why
A planned course is part of the treatment contract: a client agreed to
twelve sessions of CBT, a payer authorised sixteen visits, a protocol
(trauma-focused CBT, a physiotherapy plan of care) has a set length. Going
on past it may well be right, but it is a decision: the plan should record
at a review why treatment continues, and for how long, so that the client,
the clinician and whoever funds the care share the same plan. It is
information, not an error: the rule asks for the decision to be recorded.

## Example
```careplan
intervention I1 CBT behavioral-activation "Activity scheduling" for G1
  course 2 sessions

session 2026-09-07
  used I1 "Agreed to track activity"
session 2026-09-14
  used I1 "Scheduled three activities"
session 2026-09-21
  used I1 "Did all three"
```
The third session uses `I1` beyond its course of 2 sessions.

## Fix
Record at a review that the course is extended, and for how long, or stop
the intervention:
```careplan
review 2026-09-18
  revise I1 course 6 sessions
  note "Responding well; extended by four sessions"
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let tracks = cx
        .record
        .treatments
        .iter()
        .filter(|t| t.kind == TreatmentKind::Intervention && !t.course.is_empty());
    for track in tracks {
        let mut uses = 0u32;
        for (date, used) in uses_of(cx, track) {
            uses += 1;
            let Some(course) = Record::latest(&track.course, date) else {
                continue;
            };
            let Some(beyond) = beyond(track, course.value, date, uses) else {
                continue;
            };
            let revised_later = track.course.iter().any(|c| c.date > date);
            if revised_later {
                continue;
            }
            let id = &track.id;
            out.push(
                Diagnostic::new(
                    Rule::CourseExceeded,
                    used.span,
                    format!("`{id}` is used here beyond its planned course: {beyond}"),
                )
                .with_help(format!(
                    "if treatment goes on, record the decision and the new length at a review: \
                     `revise {id} course N {}`; if the course is complete, `stop {id}` there",
                    course.value.unit
                )),
            );
            break;
        }
    }
}

/// The attended sessions that use `track` while it is active, in date
/// order: each one's date and its first `used` line naming it.
fn uses_of<'a>(
    cx: &Context<'a>,
    track: &'a TreatmentTrack,
) -> impl Iterator<Item = (Date, &'a Used)> + 'a {
    let entries = &cx.document.entries;
    cx.record.sessions.iter().filter_map(move |s| {
        let Some(Entry::Session(session)) = entries.get(s.value) else {
            return None;
        };
        let active = track.stopped.as_ref().is_none_or(|stop| s.date <= stop.date);
        let used = session
            .used
            .iter()
            .find(|u| u.intervention.value == track.id)?;
        active.then_some((s.date, used))
    })
}

/// How a use on `date`, the `uses`th, goes beyond `course`, for the
/// message; `None` when it is within it.
fn beyond(track: &TreatmentTrack, course: Extent, date: Date, uses: u32) -> Option<String> {
    match course.time() {
        None => (uses > course.amount).then(|| {
            format!(
                "this is the {} session to use it, and its course is {course}",
                ordinal(uses)
            )
        }),
        Some(period) => {
            let start = track.started?;
            let last = period.last_day(start)?;
            (date > last).then(|| {
                format!(
                    "its course of {course} from {start} ran until {last}, and this session is \
                     on {date}"
                )
            })
        }
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`.
fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::ordinal;

    #[test]
    fn ordinals_read_as_english() {
        let written: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 17, 21, 22, 101, 111]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            written,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "17th", "21st", "22nd", "101st", "111th"]
        );
    }
}
