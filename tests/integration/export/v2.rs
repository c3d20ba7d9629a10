//! Language version 2 in the FHIR export: objectives as Goals linked to
//! their goals, several targets, sessions as Encounters (attended or not),
//! risk levels as RiskAssessments, the dose in force, courses and rates,
//! and the discharge.

use super::{bundle, resources, valid, valid_on_every_date};
use crate::test::{Test, repo_file};
use careplan::catalogue::Catalogue;
use careplan::export::fhir::{self, Options};
use serde_json::Value;

/// The contract's version 2 example.
const EXAMPLE: &str = "tests/integration/export/v2-example.careplan";

/// The v2 example exported by the library as of `as_of`, checked valid R4,
/// as pretty JSON and read.
///
/// Through the library rather than the binary: the binary checks the file
/// first, and refuses it while `PHQ-9-item9` is not a built-in measure.
fn example_json(as_of: &str) -> (String, Value) {
    let source = repo_file(EXAMPLE);
    let document = careplan::parse(&source).document;
    let record = careplan::interpret(&document);
    let catalogue = Catalogue::builtin();
    let measures = catalogue.measures_for(&document);
    let date = as_of.parse().expect("a date");
    let json = fhir::bundle(&document, &record, &measures, &Options::new(date))
        .expect("an export")
        .to_json()
        .expect("JSON");
    let value = valid(&json);
    (json, value)
}

fn example(as_of: &str) -> Value {
    example_json(as_of).1
}

/// The resource whose `fullUrl` is `reference`.
fn resolve<'a>(bundle: &'a Value, reference: &Value) -> &'a Value {
    bundle["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["fullUrl"] == *reference)
        .map(|e| &e["resource"])
        .expect("the reference resolves")
}

fn goal_named<'a>(bundle: &'a Value, text: &str) -> &'a Value {
    resources(bundle, "Goal")
        .into_iter()
        .find(|g| g["description"]["text"] == text)
        .expect("the goal")
}

fn care_plan(bundle: &Value) -> &Value {
    resources(bundle, "CarePlan")[0]
}

/// The CarePlan activity whose `code.text` is `code`.
fn activity<'a>(bundle: &'a Value, code: &str) -> &'a Value {
    care_plan(bundle)["activity"]
        .as_array()
        .expect("activities")
        .iter()
        .map(|a| &a["detail"])
        .find(|d| d["code"]["text"] == code)
        .expect("the activity")
}

#[test]
fn the_v2_example_before_its_discharge() {
    let (json, before) = example_json("2026-11-30");
    insta::assert_snapshot!("v2-example-2026-11-30", json);

    let plan = care_plan(&before);
    assert_eq!(plan["status"], "active");
    assert!(plan["period"].get("end").is_none());
    // The broad goal links its two objectives as milestones.
    let g1 = goal_named(&before, "Recover from the depressive episode");
    let links: Vec<&Value> = g1["extension"].as_array().expect("links").iter().collect();
    assert_eq!(links.len(), 2);
    let objectives: Vec<&str> = links
        .iter()
        .map(|link| {
            assert_eq!(
                link["url"],
                "http://hl7.org/fhir/StructureDefinition/goal-relationship"
            );
            assert_eq!(link["extension"][0]["url"], "type");
            assert_eq!(
                link["extension"][0]["valueCodeableConcept"]["coding"][0]["code"],
                "milestone"
            );
            assert_eq!(link["extension"][1]["url"], "target");
            let target = resolve(
                &before,
                &link["extension"][1]["valueReference"]["reference"],
            );
            target["description"]["text"].as_str().expect("a text")
        })
        .collect();
    assert_eq!(
        objectives,
        [
            "PHQ-9 in the mild range, held for four weeks",
            "Back at work three days a week"
        ]
    );
    // The broad goal has only its due date; an objective with two targets
    // has two, each with its measure (gol-1) and the due date.
    assert_eq!(g1["target"], serde_json::json!([{"dueDate": "2027-03-31"}]));
    let o2 = goal_named(&before, "Back at work three days a week");
    let targets = o2["target"].as_array().expect("targets");
    assert_eq!(targets.len(), 2);
    assert_eq!(
        targets[0]["measure"]["text"],
        "Days worked in the past week"
    );
    assert_eq!(targets[0]["detailQuantity"]["comparator"], ">=");
    assert!(targets[1]["measure"].is_object());
    assert_eq!(
        targets[1]["detailQuantity"],
        serde_json::json!({"value": 0})
    );
    assert!(targets.iter().all(|t| t["dueDate"] == "2027-02-28"));
    // An objective addresses its goal's concern; the medication that
    // serves it is for that Condition.
    assert_eq!(o2["addresses"], g1["addresses"]);
    let statement = resources(&before, "MedicationStatement")[0];
    assert_eq!(statement["reasonReference"], g1["addresses"]);
    // Sixteen weekly sessions.
    let repeat = &activity(&before, "CBT behavioral-activation")["scheduledTiming"]["repeat"];
    assert_eq!(repeat["count"], 16);
    assert_eq!(
        (
            &repeat["frequency"],
            &repeat["period"],
            &repeat["periodUnit"]
        ),
        (&1.into(), &1.into(), &"wk".into())
    );
}

