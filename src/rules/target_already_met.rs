//! `target-already-met`: a goal or objective whose baseline already meets
//! its target.

use super::Context;
use super::RuleMeta;
use crate::ast::{Aim, Goal};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::words::{Care, Stage};

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A goal's or objective's baseline already meets its target.",
    doc: r#"## What it does
Flags a goal's `measure` line whose `baseline` already meets its `target`
(`baseline 4 target < 5`). A goal whose aim is to keep a met target, as
relapse prevention and functional maintenance do, is not flagged: one in
the maintenance stage (`stage maintenance` on the goal, or on the plan when
the goal sets none), one in a plan whose care is `maintenance`, or one whose
text starts with keep, maintain, stay, sustain, remain, continue, prevent
(or their -s and -ing forms) or relapse ("Keep day-to-day life going",
"Relapse prevention").

Language version 2: every target of a goal with several is checked on its
own, and objectives are checked like goals. An objective has no stage of
its own, so it is spared when one of its goals is (its stage, or its
text), or when its own text starts with one of the words above.

## Why
A target the client meets at the start cannot show change: the goal reads
as achieved from its first day, and progress, response and remission are
computed against a finish line already crossed. It is usually a slip (the
comparator the wrong way round, `>` for `<`, or the baseline and target
swapped), or a goal that needs a more ambitious target.

## Example
```careplan
goal G1 "Lift low mood" for mood
  measure PHQ-9 baseline 4 target < 5
  due 2027-03-01
```

## Fix
Check the baseline and the comparator; set a target that is a change:
```careplan
goal G1 "Lift low mood" for mood
  measure PHQ-9 baseline 14 target < 5
  due 2027-03-01
```
To keep a met target, say so with `stage maintenance` on the goal.
"#,
    check: Some(check),
};

/// Whether a goal's or objective's text starts with a word of [`KEEPING`].
fn keeps(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    KEEPING.iter().any(|k| k.eq_ignore_ascii_case(first))
}

/// The first words of a goal that keeps what is already met.
const KEEPING: &[&str] = &[
    "keep", "keeps", "keeping", "maintain", "maintains", "maintaining", "maintenance", "stay",
    "stays", "staying", "sustain", "sustains", "sustaining", "remain", "remains", "remaining",
    "continue", "continues", "continuing", "prevent", "prevents", "preventing", "relapse",
];

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.document.plan();
    let plan_stage = plan.and_then(|p| p.stage.as_ref()).map(|s| s.value);
    // The plan as a whole keeps gains (`care maintenance`), or says its
    // stage where careplan could not read it: nothing to judge.
    if plan.is_some_and(|p| {
        p.care.as_ref().is_some_and(|c| c.value == Care::Maintenance)
            || cx.document.has_unread(p.span, "stage")
    }) {
        return;
    }
    let keeping = |goal: &Goal| {
        let stage = goal.stage.as_ref().map(|s| s.value).or(plan_stage);
        keeps(&goal.text.value)
            || stage == Some(Stage::Maintenance)
            || cx.document.has_unread(goal.span, "stage")
    };
    for aim in cx.document.aims() {
        // An objective has no stage of its own: its goals' applies.
        let spared = match aim {
            Aim::Goal(goal) => keeping(goal),
            Aim::Objective(objective) => {
                let mut goals = cx
                    .document
                    .goals()
                    .filter(|g| objective.goals.iter().any(|id| id.value == g.id.value))
                    .peekable();
                // With no goal it names defined, the plan's stage applies.
                let orphan = goals.peek().is_none() && plan_stage == Some(Stage::Maintenance);
                keeps(&objective.text.value) || orphan || goals.any(keeping)
            }
        };
        if spared {
            continue;
        }
        for measure in aim
            .measures()
            .iter()
            .filter(|m| m.target.is_met_by(m.baseline.value))
        {
            out.push(
                Diagnostic::new(
                    Rule::TargetAlreadyMet,
                    measure.target.span,
                    format!(
                        "{} `{}` starts at {} {}, which already meets its target {}",
                        aim.noun(),
                        aim.id().value,
                        measure.measure.value,
                        measure.baseline.value,
                        measure.target
                    ),
                )
                .with_help(format!(
                    "check the baseline and the comparator (`<` or `>`); to keep a met target, \
                     add `stage maintenance` to the {}",
                    if aim.is_objective() { "objective's goal" } else { "goal" }
                )),
            );
        }
    }
}
