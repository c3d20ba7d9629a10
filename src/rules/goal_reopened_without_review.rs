//! `goal-reopened-without-review`: after a goal is recorded met, its
//! measure falls back out of target by at least the reliable change, and no
//! review has rated the goal since.

use super::Context;
use super::RuleMeta;
use super::outcomes::{Aimed, add, number, scores_in};
use crate::analytics::{at_least, shortfall};
use crate::diagnostic::Diagnostic;
use crate::interpret::Record;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A goal recorded as met has fallen back out of target by the reliable change, with no review since.",
    doc: r#"## What it does
Looks at each goal and objective whose latest status, on the date the plan
is judged (`--today`, or the discharge when the episode has ended), is
`achieved` or `sustaining`. Among the scores of each of its targets taken
after the day that status was recorded, it finds the first that misses the
target in force by at least the measure's reliable change, and flags it:
the goal is recorded as met, but the client is no longer there, and no
review has looked at it since (a review that rates the goal, with any
`status`, ends the finding, since its status is then the latest).

The reliable change is the measure's: 6 for the PHQ-9 and 4 for the GAD-7
(NHS Talking Therapies manual), 10 for the PCL-5 (National Center for
PTSD), 5 for the ORS (Miller et al. 2003), or a declared measure's
`reliable-change`; a measure without one is not judged. A score misses a
target `< 10` by how far it is above 10 (a PHQ-9 of 16 misses it by 6), a
target `>= 30` by how far it is below 30. A score that misses by less is
within measurement error of the target, and is not flagged.

Only the first such score is flagged, not every one after it, and a score
that concerns several goals or objectives at once gives one finding.

## Why
A goal recorded as met stops being watched: `goal-overdue` and `plateau`
no longer ask about it, and a summary shows it done. When its measure then
moves back out of target by more than measurement error (Jacobson & Truax,
1991, J Consult Clin Psychol 59:12–19), the client may be relapsing while
the plan says the goal is met. A review re-opens the goal and decides what
to do, so the record matches the client again.

## Example
```careplan
goal G1 "Lift low mood" for mood
  measure PHQ-9 baseline 18 target < 10

review 2026-10-05
  status G1 achieved "PHQ-9 7 for a month"

session 2026-11-02
  score PHQ-9 16
```
The PHQ-9 of 16 misses the target `< 10` by 6, the PHQ-9's reliable
change, and no review has rated `G1` since it was recorded achieved.

## Fix
Hold a review, re-open the goal and record what the plan does about it:
```careplan
review 2026-11-09
  status G1 worsening "PHQ-9 back to 16 after redundancy"
  note "Relapse-prevention plan revisited; sessions fortnightly again"
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let day = cx.as_of();
    let mut found = Vec::new();
    for track in &cx.record.goals {
        let Some(met) = Record::latest(&track.statuses, day).filter(|s| s.value.is_met()) else {
            continue;
        };
        for target in &track.targets {
            let measure = target.measure.as_str();
            let Some(reliable) = cx.measures.get(measure).and_then(|m| m.reliable_change) else {
                continue;
            };
            let reopened = scores_in(cx, track, measure, day)
                .into_iter()
                .filter(|p| p.date > met.date)
                .find_map(|p| {
                    let aim = target.target_on(p.date)?;
                    let missed = shortfall(&aim, p.value);
                    at_least(missed, reliable).then_some((p, aim, missed))
                });
            let Some((point, aim, missed)) = reopened else {
                continue;
            };
            let detail = format!(
                "recorded `{}` on {}; target {aim}, missed by {}",
                met.value,
                met.date,
                number(missed)
            );
            let aimed = Aimed {
                id: track.id.clone(),
                noun: cx.aim_noun(&track.id),
                detail,
            };
            add(&mut found, measure, point, aimed);
        }
    }
    for at in found {
        let measure = at.measure;
        let reliable = at.reliable(cx);
        out.push(
            Diagnostic::new(
                Rule::GoalReopenedWithoutReview,
                at.point.span,
                format!(
                    "{measure} {} on {} takes {} back out of target by at least the \
                     {measure}'s reliable change of {reliable}, and no review has rated {} since",
                    number(at.point.value),
                    at.point.date,
                    at.named(),
                    at.it(),
                ),
            )
            .with_help(format!(
                "review {} with the client: at a review, record {} (the goal is open again) \
                 with what the plan does about it, or say in the status why the score is a \
                 one-off",
                at.it(),
                at.statuses("worsening")
            )),
        );
    }
}
