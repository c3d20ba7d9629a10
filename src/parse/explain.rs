//! Turning a line the grammar could not read into a finding that says, in
//! plain words, what was expected there and how the line is written.

use super::grammar::{CareplanParser, Rule as G};
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::rule::Rule;
use crate::span::Span;
use crate::suggest::did_you_mean;
use crate::vocabulary::{self, ENTRIES};
use crate::words::{DischargeKind, ExtentUnit, Per};
use pest::Parser;
use pest::error::{ErrorVariant, InputLocation};

/// Explains a field line inside `entry` (a keyword) that did not parse.
/// `line` is the line's text without indentation, starting at byte `offset`;
/// its indentation starts at byte `indent`.
pub(super) fn bad_field(line: &str, indent: usize, offset: usize, entry: &str) -> Diagnostic {
    let keyword = first_word(line);
    let what = vocabulary::entry(entry).map_or("this entry", |e| e.article);
    let Some(field) = vocabulary::field(keyword) else {
        let allowed: Vec<&str> = vocabulary::fields_of(entry).collect();
        if let Some(header) = vocabulary::entry(keyword).filter(|_| !keyword.is_empty()) {
            return Diagnostic::new(
                Rule::Syntax,
                Span::new(offset, offset + keyword.len()),
                format!("`{keyword}` starts an entry, but this line is indented inside {what}"),
            )
            .with_help(format!("start the entry at column 0: `{}`", header.usage))
            .with_fix(dedent(indent, offset));
        }
        let mut help = format!("{what} may hold: {}", allowed.join(", "));
        let span = Span::new(offset, offset + keyword.len().max(1));
        let close = did_you_mean(keyword, allowed.iter().copied());
        if let Some(close) = close {
            help = format!("did you mean `{close}`? {help}");
        }
        return Diagnostic::new(
            Rule::Syntax,
            span,
            format!("unknown field `{keyword}` in {what}"),
        )
        .with_help(help)
        .with_fixes(close.map(|c| Fix::respelling(span, keyword, c)));
    };
    if let Some(unclosed) = unclosed_triple(line, offset) {
        return unclosed;
    }
    if let Some(mistake) = super::mistakes::typing_mistake(line, offset) {
        return mistake;
    }
    if field.keyword == "client" {
        let value = line.get(keyword.len()..).unwrap_or("").trim_start();
        let start =
            offset + line.len() - line.get(keyword.len()..).unwrap_or("").trim_start().len();
        return Diagnostic::new(
            Rule::Syntax,
            Span::new(start, start + value.trim_end().len()),
            "`client` takes a pseudonymous id such as `C-1042`, never the client's name",
        )
        .concealed()
        .with_help(
            "write the id your service gives the client (one word: letters, digits and `-`); \
             a plan file must not carry names",
        );
    }
    let position = failure(G::field_line, line);
    or_usage(
        expected_at(line, offset, position),
        format!("write it as `{}`", field.usage),
    )
}

/// The fix that moves an indented entry header back to column 0: the
/// indentation from byte `indent` to the keyword at byte `keyword` goes.
pub(super) fn dedent(indent: usize, keyword: usize) -> Fix {
    Fix::safe(
        "Start the entry at column 0",
        vec![Edit::delete(Span::new(indent.min(keyword), keyword))],
    )
}

/// Whether `line` opens a `"""` string that it does not close.
pub(super) fn opens_unclosed(line: &str) -> bool {
    line.find("\"\"\"")
        .and_then(|open| line.get(open + 3..))
        .is_some_and(|after| !after.contains("\"\"\""))
}

/// A `"""` that opens a string on `line` and is not closed on it. The whole
/// file could not read it as a string (no `"""` follows it, or what follows
/// the next one is not a valid line end); re-read alone, the line would
/// wrongly blame a stray `"` after `""`.
fn unclosed_triple(line: &str, offset: usize) -> Option<Diagnostic> {
    if !opens_unclosed(line) {
        return None;
    }
    let start = offset + line.find("\"\"\"")?;
    Some(
        Diagnostic::new(
            Rule::Syntax,
            Span::new(start, start + 3),
            "this multi-line string is never closed with `\"\"\"`",
        )
        .with_help(
            "end the text with `\"\"\"`, after its last word or on a line of its own; \
             everything up to the next `\"\"\"` belongs to the string",
        ),
    )
}

