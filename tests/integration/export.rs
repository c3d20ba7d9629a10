//! `careplan export PATH --format fhir`: a FHIR R4 Bundle on standard output.
//!
//! Every export these tests make is validated by [`r4::validate`], a strict
//! check of the R4 elements, cardinalities, required codes, references and
//! invariants careplan writes; `r4.rs` says why it is hand-written rather
//! than a FHIR model crate (which took over 4 minutes to build here).

mod r4;
mod v2;

use crate::test::{Output, TODAY, Test, repo_file};
use careplan::catalogue::Catalogue;
use careplan::export::fhir::{self, Options};
use jiff::civil::Date;
use serde_json::Value;

/// Exports `example` (a file of `examples/`) with `args` after it.
fn export(example: &str, args: &[&str]) -> Output {
    Test::new()
        .file("plan.careplan", repo_file(&format!("examples/{example}")))
        .args(["export", "plan.careplan", "--format", "fhir"])
        .args(args.iter().copied())
        .run()
}

/// The export's JSON, after checking it is valid R4.
fn bundle(out: &Output) -> Value {
    valid(&out.stdout)
}

/// `json` read, after checking it is valid R4.
fn valid(json: &str) -> Value {
    let bundle: Value = serde_json::from_str(json).expect("the export is JSON");
    let errors = r4::validate(&bundle);
    assert!(
        errors.is_empty(),
        "not valid FHIR R4:\n{}",
        errors.join("\n")
    );
    bundle
}

/// The resources of `kind`, in bundle order.
fn resources<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

/// The Goal whose description is `text`.
fn goal<'a>(bundle: &'a Value, text: &str) -> &'a Value {
    resources(bundle, "Goal")
        .into_iter()
        .find(|g| g["description"]["text"] == text)
        .expect("the goal")
}

#[test]
fn panic_disorder_exports_as_valid_fhir_r4() {
    let out = export("panic-disorder.careplan", &["--today", TODAY]).status(0);
    assert_eq!(out.stderr, "");
    let bundle = bundle(&out);
    assert_eq!(bundle["type"], "collection");
    assert_eq!(resources(&bundle, "Patient").len(), 1);
    assert_eq!(resources(&bundle, "Condition").len(), 1);
    assert_eq!(resources(&bundle, "Goal").len(), 3);
    assert_eq!(resources(&bundle, "CarePlan").len(), 1);
    assert_eq!(resources(&bundle, "MedicationStatement").len(), 1);
    insta::assert_snapshot!("panic-disorder", out.stdout);
}

#[test]
fn depression_exports_loinc_codes_and_a_later_medication() {
    let out = export("depression-ipt.careplan", &["--today", TODAY]).status(0);
    let bundle = bundle(&out);
    let target = &goal(&bundle, "Depression in remission")["target"][0];
    assert_eq!(target["measure"]["coding"][0]["system"], "http://loinc.org");
    assert_eq!(target["measure"]["coding"][0]["code"], "44261-6");
    assert_eq!(target["detailQuantity"]["comparator"], "<");
    assert_eq!(target["detailQuantity"]["value"], 5);
    let phq9 = resources(&bundle, "Observation")
        .into_iter()
        .find(|o| o["code"]["coding"][0]["code"] == "44261-6")
        .expect("a PHQ-9 observation");
    assert_eq!(phq9["valueInteger"], 17);
    assert_eq!(phq9["category"][0]["coding"][0]["code"], "survey");
    insta::assert_snapshot!("depression-ipt", out.stdout);

    // Before sertraline was started: intended, and a not-started activity.
    let before = bundle_of(&export(
        "depression-ipt.careplan",
        &["--as-of", "2026-08-10"],
    ));
    let statement = &resources(&before, "MedicationStatement")[0];
    assert_eq!(statement["status"], "intended");
    let activity = resources(&before, "CarePlan")[0]["activity"]
        .as_array()
        .expect("activities")
        .iter()
        .find(|a| a["detail"]["kind"] == "MedicationRequest")
        .expect("the medication's activity")
        .clone();
    assert_eq!(activity["detail"]["status"], "not-started");
}

fn bundle_of(out: &Output) -> Value {
    assert_eq!(out.status, 0, "{}", out.stderr);
    bundle(out)
}

