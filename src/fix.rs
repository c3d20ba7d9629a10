//! Fixes as data: the text edits that resolve a finding, and whether they
//! may be applied without a person's judgement.
//!
//! A fix never invents a clinical fact. Where a date, a dose, a reason or a
//! status is needed, it writes a `# careplan: fill WHAT` marker that
//! `template-placeholder` keeps reporting until the clinician has written
//! the value. Only fixes that change nothing clinical (a keyword's spelling,
//! a curly quote, indentation, an unused allow) are [`Fix::safe`]:
//! `careplan check --fix` applies those and no others.

use crate::span::Span;
use serde::Serialize;

/// One change to a file: the bytes of `span` become `text` (an empty span
/// inserts, an empty text deletes).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Edit {
    /// The bytes replaced.
    pub span: Span,
    /// What they become.
    pub text: String,
}

impl Edit {
    /// Replaces the bytes of `span` by `text`.
    pub fn replace(span: Span, text: impl Into<String>) -> Self {
        Edit {
            span,
            text: text.into(),
        }
    }

    /// Inserts `text` at byte `offset`.
    pub fn insert(offset: usize, text: impl Into<String>) -> Self {
        Edit::replace(Span::new(offset, offset), text)
    }

    /// Deletes the bytes of `span`.
    pub fn delete(span: Span) -> Self {
        Edit::replace(span, "")
    }
}

/// One way to resolve a finding: a title for a menu, and its edits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Fix {
    /// What the fix does, as an editor's menu shows it (`Replace with
    /// `PHQ-9``).
    pub title: String,
    /// The edits, which never overlap.
    pub edits: Vec<Edit>,
    /// Whether it may be applied without a person's judgement.
    pub safe: bool,
}

impl Fix {
    /// A fix that changes nothing clinical, which `check --fix` applies.
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            title: title.into(),
            edits,
            safe: true,
        }
    }

    /// A fix the clinician must choose (one of several goals, a drug's
    /// likely spelling, a skeleton to fill in).
    pub fn suggested(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            title: title.into(),
            edits,
            safe: false,
        }
    }

    /// Replaces the word at `span` by `word`, titled `Replace with `word``.
    pub fn replacement(span: Span, word: &str, safe: bool) -> Self {
        Fix {
            title: format!("Replace with `{word}`"),
            edits: vec![Edit::replace(span, word)],
            safe,
        }
    }

    /// Replaces `written`, at `span`, by the word `meant` it is likely a
    /// misspelling of: safe only when the two differ in letter case alone
    /// (`phq-9` for `PHQ-9`), since another spelling may be another thing
    /// (`stoped` is likely `stopped`, but could be `started`).
    pub fn respelling(span: Span, written: &str, meant: &str) -> Self {
        Fix::replacement(span, meant, written.eq_ignore_ascii_case(meant))
    }

    /// The smallest span covering every edit.
    fn extent(&self) -> Option<Span> {
        self.edits.iter().map(|e| e.span).reduce(Span::to)
    }
}

/// The text after applying fixes, and which were applied.
#[derive(Debug)]
pub struct Applied {
    /// The new text.
    pub text: String,
    /// The positions, among the fixes given, of those applied.
    pub taken: Vec<usize>,
    /// How many were left out because they touch text an earlier fix
    /// changed (a second round after a re-check can apply them).
    pub deferred: usize,
}

/// Applies `fixes` to `source` in order. A fix whose edits fall outside
/// the text, split a character, change nothing, or touch the text of a fix
/// already taken is left out and counted as deferred; nothing else is
/// changed.
pub fn apply<'a>(source: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> Applied {
    let mut taken: Vec<Span> = Vec::new();
    let mut edits: Vec<&Edit> = Vec::new();
    let mut taken_fixes = Vec::new();
    let mut deferred = 0;
    for (at, fix) in fixes.into_iter().enumerate() {
        let fits = fix.edits.iter().all(|e| {
            e.span.start <= e.span.end
                && source.is_char_boundary(e.span.start)
                && source.is_char_boundary(e.span.end)
        });
        let clashes = fix.extent().is_none_or(|extent| {
            taken
                .iter()
                .any(|t| t.start <= extent.end && extent.start <= t.end)
        });
        // A fix that would leave the text as it is changes nothing.
        let changes = fits && fix.edits.iter().any(|e| e.span.text(source) != e.text);
        if !fits || !changes || clashes || overlapping(&fix.edits) {
            deferred += 1;
            continue;
        }
        taken.extend(fix.extent());
        edits.extend(&fix.edits);
        taken_fixes.push(at);
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut text = String::with_capacity(source.len());
    let mut at = 0;
    for edit in edits {
        text.push_str(source.get(at..edit.span.start).unwrap_or(""));
        text.push_str(&edit.text);
        at = edit.span.end;
    }
    text.push_str(source.get(at..).unwrap_or(""));
    Applied {
        text,
        taken: taken_fixes,
        deferred,
    }
}

/// Whether two of `edits` overlap (two insertions at one place count).
fn overlapping(edits: &[Edit]) -> bool {
    let mut spans: Vec<Span> = edits.iter().map(|e| e.span).collect();
    spans.sort();
    spans
        .windows(2)
        .any(|w| matches!(w, [a, b] if b.start < a.end || b.start == a.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_in_place_order_whatever_the_fix_order() {
        let fixes = [
            Fix::safe("b", vec![Edit::replace(Span::new(4, 5), "B")]),
            Fix::safe(
                "a",
                vec![Edit::insert(0, ">"), Edit::delete(Span::new(1, 2))],
            ),
        ];
        let out = apply("abcdef", &fixes);
        assert_eq!(out.text, ">acdBf");
        assert_eq!((out.taken, out.deferred), (vec![0, 1], 0));
    }

    #[test]
    fn a_fix_touching_a_taken_one_waits_for_the_next_round() {
        let fixes = [
            Fix::safe("one", vec![Edit::replace(Span::new(0, 3), "x")]),
            Fix::safe("two", vec![Edit::replace(Span::new(2, 4), "y")]),
            Fix::safe("out", vec![Edit::replace(Span::new(9, 99), "z")]),
        ];
        let out = apply("abcdef", &fixes);
        assert_eq!(out.text, "xdef");
        assert_eq!((out.taken, out.deferred), (vec![0], 2));
    }

    #[test]
    fn an_edit_inside_a_character_is_refused() {
        let fixes = [Fix::safe("half", vec![Edit::delete(Span::new(1, 2))])];
        let out = apply("“a”", &fixes);
        assert_eq!(out.text, "“a”");
        assert_eq!(out.deferred, 1);
    }
}