/// Explains a column-0 line that starts no valid entry.
pub(super) fn bad_entry(line: &str, offset: usize) -> Diagnostic {
    if line.starts_with([' ', '\t']) {
        // Only spaces and tabs indent: `trim_start` would also take a lone
        // `\r`, and the span would end past the text.
        let text = line.trim_start_matches([' ', '\t']);
        let start = offset + (line.len() - text.len());
        return Diagnostic::new(
            Rule::Syntax,
            Span::new(start, start + first_word(text).len().max(1)),
            "this indented line is not under any entry",
        )
        .with_help(
            "indented lines are fields of the entry above; put an entry header such as \
             `session 2026-09-08` at column 0 before it, or remove the indentation",
        );
    }
    // `plan: "Low mood"`: the keyword is read without the colon, which is
    // the mistake named below.
    let keyword = first_word(line).trim_end_matches(':');
    let Some(entry) = vocabulary::entry(keyword) else {
        let span = Span::new(offset, offset + keyword.len().max(1));
        if vocabulary::field(keyword).is_some() {
            return Diagnostic::new(
                Rule::Syntax,
                span,
                format!("`{keyword}` is a field, but it stands at column 0 where an entry starts"),
            )
            .with_help("indent it under the entry it belongs to");
        }
        let keywords = ENTRIES.iter().map(|e| e.keyword);
        let mut help = format!(
            "an entry starts with one of: {}",
            keywords.clone().collect::<Vec<_>>().join(", ")
        );
        let close = did_you_mean(keyword, keywords);
        if let Some(close) = close {
            help = format!("did you mean `{close}`? {help}");
        }
        return Diagnostic::new(Rule::Syntax, span, format!("unknown entry `{keyword}`"))
            .with_help(help)
            .with_fixes(close.map(|c| Fix::respelling(span, keyword, c)));
    };
    if let Some(unclosed) = unclosed_triple(line, offset) {
        return unclosed;
    }
    if let Some(mistake) = super::mistakes::typing_mistake(line, offset) {
        return mistake;
    }
    let position = failure(G::head_line, line);
    if let Some(finding) = header_part_missing(entry.keyword, line, offset, position.as_ref()) {
        return finding;
    }
    or_usage(
        expected_at(line, offset, position),
        format!("write the header as `{}`", entry.usage),
    )
}

/// A v2 header without the part that makes it what it is: an objective
/// that names no goal, a discharge that does not say how the episode ended.
fn header_part_missing(
    keyword: &str,
    line: &str,
    offset: usize,
    failure: Option<&(usize, Vec<G>)>,
) -> Option<Diagnostic> {
    let (position, positives) = failure?;
    let rest = line.get(*position..).unwrap_or("");
    let at_end = first_token(rest).is_empty() || rest.trim_start().starts_with('#');
    let end = offset + line.trim_end().len();
    match keyword {
        "objective" if positives.contains(&G::for_clause) => {
            let help = "an objective is a step toward one or more goals: name them after `for`, \
                        as in `objective O1 \"PHQ-9 below 10\" for G1`";
            let finding = if at_end {
                Diagnostic::new(
                    Rule::Syntax,
                    Span::new(offset, end),
                    "this objective does not name the goal it serves",
                )
            } else {
                expected_at(line, offset, Some((*position, positives.clone())))
            };
            Some(finding.with_help(help))
        }
        "discharge" => {
            // `discharge 2027-01-11` and nothing after the date, or a
            // summary straight after it.
            let mut words = line.split([' ', '\t']).filter(|w| !w.is_empty()).skip(1);
            let date = words.next()?;
            let next = words.next().unwrap_or("");
            if !date.starts_with(|c: char| c.is_ascii_digit())
                || !(next.is_empty() || next.starts_with(['"', '#']))
            {
                return None;
            }
            Some(
                Diagnostic::new(
                    Rule::Syntax,
                    Span::new(offset, end),
                    "this discharge does not say how the episode ended",
                )
                .with_help(format!(
                    "add {} after the date, as in `discharge {date} completed`",
                    join_or_owned(&quoted(DischargeKind::WORDS))
                )),
            )
        }
        _ => None,
    }
}

