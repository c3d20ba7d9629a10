//! `goal-without-intervention`: every open goal and objective is served by
//! a treatment that has not stopped.

use super::Context;
use super::RuleMeta;
use crate::ast::Aim;
use crate::diagnostic::Diagnostic;
use crate::interpret::TreatmentTrack;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "No active intervention or medication serves a goal or objective that is still open.",
    doc: r#"## What it does
Flags a goal or objective that no intervention or medication serves on the
date the plan is judged (`--today`): none names it in its `for` list, or
every one that did has stopped (by a review's `stop`, or a medication's
`stopped` date). Treatments set to start later still count. Goals and
objectives whose latest status is `achieved`, `sustaining`, `not-achieved`
or `not-attainable` are closed and not checked. The header is flagged.

With objectives (language version 2) the work is planned objective by
objective, as in a Jongsma-style plan:
- an **objective** is served when a treatment names it in its `for`;
- a **goal** with open objectives is served through them: an intervention
  `for O1` serves O1's goal too. When some of its open objectives are
  served, the goal is; each open objective that nothing serves is flagged
  on its own (named as an objective), and the goal is not flagged as well;
- a goal whose objectives are all closed needs a treatment of its own, a
  new objective, or a status: it is flagged when nothing names it.

After a discharge nothing is worked on any more, so the plan is judged as
it stood on the discharge date: interventions the discharge ended count as
serving to the end, and the discharge's `status` lines close what they
close.

## Why
Each goal in a treatment plan should have at least one intervention aimed at
it: that is what makes the plan a plan. A goal with nothing serving it will
not be worked on, and a review will find it unchanged; often an
intervention was stopped at a review without a replacement being added, or
its `for` list names the wrong goal. In a plan with short-term objectives
each objective is the unit of work, and the interventions are listed under
the objective they serve (Jongsma & Peterson, *The Complete Adult
Psychotherapy Treatment Planner*): an objective with none is a step nobody
is taking.

## Example
```careplan
goal G2 "Sleep through the night" for mood
  measure ISI baseline 18 target < 8
  due 2027-02-01

intervention I1 CBT behavioral-activation "Activity scheduling" for G1
```

## Fix
Link an intervention to the goal (or to the objective), or close it at a
review:
```careplan
intervention I1 CBT behavioral-activation "Activity scheduling" for G1
intervention I2 CBT "CBT for insomnia: sleep restriction" for G2
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let day = cx.as_of();
    let record = cx.record;
    let open = |id: &str| record.goal(id).is_none_or(|t| !t.is_closed_on(day));
    let discharge = record.discharge.as_ref().map(|d| d.entry);
    // A treatment serves unless it stopped by `day`; one the discharge
    // ended served to the end of the episode.
    let serving = |t: &TreatmentTrack| {
        t.stopped
            .as_ref()
            .is_none_or(|s| s.date > day || (s.value.is_some() && s.value == discharge))
    };
    for aim in cx.document.aims() {
        let id = aim.id().value.as_str();
        // A second definition of the id is `duplicate-id`'s finding.
        let first = cx.definition(id).is_none_or(|e| e.span() == aim.span());
        if !open(id) || !first {
            continue;
        }
        let mut objectives = Vec::new();
        if let Aim::Goal(_) = aim {
            objectives = cx.document.objectives_of(id).map(|o| o.id.value.as_str()).collect();
            // Open objectives answer for their goal: each one nothing
            // serves is flagged itself.
            if objectives.iter().any(|o| open(o)) {
                continue;
            }
        }
        let linked: Vec<&TreatmentTrack> = record
            .treatments
            .iter()
            .filter(|t| t.goals.iter().any(|g| g == id))
            .collect();
        if linked.iter().any(|t| serving(t)) {
            continue;
        }
        let noun = aim.noun();
        let mut message = if linked.is_empty() {
            format!("no intervention or medication serves {noun} `{id}`")
        } else {
            let stopped: Vec<String> = linked
                .iter()
                .filter_map(|t| Some(format!("`{}` on {}", t.id, t.stopped.as_ref()?.date)))
                .collect();
            format!(
                "everything serving {noun} `{id}` has stopped ({})",
                stopped.join(", ")
            )
        };
        match objectives.as_slice() {
            [] => {}
            [only] => message.push_str(&format!("; its objective `{only}` is closed")),
            _ => {
                let listed: Vec<String> = objectives.iter().map(|o| format!("`{o}`")).collect();
                message.push_str(&format!(
                    "; its objectives ({}) are all closed",
                    listed.join(", ")
                ));
            }
        }
        out.push(
            Diagnostic::new(Rule::GoalWithoutIntervention, aim.header(), message).with_help(
                format!(
                    "add `for {id}` to an intervention or medication that works on it; \
                     if the {noun} is met or ended, record that at a review with `status {id} …`"
                ),
            ),
        );
    }
}
