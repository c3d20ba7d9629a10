//! `consent-missing`: interventions that need documented informed consent
//! have it by the first session that uses them.

use super::RuleMeta;
use crate::ast::{Entry, Intervention};
use super::Context;
use super::skeletons;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use jiff::civil::Date;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "An intervention that needs informed consent is used before consent is recorded.",
    doc: r#"## What it does
Flags an intervention that needs documented informed consent (exposure in
every form, TF-CBT's `trauma-narrative`, and EMDR) when a session uses it
(`used ID`) and the intervention has no `consent DATE` on or before the
first such session. Consent given on the day of first use is fine. The
message says whether consent is missing altogether or dated after the first
use. An intervention no session has used yet is planned, not delivered, and
is not flagged. Only sessions the client attended count as uses (language
version 2: a session not attended delivers nothing). The intervention's header is flagged.

## Why
These interventions deliberately bring on fear or traumatic memories, and
distress can rise between sessions before it falls. Clients have a right to
know that, and to agree to it, before it starts: informed consent to
treatment (APA Ethical Principles, standard 10.01, 2017), the APA Clinical
Practice Guideline for PTSD (2017) for exposure, Cohen, Mannarino &
Deblinger (2017) for the trauma narrative, and Shapiro (2018) for EMDR. A
consent date recorded in the plan is the evidence that it was asked for.

## Example
```careplan
intervention I3 exposure interoceptive "Over-breathing, spinning" for G1

session 2026-06-16
  used I3 "Over-breathing 60 s, SUDS 70"
```

## Fix
Record when the client consented, on or before the first session that
used the intervention:
```careplan
intervention I3 exposure interoceptive "Over-breathing, spinning" for G1
  consent 2026-06-16
```
If consent really was taken only after the first use, record its true
date, explain in a session note, and acknowledge the finding with
`# careplan: allow consent-missing` on the intervention's header.
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for intervention in cx.document.interventions() {
        let technique = intervention.technique.as_ref().map(|t| t.value.as_str());
        if !cx
            .catalogue
            .needs_consent(&intervention.modality.value, technique)
        {
            continue;
        }
        let Some(first_use) = first_use(cx, &intervention.id.value) else {
            continue;
        };
        let consent = match &intervention.consent {
            // A consent line that could not be read is already a `syntax` error.
            None if cx.document.has_unread(intervention.span, "consent") => continue,
            None => None,
            // An impossible date is already an `invalid-date` error.
            Some(date) => match date.value {
                Some(day) => Some(day),
                None => continue,
            },
        };
        if consent.is_some_and(|day| day <= first_use) {
            continue;
        }
        let finding = finding(intervention, first_use, consent);
        out.push(match consent {
            None => finding.with_fix(skeletons::consent(cx, intervention.header.start, first_use)),
            Some(_) => finding,
        });
    }
}

/// The date of the first session that uses `id`.
fn first_use(cx: &Context<'_>, id: &str) -> Option<Date> {
    cx.record
        .sessions
        .iter()
        .find(|s| match cx.document.entries.get(s.value) {
            Some(Entry::Session(session)) => {
                session.used.iter().any(|u| u.intervention.value == id)
            }
            _ => false,
        })
        .map(|s| s.date)
}

fn finding(intervention: &Intervention, first_use: Date, consent: Option<Date>) -> Diagnostic {
    let id = &intervention.id.value;
    let what = match &intervention.technique {
        Some(technique) => format!("{} {}", intervention.modality.value, technique.value),
        None => intervention.modality.value.to_string(),
    };
    let (message, help) = match consent {
        None => (
            format!(
                "`{id}` ({what}) was first used on {first_use}, but no informed consent is recorded"
            ),
            format!(
                "add `consent DATE` under `{id}` with the date the client agreed to it; \
                 it should be on or before {first_use}"
            ),
        ),
        Some(day) => (
            format!(
                "`{id}` ({what}) was first used on {first_use}, but consent is dated later, {day}"
            ),
            format!(
                "if consent was given on or before {first_use}, correct the `consent` date; \
                 if it really came later, say so in a session note and acknowledge this with \
                 `# careplan: allow consent-missing` on the header"
            ),
        ),
    };
    Diagnostic::new(Rule::ConsentMissing, intervention.header, message).with_help(help)
}
