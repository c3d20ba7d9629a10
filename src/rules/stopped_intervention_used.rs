//! `stopped-intervention-used`: a session does not use a treatment that was
//! stopped before it.

use super::RuleMeta;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A session uses an intervention or medication stopped before the session.",
    doc: r#"## What it does
Flags a session's `used ID` line when the intervention or medication was
stopped before the session's date: by a review's `stop ID` line, or by a
medication's `stopped` date. The id on the `used` line is flagged. A session
on the very day of the stop is fine: the treatment was delivered, then
stopped.

A discharge (language version 2) ends every intervention too, but a session
after it is `entry-after-discharge`'s finding, not this rule's: the
mistake is the session's date or file, not the treatment. Medications
continue after a discharge.

## Why
A review's decision to stop a treatment is part of the plan. A later session
that still delivers it either contradicts the plan (the decision was not
carried out, or was reversed without being recorded) or names the wrong
intervention. Either way the record no longer says what the client
received, and the reasons for the stop are lost.

## Example
```careplan
review 2026-10-27
  stop I1 "Psychoeducation complete"

session 2026-11-03
  used I1 "Revisited the panic cycle"
```

## Fix
Name the intervention actually used. If the stopped treatment really
resumed, record it as a new intervention starting that day:
```careplan
intervention I4 psychoeducation "Panic cycle refresher" for G1
  opened 2026-11-03
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let discharge = cx.record.discharge.as_ref().map(|d| d.entry);
    for session in cx.document.sessions() {
        let Some(day) = session.date.value else {
            continue;
        };
        for used in &session.used {
            let id = &used.intervention;
            // Ended by the discharge: the session is `entry-after-discharge`.
            let Some(stop) = cx
                .record
                .treatment(&id.value)
                .and_then(|t| t.stopped.as_ref())
                .filter(|s| s.date < day && (s.value.is_none() || s.value != discharge))
            else {
                continue;
            };
            let (when, help) = match stop.value {
                Some(_) => (
                    format!("at the review of {}", stop.date),
                    format!(
                        "name the intervention actually used; if `{}` resumed, define it \
                         again under a new id with `opened {day}`",
                        id.value
                    ),
                ),
                None => (
                    format!("on {} (its `stopped` date)", stop.date),
                    "name what was actually used; if the medication was restarted, \
                     correct or remove its `stopped` date"
                        .to_owned(),
                ),
            };
            out.push(
                Diagnostic::new(
                    Rule::StoppedInterventionUsed,
                    id.span,
                    format!(
                        "`{}` was stopped {when}, but this session of {day} uses it",
                        id.value
                    ),
                )
                .with_help(help),
            );
        }
    }
}
