//! The formatter: one canonical layout for plan files, losing nothing.
//!
//! - Every entry header starts at column 0; fields and comments inside an
//!   entry are indented two spaces; tokens are separated by single spaces
//!   (`range 0..10`, `for G1, G2`, two spaces before an end-of-line comment).
//! - One blank line separates entries, except consecutive definitions of one
//!   kind (concerns, goals with their objectives, measures, and interventions
//!   with medications), which stand together; `objective` and `discharge` are
//!   entries like the others, at column 0. Blank lines inside an entry are removed. Around
//!   comment lines between entries, a blank line is kept where there was one
//!   (runs of them become one), so comment paragraphs keep their shape.
//! - Strings are written canonically: `"..."` with `\"`, `\\` and `\n`
//!   escapes; a `"""` string whose text is one line becomes `"..."`; a
//!   multi-line one is written as a block indented under its field.
//! - Dates, numbers, ids and words are kept as written, as is the order of
//!   entries, fields and comments. Comments keep their text and stay with the
//!   entry or field they belong to.
//! - Line endings follow the file's first line (LF or CRLF); a leading
//!   byte-order mark is kept; the text ends with one newline.
//!
//! A file with syntax errors is not formatted: [`format()`] returns them.

use crate::diagnostic::Diagnostic;
use crate::parse::grammar::Rule as G;
use crate::parse::{Item, parse_items, text};
use crate::rule::Rule;
use pest::iterators::Pair;

/// Why a text could not be formatted: its syntax findings.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error(
    "the file has {}; it was not formatted",
    crate::diagnostic::plural(.0.len(), "syntax error", "syntax errors")
)]
pub struct FormatError(pub Vec<Diagnostic>);

/// Formats a plan file's text, or returns its syntax errors untouched.
///
/// The text is parsed once: the syntax findings come from lowering the very
/// tree that is then laid out, so a file is formatted only when every line
/// of it was read (nothing can be lost), at the cost of one parse.
pub fn format(source: &str) -> Result<String, FormatError> {
    let mut writer = Writer {
        source,
        base: 0,
        lines: Vec::new(),
        previous: None,
    };
    let parsed = parse_items(source, |item| writer.item(item));
    let errors: Vec<Diagnostic> = parsed
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == Rule::Syntax)
        .collect();
    if !errors.is_empty() {
        return Err(FormatError(errors));
    }
    let newline = if source.split('\n').next().is_some_and(|l| l.ends_with('\r')) {
        "\r\n"
    } else {
        "\n"
    };
    let bom = if source.starts_with('\u{FEFF}') {
        "\u{FEFF}"
    } else {
        ""
    };
    let mut out = String::with_capacity(source.len());
    out.push_str(bom);
    for line in &writer.lines {
        out.push_str(line.trim_end_matches([' ', '\t']));
        out.push_str(newline);
    }
    Ok(out)
}

/// What was written last at the top level, for the blank-line rules.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    /// A comment line at column 0 (end offset of the comment).
    Comment(usize),
    /// An entry of this grouping kind (end offset of its text).
    Entry(Group, usize),
}

/// Entries that may stand together without a blank line between them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Plan,
    Concern,
    Goal,
    Treatment,
    Measure,
    Dated,
}

fn group(rule: G) -> Group {
    match rule {
        G::plan => Group::Plan,
        G::concern => Group::Concern,
        G::goal | G::objective => Group::Goal,
        G::intervention | G::medication => Group::Treatment,
        G::measure_def => Group::Measure,
        _ => Group::Dated,
    }
}

struct Writer<'s> {
    source: &'s str,
    /// Where the item being laid out starts in `source`: its pairs'
    /// offsets count from there.
    base: usize,
    lines: Vec<String>,
    previous: Option<Last>,
}

