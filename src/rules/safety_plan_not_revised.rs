//! `safety-plan-not-revised`: a crisis or stay in hospital after the safety
//! plan was made is followed by a revised safety plan within 7 days.

use super::review_overdue::{days, days_between};
use super::{Context, RuleMeta, aftercare, skeletons};
use crate::diagnostic::Diagnostic;
use crate::interpret::Dated;
use crate::rule::Rule;
use crate::words::EventKind;

/// How many days after a crisis, or after leaving hospital, the safety plan
/// should be revised. Neither Stanley & Brown (2012) nor NICE NG225 (2022)
/// gives a number of days: this is careplan's reading, the 7-day follow-up
/// window of NCQA HEDIS FUH/FUM, since the follow-up contact is where the
/// plan is gone over.
const WINDOW_DAYS: i64 = 7;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A crisis or stay in hospital came after the safety plan was made, and no revised safety plan followed within 7 days.",
    doc: r#"## What it does
Flags an `event … crisis` or `event … hospitalization` that comes after a
safety plan in the record when no new `safety-plan` follows it within 7
days of its date. A `hospitalization` is dated the day the client left
hospital, so its 7 days run from then, and a crisis followed by a stay in
hospital is answered by the stay. A safety plan with none of its fields
filled in is not a revision. The event's header is flagged.

Only events after a safety plan are checked: a crisis with no safety plan
before it is `safety-plan-missing`'s finding, not this one. The record is
chronological: a safety plan on the event's own date counts as the
revision only when it is written below the event (one written above it
was the plan in place when the crisis came). While fewer than 7 days have
passed since the event on the date the plan is judged (`--today`), nothing
is reported. A second event within 7 days of one already flagged is part of
the same finding.

A discharge within the 7 days ends the episode. When it transfers care
(`transferred`), revising the safety plan falls to the service that takes
the client on, and nothing is reported. Any other discharge within the 7
days with no revised plan is flagged at once: the record is closed, and the
crisis left the plan unrevised.

## Why
A safety plan (Stanley & Brown, 2012, Cogn Behav Pract 19:256-264) is the
client's written list of warning signs, coping strategies, people and
services to call, and ways to make the surroundings safe, made for the next
suicidal crisis. A crisis or an admission to hospital after it was made is
the moment it was needed: the Safety Planning Intervention, as its authors
set out its steps (suicidesafetyplan.com), ends with a follow-up review of
the plan with the client, to see whether it helped and what needs revising. NICE NG225, *Self-harm:
assessment, management and preventing recurrence* (2022), asks that
safety after self-harm be worked out with the person in their care plan
(section 1.5) rather than with risk scores (section 1.6).

Neither source gives a number of days. The 7-day window is careplan's
reading: the 7-day follow-up that NCQA's HEDIS measures FUH and FUM count
after a mental-health admission or emergency visit (see
`crisis-follow-up`), since that contact is where the plan is gone over.

## Example
```careplan
safety-plan 2026-09-01
  warning-signs "Not sleeping; drinking alone"
  coping "Walk the dog; shower"
  contacts "Sister; GP; crisis line"
  means-safety "Paracetamol kept by his partner"

event 2026-10-05 crisis "Took six paracetamol after a row; told his sister"
```
Judged on 2026-11-22, no safety plan followed the crisis of 2026-10-05.

## Fix
Go over the safety plan with the client after the crisis, and record the
revised plan on the day:
```careplan
safety-plan 2026-10-08  # revised after the crisis of 5 October
  warning-signs "Rows about money; not sleeping; drinking alone"
  coping "Leave the room; walk the dog; shower"
  contacts "Sister; GP; crisis line"
  means-safety "All medicines with his partner, a week at a time"
```
If the plan was gone over and still holds, record it again with the date
it was reviewed.
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plans: Vec<&Dated<usize>> = cx.safety_plans().collect();
    let revisions: Vec<_> = plans.iter().map(|p| p.moment()).collect();
    let gaps = aftercare::unanswered(
        cx,
        EventKind::is_acute,
        WINDOW_DAYS,
        &revisions,
        aftercare::transfers,
    );
    for gap in gaps {
        let at = gap.event.moment();
        // With no safety plan before the event, `safety-plan-missing` speaks.
        let Some(last) = plans.iter().filter(|p| p.moment() < at).max_by_key(|p| p.moment())
        else {
            continue;
        };
        let what = aftercare::described(gap.event);
        let date = gap.event.date;
        let since = aftercare::since(gap.event.value);
        let then = match (gap.closed, gap.next) {
            (Some(day), _) => format!("the episode was discharged on {day} with no revised plan"),
            (None, Some(next)) => format!(
                "the next safety plan is dated {next}, {} later",
                days(days_between(date, next))
            ),
            (None, None) => "no safety plan has followed it".to_owned(),
        };
        let above = if last.date == date {
            " (written above the event, so made before it)"
        } else {
            ""
        };
        out.push(
            Diagnostic::new(
                Rule::SafetyPlanNotRevised,
                gap.event.span,
                format!(
                    "{what} came after the safety plan of {}{above}, and the plan was not \
                     revised within {WINDOW_DAYS} days: {then}",
                    last.date
                ),
            )
            .with_help(format!(
                "go over the safety plan with the client within {WINDOW_DAYS} days of {since}: \
                 whether it was used, what helped, what to change; record the revised plan as \
                 `safety-plan DATE`, or record it again with that date if it still holds"
            ))
            .with_fixes(
                skeletons::entry_at(cx, gap.event.span.start)
                    .filter(|_| gap.next.is_none() && gap.closed.is_none())
                    .map(|entry| skeletons::safety_plan(cx, date, entry)),
            ),
        );
    }
}
