//! `careplan new`: every built-in template makes a plan that checks with
//! only its placeholders to fill in, and none once they are filled; a new
//! file never replaces one; the list; a clinic's own templates.

use crate::test::{TODAY, TODAY_DATE, Test};
use careplan::template::{self, Fill};
use careplan::{CheckOptions, Rule, Severity, check};

/// Three weeks before the tests' today, as a clinician writing up a new plan.
const OPENED: jiff::civil::Date = jiff::civil::date(2026, 11, 2);

/// The plan a template makes, opened on [`OPENED`].
fn made(template: &template::Template, client: Option<&str>) -> String {
    let fill = Fill {
        client: client.map(str::to_owned),
        opened: OPENED,
    };
    template::fill(template, &fill).expect("a built-in template fills")
}

/// The plan with every placeholder decided: each `# careplan: fill` marker
/// deleted (a marker alone on its line goes with its line), as a clinician
/// does once the value under it is theirs.
fn filled(plan: &str) -> String {
    let mut out = String::new();
    for line in plan.lines() {
        match line.split_once("# careplan: fill") {
            Some((before, _)) if before.trim().is_empty() => {}
            Some((before, _)) => {
                out.push_str(before.trim_end());
                out.push('\n');
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

#[test]
fn careplan_ships_at_least_eight_templates_each_naming_its_guideline() {
    let templates = template::builtin();
    assert!(templates.len() >= 8, "{} templates", templates.len());
    for t in &templates {
        assert!(
            !t.description.starts_with('('),
            "{} has no description",
            t.name
        );
        assert!(
            ["NICE", "VA/DoD"].iter().any(|g| t.guideline.contains(g)),
            "{} names no guideline: {}",
            t.name,
            t.guideline
        );
    }
}

#[test]
fn every_template_checks_with_only_its_placeholders_before_they_are_filled() {
    for t in template::builtin() {
        for client in [None, Some("C-4410")] {
            let plan = made(&t, client);
            let found = check(&plan, &CheckOptions::new(TODAY_DATE)).diagnostics;
            let other: Vec<_> = found
                .iter()
                .filter(|d| d.rule != Rule::TemplatePlaceholder)
                .map(|d| format!("{}: {}", d.rule, d.message))
                .collect();
            assert!(other.is_empty(), "{}: {other:#?}", t.name);
            assert!(found.iter().all(|d| d.severity == Severity::Warning));
            // Targets and due dates are always the clinician's to set.
            assert!(
                found.len() >= 4,
                "{}: only {} placeholders",
                t.name,
                found.len()
            );
            let client_marked = plan
                .lines()
                .any(|l| l.contains("client C-0000") && l.contains("# careplan: fill"));
            assert_eq!(client_marked, client.is_none(), "{}", t.name);
        }
    }
}

#[test]
fn every_template_checks_with_no_finding_once_its_placeholders_are_filled() {
    for t in template::builtin() {
        let plan = filled(&made(&t, Some("C-4410")));
        let found = check(&plan, &CheckOptions::new(TODAY_DATE)).diagnostics;
        assert!(found.is_empty(), "{}: {found:#?}\n{plan}", t.name);
    }
}

#[test]
fn every_template_has_concerns_goals_objectives_linked_interventions_measures_and_a_review() {
    for t in template::builtin() {
        let plan = made(&t, None);
        let analysis = check(&plan, &CheckOptions::new(TODAY_DATE));
        let doc = &analysis.document;
        assert!(doc.concerns().next().is_some(), "{}: no concern", t.name);
        assert!(doc.goals().next().is_some(), "{}: no goal", t.name);
        assert!(
            doc.objectives().next().is_some(),
            "{}: no objective",
            t.name
        );
        assert!(
            doc.interventions().count() >= 2,
            "{}: interventions",
            t.name
        );
        assert!(plan.contains("  measure "), "{}: no measure", t.name);
        assert!(
            plan.contains("\n  review every "),
            "{}: no review cadence",
            t.name
        );
    }
}

#[test]
fn new_writes_the_plan_and_says_what_is_left_to_fill_in() {
    let out = Test::new()
        .args(["new", "c.careplan", "--template", "panic-cbt"])
        .args([
            "--client",
            "C-5120",
            "--opened",
            "2026-11-02",
            "--today",
            TODAY,
        ])
        .run()
        .status(0);
    assert!(out.stdout.is_empty());
    insta::assert_snapshot!(out.stderr);
    let plan = out.read("c.careplan");
    assert!(plan.contains("  client C-5120\n"));
    assert!(plan.contains("  opened 2026-11-02\n"));
    // 16 weeks after opening.
    assert!(plan.contains("  due 2027-02-22  # careplan: fill"));
    assert!(!plan.contains("{{"));
    let checked = out
        .again()
        .args(["check", "--today", TODAY, "c.careplan"])
        .run()
        .status(0);
    assert!(checked.stdout.contains("warning[template-placeholder]"));
    assert!(
        checked.stdout.contains("0 errors, 12 warnings"),
        "{}",
        checked.stdout
    );
}

#[test]
fn new_never_replaces_an_existing_file() {
    let out = Test::new()
        .file(
            "c.careplan",
            "plan \"Someone's record\"\n  opened 2026-01-05\n",
        )
        .args(["new", "c.careplan", "--template", "ocd-erp"])
        .run()
        .status(2);
    assert!(
        out.stderr
            .contains("c.careplan: this file already exists, and careplan does not overwrite it"),
        "{}",
        out.stderr
    );
    assert_eq!(
        out.read("c.careplan"),
        "plan \"Someone's record\"\n  opened 2026-01-05\n"
    );
}

#[test]
fn new_refuses_a_name_for_a_client_id_and_an_unknown_template() {
    let out = Test::new()
        .args([
            "new",
            "c.careplan",
            "--template",
            "ocd-erp",
            "--client",
            "Jane Doe",
        ])
        .run()
        .status(2);
    assert!(
        out.stderr.contains("`Jane Doe` cannot be a client id"),
        "{}",
        out.stderr
    );
    assert!(!out.path("c.careplan").exists());
    let out = Test::new()
        .args(["new", "c.careplan", "--template", "ocd"])
        .run()
        .status(2);
    insta::assert_snapshot!(out.stderr, @r"
    careplan: error: there is no template `ocd`; did you mean `ocd-erp`?
      = help: `careplan new --list` lists the templates
    ");
}

#[test]
fn list_shows_each_template_with_its_description_and_guideline() {
    let out = Test::new().args(["new", "--list"]).run().status(0);
    insta::assert_snapshot!(out.stdout);
    assert!(
        crate::test::repo_file("README.md").contains(&out.stdout),
        "README.md shows the list as `careplan new --list` prints it"
    );
}

/// A clinic's own template: an eating-disorder plan by family-based treatment.
const CLINIC_TEMPLATE: &str = r#"# description: Adolescent anorexia nervosa: family-based treatment
# guideline: NICE NG69 (2017), Eating disorders

plan "Anorexia nervosa: FBT"
  client {{client}}
  clinician "Clinician's name"  # careplan: fill the treating clinician
  opened {{opened}}
  orientation FBT
  review every 4 weeks

concern weight "Restricted eating and weight loss"

measure pct-mbmi "Percentage of median BMI"
  range 50..150
  better higher

goal G1 "Weight restored" for weight
  due {{opened + 6 months}}  # careplan: fill
objective O1 "Back to 95% of median BMI" for G1
  measure pct-mbmi baseline 80 target >= 95  # careplan: fill the intake %mBMI
  due {{opened + 20 weeks}}

intervention I1 FBT weight-restoration "Parents take charge of meals" for O1
  frequency 1 per week
"#;

#[test]
fn a_clinic_adds_its_templates_in_the_folder_its_configuration_names() {
    let out = Test::new()
        .file(
            "careplan.toml",
            "[templates]\nfolder = \"clinic-templates\"\n",
        )
        .file("clinic-templates/eating-fbt.careplan", CLINIC_TEMPLATE)
        .args(["new", "--list"])
        .run()
        .status(0);
    assert!(
        out.stdout.contains(
            "eating-fbt       Adolescent anorexia nervosa: family-based treatment\n                 follows NICE NG69 (2017), Eating disorders\n                 the clinic's, from clinic-templates/eating-fbt.careplan\n"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("depression-cbt "),
        "built-ins are still listed"
    );
    let out = out
        .again()
        .file("plans/README", "New plans go here.\n")
        .args(["new", "plans/c.careplan", "--template", "eating-fbt"])
        .args(["--opened", "2026-11-02", "--today", TODAY])
        .run()
        .status(0);
    let plan = out.read("plans/c.careplan");
    assert!(
        plan.contains("  due 2027-05-02  # careplan: fill\n"),
        "{plan}"
    );
    assert!(plan.contains("  client C-0000  # careplan: fill the client's pseudonymous id\n"));
}

#[test]
fn a_clinic_template_that_does_not_check_or_fill_is_not_written() {
    let broken = CLINIC_TEMPLATE.replace("for O1\n", "for O9\n");
    let out = Test::new()
        .file("careplan.toml", "[templates]\nfolder = \"t\"\n")
        .file("t/eating-fbt.careplan", broken)
        .args([
            "new",
            "c.careplan",
            "--template",
            "eating-fbt",
            "--today",
            TODAY,
        ])
        .run()
        .status(2);
    assert!(
        out.stderr.contains("error[unknown-reference]"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("so c.careplan was not written"),
        "{}",
        out.stderr
    );
    assert!(!out.path("c.careplan").exists());
    let typo = CLINIC_TEMPLATE.replace("{{opened + 20 weeks}}", "{{opened + 20 wekes}}");
    let out = Test::new()
        .file("careplan.toml", "[templates]\nfolder = \"t\"\n")
        .file("t/eating-fbt.careplan", typo)
        .args(["new", "c.careplan", "--template", "eating-fbt"])
        .run()
        .status(2);
    insta::assert_snapshot!(out.stderr, @r"
    careplan: error: t/eating-fbt.careplan:21:7: `{{opened + 20 wekes}}` is not a stand-in careplan knows
      = help: a template may use `{{client}}`, `{{opened}}` and `{{opened + N days|weeks|months}}` (or `-`)
    ");
    assert!(!out.path("c.careplan").exists());
}

#[test]
fn a_clinic_template_with_a_built_in_name_replaces_it() {
    let out = Test::new()
        .file("careplan.toml", "[templates]\nfolder = \"t\"\n")
        .file("t/ocd-erp.careplan", CLINIC_TEMPLATE)
        .args(["new", "--list"])
        .run()
        .status(0);
    assert!(
        out.stdout
            .contains("ocd-erp          Adolescent anorexia nervosa"),
        "{}",
        out.stdout
    );
    assert_eq!(out.stdout.matches("ocd-erp ").count(), 1);
}
