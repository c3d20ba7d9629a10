//! `date-conflict`: dates that cannot all be true.

use super::Context;
use super::RuleMeta;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::span::Span;
use jiff::civil::Date;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Two dates contradict each other: a stop before its start, a goal due before it was set, an impossible birth date.",
    doc: r#"## What it does
Flags dates that cannot all be true:
- a medication `stopped` before it `started`;
- a goal or objective (language version 2) `due` before it was set (its
  `opened`, or else the plan's);
- a birth date (`born`) after the plan was `opened`, or more than 120 years
  before it.

The later of the two dates is flagged, where the slip usually is. A birth
date after today is left to `future-date`.

## Why
Each of these is a typing slip, and each quietly corrupts what is computed
from it: a medication stopped before it started never counts as taken (so
the medication checks and the combined-care cadence ignore it), a goal due
before it began is overdue from its first day, and a client's age, which the
young-person and pregnancy-prevention medication checks read, is wrong. 120
years is just under the longest verified human life (122 years, Jeanne
Calment; Robine & Allard, 1998, Science 279:1834).

## Example
```careplan
medication M1 sertraline for G1
  started 2026-10-01
  stopped 2026-09-15
```

## Fix
Correct the date that is wrong:
```careplan
medication M1 sertraline for G1
  started 2026-10-01
  stopped 2026-11-15
```
"#,
    check: Some(check),
};

/// The longest span between birth and an episode that is believable: just
/// under the longest verified human life, 122 years (Robine & Allard, 1998).
const MAX_AGE_YEARS: i16 = 120;

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let opened = cx.document.opened();
    let mut conflict = |span: Span, message: String, help: &str| {
        out.push(Diagnostic::new(Rule::DateConflict, span, message).with_help(help));
    };
    if let Some(plan) = cx.document.plan()
        && let (Some(born), Some(opened)) = (plan.born.as_ref(), opened)
        && let Some(day) = born.value
    {
        if day > opened && day <= cx.today {
            conflict(
                born.span,
                format!("the client is born on {day}, after the plan was opened on {opened}"),
                "check the birth date's year; `born` is the client's date of birth",
            );
        } else if years_between(day, opened) > MAX_AGE_YEARS {
            conflict(
                born.span,
                format!(
                    "the client would be over {MAX_AGE_YEARS} years old when the plan was opened on {opened}"
                ),
                "check the birth date's year; `born` is the client's date of birth",
            );
        }
    }
    for medication in cx.document.medications() {
        let (Some(started), Some(stopped)) = (&medication.started, &medication.stopped) else {
            continue;
        };
        if let (Some(start), Some(stop)) = (started.value, stopped.value)
            && stop < start
        {
            conflict(
                stopped.span,
                format!(
                    "`{}` is stopped on {stop}, before it was started on {start}",
                    medication.id.value
                ),
                "correct the `started` or `stopped` date",
            );
        }
    }
    for aim in cx.document.aims() {
        let Some(due) = aim.due().and_then(|d| d.value.map(|v| (v, d.span))) else {
            continue;
        };
        let noun = aim.noun();
        let set = aim.opened().and_then(|o| o.value);
        let (from, what) = match (set, opened) {
            (Some(day), _) => (day, format!("the {noun} was set")),
            (None, Some(day)) => (day, "the plan was opened".to_owned()),
            (None, None) => continue,
        };
        if due.0 < from {
            conflict(
                due.1,
                format!("{noun} `{}` is due on {}, before {what} on {from}", aim.id().value, due.0),
                &format!("correct the due date (or the date the {noun} was set)"),
            );
        }
    }
}

/// Whole years from `from` to `to`.
fn years_between(from: Date, to: Date) -> i16 {
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years
}
