//! `safety-plan-missing`: elevated risk, or a severe PHQ-9, is met by a
//! written safety plan.

use super::RuleMeta;
use super::Context;
use crate::ast::Entry;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::span::Span;
use jiff::civil::Date;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Risk is moderate or high, or a PHQ-9 is severe, with no safety plan on or before that date.",
    doc: r#"## What it does
Finds the first moment that calls for a safety plan: the plan's `risk` at
`opened`, or a `risk` assessed at a session, a review, an event or the
discharge (the last three new in language version 2), that is `moderate`
or `high`; or a PHQ-9 score of 20 or more in a session the client attended. If no `safety-plan` entry is dated on or before that
day, the risk or score line is flagged. A safety plan made the same day is
fine.

Only the first such moment is reported, once: sessions after it that are
still at risk are the same problem, not new ones. Once a safety plan
exists, later rises in risk are covered by it and not flagged (review it
then; that is for the clinician to judge). A PHQ-9 the file redefines with
its own `measure PHQ-9` line is not read as the standard scale.

## Why
A written safety plan (Stanley & Brown, 2012, Cogn Behav Pract 19:256-264:
warning signs, internal coping, people and services to contact, making the
environment safe) is the standard brief intervention once suicide risk is
more than low, and it reduces suicidal behaviour (Stanley et al., 2018,
JAMA Psychiatry 75:894-900).

A PHQ-9 total of 20-27 is the "severe" band (Kroenke, Spitzer & Williams,
2001, J Gen Intern Med 16:606-613). Item 9 (thoughts of being better off
dead or of self-harm), recorded as the built-in measure `PHQ-9-item9`, is
not read by this rule: a positive item 9 (1 or more) predicts later suicide
attempts and deaths (Simon et al., 2013, Psychiatr Serv 64:1195-1202), but
it calls first for a suicide-risk assessment, whose finding the clinician
records with `risk`; this rule then reads that `risk`. Practice is to
assess suicide risk at once on a positive item 9 or a severe total, and to
make a safety plan when the assessment finds risk; a severe total with no
safety plan is flagged so that the assessment and its outcome are recorded.

## Example
```careplan
session 2026-09-29
  used I2 "Chain analysis of the weekend"
  score PHQ-9 21
  risk high
```
No `safety-plan` is dated on or before 2026-09-29.

## Fix
Make the safety plan with the client and record it on the day:
```careplan
safety-plan 2026-09-29
  warning-signs "Going quiet in her room at night, looking for something sharp"
  coping "Cold water, paced breathing, playlist"
  contacts "Mother; school counsellor; 988 Suicide and Crisis Lifeline"
  means-safety "Medicines and razors locked away"
```
If risk was assessed and judged low despite the score, record `risk low`
in the session, with a note saying why.
"#,
    check: Some(check),
};

/// The lowest PHQ-9 total in the "severe" band: 20-27 (Kroenke, Spitzer &
/// Williams, 2001, J Gen Intern Med 16:606-613).
const PHQ9_SEVERE: f64 = 20.0;

/// One thing that called for a safety plan.
struct Trigger {
    date: Date,
    span: Span,
    /// What happened and when, for the message.
    what: String,
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(first) = triggers(cx)
        .into_iter()
        .min_by_key(|t| (t.date, t.span.start))
    else {
        return;
    };
    let plans = &cx.record.safety_plans;
    if plans.iter().any(|p| p.date <= first.date) {
        return;
    }
    let later = plans.iter().map(|p| p.date).min();
    let when = match later {
        Some(day) => format!("the first safety plan is not until {day}"),
        None => "no safety plan is recorded".to_owned(),
    };
    let help = match later {
        Some(day) => format!(
            "if the safety plan was made on or before {}, correct its date; if it really \
             was made on {day}, record in a session note how risk was managed until then",
            first.date
        ),
        None => format!(
            "make a safety plan with the client and record it as `safety-plan DATE` with \
             warning-signs, coping, contacts and means-safety; if one was made on {} but not \
             recorded, date it {}",
            first.date, first.date
        ),
    };
    out.push(
        Diagnostic::new(
            Rule::SafetyPlanMissing,
            first.span,
            format!("{}, but {when}", first.what),
        )
        .with_help(help),
    );
}

/// Every elevated risk and every severe PHQ-9, in no particular order.
fn triggers(cx: &Context<'_>) -> Vec<Trigger> {
    let opened_span = cx
        .document
        .plan()
        .and_then(|p| p.risk.as_ref())
        .map(|r| r.level.span);
    let risks = cx
        .record
        .risks
        .iter()
        .filter(|r| r.value.level.is_elevated())
        .map(|r| Trigger {
            date: r.date,
            span: r.span,
            what: if Some(r.span) == opened_span {
                format!("risk is {} at the start of the plan on {}", r.value.level, r.date)
            } else {
                let at = r
                    .value
                    .entry
                    .and_then(|e| cx.document.entries.get(e))
                    .map_or(String::new(), |e| match e {
                        Entry::Review(_) => " at the review".to_owned(),
                        Entry::Event(event) => format!(" at the {} event", event.kind.value),
                        Entry::Discharge(_) => " at the discharge".to_owned(),
                        _ => " in the session".to_owned(),
                    });
                format!("risk was assessed as {}{at} on {}", r.value.level, r.date)
            },
        });
    // A score outside the range is a recording error (`score-out-of-range`),
    // not a severe score.
    let phq9 = cx.measures.get("PHQ-9").filter(|m| !m.declared);
    let scores = cx
        .record
        .series("PHQ-9")
        .filter(|_| phq9.is_some())
        .into_iter()
        .flat_map(|s| &s.points)
        .filter(|p| p.value >= PHQ9_SEVERE && phq9.is_some_and(|m| m.contains(p.value)))
        .map(|p| Trigger {
            date: p.date,
            span: p.span,
            what: format!(
                "PHQ-9 was {} on {}, in the severe range (20-27)",
                p.value, p.date
            ),
        });
    risks.chain(scores).collect()
}
