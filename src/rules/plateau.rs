//! `plateau`: a goal's measure has not changed reliably over its last three
//! scores, six weeks or more apart.

use super::Context;
use super::RuleMeta;
use super::outcomes::{deteriorated, number, rated_since, scores_in};
use super::review_overdue::days_between;
use crate::analytics::at_least;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// How many of the latest scores are compared.
const SCORES: usize = 3;
/// The least time, in days, the compared scores must span.
const SPAN_DAYS: i64 = 42;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A goal's last three scores, over six weeks or more, show no reliable change.",
    doc: r#"## What it does
Looks at the last three scores of each of a goal's targets (one per
measure; a goal may have several from language version 2), taken on or
after the goal was set and on or before the date the plan is judged (`--today`). When
the first and last of the three are at least 42 days (six weeks) apart and
the highest and lowest of them differ by less than the measure's reliable
change, the goal has plateaued: the last score is flagged.

The reliable change is the measure's: 6 for the PHQ-9 and 4 for the GAD-7
(NHS Talking Therapies manual), 10 for the PCL-5 (National Center for
PTSD), 5 for the ORS (Miller et al. 2003), or a declared measure's
`reliable-change`. A spread equal to the reliable change is a reliable
change, so a PHQ-9 moving between 8 and 14 has not plateaued. A measure with
no reliable change (the SUDS, the SRS, a declared measure without
`reliable-change`) is not checked: without it, a real change cannot be told
from noise.

Not checked: goals with fewer than three scores, goals whose latest score
already meets the target in force or is reliably worse than the baseline
(that is `reliable-deterioration`'s finding), goals whose latest status is
`achieved`, `sustaining`, `not-achieved` or `not-attainable`, and goals a
review has rated (any `status`) on or after the date of the last score: the
plateau has been looked at, and the rule waits for the next score.

Objectives (language version 2) are checked like goals. Once the episode is discharged nothing is
checked: a plateau asks for a change of treatment, and after a discharge
there is no treatment left to change (the discharge's `status` lines say
how each goal ended).

## Why
A change smaller than a measure's reliable change is within its measurement
error (Jacobson & Truax, 1991, *Clinical significance: a statistical
approach to defining meaningful change in psychotherapy research*, J Consult
Clin Psychol 59:12–19). NHS Talking Therapies counts only changes of at
least the reliable change as improvement or deterioration, and routine
outcome monitoring exists so that a client who is not improving is noticed
and their treatment reconsidered rather than continued unchanged.

The window of three scores over six weeks is careplan's own convention, not
a published cut-off: long enough that a flat run is more than week-to-week
noise, short enough to prompt a rethink well before a course of therapy
ends.

## Example
```careplan
goal G1 "Lift low mood" for mood
  measure PHQ-9 baseline 18 target < 10

session 2026-09-07
  score PHQ-9 16
session 2026-09-28
  score PHQ-9 15
session 2026-10-26
  score PHQ-9 17
```
Over seven weeks the PHQ-9 stayed between 15 and 17, a spread of 2 where a
reliable change is 6.

## Fix
Review what is and is not working with the client, and record the decision
at a review: change or add an intervention, or note why the current plan
continues.
```careplan
review 2026-11-02
  status G1 no-change "PHQ-9 15-17 since September"
  note "Adding sertraline; behavioural activation continues"
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let today = cx.today;
    if cx.record.discharged_by(today) {
        return;
    }
    for (track, target) in cx
        .record
        .open_goals(today)
        .flat_map(|g| g.targets.iter().map(move |t| (g, t)))
    {
        let id = track.id.as_str();
        let measure = target.measure.as_str();
        let Some(reliable) = cx.measures.get(measure).and_then(|m| m.reliable_change) else {
            continue;
        };
        let scores = scores_in(cx, track, measure, today);
        let recent = scores
            .get(scores.len().saturating_sub(SCORES)..)
            .unwrap_or(&[]);
        let (Some(first), Some(last)) = (recent.first(), recent.last()) else {
            continue;
        };
        if recent.len() < SCORES {
            continue;
        }
        let weeks_apart = days_between(first.date, last.date);
        if weeks_apart < SPAN_DAYS {
            continue;
        }
        // A met target has not plateaued; a score reliably worse than the
        // baseline is `reliable-deterioration`'s finding, not a plateau.
        if target.target_on(today).is_some_and(|t| t.is_met_by(last.value))
            || deteriorated(cx, measure, target.baseline, last.value)
            || rated_since(track, last.date, today)
        {
            continue;
        }
        let low = recent.iter().map(|p| p.value).fold(f64::INFINITY, f64::min);
        let high = recent
            .iter()
            .map(|p| p.value)
            .fold(f64::NEG_INFINITY, f64::max);
        let spread = high - low;
        if at_least(spread, reliable) {
            continue;
        }
        let values: Vec<String> = recent.iter().map(|p| number(p.value)).collect();
        out.push(
            Diagnostic::new(
                Rule::Plateau,
                last.span,
                format!(
                    "{} `{id}` has plateaued: its last {SCORES} {measure} scores, from {} to {}, \
                     were {} and vary by {}, less than the reliable change of {}",
                    cx.aim_noun(id),
                    first.date,
                    last.date,
                    values.join(", "),
                    number(spread),
                    number(reliable),
                ),
            )
            .with_help(format!(
                "review `{id}` with the client and record the decision at a review: \
                 `status {id} no-change \"…\"` with what changes in treatment, \
                 or why it continues as it is"
            )),
        );
    }
}
