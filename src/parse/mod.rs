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
    parse_items(source, |_| {})
}

/// One top-level item of a file as the grammar read it: an entry, a comment
/// line, a blank line or a line that starts no entry.
pub(crate) struct Item<'i> {
    /// The grammar's `item` pair. Its spans count from `base`, where the
    /// grammar's run that read it started.
    pub pair: Pair<'i, G>,
    /// The offset in the file of the run the item is in.
    pub base: usize,
}

/// Parses `source` a run of grammar items at a time, lowering each item
/// and then handing it to `visit` (the formatter lays it out), from one
/// parse.
///
/// Each run is read from where the one before ended, up to the end of the
/// file (so the grammar's end-of-file lookaheads hold), and its tokens are
/// dropped before the next: the parse holds the tokens of a run's 64 items
/// at most (a few hundred kilobytes), not the whole file's (about 8 bytes of
/// tokens for every byte of text), and pays pest's set-up cost once a run
/// rather than once an entry.
pub(crate) fn parse_items(source: &str, visit: impl FnMut(Item<'_>)) -> Parsed {
    let start = if source.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    };
    parse_items_from(source, start, visit)
}

/// Parses `source` with text appended at `from`, reusing the parse of the
/// text before it: only the appended text is read.
///
/// `before` must be the parse of `source[..from]`. The result is always
/// that of `parse(source)`: the appended text is read on its own only when
/// `from` starts a line and neither part has a finding, since nothing can
/// then join them (a line that belongs to the entry above, such as an
/// indented field, is a finding when read on its own; so is an unclosed
/// string, and a recovered header's links are settled against every
/// definition). Otherwise the whole text is parsed.
pub fn parse_appended(before: Parsed, source: &str, from: usize) -> Parsed {
    let starts_line = from == 0 || source.get(..from).is_some_and(|s| s.ends_with('\n'));
    if !before.diagnostics.is_empty() || !starts_line || !source.is_char_boundary(from) {
        return parse(source);
    }
    let after = parse_items_from(source, from, |_| {});
    if !after.diagnostics.is_empty() {
        return parse(source);
    }
    let mut document = before.document;
    document.entries.extend(after.document.entries);
    document.comments.extend(after.document.comments);
    document.unread.extend(after.document.unread);
    Parsed {
        document,
        diagnostics: after.diagnostics,
    }
}

/// [`parse_items`] from offset `from`, the start of a line.
fn parse_items_from(source: &str, from: usize, mut visit: impl FnMut(Item<'_>)) -> Parsed {
    let mut lowerer = lower::Lowerer::new(source, from);
    let mut at = from;
    while let Some(rest) = source.get(at..).filter(|rest| !rest.is_empty()) {
        let run = match CareplanParser::parse(G::run, rest).map(|mut pairs| pairs.next()) {
            Ok(Some(run)) if !run.as_str().is_empty() => run,
            // The grammar reads every line (a bad one becomes `bad_entry`);
            // should that ever fail, report where rather than lose the file.
            failed => {
                let stuck = match failed {
                    Err(error) => match error.location {
                        pest::error::InputLocation::Pos(p) => p,
                        pest::error::InputLocation::Span((s, _)) => s,
                    },
                    Ok(_) => 0,
                };
                lowerer.diagnostics.push(
                    Diagnostic::new(
                        Rule::Syntax,
                        Span::new(at + stuck, at + stuck),
                        "careplan could not read the file from here",
                    )
                    .with_help("this is a bug in careplan; please report it"),
                );
                break;
            }
        };
        let read = run.as_str().len();
        for pair in run.into_inner() {
            // A pair is a handle on the parse's shared token queue:
            // cloning it copies no tokens.
            lowerer.item(pair.clone(), at);
            visit(Item { pair, base: at });
        }
        at += read;
    }
    lowerer.finish();
    let mut diagnostics = lowerer.diagnostics;
    diagnostics.sort_by_key(|d| d.span.start);
    Parsed {
        document: lowerer.document,
        diagnostics,
    }
}
