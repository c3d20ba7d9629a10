//! The `careplan` binary end to end: real files, real exit codes.

use crate::test::{TODAY, Test, repo_file, root};

#[test]
fn examples_check_clean() {
    let examples = root().join("examples");
    let out = Test::new()
        .args(["check", "--today", TODAY, examples.to_str().unwrap_or(".")])
        .run()
        .status(0);
    assert!(
        out.stdout.ends_with("checked 7 files: no problems found\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_contract_example_checks_clean() {
    Test::new()
        .file(
            "c.careplan",
            repo_file("tests/fixtures/contract-example.careplan"),
        )
        .args(["check", "--today", TODAY, "c.careplan"])
        .run()
        .status(0);
}

#[test]
fn a_finding_shows_path_line_column_snippet_and_help() {
    let out = Test::new()
        .file(
            "plans/c-1.careplan",
            repo_file("tests/fixtures/rules/unlinked-intervention/fires.careplan"),
        )
        .args(["check", "--today", TODAY, "plans"])
        .run()
        .status(1);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn a_directory_mixing_good_and_bad_files_reports_only_the_bad() {
    let out = Test::new()
        .file(
            "good.careplan",
            repo_file("tests/fixtures/contract-example.careplan"),
        )
        .file(
            "nested/bad.careplan",
            "plan \"Low mood\"\n  opened 2026-09-01\n\nsesion 2026-09-08\n",
        )
        .file("notes.txt", "not a plan \u{1}")
        .args(["check", "--today", TODAY, "."])
        .run()
        .status(1);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn no_paths_means_the_current_directory() {
    let out = Test::new()
        .file(
            "a.careplan",
            repo_file("tests/fixtures/contract-example.careplan"),
        )
        .args(["check", "--today", TODAY])
        .run()
        .status(0);
    assert!(out.stdout.contains("checked 1 file"), "{}", out.stdout);
}

#[test]
fn an_empty_file_lacks_its_plan() {
    let out = Test::new()
        .file("empty.careplan", "")
        .args(["check", "--today", TODAY, "empty.careplan"])
        .run()
        .status(1);
    assert!(out.stdout.contains("error[missing-plan]"), "{}", out.stdout);
    assert!(out.stdout.contains("empty.careplan:1:1"), "{}", out.stdout);
}

#[test]
fn a_binary_file_is_a_finding_not_a_crash() {
    let out = Test::new()
        .file(
            "report.careplan",
            b"PK\x03\x04\x14\x00\x06\x00\xff\xfe\x00\x00".as_slice(),
        )
        .file("nul.careplan", "plan \"x\"\0\n")
        .args(["check", "--today", TODAY, "."])
        .run()
        .status(1);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn a_missing_path_is_a_usage_error() {
    let out = Test::new()
        .args(["check", "--today", TODAY, "no-such-plan.careplan"])
        .run()
        .status(2);
    assert_eq!(
        out.stderr,
        "careplan: error: no-such-plan.careplan: no such file or directory\n"
    );
    assert_eq!(out.stdout, "");
}

#[test]
fn a_date_written_as_a_path_points_to_today() {
    let out = Test::new()
        .file("c.careplan", "")
        .args(["check", "c.careplan", "2026-11-22"])
        .run()
        .status(2);
    assert_eq!(
        out.stderr,
        "careplan: error: 2026-11-22: no such file or directory\n  \
         = help: to judge plans as of a date, write `--today 2026-11-22`\n"
    );
}

#[test]
fn a_date_off_the_calendar_is_a_usage_error() {
    let out = Test::new()
        .args(["check", "--today", "2026-02-30"])
        .run()
        .status(2);
    assert!(
        out.stderr.contains("February 2026 has 28 days"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_unknown_option_is_a_usage_error() {
    Test::new()
        .args(["check", "--todya", TODAY])
        .run()
        .status(2);
}

#[test]
fn warnings_alone_pass() {
    let out = Test::new()
        .file(
            "w.careplan",
            "plan \"Low mood\"\n  opened 2026-09-01\n\nconcern mood \"Low mood\"\n\n\
             goal G1 \"Lift low mood\" for mood\n  measure PHQ-9 baseline 16 target < 5\n\n\
             intervention I1 CBT behavioral-activation \"Activity scheduling\" for G1\n",
        )
        .args(["check", "--today", TODAY, "w.careplan"])
        .run()
        .status(0);
    assert!(
        out.stdout.contains("warning[goal-not-time-bound]"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with("0 errors, 1 warning, 0 info\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn output_to_a_pipe_has_no_colour() {
    let out = Test::new()
        .file("e.careplan", "")
        .args(["check", "--today", TODAY, "e.careplan"])
        .run();
    assert!(!out.stdout.contains('\u{1b}'), "{:?}", out.stdout);
    let forced = Test::new()
        .file("e.careplan", "")
        .env("CLICOLOR_FORCE", "1")
        .args(["check", "--today", TODAY, "e.careplan"])
        .run();
    assert!(forced.stdout.contains('\u{1b}'), "colour can be forced");
    let no_color = Test::new()
        .file("e.careplan", "")
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .args(["check", "--today", TODAY, "e.careplan"])
        .run();
    assert!(!no_color.stdout.contains('\u{1b}'), "NO_COLOR wins");
}

#[test]
fn rules_lists_every_rule_and_explain_prints_one() {
    let out = Test::new().args(["rules"]).run().status(0);
    for rule in careplan::Rule::ALL {
        assert!(out.stdout.contains(rule.name()), "{} missing", rule.name());
    }
    let out = Test::new()
        .args(["explain", "missing-response"])
        .run()
        .status(0);
    assert!(out.stdout.contains("## Why"), "{}", out.stdout);
    let by_code = Test::new().args(["explain", "CP017"]).run().status(0);
    assert_eq!(by_code.stdout, out.stdout);
    let typo = Test::new()
        .args(["explain", "missing-respons"])
        .run()
        .status(2);
    assert!(typo.stderr.contains("did you mean `missing-response`?"));
}

#[test]
fn a_folder_without_plans_fails_the_run() {
    let out = Test::new()
        .file("notes/readme.txt", "not a plan")
        .args(["check", "notes"])
        .run()
        .status(2);
    assert!(
        out.stderr.contains("no *.careplan files under notes"),
        "{}",
        out.stderr
    );
}

/// `check --fix` writes back the safe fixes, names them, and leaves what
/// needs a clinician's choice (an unknown intervention) as a finding.
#[test]
fn check_fix_applies_the_safe_fixes_and_reports_the_rest() {
    let plan = "plan \"Low mood\"\n  client C-1\n  opened 2026-09-01\n  risk low\n\nconcern depression “Low mood most days”\n\ngoal G1 \"Lift mood\" for depression\n  measure PHQ-9 baseline 18 target < 10\n  Due 2027-03-01\n\nintervention I1 CBT behavioral-activation \"Activity scheduling\" for G1  # careplan: allow plateau\n\n  session 2026-09-08\n  used I2 \"Planned three activities\"\n";
    let run = Test::new()
        .file("a.careplan", plan)
        .args(["check", "--fix", "--today", "2026-09-10", "a.careplan"])
        .run();
    let fixed = run.read("a.careplan");
    assert_eq!(
        fixed,
        plan.replace("“Low mood most days”", "\"Low mood most days\"")
            .replace("  Due ", "  due ")
            .replace("  # careplan: allow plateau", "")
            .replace("  session", "session")
    );
    let run = run.status(1);
    assert!(
        run.stderr.contains("fixed 4 findings in a.careplan:\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("  unused-allow: Remove the unused allow of `plateau`\n")
    );
    assert!(
        run.stdout.contains("error[unknown-reference]"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("checked 1 file: 1 error, 0 warnings, 0 info\n"),
        "{}",
        run.stdout
    );
}

/// With nothing safe to fix, `--fix` leaves the file untouched.
#[test]
fn check_fix_writes_nothing_when_nothing_is_safe_to_fix() {
    let plan = repo_file("examples/depression-ipt.careplan");
    let run = Test::new()
        .file("a.careplan", &plan)
        .args(["check", "--fix", "--today", TODAY, "a.careplan"])
        .run();
    assert_eq!(run.read("a.careplan"), plan);
    let run = run.status(0);
    assert!(!run.stderr.contains("fixed"), "{}", run.stderr);
}
