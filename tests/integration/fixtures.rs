//! Rule fixtures: `tests/fixtures/rules/<rule>/*.careplan`.
//!
//! A fixture states what it expects in comments: `# expect: RULE@LINE:COL`
//! (one per finding). A file whose name starts with `passes` expects no
//! finding at all; every other file expects exactly the findings it lists.
//! Every rule has at least one fixture that fires it and one that passes.

use careplan::emit::{FileReport, human};
use careplan::span::LineIndex;
use careplan::{CheckOptions, Rule, check};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::test::TODAY_DATE as TODAY;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// Every fixture file with its rule's directory name, sorted.
pub fn fixtures() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(fixture_dir())
        .expect("fixture dir")
        .flatten()
    {
        let rule = dir.file_name().to_string_lossy().into_owned();
        for file in std::fs::read_dir(dir.path()).expect("rule dir").flatten() {
            if file.path().extension().is_some_and(|e| e == "careplan") {
                out.push((rule.clone(), file.path()));
            }
        }
    }
    out.sort();
    out
}

/// A fixture's file name without `.careplan` (`fires`, `passes-when-dated`).
fn stem(path: &Path) -> String {
    path.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn expectations(source: &str) -> BTreeSet<(String, usize, usize)> {
    source
        .lines()
        .filter_map(|line| line.split_once("# expect: ").map(|(_, e)| e.trim()))
        .filter_map(|e| {
            let (rule, at) = e.split_once('@')?;
            let (line, col) = at.split_once(':')?;
            Some((rule.to_owned(), line.parse().ok()?, col.parse().ok()?))
        })
        .collect()
}

fn findings(source: &str) -> BTreeSet<(String, usize, usize)> {
    let index = LineIndex::new(source);
    check(source, &CheckOptions::new(TODAY))
        .diagnostics
        .iter()
        .map(|d| {
            let at = index.line_col(source, d.span.start);
            (d.rule.name().to_owned(), at.line, at.column)
        })
        .collect()
}

#[test]
fn every_fixture_fires_exactly_what_it_expects() {
    let mut failures = Vec::new();
    for (rule, path) in fixtures() {
        let source = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        let expected = expectations(&source);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with("passes") {
            assert!(
                expected.is_empty(),
                "{}: a passes fixture expects nothing",
                path.display()
            );
        } else {
            assert!(
                expected.iter().any(|(r, _, _)| *r == rule),
                "{}: a fixture must expect its own rule `{rule}`",
                path.display()
            );
        }
        let found = findings(&source);
        if found != expected {
            failures.push(format!(
                "{}\n  expected: {expected:?}\n  found:    {found:?}",
                path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "fixtures disagree:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_checked_rule_has_a_firing_and_a_passing_fixture() {
    let all = fixtures();
    // `not-text` is about files that are not text; the CLI tests cover it.
    for rule in Rule::ALL.iter().filter(|r| **r != Rule::NotText) {
        let name = rule.name();
        let files: Vec<_> = all.iter().filter(|(r, _)| r == name).collect();
        let passes = files.iter().any(|(_, p)| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("passes"))
        });
        let fires = files.iter().any(|(_, p)| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("passes"))
        });
        assert!(
            fires && passes,
            "rule `{name}` needs fixtures that fire and that pass in tests/fixtures/rules/{name}/"
        );
    }
}

/// The human output for every fixture that fires, as a user sees it.
#[test]
fn firing_fixtures_render_as_snapshotted() {
    for (rule, path) in fixtures() {
        let stem = stem(&path);
        if stem.starts_with("passes") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        let diagnostics = check(&source, &CheckOptions::new(TODAY)).diagnostics;
        let display = format!("{rule}/{stem}.careplan");
        let report = FileReport {
            path: &display,
            source: &source,
            diagnostics: &diagnostics,
        };
        insta::assert_snapshot!(format!("{rule}-{stem}"), human::render(&report, false));
    }
}

/// The contract's two examples check with no finding at all: version 1 on
/// the fixtures' date, version 2 on the date the contract names.
#[test]
fn the_contract_examples_check_with_no_finding() {
    for (file, today) in [
        (
            "tests/fixtures/contract-example.careplan",
            crate::test::TODAY,
        ),
        ("tests/fixtures/contract-example-v2.careplan", "2027-03-01"),
    ] {
        let out = crate::test::Test::new()
            .file("c.careplan", crate::test::repo_file(file))
            .args(["check", "--today", today, "c.careplan"])
            .run()
            .status(0);
        assert!(
            out.stdout.ends_with("checked 1 file: no problems found\n"),
            "{file}: {}",
            out.stdout
        );
    }
}

/// Each fix a firing fixture's findings offer (but allowing the rule, which
/// every finding offers), as the text it would leave: its title, whether
/// `check --fix` applies it, and the lines it changes.
#[test]
fn fixes_render_as_snapshotted() {
    for (rule, path) in fixtures() {
        let stem = stem(&path);
        let source = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        let index = LineIndex::new(&source);
        let mut shown = String::new();
        for finding in check(&source, &CheckOptions::new(TODAY)).diagnostics {
            let at = index.line_col(&source, finding.span.start);
            for fix in finding
                .fixes
                .iter()
                .filter(|f| !f.title.starts_with("Allow `"))
            {
                let after = careplan::fix::apply(&source, [fix]).text;
                let diff = similar::TextDiff::from_lines(&source, &after);
                shown.push_str(&format!(
                    "{}@{}:{}: {} ({})\n{}\n",
                    finding.rule,
                    at.line,
                    at.column,
                    fix.title,
                    if fix.safe { "safe" } else { "needs judgement" },
                    diff.unified_diff().context_radius(1)
                ));
            }
        }
        if !shown.is_empty() {
            insta::assert_snapshot!(format!("fix-{rule}-{stem}"), shown);
        }
    }
}

/// `check --fix` on every fixture: it never leaves more findings than it
/// found, leaves nothing it could fix again, and changes nothing when it
/// applies nothing.
#[test]
fn autofix_only_removes_findings() {
    for (_, path) in fixtures() {
        let source = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        let options = CheckOptions::new(TODAY);
        let before = check(&source, &options).diagnostics;
        let fixed = careplan::autofix(&source, &options);
        let after = &fixed.analysis.diagnostics;
        assert!(
            after.len() <= before.len(),
            "{}: fixing added findings: {:?}",
            path.display(),
            after.iter().map(|d| d.rule.name()).collect::<Vec<_>>()
        );
        assert!(
            careplan::autofix(&fixed.text, &options).applied.is_empty(),
            "{}: a second --fix still finds something to fix",
            path.display()
        );
        if fixed.applied.is_empty() {
            assert_eq!(fixed.text, source, "{}", path.display());
        }
    }
}
