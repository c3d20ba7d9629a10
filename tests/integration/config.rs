//! `careplan.toml`: discovery, precedence and errors.

use crate::test::{TODAY, Test, repo_file};

/// A plan with one `used` line lacking a response (a `missing-response` warning).
fn plan() -> String {
    repo_file("tests/fixtures/rules/missing-response/fires.careplan")
}

#[test]
fn the_nearest_configuration_above_a_plan_applies() {
    let out = Test::new()
        .file("careplan.toml", "[rules]\nmissing-response = \"error\"\n")
        .file("adult/a.careplan", plan())
        .file(
            "child/careplan.toml",
            "[rules]\nmissing-response = \"off\"\n",
        )
        .file("child/deep/b.careplan", plan())
        .args(["check", "--today", TODAY, "."])
        .run()
        .status(1);
    assert!(
        out.stdout.contains("error[missing-response]"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("adult/a.careplan"), "{}", out.stdout);
    assert!(
        out.stdout.contains("adult/a.careplan:22:3"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("child/deep/b.careplan:22:3"),
        "{}",
        out.stdout
    );
}

#[test]
fn an_explicit_config_wins_over_discovery() {
    let out = Test::new()
        .file("careplan.toml", "[rules]\nmissing-response = \"error\"\n")
        .file("quiet.toml", "[rules]\nCP017 = \"info\"\n")
        .file("a.careplan", plan())
        .args([
            "check",
            "--today",
            TODAY,
            "--config",
            "quiet.toml",
            "a.careplan",
        ])
        .run()
        .status(0);
    assert!(
        out.stdout.contains("info[missing-response]"),
        "{}",
        out.stdout
    );
}

#[test]
fn configuration_mistakes_name_file_line_and_column() {
    for (toml, expected) in [
        (
            "[rules]\nconsent-mising = \"off\"\n",
            ":2:1: there is no rule `consent-mising`\n  help: did you mean `consent-missing`?",
        ),
        (
            "[rules]\nplateau = \"loud\"\n",
            ":2:11: `loud` is not a severity",
        ),
        (
            "[review]\nevery = \"soon\"\n",
            ":2:9: `soon` is not a duration",
        ),
        ("[reviews]\n", ":1:2: unknown field `reviews`"),
        (
            "[drugs]\nssris = [\"x\"]\n",
            ":2:1: `ssris` is not a drug class",
        ),
        (
            "[measures.X]\nname = \"x\"\nrange = [5, 1]\n",
            ":3:9: measure `X`: the range's lowest score is not below its highest",
        ),
    ] {
        let out = Test::new()
            .file("careplan.toml", toml)
            .file("a.careplan", plan())
            .args(["check", "--today", TODAY, "a.careplan"])
            .run()
            .status(2);
        assert!(out.stderr.contains(expected), "{toml}\n{}", out.stderr);
        assert!(out.stderr.contains("careplan.toml:"), "{}", out.stderr);
    }
}

#[test]
fn configured_measures_modalities_drugs_and_consent_are_used() {
    let plan = "plan \"Low mood\"\n  client C-9\n  born 1980-01-01\n  prescriber \"K. Osei, MD\"\n  opened 2026-09-01\n  \
                review every 8 weeks\n  rationale \"Schema frame\"\n\nconcern mood \"Low mood\"\n\n\
                goal G1 \"Lift low mood\" for mood\n  measure HAM-D baseline 20 target < 8\n  due 2027-03-01\n\n\
                intervention I1 schema-therapy imagery-rescripting \"Rescripting\" for G1\n\n\
                session 2026-09-08\n  used I1 \"Tolerated the first rescripting\"\n  score HAM-D 60\n\n\
                review 2026-10-27\n  status G1 improving\n  next 2026-12-22\n";
    let config = "[measures.HAM-D]\nname = \"Hamilton\"\nrange = [0, 52]\n\n\
                  [modalities]\nschema-therapy = [\"imagery-rescripting\"]\n\n\
                  [consent]\nrequire = [\"schema-therapy imagery-rescripting\"]\n";
    let out = Test::new()
        .file("careplan.toml", config)
        .file("a.careplan", plan)
        .args(["check", "--today", TODAY, "--format", "json", "a.careplan"])
        .run()
        .status(1);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let names: Vec<&str> = value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["name"].as_str())
        .collect();
    // HAM-D is known (no unknown-measure) with its range; the modality is
    // known; the configured consent requirement applies.
    assert_eq!(
        names,
        ["consent-missing", "score-out-of-range"],
        "{}",
        out.stdout
    );
}

#[test]
fn the_documented_example_configuration_is_valid() {
    let doc = repo_file("docs/configuration.md");
    let toml = doc
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/configuration.md has a toml example");
    let parsed = careplan::config::Config::parse(std::path::Path::new("careplan.toml"), toml);
    assert!(parsed.is_ok(), "{parsed:?}");
}

#[test]
fn reading_rules_cannot_be_turned_off_or_lowered() {
    for (rule, severity) in [
        ("syntax", "off"),
        ("not-text", "warning"),
        ("invalid-date", "info"),
        ("CP001", "off"),
    ] {
        let out = Test::new()
            .file(
                "careplan.toml",
                format!("[rules]\n{rule} = \"{severity}\"\n"),
            )
            .file("a.careplan", plan())
            .args(["check", "--today", TODAY, "a.careplan"])
            .run()
            .status(2);
        assert!(
            out.stderr.contains("careplan.toml:2:")
                && out.stderr.contains("cannot be turned off or lowered")
                && out.stderr.contains("help: remove this line"),
            "{rule} = {severity}\n{}",
            out.stderr
        );
    }
}

/// A configuration that turns off every rule it may; the file has unread
/// lines, a misspelt entry keyword, an impossible date and an impossible score.
#[test]
fn a_configuration_turning_everything_off_still_reports_unreadable_lines() {
    let mut toml = String::from("[rules]\n");
    for rule in careplan::Rule::ALL.iter().filter(|r| !r.is_reading()) {
        toml.push_str(&format!("{} = \"off\"\n", rule.name()));
    }
    let plan = "plan \"Low mood\"\n  client C-1\n  opened 2026-09-01\n\n\
                goal G1 \"Mood lifts\"\n  measure PHQ-9 baseline 16 target < 5\n  due 2027-02-30\n\n\
                sesion 2026-09-08\n  note \"Misspelt entry\"\n\n\
                session 2026-09-15\n  score PHQ-9 999\n  this line means nothing\n";
    let test = Test::new()
        .file("careplan.toml", toml)
        .file("plan.careplan", plan);
    let check = test
        .args(["check", "--today", TODAY, "plan.careplan"])
        .run()
        .status(1);
    assert!(check.stdout.contains("error[syntax]"), "{}", check.stdout);
    assert!(
        check.stdout.contains("error[invalid-date]"),
        "{}",
        check.stdout
    );
    assert!(
        !check.stdout.contains("no problems found"),
        "{}",
        check.stdout
    );

    let export = refused_export(check);
    // Off for `check`, but an export is refused for the impossible score too.
    assert!(
        export.stderr.contains("error[score-out-of-range]"),
        "{}",
        export.stderr
    );
}

#[test]
fn allow_comments_cannot_silence_reading_rules_or_an_export_guard() {
    let plan = "plan \"Low mood\"\n  client C-1\n  opened 2026-09-01\n\n\
                goal G1 \"Mood lifts\"\n  measure PHQ-9 baseline 16 target < 5\n  due 2027-03-01\n\n\
                intervention I1 CBT behavioral-activation \"Activity scheduling\" for G1\n\n\
                session 2026-09-08\n  used I1 \"Planned two walks\"\n  \
                score PHQ-9 99  # careplan: allow score-out-of-range\n  \
                # careplan: allow syntax\n  gibberish here\n";
    let test = Test::new().file("plan.careplan", plan);
    let check = test
        .args(["check", "--today", TODAY, "plan.careplan"])
        .run()
        .status(1);
    assert!(
        check.stdout.contains("`syntax` findings cannot be allowed"),
        "{}",
        check.stdout
    );
    assert!(
        !check.stdout.contains("[score-out-of-range]"),
        "{}",
        check.stdout
    );
    let export = refused_export(check);
    assert!(
        export.stderr.contains("error[score-out-of-range]"),
        "{}",
        export.stderr
    );
}

#[test]
fn a_client_id_pattern_flags_ids_that_do_not_follow_it() {
    let plan = repo_file("tests/fixtures/rules/identifying-client-id/passes.careplan");
    let out = Test::new()
        .file(
            "careplan.toml",
            "[privacy]\nclient-id-pattern = \"NW-######\"\n",
        )
        .file("a.careplan", plan)
        .args(["check", "--today", TODAY, "a.careplan"])
        .run()
        .status(0);
    assert!(
        out.stdout.contains(
            "warning[identifying-client-id]: the client id `C-…42` does not follow this \
             clinic's pattern `NW-######`"
        ),
        "{}",
        out.stdout
    );
}

/// Exports `plan.careplan` in the directory of `run`, which must refuse it:
/// nothing on standard output, exit 1.
fn refused_export(run: crate::test::Output) -> crate::test::Output {
    let export = run
        .again()
        .args([
            "export",
            "plan.careplan",
            "--format",
            "fhir",
            "--today",
            TODAY,
        ])
        .run()
        .status(1);
    assert_eq!(export.stdout, "", "nothing may reach the receiving system");
    export
}

#[test]
fn a_configuration_over_its_size_limit_is_refused_as_such() {
    let mut toml = String::from("[rules]\n");
    while toml.len() <= careplan::workspace::CONFIG_LIMIT.bytes as usize {
        toml.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    let out = Test::new()
        .file("careplan.toml", toml)
        .file("a.careplan", plan())
        .args(["check", "--today", TODAY, "a.careplan"])
        .run()
        .status(2);
    assert!(
        out.stderr
            .contains("the most careplan reads of a configuration file"),
        "{}",
        out.stderr
    );
}
