//! Emitters: turn findings into output for people and machines. Each format
//! lives in its own module and reads the same [`FileReport`]s.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

pub use crate::diagnostic::plural;
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::{LineCol, LineIndex, Span};
use serde::Serialize;

/// One checked file as the emitters see it.
#[derive(Clone, Copy, Debug)]
pub struct FileReport<'a> {
    /// The path as the user should read it.
    pub path: &'a str,
    /// The file's text (empty when it is not text).
    pub source: &'a str,
    /// Its findings, in source order.
    pub diagnostics: &'a [Diagnostic],
}

/// How many files were checked and how many findings of each severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Files checked.
    pub files: usize,
    /// Error-level findings.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Informational findings.
    pub infos: usize,
}

impl Totals {
    /// Counts one more file and its findings.
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        self.files += 1;
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// The output formats of `careplan check`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Findings with source snippets, for people.
    #[default]
    Human,
    /// One JSON document with a stable shape.
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// One finding with its file and its position in lines and columns.
#[derive(Clone, Debug)]
pub struct Located<'a> {
    /// The file's path as shown to the user.
    pub path: &'a str,
    /// Where it starts.
    pub start: LineCol,
    /// Where it ends (exclusive).
    pub end: LineCol,
    /// The finding.
    pub diagnostic: &'a Diagnostic,
    /// Where each edit of each of its fixes starts and ends, fix by fix.
    pub edits: &'a [Vec<(LineCol, LineCol)>],
}

/// One checked file's findings, each placed at its lines and columns: what
/// the machine formats need of a file, without holding its text.
#[derive(Clone, Debug)]
pub struct Placed {
    /// The path as the user should read it.
    pub path: String,
    /// Its findings, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// Where each finding starts and ends (exclusive).
    places: Vec<(LineCol, LineCol)>,
    /// Where each edit of each fix of each finding starts and ends.
    edits: Vec<Vec<Vec<(LineCol, LineCol)>>>,
}

impl Placed {
    /// Places every finding of `file`.
    pub fn new(file: &FileReport<'_>) -> Self {
        let index = LineIndex::new(file.source);
        Placed {
            path: file.path.to_owned(),
            diagnostics: file.diagnostics.to_vec(),
            places: file
                .diagnostics
                .iter()
                .map(|d| locate(file.source, &index, d.span))
                .collect(),
            edits: file
                .diagnostics
                .iter()
                .map(|d| {
                    d.fixes
                        .iter()
                        .map(|fix| {
                            fix.edits
                                .iter()
                                .map(|e| locate(file.source, &index, e.span))
                                .collect()
                        })
                        .collect()
                })
                .collect(),
        }
    }
}

/// Every finding of `files` with its line and column, in file order.
pub fn located(files: &[Placed]) -> impl Iterator<Item = Located<'_>> {
    files.iter().flat_map(|file| {
        file.diagnostics
            .iter()
            .zip(&file.places)
            .zip(&file.edits)
            .map(|((diagnostic, &(start, end)), edits)| Located {
                path: &file.path,
                start,
                end,
                diagnostic,
                edits,
            })
    })
}

/// Where a span starts and ends, as 1-based lines and character columns.
/// The end is exclusive, as editors and SARIF expect; an empty span ends
/// where it starts.
pub fn locate(source: &str, index: &LineIndex, span: Span) -> (LineCol, LineCol) {
    (
        index.line_col(source, span.start),
        index.line_col(source, span.end.max(span.start)),
    )
}
