//! `goal-overdue`: no open goal is past its due date.

use super::RuleMeta;
use super::review_overdue::{days, days_between};
use crate::ast::Entry;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::interpret::{GoalTrack, Record};
use crate::rule::Rule;
use jiff::civil::Date;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A goal's due date has passed and no review has recorded it as met or ended.",
    doc: r#"## What it does
Flags a goal whose due date in force on the date the plan is judged
(`--today`) is before that date, while the goal is still open. The due date
in force is the goal's `due`, or the latest `revise GOAL due DATE` of a
review held on or before today. A goal due today is not overdue.

A goal is open unless its latest status is `achieved` or `sustaining` (met),
or `not-achieved` or `not-attainable`: those two record a decision to end
the goal, so the plan is not asked to chase it further.

Objectives (language version 2) are checked in the same way, and named as
objectives.

A discharge (language version 2) records the final statuses, and nothing
falls due after it: the plan is judged as it stood on the discharge date. A
goal due before the discharge that the discharge (or a review before it)
leaves open is flagged, since the episode ended without saying what became
of it; `status G1 not-achieved` at the discharge closes it. A goal due after
the discharge is never overdue.

The finding stands on the goal's `due` date, or on the review's
`revise … due` line when a review set the due date in force.

## Why
The "time-bound" in a SMART goal only means something if the date is
acted on. When a goal's date passes, the plan should say what happened: it
was met, it is extended with a new date and a reason, or it is closed. A
goal left open past its date hides a stalled treatment and leaves the plan
claiming work that is not being done.

## Example
```careplan
goal G1 "Return to work part-time" for mood
  measure PHQ-9 baseline 17 target < 10
  due 2026-10-01
```
Judged on 2026-11-22, with no review recording `G1`'s status, `G1` is 52
days overdue.

## Fix
Record at a review what became of the goal: met, extended, or ended.
```careplan
review 2026-11-24
  status G1 improving "Back two days a week; building up"
  revise G1 due 2027-01-15
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let today = cx.as_of();
    let discharged = cx.record.discharge.as_ref().filter(|d| d.date == today);
    for track in cx.record.open_goals(today) {
        let id = track.id.as_str();
        let status = Record::latest(&track.statuses, today);
        let Some(due) = Record::latest(&track.dues, today) else {
            continue;
        };
        // A due date before the goal was set is `date-conflict`'s finding.
        let set = track.opened.or_else(|| cx.document.opened());
        if due.value >= today || set.is_some_and(|day| due.value < day) {
            continue;
        }
        let original = match cx.document.entries.get(track.entry) {
            Some(Entry::Goal(goal)) => goal.due.as_ref().map(|d| d.span),
            Some(Entry::Objective(objective)) => objective.due.as_ref().map(|d| d.span),
            _ => None,
        };
        let noun = cx.aim_noun(id);
        let set_by = if original == Some(due.span) {
            String::new()
        } else {
            format!(
                " (as revised at the {} of {})",
                setting_entry(cx, due.span),
                due.date
            )
        };
        let state = match status {
            Some(s) => format!(
                "its latest status is `{}`, from the {} of {}",
                s.value,
                setting_entry(cx, s.span),
                s.date
            ),
            None => "no review has recorded its status".to_owned(),
        };
        let late = days(days_between(due.value, today));
        let (mut message, help) = match discharged {
            Some(discharge) => (
                format!(
                    "{noun} `{id}` was due on {}{set_by}, {late} before the episode was \
                     discharged on {}, and the discharge leaves it open: {state}",
                    due.value, discharge.date
                ),
                format!(
                    "record its final status at the discharge: `status {id} achieved` if it was \
                     met, or `status {id} not-achieved \"…\"` saying why it was not"
                ),
            ),
            None => (
                format!(
                    "{noun} `{id}` was due on {}{set_by}, {late} ago, and is still open: {state}",
                    due.value
                ),
                format!(
                    "at a review, record what became of it: `status {id} achieved` if it is met, \
                     `revise {id} due DATE` with a note on why if it needs longer, or \
                     `status {id} not-achieved \"…\"` if it is being closed"
                ),
            ),
        };
        if let Some(met) = met_on(cx, track, today) {
            message.push_str("; ");
            message.push_str(&met);
        }
        out.push(Diagnostic::new(Rule::GoalOverdue, due.span, message).with_help(help));
    }
}

/// The keyword of the entry holding `span`: the review (or discharge)
/// that recorded a status or revised a due date.
fn setting_entry(cx: &Context<'_>, span: crate::span::Span) -> &'static str {
    cx.document
        .entries
        .iter()
        .find(|e| e.span().start <= span.start && span.end <= e.span().end)
        .map_or("review", Entry::keyword)
}

/// "its latest `M` score, 4 on DATE, meets the target (< 5)", when every
/// target of the goal is met on `today` (held long enough when sustained).
fn met_on(cx: &Context<'_>, track: &GoalTrack, today: Date) -> Option<String> {
    let standings: Vec<_> = track
        .targets
        .iter()
        .map(|t| t.standing(cx.record.series(&t.measure), today))
        .collect::<Option<_>>()?;
    if standings.is_empty() || !standings.iter().all(|s| s.met) {
        return None;
    }
    let parts: Vec<String> = standings
        .iter()
        .filter_map(|s| {
            let (date, value) = s.latest?;
            Some(format!(
                "its latest `{}` score, {value} on {date}, meets the target ({})",
                s.measure, s.target
            ))
        })
        .collect();
    Some(parts.join("; "))
}
