//! Byte spans into a source text, and the line index that turns them into
//! human line and column numbers.

use serde::Serialize;

/// A half-open byte range `start..end` into the source text of one file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers, or `""` when it does not fit `source`.
    pub fn text(self, source: &str) -> &str {
        source.get(self.start..self.end).unwrap_or("")
    }

    /// This span moved `offset` bytes to the right.
    pub const fn shift(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

/// A value together with the span of source text it was read from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Wraps `value` with its `span`.
    pub const fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineCol {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in characters, starting at 1.
    pub column: usize,
}

/// The start offset of every line of a text, for span to line:column lookups.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `source` (a line ends after `\n`).
    pub fn new(source: &str) -> Self {
        let mut starts = vec![0];
        // `memchr` tests many bytes at a time: several times faster than a
        // byte loop on a large file.
        starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// Updates the index for `text` inserted at byte `at`: the lines before
    /// stay, the inserted text's are added, and those after move; the same
    /// as indexing the new text again, without reading it all.
    pub fn insert(&mut self, at: usize, text: &str) {
        let kept = self.starts.partition_point(|&start| start <= at);
        let after: Vec<usize> = self.starts.split_off(kept);
        let inserted = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| at + i + 1);
        self.starts.extend(inserted);
        self.starts
            .extend(after.into_iter().map(|start| start + text.len()));
    }

    /// The 0-based line holding byte `offset` (offsets past the end map to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// Byte offset where 0-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// The number of lines in the text.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 1-based line and character column of byte `offset` in `source`.
    pub fn line_col(&self, source: &str, offset: usize) -> LineCol {
        let offset = offset.min(source.len());
        let line = self.line_of(offset);
        let start = self.line_start(line).unwrap_or(0);
        let column = source
            .get(start..offset)
            .map_or(offset - start, |prefix| prefix.chars().count())
            + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// The text of 0-based `line`, without its line ending.
    pub fn line_text<'a>(&self, source: &'a str, line: usize) -> &'a str {
        let start = self.line_start(line).unwrap_or(source.len());
        let end = self.line_start(line + 1).unwrap_or(source.len());
        source
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_insertion_indexes_as_the_new_text_does() {
        let text = "plan \"A\"\n\nsession 2026-01-05\n  note \"b\"\n";
        let added = "session 2026-01-01\n  note \"a\"\n\n";
        for at in 0..=text.len() {
            let mut index = LineIndex::new(text);
            index.insert(at, added);
            let new = format!("{}{added}{}", &text[..at], &text[at..]);
            assert_eq!(index.starts, LineIndex::new(&new).starts, "at {at}");
        }
    }

    #[test]
    fn line_col_counts_characters_and_lines() {
        let src = "ab\ncé d\r\nx";
        let index = LineIndex::new(src);
        assert_eq!(index.line_col(src, 0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(src, 3), LineCol { line: 2, column: 1 });
        // 'é' is two bytes: the space after it is the third character.
        assert_eq!(index.line_col(src, 6), LineCol { line: 2, column: 3 });
        assert_eq!(index.line_text(src, 1), "cé d");
        assert_eq!(
            index.line_col(src, src.len()),
            LineCol { line: 3, column: 2 }
        );
    }
}
