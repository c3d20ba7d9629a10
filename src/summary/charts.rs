//! The HTML summary's charts: one inline SVG line chart per measure, its
//! severity bands shaded and every target of every goal and objective on
//! that measure drawn as a dashed line, each labelled with whose it is.

use super::html::esc;
use super::phrases::outcome_line;
use super::{Summary, number};
use crate::analytics::SeriesOutcome;
use crate::ast::Target;
use crate::catalogue::{MeasureInfo, Measures};
use crate::emit::plural;
use crate::words::Better;
use std::fmt::Write as _;

impl TargetMark {
    /// `O1, O3 target < 10 sustained 4 weeks`.
    fn label(&self) -> String {
        let sustained = self
            .sustained
            .map(|s| format!(" sustained {s}"))
            .unwrap_or_default();
        format!(
            "{} target {}{sustained}",
            self.owners.join(", "),
            self.target
        )
    }
}

/// The height of a label line, in SVG user units.
const LABEL_HEIGHT: f64 = 13.0;

/// A target line on a chart: the target, how long it must hold, and the
/// goals and objectives that share it.
struct TargetMark {
    target: Target,
    sustained: Option<crate::ast::Extent>,
    owners: Vec<String>,
}

/// The targets set on `measure` by the goals and objectives, one line for
/// each distinct target (two objectives aiming at PHQ-9 < 10 share one).
fn targets_on(s: &Summary, measure: &str) -> Vec<TargetMark> {
    let mut marks: Vec<TargetMark> = Vec::new();
    for g in s.goals.iter().chain(&s.objectives) {
        for t in g.targets.iter().filter(|t| t.measure.measure == measure) {
            let sustained = t.held.map(|h| h.needed);
            let same = marks.iter_mut().find(|m| {
                m.target.comparator == t.target.comparator
                    && m.target.value == t.target.value
                    && m.sustained == sustained
            });
            match same {
                Some(mark) => mark.owners.push(g.id.clone()),
                None => marks.push(TargetMark {
                    target: t.target,
                    sustained,
                    owners: vec![g.id.clone()],
                }),
            }
        }
    }
    marks
}

/// The section of charts, one per measure scored by the date.
pub(super) fn section(b: &mut String, s: &Summary, measures: &Measures<'_>) {
    if s.measures.is_empty() {
        return;
    }
    let _ = writeln!(
        b,
        "<section aria-labelledby=\"measures\">\n<h2 id=\"measures\">Outcome measures</h2>"
    );
    for (i, m) in s.measures.iter().enumerate() {
        let targets = targets_on(s, &m.measure);
        let _ = writeln!(
            b,
            "<h3>{} ({})</h3>\n<figure>\n{}\n<figcaption>{}</figcaption>\n</figure>",
            esc(&m.name),
            esc(&m.measure),
            chart(i, m, measures.get(&m.measure), &targets),
            esc(&outcome_line(m))
        );
    }
    let _ = writeln!(b, "</section>");
}

/// Chart geometry, in SVG user units.
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 130.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

/// Band fills from least to most severe (lower-is-better order).
const FILLS: &[&str] = &[
    "#e3f1e6", "#eef5d9", "#fbf1d3", "#fbe3cf", "#f7d4d0", "#f0c4c4",
];

