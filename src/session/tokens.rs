//! A forgiving tokenizer for text being typed: words, strings, commas and
//! comments with their byte ranges and lines. Completion and highlighting
//! read it; it never fails, whatever half-written text it is given.

use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of characters up to a space, comma, quote or `#`.
    Word,
    /// A `"..."` or `"""..."""` string, quotes included.
    Str,
    /// A `,` between ids.
    Comma,
    /// A `#` comment to the end of its line.
    Comment,
}

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    /// Its bytes in the text.
    pub range: Range<usize>,
    /// The 0-based line it starts on.
    pub line: usize,
    /// Whether it is the first token on its line.
    pub first: bool,
    /// Whether its line starts with a space or tab.
    pub indented: bool,
    /// For strings and comments: whether the text ended before it was
    /// closed (a string without its closing quote; a comment always runs
    /// to the end of its line, so one that reaches the end of the text is
    /// open).
    pub open: bool,
}

impl Token {
    /// Its text in `source`.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.range.clone()).unwrap_or("")
    }
}

/// Splits `source` into tokens.
pub(crate) fn tokens(source: &str) -> Vec<Token> {
    let bytes = source.as_bytes();
    let mut out: Vec<Token> = Vec::new();
    let mut line = 0;
    let mut line_start = 0;
    let mut first = true;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let indented = matches!(bytes.get(line_start), Some(b' ' | b'\t'));
        let start = at;
        let token_line = line;
        let (kind, end, open) = match b {
            b'\n' => {
                line += 1;
                at += 1;
                line_start = at;
                first = true;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                at += 1;
                continue;
            }
            b'#' => {
                let end = find_from(source, at, "\n").unwrap_or(source.len());
                (Kind::Comment, end, end == source.len())
            }
            b',' => (Kind::Comma, at + 1, false),
            b'"' if source.get(at..).is_some_and(|s| s.starts_with("\"\"\"")) => {
                match find_from(source, at + 3, "\"\"\"") {
                    Some(close) => (Kind::Str, close + 3, false),
                    None => (Kind::Str, source.len(), true),
                }
            }
            b'"' => {
                let mut end = at + 1;
                let mut open = true;
                let mut escaped = false;
                while let Some(&c) = bytes.get(end) {
                    if c == b'\n' {
                        break;
                    }
                    end += 1;
                    match c {
                        _ if escaped => escaped = false,
                        b'\\' => escaped = true,
                        b'"' => {
                            open = false;
                            break;
                        }
                        _ => {}
                    }
                }
                (Kind::Str, end, open)
            }
            _ => {
                let mut end = at;
                while let Some(&c) = bytes.get(end) {
                    if matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b',' | b'"' | b'#') {
                        break;
                    }
                    end += 1;
                }
                (Kind::Word, end, false)
            }
        };
        // Lines inside a `"""` string belong to it.
        let text = source.get(start..end).unwrap_or("");
        let breaks = text.matches('\n').count();
        if breaks > 0 {
            line += breaks;
            line_start = start + text.rfind('\n').map_or(0, |i| i + 1);
        }
        out.push(Token {
            kind,
            range: start..end,
            line: token_line,
            first,
            indented,
            open,
        });
        first = false;
        at = end.max(at + 1);
    }
    out
}

fn find_from(source: &str, from: usize, needle: &str) -> Option<usize> {
    source.get(from..)?.find(needle).map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(source: &str) -> Vec<(Kind, &str, bool)> {
        tokens(source)
            .iter()
            .map(|t| (t.kind, t.text(source), t.first))
            .collect()
    }

    #[test]
    fn splits_words_strings_commas_and_comments() {
        let src = "goal G1 \"a \\\" b\" for c1,c2 # note\n  due 2027-01-01";
        assert_eq!(
            kinds(src),
            [
                (Kind::Word, "goal", true),
                (Kind::Word, "G1", false),
                (Kind::Str, "\"a \\\" b\"", false),
                (Kind::Word, "for", false),
                (Kind::Word, "c1", false),
                (Kind::Comma, ",", false),
                (Kind::Word, "c2", false),
                (Kind::Comment, "# note", false),
                (Kind::Word, "due", true),
                (Kind::Word, "2027-01-01", false),
            ]
        );
        let all = tokens(src);
        assert!(all.iter().all(|t| !t.open));
        assert!(all.last().is_some_and(|t| t.indented && t.line == 1));
    }

    #[test]
    fn open_strings_and_multi_line_strings() {
        let open = tokens("  note \"unfinished");
        assert!(open.last().is_some_and(|t| t.kind == Kind::Str && t.open));
        let src = "  note \"\"\"\n one\n\"\"\"\n  used I1";
        let all = tokens(src);
        assert_eq!(all.get(1).map(|t| t.kind), Some(Kind::Str));
        let used = all.get(2).expect("a third token");
        assert_eq!((used.text(src), used.line, used.first), ("used", 3, true));
    }
}
