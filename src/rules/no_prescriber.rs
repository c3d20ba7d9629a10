//! `no-prescriber`: every medication names who prescribes it.

use super::RuleMeta;
use crate::ast::Text;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A medication has no prescriber, on itself or on the plan.",
    doc: r#"## What it does
Flags a `medication` with no `prescriber` line when the plan has none
either (the plan's `prescriber` is the default for every medication). An
empty string counts as none. The medication's header is flagged.

A dose change in a session or review (language version 2) is made by the
medication's prescriber; it needs no prescriber of its own. A medication
serving an objective is checked as any other.

## Why
In shared care the therapist records a medication the client takes, but
someone else prescribes and reviews it. Side effects, a missed dose, a
drug interaction or a change in risk seen in a session has to reach that
person; a plan that does not say who they are leaves the therapist no one
to tell and the prescriber out of the loop.

## Example
```careplan
medication M1 sertraline for G1
  dose "50 mg daily"
```

## Fix
Name the prescriber on the medication, or on the plan when one person
prescribes everything:
```careplan
medication M1 sertraline for G1
  dose "50 mg daily"
  prescriber "K. Osei, MD (GP)"
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let named = |p: &Option<Text>| p.as_ref().is_some_and(|t| !t.value.trim().is_empty());
    let unread = |span| cx.document.has_unread(span, "prescriber");
    if cx
        .document
        .plan()
        .is_some_and(|plan| named(&plan.prescriber) || unread(plan.span))
    {
        return;
    }
    for medication in cx.document.medications() {
        if named(&medication.prescriber) || unread(medication.span) {
            continue;
        }
        let id = &medication.id.value;
        out.push(
            Diagnostic::new(
                Rule::NoPrescriber,
                medication.header,
                format!(
                    "no one is named as prescriber of `{id}` ({})",
                    medication.drug.value
                ),
            )
            .with_help(format!(
                "add `prescriber \"...\"` under `{id}`, or under `plan` if one person \
                 prescribes every medication"
            )),
        );
    }
}