/// A multi-line string (`raw`, starting at byte `offset`) that runs over a
/// line at column 0 reading as an entry header: its closing `"""` is almost
/// surely missing, and the entries after it were taken into its text.
pub(super) fn swallowed_entry(raw: &str, offset: usize) -> Option<Diagnostic> {
    let mut at = 0;
    for line in raw.split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        if at > 0
            && !text.starts_with([' ', '\t'])
            && CareplanParser::parse(G::head_line, text).is_ok()
        {
            let number = raw
                .get(..at)
                .map_or(0, |before| before.matches('\n').count());
            return Some(
                Diagnostic::new(
                    Rule::Syntax,
                    Span::new(offset, offset + 3),
                    format!(
                        "this multi-line string runs on over `{text}`, {} further down, \
                         which reads as the start of an entry",
                        crate::diagnostic::plural(number, "line", "lines")
                    ),
                )
                .with_help(
                    "its closing `\"\"\"` is probably missing: end the text with `\"\"\"` \
                     before that entry; until then, the entries it runs over are read as \
                     part of the string",
                ),
            );
        }
        at += line.len();
    }
    None
}

/// `finding` with `usage` as its help, unless it already has a more
/// specific one.
fn or_usage(finding: Diagnostic, usage: String) -> Diagnostic {
    if finding.help.is_some() {
        finding
    } else {
        finding.with_help(usage)
    }
}

/// Re-parses `line` alone from `rule`; returns where it fails and what the
/// grammar expected there (`None` when it unexpectedly parses).
fn failure(rule: G, line: &str) -> Option<(usize, Vec<G>)> {
    let error = CareplanParser::parse(rule, line).err()?;
    let position = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((start, _)) => start,
    };
    let positives = match error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives,
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    Some((position, positives))
}

/// A finding at the failure position saying what was expected there.
fn expected_at(line: &str, offset: usize, failure: Option<(usize, Vec<G>)>) -> Diagnostic {
    let Some((position, positives)) = failure else {
        return Diagnostic::new(
            Rule::Syntax,
            Span::new(offset, offset + line.len()),
            "this line could not be read",
        );
    };
    let rest = line.get(position..).unwrap_or("");
    let span = Span::new(
        offset + position,
        offset + position + first_token(rest).len(),
    );
    if rest.starts_with(['\u{201C}', '\u{201D}']) && positives.contains(&G::string) {
        return Diagnostic::new(
            Rule::Syntax,
            Span::new(
                span.start,
                span.start + rest.chars().next().map_or(1, char::len_utf8),
            ),
            "this is a curly quote, as word processors write them; careplan's strings use \
             straight quotes",
        )
        .with_help("replace “ and ” with \" (turn off \"smart quotes\" in the editor)")
        .with_fix(straight_quotes(rest, span.start));
    }
    // `note "He said "fine" today"`: the string ended at the inner quote.
    let before = line.get(..position).unwrap_or("").trim_end();
    if before.ends_with('"') && !before.ends_with("\"\"\"") && rest.contains('"') {
        return Diagnostic::new(
            Rule::Syntax,
            span,
            format!("expected the end of the line after the string, found `{}`", first_token(rest)),
        )
        .with_help("a quote inside a string is written `\\\"`, as in `note \"He said \\\"fine\\\" today\"`");
    }
    if rest.starts_with('"') && positives.contains(&G::string) {
        return Diagnostic::new(
            Rule::Syntax,
            span.to(Span::new(span.start, offset + line.len())),
            string_problem(rest),
        );
    }
    if let Some(finding) = missing_after_keyword(line, offset, position, &positives) {
        return finding;
    }
    if let Some(finding) = number_alone(rest, span, &positives) {
        return finding;
    }
    let measure_here = before.ends_with("target");
    let mut names: Vec<&str> = Vec::new();
    // A comparator reads best before the measure that may precede it.
    let mut ordered = positives.clone();
    ordered.sort_by_key(|r| *r == G::ident);
    for rule in &ordered {
        let described = match rule {
            // `revise G1 target PHQ-9 < 10`: the name after `target` is a measure.
            G::ident if measure_here => &["the name of a measure such as `PHQ-9`"][..],
            _ => describe(*rule),
        };
        for name in described {
            if !names.contains(name) {
                names.push(name);
            }
        }
    }
    // "a comment or the end of the line" reads best last.
    names.sort_by_key(|n| match *n {
        "a comment" => 1,
        "the end of the line" => 2,
        _ => 0,
    });
    if names.is_empty() {
        let keyword = first_word(line);
        return Diagnostic::new(
            Rule::Syntax,
            Span::new(offset, offset + line.len()),
            format!("this `{keyword}` line is incomplete or not in its expected form"),
        );
    }
    let found = match first_token(rest) {
        "" => "the end of the line".to_owned(),
        token => format!("`{token}`"),
    };
    let finding = Diagnostic::new(
        Rule::Syntax,
        span,
        format!("expected {}, found {found}", join_or(&names)),
    );
    match closest_word(first_token(rest), &positives) {
        Some(close) => finding
            .with_help(format!("did you mean `{close}`?"))
            .with_fix(Fix::respelling(span, first_token(rest), close)),
        None => finding,
    }
}

