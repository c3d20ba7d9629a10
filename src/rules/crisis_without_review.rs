//! `crisis-without-review`: a crisis, a relapse or a stay in hospital is
//! followed by a review of the plan within 30 days.

use super::review_overdue::{days, days_between};
use super::{Context, RuleMeta, aftercare, skeletons};
use crate::ast::Discharge;
use crate::diagnostic::Diagnostic;
use crate::interpret::ReviewMark;
use crate::rule::Rule;
use crate::words::EventKind;

/// How long after a crisis, relapse or stay in hospital the plan should be
/// reviewed: careplan's own window, the outer of the HEDIS FUH/FUM
/// follow-up windows (7 and 30 days); no guideline sets one for a review.
const WINDOW_DAYS: i64 = 30;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A crisis, relapse or stay in hospital was not followed by a review of the plan within 30 days.",
    doc: r#"## What it does
Flags an `event … crisis`, `event … relapse` or `event … hospitalization`
with no `review` after it and at most 30 days after its date. A review 30
days after the event is in time; 31 days is late. The event's header is
flagged. A `hospitalization` is dated the day the client left hospital, so
its 30 days run from then; a crisis or relapse followed by a stay in
hospital, before any review, is answered by the stay, whose own review is
then due.

The record is chronological: a review on the event's own date counts only
when it is written below the event, since one written above it was held
before the crisis. While fewer than 30 days have passed since the event on
the date the plan is judged (`--today`), a missing review is not yet late
and nothing is reported. A second event within 30 days of one already
flagged is part of the same finding. A `life-event` is left to the
clinician's judgement.

A discharge (language version 2) within the 30 days counts as the
follow-up when it records the risk at discharge (`risk LEVEL`): it is a
formal decision about the whole plan, recording every goal's final status,
the risk and where care goes next (a crisis is a common reason to transfer
care). One without `risk` is flagged, since the weeks after a crisis are
when risk is highest and the discharge did not say what it was. A crisis
dated after the discharge is `entry-after-discharge`'s finding.

## Why
A crisis, a relapse or an admission to hospital is evidence that the
plan, as written, did not keep the client well: its goals, treatments and safety plan need a deliberate
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
    let reviews: Vec<_> = cx.record.reviews.iter().map(ReviewMark::moment).collect();
    // A discharge follows a crisis up when it records the risk then.
    let closes = |d: &Discharge| aftercare::records_risk(cx, d);
    for gap in aftercare::unanswered(cx, EventKind::needs_review, WINDOW_DAYS, &reviews, closes) {
        let date = gap.event.date;
        let what = aftercare::described(gap.event);
        let since = aftercare::since(gap.event.value);
        if let Some(day) = gap.closed {
            out.push(
                Diagnostic::new(
                    Rule::CrisisWithoutReview,
                    gap.event.span,
                    format!(
                        "{what} was followed by no review, and the discharge on \
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
        let after = match gap.next {
            Some(next) => format!(
                "the next review was on {next}, {} later",
                days(days_between(date, next))
            ),
            None => "no review has followed it".to_owned(),
        };
        let at = gap.event.moment();
        let before = if reviews.iter().any(|r| r.date == date && *r < at) {
            format!(" (the review of {date} is written above the event, so was held before it)")
        } else {
            String::new()
        };
        out.push(
            Diagnostic::new(
                Rule::CrisisWithoutReview,
                gap.event.span,
                format!(
                    "{what} was not followed by a review within \
                     {WINDOW_DAYS} days: {after}{before}"
                ),
            )
            .with_help(format!(
                "review the plan within {WINDOW_DAYS} days of {since}: a `review` with each \
                 goal's status, the changes to treatment and to the safety plan, and a `next` \
                 date; if a review was held in time but not recorded, add it with its date"
            ))
            .with_fixes(
                gap.next
                    .is_none()
                    .then(|| skeletons::review(cx, date, Some(gap.event.span.start))),
            ),
        );
    }
}
