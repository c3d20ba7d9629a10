//! `safety-plan-missing`: elevated risk, or a severe PHQ-9, is met by a
//! written safety plan.

use super::RuleMeta;
use super::Context;
use super::skeletons;
use crate::ast::Entry;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::span::Span;
use jiff::civil::Date;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Risk is moderate or high, a PHQ-9 is severe or its item 9 positive, or a crisis happens, with no safety plan on or before that date.",
    doc: r#"## What it does
Finds the first moment that calls for a safety plan: the plan's `risk` at
`opened`, or a `risk` assessed at a session, a review, an event or the
discharge (the last three new in language version 2), that is `moderate`
or `high`; a PHQ-9 score of 20 or more in a session the client attended; a
positive PHQ-9 item 9 (`PHQ-9-item9` 1 or more) with no `risk` assessed at
that session; or, in a plan for a mental-health condition (a concern with
an ICD-10 chapter V diagnosis, F00-F99, or scores on the PHQ-9, its item 9,
the PHQ-2, GAD-7, GAD-2 or PCL-5), a `crisis`,
`relapse` or `hospitalization` event that records no `risk` (one that
does is judged by its level). If no
safety plan is dated on or before that day, the line is flagged. A safety
plan made the same day is fine; a `safety-plan` entry with none of its
fields filled in is not a safety plan.

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
2001, J Gen Intern Med 16:606-613). A positive item 9 (thoughts of being
better off dead or of self-harm, 1 or more) predicts later suicide attempts
and deaths (Simon et al., 2013, Psychiatr Serv 64:1195-1202) and calls at
once for a suicide-risk assessment. When the session records that
assessment with `risk`, its level decides (a `low` risk calls for no safety
plan); when it records none, the positive item is flagged, so that the
assessment and its outcome are written down. A crisis, relapse or admission
to hospital is the moment a safety plan is made or revised (Stanley &
Brown, 2012; NICE NG225, 2022, 1.5 and 1.6).

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

/// The lowest positive answer to PHQ-9 item 9: "several days" (1) or more
/// (Simon et al., 2013, Psychiatr Serv 64:1195-1202).
const ITEM9_POSITIVE: f64 = 1.0;

/// One thing that called for a safety plan.
struct Trigger {
    date: Date,
    span: Span,
    /// What happened and when, for the message.
    what: String,
    /// Whether it is a positive item 9 that no risk assessment answered.
    unassessed: bool,
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(first) = triggers(cx)
        .into_iter()
        .min_by_key(|t| (t.date, t.span.start))
    else {
        return;
    };
    let plans: Vec<Date> = cx.safety_plans().map(|p| p.date).collect();
    if plans.iter().any(|&p| p <= first.date) {
        return;
    }
    let later = plans.iter().copied().min();
    let when = match later {
        Some(day) => format!("the first safety plan is not until {day}"),
        None => "no safety plan is recorded".to_owned(),
    };
    let help = match later {
        _ if first.unassessed => format!(
            "assess suicide risk and record it in that session as `risk LEVEL \"reason\"`; \
             if it is moderate or high, make a safety plan with the client and record it as \
             `safety-plan {}`",
            first.date
        ),
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
    // A skeleton only where none exists and risk has been assessed.
    let at = first.span.start;
    let skeleton = skeletons::entry_at(cx, at)
        .filter(|_| later.is_none() && !first.unassessed)
        .map(|entry| skeletons::safety_plan(cx, first.date, entry));
    out.push(
        Diagnostic::new(
            Rule::SafetyPlanMissing,
            first.span,
            format!("{}, but {when}", first.what),
        )
        .with_help(help)
        .with_fixes(skeleton),
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
            unassessed: false,
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
            unassessed: false,
        });
    // A positive item 9 at a session that records no risk assessment.
    let item9 = cx.measures.get("PHQ-9-item9").filter(|m| !m.declared);
    let assessed = |entry: usize| {
        matches!(cx.document.entries.get(entry), Some(Entry::Session(s)) if s.risk.is_some())
    };
    let positive = cx
        .record
        .series("PHQ-9-item9")
        .filter(|_| item9.is_some())
        .into_iter()
        .flat_map(|s| &s.points)
        .filter(|p| p.value >= ITEM9_POSITIVE && item9.is_some_and(|m| m.contains(p.value)))
        .filter(|p| !assessed(p.entry))
        .map(|p| Trigger {
            date: p.date,
            span: p.span,
            what: format!(
                "PHQ-9 item 9 was {} on {}, a positive answer with no suicide-risk \
                 assessment recorded at that session",
                p.value, p.date
            ),
            unassessed: true,
        });
    // A crisis, relapse or admission calls for a safety plan in a plan for
    // a mental-health condition; a flare of back pain does not.
    let mental_health = cx.mental_health();
    let events = cx
        .document
        .events()
        .filter(|_| mental_health)
        // An event after the discharge is `entry-after-discharge`'s.
        .filter(|e| {
            e.date
                .value
                .is_some_and(|d| cx.record.discharge.as_ref().is_none_or(|x| d <= x.date))
        })
        .filter(|e| e.kind.value.calls_for_safety_plan() && e.risk.is_none())
        .filter_map(|e| {
            Some(Trigger {
                date: e.date.value?,
                span: e.kind.span,
                what: format!("a {} on {}", e.kind.value.noun(), e.date.value?),
                unassessed: false,
            })
        });
    risks.chain(scores).chain(positive).chain(events).collect()
}
