//! `goal-without-intervention`: every open goal is served by a treatment
//! that has not stopped.

use super::RuleMeta;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "No active intervention or medication serves a goal that is still open.",
    doc: r#"## What it does
Flags a goal that no intervention or medication serves on the date the plan
is judged (`--today`): none names it in its `for` list, or every one that
did has stopped (by a review's `stop`, or a medication's `stopped` date).
Treatments set to start later still count. Goals whose latest status is
`achieved`, `sustaining`, `not-achieved` or `not-attainable` are closed and
not checked. The goal's header is flagged.

## Why
Each goal in a treatment plan should have at least one intervention aimed at
it: that is what makes the plan a plan. A goal with nothing serving it will
not be worked on, and a review will find it unchanged; often an
intervention was stopped at a review without a replacement being added, or
its `for` list names the wrong goal.

## Example
```careplan
goal G2 "Sleep through the night" for mood
  measure ISI baseline 18 target < 8
  due 2027-02-01

intervention I1 CBT behavioral-activation "Activity scheduling" for G1
```

## Fix
Link an intervention to the goal, or close the goal at a review:
```careplan
intervention I1 CBT behavioral-activation "Activity scheduling" for G1
intervention I2 CBT "CBT for insomnia: sleep restriction" for G2
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let today = cx.today;
    for goal in cx.document.goals() {
        let id = goal.id.value.as_str();
        if cx.record.goal(id).is_some_and(|t| t.is_closed_on(today)) {
            continue;
        }
        let linked: Vec<_> = cx
            .record
            .treatments
            .iter()
            .filter(|t| t.goals.iter().any(|g| g == id))
            .collect();
        if linked
            .iter()
            .any(|t| t.stopped.as_ref().is_none_or(|s| s.date > today))
        {
            continue;
        }
        let message = if linked.is_empty() {
            format!("no intervention or medication serves goal `{id}`")
        } else {
            let stopped: Vec<String> = linked
                .iter()
                .filter_map(|t| Some(format!("`{}` on {}", t.id, t.stopped.as_ref()?.date)))
                .collect();
            format!(
                "everything serving goal `{id}` has stopped ({})",
                stopped.join(", ")
            )
        };
        out.push(
            Diagnostic::new(Rule::GoalWithoutIntervention, goal.header, message).with_help(
                format!(
                    "add `for {id}` to an intervention or medication that works on it; \
                     if the goal is met or ended, record that at a review with `status {id} …`"
                ),
            ),
        );
    }
}
