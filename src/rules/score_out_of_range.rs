//! `score-out-of-range`: scores, baselines and targets lie within their
//! measure's range.

use super::RuleMeta;
use crate::ast::{Change, Ident, Target};
use crate::catalogue::MeasureInfo;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::span::Span;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A score, baseline or target lies outside its measure's range.",
    doc: r#"## What it does
Flags a number that its measure cannot produce:
- a session's `score` (both numbers of `score SUDS 80 -> 50`);
- the `baseline` and `target` of every `measure` line of a goal or an
  objective (language version 2: a goal or objective may have several);
- a review's or discharge's `revise ID target [MEASURE] CMP N`, against the
  range of the measure it revises: the one it names, else the only one. A
  revision careplan cannot place (no measure named where there are several,
  or one named that the goal lacks) is left to `revise-without-measure` and
  `unknown-reference`.

Ranges come from the built-in measures (PHQ-9 runs from 0 to 27, its item 9
`PHQ-9-item9` from 0 to 3, GAD-7 from 0 to 21, PHQ-2 and GAD-2 from 0 to 6,
PCL-5 from 0 to 80, SUDS from 0 to 100, ORS and SRS from 0 to 40) or from a
declared measure's `range`. A session the client did not attend records no
scores. Scores on
measures careplan does not know are left to `unknown-measure`.

## Why
A score outside the range is a recording error: a mistyped number (31 for
13), a score entered against the wrong measure, or a subscale taken for the
total. Left in place it distorts the severity band, the change between
scores and any judgement of reliable improvement, and a target outside the
range can never be met (or is met from the start).

## Example
```careplan
session 2026-09-08
  used I1 "Planned three activities"
  score PHQ-9 31
```

## Fix
Check the number against the completed questionnaire and correct it:
```careplan
session 2026-09-08
  used I1 "Planned three activities"
  score PHQ-9 13
```
"#,
    check: Some(check),
};

/// What a checked number is.
#[derive(Clone, Copy)]
enum Role {
    Score,
    Baseline,
    Target,
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Each number is judged as it is met, not gathered first: a long plan
    // has hundreds of thousands of scores.
    let mut judge = |measure: &Ident, role: Role, value: f64, span: Span| {
        if let Some(info) = cx.measures.get(&measure.value)
            && !info.contains(value)
        {
            out.push(outside(info, role, span.text(cx.source), span));
        }
    };
    for goal in cx.document.aims() {
        for m in goal.measures() {
            judge(&m.measure, Role::Baseline, m.baseline.value, m.baseline.span);
            let target = number_of(&m.target, cx.source);
            judge(&m.measure, Role::Target, m.target.value, target);
        }
    }
    for session in cx.document.sessions() {
        for score in &session.scores {
            for number in std::iter::once(&score.value).chain(&score.after) {
                judge(&score.measure, Role::Score, number.value, number.span);
            }
        }
    }
    for revision in cx.document.revisions() {
        let Change::Target { measure, target } = &revision.change else {
            continue;
        };
        let goal = cx
            .document
            .aims()
            .find(|g| g.id().value == revision.id.value);
        if let Some(m) = goal.and_then(|g| g.revised_target(measure.as_ref())) {
            judge(&m.measure, Role::Target, target.value, number_of(target, cx.source));
        }
    }
}

/// The span of a target's number, without its comparator.
fn number_of(target: &Target, source: &str) -> Span {
    let text = target.span.text(source);
    text.find(|c: char| c.is_ascii_digit() || c == '-')
        .map_or(target.span, |at| {
            Span::new(target.span.start + at, target.span.end)
        })
}

fn outside(info: &MeasureInfo, role: Role, written: &str, span: Span) -> Diagnostic {
    let (min, max) = (info.min, info.max);
    let what = match role {
        Role::Score => written.to_owned(),
        Role::Baseline => format!("the baseline {written}"),
        Role::Target => format!("the target {written}"),
    };
    let help = match (role, info.declared) {
        (Role::Target, _) => format!(
            "choose a target {} can reach, between {min} and {max}",
            info.id
        ),
        (_, false) => format!(
            "check the {} score as recorded: it may be mistyped, or belong to another measure",
            info.id
        ),
        (_, true) => format!(
            "check the number, or widen the `range` of `measure {}` if its scores can go beyond it",
            info.id
        ),
    };
    Diagnostic::new(
        Rule::ScoreOutOfRange,
        span,
        format!(
            "{} scores run from {min} to {max}; {what} is outside",
            info.id
        ),
    )
    .with_help(help)
}
