//! `revise-without-measure`: a revised target says which target it revises.

use super::Context;
use super::RuleMeta;
use crate::ast::{Aim, Change};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A `revise … target` names no measure, and the goal or objective has several targets (or none of its own).",
    doc: r#"## What it does
Flags a review's or discharge's `revise ID target CMP N` that names no
measure when the goal or objective has more than one target (language
version 2: `measure` lines are repeatable, one target per measure). The
`revise` line is flagged, and the message lists the measures to choose
from. It also flags such a line for a broad goal, one with no target of its
own whose objectives carry the targets. careplan cannot tell which target
is meant, so the revision is not applied.

A measure named on the line that the goal or objective has no target for
is `unknown-reference`, with a did-you-mean. A goal with no objectives and
no target is `goal-not-measurable`'s finding, and is not flagged again here.

## Why
A physiotherapy goal may hold a pain score and a range of motion, a
depression objective a PHQ-9 and days at work. A review that lowers "the
target" without saying which would, if guessed, move the wrong finish
line: the goal would count as met, or never met, against a target no one
chose, and the summary and the export would carry it.

## Example
```careplan
objective O2 "Back at work three days a week" for G1
  measure workdays baseline 0 target >= 3
  measure PHQ-9 baseline 18 target < 10
  due 2027-02-28

review 2026-12-07
  revise O2 target >= 2
```

## Fix
Name the measure whose target changes:
```careplan
review 2026-12-07
  revise O2 target workdays >= 2
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let revisions = cx.document.revisions();
    for revision in revisions {
        let Change::Target {
            measure: None,
            target,
        } = &revision.change
        else {
            continue;
        };
        let id = revision.id.value.as_str();
        let Some(aim) = cx.document.aims().find(|a| a.id().value == id) else {
            continue;
        };
        let noun = aim.noun();
        let measures: Vec<&str> = aim
            .measures()
            .iter()
            .map(|m| m.measure.value.as_str())
            .collect();
        let (message, help) = match measures.as_slice() {
            [_] => continue,
            [] => {
                let Some(first) = objective_with_target(cx, aim) else {
                    continue;
                };
                (
                    format!(
                        "{noun} `{id}` has no target of its own to revise: its objectives carry \
                         the targets"
                    ),
                    format!("revise the objective's target instead: `revise {first} target …`"),
                )
            }
            _ => {
                let listed: Vec<String> = measures.iter().map(|m| format!("`{m}`")).collect();
                let lines: Vec<String> = measures
                    .iter()
                    .map(|m| format!("`revise {id} target {m} {target}`"))
                    .collect();
                (
                    format!(
                        "{noun} `{id}` has {} targets ({}); this `revise` does not say which \
                         one it changes",
                        measures.len(),
                        listed.join(", ")
                    ),
                    format!("name the measure whose target changes: {}", lines.join(" or ")),
                )
            }
        };
        out.push(
            Diagnostic::new(Rule::ReviseWithoutMeasure, revision.span, message).with_help(help),
        );
    }
}

/// The first objective of a broad goal that has a target: `None` when the
/// aim is not a goal with objectives (then `goal-not-measurable` applies).
fn objective_with_target<'a>(cx: &Context<'a>, aim: Aim<'a>) -> Option<&'a str> {
    let Aim::Goal(goal) = aim else { return None };
    cx.document
        .objectives_of(&goal.id.value)
        .find(|o| !o.measures.is_empty())
        .map(|o| o.id.value.as_str())
}
