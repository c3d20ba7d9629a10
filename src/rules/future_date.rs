//! `future-date`: the record holds what has happened, so its dates are not
//! after today.

use super::RuleMeta;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A session, review, event, safety plan or discharge is dated after today, or the client is born after today.",
    doc: r#"## What it does
Flags the date of a `session`, `review`, `event`, `safety-plan` or
`discharge` (language version 2) that is later than today (`--today`, or the system date), and a plan's `born` date
later than today. Dates inside entries that look ahead, such as a review's
`next` or a goal's `due`, are not checked. An entry after today and after
the discharge is flagged here only, not also as `entry-after-discharge`.

## Why
The record is an account of what has happened. A date in the future is
almost always a slip in the year or the month (`2062` for `2026`), and it
does quiet harm: the entry is left out of every summary and check "as of"
today, a far-future session makes the record look out of order, and a birth
date in the future makes the client's age, which the medication checks read,
meaningless.

## Example
```careplan
session 2062-09-14
  used I1 "Rode the bus two stops"
```

## Fix
Correct the date; if the session is still to come, record it on the day:
```careplan
session 2026-09-14
  used I1 "Rode the bus two stops"
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let today = cx.today;
    if let Some(born) = cx.document.plan().and_then(|p| p.born.as_ref())
        && let Some(day) = born.value.filter(|&d| d > today)
    {
        out.push(
            Diagnostic::new(
                Rule::FutureDate,
                born.span,
                format!("the client's birth date, {day}, is after today ({today})"),
            )
            .with_help("check the date, the year above all"),
        );
    }
    // Formatted once: in a plan judged on a past day, every later entry
    // is a finding.
    let today_text = today.to_string();
    for entry in &cx.document.entries {
        let Some(date) = entry.date() else { continue };
        let Some(day) = date.value.filter(|&d| d > today) else {
            continue;
        };
        let what = match entry.keyword() {
            "safety-plan" => "safety plan",
            keyword => keyword,
        };
        out.push(
            Diagnostic::new(
                Rule::FutureDate,
                date.span,
                format!("this {what} is dated {day}, after today ({today_text})"),
            )
            .with_help(format!(
                "check the date, the year and the month above all; if the {what} is still to \
                 come, record it on the day"
            )),
        );
    }
}
