//! `goal-not-measurable`: every goal names the measure its progress is
//! judged by.

use super::RuleMeta;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A goal without objectives, or an objective, has no `measure` line.",
    doc: r#"## What it does
Flags a `goal` with no `measure MEASURE baseline N target CMP N` line. The
goal's header is flagged.

With objectives (language version 2) a goal may be broad, as a Jongsma-style
long-term goal is ("Recover from the depressive episode"): a goal with
objectives is measured by them, and is not flagged. Each objective needs a
`measure` of its own, and an objective without one is flagged, named as an
objective.

## Why
SMART goals are Specific, Measurable, Achievable, Relevant and Time-bound
(Doran, 1981). A goal with a measure, a baseline and a target can be judged
at every review: careplan tracks its score series, shows progress toward the
target and notices a plateau. Without one, "improving" is an impression, and
measurement-based care (routine outcome monitoring) is not possible.

## Example
```careplan
goal G1 "Feel less anxious" for anxiety
  due 2027-01-15
```

## Fix
Choose a measure (a built-in one such as `GAD-7`, or one declared with
`measure`), record the baseline and set the target:
```careplan
goal G1 "Feel less anxious" for anxiety
  measure GAD-7 baseline 14 target < 5
  due 2027-01-15
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for aim in cx.lacking("measure", |a| !a.measures().is_empty()) {
        out.push(
            Diagnostic::new(
                Rule::GoalNotMeasurable,
                aim.header(),
                format!("{} `{}` has no measure", aim.noun(), aim.id().value),
            )
            .with_help(
                "add a line such as `measure PHQ-9 baseline 16 target < 5`: \
                 the measure, the score now, and the score that meets the goal",
            ),
        );
    }
}
