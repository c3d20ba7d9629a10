//! The Markdown summary, to paste into a record or a ticket.

use super::phrases::{
    by_goal, case_cells, concern_detail, details, findings_counts, header_line, latest_cell,
    other_measures, outcome_line, plans, progress_cell, review_line, risk_line, sessions_line,
    status, target_cell, treatment_line,
};
use super::{CaseRow, Summary};
use std::fmt::Write as _;

/// Escapes text for a Markdown table cell or line.
fn cell(text: &str) -> String {
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
        "| goal | status | target | due | latest | progress | change |\n|---|---|---|---|---|---|---|"
    );
    for g in &s.goals {
        let target = target_cell(g);
        let latest = latest_cell(g);
        let change = g
            .targets
            .iter()
            .map(|t| outcome_line(&t.measure))
            .collect::<Vec<_>>()
            .join("; ");
        let _ = writeln!(
            out,
            "| **{}** {} | {} | {} | {} | {} | {} | {} |",
            g.id,
            cell(&g.text),
            status(g),
            cell(&target),
            g.due.map_or_else(|| "—".to_owned(), |d| d.to_string()),
            cell(&latest),
            progress_cell(g),
            cell(&change),
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
    for (goal, items) in by_goal(s) {
        let _ = writeln!(out, "- for {}", cell(&goal));
        for t in items {
            let _ = writeln!(out, "  - {}", cell(&treatment_line(t)));
        }
    }
    let _ = writeln!(out, "\n## Record\n");
    let _ = writeln!(out, "- {}", sessions_line(s));
    let _ = writeln!(out, "- {}", risk_line(s));
    let _ = writeln!(out, "- {}", review_line(s));
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
    let headers = super::phrases::CASE_HEADERS;
    let mut out = format!(
        "# Caseload as of {as_of}\n\n{}, most urgent first.\n\n| {} |\n|{}\n",
        plans(rows),
        headers.join(" | "),
        "---|".repeat(headers.len())
    );
    for r in rows {
        let cells: Vec<String> = case_cells(r).iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}
