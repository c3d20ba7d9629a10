//! `invalid-date`: a date that is not on the calendar. The parser reports it;
//! this file holds the rule's metadata and documentation.

use super::RuleMeta;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A date is not on the calendar.",
    doc: r#"## What it does
Flags a date written `YYYY-MM-DD` that does not exist: a 13th month, a
30 February, a 31 April, or 29 February outside a leap year.

## Why
Dates order the record: they decide when a session happened, whether a
review is overdue and what the plan looked like on a given day. A date that
does not exist cannot be placed, so the entry it dates drops out of the
plan's timeline and out of the checks that depend on it.

This rule is always an error: `careplan.toml` cannot turn it off or lower it,
and an allow comment cannot silence it, because nothing in the text it
reports was checked.

## Example
```careplan
session 2026-02-30
  used I1 "Planned three activities"
```

## Fix
Write the real date, checking it against the session record or calendar:
```careplan
session 2026-02-27
  used I1 "Planned three activities"
```
"#,
    check: None,
};
