//! Byte offsets to editor positions and back, in the encoding the client
//! and server agreed on (`positionEncoding`: UTF-8, UTF-16 or UTF-32).
//!
//! A line ends at `\n`, `\r\n` or a lone `\r`, as the protocol says. A
//! position past the end of its line stands at the line's end; a line past
//! the end of the text stands at the end of the text; a position inside a
//! character (half of a UTF-16 surrogate pair, a byte inside a UTF-8
//! sequence) stands at that character's start.

use crate::span::Span;
use lsp_types::{Position, PositionEncodingKind, Range};

/// The unit a position's `character` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units (the protocol's default).
    Utf16,
    /// Unicode scalar values.
    Utf32,
}

impl Encoding {
    /// The encoding to use of those a client offers: UTF-8 when offered
    /// (no conversion needed), else UTF-16, which every client supports.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offered = offered.unwrap_or_default();
        if offered.contains(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else if offered.contains(&PositionEncodingKind::UTF16) || offered.is_empty() {
            Encoding::Utf16
        } else if offered.contains(&PositionEncodingKind::UTF32) {
            Encoding::Utf32
        } else {
            Encoding::Utf16
        }
    }

    /// The protocol's name for it.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// Where each line of a text starts and where its content ends.
#[derive(Clone, Debug)]
pub struct Lines {
    /// `(start, end)` of each line's content, line ending excluded.
    lines: Vec<(usize, usize)>,
}

impl Lines {
    /// Indexes `text`'s lines (`\n`, `\r\n` and a lone `\r` end a line).
    pub fn new(text: &str) -> Lines {
        let bytes = text.as_bytes();
        let mut lines = Vec::new();
        let mut start = 0;
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            match b {
                b'\n' => {
                    lines.push((start, at));
                    at += 1;
                    start = at;
                }
                b'\r' => {
                    lines.push((start, at));
                    at += if bytes.get(at + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    start = at;
                }
                _ => at += 1,
            }
        }
        lines.push((start, text.len()));
        Lines { lines }
    }

    /// The number of lines (a text ending in a line break has an empty last line).
    pub fn count(&self) -> usize {
        self.lines.len()
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|&(start, _)| start <= offset)
            .saturating_sub(1)
    }

    /// The bytes of 0-based `line`'s content, without its line ending.
    pub fn content(&self, line: usize) -> Option<Span> {
        self.lines.get(line).map(|&(s, e)| Span::new(s, e))
    }

    /// The position of byte `offset` (clamped to the text and to its line's content).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let line = self.line_of(offset.min(text.len()));
        let (start, end) = self.lines.get(line).copied().unwrap_or((0, 0));
        let offset = offset.clamp(start, end);
        let character: usize = text
            .get(start..end)
            .unwrap_or("")
            .char_indices()
            .take_while(|(i, _)| start + i < offset)
            .map(|(_, c)| encoding.width(c))
            .sum();
        Position::new(to_u32(line), to_u32(character))
    }

    /// The range of `span`.
    pub fn range(&self, text: &str, span: Span, encoding: Encoding) -> Range {
        Range::new(
            self.position(text, span.start, encoding),
            self.position(text, span.end.max(span.start), encoding),
        )
    }

    /// The byte offset of `position`, clamped as the module says.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let Some(&(start, end)) = self.lines.get(position.line as usize) else {
            return text.len();
        };
        let wanted = position.character as usize;
        let mut counted = 0;
        for (i, c) in text.get(start..end).unwrap_or("").char_indices() {
            let next = counted + encoding.width(c);
            if next > wanted {
                return start + i;
            }
            counted = next;
        }
        end
    }

    /// The byte span of `range` (its ends in order).
    pub fn span(&self, text: &str, range: Range, encoding: Encoding) -> Span {
        let a = self.offset(text, range.start, encoding);
        let b = self.offset(text, range.end, encoding);
        Span::new(a.min(b), a.max(b))
    }
}

/// A count as the protocol's `u32`, saturating (a text of 4 GiB is refused long before).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

    /// Every character boundary maps to a position and back to itself.
    fn round_trips(text: &str) {
        let lines = Lines::new(text);
        for encoding in ALL {
            for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let content = lines.content(lines.line_of(offset)).unwrap_or_default();
                if offset > content.end {
                    continue; // inside a line ending: not a position
                }
                let position = lines.position(text, offset, encoding);
                assert_eq!(
                    lines.offset(text, position, encoding),
                    offset,
                    "{encoding:?} {position:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn accents_emoji_and_combining_marks_round_trip() {
        round_trips("note \"Zoë café\"\n  score PHQ-9 12 # 😀 better\n");
        // `e` + combining acute (two scalars), a flag (two regional
        // indicators, each a surrogate pair), a family joined by ZWJs.
        round_trips("e\u{301}x\n🇬🇧 y\r\n👨‍👩‍👧 z\rend");
        round_trips("");
        round_trips("\n\n");
    }

    #[test]
    fn columns_count_the_negotiated_units() {
        let text = "a😀b\n";
        let lines = Lines::new(text);
        let b = text.find('b').unwrap_or(0);
        assert_eq!(lines.position(text, b, Encoding::Utf8), Position::new(0, 5));
        assert_eq!(
            lines.position(text, b, Encoding::Utf16),
            Position::new(0, 3)
        );
        assert_eq!(
            lines.position(text, b, Encoding::Utf32),
            Position::new(0, 2)
        );
        // Half of the surrogate pair stands at the emoji's start.
        assert_eq!(lines.offset(text, Position::new(0, 2), Encoding::Utf16), 1);
    }

    #[test]
    fn crlf_and_a_lone_cr_end_lines() {
        let text = "one\r\ntwo\rthree\nfour";
        let lines = Lines::new(text);
        assert_eq!(lines.count(), 4);
        let three = text.find("three").unwrap_or(0);
        assert_eq!(
            lines.position(text, three, Encoding::Utf16),
            Position::new(2, 0)
        );
        // The `\r` of `\r\n` is not a column of line 0.
        assert_eq!(
            lines.position(text, 4, Encoding::Utf16),
            Position::new(0, 3)
        );
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "ab\ncd\n";
        let lines = Lines::new(text);
        assert_eq!(lines.offset(text, Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(
            lines.offset(text, Position::new(9, 0), Encoding::Utf16),
            text.len()
        );
        assert_eq!(
            lines.position(text, 999, Encoding::Utf16),
            Position::new(2, 0)
        );
        let negotiated = Encoding::negotiate(Some(&[PositionEncodingKind::UTF32]));
        assert_eq!(negotiated, Encoding::Utf32);
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
