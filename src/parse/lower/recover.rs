//! Recovering a damaged header: a line that starts with an entry keyword
//! but does not parse as its header (`goal G1 Fewer attacks for panic`,
//! `for G1, G2,`, `medication M1 sertraline 50mg for G1`). Its syntax
//! finding is reported once; this reads what it can of the rest, so that
//! the entry still defines its id, keeps its links and holds its fields,
//! and nothing else is reported because of the one mistake.
//!
//! The line is read as tokens (words, quoted strings, commas), laid into
//! the parts its kind of header has, in order. A title that is not quoted is
//! the words up to `for`; a stray word (a dose after the drug) is skipped;
//! after `for`, every word that can be an id is a link, except the words
//! of the language itself (`for goal G1` links G1).

use super::head::Head;
use crate::ast::{Ident, Name, Text};
use crate::parse::text;
use crate::span::{Span, Spanned};
use crate::vocabulary::ENTRIES;
use crate::words::{DischargeKind, EventKind};

/// One token of a header line.
#[derive(Clone, Debug)]
enum Token {
    /// A run of characters without spaces, commas or quotes.
    Word(Text),
    /// A quoted string (double or single quotes), its value decoded.
    Text(Text),
}

impl Token {
    fn word(&self) -> Option<&Text> {
        match self {
            Token::Word(w) => Some(w),
            Token::Text(_) => None,
        }
    }

    fn spanned(&self) -> &Text {
        match self {
            Token::Word(w) | Token::Text(w) => w,
        }
    }
}

/// What the damaged header `line` (starting at byte `offset`, without its
/// line break) of kind `keyword` says, as far as it can be read.
pub(super) fn head(keyword: &'static str, line: &str, offset: usize) -> Head {
    let tokens = tokens(line, offset);
    let header = Span::new(offset, offset + line.trim_end().len());
    let mut head = Head {
        keyword,
        header,
        ..Head::default()
    };
    // The keyword itself is the first token.
    let mut rest = tokens.get(1..).unwrap_or_default();
    let (before_for, after_for) = match rest.iter().position(|t| is_word(t, "for")) {
        Some(at) => (rest.get(..at).unwrap_or_default(), rest.get(at + 1..)),
        None => (rest, None),
    };
    head.goals = after_for.map(links).unwrap_or_default();
    match keyword {
        "plan" => head.text = joined(line, offset, rest),
        "concern" | "goal" | "objective" | "measure" => {
            head.id = first_id(&mut rest);
            let text = if matches!(keyword, "goal" | "objective") {
                let (text, links_written) =
                    unmarked_links(before_for.get(1..).unwrap_or_default(), after_for);
                head.goals.extend(links(links_written));
                text
            } else {
                rest
            };
            head.text = joined(line, offset, text);
        }
        "intervention" => {
            let mut parts = before_for.get(1..).unwrap_or_default();
            head.id = first_id(&mut rest);
            head.modality = first_id(&mut parts);
            // A technique is one word before the title (or nothing); two or
            // more words are a title written without quotes.
            if let [Token::Word(technique), tail @ ..] = parts
                && !matches!(tail.first(), Some(Token::Word(_)))
            {
                head.technique = Some(as_id(technique));
                parts = tail;
            }
            let (title, links_written) = unmarked_links(parts, after_for);
            head.goals.extend(links(links_written));
            head.text = joined(line, offset, title);
        }
        "medication" => {
            head.id = first_id(&mut rest);
            head.drug = before_for.get(1).map(|t| t.spanned().clone());
            if after_for.is_none() {
                // `medication M1 sertraline G1, O2`: the ids after the drug.
                head.goals
                    .extend(links(before_for.get(2..).unwrap_or_default()));
            }
        }
        "session" | "review" | "safety-plan" | "event" | "discharge" => {
            head.date = rest.first().and_then(Token::word).and_then(date);
            let kind = rest.get(1).and_then(Token::word);
            if keyword == "event" {
                head.kind = kind
                    .and_then(|w| EventKind::from_word(&w.value).map(|k| Spanned::new(k, w.span)));
            } else if keyword == "discharge" {
                head.discharge = kind.and_then(|w| {
                    DischargeKind::from_word(&w.value).map(|k| Spanned::new(k, w.span))
                });
            }
            if matches!(keyword, "event" | "discharge") {
                head.text = joined(line, offset, rest.get(2..).unwrap_or_default());
            }
        }
        _ => {}
    }
    head
}

