//! `risk-not-assessed`: an episode of mental-health care in which the client
//! has been seen records an assessment of suicide risk somewhere.

use super::{Context, RuleMeta};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A mental-health episode with attended sessions records no suicide-risk assessment anywhere.",
    doc: r#"## What it does
In a plan for a mental-health condition (a concern with an ICD-10 chapter V
diagnosis, F00-F99, or scores on the PHQ-9, its item 9, the PHQ-2, GAD-7,
GAD-2 or PCL-5), flags the plan's header once the client has attended a
session when risk is recorded nowhere in the file: no `risk` on the plan,
a session, a review, an event (language version 2) or the discharge, and no
`PHQ-9-item9` score. A `risk` line that could not be read counts as
written. It is reported once per file.

A PHQ-9 item 9 score is the screening question on thoughts of death or
self-harm: a score of 0 is a negative screen, and a positive one with no
`risk` at that session is `safety-plan-missing`'s finding. A plan with no
mental-health concern (physiotherapy after a knee replacement, speech
therapy) is not checked: the standard below is for people treated for a
behavioural health condition.

## Why
The Joint Commission's National Patient Safety Goal NPSG.15.01.01, *Reduce
the risk for suicide* (effective 1 July 2019), asks hospitals to screen every
patient evaluated or treated for a behavioural health condition as the
primary reason for care, and behavioural health care organisations to
screen every individual served, for suicidal ideation with a validated
screening tool (element of performance 2); to assess those who screen
positive with an evidence-based process (EP 3); and to document each
patient's overall level of risk for suicide and the plan to reduce it
(EP 4). PHQ-9 item 9 is such a screen: a positive answer predicts suicide
attempts and deaths (Simon et al., 2013, Psychiatr Serv 64:1195-1202).

The sources differ on the level. NICE NG225 (2022, section 1.6) advises
against using risk scales or a global low, moderate or high stratification
to predict suicide or to decide who is offered care. careplan asks that the
assessment be recorded, as the Joint Commission requires, and reads the
level as the clinician's judgement, not a prediction: write its reason,
the needs and safety plan it rests on, beside it.

## Example
```careplan
plan "Generalized anxiety disorder"
  client C-5004
  opened 2026-04-20

concern gad "Worry most of the day"
  diagnosis F41.1

session 2026-05-04
  used I1 "Worry diary reviewed"
```
The client has been seen and no risk is recorded anywhere.

## Fix
Screen and record the assessment where it was made, at the start of the
plan or in the session:
```careplan
session 2026-05-04
  used I1 "Worry diary reviewed"
  score PHQ-9-item9 0
  risk low "No thoughts of death or self-harm; no past attempts"
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(plan) = cx.document.plan() else {
        return;
    };
    let Some(first) = cx.record.sessions.first() else {
        return;
    };
    let assessed = cx.document.entries.iter().any(|e| e.risk().is_some())
        || cx.document.unread.iter().any(|u| u.field == "risk")
        || cx.record.series("PHQ-9-item9").is_some();
    if assessed || !cx.mental_health() {
        return;
    }
    let seen = match cx.record.sessions.len() {
        1 => format!("the client attended a session on {}", first.date),
        n => format!(
            "the client has attended {n} sessions since {}",
            first.date
        ),
    };
    out.push(
        Diagnostic::new(
            Rule::RiskNotAssessed,
            plan.header,
            format!(
                "no suicide-risk level is recorded in this episode: {seen}, and no \
                 `risk` line or PHQ-9 item 9 score appears on the plan or in any session, \
                 review, event or the discharge"
            ),
        )
        .with_help(
            "screen for suicidal thinking (PHQ-9 item 9, the C-SSRS screener or the ASQ) and \
             record the assessment where it was made: `risk LEVEL \"reason\"` on the plan for \
             the start of care, or in the session; if a note already describes the \
             assessment, record the level it reached the same way",
        ),
    );
}
