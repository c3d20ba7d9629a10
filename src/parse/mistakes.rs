//! The mistakes people make while typing a plan, recognised on a line that
//! did not parse, so that the finding names the mistake itself ("write it as
//! 2027-02-26") instead of what the grammar expected at that column.

use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::span::Span;
use crate::words::{
    Achievement, Attendance, Cadence, Care, EventKind, Integration, Per, Risk, SessionFormat, Stage,
};

/// The first recognised typing mistake on `line` (a header or field line
/// without its indentation, starting at byte `offset`), if any.
pub(super) fn typing_mistake(line: &str, offset: usize) -> Option<Diagnostic> {
    let words = words(line);
    for (at, word) in &words {
        let span = Span::new(offset + at, offset + at + word.len());
        if let Some(finding) = other_date_order(word, span) {
            return Some(finding);
        }
    }
    if let Some(finding) = single_quotes(line, offset) {
        return Some(finding);
    }
    for (at, word) in &words {
        if let Some(before) = word.strip_suffix(':').filter(|w| !w.is_empty()) {
            let colon = offset + at + before.len();
            return Some(
                Diagnostic::new(
                    Rule::Syntax,
                    Span::new(colon, colon + 1),
                    format!("a colon does not belong after `{before}`"),
                )
                .with_help(format!(
                    "careplan separates the parts of a line with spaces: remove the colon after \
                     `{before}`"
                )),
            );
        }
    }
    words.windows(2).find_map(|pair| match pair {
        // `2 per weeks`: the period after `per` is one day, week or month.
        [(_, "per"), (at, word)]
            if word
                .strip_suffix('s')
                .is_some_and(|one| Per::from_word(one).is_some()) =>
        {
            let one = word.strip_suffix('s').unwrap_or(word);
            let times = words
                .iter()
                .rev()
                .skip_while(|(a, _)| a >= at)
                .nth(1)
                .map_or("N", |(_, w)| w);
            let span = Span::new(offset + at, offset + at + word.len());
            Some(
                Diagnostic::new(
                    Rule::Syntax,
                    span,
                    format!("the period after `per` is singular: `per {one}`, not `per {word}`"),
                )
                .with_help(format!("write `{times} per {one}`")),
            )
        }
        [(_, "for"), (at, word)]
            if crate::vocabulary::ENTRIES
                .iter()
                .any(|e| e.keyword == word.trim_end_matches('s')) =>
        {
            let span = Span::new(offset + at, offset + at + word.len());
            Some(
                Diagnostic::new(
                    Rule::Syntax,
                    span,
                    format!("`for` is followed by the ids themselves, not the word `{word}`"),
                )
                .with_help(format!("remove `{word}`, as in `for G1` or `for G1, G2`")),
            )
        }
        [(at, first), (next, second)] => {
            let joined = format!("{first}-{second}");
            SETS.iter()
                .any(|set| set.contains(&joined.as_str()))
                .then(|| {
                    let span = Span::new(offset + at, offset + next + second.len());
                    Diagnostic::new(
                        Rule::Syntax,
                        span,
                        format!("`{first} {second}` is written with a hyphen: `{joined}`"),
                    )
                    .with_help(format!("write `{joined}`, one word"))
                })
        }
        _ => None,
    })
}

/// The closed value sets whose words may hold a hyphen: written with a
/// space instead (`in progress`), they read as two words.
const SETS: [&[&str]; 9] = [
    Achievement::WORDS,
    Stage::WORDS,
    Integration::WORDS,
    Care::WORDS,
    Risk::WORDS,
    SessionFormat::WORDS,
    EventKind::WORDS,
    Cadence::WORDS,
    Attendance::WORDS,
];

