//! `unknown-measure`: every score and goal measure names a measure careplan
//! knows, built in or declared in the file.

use super::RuleMeta;
use crate::ast::Ident;
use super::Context;
use crate::diagnostic::{Diagnostic, Fix};
use crate::suggest::did_you_mean;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A score or goal names a measure that is neither built in nor declared.",
    doc: r#"## What it does
Flags a session's `score MEASURE …` line or a goal's `measure MEASURE …`
line naming a measure careplan does not know. Built in are `PHQ-9`, `GAD-7`,
`PHQ-2`, `GAD-2`, `PCL-5`, `SUDS`, `ORS` and `SRS`; any other measure is
declared in the file with a `measure` entry. Measure ids are case-sensitive.
The help suggests the closest known measure (`PHQ9` → `PHQ-9`).

## Why
A score is only meaningful against its measure: its range, which direction
is better, its severity bands and what counts as reliable change. A score on
an unknown measure cannot be checked for range, cannot show progress toward
the goal, and forms a separate series from the correctly named scores, so
the client's progress looks broken.

## Example
```careplan
session 2026-09-08
  used I1 "Planned three activities"
  score PHQ9 16
```

## Fix
Use the measure's id as careplan spells it, or declare your own measure:
```careplan
measure attacks "Panic attacks in the past week"
  range 0..50
  better lower

session 2026-09-08
  used I1 "Planned three activities"
  score PHQ-9 16
  score attacks 4
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let goals = cx
        .document
        .aims()
        .flat_map(|g| g.measures())
        .map(|m| &m.measure);
    let scores = cx
        .document
        .sessions()
        .flat_map(|s| &s.scores)
        .map(|s| &s.measure);
    for measure in goals.chain(scores) {
        if cx.measures.get(&measure.value).is_none() {
            out.push(unknown(cx, measure));
        }
    }
}

fn unknown(cx: &Context<'_>, measure: &Ident) -> Diagnostic {
    let known = cx.measures.iter().map(|m| m.id.as_str());
    let close = did_you_mean(&measure.value, known);
    let help = match close {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!(
            "use a built-in measure ({}), or declare it with `measure {} \"name\"` and its `range`",
            cx.measures
                .iter()
                .filter(|m| !m.declared)
                .map(|m| m.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            measure.value
        ),
    };
    Diagnostic::new(
        Rule::UnknownMeasure,
        measure.span,
        format!("careplan does not know the measure `{}`", measure.value),
    )
    .with_help(help)
    .with_fixes(close.map(|c| Fix::respelling(measure.span, &measure.value, c)))
}
