//! Parsing and checking never panic: on arbitrary text, and on random
//! damage to real plans (the mistakes people make while typing).

use careplan::{CheckOptions, check};
use proptest::prelude::*;

fn examples() -> Vec<String> {
    let mut texts = vec![crate::test::repo_file(
        "tests/fixtures/contract-example.careplan",
    )];
    let dir = crate::test::root().join("examples");
    for entry in std::fs::read_dir(dir).expect("examples/").flatten() {
        if entry.path().extension().is_some_and(|e| e == "careplan") {
            texts.push(std::fs::read_to_string(entry.path()).expect("example is UTF-8"));
        }
    }
    texts
}

/// Checks `text` and verifies every finding's span lies inside it.
fn check_survives(text: &str) {
    let options = CheckOptions::new(crate::test::TODAY_DATE);
    crate::harness::spans_inside(text, &check(text, &options).diagnostics);
}

/// Characters that matter to the grammar, weighted toward its edges.
fn plan_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            ' ', '\t', '\n', '\r', '"', '\\', '#', '-', '.', ',', '<', '>', '=', '0', '9', 'a', 'é',
            '\u{FEFF}', '\0',
        ]),
        1 => any::<char>(),
    ]
}

/// An edit: replace bytes `at..at+len` of a plan with `insert`.
fn edit() -> impl Strategy<Value = (prop::sample::Index, usize, String)> {
    (
        any::<prop::sample::Index>(),
        0usize..12,
        prop::collection::vec(plan_char(), 0..8).prop_map(|c| c.into_iter().collect()),
    )
}

fn apply(text: &str, (at, len, insert): &(prop::sample::Index, usize, String)) -> String {
    let mut start = at.index(text.len().max(1)).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + len).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    format!("{}{insert}{}", &text[..start], &text[end..])
}

/// Inputs the property tests once found: each must keep surviving.
#[test]
fn found_cases_survive() {
    for text in [" \r", "\t\r", "plan \"x\"\n \r", " \r\n"] {
        check_survives(text);
    }
}

/// Every input a fuzz target once failed on (`tests/fixtures/fuzz/TARGET/`),
/// replayed through that target's assertions.
#[test]
fn fuzz_findings_stay_fixed() {
    /// A target's assertions for one input: its name, then its text.
    type Holds = fn(&str, &str);
    let targets: [(&str, Holds); 3] = [
        ("check", |_, text| crate::harness::check_everything(text)),
        ("format", crate::guarantees::holds),
        ("repl", |_, text| crate::harness::repl(text)),
    ];
    let mut replayed = 0;
    for (target, holds) in targets {
        // git keeps no empty folder: a target nothing was found for has none.
        let dir = crate::test::root().join("tests/fixtures/fuzz").join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).expect("a fuzz input");
            if let Ok(text) = std::str::from_utf8(&bytes) {
                holds(&entry.path().display().to_string(), text);
                replayed += 1;
            }
        }
    }
    // The `lsp` target's inputs are bytes, not text.
    if let Ok(entries) = std::fs::read_dir(crate::test::root().join("tests/fixtures/fuzz/lsp")) {
        for entry in entries.flatten() {
            crate::lsp::fuzz::session(&std::fs::read(entry.path()).expect("a fuzz input"));
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no fuzz inputs were replayed");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// A few random editor sessions per run (the `lsp` fuzz target runs
    /// as many as it is given time for): the server answers every request
    /// and survives every edit.
    #[test]
    fn random_editor_sessions_never_take_the_server_down(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        crate::lsp::fuzz::session(&bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in prop::collection::vec(plan_char(), 0..400)) {
        let text: String = text.into_iter().collect();
        check_survives(&text);
    }

    #[test]
    fn damaged_examples_never_panic(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let texts = examples();
        let mut text = texts.get(which.index(texts.len())).cloned().unwrap_or_default();
        for e in &edits {
            text = apply(&text, e);
        }
        check_survives(&text);
    }

    #[test]
    fn lines_of_plans_never_panic(lines in prop::collection::vec(
        prop::sample::select(LINES.to_vec()),
        0..40,
    )) {
        check_survives(&lines.join("\n"));
    }

    /// A REPL session typed line by line, commands included, then completion
    /// and highlighting at every point of what was typed.
    #[test]
    fn repl_sessions_never_panic(lines in prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(LINES.to_vec()).prop_map(str::to_owned),
            1 => prop::sample::select(COMMANDS.to_vec()).prop_map(str::to_owned),
            1 => prop::collection::vec(plan_char(), 0..12).prop_map(|c| c.into_iter().collect()),
        ],
        0..30,
    )) {
        use careplan::session::{Assembler, Session, complete, highlight};
        let mut session = Session::new(CheckOptions::new(crate::test::TODAY_DATE));
        let mut input = Assembler::default();
        for line in &lines {
            for done in input.push(line) {
                session.enter(done);
            }
        }
        for done in input.finish() {
            session.enter(done);
        }
        let typed = lines.join("\n");
        for (at, _) in typed.char_indices().chain([(typed.len(), ' ')]) {
            let before = &typed[..at];
            let completion = complete(before, &session);
            prop_assert!(completion.start <= before.len());
            for (range, _) in highlight(before, &session) {
                prop_assert!(before.get(range).is_some());
            }
        }
    }
}