/// The fix that straightens the curly quote starting `rest` (at byte
/// `start`) and the curly quote that closes it on the same line.
fn straight_quotes(rest: &str, start: usize) -> Fix {
    let curly = |c: char| matches!(c, '\u{201C}' | '\u{201D}');
    let edits = rest
        .char_indices()
        .filter(|(_, c)| curly(*c))
        .take(2)
        .map(|(at, c)| Edit::replace(Span::new(start + at, start + at + c.len_utf8()), "\""))
        .collect();
    Fix::safe("Use straight quotes", edits)
}

/// The parts of a line that follow a keyword inside it, for a line that
/// stops (or goes wrong) right after the keyword: `revise G1 target`,
/// `sustained` without its length.
const AFTER_KEYWORD: &[(G, &str, &str)] = &[
    (
        G::revise_target,
        "target",
        "a comparator (`<`, `<=`, `>`, `>=`, `=`) or the name of a measure such as `PHQ-9`",
    ),
    (G::revise_due, "due", "a date written YYYY-MM-DD"),
    (
        G::revise_course,
        "course",
        "the planned length, such as `16 sessions` or `6 weeks`",
    ),
    (
        G::sustained,
        "sustained",
        "how long the target must hold, such as `4 weeks` or `3 sessions`",
    ),
];

/// `revise G1 target` and nothing after it: the grammar blames the keyword
/// it stopped after, which is right; what is missing is what follows it.
fn missing_after_keyword(
    line: &str,
    offset: usize,
    position: usize,
    positives: &[G],
) -> Option<Diagnostic> {
    let rest = line.get(position..).unwrap_or("");
    let keyword = first_token(rest);
    let (_, _, follows) = AFTER_KEYWORD
        .iter()
        .find(|(rule, word, _)| positives.contains(rule) && *word == keyword)?;
    let after = rest.get(keyword.len()..).unwrap_or("");
    let next = after.trim_start_matches([' ', '\t']);
    let start = offset + position + keyword.len() + (after.len() - next.len());
    let token = first_token(next);
    let found = if token.is_empty() || next.starts_with('#') {
        "the end of the line".to_owned()
    } else {
        format!("`{token}`")
    };
    Some(Diagnostic::new(
        Rule::Syntax,
        Span::new(start, start + token.len()),
        format!("expected {follows} after `{keyword}`, found {found}"),
    ))
}

/// A number written without what must follow or precede it: a length
/// without its unit (`course 12`), a rate without its period (`frequency
/// 2`), a target without its comparator (`target 10`).
fn number_alone(rest: &str, span: Span, positives: &[G]) -> Option<Diagnostic> {
    let number = first_token(rest);
    if !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (message, help) = if positives.contains(&G::extent) {
        let units: Vec<String> = ExtentUnit::WORDS
            .iter()
            .map(|u| format!("`{number} {u}`"))
            .collect();
        (
            format!("`{number}` needs a unit: {}", join_or_owned(&units)),
            None,
        )
    } else if positives.contains(&G::rate) {
        // `2x per week`, `2/week`, `2 times a week`: the count, and the
        // period named anywhere on the line.
        let count: String = number.chars().take_while(char::is_ascii_digit).collect();
        let lower = rest.to_ascii_lowercase();
        let named = Per::WORDS.iter().find(|p| {
            lower.contains(*p)
                || (**p == "week" && lower.contains("wk"))
                || (**p == "day" && lower.contains("daily"))
        });
        match named {
            Some(per) => (
                format!("a frequency is written as a count per period: `{count} per {per}`"),
                Some("or write a word such as `weekly`, or a description in quotes"),
            ),
            None => {
                let rates: Vec<String> = Per::WORDS
                    .iter()
                    .map(|p| format!("`{count} per {p}`"))
                    .collect();
                (
                    format!("`{number}` needs a period: {}", join_or_owned(&rates)),
                    Some("or write a word such as `weekly`, or a description in quotes"),
                )
            }
        }
    } else if positives.contains(&G::target) || positives.contains(&G::comparator) {
        let targets: Vec<String> = ["<", "<=", ">", ">=", "="]
            .iter()
            .map(|c| format!("`{c} {number}`"))
            .collect();
        (
            format!(
                "the target `{number}` needs a comparator: {}",
                join_or_owned(&targets)
            ),
            positives
                .contains(&G::ident)
                .then_some("name the measure before the comparator when the goal has several: `target PHQ-9 < 10`"),
        )
    } else {
        return None;
    };
    let finding = Diagnostic::new(Rule::Syntax, span, message);
    Some(match help {
        Some(help) => finding.with_help(help),
        None => finding,
    })
}

