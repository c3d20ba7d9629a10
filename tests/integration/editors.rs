//! The editor grammars take their keywords and value-set words from the Rust
//! vocabulary, so they cannot drift from the language: the tree-sitter
//! grammar requires a generated `words.js`, and the TextMate grammar's regexes
//! hold generated word lists between `(?#words:NAME)` and `(?#end)` (an
//! Oniguruma comment, so the regex means the same with the markers in).
//! Run with `UPDATE_EDITORS=1` to rewrite both (then `tree-sitter generate` in
//! editors/tree-sitter-careplan; editors/test checks its output is committed).

use careplan::vocabulary::{ENTRIES, FIELDS};
use careplan::words::{
    Achievement, Attendance, Better, Cadence, Care, Comparator, DischargeKind, EventKind,
    ExtentUnit, Integration, Per, Risk, SessionFormat, Stage, Unit,
};
use std::path::Path;

const UPDATE: &str = "UPDATE_EDITORS=1 cargo test --test integration editors";

/// Every closed value set, by the name the grammars use for it, each word
/// in the language reference's order.
fn value_sets() -> Vec<(&'static str, Vec<&'static str>)> {
    // A unit is written plural or singular (`1 week`): the singular forms are
    // those the language itself reads back to a unit.
    fn with_singulars(
        words: &'static [&'static str],
        reads: impl Fn(&str) -> bool,
    ) -> Vec<&'static str> {
        let mut all = Vec::new();
        for word in words {
            all.push(*word);
            if let Some(singular) = word.strip_suffix('s').filter(|s| reads(s)) {
                all.push(singular);
            }
        }
        all
    }
    vec![
        ("stage", Stage::WORDS.to_vec()),
        ("achievement", Achievement::WORDS.to_vec()),
        ("integration", Integration::WORDS.to_vec()),
        ("care", Care::WORDS.to_vec()),
        ("risk", Risk::WORDS.to_vec()),
        ("better", Better::WORDS.to_vec()),
        ("format", SessionFormat::WORDS.to_vec()),
        ("event", EventKind::WORDS.to_vec()),
        ("cadence", Cadence::WORDS.to_vec()),
        ("attendance", Attendance::WORDS.to_vec()),
        ("discharge", DischargeKind::WORDS.to_vec()),
        (
            "extent-unit",
            with_singulars(ExtentUnit::WORDS, |w| {
                ExtentUnit::from_word_or_singular(w).is_some()
            }),
        ),
        ("per", Per::WORDS.to_vec()),
        (
            "unit",
            with_singulars(Unit::WORDS, |w| Unit::from_word_or_singular(w).is_some()),
        ),
        ("comparator", Comparator::WORDS.to_vec()),
    ]
}

/// The entry keywords and the field keywords, in reference order.
fn keywords() -> [(&'static str, Vec<&'static str>); 2] {
    [
        ("entries", ENTRIES.iter().map(|e| e.keyword).collect()),
        ("fields", FIELDS.iter().map(|f| f.keyword).collect()),
    ]
}

/// Every list a grammar may name: the keywords, then the value sets.
fn lists() -> Vec<(&'static str, Vec<&'static str>)> {
    keywords().into_iter().chain(value_sets()).collect()
}

fn json(words: &[&str]) -> String {
    serde_json::to_string(words).unwrap_or_default()
}

/// `editors/tree-sitter-careplan/words.js`, which grammar.js requires.
fn words_js() -> String {
    let mut out = format!(
        "// Generated from src/vocabulary.rs and src/words.rs by `{UPDATE}`; do not edit.\n\
         // grammar.js gives each entry and field its shape, and fails to generate when\n\
         // the two disagree.\nmodule.exports = {{\n"
    );
    for (name, words) in keywords() {
        out.push_str(&format!("  {name}: {},\n", json(&words)));
    }
    out.push_str("  values: {\n");
    for (name, words) in value_sets() {
        out.push_str(&format!("    \"{name}\": {},\n", json(&words)));
    }
    out.push_str("  },\n};\n");
    out
}

/// A regex alternation of `words`, longest first so that no word stops at
/// a shorter one it starts with (`sessions` before `session`).
fn alternation(name: &str, words: &[&str]) -> String {
    let mut sorted = words.to_vec();
    sorted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    for word in &sorted {
        // Words are letters, `-` and comparators: none needs escaping in a
        // regex or in JSON. Anything else would need both.
        assert!(
            word.chars()
                .all(|c| c.is_ascii_lowercase() || "-<>=".contains(c)),
            "the word `{word}` of `{name}` needs escaping in the TextMate grammar"
        );
    }
    sorted.join("|")
}

/// `text` with the list between every `(?#words:NAME)` and `(?#end)`
/// rendered afresh; panics on a marker naming no list.
fn fill_markers(text: &str, lists: &[(&str, Vec<&str>)]) -> String {
    let (open, close) = ("(?#words:", "(?#end)");
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(open) {
        let after = &rest[at + open.len()..];
        let name_end = after.find(')').expect("a (?#words:NAME) marker is closed");
        let name = &after[..name_end];
        let body = &after[name_end + 1..];
        let end = body
            .find(close)
            .unwrap_or_else(|| panic!("(?#words:{name}) has no (?#end)"));
        let words = lists
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, w)| w)
            .unwrap_or_else(|| panic!("(?#words:{name}) names no generated list"));
        out.push_str(&rest[..at]);
        out.push_str(open);
        out.push_str(name);
        out.push(')');
        out.push_str(&alternation(name, words));
        out.push_str(close);
        rest = &body[end + close.len()..];
    }
    out.push_str(rest);
    out
}

/// Compares `path` with `expected`, writing it first under `UPDATE_EDITORS`.
fn up_to_date(path: &Path, expected: &str) {
    if std::env::var_os("UPDATE_EDITORS").is_some() {
        std::fs::write(path, expected).expect("write the generated grammar file");
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "{} does not match the Rust vocabulary: run `{UPDATE}` and commit it",
        path.display()
    );
}

fn editors() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/editors"))
}

#[test]
fn tree_sitter_words_match_the_vocabulary() {
    up_to_date(
        &editors().join("tree-sitter-careplan/words.js"),
        &words_js(),
    );
}

#[test]
fn textmate_words_match_the_vocabulary() {
    let path = editors().join("vscode/syntaxes/careplan.tmLanguage.json");
    let text = std::fs::read_to_string(&path).expect("the TextMate grammar");
    for list in ["entries", "fields"] {
        assert!(
            text.contains(&format!("(?#words:{list})")),
            "the TextMate grammar highlights no generated list of {list}"
        );
    }
    up_to_date(&path, &fill_markers(&text, &lists()));
}

#[test]
fn every_value_set_reaches_the_grammars() {
    // A value set added to src/words.rs must be listed in `value_sets` above
    // (and given to the grammars' fields), or the editors would not know it.
    let source = include_str!("../../src/words.rs");
    let defined = source
        .lines()
        .filter(|l| l.starts_with("word_enum!("))
        .count();
    assert_eq!(
        defined,
        value_sets().len(),
        "src/words.rs defines {defined} value sets but tests/integration/editors.rs lists {}: \
         add the new one to `value_sets`, then run `{UPDATE}`",
        value_sets().len()
    );
}

#[test]
fn markers_are_filled_longest_word_first() {
    let lists = [("unit", vec!["day", "days"])];
    assert_eq!(
        fill_markers("^((?#words:unit)x(?#end))\\b", &lists),
        "^((?#words:unit)days|day(?#end))\\b"
    );
}