#[test]
fn exporting_twice_gives_identical_bytes() {
    let first = export("ptsd.careplan", &["--today", TODAY]).status(0);
    let second = export("ptsd.careplan", &["--today", TODAY]).status(0);
    assert!(!first.stdout.is_empty());
    assert_eq!(first.stdout, second.stdout);
    // An earlier date changes statuses, not identities: the goals keep their fullUrls.
    let earlier = export("ptsd.careplan", &["--as-of", "2026-08-30"]).status(0);
    let urls = |out: &Output| -> Vec<String> {
        resources(&bundle(out), "Goal")
            .iter()
            .map(|g| g["id"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(urls(&first), urls(&earlier));
}

#[test]
fn as_of_shows_the_goal_before_and_after_a_review() {
    // The review of 2026-11-10 records G1 as achieved; the one before, improving.
    let before = bundle_of(&export(
        "panic-disorder.careplan",
        &["--as-of", "2026-11-09"],
    ));
    let after = bundle_of(&export(
        "panic-disorder.careplan",
        &["--as-of", "2026-11-10"],
    ));
    let g1 = "Panic attacks at most one a week";
    let status = |b: &Value| {
        let goal = goal(b, g1);
        (
            goal["lifecycleStatus"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            goal["achievementStatus"]["coding"][0]["code"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            goal["statusDate"].as_str().unwrap_or_default().to_owned(),
        )
    };
    assert_eq!(
        status(&before),
        ("active".into(), "improving".into(), "2026-09-15".into())
    );
    assert_eq!(
        status(&after),
        ("completed".into(), "achieved".into(), "2026-11-10".into())
    );
    let system = &goal(&after, g1)["achievementStatus"]["coding"][0]["system"];
    assert_eq!(
        system,
        "http://terminology.hl7.org/CodeSystem/goal-achievement"
    );

    // The same review stops interoceptive exposure (I3).
    let interoceptive = |b: &Value| {
        resources(b, "CarePlan")[0]["activity"]
            .as_array()
            .expect("activities")
            .iter()
            .find(|a| a["detail"]["code"]["text"] == "exposure interoceptive")
            .map(|a| a["detail"]["status"].clone())
    };
    assert_eq!(interoceptive(&before), Some("in-progress".into()));
    assert_eq!(interoceptive(&after), Some("completed".into()));

    // Before the first review no status is recorded; later scores are left out.
    let early = bundle_of(&export(
        "panic-disorder.careplan",
        &["--as-of", "2026-07-20"],
    ));
    assert_eq!(goal(&early, g1)["lifecycleStatus"], "active");
    assert!(goal(&early, g1).get("achievementStatus").is_none());
    let last = |b: &Value| {
        resources(b, "Observation")
            .iter()
            .filter_map(|o| o["effectiveDateTime"].as_str())
            .max()
            .map(str::to_owned)
    };
    assert_eq!(last(&early).as_deref(), Some("2026-07-14"));
    assert_eq!(last(&after).as_deref(), Some("2026-11-10"));
}

#[test]
fn the_patient_is_pseudonymous_and_notes_stay_out() {
    let out = export("panic-disorder.careplan", &["--today", TODAY]).status(0);
    let bundle = bundle(&out);
    let patient = resources(&bundle, "Patient")[0];
    assert_eq!(
        patient["identifier"],
        serde_json::json!([{"system": "urn:careplan:client", "value": "C-2087"}])
    );
    for private in [
        "1988-11-03",                 // born
        "Haddad",                     // clinician
        "Lindqvist",                  // prescriber
        "partly sertraline start-up", // a session note
        "Panic diary",                // homework
        "Recognised the cycle",       // a client response
        "Attacks 5 to 2 a week",      // a review's status note
        "Model understood",           // a stop reason
    ] {
        assert!(!out.stdout.contains(private), "`{private}` was exported");
    }
}

#[test]
fn every_example_is_valid_r4_on_every_date_that_matters() {
    for entry in std::fs::read_dir(crate::test::root().join("examples")).expect("examples") {
        let path = entry.expect("an example").path();
        if path.extension().is_none_or(|e| e != "careplan") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("example text");
        valid_on_every_date(&path.display().to_string(), &source);
    }
}

/// Exports `source` (called `name` in failures) as of its opening, each
/// dated entry, the day before each, and far ahead, and checks every
/// bundle is valid R4.
fn valid_on_every_date(name: &str, source: &str) {
    let catalogue = Catalogue::builtin();
    let document = careplan::parse(source).document;
    let record = careplan::interpret(&document);
    let measures = catalogue.measures_for(&document);
    let opened = document.opened().expect("an opened date");
    let mut dates: Vec<Date> = vec![opened, jiff::civil::date(2030, 1, 1)];
    for &(date, _) in &record.timeline {
        dates.push(date);
        dates.extend(date.yesterday().ok().filter(|d| *d >= opened));
    }
    for as_of in dates {
        let bundle =
            fhir::bundle(&document, &record, &measures, &Options::new(as_of)).expect("an export");
        let value = bundle.to_value().expect("JSON");
        let errors = r4::validate(&value);
        assert!(
            errors.is_empty(),
            "{name} as of {as_of}:\n{}",
            errors.join("\n")
        );
    }
}

#[test]
fn a_file_with_errors_is_not_exported() {
    let out = Test::new()
        .file(
            "plan.careplan",
            "plan \"Low mood\"\n  client C-1\n  opened 2026-09-01\n\n\
             goal G1 \"Mood lifts\"\n  measure PHQ-9 baseline 16 target < 5\n  due 2027-03-01\n\n\
             intervention I1 CBT behavioral-activation \"Activity scheduling\" for G9\n\n\
             session 2026-09-08\n  used I1 \"Planned two walks\"\n  score PHQ-9 31\n",
        )
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
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("unknown-reference"), "{}", out.stderr);
    assert!(out.stderr.contains("score-out-of-range"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("plan.careplan was not exported: 2 errors"),
        "{}",
        out.stderr
    );
}

#[test]
fn wrong_dates_and_paths_are_usage_errors() {
    let out = export("panic-disorder.careplan", &["--as-of", "2026-06-01"]).status(2);
    assert!(
        out.stderr
            .contains("before the plan was opened (2026-06-02)"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout, "");
    export("panic-disorder.careplan", &["--as-of", "2026-02-30"]).status(2);
    let out = Test::new()
        .file("plans/a.careplan", repo_file("examples/ocd.careplan"))
        .args(["export", "plans", "--format", "fhir"])
        .run()
        .status(2);
    assert!(out.stderr.contains("directory"), "{}", out.stderr);
    let out = Test::new()
        .args(["export", "missing.careplan", "--format", "fhir"])
        .run()
        .status(2);
    assert!(out.stderr.contains("missing.careplan"), "{}", out.stderr);
}

#[test]
fn the_identifier_and_diagnosis_systems_can_be_chosen() {
    let out = export(
        "ptsd.careplan",
        &[
            "--today",
            TODAY,
            "--client-system",
            "https://clinic.example.org/clients",
            "--diagnosis-system",
            "http://hl7.org/fhir/sid/icd-10-cm",
        ],
    )
    .status(0);
    let bundle = bundle(&out);
    let patient = resources(&bundle, "Patient")[0];
    assert_eq!(
        patient["identifier"][0]["system"],
        "https://clinic.example.org/clients"
    );
    for condition in resources(&bundle, "Condition") {
        assert_eq!(
            condition["code"]["coding"][0]["system"],
            "http://hl7.org/fhir/sid/icd-10-cm"
        );
    }
}

/// The exporter itself refuses an impossible score, whatever checked (or
/// did not check) the file before it.
#[test]
fn the_library_refuses_a_score_outside_its_range() {
    let text = "plan \"Low mood\"\n  client C-1\n  opened 2026-09-01\n\n\
                session 2026-09-08\n  score PHQ-9 999\n";
    let document = careplan::parse(text).document;
    let record = careplan::interpret(&document);
    let catalogue = Catalogue::builtin();
    let measures = catalogue.measures_for(&document);
    let refused = fhir::bundle(
        &document,
        &record,
        &measures,
        &Options::new(crate::test::TODAY_DATE),
    );
    assert_eq!(
        refused.map(|_| ()).map_err(|e| e.to_string()),
        Err("the PHQ-9 score 999 on 2026-09-08 lies outside the measure's range".to_owned())
    );
}