/// The word of a closed set the grammar expected that `found` is closest
/// to (`wekks` for `weeks`).
fn closest_word(found: &str, positives: &[G]) -> Option<&'static str> {
    if found.is_empty() {
        return None;
    }
    let words: &[&'static str] = if positives.contains(&G::extent_unit) {
        &["sessions", "days", "weeks", "months"]
    } else if positives.contains(&G::per) {
        Per::WORDS
    } else if positives.contains(&G::unit) {
        &["days", "weeks", "months"]
    } else {
        return None;
    };
    did_you_mean(found, words.iter().copied()).filter(|w| *w != found)
}

/// Each word in backquotes.
fn quoted(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| format!("`{w}`")).collect()
}

/// Why a string starting at the front of `rest` did not parse.
fn string_problem(rest: &str) -> String {
    if rest.starts_with("\"\"\"") {
        return "this multi-line string is never closed with `\"\"\"`".to_owned();
    }
    let mut chars = rest.char_indices().skip(1);
    while let Some((_, c)) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some((_, '"' | '\\' | 'n')) => {}
                Some((_, other)) => {
                    return format!(
                        "unknown escape `\\{other}` in a string: use `\\\"`, `\\\\` or `\\n`"
                    );
                }
                None => break,
            },
            _ => {}
        }
    }
    "this string is not closed: add `\"` before the end of the line (use `\"\"\"` for text over several lines)".to_owned()
}

/// Plain-word names for what a grammar rule matches.
fn describe(rule: G) -> &'static [&'static str] {
    match rule {
        G::ident => &["a name such as `G1`"],
        G::string => &["a quoted string"],
        G::date => &["a date written YYYY-MM-DD"],
        G::number => &["a number"],
        G::code => &["a code such as `F41.0`"],
        G::comment => &["a comment", "the end of the line"],
        G::EOI => &["the end of the line"],
        G::duration => &["a duration such as `8 weeks`"],
        G::unit => &["`days`, `weeks` or `months`"],
        G::target | G::comparator => &["a comparator (`<`, `<=`, `>`, `>=`, `=`)"],
        G::for_clause | G::k_for => &["`for`"],
        G::k_comma => &["`,`"],
        G::k_every => &["`every`"],
        G::k_baseline => &["`baseline`"],
        G::k_target | G::revise_target => &["`target`"],
        G::k_due | G::revise_due => &["`due`"],
        G::k_to => &["`..`"],
        G::k_arrow => &["`->`"],
        G::extent => &["a length such as `12 sessions` or `4 weeks`"],
        G::extent_unit => &["`sessions`, `days`, `weeks` or `months`"],
        G::rate => &["a rate such as `2 per week`"],
        G::k_per => &["`per`"],
        G::per => &["`day`, `week` or `month`"],
        G::sustained | G::k_sustained => &["`sustained`"],
        G::revise_course | G::k_course => &["`course`"],
        _ => &[],
    }
}

/// `a`, `a or b`, `a, b or c`.
fn join_or(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// [`join_or`] for owned names.
fn join_or_owned(names: &[String]) -> String {
    join_or(&names.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The leading run of non-space characters.
fn first_word(text: &str) -> &str {
    text.split([' ', '\t', '\r']).next().unwrap_or("")
}

/// The first token of `rest`: a word, or one punctuation character.
fn first_token(rest: &str) -> &str {
    let word = first_word(rest);
    let end = word
        .char_indices()
        .find(|&(i, c)| i > 0 && !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .map_or(word.len(), |(i, _)| i);
    word.get(..end).unwrap_or(word)
}
