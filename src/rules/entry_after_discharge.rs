//! `entry-after-discharge`: nothing happens in an episode after it ends.

use super::Context;
use super::RuleMeta;
use crate::ast::Entry;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A session, review, event or safety plan is dated after the episode's discharge.",
    doc: r#"## What it does
Flags the date of a `session`, `review`, `event` or `safety-plan` later than
the file's `discharge` (language version 2). An entry on the discharge date
itself is part of the episode. The message names the discharge's line.

A date after today is left to `future-date` (most often the slip is in the
year), and a second `discharge` to `duplicate-discharge`. The rules that
judge the plan over time read it as it stood on the discharge date, so an
entry after it changes no other finding.

## Why
A file records one episode of care, and the discharge closes it: the
interventions end, the goals have their final statuses, and care passes to
whoever the referral names. A note dated later is either a slip in its date
or the start of a new episode. Written into the closed file it is lost to
the new episode's plan (no goals, reviews or risk checks apply to it there)
and it makes the closed episode's record say that treatment went on after
it ended. A returning client starts a new file, with a new plan.

## Example
```careplan
discharge 2027-01-11 completed "Goals met"
  status G1 achieved

session 2027-02-01
  used I1 "Came back after a setback at work"
```

## Fix
Check the date; if the client really came back, start a new file for the
new episode (its own `plan`, `opened 2027-02-01`), and move the session there.
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(discharge) = &cx.record.discharge else {
        return;
    };
    let line = cx
        .document
        .entries
        .get(discharge.entry)
        .map_or(0, |e| cx.line(e.header().start));
    for entry in &cx.document.entries {
        if matches!(entry, Entry::Discharge(_)) {
            continue;
        }
        let Some(date) = entry.date() else { continue };
        let Some(day) = date
            .value
            .filter(|&d| d > discharge.date && d <= cx.today)
        else {
            continue;
        };
        let what = entry.keyword().replace('-', " ");
        out.push(
            Diagnostic::new(
                Rule::EntryAfterDischarge,
                date.span,
                format!(
                    "this {what} is dated {day}, after the episode was discharged on {} (line {line})",
                    discharge.date
                ),
            )
            .with_help(format!(
                "check the date; if the client came back, record the new episode in a new file \
                 with its own `plan`, and move this {what} there"
            )),
        );
    }
}
