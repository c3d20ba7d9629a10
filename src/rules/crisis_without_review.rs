//! `crisis-without-review`: a crisis or relapse is followed by a review of
//! the plan within 30 days.

use super::RuleMeta;
use super::review_overdue::{days, days_between};
use super::Context;
use crate::ast::Entry;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use jiff::civil::Date;

/// How long after a crisis or relapse the plan should be reviewed.
const WINDOW_DAYS: i64 = 30;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A crisis or relapse was not followed by a review of the plan within 30 days.",
    doc: r#"## What it does
Flags an `event … crisis` or `event … relapse` with no `review` dated on or
after the event's date and at most 30 days after it. A review 30 days after
the event is in time; 31 days is late. The event's header is flagged.

While fewer than 30 days have passed since the event on the date the plan
is judged (`--today`), a missing review is not yet late and nothing is
reported. Only crises and relapses are checked: the language marks these
two kinds as calling for a review, while a `hospitalization` or a
`life-event` is left to the clinician's judgement.

A discharge (language version 2) within the 30 days counts as the
follow-up when it records the risk at discharge (`risk LEVEL`): it is a
formal decision about the whole plan, recording every goal's final status,
the risk and where care goes next (a crisis is a common reason to transfer
care). One without `risk` is flagged, since the weeks after a crisis are
when risk is highest and the discharge did not say what it was. A crisis dated after the
discharge is `entry-after-discharge`'s finding.

## Why
A crisis or a relapse is evidence that the plan, as written, did not keep
the client well: its goals, treatments and safety plan need a deliberate
look, not just the next routine session. The period after a crisis is also
when risk is highest, and timely follow-up is a recognised marker of safe
care:

- NICE NG225, *Self-harm: assessment, management and preventing
  recurrence* (2022), and its quality standard QS34 ask that people
  receiving continuing support after self-harm have a care plan developed
  with them and kept under review.
- NCQA's HEDIS measures *Follow-Up After Emergency Department Visit for
  Mental Illness* (FUM) and *Follow-Up After Hospitalization for Mental
  Illness* (FUH) count follow-up within 7 and within 30 days.

No guideline sets a deadline for a formal plan review after a crisis. The
30-day window is careplan's own, taken from the outer HEDIS follow-up
window; a service that reviews sooner can keep to its own policy.

## Example
```careplan
event 2026-09-14 crisis "Overdose of paracetamol; seen in A&E, not admitted"

session 2026-09-21
  used I1 "Chain analysis of the overdose"
```
Judged on 2026-11-22, no review followed the crisis of 2026-09-14.

## Fix
Review the plan after the crisis, recording what changes:
```careplan
review 2026-09-28
  status G1 worsening "Overdose on 14 September"
  note "Safety plan revised; sessions weekly until the next review"
  next 2026-10-26
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let discharge = cx.record.discharge.as_ref();
    let discharged = discharge.map(|d| d.date);
    // A discharge follows a crisis up when it records the risk then.
    let assessed = discharge
        .and_then(|d| cx.document.entries.get(d.entry))
        .is_some_and(|e| match e {
            Entry::Discharge(d) => d.risk.is_some() || cx.document.has_unread(d.span, "risk"),
            _ => false,
        });
    // An event after the discharge is `entry-after-discharge`'s finding.
    let events = cx
        .record
        .events
        .iter()
        .filter(|e| e.value.needs_review() && discharged.is_none_or(|d| e.date <= d));
    for event in events {
        let date = event.date;
        let within = |day: Date| (0..=WINDOW_DAYS).contains(&days_between(date, day));
        let reviewed = cx.record.reviews.iter().any(|r| within(r.date));
        let closed = discharged.filter(|&d| within(d));
        if reviewed
            || (assessed && closed.is_some())
            || days_between(date, cx.today) <= WINDOW_DAYS
        {
            continue;
        }
        let next = cx
            .record
            .reviews
            .iter()
            .filter(|r| r.date > date)
            .map(|r| r.date)
            .min();
        let kind = event.value;
        if let Some(day) = closed {
            out.push(
                Diagnostic::new(
                    Rule::CrisisWithoutReview,
                    event.span,
                    format!(
                        "the {kind} of {date} was followed by no review, and the discharge on \
                         {day}, {} later, records no `risk`",
                        days(days_between(date, day))
                    ),
                )
                .with_help(
                    "record at the discharge the risk as assessed then, with why: \
                     `risk LEVEL \"reason\"`",
                ),
            );
            continue;
        }
        let after = match next {
            Some(next) => format!(
                "the next review was on {next}, {} later",
                days(days_between(date, next))
            ),
            None => "no review has followed it".to_owned(),
        };
        out.push(
            Diagnostic::new(
                Rule::CrisisWithoutReview,
                event.span,
                format!(
                    "the {kind} of {date} was not followed by a review within \
                     {WINDOW_DAYS} days: {after}"
                ),
            )
            .with_help(format!(
                "review the plan within {WINDOW_DAYS} days of a {kind}: a `review` with each \
                 goal's status, the changes to treatment and to the safety plan, and a `next` \
                 date; if a review was held in time but not recorded, add it with its date"
            )),
        );
    }
}
