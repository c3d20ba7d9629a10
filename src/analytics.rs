//! Outcome analytics: what a score series and a goal say about progress.
//!
//! Figures follow measurement-based care practice:
//! - the **severity band** of each score comes from the measure (PHQ-9
//!   5/10/15/20, Kroenke 2001; GAD-7 5/10/15, Spitzer 2006; PCL-5 33,
//!   Bovin 2016);
//! - **response** is a reduction of at least 50% from baseline, the usual
//!   definition in depression and anxiety trials (e.g. Kroenke 2001;
//!   Rush et al. 2006, STAR*D); it applies to measures where lower is better
//!   whose catalogue entry says the criterion fits (symptom scales and
//!   declared measures, not single items, brief screeners or SUDS);
//! - **remission** is a score below the measure's remission cut-off (PHQ-9
//!   and GAD-7 below 5, their "minimal" bands: Kroenke, Spitzer, Williams &
//!   Löwe 2010; Spitzer et al. 2006). NHS Talking Therapies' "recovery"
//!   (below caseness: PHQ-9 below 10, GAD-7 below 8) is a different,
//!   laxer criterion, not reported here;
//! - **reliable improvement or deterioration** is a change from baseline of
//!   at least the measure's reliable-change value (Jacobson & Truax 1991;
//!   PHQ-9 6 and GAD-7 4 as used by NHS Talking Therapies; PCL-5 10, the
//!   National Center for PTSD's clinically meaningful change and the top of
//!   its 5-10 reliable range; ORS 5, Miller et al. 2003);
//! - the **trend** compares the first and last of the latest three scores:
//!   a change of at least half the reliable change (any change when the
//!   measure has none) is improving or worsening, less is steady.

use crate::ast::{Aim, Document, Target};
use crate::catalogue::{MeasureInfo, Measures};
use crate::interpret::{Held, Record, Series};
use crate::words::{Achievement, Better, Comparator};
use jiff::civil::Date;
use serde::Serialize;

/// Rounding allowed when a difference of scores is compared with a
/// threshold: scores are decimals written in the file, and binary floating
/// point makes `4.1 - 2.1` come out as 1.9999999999999996, not 2.
const ROUNDING: f64 = 1e-9;

/// The smallest change that counts as a change on a measure without a
/// reliable-change value: scores are written with a few decimals at most.
const ANY_CHANGE: f64 = 1e-6;

/// Whether a change of `amount` (a difference of scores) is at least
/// `threshold`, as the written numbers would have it: `at_least(4.1 - 2.1, 2.0)`.
pub fn at_least(amount: f64, threshold: f64) -> bool {
    amount >= threshold - ROUNDING
}

/// How much better `to` is than `from` on a measure where `better` is
/// better: positive for an improvement, negative for a worsening.
pub fn gain(better: Better, from: f64, to: f64) -> f64 {
    match better {
        Better::Lower => from - to,
        Better::Higher => to - from,
    }
}

/// Whether a change from `from` to `to` is beyond measurement error on a
/// measure whose reliable change is `rc` (Jacobson & Truax 1991): at least
/// `rc` in either direction.
pub fn reliable_change(better: Better, rc: f64, from: f64, to: f64) -> ReliableChange {
    let moved = gain(better, from, to);
    if at_least(moved, rc) {
        ReliableChange::Improvement
    } else if at_least(-moved, rc) {
        ReliableChange::Deterioration
    } else {
        ReliableChange::NoReliableChange
    }
}

/// How far `score` falls short of `target`: 0 when it meets it, else how
/// far it lies beyond the target's value on the wrong side (either side
/// for `=`).
pub fn shortfall(target: &Target, score: f64) -> f64 {
    if target.is_met_by(score) {
        return 0.0;
    }
    match target.comparator {
        Comparator::Below | Comparator::AtMost => score - target.value,
        Comparator::Above | Comparator::AtLeast => target.value - score,
        Comparator::Equal => (score - target.value).abs(),
    }
}

/// One score with its severity band.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reading {
    /// The session's date.
    pub date: Date,
    /// The score.
    pub value: f64,
    /// Its severity band, when the measure has bands.
    pub band: Option<String>,
}

