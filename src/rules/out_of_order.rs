//! `out-of-order`: the record reads in date order.

use super::RuleMeta;
use crate::check::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    code: "CP014",
    name: "out-of-order",
    severity: Severity::Warning,
    summary: "A dated entry comes after a later-dated one in the file.",
    doc: r#"## What it does
Flags a `session`, `review`, `event` or `safety-plan` whose date is earlier
than a dated entry above it in the file. The date is flagged, and the
message names the later entry it follows.

careplan replays entries in date order whatever their order in the file, so
the plan's history stays right; this rule is about the file as people read
it.

## Why
A care record is read top to bottom as a chronology. A session filed after
a later review reads as if it happened afterwards: a supervisor or covering
clinician can miss that a score or risk rating came before the review's
decisions, and a late entry is hard to tell from a wrongly dated one
(often a slip in the month or the year).

## Example
```careplan
review 2026-10-27
  status G1 improving

session 2026-10-20
  used I1 "Planned three activities"
```

## Fix
Check the date; if it is right, move the entry up to its place in the
record:
```careplan
session 2026-10-20
  used I1 "Planned three activities"

review 2026-10-27
  status G1 improving
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut latest = None;
    for entry in &cx.document.entries {
        let Some(date) = entry.date() else { continue };
        let Some(day) = date.value else { continue };
        match latest {
            Some((before, keyword, start)) if day < before => {
                let what = entry.keyword().replace('-', " ");
                let line = cx.line(start);
                out.push(
                    Diagnostic::new(
                        Rule::OutOfOrder,
                        date.span,
                        format!(
                            "this {what} is dated {day}, but it comes after the {keyword} \
                             of {before} (line {line})"
                        ),
                    )
                    .with_help(format!(
                        "check the date; if it is right, move this {what} above line {line} \
                         so the record reads in date order"
                    )),
                );
            }
            _ => latest = Some((day, entry.keyword(), entry.header().start)),
        }
    }
}
