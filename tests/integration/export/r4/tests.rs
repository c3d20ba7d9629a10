//! The validator itself: it rejects what R4 forbids.

use super::validate;
use serde_json::Value;

#[test]
fn the_validator_rejects_what_r4_forbids() {
    let patient = "urn:uuid:00000000-0000-5000-8000-000000000001";
    let valid = serde_json::json!({
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": patient, "resource": {"resourceType": "Patient", "id": "00000000-0000-5000-8000-000000000001"}},
            {"fullUrl": "urn:uuid:00000000-0000-5000-8000-000000000002", "resource": {
                "resourceType": "Goal", "lifecycleStatus": "active",
                "description": {"text": "x"}, "subject": {"reference": patient}}}
        ]
    });
    assert_eq!(validate(&valid), Vec::<String>::new());

    // Sets (or adds) the member at `pointer` and validates the result.
    let broken = |pointer: &str, value: Value| {
        let mut bundle = valid.clone();
        let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
        let object = bundle.pointer_mut(parent).and_then(Value::as_object_mut);
        object.expect("the parent").insert(key.to_owned(), value);
        validate(&bundle)
    };
    let goal = "/entry/1/resource";
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            broken(&format!("{goal}/lifecycleStatus"), "done".into()),
            "required value set",
        ),
        (
            broken(
                &format!("{goal}/subject/reference"),
                "urn:uuid:00000000-0000-5000-8000-000000000009".into(),
            ),
            "resolves to no entry",
        ),
        (broken("/entry/1/fullUrl", patient.into()), "bdl-7"),
        (
            broken(
                "/entry/0/request",
                serde_json::json!({"method": "POST", "url": "Patient"}),
            ),
            "bdl-3",
        ),
        (
            broken(
                &format!("{goal}/target"),
                serde_json::json!([{"detailQuantity": {"value": 5}}]),
            ),
            "gol-1",
        ),
        (
            broken(&format!("{goal}/startDate"), "2026-02-30".into()),
            "not a date",
        ),
        (
            broken(&format!("{goal}/target"), serde_json::json!([])),
            "empty array",
        ),
        (
            broken(
                &format!("{goal}/descripton"),
                serde_json::json!({"text": "x"}),
            ),
            "not an element",
        ),
        (
            broken(
                &format!("{goal}/subject/reference"),
                "urn:uuid:00000000-0000-5000-8000-000000000002".into(),
            ),
            "refers to a Goal",
        ),
    ];
    for (errors, expected) in cases {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "expected `{expected}` among {errors:?}"
        );
    }
    let mut no_description = valid.clone();
    if let Some(goal) = no_description
        .pointer_mut(goal)
        .and_then(Value::as_object_mut)
    {
        goal.remove("description");
    }
    assert!(
        validate(&no_description)
            .iter()
            .any(|e| e.contains("Goal.description: required"))
    );
    let mut both = valid.clone();
    if let Some(goal) = both.pointer_mut(goal) {
        *goal = serde_json::json!({"resourceType": "CarePlan", "status": "active", "intent": "plan",
            "subject": {"reference": patient},
            "activity": [{"reference": {"reference": patient}, "detail": {"status": "in-progress"}}]});
    }
    assert!(validate(&both).iter().any(|e| e.contains("cpl-3")));
}

/// Sets (or adds) the member at `pointer` in a copy of `bundle`.
fn with(bundle: &Value, pointer: &str, value: Value) -> Value {
    let mut bundle = bundle.clone();
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let object = bundle.pointer_mut(parent).and_then(Value::as_object_mut);
    object.expect("the parent").insert(key.to_owned(), value);
    bundle
}