/// Whether the change from baseline is beyond measurement error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReliableChange {
    /// Better by at least the reliable-change value.
    Improvement,
    /// Worse by at least the reliable-change value.
    Deterioration,
    /// Within measurement error.
    NoReliableChange,
}

/// The direction of the latest scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trend {
    /// Moving in the better direction.
    Improving,
    /// Moving in the worse direction.
    Worsening,
    /// Not moving beyond half the reliable change.
    Steady,
}

impl Trend {
    /// The word for people (`improving`, `worsening`, `steady`).
    pub fn as_str(self) -> &'static str {
        match self {
            Trend::Improving => "improving",
            Trend::Worsening => "worsening",
            Trend::Steady => "steady",
        }
    }
}

/// What one measure's scores show, up to a date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesOutcome {
    /// The measure's id.
    pub measure: String,
    /// Its full name (the id when the measure is unknown).
    pub name: String,
    /// Which direction is better.
    pub better: Better,
    /// The scores, in date order, with their bands.
    pub readings: Vec<Reading>,
    /// The baseline: the goal's, else the first score.
    pub baseline: Option<f64>,
    /// Latest score minus baseline.
    pub change: Option<f64>,
    /// A reduction of at least 50% from baseline (lower-is-better measures).
    pub response: Option<bool>,
    /// The latest score is below the remission cut-off (when there is one).
    pub remission: Option<bool>,
    /// Whether the change from baseline is reliable (when the measure has a value).
    pub reliable: Option<ReliableChange>,
    /// The direction of the latest three scores (two at least).
    pub trend: Option<Trend>,
}

impl SeriesOutcome {
    /// The latest reading.
    pub fn latest(&self) -> Option<&Reading> {
        self.readings.last()
    }
}

/// Analyses `series` up to and including `as_of`. `baseline` is the goal's
/// baseline when there is one; `info` the measure, when known.
pub fn series_outcome(
    measure: &str,
    series: Option<&Series>,
    info: Option<&MeasureInfo>,
    baseline: Option<f64>,
    as_of: Date,
) -> SeriesOutcome {
    let readings: Vec<Reading> = series
        .map(|s| s.points.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|p| p.date <= as_of)
        .map(|p| Reading {
            date: p.date,
            value: p.value,
            band: info.and_then(|i| i.band(p.value)).map(|b| b.label.clone()),
        })
        .collect();
    let better = info.map_or(Better::Lower, |i| i.better);
    let baseline = baseline.or_else(|| readings.first().map(|r| r.value));
    let latest = readings.last().map(|r| r.value);
    let change = baseline.zip(latest).map(|(b, l)| l - b);
    let scale = info.is_none_or(|i| i.response);
    let response = match (better, baseline, latest) {
        (Better::Lower, Some(b), Some(l)) if b > 0.0 && scale => Some(l <= b * 0.5),
        _ => None,
    };
    let remission = info
        .and_then(|i| i.remission_below)
        .zip(latest)
        .map(|(cut, l)| l < cut);
    let rc = info.and_then(|i| i.reliable_change);
    let reliable = rc
        .zip(baseline.zip(latest))
        .map(|(rc, (from, to))| reliable_change(better, rc, from, to));
    let window = readings
        .get(readings.len().saturating_sub(3)..)
        .unwrap_or_default();
    let trend = match (window.first(), window.last()) {
        (Some(first), Some(last)) if window.len() >= 2 => {
            let moved = gain(better, first.value, last.value);
            let threshold = rc.map_or(ANY_CHANGE, |rc| rc / 2.0);
            Some(if at_least(moved, threshold) {
                Trend::Improving
            } else if at_least(-moved, threshold) {
                Trend::Worsening
            } else {
                Trend::Steady
            })
        }
        _ => None,
    };
    SeriesOutcome {
        measure: measure.to_owned(),
        name: info.map_or_else(|| measure.to_owned(), |i| i.name.clone()),
        better,
        readings,
        baseline,
        change,
        response,
        remission,
        reliable,
        trend,
    }
}

/// A status a review recorded for a goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    /// The review's date.
    pub date: Date,
    /// The status from then on.
    pub status: Achievement,
}

