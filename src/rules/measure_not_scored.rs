//! `measure-not-scored`: an open goal's measure has gone unscored for more
//! than six weeks of attended sessions.

use super::Context;
use super::RuleMeta;
use super::outcomes::listing;
use super::review_overdue::{days, days_between};
use crate::diagnostic::Diagnostic;
use crate::interpret::GoalTrack;
use crate::rule::Rule;
use jiff::civil::Date;

/// The longest gap, in days, between scores of an open goal's measure:
/// six weeks. careplan's own convention, not a published interval: the
/// Joint Commission (CTS.03.01.09) requires progress toward goals to be
/// monitored with a standardised measure but leaves the interval to the
/// organisation, and NHS Talking Therapies scores at every session. Six
/// weeks matches `plateau`'s window.
const MAX_GAP_DAYS: i64 = 42;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "An attended session more than six weeks after an open goal's measure was last scored.",
    doc: r#"## What it does
For each measure of an open goal or objective, looks at the attended
sessions in date order, up to the date the plan is judged (`--today`, or
the discharge when the episode has ended). The first session that does not
score the measure and comes more than 42 days (six weeks) after it was last
scored is flagged, once for the gap: the sessions after it, until the
measure is scored again, are not. The goal's `baseline` counts as a score
taken on the day the goal was set.

A measure is checked only while some goal or objective it measures is set
and open (not `achieved`, `sustaining`, `not-achieved` or `not-attainable`),
and only when it is a standardised measure careplan knows (built in, or
added by the clinic's configuration): a measure the file declares for
itself (car journeys a week, days at work) is the clinician's own count,
scored when it suits the plan. Sessions not attended are not contacts and
are not counted.

## Why
Measurement-based care means rating a goal's measure routinely through
treatment and using the scores to steer it. The Joint Commission's
behavioural-health standard CTS.03.01.09 (in force since January 2018)
requires an organisation to monitor each client's progress toward the
goals of the plan with a standardised tool, and to use the results to
revise the plan; NHS Talking Therapies services score their measures at
every session. A goal whose measure is not scored cannot show that it is
met, that it has stalled (`plateau`) or that the client is worse
(`reliable-deterioration`).

Neither source fixes an interval. Six weeks is careplan's own convention,
the same window `plateau` uses: long enough for a fortnightly or monthly
rhythm of scoring, short enough that a worsening is seen within a few
sessions. The rule is information, not a warning.

## Example
```careplan
goal G1 "Lift low mood" for mood
  measure PHQ-9 baseline 18 target < 10

session 2026-09-07
  score PHQ-9 17
session 2026-10-05
  used I1 "Activity diary"
session 2026-10-26
  used I1 "Activity diary"
```
The session of 2026-10-26 is 49 days after the PHQ-9 was last scored.

## Fix
Score the measure at the session:
```careplan
session 2026-10-26
  used I1 "Activity diary"
  score PHQ-9 14
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let day = cx.as_of();
    let mut measures: Vec<&str> = Vec::new();
    for target in cx.record.goals.iter().flat_map(|g| &g.targets) {
        // A measure the file declares for itself is the clinician's own
        // count, not the standardised instrument the standard asks for.
        let standard = cx.measures.get(&target.measure).is_some_and(|m| !m.declared);
        if standard && !measures.contains(&target.measure.as_str()) {
            measures.push(&target.measure);
        }
    }
    for measure in measures {
        let points = cx.record.series(measure).map_or(&[][..], |s| &s.points);
        // Looked up per session: the entries that score it, and its score
        // dates in order, so a long record is read once, not per session.
        let scoring: foldhash::HashSet<usize> = points.iter().map(|p| p.entry).collect();
        let mut dates: Vec<Date> = points.iter().map(|p| p.date).collect();
        dates.sort_unstable();
        let measured = |on: Date| -> Vec<&GoalTrack> {
            cx.record
                .goals
                .iter()
                .filter(|g| g.targets.iter().any(|t| t.measure == measure))
                .filter(|g| g.opened.is_some_and(|o| o <= on) && !g.is_closed_on(on))
                .collect()
        };
        let mut in_gap = false;
        for session in cx.record.sessions.iter().filter(|s| s.date <= day) {
            if scoring.contains(&session.value) {
                in_gap = false;
                continue;
            }
            let aims = measured(session.date);
            let scored = dates
                .get(..dates.partition_point(|&d| d <= session.date))
                .and_then(|before| before.last())
                .copied();
            let set = aims.iter().filter_map(|g| g.opened).max();
            let Some(last) = scored.max(set) else {
                continue;
            };
            let gap = days_between(last, session.date);
            if aims.is_empty() || in_gap || gap <= MAX_GAP_DAYS {
                continue;
            }
            in_gap = true;
            let names: Vec<String> = aims
                .iter()
                .map(|g| format!("{} `{}`", cx.aim_noun(&g.id), g.id))
                .collect();
            let names = listing(&names);
            let since = if scored == Some(last) {
                format!("{measure} was last scored on {last}")
            } else {
                format!("{measure} has not been scored since its baseline on {last}")
            };
            out.push(
                Diagnostic::new(
                    Rule::MeasureNotScored,
                    session.span,
                    format!(
                        "{since}, {} before this session, and {names} {} measured by it",
                        days(gap),
                        if aims.len() == 1 { "is" } else { "are" }
                    ),
                )
                .with_help(format!(
                    "score it at this session (`score {measure} N`); rating an open goal's \
                     measure at least every six weeks shows in time whether treatment is working"
                )),
            );
        }
    }
}
