//! `careplan check --format json|sarif|github` and `--deny warnings`.

use crate::test::{TODAY, Test, repo_file};

/// Two files: one with an error and a warning, one clean.
fn plans() -> Test {
    Test::new()
        .file(
            "plans/c-1.careplan",
            "plan \"Low mood\"\n  client C-1\n  born 1980-01-01\n  opened 2026-09-01\n  \
             review every 8 weeks\n\nconcern mood \"Low mood\"\n\n\
             goal G1 \"Lift low mood, 50% better\" for mood\n  measure PHQ-9 baseline 16 target < 5\n  due 2027-03-01\n\n\
             intervention I1 CBT behavioral-activation \"Activity scheduling\" for G1\n\
             intervention I2 psychoeducation \"Depression, activity\"\n\n\
             session 2026-09-08\n  used I1\n\n\
             review 2026-10-27\n  status G1 improving\n  next 2026-12-22\n",
        )
        .file("plans/ok.careplan", repo_file("tests/fixtures/contract-example.careplan"))
}

#[test]
fn json_has_the_documented_stable_shape() {
    let out = plans()
        .args(["check", "--today", TODAY, "--format", "json", "plans"])
        .run()
        .status(1);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).expect("valid JSON");
    assert_eq!(value["version"], 1);
    let finding = &value["findings"][0];
    for key in [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "name",
        "severity",
        "message",
        "help",
    ] {
        assert!(finding.get(key).is_some(), "findings lack `{key}`");
    }
    assert_eq!(value["totals"]["files"], 2);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn github_annotations_escape_messages_and_properties() {
    let out = plans()
        .args(["check", "--today", TODAY, "--format", "github", "plans"])
        .run()
        .status(1);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn sarif_has_rules_and_results() {
    let out = plans()
        .args(["check", "--today", TODAY, "--format", "sarif", "plans"])
        .run()
        .status(1);
    let log: serde_json::Value = serde_json::from_str(&out.stdout).expect("valid JSON");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(rules.len(), careplan::Rule::ALL.len());
    for rule in rules {
        for key in ["id", "name", "shortDescription", "fullDescription", "help"] {
            assert!(rule.get(key).is_some(), "a rule lacks `{key}`: {rule}");
        }
    }
    // The results only: the rules' documentation is checked above and in docs.rs.
    let results = serde_json::to_string_pretty(&log["runs"][0]["results"]).unwrap_or_default();
    insta::assert_snapshot!(results);
}

#[test]
fn deny_warnings_fails_on_a_warning() {
    let warning_only = Test::new().file(
        "w.careplan",
        "plan \"Low mood\"\n  opened 2026-09-01\n  review every 8 weeks\n\nconcern mood \"Low mood\"\n\n\
         goal G1 \"Lift low mood\" for mood\n  measure PHQ-9 baseline 16 target < 5\n\n\
         intervention I1 CBT behavioral-activation \"Activity scheduling\" for G1\n\n\
         review 2026-10-27\n  status G1 improving\n  next 2026-12-22\n",
    );
    let out = warning_only
        .args([
            "check",
            "--today",
            TODAY,
            "--deny",
            "warnings",
            "w.careplan",
        ])
        .run()
        .status(1);
    assert!(
        out.stdout.ends_with(
            "checked 1 file: 0 errors, 1 warning, 0 info; failed: warnings are denied (--deny warnings)\n"
        ),
        "{}",
        out.stdout
    );
}

/// The SARIF output validates against the official SARIF 2.1.0 schema
/// (vendored in tests/fixtures/sarif/ with its licence).
#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&repo_file("tests/fixtures/sarif/sarif-schema-2.1.0.json"))
            .expect("schema is JSON");
    let validator = jsonschema::draft4::new(&schema).expect("schema compiles");
    let out = plans()
        .file("nested/odd name, v2.careplan", "")
        .file("binary.careplan", b"\xff\xfe\x00".as_slice())
        .args(["check", "--today", TODAY, "--format", "sarif", "."])
        .run()
        .status(1);
    let log: serde_json::Value = serde_json::from_str(&out.stdout).expect("valid JSON");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(
        out.stdout
            .contains("\"uri\": \"nested/odd%20name%2C%20v2.careplan\""),
        "{}",
        out.stdout
    );
}

/// An identifier found in free text is never repeated in full, in any format.
#[test]
fn identifying_details_are_masked_in_every_format() {
    let plan = crate::test::repo_file("tests/fixtures/rules/identifying-detail/fires.careplan");
    // Lines careplan cannot read are searched and masked too.
    let broken = "plan \"Low mood\"\n  client Jane Doe\n  opened 2026-09-01\n\n\
                  session 2026-09-08\n  used I1: \"Rang her on 07700 900987, DOB 14/07/1980\"\n";
    for format in ["human", "json", "sarif", "github"] {
        let out = crate::test::Test::new()
            .file("a.careplan", &plan)
            .file("b.careplan", broken)
            .args([
                "check",
                "--today",
                crate::test::TODAY,
                "--format",
                format,
                "a.careplan",
                "b.careplan",
            ])
            .run();
        for detail in [
            "731942",
            "jo.k@example.org",
            "7700 900987",
            "14/07/1980",
            "078-05-1120",
            "Jane Doe",
        ] {
            assert!(
                !out.stdout.contains(detail),
                "{format} shows {detail}:\n{}",
                out.stdout
            );
        }
        assert!(out.stdout.contains("73…42"), "{format}:\n{}", out.stdout);
    }
}