#[test]
fn the_v2_example_after_its_discharge() {
    let (json, after) = example_json("2027-03-01");
    insta::assert_snapshot!("v2-example-2027-03-01", json);

    let plan = care_plan(&after);
    assert_eq!(plan["status"], "completed");
    assert_eq!(plan["period"]["end"], "2027-01-11");
    for goal in resources(&after, "Goal") {
        assert_eq!(goal["lifecycleStatus"], "completed");
        assert_eq!(goal["achievementStatus"]["coding"][0]["code"], "achieved");
        assert_eq!(goal["statusDate"], "2027-01-11");
    }
    // The intervention ended with the episode; sertraline goes on at the
    // titrated dose.
    let therapy = activity(&after, "CBT behavioral-activation");
    assert_eq!(therapy["status"], "completed");
    assert_eq!(
        therapy["scheduledTiming"]["repeat"]["boundsPeriod"]["end"],
        "2027-01-11"
    );
    assert_eq!(activity(&after, "sertraline")["status"], "in-progress");
    let statement = resources(&after, "MedicationStatement")[0];
    assert_eq!(statement["status"], "active");
    assert!(statement["effectivePeriod"].get("end").is_none());
    assert_eq!(statement["dosage"][0]["text"], "100 mg daily");
}

#[test]
fn the_dose_in_force_is_the_last_change_by_the_date() {
    let dose = |as_of: &str| {
        let bundle = example(as_of);
        let statement = resources(&bundle, "MedicationStatement")[0].clone();
        let activity = activity(&bundle, "sertraline").clone();
        assert_eq!(activity["description"], statement["dosage"][0]["text"]);
        (
            statement["status"].as_str().unwrap_or_default().to_owned(),
            statement["dosage"][0]["text"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        )
    };
    // Before it starts, the starting dose; the review of 2026-10-19 doubles it.
    assert_eq!(
        dose("2026-09-07"),
        ("intended".into(), "50 mg daily".into())
    );
    assert_eq!(dose("2026-10-18"), ("active".into(), "50 mg daily".into()));
    assert_eq!(dose("2026-10-19"), ("active".into(), "100 mg daily".into()));
}

#[test]
fn sessions_are_encounters_and_a_no_show_is_cancelled() {
    let bundle = example("2026-11-30");
    let encounters = resources(&bundle, "Encounter");
    // Seven sessions by then, one of them the no-show of 2026-09-28.
    assert_eq!(encounters.len(), 7);
    let no_show: Vec<&&Value> = encounters
        .iter()
        .filter(|e| e["status"] == "cancelled")
        .collect();
    assert_eq!(no_show.len(), 1);
    assert_eq!(
        no_show[0]["extension"][0],
        serde_json::json!({
            "url": "http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled",
            "valueCodeableConcept": {"coding": [{
                "system": "urn:careplan:attendance",
                "code": "no-show",
                "display": "No-show: did not attend, no notice"
            }]}
        })
    );
    assert_eq!(
        no_show[0]["period"],
        serde_json::json!({"start": "2026-09-28"})
    );
    // Every score names the Encounter of its session, never the no-show.
    for observation in resources(&bundle, "Observation") {
        let encounter = resolve(&bundle, &observation["encounter"]["reference"]);
        assert_eq!(encounter["status"], "finished");
        assert_eq!(
            encounter["period"]["start"],
            observation["effectiveDateTime"]
        );
    }
}

#[test]
fn each_risk_level_is_a_risk_assessment_without_its_reason() {
    let bundle = example("2027-03-01");
    let text = serde_json::to_string(&bundle).expect("JSON");
    for reason in ["Passive thoughts of death", "no plan or intent"] {
        assert!(!text.contains(reason), "the reason `{reason}` was exported");
    }
    let patient = format!(
        "urn:uuid:{}",
        resources(&bundle, "Patient")[0]["id"]
            .as_str()
            .unwrap_or_default()
    );
    let risks = resources(&bundle, "RiskAssessment");
    // The plan's, two sessions', the event's and the discharge's.
    let summary: Vec<(String, String, String)> = risks
        .iter()
        .map(|r| {
            let at = if r.get("encounter").is_some() {
                let encounter = resolve(&bundle, &r["encounter"]["reference"]);
                assert_eq!(encounter["resourceType"], "Encounter");
                "session".to_owned()
            } else {
                r["reasonCode"][0]["text"]
                    .as_str()
                    .unwrap_or("the plan")
                    .to_owned()
            };
            assert_eq!(r["status"], "final");
            assert_eq!(r["subject"]["reference"], patient.as_str());
            assert!(r.get("basis").is_none());
            let risk = &r["prediction"][0]["qualitativeRisk"]["coding"][0];
            assert_eq!(
                risk["system"],
                "http://terminology.hl7.org/CodeSystem/risk-probability"
            );
            (
                r["occurrenceDateTime"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                at,
                risk["code"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("2026-09-07", "the plan", "moderate"),
        ("2026-09-07", "session", "moderate"),
        ("2026-09-14", "session", "low"),
        ("2026-11-02", "Life event", "low"),
        ("2027-01-11", "Discharge", "low"),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect();
    assert_eq!(summary, expected);
}

#[test]
fn version_2_plans_are_valid_r4_on_every_date_that_matters() {
    valid_on_every_date(EXAMPLE, &repo_file(EXAMPLE));
    valid_on_every_date("the withdrawal", WITHDREW);
}

/// A plan the client withdrew from, through the binary: it checks with no
/// error.
const WITHDREW: &str = "\
plan \"Generalised anxiety\"
  client C-3001
  opened 2026-09-01
  risk low

concern anxiety \"Worry most days; poor sleep\"
  diagnosis F41.1

goal G1 \"Worry no longer runs the day\" for anxiety
  due 2027-03-01
objective O1 \"GAD-7 in the mild range\" for G1
  measure GAD-7 baseline 15 target < 10
  due 2026-12-15

intervention I1 CBT cognitive-restructuring \"Worry postponement\" for O1
  frequency 2 per week
  course 6 weeks

session 2026-09-08
  used I1 \"Postponed worry to 6 pm twice\"
  score GAD-7 15
  minutes 50
  format telehealth

session 2026-09-11
  attendance late-cancelled

safety-plan 2026-09-20
  warning-signs \"Pacing at night\"
  coping \"Breathing; call a friend\"
  contacts \"GP; crisis line\"
  means-safety \"No medication stockpile at home\"

event 2026-09-20 crisis \"Panic at work; sent home\"
  risk moderate \"Overwhelmed, no thoughts of harm\"

review 2026-09-25
  status O1 improving
  risk low
  next 2026-11-01

discharge 2026-10-02 withdrew \"Stopped coming; did not want to go on\"
  status O1 not-achieved
";

fn withdrew(as_of: &str) -> Value {
    let out = Test::new()
        .file("plan.careplan", WITHDREW)
        .args([
            "export",
            "plan.careplan",
            "--format",
            "fhir",
            "--today",
            "2026-11-01",
            "--as-of",
            as_of,
        ])
        .run()
        .status(0);
    bundle(&out)
}

#[test]
fn a_withdrawal_revokes_the_plan_and_stops_its_interventions() {
    let before = withdrew("2026-09-25");
    assert_eq!(care_plan(&before)["status"], "active");
    let therapy = activity(&before, "CBT cognitive-restructuring");
    assert_eq!(therapy["status"], "in-progress");
    // Twice a week, for six weeks from the plan's opening.
    assert_eq!(
        therapy["scheduledTiming"]["repeat"],
        serde_json::json!({
            "boundsPeriod": {"start": "2026-09-01", "end": "2026-10-12"},
            "frequency": 2,
            "period": 1,
            "periodUnit": "wk"
        })
    );
    let g1 = goal_named(&before, "Worry no longer runs the day");
    assert_eq!(g1["lifecycleStatus"], "active");

    let after = withdrew("2026-11-01");
    let plan = care_plan(&after);
    assert_eq!(plan["status"], "revoked");
    assert_eq!(plan["period"]["end"], "2026-10-02");
    let therapy = activity(&after, "CBT cognitive-restructuring");
    assert_eq!(therapy["status"], "stopped");
    assert_eq!(
        therapy["scheduledTiming"]["repeat"]["boundsPeriod"]["end"],
        "2026-10-02"
    );
    // The objective's final status; the goal, given none, is no longer sought.
    let o1 = goal_named(&after, "GAD-7 in the mild range");
    assert_eq!(o1["lifecycleStatus"], "completed");
    assert_eq!(o1["achievementStatus"]["coding"][0]["code"], "not-achieved");
    let g1 = goal_named(&after, "Worry no longer runs the day");
    assert_eq!(g1["lifecycleStatus"], "completed");
    assert!(g1.get("achievementStatus").is_none());

    // A telehealth session is virtual and lasts its minutes; a late
    // cancellation is a cancelled Encounter that says so.
    let encounters = resources(&after, "Encounter");
    assert_eq!(encounters[0]["class"]["code"], "VR");
    assert_eq!(
        encounters[0]["length"],
        serde_json::json!({"value": 50, "unit": "min", "system": "http://unitsofmeasure.org", "code": "min"})
    );
    assert_eq!(encounters[1]["status"], "cancelled");
    assert_eq!(
        encounters[1]["extension"][0]["valueCodeableConcept"]["coding"][0]["code"],
        "late-cancelled"
    );
    // Risk at the crisis and at the review, with no reason text.
    let occasions: Vec<(&Value, &Value)> = resources(&after, "RiskAssessment")
        .into_iter()
        .map(|r| {
            (
                &r["reasonCode"][0]["text"],
                &r["prediction"][0]["qualitativeRisk"]["coding"][0]["code"],
            )
        })
        .collect();
    assert_eq!(
        occasions,
        [
            (&Value::Null, &"low".into()),
            (&"Crisis".into(), &"moderate".into()),
            (&"Care plan review".into(), &"low".into()),
        ]
    );
    let text = serde_json::to_string(&after).expect("JSON");
    for private in ["Overwhelmed", "Stopped coming", "Panic at work", "Pacing"] {
        assert!(!text.contains(private), "`{private}` was exported");
    }
}
