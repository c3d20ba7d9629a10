//! The HTML summary: one self-contained page with inline CSS and inline SVG
//! charts of every measure over time, severity bands shaded and every
//! target of every goal and objective drawn ([`super::charts`]).
//!
//! Opening it leaks nothing: no scripts, fonts, images or links to anywhere
//! else, and a Content-Security-Policy that forbids loading any. It prints
//! cleanly (A4 or Letter) and is accessible: headings in order, table
//! headers with scope, and a title and description on every chart.

use super::caseload::{CASE_COUNTS, CASE_HEADERS, CASE_REVIEW, case_cells};
use super::phrases::{
    by_goal, change_cell, concern_detail, details, discharge_lines, event_lines, findings_counts,
    goal_rows, has_discharge, header_line, latest_cell, met_cell, objective_of, plans,
    progress_cell, review_line, risk_line, session_entry, sessions_line, status, target_cell,
};
use super::{CaseRow, Summary, charts};
use std::fmt::Write as _;

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

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(text: &str) -> String {
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
tr.objective th { padding-left: 1.5rem; font-weight: normal; }
.of { display: block; font-size: .8rem; color: var(--muted); }
.status { display: inline-block; padding: 0 .45rem; border-radius: .6rem; background: #eef2f7; font-size: .85rem; }
.status.achieved, .status.sustaining { background: #dcefe1; }
.status.worsening, .status.not-achieved, .status.no-progress { background: #f8e1d8; }
.overdue, .error { color: var(--warn); font-weight: 600; }
figure { margin: 1rem 0 1.5rem; break-inside: avoid; }
figcaption { color: var(--muted); font-size: .9rem; }
svg { width: 100%; height: auto; max-width: 44rem; }
svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
ul { padding-left: 1.2rem; }
nav { margin-bottom: 1rem; font-size: .9rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); padding-top: .5rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  nav { display: none; }
}
"#;

/// The mark of a page careplan wrote: `summary --out` replaces a file in
/// its folder only when it carries this.
pub const GENERATOR: &str = "<meta name=\"generator\" content=\"careplan\">";

/// The page around `body`.
fn page(title: &str, body: &str) -> String {
    styled_page(title, body, "")
}

/// The self-contained page around `body`, with the summary's style and
/// `extra` CSS after it (a progress note's own rules).
pub(crate) fn styled_page(title: &str, body: &str, extra: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         {GENERATOR}\n\
         <title>{}</title>\n<style>{STYLE}{extra}</style>\n</head>\n<body>\n{body}\
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
    render_with_nav(s, measures, None)
}

/// Renders one plan's summary as a page of a caseload written to a folder,
/// with a link back to the caseload page `caseload` (a file beside it).
pub fn render_in_caseload(
    s: &Summary,
    measures: &crate::catalogue::Measures<'_>,
    caseload: &str,
) -> String {
    render_with_nav(s, measures, Some(caseload))
}

fn render_with_nav(
    s: &Summary,
    measures: &crate::catalogue::Measures<'_>,
    caseload: Option<&str>,
) -> String {
    let mut b = String::new();
    if let Some(href) = caseload {
        let _ = writeln!(
            b,
            "<nav><a href=\"{}\">&larr; Caseload</a></nav>",
            esc(href)
        );
    }
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
    charts::section(&mut b, s, measures);
    let _ = writeln!(
        b,
        "<section aria-labelledby=\"treatments\">\n<h2 id=\"treatments\">Interventions and medications</h2>"
    );
    for (goal, lines) in by_goal(s) {
        let _ = writeln!(b, "<h3>For {}</h3>\n<ul>", esc(&goal));
        for line in lines {
            let _ = writeln!(b, "<li>{}</li>", cell(&line));
        }
        let _ = writeln!(b, "</ul>");
    }
    let _ = writeln!(b, "</section>");
    let overdue = s.review.as_ref().is_some_and(|r| r.days_overdue > 0);
    let _ = writeln!(
        b,
        "<section aria-labelledby=\"record\">\n<h2 id=\"record\">Record</h2>\n<ul>\n\
         <li>{}</li>\n<li>{}</li>\n<li{}>{}</li>\n{}</ul>\n</section>",
        cell(&sessions_line(s)),
        cell(&risk_line(s)),
        if overdue { " class=\"overdue\"" } else { "" },
        cell(&review_line(s)),
        event_lines(s)
            .iter()
            .map(|line| format!("<li>{}</li>\n", cell(line)))
            .collect::<String>(),
    );
    sessions(&mut b, s);
    if has_discharge(s) {
        let _ = writeln!(
            b,
            "<section aria-labelledby=\"discharge\">\n<h2 id=\"discharge\">Discharge</h2>\n<ul>"
        );
        for line in discharge_lines(s) {
            let _ = writeln!(b, "<li>{}</li>", cell(&line));
        }
        let _ = writeln!(b, "</ul>\n</section>");
    }
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

/// The goals table: each goal, then its objectives, one row each.
fn goals_table(b: &mut String, s: &Summary) {
    let _ = writeln!(
        b,
        "<section aria-labelledby=\"goals\">\n<h2 id=\"goals\">Goals</h2>\n<table>\n\
         <caption class=\"meta\">Status as recorded at the latest review on or before {}; scores up to that date. \
         Objectives follow their goal.</caption>\n\
         <thead><tr><th scope=\"col\">Goal</th><th scope=\"col\">Status</th><th scope=\"col\">Target</th>\
         <th scope=\"col\">Due</th><th scope=\"col\">Latest</th><th scope=\"col\">Met</th>\
         <th scope=\"col\">Progress</th><th scope=\"col\">Change</th></tr></thead>\n<tbody>",
        s.as_of
    );
    for row in goal_rows(s) {
        let g = row.outcome;
        let class = g.status.map_or("", |s| s.as_str());
        let (tr, of) = match objective_of(g) {
            Some(of) => (
                " class=\"objective\"",
                format!("<span class=\"of\">{}</span>", esc(&of)),
            ),
            None => ("", String::new()),
        };
        let _ = writeln!(
            b,
            "<tr{tr}><th scope=\"row\">{of}{} {}</th><td><span class=\"status {class}\">{}</span></td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&g.id),
            esc(&g.text),
            esc(&status(g)),
            esc(&target_cell(g)),
            cell(&g.due.map_or_else(|| "—".to_owned(), |d| d.to_string())),
            cell(&latest_cell(g)),
            esc(&met_cell(g)),
            progress_cell(g),
            cell(&change_cell(g)),
        );
    }
    let _ = writeln!(b, "</tbody>\n</table>\n</section>");
}

/// The sessions, newest first, each a heading line with its record under it.
fn sessions(b: &mut String, s: &Summary) {
    let _ = writeln!(
        b,
        "<section aria-labelledby=\"sessions\">\n<h2 id=\"sessions\">Sessions, newest first</h2>"
    );
    if s.session_log.is_empty() {
        let _ = writeln!(b, "<p>None by {}.</p>", s.as_of);
    }
    let _ = writeln!(b, "<ul class=\"sessions\">");
    for l in &s.session_log {
        let (head, lines) = session_entry(l);
        let _ = writeln!(b, "<li><strong>{}</strong>\n<ul>", cell(&head));
        for line in lines {
            let _ = writeln!(b, "<li>{}</li>", cell(&line));
        }
        let _ = writeln!(b, "</ul></li>");
    }
    let _ = writeln!(b, "</ul>\n</section>");
}

/// Renders the caseload table as a page.
pub fn caseload(rows: &[CaseRow], as_of: jiff::civil::Date) -> String {
    caseload_linked(rows, as_of, |_| None)
}

/// Renders the caseload table as a page whose client cells link to each
/// plan's own page: `link` gives the page's file name (beside the caseload
/// page), or `None` for a row without one.
pub fn caseload_linked(
    rows: &[CaseRow],
    as_of: jiff::civil::Date,
    link: impl Fn(&CaseRow) -> Option<String>,
) -> String {
    let headings: String = CASE_HEADERS
        .iter()
        .map(|h| format!("<th scope=\"col\">{}</th>", capitalised(h)))
        .collect();
    let mut b = format!(
        "<header>\n<h1>Caseload as of {as_of}</h1>\n<p class=\"meta\">{}, most urgent first.</p>\n</header>\n<main>\n<table>\n\
         <thead><tr>{headings}</tr></thead>\n<tbody>\n",
        plans(rows.len())
    );
    for r in rows {
        let cells = case_cells(r);
        let overdue = r.review.as_ref().is_some_and(|v| v.days_overdue > 0);
        let mut row = String::from("<tr>");
        for (i, text) in cells.iter().enumerate() {
            let class = match i {
                _ if CASE_COUNTS.contains(&i) => " class=\"num\"",
                CASE_REVIEW if overdue => " class=\"overdue\"",
                _ => "",
            };
            if i == 0 {
                match link(r) {
                    Some(href) => {
                        let _ = write!(
                            row,
                            "<th scope=\"row\"><a href=\"{}\">{}</a></th>",
                            esc(&href),
                            esc(text)
                        );
                    }
                    None => {
                        let _ = write!(row, "<th scope=\"row\">{}</th>", esc(text));
                    }
                }
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