/// A header with no `for` may still name what it serves after its quoted
/// text (`goal G1 "Fewer attacks" panic`): the text part, and the words after
/// it taken as links (those that name no definition are dropped later).
fn unmarked_links<'t>(
    parts: &'t [Token],
    after_for: Option<&[Token]>,
) -> (&'t [Token], &'t [Token]) {
    let quoted = parts.iter().rposition(|t| matches!(t, Token::Text(_)));
    match (after_for, quoted) {
        (None, Some(at)) => (
            parts.get(..=at).unwrap_or_default(),
            parts.get(at + 1..).unwrap_or_default(),
        ),
        _ => (parts, &[]),
    }
}

/// A written date: the date, or `None` inside when it is not one careplan
/// can read (its finding is the header's); no date at all when the word
/// has no digit (`review every 8 weeks` at column 0 is no review).
fn date(word: &Text) -> Option<Spanned<Option<jiff::civil::Date>>> {
    word.value
        .chars()
        .any(|c| c.is_ascii_digit())
        .then(|| Spanned::new(text::date(&word.value).ok(), word.span))
}

/// The first token as an id, taken off the front of `tokens`.
fn first_id(tokens: &mut &[Token]) -> Option<Ident> {
    let (first, rest) = tokens.split_first()?;
    let word = first.word().filter(|w| is_id(&w.value))?;
    *tokens = rest;
    Some(as_id(word))
}

/// The ids after `for`: every word that can be an id and is not a word of
/// the language.
fn links(tokens: &[Token]) -> Vec<Ident> {
    tokens
        .iter()
        .filter_map(Token::word)
        .filter(|w| is_id(&w.value) && !reserved(&w.value))
        .map(as_id)
        .collect()
}

/// A word read as an id.
fn as_id(word: &Text) -> Ident {
    Spanned::new(Name::new(&word.value), word.span)
}

/// A text part: one quoted string as written, or the words as they stand.
fn joined(line: &str, offset: usize, tokens: &[Token]) -> Option<Text> {
    match tokens {
        [] => None,
        [Token::Text(text)] => Some(text.clone()),
        [first, .., last] | [first @ last] => {
            let (start, end) = (first.spanned().span.start, last.spanned().span.end);
            let value = line
                .get(start - offset..end - offset)?
                .trim_matches(['"', '\'']);
            Some(Spanned::new(value.to_owned(), Span::new(start, end)))
        }
    }
}

fn is_word(token: &Token, word: &str) -> bool {
    token.word().is_some_and(|w| w.value == word)
}

/// Whether `word` has the form of an id: a letter, then letters, digits,
/// `-`, `_` and `.` (as the grammar's `ident`).
fn is_id(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic)
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Words of the language that are never a link's id: entry keywords
/// (`for goal G1`) and `and` (`for G1 and G2`).
fn reserved(word: &str) -> bool {
    word == "and" || ENTRIES.iter().any(|e| e.keyword == word)
}

