//! `--jobs`: many files checked, formatted and summarised on several
//! threads print exactly what one thread prints, in the same order.

use crate::generate::corpus;
use crate::test::{TODAY, Test};

/// A folder of 24 generated plans (their findings vary: overdue reviews and
/// goals as of [`TODAY`]), one with a syntax error, one not formatted, one
/// that is not text and one configured by a `careplan.toml` of its own.
fn caseload() -> Test {
    let mut test = Test::new();
    for (n, text) in corpus(24).into_iter().enumerate() {
        test = test.file(&format!("plans/p{:02}/c-{n}.careplan", n % 7), text);
    }
    test.file(
        "plans/bad.careplan",
        "plan \"Low mood\"\n  opened 2026-09-01\n\nsesion 2026-09-08\n",
    )
    .file(
        "plans/loose.careplan",
        "plan   \"Low mood\"\n    opened 2026-09-01\n",
    )
    .file("plans/binary.careplan", "not a plan \u{1}\u{0}")
    .file(
        "plans/p03/careplan.toml",
        "[rules]\nreview-overdue = \"off\"\n",
    )
}

/// The exit code, standard output and standard error of `args` run over
/// the caseload with `--jobs N`.
fn run(jobs: &str, args: &[&str]) -> (i32, String, String) {
    let out = caseload()
        .args(args.iter().copied())
        .args(["--jobs", jobs])
        .run();
    (out.status, out.stdout, out.stderr)
}

#[test]
fn check_prints_the_same_on_one_thread_and_several() {
    for format in ["human", "json", "sarif", "github"] {
        let args = ["check", "--today", TODAY, "--format", format, "plans"];
        let one = run("1", &args);
        assert!(
            one.1.len() > 1000,
            "{format}: the findings are shown\n{}",
            one.1
        );
        assert_eq!(one, run("4", &args), "{format}");
    }
}

#[test]
fn fmt_and_summary_print_the_same_on_one_thread_and_several() {
    for args in [
        &["fmt", "--check", "plans"][..],
        &["fmt", "--diff", "plans"],
        &["summary", "--today", TODAY, "plans"],
        &["summary", "--today", TODAY, "--format", "json", "plans"],
    ] {
        let one = run("1", args);
        assert!(!one.1.is_empty(), "{args:?}: something is printed");
        assert_eq!(one, run("3", args), "{args:?}");
    }
}

#[test]
fn jobs_must_be_at_least_one() {
    let out = Test::new()
        .args(["check", "--jobs", "0", "."])
        .run()
        .status(2);
    assert!(out.stderr.contains("--jobs"), "{}", out.stderr);
}
