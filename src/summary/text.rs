//! The terminal summary: plain text, aligned, no colour needed.

use super::caseload::{CASE_HEADERS, case_cells};
use super::phrases::{
    by_goal, concern_detail, details, discharge_lines, event_lines, findings_counts, goal_line,
    goal_rows, has_discharge, header_line, objective_of, other_measures, outcome_line, plans,
    review_line, risk_line, session_entry, sessions_line, status, target_line,
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
    goals(&mut out, s);
    let others = other_measures(s);
    if !others.is_empty() {
        let _ = writeln!(out, "\nOther measures");
        for m in others {
            let _ = writeln!(out, "  {}", outcome_line(m));
        }
    }
    let _ = writeln!(out, "\nInterventions and medications");
    for (goal, lines) in by_goal(s) {
        let _ = writeln!(out, "  for {goal}");
        for line in lines {
            let _ = writeln!(out, "    {line}");
        }
    }
    let _ = writeln!(out, "\nRecord");
    let _ = writeln!(out, "  {}", sessions_line(s));
    let _ = writeln!(out, "  {}", risk_line(s));
    let _ = writeln!(out, "  {}", review_line(s));
    for line in event_lines(s) {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out, "\nSessions, newest first");
    if s.session_log.is_empty() {
        let _ = writeln!(out, "  (none by {})", s.as_of);
    }
    for l in &s.session_log {
        let (head, lines) = session_entry(l);
        let _ = writeln!(out, "  {head}");
        for line in lines {
            let _ = writeln!(out, "    {line}");
        }
    }
    if has_discharge(s) {
        let _ = writeln!(out, "\nDischarge");
        for line in discharge_lines(s) {
            let _ = writeln!(out, "  {line}");
        }
    }
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

/// Each goal with its targets and scores, its objectives indented under it.
fn goals(out: &mut String, s: &Summary) {
    let _ = writeln!(out, "\nGoals");
    let rows = goal_rows(s);
    if rows.is_empty() {
        let _ = writeln!(out, "  (none set by {})", s.as_of);
    }
    for row in &rows {
        let g = row.outcome;
        let indent = if row.under.is_some() { "      " } else { "  " };
        // An objective under its goal needs no "objective of" note.
        let of = match objective_of(g) {
            Some(of) if row.under.is_none() => format!(" ({of})"),
            _ => String::new(),
        };
        let _ = writeln!(out, "{indent}{}  {} [{}]{of}", g.id, g.text, status(g));
        let _ = writeln!(out, "{indent}    {}", goal_line(row));
        match g.targets.as_slice() {
            [only] => {
                let _ = writeln!(out, "{indent}    {}", outcome_line(&only.measure));
            }
            several => {
                for t in several {
                    let _ = writeln!(out, "{indent}    {}", target_line(t));
                    let _ = writeln!(out, "{indent}      {}", outcome_line(&t.measure));
                }
            }
        }
    }
}

/// Renders the caseload table, one row per plan.
pub fn caseload(rows: &[CaseRow], as_of: jiff::civil::Date) -> String {
    let mut table: Vec<Vec<String>> = vec![CASE_HEADERS.iter().map(|h| (*h).to_owned()).collect()];
    for r in rows {
        table.push(case_cells(r));
    }
    let widths: Vec<usize> = (0..CASE_HEADERS.len())
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
        plans(rows.len())
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
