//! The JSON summary: the [`Summary`] and [`CaseRow`] structures as they are,
//! under a version number. Fields are only ever added; dates are
//! `YYYY-MM-DD`; words (statuses, risk, trend) are the language's own.
//!
//! ```json
//! { "version": 1, "summary": { "path": "…", "title": "…", "goals": [ … ], … } }
//! { "version": 1, "as_of": "2026-11-23", "caseload": [ { "client": "C-1042", … } ] }
//! ```

use super::{CaseRow, Summary};
use jiff::civil::Date;
use serde::Serialize;

/// Renders one plan's summary (with a final newline).
pub fn render(summary: &Summary) -> String {
    #[derive(Serialize)]
    struct One<'a> {
        version: u32,
        summary: &'a Summary,
    }
    pretty(&One {
        version: 1,
        summary,
    })
}

/// Renders the caseload (with a final newline).
pub fn caseload(rows: &[CaseRow], as_of: Date) -> String {
    #[derive(Serialize)]
    struct Many<'a> {
        version: u32,
        as_of: Date,
        caseload: &'a [CaseRow],
    }
    pretty(&Many {
        version: 1,
        as_of,
        caseload: rows,
    })
}

fn pretty(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
