//! `unlinked-intervention`: every intervention and medication serves a goal.

use super::RuleMeta;
use crate::ast::Ident;
use super::Context;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::rule::Rule;
use crate::span::Span;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "An intervention or medication names no goal it serves.",
    doc: r#"## What it does
Flags an `intervention` or `medication` whose header has no `for GOALS` clause.
The clause may name goals, objectives (language version 2), or both: serving
an objective serves its goals too.

## Why
A treatment plan is a chain of reasoning: concern, goal, intervention. An
intervention that serves no goal cannot be reviewed for effect, and payers and
supervisors expect every service to be justified by a goal.

## Example
```careplan
intervention I1 psychoeducation "The panic cycle"
```

## Fix
Name the goal or goals it serves:
```careplan
intervention I1 psychoeducation "The panic cycle" for G1
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let interventions = cx
        .document
        .interventions()
        .map(|i| ("intervention", &i.id, &i.goals, i.header));
    let medications = cx
        .document
        .medications()
        .map(|m| ("medication", &m.id, &m.goals, m.header));
    for (kind, id, goals, header) in interventions.chain(medications) {
        if goals.is_empty() {
            let aims = cx.document.aims().map(|a| &a.id().value);
            let fixes = aims.take(CANDIDATES).map(|aim| {
                Fix::suggested(
                    format!("Link `{}` to `{aim}`", id.value),
                    vec![Edit::insert(header.end, format!(" for {aim}"))],
                )
            });
            out.push(unlinked(kind, id, header).with_fixes(fixes));
        }
    }
}

/// How many goals and objectives the fixes offer to link, in file order:
/// a menu longer than this is not read.
const CANDIDATES: usize = 12;

fn unlinked(kind: &str, id: &Ident, header: Span) -> Diagnostic {
    Diagnostic::new(
        Rule::UnlinkedIntervention,
        header,
        format!("{kind} `{}` is not linked to any goal", id.value),
    )
    .with_help(format!(
        "add `for GOAL` to the header, naming the goal(s) `{}` serves",
        id.value
    ))
}