/// Lines people type, right and wrong.
const LINES: &[&str] = &[
    "plan \"x\"",
    "  opened 2026-09-01",
    "goal G1 \"g\" for c",
    "  measure PHQ-9 baseline 30 target < 5",
    "intervention I1 exposure ERP for G1",
    "session 2026-02-30",
    "  used I1",
    "  score PHQ-9 99 -> -1",
    "review 2026-10-01",
    "  stop I1",
    "  status G1 achieved",
    "  revise G1 due 2027-13-01",
    "medication M1 \"St John's wort\" for G1",
    "  started 2026-08-01",
    "  stopped 2026-07-01",
    "event 2026-09-09 crisis \"x\"",
    "safety-plan 2026-09-10",
    "\"\"\"",
    "  note \"\"\"",
    "# c",
    "measure m \"m\"",
    "  range 10..1",
    "  review every 0 days",
    "\t\tused I1 \"ok\"",
    "",
];

/// REPL commands, right and wrong (none that reads or writes files).
const COMMANDS: &[&str] = &[
    ":check",
    ":undo",
    ":goals",
    ":timeline",
    ":show G1",
    ":show I1",
    ":show M1",
    ":show PHQ-9",
    ":show m",
    ":show c",
    ":show",
    ":summary",
    ":summary json",
    ":summary markdown",
    ":as-of 2026-10-01",
    ":as-of 2026-02-30",
    ":as-of today",
    ":today 2027-01-01",
    ":today x",
    ":explain plateau",
    ":explain",
    ":help",
    ":rules",
    ":sh",
    ":save",
    ":quit",
    ":",
];

/// The generator used by these tests and the benchmarks writes valid plans.
mod generated {
    use crate::generate::{corpus, plan, plan_forms};
    use careplan::{CheckOptions, Rule, Severity, check, parse};

    #[test]
    fn generated_plans_parse_without_syntax_or_date_findings() {
        for seed in [0, 1, 7, 42, 2026, u64::MAX] {
            let text = plan(seed, 40);
            let bad: Vec<_> = parse(&text)
                .diagnostics
                .into_iter()
                .filter(|d| matches!(d.rule, Rule::Syntax | Rule::InvalidDate))
                .collect();
            assert!(bad.is_empty(), "seed {seed}: {bad:#?}\n{text}");
        }
    }

    #[test]
    fn the_typed_json_and_the_ledger_hold_the_plans_entries() {
        for seed in [0, 7, 2026] {
            let forms = plan_forms(seed, 60);
            let written: Vec<&str> = parse(&forms.careplan)
                .document
                .entries
                .iter()
                .map(|e| e.keyword())
                .collect();
            let json: serde_json::Value =
                serde_json::from_str(&forms.json()).expect("the typed form is JSON");
            let typed: Vec<String> = json["entries"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e.as_object()?.keys().next().cloned())
                .filter(|kind| kind != "comment")
                .map(|kind| kind.replace('_', "-"))
                .collect();
            assert_eq!(typed, written, "seed {seed}");
            let ledger = forms.beancount("Plan");
            let sessions = written.iter().filter(|k| **k == "session").count();
            assert_eq!(ledger.matches("* \"session\"").count(), sessions);
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_plan() {
        assert_eq!(plan(42, 30), plan(42, 30));
        assert_ne!(plan(42, 30), plan(43, 30));
        assert_eq!(corpus(5), corpus(5));
    }

    #[test]
    fn a_corpus_of_generated_plans_checks_with_no_error() {
        let today = crate::test::TODAY_DATE;
        let options = CheckOptions::new(today);
        let plans = corpus(30);
        for (i, text) in plans.iter().enumerate() {
            let errors: Vec<_> = check(text, &options)
                .diagnostics
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            assert!(errors.is_empty(), "plan {i}: {errors:#?}\n{text}");
        }
        let distinct: std::collections::HashSet<&String> = plans.iter().collect();
        assert_eq!(distinct.len(), plans.len(), "every plan differs");
    }
}
