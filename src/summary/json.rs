//! The JSON summary: the [`Summary`] and [`CaseRow`] structures as they are,
//! under a version number. Dates are `YYYY-MM-DD`; field names are
//! snake_case; words (statuses, risk, trend, attendance) are the language's
//! own, kebab-case.
//!
//! ```json
//! { "version": 2, "summary": { "path": "…", "title": "…", "goals": [ … ], "objectives": [ … ], … } }
//! { "version": 2, "as_of": "2026-11-23", "caseload": [ { "client": "C-1042", … } ] }
//! ```
//!
//! Version 2 (language version 2) changed the shape on purpose, as the
//! README's "Summary JSON" lists: goals and objectives in two lists, each
//! target without its place in the file, a treatment's `title` apart from a
//! medication's `dose` and `doses`, `risk` an object saying where it was
//! assessed, and `attendance`, `discharge`, `discharge_criteria` and
//! `last_review` added. Within a version, fields are only ever added.

/// The version of the JSON shape.
const VERSION: u32 = 2;

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
        version: VERSION,
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
        version: VERSION,
        as_of,
        caseload: rows,
    })
}

/// Pretty JSON with a final newline.
pub(crate) fn pretty(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
