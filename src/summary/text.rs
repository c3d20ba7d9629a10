//! The terminal summary: plain text, aligned, no colour needed.

use super::phrases::{
    by_goal, concern_detail, details, findings_counts, goal_line, header_line, other_measures,
    outcome_line, plans, review_line, risk_line, sessions_line, status, treatment_line,
};
use super::{CaseRow, Summary};
use std::fmt::Write as _;

/// Renders one plan's summary.
pub fn render(s: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", s.title);
    let _ = writeln!(out, "{}", "=".repeat(s.title.chars().count().max(8)));
    let _ = writeln!(out, "{}", header_line(s));
    let details = details(s);
    if !details.is_empty() {
        let _ = writeln!(out, "{details}");
    }
    if !s.concerns.is_empty() {
        let _ = writeln!(out, "\nConcerns");
        for c in &s.concerns {
            let _ = writeln!(out, "  {}  {}{}", c.id, c.text, concern_detail(c));
        }
    }
    let _ = writeln!(out, "\nGoals");
    if s.goals.is_empty() {
        let _ = writeln!(out, "  (none set by {})", s.as_of);
    }
    for g in &s.goals {
        let _ = writeln!(out, "  {}  {} [{}]", g.id, g.text, status(g));
        let _ = writeln!(out, "      {}", goal_line(g));
        for t in &g.targets {
            let _ = writeln!(out, "      {}", outcome_line(&t.measure));
        }
    }
    let others = other_measures(s);
    if !others.is_empty() {
        let _ = writeln!(out, "\nOther measures");
        for m in others {
            let _ = writeln!(out, "  {}", outcome_line(m));
        }
    }
    let _ = writeln!(out, "\nInterventions and medications");
    for (goal, items) in by_goal(s) {
        let _ = writeln!(out, "  for {goal}");
        for t in items {
            let _ = writeln!(out, "    {}", treatment_line(t));
        }
    }
    let _ = writeln!(out, "\nRecord");
    let _ = writeln!(out, "  {}", sessions_line(s));
    let _ = writeln!(out, "  {}", risk_line(s));
    let _ = writeln!(out, "  {}", review_line(s));
    let f = &s.findings;
    let _ = writeln!(out, "\nFindings: {}", findings_counts(f));
    for item in &f.items {
        let _ = writeln!(
            out,
            "  line {}: {}[{}] {}",
            item.line, item.severity, item.rule, item.message
        );
    }
    out
}

/// Renders the caseload table, one row per plan.
pub fn caseload(rows: &[CaseRow], as_of: jiff::civil::Date) -> String {
    let header = super::phrases::CASE_HEADERS;
    let mut table: Vec<Vec<String>> = vec![header.iter().map(|h| (*h).to_owned()).collect()];
    for r in rows {
        table.push(super::phrases::case_cells(r));
    }
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            table
                .iter()
                .map(|row| row.get(i).map_or(0, |c| c.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = format!(
        "Caseload as of {as_of}: {}, most urgent first\n\n",
        plans(rows)
    );
    for row in &table {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:width$}"))
            .collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
    out
}
