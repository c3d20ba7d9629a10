//! What the outcome rules share (`plateau`, `reliable-deterioration`,
//! `goal-reopened-without-review`, `measure-not-scored`): a goal's scores in
//! its span, whether a review has rated it since a date, whether a score is
//! a reliable deterioration, and the words that name several goals at once.

use super::Context;
use crate::analytics::{ReliableChange, reliable_change};
use crate::interpret::{GoalTrack, ScorePoint};
use jiff::civil::Date;

/// The scores of `measure` that count for `track`: taken on or after it
/// was set and on or before `until`, in date order. A score outside the
/// measure's range is `score-out-of-range`'s error, not an outcome.
pub(super) fn scores_in<'a>(
    cx: &Context<'a>,
    track: &GoalTrack,
    measure: &str,
    until: Date,
) -> Vec<&'a ScorePoint> {
    let opened = track.opened;
    let info = cx.measures.get(measure);
    cx.record.series(measure).map_or_else(Vec::new, |series| {
        series
            .points
            .iter()
            .filter(|p| opened.is_none_or(|o| p.date >= o) && p.date <= until)
            .filter(|p| info.is_none_or(|i| i.contains(p.value)))
            .collect()
    })
}

/// Whether a review or the discharge recorded `track`'s status on a day
/// from `since` to `until`, both included: someone has looked at the goal
/// since then.
pub(super) fn rated_since(track: &GoalTrack, since: Date, until: Date) -> bool {
    track
        .statuses
        .iter()
        .any(|s| s.date >= since && s.date <= until)
}

/// Whether `score` is worse than `baseline` by at least the measure's
/// reliable change (NHS Talking Therapies' reliable deterioration); never
/// on a measure without a reliable change to judge by.
pub(super) fn deteriorated(cx: &Context<'_>, measure: &str, baseline: f64, score: f64) -> bool {
    cx.measures.get(measure).is_some_and(|info| {
        info.reliable_change.is_some_and(|rc| {
            reliable_change(info.better, rc, baseline, score) == ReliableChange::Deterioration
        })
    })
}

/// One goal or objective as a finding names it.
pub(super) struct Aimed {
    /// Its id.
    pub id: String,
    /// `goal` or `objective`.
    pub noun: &'static str,
    /// What the finding says of it, in brackets after its name.
    pub detail: String,
}

/// The goals and objectives one score concerns: a score that concerns
/// several (a goal and its objective on one measure) is one finding.
pub(super) struct AtScore<'a> {
    /// The measure.
    pub measure: &'a str,
    /// The score the finding stands on.
    pub point: &'a ScorePoint,
    /// The goals and objectives, in the order found.
    pub aims: Vec<Aimed>,
}

impl AtScore<'_> {
    /// `goal `G1` (…)`, `goal `G1` (…) and objective `O1` (…)`.
    pub fn named(&self) -> String {
        let names: Vec<String> = self
            .aims
            .iter()
            .map(|a| format!("{} `{}` ({})", a.noun, a.id, a.detail))
            .collect();
        listing(&names)
    }

    /// The measure's reliable change as messages write it.
    pub fn reliable(&self, cx: &Context<'_>) -> String {
        cx.measures
            .get(self.measure)
            .and_then(|m| m.reliable_change)
            .map_or_else(String::new, number)
    }

    /// `it` for one goal, `them` for several.
    pub fn it(&self) -> &'static str {
        if self.aims.len() == 1 { "it" } else { "them" }
    }

    /// `` `status G1 worsening "…"` `` for each, as the fix writes them.
    pub fn statuses(&self, status: &str) -> String {
        let lines: Vec<String> = self
            .aims
            .iter()
            .map(|a| format!("`status {} {status} \"…\"`", a.id))
            .collect();
        listing(&lines)
    }
}

/// Adds `aim` to the finding at `point`, or starts one.
pub(super) fn add<'a>(
    found: &mut Vec<AtScore<'a>>,
    measure: &'a str,
    point: &'a ScorePoint,
    aim: Aimed,
) {
    match found.iter_mut().find(|f| f.point.span == point.span) {
        Some(at) => at.aims.push(aim),
        None => found.push(AtScore {
            measure,
            point,
            aims: vec![aim],
        }),
    }
}

/// `a`, `a and b`, `a, b and c`.
pub(super) fn listing(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A score or difference as written: whole numbers without a decimal
/// point, others to two decimals at most.
pub(super) fn number(value: f64) -> String {
    ((value * 100.0).round() / 100.0).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_prose() {
        let items = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(listing(&items(&["goal `G1`"])), "goal `G1`");
        assert_eq!(listing(&items(&["`G1`", "`O1`"])), "`G1` and `O1`");
        assert_eq!(listing(&items(&["a", "b", "c"])), "a, b and c");
    }

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(number(6.0), "6");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(4.1 - 2.1), "2");
    }
}
