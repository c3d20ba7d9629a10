//! `review-overdue`: the plan's next review is not past due.

use super::RuleMeta;
use super::Context;
use super::skeletons;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use jiff::civil::Date;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "The plan's next review was due before today.",
    doc: r#"## What it does
Works out when the plan's next review is due and flags it when that date is
before the date the plan is judged on (`--today`):

- after a review that sets `next DATE`, the review is due on that date;
- after a review without `next`, it is due one cadence after that review;
- with no review yet, it is due one cadence after the plan's `opened`.

The cadence is the plan's `review every`, or, when the plan sets none, the
default cadence: 180 days unless the checker is configured otherwise. The
latest review in the record counts, wherever it stands in the file. A review
dated exactly on its due date is on time.

After a discharge (language version 2) nothing falls due: the plan is
judged as it stood on the discharge date. A review that fell due before the
discharge and was never held is still flagged, since the episode went
unreviewed for that time; a review due on or after the discharge is not, and
neither is a review held after it (that is `entry-after-discharge`).

The finding stands on the latest review's header. With no review yet it
stands on the plan's `review every` field, which set the deadline, or on the
plan's header when the plan sets no cadence.

## Why
A treatment plan is a working document only while it is reviewed: goals are
re-rated, treatments that are not helping are changed, and the client's view
is heard. Payers and regulators set the longest interval, and it differs
by service: South Dakota's outpatient mental-health rule (ARSD
67:62:08:08) asks for a treatment-plan review at least every six months,
Pennsylvania's inpatient drug and alcohol rule (28 Pa. Code 709.123) every
30 days. The default of 180 days is the language's own (a ceiling for a
plan that promises nothing shorter), not a clinical standard: a clinic
sets its own with `[review] every`. The plan's own `review every` or
`next` is the clinician's promise, and this rule holds the plan to it.

## Example
```careplan
plan "Low mood"
  opened 2026-03-02
  review every 12 weeks

review 2026-05-25
  status G1 improving
  next 2026-08-17
```
Judged on 2026-11-22, the review due on 2026-08-17 is 97 days overdue.

## Fix
Hold the review and record it, setting the date of the one after:
```careplan
review 2026-11-24
  status G1 improving
  next 2027-02-16
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(plan) = cx.document.plan() else {
        return;
    };
    let declared = plan.review_every.as_ref();
    let day = cx.as_of();
    let Some(next) = cx.record.review_due(cx.default_review, day) else {
        return;
    };
    let (due, every) = (next.date, next.cadence);
    let source = if declared.is_some() {
        format!("`review every {every}`")
    } else {
        "the default cadence, as the plan sets no `review every`".to_owned()
    };
    let (basis, span, help) = match &next.last {
        Some(review) => (
            if next.set_by_next {
                format!("the `next` date set by the review of {}", review.date)
            } else {
                format!("{every} after the review of {} ({source})", review.date)
            },
            review.span,
            "hold the review and record it: a `review` entry with each goal's status and \
             `next DATE` for the one after",
        ),
        None => (
            format!(
                "{every} after the plan opened on {} ({source}), and no review has been recorded",
                cx.record.opened.map_or_else(String::new, |o| o.to_string())
            ),
            declared.map_or(plan.header, |r| r.span),
            "hold the first review and record it: a `review` entry with each goal's status \
             and `next DATE` for the one after",
        ),
    };
    // A `next` the latest review writes but careplan could not read is
    // already a `syntax` finding: the due date is not known.
    let unread_next = next.last.as_ref().is_some_and(|review| {
        cx.document
            .entries
            .get(review.entry)
            .is_some_and(|e| cx.document.has_unread(e.span(), "next"))
    });
    if due >= day || unread_next {
        return;
    }
    let discharged = cx.record.discharge.as_ref().filter(|d| d.date == day);
    let (late, help) = match discharged {
        Some(discharge) => (
            format!(
                "the plan's review was {} overdue when the episode was discharged on {}",
                days(days_between(due, day)),
                discharge.date
            ),
            "the episode is closed, so the review can no longer be held: say why it was \
             missed in a `note` on the discharge, and acknowledge it with \
             `# careplan: allow review-overdue` on this line",
        ),
        None => (
            format!("the plan's review is {} overdue", days(days_between(due, day))),
            help,
        ),
    };
    out.push(
        Diagnostic::new(
            Rule::ReviewOverdue,
            span,
            format!("{late}: it was due on {due}, {basis}"),
        )
        .with_help(help)
        .with_fixes(discharged.is_none().then(|| skeletons::review(cx, day, None))),
    );
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub(super) fn days_between(from: Date, to: Date) -> i64 {
    from.until(to).map_or(0, |span| i64::from(span.get_days()))
}

/// `1 day`, `2 days`.
pub(super) fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}
