//! `conflicting-status`: one review says two different things about a goal.

use super::Context;
use super::RuleMeta;
use crate::ast::{Change, Revision, StatusUpdate};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use foldhash::HashMap;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "One review or discharge gives a goal two different statuses, targets, due dates or courses.",
    doc: r#"## What it does
Flags the second of two lines in one review that contradict each other:
two `status` lines giving one goal different statuses, or two `revise`
lines giving one goal different targets, or different due dates. The same
line written twice is not a contradiction and is not flagged.

Language version 2 adds the same check for objectives, for the target of
each measure of a goal with several (`revise G1 target PHQ-9 …` and
`revise G1 target workdays …` do not conflict), for an intervention's
`revise I1 course …`, and for the `status` and `revise` lines of a
discharge, which records the final decision about each goal.

## Why
A review is one decision about the plan on one day. When it records a goal
as both `improving` and `no-change`, or moves its target twice, careplan
(and anyone reading the record) can only take the last line, so the
summary, the export and the goal checks may show the opposite of what the
clinician decided.

## Example
```careplan
review 2026-10-27
  status G1 improving
  status G1 no-change
```

## Fix
Keep the line that records the decision:
```careplan
review 2026-10-27
  status G1 improving "Attacks down to one or two a week"
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for review in cx.document.reviews() {
        decision(cx, "review", &review.statuses, &review.revisions, out);
    }
    for discharge in cx.document.discharges() {
        decision(cx, "discharge", &discharge.statuses, &discharge.revisions, out);
    }
}

/// The contradictions within one review's or discharge's (`what`) lines.
fn decision(
    cx: &Context<'_>,
    what: &str,
    statuses: &[StatusUpdate],
    revisions: &[Revision],
    out: &mut Vec<Diagnostic>,
) {
    let mut recorded = HashMap::default();
    for status in statuses {
        let goal = status.goal.value.as_str();
        match recorded.get(goal) {
            Some(first) if *first != status.status.value => out.push(
                Diagnostic::new(
                    Rule::ConflictingStatus,
                    status.status.span,
                    format!(
                        "this {what} already records {} `{goal}` as {first}; now it says {}",
                        cx.aim_noun(goal),
                        status.status.value
                    ),
                )
                .with_help(format!("keep one `status` line per goal in a {what}")),
            ),
            Some(_) => {}
            None => {
                recorded.insert(goal, status.status.value);
            }
        }
    }
    // Each first target (per measure), due date and course here, as written.
    let mut first: HashMap<(&str, String), String> = HashMap::default();
    for revision in revisions {
        let id = revision.id.value.as_str();
        let (key, changed, field, value, span, noun) = match &revision.change {
            Change::Target { measure, target } => {
                // The measure named, else the only one: two lines about one
                // target conflict however each names it.
                let resolved = cx
                    .document
                    .aims()
                    .find(|a| a.id().value == id)
                    .and_then(|a| a.revised_target(measure.as_ref()))
                    .map(|m| m.measure.value.as_str())
                    .or(measure.as_ref().map(|m| m.value.as_str()));
                let (changed, field) = match measure {
                    Some(m) => (format!("{} target", m.value), format!("target {}", m.value)),
                    None => ("target".to_owned(), "target".to_owned()),
                };
                let key = format!("target {}", resolved.unwrap_or_default());
                (key, changed, field, target.to_string(), target.span, cx.aim_noun(id))
            }
            // A date off the calendar is `invalid-date`'s finding.
            Change::Due(due) => match due.value {
                Some(day) => {
                    let due_date = "due date".to_owned();
                    let field = "due".to_owned();
                    (field.clone(), due_date, field, day.to_string(), due.span, cx.aim_noun(id))
                }
                None => continue,
            },
            Change::Course(course) => {
                let field = "course".to_owned();
                let value = course.value.to_string();
                (field.clone(), field.clone(), field, value, course.span, "intervention")
            }
        };
        let earlier = first.entry((id, key)).or_insert_with(|| value.clone());
        if *earlier != value {
            out.push(
                Diagnostic::new(
                    Rule::ConflictingStatus,
                    span,
                    format!(
                        "this {what} already revises {noun} `{id}`'s {changed} to {earlier}; \
                         now it says {value}"
                    ),
                )
                .with_help(format!("keep one `revise {id} {field}` line in a {what}")),
            );
        }
    }
}
