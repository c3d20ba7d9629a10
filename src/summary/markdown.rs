//! The Markdown summary, to paste into a record or a ticket.

use super::caseload::{CASE_HEADERS, case_cells};
use super::phrases::{
    by_goal, change_cell, concern_detail, details, discharge_lines, event_lines, findings_counts,
    goal_rows, has_discharge, header_line, latest_cell, met_cell, objective_of, other_measures,
    outcome_line, plans, progress_cell, review_line, risk_line, session_entry, sessions_line,
    status, target_cell,
};
use super::{CaseRow, Summary};
use std::fmt::Write as _;

/// Escapes text for a Markdown table cell or line.
pub(crate) fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

/// Renders one plan's summary.
pub fn render(s: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", cell(&s.title));
    let _ = writeln!(out, "{}  ", header_line(s));
    let details = details(s);
    if !details.is_empty() {
        let _ = writeln!(out, "{}", cell(&details));
    }
    if !s.concerns.is_empty() {
        let _ = writeln!(out, "\n## Concerns\n");
        for c in &s.concerns {
            let _ = writeln!(out, "- **{}** {}{}", c.id, cell(&c.text), concern_detail(c));
        }
    }
    let _ = writeln!(out, "\n## Goals\n");
    let _ = writeln!(
        out,
        "| goal | status | target | due | latest | met | progress | change |\n|---|---|---|---|---|---|---|---|"
    );
    for row in goal_rows(s) {
        let g = row.outcome;
        let (mark, of) = match objective_of(g) {
            Some(of) => ("↳ ", format!(" ({of})")),
            None => ("", String::new()),
        };
        let _ = writeln!(
            out,
            "| {mark}**{}** {}{} | {} | {} | {} | {} | {} | {} | {} |",
            g.id,
            cell(&g.text),
            cell(&of),
            status(g),
            cell(&target_cell(g)),
            g.due.map_or_else(|| "—".to_owned(), |d| d.to_string()),
            cell(&latest_cell(g)),
            cell(&met_cell(g)),
            progress_cell(g),
            cell(&change_cell(g)),
        );
    }
    let others = other_measures(s);
    if !others.is_empty() {
        let _ = writeln!(out, "\n## Other measures\n");
        for m in others {
            let _ = writeln!(out, "- {}", cell(&outcome_line(m)));
        }
    }
    let _ = writeln!(out, "\n## Interventions and medications\n");
    for (goal, lines) in by_goal(s) {
        let _ = writeln!(out, "- for {}", cell(&goal));
        for line in lines {
            let _ = writeln!(out, "  - {}", cell(&line));
        }
    }
    let _ = writeln!(out, "\n## Record\n");
    let _ = writeln!(out, "- {}", cell(&sessions_line(s)));
    let _ = writeln!(out, "- {}", cell(&risk_line(s)));
    let _ = writeln!(out, "- {}", cell(&review_line(s)));
    for line in event_lines(s) {
        let _ = writeln!(out, "- {}", cell(&line));
    }
    let _ = writeln!(out, "\n## Sessions, newest first\n");
    if s.session_log.is_empty() {
        let _ = writeln!(out, "None by {}.", s.as_of);
    }
    for l in &s.session_log {
        let (head, lines) = session_entry(l);
        let _ = writeln!(out, "- **{}**", cell(&head));
        for line in lines {
            let _ = writeln!(out, "  - {}", cell(&line));
        }
    }
    if has_discharge(s) {
        let _ = writeln!(out, "\n## Discharge\n");
        for line in discharge_lines(s) {
            let _ = writeln!(out, "- {}", cell(&line));
        }
    }
    let f = &s.findings;
    let _ = writeln!(out, "\n## Findings\n\n{}", findings_counts(f));
    if !f.items.is_empty() {
        out.push('\n');
    }
    for item in &f.items {
        let _ = writeln!(
            out,
            "- line {}: **{}** `{}` {}",
            item.line,
            item.severity,
            item.rule,
            cell(&item.message)
        );
    }
    out
}

/// Renders the caseload table.
pub fn caseload(rows: &[CaseRow], as_of: jiff::civil::Date) -> String {
    let mut out = format!(
        "# Caseload as of {as_of}\n\n{}, most urgent first.\n\n| {} |\n|{}\n",
        plans(rows.len()),
        CASE_HEADERS.join(" | "),
        "---|".repeat(CASE_HEADERS.len())
    );
    for r in rows {
        let cells: Vec<String> = case_cells(r).iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}