/// One target of a goal or objective as it stood on a date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetOutcome {
    /// The target in force: its comparator and value.
    #[serde(serialize_with = "target_json")]
    pub target: Target,
    /// How long it must hold, and how long it has (sustained targets).
    pub held: Option<Held>,
    /// Its measure's scores and what they show.
    pub measure: SeriesOutcome,
    /// Progress from baseline toward the target in percent (0 to 100).
    pub progress: Option<f64>,
    /// Whether it counts as met: the latest score meets it, and it has
    /// held long enough when sustained.
    pub met: bool,
}

/// A target as JSON shows it: the comparator and the value, without its
/// place in the file (which means nothing to a reader of the summary).
fn target_json<S: serde::Serializer>(target: &Target, serializer: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Shown {
        comparator: crate::words::Comparator,
        value: f64,
    }
    Shown {
        comparator: target.comparator,
        value: target.value,
    }
    .serialize(serializer)
}

/// One goal or objective as it stood on a date, with its history.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalOutcome {
    /// The goal's or objective's id.
    pub id: String,
    /// The goal in the clinician's words.
    pub text: String,
    /// Whether it is an objective.
    pub objective: bool,
    /// The concerns a goal addresses, or the goals an objective is a step toward.
    pub serves: Vec<String>,
    /// Its targets, one per measure.
    pub targets: Vec<TargetOutcome>,
    /// The due date in force.
    pub due: Option<Date>,
    /// The latest status.
    pub status: Option<Achievement>,
    /// Every status recorded up to the date, oldest first.
    pub history: Vec<StatusChange>,
    /// The least progress over its targets, in percent (0 to 100).
    pub progress: Option<f64>,
    /// Whether every target is met; `None` before any target is scored.
    pub met: Option<bool>,
}

/// Every goal and objective set on or before `as_of`, as it stood that
/// day, in file order.
pub fn goal_outcomes(
    document: &Document,
    record: &Record,
    measures: &Measures<'_>,
    as_of: Date,
) -> Vec<GoalOutcome> {
    let mut out = Vec::new();
    for aim in document.aims() {
        let Some(track) = record.goal(&aim.id().value) else {
            continue;
        };
        if track.opened.is_some_and(|o| o > as_of) {
            continue;
        }
        let targets: Vec<TargetOutcome> = track
            .targets
            .iter()
            .filter_map(|t| {
                let series = record.series(&t.measure);
                let standing = t.standing(series, as_of)?;
                let measure = series_outcome(
                    &t.measure,
                    series,
                    measures.get(&t.measure),
                    Some(t.baseline),
                    as_of,
                );
                let progress = standing
                    .latest
                    .and_then(|(_, latest)| progress(t.baseline, standing.target, latest));
                Some(TargetOutcome {
                    target: standing.target,
                    held: standing.held,
                    measure,
                    progress,
                    met: standing.met,
                })
            })
            .collect();
        let progress = targets
            .iter()
            .map(|t| t.progress)
            .collect::<Option<Vec<f64>>>()
            .and_then(|all| all.into_iter().reduce(f64::min));
        let met = targets
            .iter()
            .any(|t| t.measure.latest().is_some())
            .then(|| targets.iter().all(|t| t.met));
        let serves = match aim {
            Aim::Goal(g) => &g.concerns,
            Aim::Objective(o) => &o.goals,
        };
        out.push(GoalOutcome {
            id: aim.id().value.to_string(),
            text: aim.text().value.clone(),
            objective: aim.is_objective(),
            serves: serves.iter().map(|c| c.value.to_string()).collect(),
            targets,
            due: Record::latest(&track.dues, as_of).map(|d| d.value),
            status: track.status_on(as_of),
            history: track
                .statuses
                .iter()
                .filter(|s| s.date <= as_of)
                .map(|s| StatusChange {
                    date: s.date,
                    status: s.value,
                })
                .collect(),
            progress,
            met,
        });
    }
    out
}

