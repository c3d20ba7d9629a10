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

use crate::ast::{Document, Shift};
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
    parse_items_from(source, start, source.len(), visit)
}

/// Parses `source`, which is an earlier text with `inserted` put in at
/// `inserted.start`, reusing the earlier text's parse: only the inserted
/// text is read, and the entries after it keep their parse, moved.
///
/// `before` must be the parse of the earlier text (`source` without
/// `inserted`). The result is always that of `parse(source)`: the inserted
/// text is read on its own only when it starts a line, ends a line, is
/// followed by a line at column 0 (or by nothing), and neither it nor the
/// earlier text has a finding, since nothing can then join them (a line
/// that belongs to the entry above, such as an indented field, is a finding
/// when read on its own; so is an unclosed string, and a recovered header's
/// links are settled against every definition). Otherwise the whole text is
/// parsed.
pub fn parse_inserted(before: Parsed, source: &str, inserted: Span) -> Parsed {
    let Span { start, end } = inserted;
    let line_start = |at: usize| at == 0 || source.get(..at).is_some_and(|s| s.ends_with('\n'));
    let column_0 = source
        .get(end..)
        .is_some_and(|rest| !rest.starts_with([' ', '\t']));
    // An entry of the earlier text that runs on past the insertion point.
    let split = before
        .document
        .entries
        .partition_point(|e| e.span().start < start);
    let entry_open = split
        .checked_sub(1)
        .and_then(|last| before.document.entries.get(last))
        .is_some_and(|e| e.span().end > start);
    let bom = start == 0 && source.starts_with('\u{FEFF}');
    if !before.diagnostics.is_empty()
        || bom
        || start >= end
        || !line_start(start)
        || !line_start(end)
        || !column_0
        || entry_open
        || !source.is_char_boundary(start)
    {
        return parse(source);
    }
    let read = parse_items_from(source, start, end, |_| {});
    if !read.diagnostics.is_empty() {
        return parse(source);
    }
    let mut document = before.document;
    splice(
        &mut document.entries,
        read.document.entries,
        start,
        inserted,
        |e| e.span(),
    );
    splice(
        &mut document.comments,
        read.document.comments,
        start,
        inserted,
        |c| c.span,
    );
    splice(
        &mut document.unread,
        read.document.unread,
        start,
        inserted,
        |u| u.span,
    );
    Parsed {
        document,
        diagnostics: read.diagnostics,
    }
}

/// Puts `new` into `old` (both in source order) before the first item at or
/// after `at`, and moves the items after it past `inserted`.
fn splice<T: Shift>(
    old: &mut Vec<T>,
    new: Vec<T>,
    at: usize,
    inserted: Span,
    span: impl Fn(&T) -> Span,
) {
    let split = old.partition_point(|item| span(item).start < at);
    let moved = split + new.len();
    old.splice(split..split, new);
    for item in old.get_mut(moved..).unwrap_or_default() {
        item.shift_by(inserted.end - inserted.start);
    }
}

/// [`parse_items`] of the items that start from offset `from`, the start of
/// a line, up to offset `until`.
fn parse_items_from(
    source: &str,
    from: usize,
    until: usize,
    mut visit: impl FnMut(Item<'_>),
) -> Parsed {
    let mut lowerer = lower::Lowerer::new(source, from);
    let mut at = from;
    while let Some(rest) = source
        .get(at..)
        .filter(|rest| !rest.is_empty() && at < until)
    {
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
            if at + pair.as_span().start() >= until {
                break;
            }
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
