//! `conflicting-status`: one review says two different things about a goal.

use super::Context;
use super::RuleMeta;
use crate::ast::Change;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use std::collections::HashMap;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "One review gives a goal two different statuses, targets or due dates.",
    doc: r#"## What it does
Flags the second of two lines in one review that contradict each other:
two `status` lines giving one goal different statuses, or two `revise`
lines giving one goal different targets, or different due dates. The same
line written twice is not a contradiction and is not flagged.

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
        let mut statuses = HashMap::new();
        for status in &review.statuses {
            let goal = status.goal.value.as_str();
            match statuses.get(goal) {
                Some(first) if *first != status.status.value => out.push(
                    Diagnostic::new(
                        Rule::ConflictingStatus,
                        status.status.span,
                        format!(
                            "this review already records goal `{goal}` as {first}; now it says {}",
                            status.status.value
                        ),
                    )
                    .with_help("keep one `status` line per goal in a review"),
                ),
                Some(_) => {}
                None => {
                    statuses.insert(goal, status.status.value);
                }
            }
        }
        // Each goal's first target and due date in this review, as written.
        let mut first: HashMap<(&str, String), String> = HashMap::new();
        for revision in &review.revisions {
            let goal = revision.id.value.as_str();
            let (what, value, span) = match &revision.change {
                Change::Target { measure, target } => (
                    match measure {
                        Some(m) => format!("target {}", m.value),
                        None => "target".to_owned(),
                    },
                    target.to_string(),
                    target.span,
                ),
                // A date off the calendar is `invalid-date`'s finding.
                Change::Due(due) => match due.value {
                    Some(day) => ("due".to_owned(), day.to_string(), due.span),
                    None => continue,
                },
                Change::Course(course) => {
                    ("course".to_owned(), course.value.to_string(), course.span)
                }
            };
            let earlier = first
                .entry((goal, what.clone()))
                .or_insert_with(|| value.clone());
            if *earlier != value {
                let noun = if what == "due" { "due date" } else { &what };
                out.push(
                    Diagnostic::new(
                        Rule::ConflictingStatus,
                        span,
                        format!(
                            "this review already revises goal `{goal}`'s {noun} to {earlier}; \
                             now it says {value}"
                        ),
                    )
                    .with_help(format!("keep one `revise {goal} {what}` line in a review")),
                );
            }
        }
    }
}
