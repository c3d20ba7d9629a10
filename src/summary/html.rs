//! The HTML summary: one self-contained page with inline CSS and inline SVG
//! charts of every measure over time, severity bands shaded and goal
//! targets drawn.
//!
//! Opening it leaks nothing: no scripts, fonts, images or links to anywhere
//! else, and a Content-Security-Policy that forbids loading any. It prints
//! cleanly (A4 or Letter) and is accessible: headings in order, table
//! headers with scope, and a title and description on every chart.

use super::phrases::{
    by_goal, concern_detail, details, findings_counts, header_line, latest_cell, outcome_line,
    plans, progress_cell, review_line, risk_line, sessions_line, status, target_cell,
    treatment_line,
};
use super::{CaseRow, Summary, number};
use crate::analytics::SeriesOutcome;
use crate::ast::Target;
use crate::catalogue::MeasureInfo;
use crate::emit::plural;
use crate::words::Better;
use std::fmt::Write as _;

/// Escapes text for HTML content and attribute values.
/// Escaped text for a table cell, with each `YYYY-MM-DD` date kept on one
/// line (browsers otherwise break narrow cells at a date's hyphens).
fn cell(text: &str) -> String {
    let escaped = esc(text);
    let bytes = escaped.as_bytes();
    let is_date = |at: usize| {
        bytes.get(at..at + 10).is_some_and(|d| {
            d.iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            })
        })
    };
    let mut out = String::with_capacity(escaped.len());
    let mut at = 0;
    let mut copied = 0;
    while at < bytes.len() {
        if is_date(at) {
            out.push_str(escaped.get(copied..at).unwrap_or(""));
            out.push_str("<span class=\"date\">");
            out.push_str(escaped.get(at..at + 10).unwrap_or(""));
            out.push_str("</span>");
            at += 10;
            copied = at;
        } else {
            at += 1;
        }
    }
    out.push_str(escaped.get(copied..).unwrap_or(""));
    out
}

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --ink: #1d2433; --muted: #5b6475; --line: #d5d9e0; --accent: #1f5fa8; --warn: #a3390b; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
.meta { color: var(--muted); margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.date { white-space: nowrap; }
.status { display: inline-block; padding: 0 .45rem; border-radius: .6rem; background: #eef2f7; font-size: .85rem; }
.status.achieved, .status.sustaining { background: #dcefe1; }
.status.worsening, .status.not-achieved, .status.no-progress { background: #f8e1d8; }
.overdue, .error { color: var(--warn); font-weight: 600; }
figure { margin: 1rem 0 1.5rem; break-inside: avoid; }
figcaption { color: var(--muted); font-size: .9rem; }
svg { width: 100%; height: auto; max-width: 44rem; }
svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
ul { padding-left: 1.2rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); padding-top: .5rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// The page around `body`.
fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\
         <footer>Made by careplan {} on this computer; nothing was sent anywhere. \
         This page holds health information: store and share it as you would the clinical record.</footer>\n\
         </body>\n</html>\n",
        esc(title),
        env!("CARGO_PKG_VERSION"),
    )
}

/// Renders one plan's summary. `measures` gives ranges and bands for the
/// charts (the measures the file can use).
pub fn render(s: &Summary, measures: &crate::catalogue::Measures<'_>) -> String {
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>",
        esc(&s.title),
        esc(&header_line(s))
    );
    let more = details(s);
    if !more.is_empty() {
        let _ = writeln!(b, "<p class=\"meta\">{}</p>", esc(&more));
    }
    let _ = writeln!(b, "</header>\n<main>");
    if !s.concerns.is_empty() {
        let _ = writeln!(
            b,
            "<section aria-labelledby=\"concerns\">\n<h2 id=\"concerns\">Concerns</h2>\n<ul>"
        );
        for c in &s.concerns {
            let _ = writeln!(
                b,
                "<li><strong>{}</strong> {}{}</li>",
                esc(&c.id),
                esc(&c.text),
                esc(&concern_detail(c))
            );
        }
        let _ = writeln!(b, "</ul>\n</section>");
    }
    goals_table(&mut b, s);
    charts(&mut b, s, measures);
    let _ = writeln!(
        b,
        "<section aria-labelledby=\"treatments\">\n<h2 id=\"treatments\">Interventions and medications</h2>"
    );
    for (goal, items) in by_goal(s) {
        let _ = writeln!(b, "<h3>For {}</h3>\n<ul>", esc(&goal));
        for t in items {
            let _ = writeln!(b, "<li>{}</li>", esc(&treatment_line(t)));
        }
        let _ = writeln!(b, "</ul>");
    }
    let _ = writeln!(b, "</section>");
    let overdue = s.review.as_ref().is_some_and(|r| r.days_overdue > 0);
    let _ = writeln!(
        b,
        "<section aria-labelledby=\"record\">\n<h2 id=\"record\">Record</h2>\n<ul>\n\
         <li>{}</li>\n<li>{}</li>\n<li{}>{}</li>\n</ul>\n</section>",
        esc(&sessions_line(s)),
        esc(&risk_line(s)),
        if overdue { " class=\"overdue\"" } else { "" },
        esc(&review_line(s)),
    );
    let f = &s.findings;
    let _ = writeln!(
        b,
        "<section aria-labelledby=\"findings\">\n<h2 id=\"findings\">Findings</h2>\n\
         <p>{}</p>",
        findings_counts(f)
    );
    if !f.items.is_empty() {
        let _ = writeln!(
            b,
            "<table>\n<thead><tr><th scope=\"col\">Line</th><th scope=\"col\">Severity</th>\
             <th scope=\"col\">Rule</th><th scope=\"col\">Finding</th></tr></thead>\n<tbody>"
        );
        for item in &f.items {
            let _ = writeln!(
                b,
                "<tr><td class=\"num\">{}</td><td class=\"{}\">{}</td><td>{}</td><td>{}</td></tr>",
                item.line,
                item.severity,
                item.severity,
                esc(item.rule),
                esc(&item.message)
            );
        }
        let _ = writeln!(b, "</tbody>\n</table>");
    }
    let _ = writeln!(b, "</section>\n</main>");
    page(&format!("Plan summary: {}", s.title), &b)
}

fn goals_table(b: &mut String, s: &Summary) {
    let _ = writeln!(
        b,
        "<section aria-labelledby=\"goals\">\n<h2 id=\"goals\">Goals</h2>\n<table>\n\
         <caption class=\"meta\">Status as recorded at the latest review on or before {}; scores up to that date.</caption>\n\
         <thead><tr><th scope=\"col\">Goal</th><th scope=\"col\">Status</th><th scope=\"col\">Target</th>\
         <th scope=\"col\">Due</th><th scope=\"col\">Latest</th><th scope=\"col\">Progress</th>\
         <th scope=\"col\">Change</th></tr></thead>\n<tbody>",
        s.as_of
    );
    for g in &s.goals {
        let target = target_cell(g);
        let latest = latest_cell(g);
        let status_word = status(g);
        let class = g.status.map_or("", |s| s.as_str());
        let _ = writeln!(
            b,
            "<tr><th scope=\"row\">{} {}</th><td><span class=\"status {class}\">{}</span></td>\
             <td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&g.id),
            esc(&g.text),
            esc(&status_word),
            esc(&target),
            cell(&g.due.map_or_else(|| "—".to_owned(), |d| d.to_string())),
            cell(&latest),
            progress_cell(g),
            cell(
                &g.targets
                    .iter()
                    .map(|t| outcome_line(&t.measure))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        );
    }
    let _ = writeln!(b, "</tbody>\n</table>\n</section>");
}

fn charts(b: &mut String, s: &Summary, measures: &crate::catalogue::Measures<'_>) {
    if s.measures.is_empty() {
        return;
    }
    let _ = writeln!(
        b,
        "<section aria-labelledby=\"measures\">\n<h2 id=\"measures\">Outcome measures</h2>"
    );
    for (i, m) in s.measures.iter().enumerate() {
        let targets: Vec<(String, Target)> = s
            .goals
            .iter()
            .flat_map(|g| {
                g.targets
                    .iter()
                    .filter(|t| t.measure.measure == m.measure)
                    .map(|t| (g.id.clone(), t.target))
            })
            .collect();
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
    targets: &[(String, Target)],
) -> String {
    let values: Vec<f64> = m.readings.iter().map(|r| r.value).collect();
    let data_low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let data_high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let target_values = targets.iter().map(|(_, t)| t.value);
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
    let mut svg = String::new();
    let direction = match m.better {
        Better::Lower => "lower is better",
        Better::Higher => "higher is better",
    };
    let _ = write!(
        svg,
        "<svg viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n\
         <title id=\"{id}-title\">{} ({}) over time</title>\n\
         <desc id=\"{id}-desc\">{} from {} to {}; {direction}.</desc>\n",
        esc(&m.name),
        esc(&m.measure),
        plural(m.readings.len(), "score", "scores"),
        first.map_or_else(String::new, |d| d.to_string()),
        last.map_or_else(String::new, |d| d.to_string()),
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
    // Goal targets.
    for (goal, target) in targets {
        let ty = y(target.value.clamp(low, high));
        let _ = writeln!(
            svg,
            "<line x1=\"{LEFT}\" y1=\"{ty:.1}\" x2=\"{:.1}\" y2=\"{ty:.1}\" stroke=\"#1f5fa8\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#1f5fa8\">{} target {}</text>",
            LEFT + plot_w,
            LEFT + 4.0,
            ty - 4.0,
            esc(goal),
            esc(&target.to_string()),
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

/// Renders the caseload table as a page.
pub fn caseload(rows: &[CaseRow], as_of: jiff::civil::Date) -> String {
    let headings: String = super::phrases::CASE_HEADERS
        .iter()
        .map(|h| format!("<th scope=\"col\">{}</th>", capitalised(h)))
        .collect();
    let mut b = format!(
        "<header>\n<h1>Caseload as of {as_of}</h1>\n<p class=\"meta\">{}, most urgent first.</p>\n</header>\n<main>\n<table>\n\
         <thead><tr>{headings}</tr></thead>\n<tbody>\n",
        plans(rows)
    );
    for r in rows {
        let cells = super::phrases::case_cells(r);
        let overdue = r.review.as_ref().is_some_and(|v| v.days_overdue > 0);
        let mut row = String::from("<tr>");
        for (i, text) in cells.iter().enumerate() {
            let class = match i {
                _ if super::phrases::CASE_COUNTS.contains(&i) => " class=\"num\"",
                super::phrases::CASE_REVIEW if overdue => " class=\"overdue\"",
                _ => "",
            };
            if i == 0 {
                let _ = write!(row, "<th scope=\"row\">{}</th>", esc(text));
            } else {
                let _ = write!(row, "<td{class}>{}</td>", cell(text));
            }
        }
        row.push_str("</tr>\n");
        b.push_str(&row);
    }
    b.push_str("</tbody>\n</table>\n</main>\n");
    page(&format!("Caseload as of {as_of}"), &b)
}

/// `text` with its first letter in upper case, for a column heading.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
