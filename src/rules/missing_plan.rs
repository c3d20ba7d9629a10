//! `missing-plan`: a file holds exactly one `plan` entry, and it says when the
//! episode of care was opened.

use super::RuleMeta;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::span::Span;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "The file has no plan entry, more than one, or a plan with no opened date.",
    doc: r#"## What it does
Checks the file's `plan` entry. It fires when:
- the file has no `plan` entry (reported at the start of the file);
- the file has more than one (each extra `plan` is flagged);
- the plan has no `opened` date (the `plan` line is flagged).

## Why
One careplan file is one client's episode of care. The `plan` entry says
whose episode it is and when it began; `opened` anchors everything dated in
the file: which sessions fall in the episode, when the first review is due,
and from when goals and interventions are active. Two plans in one file mix
two episodes, and no check can tell which sessions belong to which.

## Example
```careplan
plan "Low mood"
  client C-1
  clinician "A. Rivera, LCSW"
```

## Fix
Give the plan the date the episode began, and keep one plan per file:
```careplan
plan "Low mood"
  client C-1
  clinician "A. Rivera, LCSW"
  opened 2026-09-01
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut plans = cx.document.plans();
    let Some(plan) = plans.next() else {
        out.push(
            Diagnostic::new(
                Rule::MissingPlan,
                Span::new(0, 0),
                "this file has no `plan` entry",
            )
            .with_help(
                "start the file with the plan, for example `plan \"Low mood\"` with \
                     the indented line `opened 2026-09-01` (the date care began) under it",
            ),
        );
        return;
    };
    if plan.opened.is_none() && !cx.document.has_unread(plan.span, "opened") {
        out.push(
            Diagnostic::new(
                Rule::MissingPlan,
                plan.header,
                "the plan has no `opened` date",
            )
            .with_help(
                "add `opened YYYY-MM-DD` as an indented line under the plan: \
                     the date this episode of care began",
            ),
        );
    }
    for extra in plans {
        let first_line = cx.line(plan.header.start);
        out.push(
            Diagnostic::new(
                Rule::MissingPlan,
                extra.header,
                format!("this file already has a plan, on line {first_line}"),
            )
            .with_help(
                "one file holds one episode of care: merge this plan's lines into the first, \
                 or move this episode to a file of its own",
            ),
        );
    }
}
