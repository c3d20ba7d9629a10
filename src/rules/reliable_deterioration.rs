//! `reliable-deterioration`: a goal's latest score is worse than its
//! baseline by at least the measure's reliable change, and no review has
//! rated the goal since.

use super::Context;
use super::RuleMeta;
use super::outcomes::{Aimed, add, deteriorated, number, rated_since, scores_in};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::words::Better;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A goal's latest score is worse than its baseline by at least the measure's reliable change.",
    doc: r#"## What it does
Compares the latest score of each target of an open goal or objective
with the target's `baseline`. The latest score is the last one taken in
the episode on or after the goal was set and on or before the date the plan
is judged (`--today`, or the discharge when the episode has ended). When it
is worse than the baseline by at least the measure's reliable change, the
client has reliably deteriorated, and the finding stands on that score.

The reliable change is the measure's: 6 for the PHQ-9 and 4 for the GAD-7
(NHS Talking Therapies manual), 10 for the PCL-5 (National Center for
PTSD), 5 for the ORS (Miller et al. 2003), or a declared measure's
`reliable-change`. A change equal to it counts. A measure without one (the
SUDS, the SRS, PHQ-9 item 9, a declared measure without `reliable-change`)
is not judged: without it, a real change cannot be told from measurement
error.

Not reported once a review (or the discharge) has rated the goal (any
`status`) on or after the day of that score: the deterioration has been
looked at, and the rule waits for the next score. Goals and objectives that
are closed (latest status `achieved`, `sustaining`, `not-achieved` or
`not-attainable`) are not judged; a met goal whose measure worsens again is
`goal-reopened-without-review`'s finding. Several goals or objectives
judged on one score (a goal and its objective on the PHQ-9) give one
finding.

## Why
Routine outcome monitoring exists so that a client who is getting worse is
noticed while something can still be done. NHS Talking Therapies counts a
change of at least the reliable change for the worse, from the first to the
last score, as reliable deterioration, and reports it for every service as
a sign of harm. A change that large is beyond the measure's measurement
error (Jacobson & Truax, 1991, J Consult Clin Psychol 59:12–19): the client
is worse, not just having a bad week. It calls for a review of risk and of
the treatment, recorded in the plan.

For the PCL-5, sources differ: the National Center for PTSD gives a change
of 5 to 10 points as reliable and a change of 10 as the least clinically
meaningful one; Marx et al. (2022, Psychol Assess 34:197–203) computed
reliable change indices of 15 and 18 in two samples of male veterans.
careplan uses 10, which is reliable and clinically meaningful by the
National Center's figures.

## Example
```careplan
goal G1 "Lift low mood" for mood
  measure PHQ-9 baseline 14 target < 10

session 2026-10-05
  score PHQ-9 15
session 2026-11-02
  score PHQ-9 20
```
The PHQ-9 of 20 is 6 worse than the baseline of 14: a reliable
deterioration.

## Fix
Review the plan with the client: ask about risk, find out what has
changed, and record the decision at a review.
```careplan
review 2026-11-09
  status G1 worsening "PHQ-9 14 to 20 since her mother's illness"
  risk low "No thoughts of suicide; safety plan reviewed"
  note "Sessions weekly again; GP asked to review medication"
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let day = cx.as_of();
    let mut found = Vec::new();
    for track in cx.record.open_goals(day) {
        for target in &track.targets {
            let measure = target.measure.as_str();
            let Some(last) = scores_in(cx, track, measure, day).pop() else {
                continue;
            };
            if !deteriorated(cx, measure, target.baseline, last.value)
                || rated_since(track, last.date, day)
            {
                continue;
            }
            let better = cx.measures.get(measure).map_or(Better::Lower, |m| m.better);
            let by = (last.value - target.baseline).abs();
            let side = match better {
                Better::Lower => "above",
                Better::Higher => "below",
            };
            let aim = Aimed {
                id: track.id.clone(),
                noun: cx.aim_noun(&track.id),
                detail: format!(
                    "{} {side} its baseline of {}",
                    number(by),
                    number(target.baseline)
                ),
            };
            add(&mut found, measure, last, aim);
        }
    }
    let discharged = cx.record.discharged_by(cx.today);
    for at in found {
        let measure = at.measure;
        let reliable = at.reliable(cx);
        let help = if discharged {
            format!(
                "the episode is discharged: record how it ended with {} on the discharge, and say \
                 in a discharge `note` what was done about it (a referral on, a follow-up)",
                at.statuses("worsening")
            )
        } else {
            format!(
                "review {} with the client now: ask about risk and what has changed, and record \
                 the decision at a review with {} and what changes in treatment",
                at.it(),
                at.statuses("worsening")
            )
        };
        out.push(
            Diagnostic::new(
                Rule::ReliableDeterioration,
                at.point.span,
                format!(
                    "{measure} {} on {} is a reliable deterioration for {}: a change of {reliable} \
                     or more on the {measure} is beyond measurement error, and no review has rated \
                     {} since",
                    number(at.point.value),
                    at.point.date,
                    at.named(),
                    at.it(),
                ),
            )
            .with_help(help),
        );
    }
}