/// An SVG line chart of one measure, bands shaded, targets dashed.
fn chart(
    index: usize,
    m: &SeriesOutcome,
    info: Option<&MeasureInfo>,
    targets: &[TargetMark],
) -> String {
    let values: Vec<f64> = m.readings.iter().map(|r| r.value).collect();
    let data_low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let data_high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let target_values = targets.iter().map(|t| t.target.value);
    // Standardised measures (with bands) show their whole range, so a
    // score's place among the bands reads at a glance; other measures zoom
    // to the scores and targets, within their range.
    let (range_low, range_high) = info
        .map(|i| (i.min, i.max))
        .filter(|(a, b)| a.is_finite() && b.is_finite() && *a > f64::MIN && *b < f64::MAX)
        .unwrap_or((f64::NEG_INFINITY, f64::INFINITY));
    let banded = info.is_some_and(|i| !i.bands.is_empty());
    let (low, high) = if banded {
        (range_low, range_high)
    } else {
        let low = target_values
            .clone()
            .fold(data_low.min(0.0), f64::min)
            .max(range_low);
        let top = target_values.fold(data_high, f64::max);
        let high = (top + (top - low).abs() * 0.2).ceil().min(range_high);
        (low, if high > low { high } else { low + 1.0 })
    };
    let right = if banded { RIGHT } else { 16.0 };
    let plot_w = WIDTH - LEFT - right;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let y = |v: f64| TOP + plot_h * (1.0 - (v - low) / (high - low));
    let first = m.readings.first().map(|r| r.date);
    let last = m.readings.last().map(|r| r.date);
    let span_days = match (first, last) {
        (Some(a), Some(z)) => a.until(z).map_or(0, |s| s.get_days()),
        _ => 0,
    };
    let x = |d: jiff::civil::Date| match first {
        Some(a) if span_days > 0 => {
            LEFT + plot_w * f64::from(a.until(d).map_or(0, |s| s.get_days())) / f64::from(span_days)
        }
        _ => LEFT + plot_w / 2.0,
    };
    let id = format!("chart-{index}");
    let described = if targets.is_empty() {
        String::new()
    } else {
        let labels: Vec<String> = targets.iter().map(TargetMark::label).collect();
        format!("; {}", labels.join("; "))
    };
    let mut svg = String::new();
    let direction = match m.better {
        Better::Lower => "lower is better",
        Better::Higher => "higher is better",
    };
    let _ = write!(
        svg,
        "<svg viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n\
         <title id=\"{id}-title\">{} ({}) over time</title>\n\
         <desc id=\"{id}-desc\">{} from {} to {}; {direction}{}.</desc>\n",
        esc(&m.name),
        esc(&m.measure),
        plural(m.readings.len(), "score", "scores"),
        first.map_or_else(String::new, |d| d.to_string()),
        last.map_or_else(String::new, |d| d.to_string()),
        esc(&described),
    );
    // Severity bands, shaded and labelled on the right.
    if let Some(info) = info {
        let count = info.bands.len();
        for (i, band) in info.bands.iter().enumerate() {
            let top_value = info.bands.get(i + 1).map_or(high, |next| next.from);
            let (y0, y1) = (y(top_value.min(high)), y(band.from.max(low)));
            let severity = match m.better {
                Better::Lower => i,
                Better::Higher => count.saturating_sub(i + 1),
            };
            // Spread the bands over the palette, least severe first.
            let step = if count > 1 {
                severity * (FILLS.len() - 1) / (count - 1)
            } else {
                0
            };
            let fill = FILLS.get(step).copied().unwrap_or("#eeeeee");
            let _ = writeln!(
                svg,
                "<rect x=\"{LEFT}\" y=\"{y0:.1}\" width=\"{plot_w}\" height=\"{:.1}\" fill=\"{fill}\"><title>{} from {}</title></rect>\
                 <text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                (y1 - y0).max(0.0),
                esc(&band.label),
                number(band.from),
                LEFT + plot_w + 6.0,
                (y0 + y1) / 2.0 + 4.0,
                esc(&band.label),
            );
        }
    }
    // Axes and y ticks at the range's ends and band starts.
    let _ = writeln!(
        svg,
        "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{:.1}\" stroke=\"#8a93a3\"/>\
         <line x1=\"{LEFT}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#8a93a3\"/>",
        TOP + plot_h,
        TOP + plot_h,
        LEFT + plot_w,
        TOP + plot_h
    );
    let mut ticks = vec![low, high];
    if let Some(info) = info {
        ticks.extend(
            info.bands
                .iter()
                .map(|b| b.from)
                .filter(|v| *v > low && *v < high),
        );
    }
    for tick in ticks {
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LEFT - 6.0,
            y(tick) + 4.0,
            number(tick)
        );
    }
    for (date, anchor) in [(first, "start"), (last, "end")] {
        if let Some(d) = date
            && (anchor == "start" || span_days > 0)
        {
            let _ = writeln!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{}\">{d}</text>",
                x(d),
                HEIGHT - 8.0,
                if span_days > 0 { anchor } else { "middle" }
            );
        }
    }
    // Every target, labelled above its line, or below it when another
    // target's label already sits there.
    let mut labels: Vec<f64> = Vec::new();
    for mark in targets {
        let ty = y(mark.target.value.clamp(low, high));
        let above = ty - 4.0;
        let taken = |at: f64| labels.iter().any(|l| (l - at).abs() < LABEL_HEIGHT);
        let at = if taken(above) || above < TOP + LABEL_HEIGHT {
            ty + LABEL_HEIGHT
        } else {
            above
        };
        labels.push(at);
        let _ = writeln!(
            svg,
            "<line x1=\"{LEFT}\" y1=\"{ty:.1}\" x2=\"{:.1}\" y2=\"{ty:.1}\" stroke=\"#1f5fa8\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\
             <text x=\"{:.1}\" y=\"{at:.1}\" fill=\"#1f5fa8\">{}</text>",
            LEFT + plot_w,
            LEFT + 4.0,
            esc(&mark.label()),
        );
    }
    // The scores.
    let points: Vec<String> = m
        .readings
        .iter()
        .map(|r| format!("{:.1},{:.1}", x(r.date), y(r.value)))
        .collect();
    if points.len() > 1 {
        let _ = writeln!(
            svg,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#1d2433\" stroke-width=\"2\"/>",
            points.join(" ")
        );
    }
    for r in &m.readings {
        let band = r
            .band
            .as_ref()
            .map(|b| format!(" ({b})"))
            .unwrap_or_default();
        let _ = writeln!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"#1d2433\"><title>{}: {}{}</title></circle>",
            x(r.date),
            y(r.value),
            r.date,
            number(r.value),
            esc(&band)
        );
    }
    svg.push_str("</svg>");
    svg
}
