//! The human emitter: rustc-style findings with the source line, a caret
//! under the exact span, and the help line.
//!
//! ```text
//! error[unlinked-intervention]: intervention `I2` is not linked to any goal
//!   --> plans/c-1042.careplan:17:1
//!    |
//! 17 | intervention I2 psychoeducation "Depression and activity"
//!    | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//!    |
//!    = help: add `for GOAL` to the header, naming the goal(s) `I2` serves
//! ```

use super::{FileReport, Totals, plural};
use crate::diagnostic::{Diagnostic, Severity, shown_when_masked};
use crate::span::{LineIndex, Span};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use std::fmt::Write as _;

/// The most findings shown for one file. A file with more has one mistake
/// behind most of them, or is not a plan at all; the rest are counted, and
/// `--format json` lists every one.
pub const LIMIT_PER_FILE: usize = 100;

/// Renders the findings of one file, at most [`LIMIT_PER_FILE`] of them
/// and then a count of the rest. With `styled`, the text carries ANSI
/// colours (strip them with `anstream` where the output is not a terminal).
pub fn render(file: &FileReport<'_>, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let index = LineIndex::new(file.source);
    let concealed = conceal(file.source, file.diagnostics);
    let shown = FileReport {
        source: &concealed,
        ..*file
    };
    let mut out = String::new();
    for diagnostic in file.diagnostics.iter().take(LIMIT_PER_FILE) {
        let report = [group(&shown, &index, diagnostic)];
        let _ = writeln!(out, "{}\n", renderer.render(&report));
    }
    if let Some(rest) = file
        .diagnostics
        .len()
        .checked_sub(LIMIT_PER_FILE)
        .filter(|n| *n > 0)
    {
        let _ = writeln!(
            out,
            "{}: {} not shown (the first {LIMIT_PER_FILE} are above); fix those first, \
             or list every one with `--format json`\n",
            file.path,
            plural(rest, "more finding", "more findings"),
        );
    }
    out
}

/// `source` with the text of every concealed finding masked (the
/// characters [`shown_when_masked`] does not keep become `*`), so that no
/// finding's source line shows an identifier in full. The bytes keep their
/// positions, so every span still points where it did.
fn conceal(source: &str, diagnostics: &[Diagnostic]) -> String {
    let mut bytes = source.as_bytes().to_vec();
    for d in diagnostics.iter().filter(|d| d.conceal) {
        let Some(text) = source.get(d.span.start..d.span.end) else {
            continue;
        };
        let count = text.chars().count();
        for (n, (at, c)) in text.char_indices().enumerate() {
            if !shown_when_masked(n, count) {
                let start = d.span.start + at;
                for byte in bytes.iter_mut().skip(start).take(c.len_utf8()) {
                    *byte = b'*';
                }
            }
        }
    }
    // Whole characters were replaced by ASCII, so the bytes are UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| source.to_owned())
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

fn group<'a>(file: &FileReport<'a>, index: &LineIndex, d: &'a Diagnostic) -> Group<'a> {
    let title = level(d.severity)
        .primary_title(d.message.as_str())
        .id(d.rule.name());
    let group = if file.source.is_empty() {
        // No line to show (an empty file, or one that is not text).
        title.element(Origin::path(file.path).line(1).char_column(1))
    } else {
        title.element(snippet(file, index, d.span))
    };
    match &d.help {
        Some(help) => group.element(Level::HELP.message(help.as_str())),
        None => group,
    }
}

/// The lines the span touches, with the span marked.
fn snippet<'a>(
    file: &FileReport<'a>,
    index: &LineIndex,
    span: Span,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let source = file.source;
    let start = span.start.min(source.len());
    let end = span.end.clamp(start, source.len());
    let first = index.line_of(start);
    let last = index.line_of(end.saturating_sub(1).max(start));
    let from = index.line_start(first).unwrap_or(0);
    let to = index
        .line_start(last + 1)
        .unwrap_or(source.len())
        .min(source.len());
    let lines = source
        .get(from..to)
        .unwrap_or("")
        .trim_end_matches(['\n', '\r']);
    let local = (start - from).min(lines.len())..(end - from).min(lines.len());
    Snippet::source(lines)
        .line_start(first + 1)
        .path(file.path)
        .annotation(AnnotationKind::Primary.span(local))
}

/// The closing line: how many files were checked and what was found, and
/// how many named files could not be read at all (so were not checked).
pub fn totals(totals: &Totals, unread: usize) -> String {
    let files = plural(totals.files, "file", "files");
    let clean = totals.errors + totals.warnings + totals.infos == 0;
    let mut line = match (clean, unread) {
        (true, 0) => format!("checked {files}: no problems found"),
        (true, _) if totals.files == 0 => format!("checked {files}"),
        (true, _) => format!("checked {files}: no problems found in them"),
        (false, _) => format!(
            "checked {files}: {}, {}, {} info",
            plural(totals.errors, "error", "errors"),
            plural(totals.warnings, "warning", "warnings"),
            totals.infos,
        ),
    };
    if unread > 0 {
        line.push_str(&format!(
            "; {} could not be read (see above)",
            plural(unread, "file", "files")
        ));
    }
    line
}
