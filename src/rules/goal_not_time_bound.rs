//! `goal-not-time-bound`: every goal says when it should be met.

use super::RuleMeta;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A goal without objectives, or an objective, has no `due` date.",
    doc: r#"## What it does
Flags a `goal` with no `due DATE` line. The goal's header is flagged.

With objectives (language version 2) a goal's horizon may be set by its
short-term steps: a goal with objectives is not flagged, while each
objective needs a `due` of its own, and one without is flagged, named as an
objective.

## Why
A SMART goal is time-bound (Doran, 1981). A due date sets the horizon at
which the goal is judged met or not, prompts a review when it passes
(`goal-overdue`), and keeps treatment from drifting on without a decision.

## Example
```careplan
goal G1 "Ride the bus to work" for panic
  measure SUDS baseline 90 target <= 30
```

## Fix
Agree a date with the client and add it; it can be revised later at a
review with `revise G1 due DATE`:
```careplan
goal G1 "Ride the bus to work" for panic
  measure SUDS baseline 90 target <= 30
  due 2027-02-01
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for aim in cx.lacking("due", |a| a.due().is_some()) {
        out.push(
            Diagnostic::new(
                Rule::GoalNotTimeBound,
                aim.header(),
                format!("{} `{}` has no due date", aim.noun(), aim.id().value),
            )
            .with_help(
                format!(
                    "add `due YYYY-MM-DD` under the {}: the date by which it should be met",
                    aim.noun()
                ),
            ),
        );
    }
}
