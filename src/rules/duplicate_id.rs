//! `duplicate-id`: concerns, goals, objectives, interventions, medications
//! and measures share one set of ids, and each id is defined once.

use super::RuleMeta;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use foldhash::HashMap;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Two definitions share an id.",
    doc: r#"## What it does
Flags a concern, goal, objective, intervention, medication or measure whose
id is already used by an earlier definition in the file. These six kinds
share one set of ids (objectives, new in language version 2, among them), so
a goal and an intervention may not both be called `G1`, nor a goal and an
objective `O1`. Every
definition after the first is flagged, and the message names the line of the
first.

A `measure` entry that reuses the id of a built-in measure (say `PHQ-9`) is
not a duplicate: it replaces the built-in measure for this file, with the
range and direction it declares.

## Why
Sessions and reviews refer to goals, objectives and interventions by id,
and an intervention's `for` may name goals and objectives alike. When two
definitions share an id, a `for`, `used`, `progress`, `status` or `stop`
line could mean either, so progress may be credited to the wrong goal or the wrong
treatment stopped.

## Example
```careplan
goal G1 "Fewer panic attacks" for panic
  measure attacks baseline 4 target <= 1
  due 2027-01-15
goal G1 "Lift low mood" for mood
  measure PHQ-9 baseline 16 target < 5
  due 2027-03-01
```

## Fix
Give the second definition its own id, and update the lines that refer to it:
```careplan
goal G2 "Lift low mood" for mood
  measure PHQ-9 baseline 16 target < 5
  due 2027-03-01
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut first = HashMap::default();
    for entry in &cx.document.entries {
        let Some(id) = entry.id() else { continue };
        let Some(&(keyword, defined)) = first.get(id.value.as_str()) else {
            first.insert(id.value.as_str(), (entry.keyword(), id.span));
            continue;
        };
        let line = cx.line(defined.start);
        out.push(
            Diagnostic::new(
                Rule::DuplicateId,
                id.span,
                format!(
                    "`{}` is already the id of the {keyword} on line {line}",
                    id.value
                ),
            )
            .with_help(format!(
                "give this {} its own id, and update the lines that refer to it",
                entry.keyword()
            ))
            .with_related([(defined, "first defined here".to_owned())]),
        );
    }
}
