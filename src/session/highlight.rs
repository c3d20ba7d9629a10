//! Syntax classes for text being typed, for a terminal to colour: keywords,
//! ids, words of the language's value sets, dates, numbers, strings,
//! comments and commands.

use super::Session;
use super::sets;
use super::tokens::{Kind, tokens};
use crate::vocabulary;
use foldhash::HashSet;
use std::ops::Range;

/// What a piece of text is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// An entry keyword at column 0, or a keyword inside a line (`for`).
    Keyword,
    /// A field keyword starting an indented line.
    Field,
    /// An id the plan defines, or the one a header is defining.
    Id,
    /// A word of a value set where the line takes one: a status, a risk
    /// level, an attendance, a discharge type, a unit (`weeks`, `sessions`).
    Word,
    /// A `YYYY-MM-DD` date.
    Date,
    /// A number.
    Number,
    /// A string, quotes included.
    Str,
    /// A `#` comment.
    Comment,
    /// A REPL `:command`.
    Command,
}

/// Words that are keywords inside a line (`revise G1 due …`, `course 16
/// sessions`, `sustained 4 weeks`, `2 per week`).
const INNER: &[&str] = &[
    "for",
    "baseline",
    "target",
    "every",
    "due",
    "course",
    "sustained",
    "per",
];

/// The classified pieces of `text`, in order; text not listed is plain.
///
/// ```
/// use careplan::CheckOptions;
/// use careplan::session::{Class, Session, highlight};
/// let session = Session::new(CheckOptions::new(jiff::civil::date(2026, 11, 22)));
/// let text = "session 2026-10-01";
/// let classes: Vec<Class> = highlight(text, &session).into_iter().map(|(_, c)| c).collect();
/// assert_eq!(classes, [Class::Keyword, Class::Date]);
/// ```
pub fn highlight(text: &str, session: &Session) -> Vec<(Range<usize>, Class)> {
    let document = &session.analysis().document;
    let known: HashSet<&str> = document
        .entries
        .iter()
        .filter_map(|e| e.id().map(|id| id.value.as_str()))
        .collect();
    let mut out = Vec::new();
    let mut header: Option<&str> = None;
    let mut position = 0;
    // The line's tokens before the current one, for the value sets.
    let mut line: Vec<&str> = Vec::new();
    for token in tokens(text) {
        let word = token.text(text);
        if token.first {
            position = 0;
            line.clear();
            if !token.indented {
                header = Some(word);
            }
        } else {
            position += 1;
        }
        let entry = token.indented.then_some(header.unwrap_or(""));
        let in_set = !token.first
            && token.kind == Kind::Word
            && sets::next(entry, &line).is_some_and(|set| set.contains(&word));
        if token.kind != Kind::Comment {
            line.push(word);
        }
        let class = match token.kind {
            Kind::Str => Some(Class::Str),
            Kind::Comment => Some(Class::Comment),
            Kind::Comma => None,
            Kind::Word if token.first && !token.indented && word.starts_with(':') => {
                Some(Class::Command)
            }
            Kind::Word if token.first && !token.indented => {
                vocabulary::entry(word).map(|_| Class::Keyword)
            }
            Kind::Word if token.first => vocabulary::field(word).map(|_| Class::Field),
            Kind::Word if in_set && !INNER.contains(&word) => Some(Class::Word),
            Kind::Word => classify(word, &known, header, position, token.indented),
        };
        if let Some(class) = class {
            out.push((token.range, class));
        }
    }
    out
}

fn classify(
    word: &str,
    known: &HashSet<&str>,
    header: Option<&str>,
    position: usize,
    indented: bool,
) -> Option<Class> {
    let defines = !indented
        && position == 1
        && matches!(
            header,
            Some("concern" | "goal" | "objective" | "intervention" | "medication" | "measure")
        );
    if is_date(word) {
        Some(Class::Date)
    } else if is_number(word) {
        Some(Class::Number)
    } else if defines || known.contains(word) {
        Some(Class::Id)
    } else if INNER.contains(&word) {
        Some(Class::Keyword)
    } else {
        None
    }
}

fn is_date(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

fn is_number(word: &str) -> bool {
    let digits = word.strip_prefix('-').unwrap_or(word);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CheckOptions;

    #[test]
    fn classes_of_a_typed_entry() {
        let mut session = Session::new(CheckOptions::new(jiff::civil::date(2026, 11, 22)));
        assert!(session.add_entry("goal G1 \"Sleep\"\n").is_ok());
        let text = "intervention I1 CBT \"Sleep hygiene\" for G1 # why\n  frequency weekly\n  opened 2026-09-01\n:check";
        let got: Vec<(&str, Class)> = highlight(text, &session)
            .into_iter()
            .map(|(r, c)| (text.get(r).unwrap_or(""), c))
            .collect();
        assert_eq!(
            got,
            [
                ("intervention", Class::Keyword),
                ("I1", Class::Id),
                ("\"Sleep hygiene\"", Class::Str),
                ("for", Class::Keyword),
                ("G1", Class::Id),
                ("# why", Class::Comment),
                ("frequency", Class::Field),
                ("weekly", Class::Word),
                ("opened", Class::Field),
                ("2026-09-01", Class::Date),
                (":check", Class::Command),
            ]
        );
        assert!(!is_date("2026-9-01") && is_number("-2.5") && !is_number("-"));
    }

    #[test]
    fn v2_keywords_and_words() {
        let mut session = Session::new(CheckOptions::new(jiff::civil::date(2026, 11, 22)));
        assert!(session.add_entry("goal G1 \"Sleep\"\n").is_ok());
        let text = "objective O1 \"x\" for G1\n  measure PHQ-9 baseline 21 target < 10 sustained 4 weeks\nintervention I1 CBT\n  frequency 2 per week\n  course 12 sessions\nsession 2026-09-08\n  attendance no-show\ndischarge 2027-01-11 completed\n  risk low\n  revise G1 due 2027-02-01";
        let got: Vec<(&str, Class)> = highlight(text, &session)
            .into_iter()
            .map(|(r, c)| (text.get(r).unwrap_or(""), c))
            .filter(|(_, c)| matches!(c, Class::Keyword | Class::Word | Class::Id))
            .collect();
        assert_eq!(
            got,
            [
                ("objective", Class::Keyword),
                ("O1", Class::Id),
                ("for", Class::Keyword),
                ("G1", Class::Id),
                ("baseline", Class::Keyword),
                ("target", Class::Keyword),
                ("sustained", Class::Keyword),
                ("weeks", Class::Word),
                ("intervention", Class::Keyword),
                ("I1", Class::Id),
                ("per", Class::Keyword),
                ("week", Class::Word),
                ("sessions", Class::Word),
                ("session", Class::Keyword),
                ("no-show", Class::Word),
                ("discharge", Class::Keyword),
                ("completed", Class::Word),
                ("low", Class::Word),
                ("G1", Class::Id),
                ("due", Class::Keyword),
            ]
        );
    }
}