/// The tokens of `line`, up to a comment that starts outside a string.
fn tokens(line: &str, offset: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some(&(at, c)) = chars.peek() {
        match c {
            '#' => break,
            ' ' | '\t' | ',' | '\r' => {
                chars.next();
            }
            '"' | '\'' | '“' | '”' | '‘' | '’' => {
                let close = |d: char| match c {
                    '"' => d == '"',
                    '\'' => d == '\'',
                    _ => matches!(d, '“' | '”' | '‘' | '’'),
                };
                let body = at + c.len_utf8();
                let rest = line.get(body..).unwrap_or("");
                let mut escaped = false;
                let closing = rest.char_indices().find(|&(_, d)| {
                    let found = !escaped && close(d);
                    escaped = !escaped && d == '\\' && c == '"';
                    found
                });
                let (inner_end, end) = match closing {
                    Some((i, d)) => (body + i, body + i + d.len_utf8()),
                    // A string never closed most likely lacks its quote
                    // before ` for ` (`"Activity scheduling for G2`): what
                    // follows is read as links.
                    None => match rest.find(" for ") {
                        Some(cut) => (body + cut, body + cut),
                        None => (line.len(), line.len()),
                    },
                };
                while chars.peek().is_some_and(|&(i, _)| i < end) {
                    chars.next();
                }
                let inner = line.get(body..inner_end).unwrap_or("");
                let value = if c == '"' {
                    text::decode(&format!("\"{inner}\""))
                } else {
                    inner.to_owned()
                };
                let span = Span::new(offset + at, offset + end);
                out.push(Token::Text(Spanned::new(value, span)));
            }
            _ => {
                let mut end = line.len();
                while let Some(&(i, d)) = chars.peek() {
                    if matches!(d, ' ' | '\t' | ',' | '"' | '#' | '\r') {
                        end = i;
                        break;
                    }
                    chars.next();
                }
                // A colon after a word (`goal G2: "Sleep"`) is its own
                // finding; the word is read without it.
                let word = line.get(at..end).unwrap_or("").trim_end_matches(':');
                let span = Span::new(offset + at, offset + at + word.len());
                out.push(Token::Word(Spanned::new(word.to_owned(), span)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::head;

    fn read(line: &str) -> String {
        let keyword = match line.split(' ').next() {
            Some("goal") => "goal",
            Some("intervention") => "intervention",
            Some("medication") => "medication",
            Some("plan") => "plan",
            Some("session") => "session",
            _ => "concern",
        };
        let h = head(keyword, line, 0);
        let goals: Vec<&str> = h.goals.iter().map(|g| g.value.as_str()).collect();
        format!(
            "id={:?} text={:?} modality={:?} technique={:?} drug={:?} date={:?} for={goals:?}",
            h.id.map(|i| i.value),
            h.text.map(|t| t.value),
            h.modality.map(|m| m.value),
            h.technique.map(|t| t.value),
            h.drug.map(|d| d.value),
            h.date.map(|d| d.value.map(|d| d.to_string())),
        )
    }

    #[test]
    fn damaged_headers_keep_what_can_be_read() {
        for (line, expected) in [
            (
                "goal G1 \"Fewer attacks\" for G1, G2,",
                "id=Some(\"G1\") text=Some(\"Fewer attacks\") modality=None technique=None drug=None date=None for=[\"G1\", \"G2\"]",
            ),
            (
                "goal G1 Fewer panic attacks for goal panic",
                "id=Some(\"G1\") text=Some(\"Fewer panic attacks\") modality=None technique=None drug=None date=None for=[\"panic\"]",
            ),
            (
                "medication M1 sertraline 50mg for G1",
                "id=Some(\"M1\") text=None modality=None technique=None drug=Some(\"sertraline\") date=None for=[\"G1\"]",
            ),
            (
                "intervention I1 CBT Weekly activity scheduling for G1",
                "id=Some(\"I1\") text=Some(\"Weekly activity scheduling\") modality=Some(\"CBT\") technique=None drug=None date=None for=[\"G1\"]",
            ),
            (
                "intervention I1 CBT behavioral-activation 'Activity' for G1 and G2",
                "id=Some(\"I1\") text=Some(\"Activity\") modality=Some(\"CBT\") technique=Some(\"behavioral-activation\") drug=None date=None for=[\"G1\", \"G2\"]",
            ),
            (
                "intervention I3 CBT behavioral-activation \"Activity scheduling for G2",
                "id=Some(\"I3\") text=Some(\"Activity scheduling\") modality=Some(\"CBT\") technique=Some(\"behavioral-activation\") drug=None date=None for=[\"G2\"]",
            ),
            (
                "plan Low mood",
                "id=None text=Some(\"Low mood\") modality=None technique=None drug=None date=None for=[]",
            ),
            (
                "session 26/02/2027",
                "id=None text=None modality=None technique=None drug=None date=Some(None) for=[]",
            ),
        ] {
            assert_eq!(read(line), expected, "{line}");
        }
    }
}
