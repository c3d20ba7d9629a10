//! `missing-response`: every `used` line records how the client responded.

use super::RuleMeta;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A `used` line records no client response.",
    doc: r#"## What it does
Flags a session's `used ID` line with no quoted client response after the
id. The `used` line is flagged.

A session the client did not attend (`attendance` other than `attended`,
language version 2) has no client response to record and is never flagged:
a `used` line in it is a `syntax` error, since the client was not seen.

A session with an `assessment` line (version 2) is not flagged either: a
SOAP or DAP note records the client's response to the session's work as a
whole in its assessment (Cameron & Turtle-Song, 2002, J Couns Dev 80:286;
APTA Defensible Documentation, 2022), so a physical therapist's ice,
stretching and gait training need not each carry their own.

## Why
A progress note records not only what the clinician did but how the client
responded to it. The response is the evidence that an intervention is
working, or not; across sessions it shows whether to continue, adapt or stop
it, and reviewers and auditors look for it in every note.

## Example
```careplan
session 2026-09-15
  used I2
```

## Fix
Add the client's response in quotes:
```careplan
session 2026-09-15
  used I2 "Tolerated spinning 3 x 60 s; distress fell from 80 to 50"
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let unassessed = |s: &&crate::ast::Session| {
        cx.document.attended(s) && s.assessment.is_none() && !cx.document.has_unread(s.span, "assessment")
    };
    for session in cx.document.sessions().filter(unassessed) {
        for used in session.used.iter().filter(|u| u.response.is_none()) {
            let id = &used.intervention.value;
            out.push(
                Diagnostic::new(
                    Rule::MissingResponse,
                    used.span,
                    format!("the client's response to `{id}` is not recorded"),
                )
                .with_help(format!(
                    "add it in quotes after the id: `used {id} \"how the client responded\"`"
                )),
            );
        }
    }
}
