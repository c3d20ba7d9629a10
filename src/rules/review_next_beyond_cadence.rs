//! `review-next-beyond-cadence`: a review sets its `next` further out than
//! the plan's review cadence allows.

use super::Context;
use super::RuleMeta;
use super::review_overdue::{days, days_between};
use crate::ast::Entry;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::span::Span;
use jiff::civil::Date;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A review's `next` date is further out than the plan's review cadence.",
    doc: r#"## What it does
Flags a review whose `next DATE` is later than one cadence after the
review's own date. The cadence is the plan's `review every`, or, when the
plan sets none, the default cadence: 180 days unless the checker is
configured otherwise (`[review] every` in `careplan.toml`). A `next`
exactly one cadence after the review is on time. The finding stands on the
`next` line.

Every review in the record is checked, the latest and the earlier ones:
each set a date the plan then kept to. Reviews after a discharge are not
part of the record and are not checked (that is `entry-after-discharge`).

## Why
`review-overdue` holds a plan to the `next` date its latest review set, so
a `next` written far out (a slip of the year, `2028` for `2027`, or a
review put off) quietly moves the deadline past the cadence the plan
promised, and past what a payer or regulator allows. The cadence is the
plan's own promise, and `next` should keep it.

## Example
```careplan
plan "Low mood"
  opened 2026-03-02
  review every 12 weeks

review 2026-05-25
  status G1 improving
  next 2026-11-30
```
`next` is 189 days after the review, beyond 12 weeks (due by 2026-08-17).

## Fix
Set `next` within the cadence, or, when reviews are to be further apart,
change the plan's `review every` and say why in a note:
```careplan
review 2026-05-25
  status G1 improving
  next 2026-08-17
```
"#,
    check: Some(check),
};

/// A review whose `next` is beyond the cadence.
pub(super) struct Beyond {
    /// The review's date.
    pub review: Date,
    /// The `next` it sets.
    pub next: Date,
    /// The latest `next` the cadence allows.
    pub due: Date,
    /// The `next` date as written.
    pub span: Span,
}

/// Every review whose `next` is later than one cadence after it, in
/// record order. None when the plan's cadence could not be read (that is a
/// `syntax` finding: the promise it made is not known).
pub(super) fn beyond_cadence(cx: &Context<'_>) -> Vec<Beyond> {
    let Some(plan) = cx.document.plan() else {
        return Vec::new();
    };
    if cx.document.has_unread(plan.span, "review") {
        return Vec::new();
    }
    let every = cx.record.review_every.unwrap_or(cx.default_review);
    cx.record
        .reviews
        .iter()
        .filter_map(|review| {
            let Some(Entry::Review(entry)) = cx.document.entries.get(review.entry) else {
                return None;
            };
            let next = review.next?;
            let span = entry.next.as_ref()?.span;
            let due = every.after(review.date)?;
            (next > due).then_some(Beyond {
                review: review.date,
                next,
                due,
                span,
            })
        })
        .collect()
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let every = cx.record.review_every.unwrap_or(cx.default_review);
    let source = match cx.record.review_every {
        Some(every) => format!("the plan's `review every {every}`"),
        None => format!("the default cadence of {every}, as the plan sets no `review every`"),
    };
    for late in beyond_cadence(cx) {
        let Beyond {
            review,
            next,
            due,
            span,
        } = late;
        out.push(
            Diagnostic::new(
                Rule::ReviewNextBeyondCadence,
                span,
                format!(
                    "the next review is set for {next}, {} after this review of {review}: beyond \
                     {source}, which has it due by {due}",
                    days(days_between(review, next)),
                ),
            )
            .with_help(format!(
                "set `next` on or before {due}; if reviews are to be further apart, change the \
                 plan's `review every` and say why in a note"
            )),
        );
    }
}
