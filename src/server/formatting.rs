//! Formatting as the fewest edits: the formatter's output compared line by
//! line with the text, and only the lines that differ replaced, so the
//! cursor, folds and marks elsewhere stay put. A range is formatted by the
//! edits of the whole document that touch it.

use super::{Open, Refusal};
use crate::diagnostic::plural;
use crate::format::format as canonical;
use crate::span::{LineIndex, Span};
use lsp_types::{Range, TextEdit};
use similar::{DiffOp, TextDiff};

/// The edits that turn the document into its canonical layout (none when
/// it is already in it); refused while it has syntax errors.
pub fn format(open: &Open<'_>) -> Result<Vec<TextEdit>, Refusal> {
    within(open, None)
}

/// The edits of [`format`] that touch `range` (an edit on a line the range
/// starts or ends on counts): the rest of the document is left as it is.
pub fn format_range(open: &Open<'_>, range: Range) -> Result<Vec<TextEdit>, Refusal> {
    within(open, Some(open.span(range)))
}

/// The formatting edits, all of them or those touching `only`.
fn within(open: &Open<'_>, only: Option<Span>) -> Result<Vec<TextEdit>, Refusal> {
    let text = open.text();
    let formatted = canonical(text).map_err(|error| {
        let lines = LineIndex::new(text);
        let first = error.0.first().map(|d| lines.line_col(text, d.span.start));
        let at = first.map_or_else(String::new, |at| {
            format!(", the first at line {}:{}", at.line, at.column)
        });
        Refusal(format!(
            "careplan formats a plan only when it reads: it has {}{at}; fix {} first",
            plural(error.0.len(), "syntax error", "syntax errors"),
            if error.0.len() == 1 { "it" } else { "them" },
        ))
    })?;
    Ok(edits(text, &formatted)
        .into_iter()
        .filter(|(span, _)| only.is_none_or(|only| touches(*span, only)))
        .map(|(span, new)| TextEdit::new(open.range(span), new))
        .collect())
}

/// Whether an edit over `edit` (whole lines) touches `range`: they share a
/// byte, or one of them is empty and stands inside or at the edge of the other.
fn touches(edit: Span, range: Span) -> bool {
    if edit.start == edit.end || range.start == range.end {
        edit.start <= range.end && range.start <= edit.end
    } else {
        edit.start < range.end && range.start < edit.end
    }
}

/// The byte spans of `old` to replace, and with what, to make `new`: whole
/// lines where they differ.
pub(super) fn edits(old: &str, new: &str) -> Vec<(Span, String)> {
    let diff = TextDiff::from_lines(old, new);
    let old_lines: Vec<&str> = diff.old_slices().to_vec();
    let new_lines: Vec<&str> = diff.new_slices().to_vec();
    // Where each old line starts, and the end of the text last.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(old_lines.iter().scan(0, |at, line| {
            *at += line.len();
            Some(*at)
        }))
        .collect();
    let start_of = |index: usize| -> usize { starts.get(index).copied().unwrap_or(old.len()) };
    let mut out = Vec::new();
    for op in diff.ops() {
        let (old_range, new_range) = match *op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (old_index..old_index + old_len, new_index..new_index),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index..old_index, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        };
        let span = Span::new(start_of(old_range.start), start_of(old_range.end));
        let replacement: String = new_lines.get(new_range).unwrap_or_default().concat();
        out.push((span, replacement));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(old: &str, edits: &[(Span, String)]) -> String {
        let mut text = old.to_owned();
        for (span, new) in edits.iter().rev() {
            text.replace_range(span.start..span.end, new);
        }
        text
    }

    #[test]
    fn only_the_lines_that_differ_are_replaced() {
        let old = "plan \"x\"\n   opened 2026-09-01\n\ngoal G1 \"y\"\n";
        let new = "plan \"x\"\n  opened 2026-09-01\n\ngoal G1 \"y\"\n";
        let found = edits(old, new);
        assert_eq!(found.len(), 1);
        assert_eq!(apply(old, &found), new);
        assert!(edits(new, new).is_empty());
        let added = "a\nb\n";
        assert_eq!(apply("a\n", &edits("a\n", added)), added);
        assert_eq!(apply("a\nb\nc\n", &edits("a\nb\nc\n", "a\nc\n")), "a\nc\n");
    }
}
