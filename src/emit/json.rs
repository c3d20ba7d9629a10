//! The JSON emitter: one document with every finding and the totals.
//!
//! The shape is stable (`"version": 1`); fields are only ever added:
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {
//!       "path": "plans/c-1042.careplan",
//!       "line": 17, "column": 1, "end_line": 17, "end_column": 58,
//!       "code": "CP002", "name": "unlinked-intervention", "severity": "error",
//!       "message": "intervention `I2` is not linked to any goal",
//!       "help": "add `for GOAL` to the header, naming the goal(s) `I2` serves",
//!       "fixes": [
//!         {
//!           "title": "Link `I2` to `G1`", "safe": false,
//!           "edits": [
//!             { "line": 17, "column": 58, "end_line": 17, "end_column": 58, "text": " for G1" }
//!           ]
//!         }
//!       ]
//!     }
//!   ],
//!   "totals": { "files": 1, "errors": 1, "warnings": 0, "infos": 0 }
//! }
//! ```
//!
//! Lines and columns start at 1; columns count characters; the end is
//! exclusive. `help` is `null` when a finding has none. `fixes` lists the
//! ways to resolve a finding, the preferred first: each edit replaces the
//! text from its start to its end (exclusive; equal for an insertion) by
//! `text`, and edits are given as positions in the file as checked. A
//! `safe` fix changes nothing clinical and is what `check --fix` applies;
//! the others (a likely spelling, a goal to link, a skeleton with
//! `# careplan: fill` markers, allowing the rule on the line) need a
//! person's choice.

use super::{Located, Placed, Totals, located};
use serde::Serialize;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    findings: Vec<Finding<'a>>,
    totals: &'a Totals,
}

#[derive(Serialize)]
struct Finding<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    fixes: Vec<FixOut<'a>>,
}

#[derive(Serialize)]
struct FixOut<'a> {
    title: &'a str,
    safe: bool,
    edits: Vec<EditOut<'a>>,
}

#[derive(Serialize)]
struct EditOut<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    text: &'a str,
}

impl<'a> From<Located<'a>> for Finding<'a> {
    fn from(f: Located<'a>) -> Self {
        let fixes = f
            .diagnostic
            .fixes
            .iter()
            .zip(f.edits)
            .map(|(fix, places)| FixOut {
                title: &fix.title,
                safe: fix.safe,
                edits: fix
                    .edits
                    .iter()
                    .zip(places)
                    .map(|(edit, &(start, end))| EditOut {
                        line: start.line,
                        column: start.column,
                        end_line: end.line,
                        end_column: end.column,
                        text: &edit.text,
                    })
                    .collect(),
            })
            .collect();
        Finding {
            path: f.path,
            line: f.start.line,
            column: f.start.column,
            end_line: f.end.line,
            end_column: f.end.column,
            code: f.diagnostic.rule.code(),
            name: f.diagnostic.rule.name(),
            severity: f.diagnostic.severity.as_str(),
            message: &f.diagnostic.message,
            help: f.diagnostic.help.as_deref(),
            fixes,
        }
    }
}

/// Renders every file's findings as one JSON document (with a final newline).
pub fn render(files: &[Placed], totals: &Totals) -> String {
    let document = Document {
        version: 1,
        findings: located(files).map(Finding::from).collect(),
        totals,
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