/// The words of `line` outside double-quoted strings, with their offsets.
fn words(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut start = None;
    for (i, c) in line.char_indices().chain([(line.len(), ' ')]) {
        match c {
            '"' => {
                quoted = !quoted;
                start = None;
            }
            '#' if !quoted => break,
            ' ' | '\t' | '\r' | ',' => {
                if let (Some(s), false) = (start.take(), quoted)
                    && let Some(word) = line.get(s..i)
                {
                    out.push((s, word));
                }
            }
            _ if start.is_none() && !quoted => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start
        && let Some(word) = line.get(s..)
    {
        out.push((s, word));
    }
    out
}

/// `26/02/2027`, `26.02.2027`, `26-02-2027`, `2/26/2027`: a date with the
/// year last. When day and month could be either way round, both readings
/// are given; careplan never guesses which one was meant.
fn other_date_order(word: &str, span: Span) -> Option<Diagnostic> {
    let separator = word.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = word.split(separator).collect();
    let [a, b, year] = parts.as_slice() else {
        return None;
    };
    let number = |text: &str, most: usize| {
        (!text.is_empty() && text.len() <= most && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<i16>().ok())
            .flatten()
    };
    let (a, b, year) = (number(a, 2)?, number(b, 2)?, number(year, 4)?);
    if year < 1000 {
        return None;
    }
    let iso = |month: i16, day: i16| {
        let month = i8::try_from(month).ok()?;
        let day = i8::try_from(day).ok()?;
        jiff::civil::Date::new(year, month, day)
            .ok()
            .map(|d| d.to_string())
    };
    let (day_first, month_first) = (iso(b, a), iso(a, b));
    let message = format!("`{word}` is not written as careplan writes dates (YYYY-MM-DD)");
    let help = match (day_first, month_first) {
        (Some(d), Some(m)) if d != m => format!(
            "write it as {d} if it means day {a} of month {b}, or as {m} if it means month {a}, \
             day {b}"
        ),
        (Some(d), _) | (None, Some(d)) => format!("write it as {d}"),
        (None, None) => "write the date as YYYY-MM-DD, such as 2027-02-26".to_owned(),
    };
    Some(Diagnostic::new(Rule::Syntax, span, message).with_help(help))
}

/// `'ok'` or `‘ok’`: a string in single quotes.
fn single_quotes(line: &str, offset: usize) -> Option<Diagnostic> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '#' if !quoted => return None,
            '\'' | '\u{2018}' | '\u{2019}' if !quoted => {
                let before = line.get(..i).unwrap_or("");
                // An apostrophe inside a word (client's) is not a quote.
                if before.ends_with(|c: char| c.is_alphanumeric()) {
                    continue;
                }
                let start = offset + i;
                return Some(
                    Diagnostic::new(
                        Rule::Syntax,
                        Span::new(start, start + c.len_utf8()),
                        "this text is in single quotes; careplan's strings use double quotes",
                    )
                    .with_help("write it between \" and \", as in `used I1 \"Engaged well\"`"),
                );
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::typing_mistake;

    fn said(line: &str) -> Option<(String, Option<String>, usize, usize)> {
        typing_mistake(line, 0).map(|d| (d.message, d.help, d.span.start, d.span.end))
    }

    #[test]
    fn dates_in_other_orders_are_converted_or_both_readings_given() {
        let (message, help, start, end) = said("due 26/02/2027").expect("a finding");
        assert_eq!(
            message,
            "`26/02/2027` is not written as careplan writes dates (YYYY-MM-DD)"
        );
        assert_eq!(help.as_deref(), Some("write it as 2027-02-26"));
        assert_eq!((start, end), (4, 14), "the whole date is underlined");
        let (_, help, _, _) = said("due 02/03/2027").expect("a finding");
        assert_eq!(
            help.as_deref(),
            Some(
                "write it as 2027-03-02 if it means day 2 of month 3, or as 2027-02-03 if it \
                 means month 2, day 3"
            )
        );
        assert!(said("due 2027-02-26").is_none());
    }

    #[test]
    fn quotes_colons_and_spaced_words_are_named() {
        assert_eq!(said("used I1 'ok'").map(|s| s.2), Some(8));
        assert!(
            said("note \"the client's week\"").is_none(),
            "a quote inside a string"
        );
        assert!(
            said("note client's").is_none(),
            "an apostrophe inside a word"
        );
        let colon = said("score GAD-7: 9").expect("a finding");
        assert_eq!(
            (colon.0.as_str(), colon.2),
            ("a colon does not belong after `GAD-7`", 11)
        );
        assert_eq!(
            colon.1.as_deref(),
            Some(
                "careplan separates the parts of a line with spaces: remove the colon after `GAD-7`"
            )
        );
        let spaced = said("status G2 in progress").expect("a finding");
        assert_eq!(
            spaced.0,
            "`in progress` is written with a hyphen: `in-progress`"
        );
        assert_eq!((spaced.2, spaced.3), (10, 21));
        let late = said("attendance late cancelled").expect("a finding");
        assert_eq!(
            late.0,
            "`late cancelled` is written with a hyphen: `late-cancelled`"
        );
        let per = said("frequency 3 per weeks").expect("a finding");
        assert_eq!(
            (per.0.as_str(), per.1.as_deref(), per.2),
            (
                "the period after `per` is singular: `per week`, not `per weeks`",
                Some("write `3 per week`"),
                16
            )
        );
        let word = said("intervention I1 CBT \"x\" for goal G1").expect("a finding");
        assert_eq!(
            (word.0.as_str(), word.2),
            (
                "`for` is followed by the ids themselves, not the word `goal`",
                28
            )
        );
    }
}
