//! The formatter's guarantees (idempotent, meaning- and comment-preserving,
//! canonical) and `careplan fmt` on real files.

use crate::guarantees::holds;
use crate::test::{Test, repo_file, root};
use careplan::format::format;
use proptest::prelude::*;

/// Every plan text in the repository that parses: examples and fixtures.
pub(crate) fn corpus() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![root().join("examples"), root().join("tests/fixtures")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "careplan") {
                let text = std::fs::read_to_string(&path).expect("UTF-8");
                out.push((path.display().to_string(), text));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_example_and_fixture_keeps_its_meaning_and_comments() {
    let corpus = corpus();
    assert!(corpus.len() > 40);
    assert!(
        v2_corpus().len() >= 2,
        "the version-2 fixtures are formatted too"
    );
    for (name, text) in &corpus {
        holds(name, text);
    }
}

#[test]
fn the_examples_ship_formatted() {
    Test::new()
        .args([
            "fmt",
            "--check",
            root().join("examples").to_str().unwrap_or("."),
        ])
        .run()
        .status(0);
}

const TIDY: &str = r#"# Episode for C-7. Pseudonymous.
plan "Panic disorder"  # first episode
  client C-7
  opened 2026-09-01
  review every 8 weeks

concern panic "Panic attacks"
  diagnosis F41.0
concern mood "Low mood"

goal G1 "Fewer attacks" for panic, mood
  measure PHQ-9 baseline 16 target < 5
  due 2027-01-15

intervention I1 exposure interoceptive "Say \"no\" to \\ avoidance" for G1
  consent 2026-09-08

measure attacks "Attacks a week"
  range 0..50

session 2026-09-08
  # before the first field
  used I1 "Tolerated spinning"  # good
  score SUDS 80 -> 50
  note """
    Arrived anxious.
      - SUDS 70 at the stop

    Stayed until it fell.
    """

# about the review
review 2026-10-27
  status G1 improving
"#;

const MESSY: &str = "# Episode for C-7. Pseudonymous.\r\nplan   \"Panic disorder\"   # first episode  \r\n\tclient\tC-7\r\n      opened 2026-09-01\r\n\r\n\r\n  review   every  8   weeks\r\n\r\n\r\n\r\nconcern panic \"Panic attacks\"\r\n    diagnosis F41.0\r\nconcern mood \"Low mood\"\r\ngoal G1 \"Fewer attacks\" for panic,mood\r\n  measure PHQ-9 baseline 16 target <5\r\n  due 2027-01-15\r\n\r\nintervention I1 exposure interoceptive \"Say \\\"no\\\" to \\\\ avoidance\" for G1\r\n  consent 2026-09-08\r\nmeasure attacks \"Attacks a week\"\r\n  range 0 .. 50\r\nsession 2026-09-08\r\n# before the first field\r\n  used I1 \"Tolerated spinning\"   # good\r\n\r\n  score SUDS 80->50\r\n  note \"\"\"\r\n        Arrived anxious.\r\n          - SUDS 70 at the stop\r\n\r\n        Stayed until it fell.\r\n        \"\"\"\r\n\r\n\r\n# about the review\r\nreview 2026-10-27\r\n\tstatus G1 improving\r\n";

#[test]
fn a_messy_plan_formats_to_exactly_the_tidy_one() {
    assert_eq!(format(TIDY).as_deref(), Ok(TIDY));
    // The messy text has CRLF line endings, which the formatter keeps.
    let formatted = format(MESSY).expect("formats");
    assert_eq!(formatted.replace("\r\n", "\n"), TIDY);
    assert!(formatted.split_inclusive('\n').all(|l| l.ends_with("\r\n")));
    holds("messy", MESSY);
}

#[test]
fn messy_inputs_before_and_after() {
    let cases = [
        (
            "tabs-and-spacing",
            "plan\t\"x\"\n\topened\t2026-09-01\n   client   C-1\ngoal G1 \"a\"\n\t\tdue 2027-01-01\n",
        ),
        (
            "strings",
            "plan \"x\"\n  opened 2026-09-01\n  rationale \"\"\"one line\"\"\"\n  clinician \"A \\\"quoted\\\" name\\nsecond line\"\n",
        ),
        (
            "comments-everywhere",
            "# top\n\n# above the plan\nplan \"x\" # on the header\n# col-0 inside\n  opened 2026-09-01 # on a field\n  # indented\n\n# above the session\nsession 2026-09-08\n  used I1 \"ok\"\n# trailing at the end\n",
        ),
        (
            // Found by fuzzing: the text starts on the field's line, and its
            // last line ends in a space before the closing quotes.
            "triple-string-on-the-field-line",
            "plan \"x\"\n  opened 2026-09-01\nintervention I1 CBT \"\"\"first\nsecond \"\"\"\n",
        ),
        (
            "grouping",
            "concern a \"A\"\n\n\n\nconcern b \"B\"\nconcern c \"C\"\nsession 2026-09-01\n  used I1 \"x\"\nsession 2026-09-02\n  used I1 \"y\"\n",
        ),
    ];
    for (name, before) in cases {
        let after = format(before).expect("formats");
        holds(name, before);
        insta::assert_snapshot!(
            format!("fmt-{name}"),
            format!("{before}\n----- after -----\n{after}")
        );
    }
}

/// The fixture that holds every construct of language version 2, canonical.
const EVERY_V2: &str = "tests/fixtures/every-construct-v2.careplan";

#[test]
fn every_v2_construct_formats_canonically() {
    let tidy = repo_file(EVERY_V2);
    assert_eq!(format(&tidy).as_deref(), Ok(tidy.as_str()));
    // Odd spacing inside every v2 construct, blank lines between a goal and
    // its objectives, and CRLF line endings.
    let messy = tidy
        .replace("\nobjective O2", "\n\n\nobjective  O2")
        .replace("sustained 4 weeks", "sustained\t4   weeks")
        .replace("sustained 3 sessions", "sustained 3\tsessions")
        .replace("for G1, G2  #", "for G1 ,G2 #")
        .replace("2 per week", "2  per\tweek")
        .replace("course 12 sessions", "course\t12  sessions")
        .replace("target NPRS <= 2", "target   NPRS <=2")
        .replace(
            "revise I1 course 16 sessions",
            "revise  I1 course 16    sessions",
        )
        .replace("dose M1 \"100", "dose\tM1  \"100")
        .replace("attendance no-show", "attendance   no-show")
        .replace("risk high \"Said", "risk   high\t\"Said")
        .replace(
            "discharge 2027-01-11 transferred",
            "discharge  2027-01-11\ttransferred ",
        )
        .replace("  referral", "\n    referral")
        .replace('\n', "\r\n");
    let formatted = format(&messy).expect("formats");
    assert_eq!(formatted.replace("\r\n", "\n"), tidy);
    holds("v2 messy", &messy);
}

#[test]
fn objectives_stand_with_their_goal_and_the_discharge_is_an_entry() {
    let before = "goal G1 \"Recover\"\n  due 2027-03-31\n\n\nobjective O1 \"PHQ-9 below 10\" for G1\n      measure PHQ-9 baseline 21 target <10 sustained 4 weeks\n\n# the second step\nobjective O2 \"Work\" for G1\nintervention I1 CBT \"x\" for O1,O2\n   frequency 1 per week\n   course 16 sessions\ndischarge 2027-01-11 completed\n\tstatus G1 achieved\n";
    let after = format(before).expect("formats");
    holds("objectives", before);
    insta::assert_snapshot!(
        "fmt-objectives-and-discharge",
        format!("{before}\n----- after -----\n{after}")
    );
}

#[test]
fn a_file_with_syntax_errors_is_left_untouched() {
    let bad = "plan \"x\"\n  opened 2026-09-01\n\nsesion 2026-09-08\n";
    let out = Test::new()
        .file("bad.careplan", bad)
        .args(["fmt", "bad.careplan"])
        .run()
        .status(1);
    assert_eq!(out.read("bad.careplan"), bad);
    assert!(
        out.stderr.contains("error[syntax]: unknown entry `sesion`"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("bad.careplan:4:1"), "{}", out.stderr);
    assert!(out.stderr.contains("left unchanged"), "{}", out.stderr);
    assert!(
        out.stderr
            .ends_with("reformatted 0 of 1 file; 1 could not be formatted (see above)\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn fmt_rewrites_in_place_keeping_permissions_and_skips_tidy_files() {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    let test = Test::new()
        .file("messy.careplan", MESSY)
        .file("tidy.careplan", TIDY);
    std::fs::set_permissions(
        test_path(&test, "messy.careplan"),
        std::fs::Permissions::from_mode(0o640),
    )
    .expect("chmod");
    let tidy_inode = std::fs::metadata(test_path(&test, "tidy.careplan"))
        .expect("tidy")
        .ino();
    let out = test.args(["fmt", "."]).run().status(0);
    assert_eq!(out.read("messy.careplan").replace("\r\n", "\n"), TIDY);
    let messy = std::fs::metadata(out.path("messy.careplan")).expect("messy");
    assert_eq!(messy.permissions().mode() & 0o777, 0o640);
    let tidy = std::fs::metadata(out.path("tidy.careplan")).expect("tidy");
    assert_eq!(tidy.ino(), tidy_inode, "an unchanged file is not rewritten");
    assert!(
        out.stderr.contains("reformatted 1 of 2 files"),
        "{}",
        out.stderr
    );
    let leftovers = std::fs::read_dir(out.path("."))
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0);
}

fn test_path(test: &Test, relative: &str) -> std::path::PathBuf {
    test.root().join(relative)
}

#[test]
fn check_and_diff_change_nothing() {
    let out = Test::new()
        .file("messy.careplan", MESSY)
        .args(["fmt", "--check", "messy.careplan"])
        .run()
        .status(1);
    assert_eq!(out.stdout, "messy.careplan: not formatted\n");
    assert_eq!(out.read("messy.careplan"), MESSY);
    let out = Test::new()
        .file("a.careplan", "plan \"x\"\n  opened  2026-09-01\n")
        .args(["fmt", "--diff", "a.careplan"])
        .run()
        .status(1);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn stdin_formats_to_stdout() {
    let out = Test::new()
        .args(["fmt", "-", "--stdin-filepath", "c-7.careplan"])
        .stdin(MESSY)
        .run()
        .status(0);
    assert_eq!(out.stdout.replace("\r\n", "\n"), TIDY);
    let bad = Test::new()
        .args(["fmt", "-", "--stdin-filepath", "c-7.careplan"])
        .stdin("plan \"x\"\nsesion 2026-01-01\n")
        .run()
        .status(1);
    assert_eq!(
        bad.stdout, "plan \"x\"\nsesion 2026-01-01\n",
        "unparsable input comes back unchanged"
    );
    assert!(bad.stderr.contains("c-7.careplan:2:1"), "{}", bad.stderr);
}

/// Inserts layout noise that must not change the formatted result: extra
/// spaces and tabs after the indentation and between tokens, and blank lines.
fn mess_up(text: &str, noise: &[u8]) -> String {
    let mut out = String::new();
    let mut in_triple = false;
    for (i, line) in text.lines().enumerate() {
        let n = noise.get(i % noise.len().max(1)).copied().unwrap_or(0);
        if line.matches("\"\"\"").count() % 2 == 1 {
            in_triple = !in_triple;
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if in_triple || line.contains('"') || line.contains('#') || line.trim().is_empty() {
            out.push_str(line);
        } else if let Some(body) = line.strip_prefix("  ") {
            out.push_str(if n % 2 == 0 { "\t" } else { "    " });
            out.push_str(&body.replace(' ', if n % 3 == 0 { "\t " } else { "  " }));
        } else {
            out.push_str(&line.replace(' ', "   "));
        }
        out.push('\n');
        let comment_near = line.trim_start().starts_with('#')
            || text
                .lines()
                .nth(i + 1)
                .is_some_and(|next| next.trim_start().starts_with('#'));
        if n % 5 == 0 && !in_triple && !comment_near {
            out.push('\n');
        }
    }
    out
}

/// The version-2 plans in the repository: the contract's example and the
/// fixtures that use objectives or a discharge (the published plans in
/// tests/fixtures/real/ among them).
fn v2_corpus() -> Vec<(String, String)> {
    corpus()
        .into_iter()
        .filter(|(_, text)| text.contains("\nobjective ") || text.contains("\ndischarge "))
        .filter(|(_, text)| format(text).is_ok())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn v2_plans_format_canonically_under_layout_noise(pick in any::<prop::sample::Index>(), noise in prop::collection::vec(any::<u8>(), 1..16)) {
        let plans = v2_corpus();
        prop_assume!(!plans.is_empty());
        let (name, text) = pick.get(&plans);
        let tidy = format(text).expect("filtered on formatting");
        let messy = mess_up(&tidy, &noise);
        holds(name, &messy);
        prop_assert_eq!(format(&messy).expect("still parses"), tidy.replace("\r\n", "\n"), "{}", name);
    }

    #[test]
    fn generated_plans_format_canonically(seed in any::<u64>(), noise in prop::collection::vec(any::<u8>(), 1..16)) {
        let text = crate::generate::plan(seed, 12);
        let tidy = format(&text).expect("generated plans parse");
        let messy = mess_up(&tidy, &noise);
        holds("generated", &text);
        // `mess_up` writes LF; the plan may have been generated with CRLF.
        prop_assert_eq!(format(&messy).expect("still parses"), tidy.replace("\r\n", "\n"));
    }
}

#[test]
fn the_contract_examples_are_already_canonical() {
    for path in [
        "tests/fixtures/contract-example.careplan",
        "tests/fixtures/contract-example-v2.careplan",
    ] {
        let text = repo_file(path);
        assert_eq!(format(&text).as_deref(), Ok(text.as_str()), "{path}");
    }
}
