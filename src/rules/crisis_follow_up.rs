//! `crisis-follow-up`: a crisis, or leaving hospital, is followed by a
//! contact with the client within 7 days.

use super::review_overdue::{days, days_between};
use super::{Context, RuleMeta, aftercare};
use crate::ast::Discharge;
use crate::diagnostic::Diagnostic;
use crate::interpret::Moment;
use crate::rule::Rule;
use crate::words::{Attendance, EventKind};

/// How many days after a crisis, or after leaving hospital, the client
/// should be seen: the 7-day rate of NCQA's HEDIS measures FUH (Follow-Up
/// After Hospitalization for Mental Illness) and FUM (Follow-Up After
/// Emergency Department Visit for Mental Illness), and NICE NG53 (2016)
/// 1.6.7. NICE NG53 1.6.8 and QS159 statement 4 ask for 48 hours when a
/// risk of suicide is identified at discharge from a mental health ward, and
/// the NHS Standard Contract for England 72 hours after an adult acute
/// mental health admission (since April 2020); careplan follows the 7 days
/// every one of these standards agrees is the latest.
const WINDOW_DAYS: i64 = 7;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "No contact with the client (an attended session or a review) within 7 days after a crisis or after leaving hospital.",
    doc: r#"## What it does
In a plan for a mental-health condition (a concern with an ICD-10 chapter V
diagnosis, F00-F99, or scores on the PHQ-9, its item 9, the PHQ-2, GAD-7,
GAD-2 or PCL-5), flags an `event … crisis` or `event … hospitalization`
with no contact with the client within the 7 days after its date. A
contact is a session the client attended or a review; an appointment the
client missed is not one, and the message names it. A `hospitalization` is
dated the day the client left hospital, so its 7 days run from then; a
crisis followed by a stay in hospital, before any contact, is answered by
the stay. The event's header is flagged.

The record is chronological: a session on the event's own date counts when
it is written below the event (the client was seen after the crisis), not
when it is written above it. While fewer than 7 days have passed since the
event on the date the plan is judged (`--today`), nothing is reported. A
second event within 7 days of one already flagged is part of the same
finding.

A discharge within the 7 days ends the episode. It counts as the follow-up
when it transfers care (`transferred`: the service that takes the client on
follows them up) or records the risk at discharge (`risk LEVEL`: the client
was assessed at the end). One that does neither is `crisis-without-review`'s
finding, not this one: one omission, one finding.

## Why
The days after a suicidal crisis or a psychiatric admission are when
suicide risk is highest: the National Confidential Inquiry into Suicide and
Safety in Mental Health (NCISH) found suicides after discharge most
frequent in the first week, peaking on the third day. The standards agree
that the client should be seen promptly, but not on how promptly:

- NCQA's HEDIS measures *Follow-Up After Hospitalization for Mental
  Illness* (FUH) and *Follow-Up After Emergency Department Visit for Mental
  Illness* (FUM) count a follow-up visit within 7 days (and within 30).
- NICE NG53, *Transition between inpatient mental health settings and
  community or care home settings* (2016), asks for follow-up within 7 days
  of discharge (1.6.7), and within 48 hours when a risk of suicide has been
  identified (1.6.8; quality standard QS159, statement 4).
- The NHS Standard Contract for England has asked since April 2020 that
  adults discharged from acute mental health inpatient care be followed up
  within 72 hours.

careplan follows 7 days: it is the latest that every one of these standards
accepts, it is the one that covers crises seen in an emergency department
as well as admissions (FUM), and a plan records dates, not hours. A service
bound by the 72-hour or 48-hour standard should keep to it: careplan does
not report a follow-up on the fifth day.

## Example
```careplan
event 2026-10-05 hospitalization "Discharged home after nine days on the ward; admitted after an overdose"

session 2026-10-19
  used I1 "First session since the admission"
```
Judged on 2026-11-22, the client was first seen 14 days after leaving
hospital.

## Fix
See the client within 7 days, and record the contact on its day:
```careplan
session 2026-10-07
  used I1 "Went over the ward's discharge plan and the safety plan"
  risk moderate "Passive thoughts since discharge; no plan; mother staying"
```
A follow-up call counts when it is recorded as a session
(`format telehealth`).
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // A crisis in a plan for back pain, or an admission for a knee
    // replacement, is not a mental-health crisis: the standards above
    // follow up mental illness.
    if !cx.mental_health() {
        return;
    }
    let contacts = cx.record.contacts();
    // A discharge within the window ends what this record can follow: one
    // that transfers care or records the risk answers the event, and one
    // that does neither is `crisis-without-review`'s finding (no review
    // can have come before it, or it would have been a contact).
    let closes = |_: &Discharge| true;
    for gap in aftercare::unanswered(cx, EventKind::is_acute, WINDOW_DAYS, &contacts, closes) {
        let date = gap.event.date;
        let at = gap.event.moment();
        let what = aftercare::described(gap.event);
        let since = aftercare::since(gap.event.value);
        let then = match gap.next {
            Some(next) => format!(
                "the next contact was on {next}, {} later",
                days(days_between(date, next))
            ),
            None => "no contact has followed it".to_owned(),
        };
        let missed: Vec<String> = cx
            .record
            .appointments
            .iter()
            .filter(|a| {
                a.attendance != Attendance::Attended
                    && Moment::new(a.date, a.span) > at
                    && days_between(date, a.date) <= WINDOW_DAYS
            })
            .map(|a| format!("{} ({})", a.date, a.attendance))
            .collect();
        let missed = match missed.as_slice() {
            [] => String::new(),
            [one] => format!("; the client did not attend the appointment on {one}"),
            many => format!(
                "; the client did not attend the appointments on {}",
                many.join(", ")
            ),
        };
        out.push(
            Diagnostic::new(
                Rule::CrisisFollowUp,
                gap.event.span,
                format!(
                    "the client was not seen within {WINDOW_DAYS} days after {what}: \
                     {then}{missed}"
                ),
            )
            .with_help(format!(
                "see the client within {WINDOW_DAYS} days of {since}, in person or by a call \
                 recorded as a session, and record it on its day; if the client was seen and it \
                 was not recorded, add the session with its date"
            )),
        );
    }
}
