//! Parsing: text to a typed [`Document`] with spans, plus syntax findings.
//!
//! Parsing never fails as a whole. A line the grammar cannot read is
//! reported (`syntax`, with what was expected at which column) and skipped:
//! a bad field line costs only that line, a bad header costs its entry, and
//! parsing resumes at the next entry.

mod explain;
pub(crate) mod grammar;
mod lower;
mod mistakes;
pub(crate) mod text;

pub use text::date;

use crate::ast::Document;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::span::Span;
use grammar::{CareplanParser, Rule as G};
use pest::Parser;
use pest::iterators::Pair;

/// A parsed file: its syntax tree and the syntax findings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    /// The entries that could be read, and every comment.
    pub document: Document,
    /// `syntax` and `invalid-date` findings, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses a careplan file's text.
pub fn parse(source: &str) -> Parsed {
    parse_with_tree(source).0
}

/// Parses `source`, handing back the grammar's tree beside what it lowers
/// to (`None` when the grammar failed): the formatter lays out that tree
/// after asking the lowering for syntax findings, from one parse.
pub(crate) fn parse_with_tree(source: &str) -> (Parsed, Option<Pair<'_, G>>) {
    let mut lowerer = lower::Lowerer::new(source);
    let mut tree = None;
    match CareplanParser::parse(G::file, source) {
        Ok(mut pairs) => {
            if let Some(file) = pairs.next() {
                // A pair is a handle on the parse's shared token queue:
                // cloning it copies no tokens.
                lowerer.file(file.clone().into_inner());
                tree = Some(file);
            }
        }
        // The grammar accepts every text (bad lines become `bad_entry`);
        // should that ever fail, report where rather than lose the file.
        Err(error) => {
            let at = match error.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            };
            lowerer.diagnostics.push(
                Diagnostic::new(
                    Rule::Syntax,
                    Span::new(at, at),
                    "careplan could not read the file from here",
                )
                .with_help("this is a bug in careplan; please report it"),
            );
        }
    }
    let mut diagnostics = lowerer.diagnostics;
    diagnostics.sort_by_key(|d| d.span.start);
    let parsed = Parsed {
        document: lowerer.document,
        diagnostics,
    };
    (parsed, tree)
}