#[test]
fn the_validator_checks_what_version_2_exports() {
    let patient = "urn:uuid:00000000-0000-5000-8000-000000000001";
    let goal = "urn:uuid:00000000-0000-5000-8000-000000000002";
    let objective = "urn:uuid:00000000-0000-5000-8000-000000000003";
    let encounter = "urn:uuid:00000000-0000-5000-8000-000000000004";
    let subject = serde_json::json!({"reference": patient});
    let milestone = serde_json::json!({
        "url": "http://hl7.org/fhir/StructureDefinition/goal-relationship",
        "extension": [
            {"url": "type", "valueCodeableConcept": {"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/goal-relationship-type",
                "code": "milestone"}]}},
            {"url": "target", "valueReference": {"reference": objective}}
        ]
    });
    let cancelled = serde_json::json!({
        "url": "http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled",
        "valueCodeableConcept": {"coding": [{"system": "urn:careplan:attendance", "code": "no-show"}]}
    });
    let id = |url: &str| url.trim_start_matches("urn:uuid:").to_owned();
    let valid = serde_json::json!({
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": patient, "resource": {"resourceType": "Patient", "id": id(patient)}},
            {"fullUrl": goal, "resource": {
                "resourceType": "Goal", "id": id(goal), "extension": [milestone],
                "lifecycleStatus": "active", "description": {"text": "x"}, "subject": subject}},
            {"fullUrl": objective, "resource": {
                "resourceType": "Goal", "id": id(objective),
                "lifecycleStatus": "active", "description": {"text": "y"}, "subject": subject}},
            {"fullUrl": encounter, "resource": {
                "resourceType": "Encounter", "id": id(encounter), "extension": [cancelled],
                "status": "cancelled",
                "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
                "subject": subject, "period": {"start": "2026-09-28"},
                "length": {"value": 50, "unit": "min", "system": "http://unitsofmeasure.org", "code": "min"}}},
            {"fullUrl": "urn:uuid:00000000-0000-5000-8000-000000000005", "resource": {
                "resourceType": "RiskAssessment", "id": "00000000-0000-5000-8000-000000000005",
                "status": "final", "subject": subject, "encounter": {"reference": encounter},
                "occurrenceDateTime": "2026-09-28",
                "prediction": [{"qualitativeRisk": {"coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/risk-probability",
                    "code": "moderate"}]}}]}},
            {"fullUrl": "urn:uuid:00000000-0000-5000-8000-000000000006", "resource": {
                "resourceType": "CarePlan", "id": "00000000-0000-5000-8000-000000000006",
                "status": "revoked", "intent": "plan", "subject": subject,
                "activity": [{"detail": {"status": "stopped",
                    "scheduledTiming": {"repeat": {"count": 16, "frequency": 2, "period": 1, "periodUnit": "wk"}}}}]}}
        ]
    });
    assert_eq!(validate(&valid), Vec::<String>::new());

    let link = "/entry/1/resource/extension/0";
    let visit = "/entry/3/resource";
    let cases: Vec<(Value, &str)> = vec![
        (
            with(
                &valid,
                &format!("{link}/extension/0/valueCodeableConcept/coding/0/code"),
                "component".into(),
            ),
            "is not a code of http://terminology.hl7.org/CodeSystem/goal-relationship-type",
        ),
        (
            with(
                &valid,
                &format!("{link}/extension/1/valueReference/reference"),
                patient.into(),
            ),
            "refers to a Patient; allowed: Goal",
        ),
        (
            with(&valid, &format!("{link}/extension/1/url"), "type".into()),
            "`target` exactly once",
        ),
        (
            with(&valid, &format!("{link}/valueString"), "x".into()),
            "ext-1",
        ),
        (
            with(
                &valid,
                &format!("{visit}/extension"),
                serde_json::json!([milestone]),
            ),
            "may not be used on Encounter",
        ),
        (
            with(&valid, &format!("{visit}/status"), "finished".into()),
            "applies only if the status is cancelled",
        ),
        (
            with(
                &valid,
                &format!("{visit}/extension/0/url"),
                "http://example.org/x".into(),
            ),
            "not an extension careplan writes",
        ),
        (
            with(&valid, &format!("{visit}/status"), "no-show".into()),
            "required value set",
        ),
        (
            with(&valid, &format!("{visit}/class/code"), "OUTPATIENT".into()),
            "ActEncounterCode",
        ),
        (
            with(&valid, &format!("{visit}/length/code"), "kg".into()),
            "drt-1",
        ),
        (
            with(
                &valid,
                "/entry/4/resource/prediction/0/qualitativeRisk/coding/0/code",
                "extreme".into(),
            ),
            "is not a code of http://terminology.hl7.org/CodeSystem/risk-probability",
        ),
        (
            with(&valid, "/entry/4/resource/encounter/reference", goal.into()),
            "refers to a Goal; allowed: Encounter",
        ),
        (
            with(
                &valid,
                "/entry/4/resource/prediction/0/probabilityDecimal",
                120.into(),
            ),
            "ras-2",
        ),
        (
            with(
                &valid,
                "/entry/5/resource/activity/0/detail/scheduledTiming/repeat/count",
                0.into(),
            ),
            "not a positiveInt",
        ),
    ];
    for (bundle, expected) in cases {
        let errors = validate(&bundle);
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "expected `{expected}` among {errors:?}"
        );
    }
}
