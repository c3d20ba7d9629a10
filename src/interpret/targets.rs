//! Whether a target is met on a date, and for how long it has held.
//!
//! Without `sustained`, a target is met when the latest score meets it.
//! With `sustained N sessions`, the last N scores must all meet it. With
//! `sustained N days|weeks|months`, the latest run of scores that all meet
//! it must span the period, from its first score to its last (language
//! version 2; docs/language.md, "How a file is interpreted").

use super::record::{Record, Series, TargetTrack};
use crate::ast::{Extent, Target};
use crate::words::ExtentUnit;
use jiff::civil::Date;
use serde::Serialize;

/// One target as it stood on a date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetStanding {
    /// The measure.
    pub measure: String,
    /// The baseline score.
    pub baseline: f64,
    /// The target in force.
    pub target: Target,
    /// The latest score on or before the date, with its date.
    pub latest: Option<(Date, f64)>,
    /// Whether the target counts as met (held long enough when sustained).
    pub met: bool,
    /// For a sustained target, how long it has held.
    pub held: Option<Held>,
}

/// How long a sustained target has held, in the unit it must hold for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Held {
    /// How long it has held so far (whole units).
    pub so_far: u32,
    /// How long it must hold.
    pub needed: Extent,
}

impl TargetTrack {
    /// The target in force on `date`.
    pub fn target_on(&self, date: Date) -> Option<Target> {
        Record::latest(&self.history, date).map(|t| t.value)
    }

    /// The target as it stood at the end of `date`, scored by `series`;
    /// `None` before the target was set.
    pub fn standing(&self, series: Option<&Series>, date: Date) -> Option<TargetStanding> {
        let target = self.target_on(date)?;
        let points = series.map_or(&[][..], |s| s.points.as_slice());
        let upto = points.partition_point(|p| p.date <= date);
        let scored = points.get(..upto).unwrap_or_default();
        let latest = scored.last().map(|p| (p.date, p.value));
        let run = scored
            .iter()
            .rev()
            .take_while(|p| target.is_met_by(p.value))
            .count();
        let (met, held) = match self.sustained {
            None => (run > 0, None),
            Some(needed) => {
                let first = scored.len().checked_sub(run).and_then(|i| scored.get(i));
                let so_far = match (first, scored.last()) {
                    (Some(first), Some(last)) if run > 0 => {
                        elapsed(needed.unit, first.date, last.date, run)
                    }
                    _ => 0,
                };
                (so_far >= needed.amount, Some(Held { so_far, needed }))
            }
        };
        Some(TargetStanding {
            measure: self.measure.clone(),
            baseline: self.baseline,
            target,
            latest,
            met,
            held,
        })
    }
}

/// How long a run of `scores` scores from `first` to `last` lasts, in
/// whole `unit`s: the scores themselves for sessions.
fn elapsed(unit: ExtentUnit, first: Date, last: Date, scores: usize) -> u32 {
    let days = || (last - first).get_days().max(0).unsigned_abs();
    match unit {
        ExtentUnit::Sessions => u32::try_from(scores).unwrap_or(u32::MAX),
        ExtentUnit::Days => days(),
        ExtentUnit::Weeks => days() / 7,
        ExtentUnit::Months => first
            .until((jiff::Unit::Month, last))
            .map_or(0, |span| span.get_months().max(0).unsigned_abs()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::Extent;
    use crate::interpret::{Dated, ScorePoint};
    use crate::span::Span;
    use crate::words::Comparator;
    use jiff::civil::date;

    fn track(sustained: Option<Extent>) -> TargetTrack {
        let target = Target {
            span: Span::default(),
            comparator: Comparator::Below,
            value: 10.0,
        };
        TargetTrack {
            measure: "PHQ-9".to_owned(),
            baseline: 21.0,
            sustained,
            history: vec![Dated::new(date(2026, 9, 1), target, Span::default())],
        }
    }

    fn scores(values: &[(i8, i8, f64)]) -> Series {
        Series {
            measure: "PHQ-9".to_owned(),
            points: values
                .iter()
                .map(|&(month, day, value)| ScorePoint {
                    date: date(2026, month, day),
                    value,
                    after: None,
                    span: Span::default(),
                    entry: 0,
                })
                .collect(),
        }
    }

    #[test]
    fn a_plain_target_is_met_by_the_latest_score() {
        let series = scores(&[(9, 7, 12.0), (9, 14, 9.0)]);
        let standing = track(None).standing(Some(&series), date(2026, 9, 30));
        assert_eq!(standing.as_ref().map(|s| s.met), Some(true));
        let before = track(None).standing(Some(&series), date(2026, 9, 10));
        assert_eq!(before.map(|s| s.met), Some(false));
    }

    #[test]
    fn a_sustained_target_counts_the_run_that_meets_it() {
        let weeks = Extent {
            amount: 4,
            unit: ExtentUnit::Weeks,
        };
        // 9 on 2 Nov, then 8, 7: held from 2 Nov to 16 Nov, 2 of 4 weeks.
        let series = scores(&[(10, 26, 12.0), (11, 2, 9.0), (11, 9, 8.0), (11, 16, 7.0)]);
        let standing = track(Some(weeks)).standing(Some(&series), date(2026, 11, 20));
        let held = standing.as_ref().and_then(|s| s.held);
        assert_eq!(held.map(|h| h.so_far), Some(2));
        assert_eq!(standing.map(|s| s.met), Some(false));
        let later = scores(&[(11, 2, 9.0), (11, 16, 7.0), (11, 30, 6.0)]);
        let standing = track(Some(weeks)).standing(Some(&later), date(2026, 12, 1));
        assert_eq!(standing.map(|s| s.met), Some(true));

        let sessions = Extent {
            amount: 3,
            unit: ExtentUnit::Sessions,
        };
        let broken = scores(&[(11, 2, 9.0), (11, 9, 11.0), (11, 16, 7.0), (11, 23, 6.0)]);
        let standing = track(Some(sessions)).standing(Some(&broken), date(2026, 12, 1));
        assert_eq!(
            standing.as_ref().and_then(|s| s.held).map(|h| h.so_far),
            Some(2)
        );
        assert_eq!(standing.map(|s| s.met), Some(false));
    }
}
