//! `session-without-intervention`: every session records what was done.

use super::RuleMeta;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A session records no `used` line.",
    doc: r#"## What it does
Flags a `session` with no `used ID` line naming an intervention or
medication from the plan. The session's header is flagged.

A session the client did not attend (`attendance no-show`, `cancelled` or
`late-cancelled`, language version 2) records the appointment only: nothing
was delivered, so it is never flagged. Such a session that does record
`used`, `score` or `progress` is a `syntax` error at that line.

## Why
A progress note links each contact to the plan: what was delivered, toward
which goals. A session that records only scores or a note cannot show which
treatment the client received, so the plan's interventions cannot be judged
by their effect, and documentation standards for billed services expect the
intervention to be named. An assessment-only contact can name the
assessment as an intervention (for example `psychoeducation` or a declared
review session) or allow the rule on that line.

## Example
```careplan
session 2026-09-15
  score PHQ-9 14
  note "Talked about the week"
```

## Fix
Name what was done and how the client responded:
```careplan
session 2026-09-15
  used I3 "Scheduled three valued activities; doubtful but willing"
  score PHQ-9 14
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // An `attendance` line careplan could not read may say the client did
    // not come: its one finding is the syntax error.
    let unwritten = |s: &&crate::ast::Session| {
        cx.document.attended(s) && s.used.is_empty() && !cx.document.has_unread(s.span, "used")
    };
    for session in cx.document.sessions().filter(unwritten) {
        out.push(
            Diagnostic::new(
                Rule::SessionWithoutIntervention,
                session.header,
                "this session records no intervention used",
            )
            .with_help(
                "add `used ID \"client response\"`, naming the intervention or medication \
                 the session delivered",
            ),
        );
    }
}
