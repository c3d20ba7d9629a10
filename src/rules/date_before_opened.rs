//! `date-before-opened`: sessions, reviews, events, safety plans and the
//! discharge fall within the episode of care, on or after the plan's
//! `opened` date.

use super::RuleMeta;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A session, review, event, safety plan or discharge is dated before the plan was opened.",
    doc: r#"## What it does
Flags a `session`, `review`, `event`, `safety-plan` or `discharge` (language
version 2) dated before the plan's `opened` date. The date itself is
flagged.

Dates inside definitions are not checked: a medication `started` or a concern
noted `since` before the episode is normal, since clients often arrive already
on medication and with long-standing problems.

## Why
A file records one episode of care, which begins on `opened`. A session dated
earlier is either a typing slip (often the wrong month or year), which puts
the note in the wrong place in the record, or work from an earlier episode,
which belongs in that episode's file. Either way reviews, overdue checks and
the plan's history are computed from the wrong dates.

## Example
```careplan
plan "Low mood"
  opened 2026-09-01

session 2026-08-25
  used I1 "Planned three activities"
```

## Fix
Correct the date, or, if care really began earlier, move `opened` back:
```careplan
session 2026-09-25
  used I1 "Planned three activities"
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(opened) = cx.document.opened() else {
        return;
    };
    for entry in &cx.document.entries {
        let Some(date) = entry.date() else { continue };
        let Some(day) = date.value.filter(|d| *d < opened) else {
            continue;
        };
        let what = entry.keyword().replace('-', " ");
        out.push(
            Diagnostic::new(
                Rule::DateBeforeOpened,
                date.span,
                format!("this {what} is dated {day}, before the plan was opened on {opened}"),
            )
            .with_help(format!(
                "check the date; if care really began earlier, \
                 move the plan's `opened` back to {day} or before"
            )),
        );
    }
}