/// How far `latest` has come from `baseline` toward `target`, in percent,
/// from 0 (no better than baseline) to 100 (target met).
fn progress(baseline: f64, target: Target, latest: f64) -> Option<f64> {
    if target.is_met_by(latest) {
        return Some(100.0);
    }
    let distance = target.value - baseline;
    if distance.abs() < f64::EPSILON {
        return None;
    }
    Some(((latest - baseline) / distance * 100.0).clamp(0.0, 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Catalogue;
    use crate::interpret::ScorePoint;
    use crate::span::Span;
    use crate::words::Comparator;

    fn series(values: &[(i8, f64)]) -> Series {
        Series {
            measure: "PHQ-9".to_owned(),
            points: values
                .iter()
                .map(|&(day, value)| ScorePoint {
                    date: jiff::civil::date(2026, 9, day),
                    value,
                    after: None,
                    span: Span::default(),
                    entry: 0,
                })
                .collect(),
        }
    }

    fn phq9(values: &[(i8, f64)]) -> SeriesOutcome {
        let catalogue = Catalogue::builtin();
        let info = catalogue.measures().iter().find(|m| m.id == "PHQ-9");
        let s = series(values);
        series_outcome(
            "PHQ-9",
            Some(&s),
            info,
            None,
            jiff::civil::date(2026, 9, 30),
        )
    }

    #[test]
    fn response_remission_and_reliable_change_follow_their_definitions() {
        let better = phq9(&[(1, 18.0), (8, 12.0), (15, 9.0), (22, 4.0)]);
        assert_eq!(better.response, Some(true));
        assert_eq!(better.remission, Some(true));
        assert_eq!(better.reliable, Some(ReliableChange::Improvement));
        assert_eq!(better.trend, Some(Trend::Improving));
        assert_eq!(
            better.latest().and_then(|r| r.band.as_deref()),
            Some("minimal")
        );

        // 16 -> 11 is a 5-point fall: not reliable (6), not a response (8).
        let partial = phq9(&[(1, 16.0), (8, 13.0), (15, 11.0)]);
        assert_eq!(partial.response, Some(false));
        assert_eq!(partial.remission, Some(false));
        assert_eq!(partial.reliable, Some(ReliableChange::NoReliableChange));
        assert_eq!(partial.trend, Some(Trend::Improving));

        let worse = phq9(&[(1, 8.0), (8, 15.0), (15, 14.0)]);
        assert_eq!(worse.reliable, Some(ReliableChange::Deterioration));
        // 8 -> 14 across the last three scores: worse by more than half of 6.
        assert_eq!(worse.trend, Some(Trend::Worsening));

        let flat = phq9(&[(1, 12.0), (8, 13.0), (15, 12.0)]);
        assert_eq!(flat.trend, Some(Trend::Steady));
        assert_eq!(phq9(&[(1, 12.0)]).trend, None);
    }

    #[test]
    fn changes_are_judged_as_the_written_decimals_say() {
        // 8.2 -> 2.2 is a fall of exactly 6 (in binary, 5.999999999999999).
        let decimals = phq9(&[(1, 8.2), (8, 5.0), (15, 2.2)]);
        assert_eq!(decimals.reliable, Some(ReliableChange::Improvement));
        assert!(at_least(4.1 - 2.1, 2.0));
        assert!(!at_least(4.1 - 2.2, 2.0));

        // Without a reliable-change value any change counts, no change does not.
        let s = series(&[(1, 3.0), (8, 3.0)]);
        let none = series_outcome("x", Some(&s), None, None, jiff::civil::date(2026, 9, 30));
        assert_eq!(none.trend, Some(Trend::Steady));
        let s = series(&[(1, 3.0), (8, 2.9)]);
        let moved = series_outcome("x", Some(&s), None, None, jiff::civil::date(2026, 9, 30));
        assert_eq!(moved.trend, Some(Trend::Improving));
    }

    #[test]
    fn scores_after_the_date_are_not_counted() {
        let s = series(&[(1, 18.0), (29, 4.0)]);
        let early = series_outcome(
            "PHQ-9",
            Some(&s),
            None,
            None,
            jiff::civil::date(2026, 9, 15),
        );
        assert_eq!(early.readings.len(), 1);
    }

    #[test]
    fn progress_runs_from_baseline_to_target() {
        let target = Target {
            span: Span::default(),
            comparator: Comparator::Below,
            value: 5.0,
        };
        assert_eq!(progress(16.0, target, 16.0), Some(0.0));
        assert_eq!(progress(16.0, target, 10.5), Some(50.0));
        assert_eq!(progress(16.0, target, 4.0), Some(100.0));
        assert_eq!(progress(16.0, target, 20.0), Some(0.0));
    }
}
