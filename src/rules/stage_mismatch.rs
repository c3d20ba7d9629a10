//! `stage-mismatch`: action-stage work is not delivered while the client is
//! in precontemplation.

use super::RuleMeta;
use crate::ast::{Entry, Intervention, Used};
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::interpret::Record;
use crate::rule::Rule;
use crate::span::Span;
use crate::words::Stage;
use jiff::civil::Date;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "An action-stage intervention is used while the client is in precontemplation.",
    doc: r#"## What it does
Flags a session's `used ID` line when the intervention is action-stage work
(exposure in every form, and CBT `behavioral-activation`) and the client is
in the precontemplation stage on the session's date. Only delivered work is
checked: an intervention no session has used yet is planned, and a plan may
well hold exposure for when the client is ready.

The stage on a date is the latest one recorded on or before it: the plan's
`stage` at `opened`, then each review's `stage`. A goal's own `stage` holds
for that goal from the goal's `opened` date until a review on or after that
date records a stage. An intervention is mismatched when the client is in
precontemplation for every goal it serves; if the client is further along
for any of them, the work is matched to that goal. An intervention serving
an objective (language version 2) serves the objective's goals, whose
stages apply: an objective has no stage of its own.

The first mismatched session of each intervention is flagged, on the
intervention's id; the message counts any later ones.

## Why
In the transtheoretical model (Prochaska & DiClemente, 1983, J Consult Clin
Psychol 51:390-395) a client in precontemplation does not yet see a problem
to change. A meta-analysis found that the stage a client starts in
predicts outcome, and recommends matching the work to it:
consciousness-raising and motivational work in precontemplation,
action-oriented techniques such as exposure and activity scheduling once
the client is preparing or acting; action work offered too early tends to
meet resistance and dropout (Norcross, Krebs & Prochaska, 2011, J Clin
Psychol 67:143-154; Prochaska & Norcross, 2001, Psychotherapy 38:443-448).

## Example
```careplan
plan "Social anxiety"
  opened 2026-09-01
  stage precontemplation

intervention I2 exposure in-vivo "Graded social hierarchy" for G1
  consent 2026-09-08

session 2026-09-08
  used I2 "Ordered a coffee; left before it came"
```

## Fix
Work on readiness first (motivational interviewing, psychoeducation,
decisional balance) and record the change of stage at a review before the
action-stage work begins:
```careplan
review 2026-09-29
  stage preparation
  next 2026-11-10
```
If the client had already moved on, record the stage at a review dated on
or before the session.
"#,
    check: Some(check),
};

/// A stage of change in force, with where it was set.
#[derive(Clone, Copy)]
struct StageAt<'a> {
    date: Date,
    stage: Stage,
    span: Span,
    /// The goal whose own `stage` it is; `None` for the plan's or a review's.
    goal: Option<&'a str>,
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for intervention in cx.document.interventions() {
        let technique = intervention.technique.as_ref().map(|t| t.value.as_str());
        if !cx
            .catalogue
            .is_action_stage(&intervention.modality.value, technique)
        {
            continue;
        }
        let mismatched: Vec<(Date, &Used, StageAt<'_>)> = uses(cx, &intervention.id.value)
            .filter_map(|(date, used)| {
                let stage = stage_for(cx, intervention, date)?;
                (stage.stage == Stage::Precontemplation).then_some((date, used, stage))
            })
            .collect();
        if let Some((first, rest)) = mismatched.split_first() {
            out.push(finding(cx, intervention, first, rest.len()));
        }
    }
}

/// Every `used ID` line for `id`, with its session's date, in date order.
fn uses<'a>(cx: &'a Context<'_>, id: &'a str) -> impl Iterator<Item = (Date, &'a Used)> + 'a {
    cx.record.sessions.iter().flat_map(move |s| {
        let used: &[Used] = match cx.document.entries.get(s.value) {
            Some(Entry::Session(session)) => &session.used,
            _ => &[],
        };
        used.iter()
            .filter(move |u| u.intervention.value == id)
            .map(move |u| (s.date, u))
    })
}

/// The stage that holds for `intervention` on `date`: precontemplation only
/// when it holds for every goal it serves. `None` when no stage is known.
fn stage_for<'a>(
    cx: &Context<'a>,
    intervention: &'a Intervention,
    date: Date,
) -> Option<StageAt<'a>> {
    let plan_wide = Record::latest(&cx.record.stages, date).map(|s| StageAt {
        date: s.date,
        stage: s.value,
        span: s.span,
        goal: None,
    });
    let stages: Vec<Option<StageAt>> = if intervention.goals.is_empty() {
        vec![plan_wide]
    } else {
        // An objective has no stage of its own: its goals' applies.
        intervention
            .goals
            .iter()
            .flat_map(|served| match cx.record.goal(&served.value) {
                Some(track) if track.objective => track.parents.iter().map(String::as_str).collect(),
                _ => vec![served.value.as_str()],
            })
            .map(|goal| goal_stage(cx, goal, date).or(plan_wide))
            .collect()
    };
    let mut found = None;
    for stage in stages {
        let stage = stage?;
        if stage.stage != Stage::Precontemplation {
            return Some(stage);
        }
        found = found.or(Some(stage));
    }
    found
}

/// A goal's own `stage` on `date`, if it has one that no later review has
/// replaced.
fn goal_stage<'a>(cx: &Context<'a>, id: &str, date: Date) -> Option<StageAt<'a>> {
    let goal = cx.document.goals().find(|g| g.id.value == id)?;
    let stage = goal.stage.as_ref()?;
    let opened = cx.record.goal(id)?.opened?;
    if opened > date {
        return None;
    }
    // Reviews from the goal's opening day on replace its stage; the plan's
    // own `stage`, dated the plan's opening, does not.
    let plan_stage = cx.document.plan().and_then(|p| p.stage.as_ref()).map(|s| s.span);
    let replaced = cx
        .record
        .stages
        .iter()
        .any(|s| s.date >= opened && s.date <= date && Some(s.span) != plan_stage);
    (!replaced).then_some(StageAt {
        date: opened,
        stage: stage.value,
        span: stage.span,
        goal: Some(goal.id.value.as_str()),
    })
}

fn finding(
    cx: &Context<'_>,
    intervention: &Intervention,
    (date, used, stage): &(Date, &Used, StageAt<'_>),
    later: usize,
) -> Diagnostic {
    let id = &intervention.id.value;
    let what = match &intervention.technique {
        Some(technique) => format!("{} {}", intervention.modality.value, technique.value),
        None => intervention.modality.value.to_string(),
    };
    let more = match later {
        0 => String::new(),
        1 => " (and in 1 later session)".to_owned(),
        n => format!(" (and in {n} later sessions)"),
    };
    let line = cx.line(stage.span.start);
    let source = match stage.goal {
        Some(goal) => format!("for goal `{goal}` (its `stage`, line {line})"),
        None if cx
            .document
            .plan()
            .and_then(|p| p.stage.as_ref())
            .is_some_and(|s| s.span == stage.span) =>
        {
            format!("(the plan's `stage`, line {line})")
        }
        None => format!("(since the review of {}, line {line})", stage.date),
    };
    Diagnostic::new(
        Rule::StageMismatch,
        used.intervention.span,
        format!(
            "`{id}` ({what}) is action-stage work, used on {date}{more} while the client is in \
             precontemplation {source}"
        ),
    )
    .with_help(format!(
        "work on readiness first (motivational interviewing, decisional balance); if the \
         client had moved on by {date}, record it at a review on or before then with \
         `stage contemplation`, `preparation` or `action`"
    ))
}