impl Writer<'_> {
    /// Whether the text between `from` and `to` holds a blank line.
    fn blank_between(&self, from: usize, to: usize) -> bool {
        let gap = self.source.get(from..to).unwrap_or("");
        // The gap runs from the end of one item to the start of the next;
        // a blank line is a line in it holding only spaces.
        gap.split('\n')
            .skip(1)
            .take(gap.matches('\n').count().saturating_sub(1))
            .any(|line| line.trim().is_empty())
    }

    /// Separates the next top-level item starting at `start`.
    fn separate(&mut self, start: usize, next: Option<Group>) {
        let Some(previous) = self.previous else {
            return;
        };
        let blank = match (previous, next) {
            (Last::Entry(a, _), Some(b)) => a != b || matches!(a, Group::Dated | Group::Plan),
            // Comments after the last entry keep their distance from it.
            (Last::Entry(_, end), None) => self.blank_between(end, start),
            (Last::Comment(end), _) => self.blank_between(end, start),
        };
        if blank {
            self.lines.push(String::new());
        }
    }

    /// Lays out one top-level item: an entry or a comment line (blank
    /// lines are the separation rules' to write).
    fn item(&mut self, item: Item<'_>) {
        self.base = item.base;
        for pair in item.pair.into_inner() {
            match pair.as_rule() {
                G::comment => self.top_comment(&pair),
                _ => self.entry(pair),
            }
        }
    }

    /// Where `pair` starts and ends in `source`.
    fn bounds(&self, pair: &Pair<'_, G>) -> (usize, usize) {
        let span = pair.as_span();
        (self.base + span.start(), self.base + span.end())
    }

    fn top_comment(&mut self, pair: &Pair<'_, G>) {
        let (start, end) = self.bounds(pair);
        // A comment before an entry takes that entry's separation; the
        // grouping is decided when the entry comes, so look ahead.
        let next = next_entry_group(self.source, end);
        self.separate(start, next);
        self.lines.push(comment_text(pair.as_str()));
        self.previous = Some(Last::Comment(end));
    }

    fn entry(&mut self, pair: Pair<'_, G>) {
        let kind = group(pair.as_rule());
        let (start, _) = self.bounds(&pair);
        // A comment line right above already separated this entry.
        if !matches!(self.previous, Some(Last::Comment(_))) {
            self.separate(start, Some(kind));
        } else if let Some(Last::Comment(end)) = self.previous
            && self.blank_between(end, start)
        {
            self.lines.push(String::new());
        }
        let mut end = start;
        for item in pair.into_inner() {
            let (item_start, item_end) = self.bounds(&item);
            let on_same_line = !self
                .source
                .get(end..item_start)
                .unwrap_or("")
                .contains('\n');
            end = item_end;
            match item.as_rule() {
                G::comment if on_same_line => {
                    if let Some(last) = self.lines.last_mut() {
                        last.push_str("  ");
                        last.push_str(&comment_text(item.as_str()));
                    }
                }
                G::comment => self
                    .lines
                    .push(format!("  {}", comment_text(item.as_str()))),
                rule if is_head(rule) => {
                    let text = tokens(item, 0);
                    self.lines.extend(text.lines().map(str::to_owned));
                }
                _ => {
                    let text = tokens(item, 2);
                    let mut lines = text.lines();
                    if let Some(first) = lines.next() {
                        self.lines.push(format!("  {first}"));
                    }
                    self.lines.extend(lines.map(str::to_owned));
                }
            }
        }
        self.previous = Some(Last::Entry(kind, end));
    }
}

/// The grouping kind of the entry that starts after offset `from`, when the
/// lines in between hold only comments and blank lines.
fn next_entry_group(source: &str, from: usize) -> Option<Group> {
    let rest = source.get(from..)?;
    let line = rest
        .lines()
        .skip(1)
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let keyword = line.split([' ', '\t']).next()?;
    Some(match keyword {
        "plan" => Group::Plan,
        "concern" => Group::Concern,
        "goal" | "objective" => Group::Goal,
        "intervention" | "medication" => Group::Treatment,
        "measure" => Group::Measure,
        _ => Group::Dated,
    })
}

fn is_head(rule: G) -> bool {
    matches!(
        rule,
        G::plan_head
            | G::concern_head
            | G::goal_head
            | G::objective_head
            | G::intervention_head
            | G::medication_head
            | G::measure_head
            | G::session_head
            | G::review_head
            | G::event_head
            | G::safety_plan_head
            | G::discharge_head
    )
}

/// A comment as written, without trailing spaces or a carriage return.
fn comment_text(text: &str) -> String {
    text.trim_end_matches(['\r', ' ', '\t']).to_owned()
}

/// A header or field, its tokens single-spaced. `indent` is the column its
/// line starts at, for the continuation lines of multi-line strings.
fn tokens(pair: Pair<'_, G>, indent: usize) -> String {
    let keyword = pair.as_str().split([' ', '\t']).next().unwrap_or("");
    let mut out = String::from(keyword);
    let mut leaves = Vec::new();
    collect(pair, &mut leaves);
    // `range 0..10` joins the numbers around `..`; an id that itself ends
    // in `..` (`G1..`) keeps the space after it.
    let mut after_to = false;
    for leaf in leaves {
        let glue = match leaf.as_rule() {
            G::k_comma | G::k_to => "",
            _ if after_to => "",
            _ => " ",
        };
        after_to = leaf.as_rule() == G::k_to;
        out.push_str(glue);
        match leaf.as_rule() {
            G::string => out.push_str(&string(leaf.as_str(), indent + 2)),
            _ => out.push_str(leaf.as_str()),
        }
    }
    out
}

/// The leaf tokens under `pair`, in order: a pair with inner pairs (a `for`
/// clause, a target, `sustained 4 weeks`, `2 per week`, a `revise` change) is
/// a group of tokens; atomic pairs (ids, numbers, dates, strings, words) are
/// the tokens.
fn collect<'i>(pair: Pair<'i, G>, out: &mut Vec<Pair<'i, G>>) {
    for inner in pair.into_inner() {
        if inner.clone().into_inner().next().is_some() {
            collect(inner, out);
        } else {
            out.push(inner);
        }
    }
}

/// A string literal written canonically.
fn string(raw: &str, indent: usize) -> String {
    let value = text::decode(raw);
    if !value.contains('\n') || !raw.starts_with("\"\"\"") {
        return quote(&value);
    }
    let pad = " ".repeat(indent);
    let mut out = String::from("\"\"\"\n");
    for line in value.split('\n') {
        if !line.trim().is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
        out.push('\n');
    }
    out.push_str(&pad);
    out.push_str("\"\"\"");
    out
}

/// `value` as a one-line `"..."` string.
fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            other => out.push(other),
        }
    }
    out.push('"');
    out
}
