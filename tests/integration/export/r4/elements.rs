//! The R4 (4.0.1) elements, types and required value sets careplan writes.

/// An element's type.
#[derive(Clone, Copy)]
pub(super) enum T {
    Str,
    /// A code; when the list is not empty, one of these (a required binding).
    Code(&'static [&'static str]),
    Uri,
    Id,
    Date,
    DateTime,
    Int,
    PosInt,
    Dec,
    Bool,
    /// A CodeableConcept with no required binding.
    Cc,
    /// A CodeableConcept bound (required) to codes of one system.
    CcFrom(&'static str, &'static [&'static str]),
    /// A Reference to one of these resource types.
    Ref(&'static [&'static str]),
    /// A data type or backbone element: its elements.
    Complex(&'static [E]),
    /// A resource (Bundle.entry.resource).
    Resource,
    /// An Extension: its url, its own extensions or one value (ext-1).
    Extension,
    /// A Duration: a Quantity of time in UCUM (drt-1).
    Duration,
}

/// One element: its JSON name, `min`, whether it repeats, its type, and for
/// a choice `[x]`, the choice's name.
#[derive(Clone, Copy)]
pub(super) struct E {
    pub(super) name: &'static str,
    pub(super) min: usize,
    pub(super) many: bool,
    pub(super) ty: T,
    pub(super) choice: Option<&'static str>,
}

pub(super) const fn opt(name: &'static str, ty: T) -> E {
    E {
        name,
        min: 0,
        many: false,
        ty,
        choice: None,
    }
}

pub(super) const fn req(name: &'static str, ty: T) -> E {
    E {
        name,
        min: 1,
        many: false,
        ty,
        choice: None,
    }
}

pub(super) const fn many(name: &'static str, ty: T) -> E {
    E {
        name,
        min: 0,
        many: true,
        ty,
        choice: None,
    }
}

/// One type of a choice `[x]`; `min` 1 when the choice is required.
pub(super) const fn choice(group: &'static str, name: &'static str, min: usize, ty: T) -> E {
    E {
        name,
        min,
        many: false,
        ty,
        choice: Some(group),
    }
}

// Value sets with required bindings (R4 4.0.1).
pub(super) const BUNDLE_TYPE: &[&str] = &[
    "document",
    "message",
    "transaction",
    "transaction-response",
    "batch",
    "batch-response",
    "history",
    "searchset",
    "collection",
];
pub(super) const GOAL_STATUS: &[&str] = &[
    "proposed",
    "planned",
    "accepted",
    "active",
    "on-hold",
    "completed",
    "cancelled",
    "entered-in-error",
    "rejected",
];
pub(super) const GOAL_ACHIEVEMENT: &[&str] = &[
    "in-progress",
    "improving",
    "worsening",
    "no-change",
    "achieved",
    "sustaining",
    "not-achieved",
    "no-progress",
    "not-attainable",
];
pub(super) const REQUEST_STATUS: &[&str] = &[
    "draft",
    "active",
    "on-hold",
    "revoked",
    "completed",
    "entered-in-error",
    "unknown",
];
pub(super) const CARE_PLAN_INTENT: &[&str] = &["proposal", "plan", "order", "option"];
pub(super) const ACTIVITY_KIND: &[&str] = &[
    "Appointment",
    "CommunicationRequest",
    "DeviceRequest",
    "MedicationRequest",
    "NutritionOrder",
    "Task",
    "ServiceRequest",
    "VisionPrescription",
];
pub(super) const ACTIVITY_STATUS: &[&str] = &[
    "not-started",
    "scheduled",
    "in-progress",
    "on-hold",
    "completed",
    "cancelled",
    "stopped",
    "unknown",
    "entered-in-error",
];
pub(super) const MEDICATION_STATEMENT_STATUS: &[&str] = &[
    "active",
    "completed",
    "entered-in-error",
    "intended",
    "stopped",
    "on-hold",
    "unknown",
    "not-taken",
];
pub(super) const OBSERVATION_STATUS: &[&str] = &[
    "registered",
    "preliminary",
    "final",
    "amended",
    "corrected",
    "cancelled",
    "entered-in-error",
    "unknown",
];
pub(super) const CONDITION_CLINICAL: &[&str] = &[
    "active",
    "recurrence",
    "relapse",
    "inactive",
    "remission",
    "resolved",
];
pub(super) const CONDITION_VERIFICATION: &[&str] = &[
    "unconfirmed",
    "provisional",
    "differential",
    "confirmed",
    "refuted",
    "entered-in-error",
];
pub(super) const ENCOUNTER_STATUS: &[&str] = &[
    "planned",
    "arrived",
    "triaged",
    "in-progress",
    "onleave",
    "finished",
    "cancelled",
    "entered-in-error",
    "unknown",
];
pub(super) const COMPARATOR: &[&str] = &["<", "<=", ">=", ">"];
pub(super) const UNITS_OF_TIME: &[&str] = &["s", "min", "h", "d", "wk", "mo", "a"];

// Value sets with extensible or example bindings, checked for the codes of
// their own system (another system is allowed).
/// v3 ActEncounterCode (Encounter.class, extensible).
pub(super) const ACT_ENCOUNTER_CODE: &[&str] = &[
    "AMB", "EMER", "FLD", "HH", "IMP", "ACUTE", "NONAC", "OBSENC", "PRENC", "SS", "VR",
];
/// GoalRelationshipType (the goal-relationship extension's `type`, extensible).
pub(super) const GOAL_RELATIONSHIP_TYPE: &[&str] = &[
    "predecessor",
    "successor",
    "replacement",
    "milestone",
    "other",
];
/// RiskProbability (RiskAssessment.prediction.qualitativeRisk, example).
pub(super) const RISK_PROBABILITY: &[&str] = &["negligible", "low", "moderate", "high", "certain"];

// Data types: the elements careplan may write.
pub(super) const CODING: &[E] = &[
    opt("system", T::Uri),
    opt("version", T::Str),
    opt("code", T::Code(&[])),
    opt("display", T::Str),
    opt("userSelected", T::Bool),
];
pub(super) const CODEABLE_CONCEPT: &[E] =
    &[many("coding", T::Complex(CODING)), opt("text", T::Str)];
pub(super) const IDENTIFIER: &[E] = &[
    opt(
        "use",
        T::Code(&["usual", "official", "temp", "secondary", "old"]),
    ),
    opt("system", T::Uri),
    opt("value", T::Str),
];
pub(super) const PERIOD: &[E] = &[opt("start", T::DateTime), opt("end", T::DateTime)];
pub(super) const QUANTITY: &[E] = &[
    opt("value", T::Dec),
    opt("comparator", T::Code(COMPARATOR)),
    opt("unit", T::Str),
    opt("system", T::Uri),
    opt("code", T::Code(&[])),
];
pub(super) const REPEAT: &[E] = &[
    choice("bounds", "boundsDuration", 0, T::Duration),
    choice("bounds", "boundsPeriod", 0, T::Complex(PERIOD)),
    opt("count", T::PosInt),
    opt("countMax", T::PosInt),
    opt("frequency", T::PosInt),
    opt("period", T::Dec),
    opt("periodUnit", T::Code(UNITS_OF_TIME)),
];
pub(super) const TIMING: &[E] = &[
    many("event", T::DateTime),
    opt("repeat", T::Complex(REPEAT)),
    opt("code", T::Cc),
];
pub(super) const DOSAGE: &[E] = &[opt("sequence", T::Int), opt("text", T::Str)];

/// Resource's and DomainResource's own elements (careplan writes `id` and
/// `extension` only).
pub(super) const DOMAIN_RESOURCE: &[E] = &[opt("id", T::Id), many("extension", T::Extension)];
/// An extension's elements; which of them, and which `url`s, each
/// extension careplan writes may have is checked by its definition.
pub(super) const EXTENSION: &[E] = &[
    req("url", T::Uri),
    many("extension", T::Extension),
    choice("value", "valueCodeableConcept", 0, T::Cc),
    choice("value", "valueReference", 0, T::Ref(&["Resource"])),
    choice("value", "valueString", 0, T::Str),
    choice("value", "valueCode", 0, T::Code(&[])),
];

pub(super) const PATIENT: &[E] = &[
    many("identifier", T::Complex(IDENTIFIER)),
    opt("active", T::Bool),
];
pub(super) const CONDITION: &[E] = &[
    opt(
        "clinicalStatus",
        T::CcFrom(
            "http://terminology.hl7.org/CodeSystem/condition-clinical",
            CONDITION_CLINICAL,
        ),
    ),
    opt(
        "verificationStatus",
        T::CcFrom(
            "http://terminology.hl7.org/CodeSystem/condition-ver-status",
            CONDITION_VERIFICATION,
        ),
    ),
    many("category", T::Cc),
    opt("severity", T::Cc),
    opt("code", T::Cc),
    req("subject", T::Ref(&["Patient", "Group"])),
    choice("onset", "onsetDateTime", 0, T::DateTime),
    choice("onset", "onsetString", 0, T::Str),
    choice("abatement", "abatementDateTime", 0, T::DateTime),
    choice("abatement", "abatementString", 0, T::Str),
    opt("recordedDate", T::DateTime),
];
pub(super) const GOAL_TARGET: &[E] = &[
    opt("measure", T::Cc),
    choice("detail", "detailQuantity", 0, T::Complex(QUANTITY)),
    choice("detail", "detailString", 0, T::Str),
    choice("detail", "detailInteger", 0, T::Int),
    choice("due", "dueDate", 0, T::Date),
];
pub(super) const GOAL: &[E] = &[
    req("lifecycleStatus", T::Code(GOAL_STATUS)),
    opt(
        "achievementStatus",
        T::CcFrom(
            "http://terminology.hl7.org/CodeSystem/goal-achievement",
            GOAL_ACHIEVEMENT,
        ),
    ),
    many("category", T::Cc),
    opt("priority", T::Cc),
    req("description", T::Cc),
    req("subject", T::Ref(&["Patient", "Group", "Organization"])),
    choice("start", "startDate", 0, T::Date),
    many("target", T::Complex(GOAL_TARGET)),
    opt("statusDate", T::Date),
    opt("statusReason", T::Str),
    many(
        "addresses",
        T::Ref(&[
            "Condition",
            "Observation",
            "MedicationStatement",
            "NutritionOrder",
            "ServiceRequest",
            "RiskAssessment",
        ]),
    ),
    many("outcomeReference", T::Ref(&["Observation"])),
];
pub(super) const ACTIVITY_DETAIL: &[E] = &[
    opt("kind", T::Code(ACTIVITY_KIND)),
    opt("code", T::Cc),
    many("reasonCode", T::Cc),
    many(
        "reasonReference",
        T::Ref(&[
            "Condition",
            "Observation",
            "DiagnosticReport",
            "DocumentReference",
        ]),
    ),
    many("goal", T::Ref(&["Goal"])),
    req("status", T::Code(ACTIVITY_STATUS)),
    opt("statusReason", T::Cc),
    opt("doNotPerform", T::Bool),
    choice("scheduled", "scheduledTiming", 0, T::Complex(TIMING)),
    choice("scheduled", "scheduledPeriod", 0, T::Complex(PERIOD)),
    choice("scheduled", "scheduledString", 0, T::Str),
    choice("product", "productCodeableConcept", 0, T::Cc),
    opt("description", T::Str),
];
pub(super) const ACTIVITY: &[E] = &[
    many("outcomeCodeableConcept", T::Cc),
    many("outcomeReference", T::Ref(&["Resource"])),
    opt(
        "reference",
        T::Ref(&[
            "Appointment",
            "CommunicationRequest",
            "DeviceRequest",
            "MedicationRequest",
            "NutritionOrder",
            "Task",
            "ServiceRequest",
            "VisionPrescription",
            "RequestGroup",
        ]),
    ),
    opt("detail", T::Complex(ACTIVITY_DETAIL)),
];
pub(super) const CARE_PLAN: &[E] = &[
    many("basedOn", T::Ref(&["CarePlan"])),
    req("status", T::Code(REQUEST_STATUS)),
    req("intent", T::Code(CARE_PLAN_INTENT)),
    many("category", T::Cc),
    opt("title", T::Str),
    opt("description", T::Str),
    req("subject", T::Ref(&["Patient", "Group"])),
    opt("period", T::Complex(PERIOD)),
    opt("created", T::DateTime),
    many("addresses", T::Ref(&["Condition"])),
    many("goal", T::Ref(&["Goal"])),
    many("activity", T::Complex(ACTIVITY)),
];
pub(super) const MEDICATION_STATEMENT: &[E] = &[
    many(
        "basedOn",
        T::Ref(&["MedicationRequest", "CarePlan", "ServiceRequest"]),
    ),
    req("status", T::Code(MEDICATION_STATEMENT_STATUS)),
    opt("category", T::Cc),
    choice("medication", "medicationCodeableConcept", 1, T::Cc),
    choice(
        "medication",
        "medicationReference",
        1,
        T::Ref(&["Medication"]),
    ),
    req("subject", T::Ref(&["Patient", "Group"])),
    choice("effective", "effectiveDateTime", 0, T::DateTime),
    choice("effective", "effectivePeriod", 0, T::Complex(PERIOD)),
    opt("dateAsserted", T::DateTime),
    many("reasonCode", T::Cc),
    many(
        "reasonReference",
        T::Ref(&["Condition", "Observation", "DiagnosticReport"]),
    ),
    many("dosage", T::Complex(DOSAGE)),
];
pub(super) const OBSERVATION_COMPONENT: &[E] = &[
    req("code", T::Cc),
    choice("value", "valueQuantity", 0, T::Complex(QUANTITY)),
    choice("value", "valueInteger", 0, T::Int),
    choice("value", "valueString", 0, T::Str),
    opt("dataAbsentReason", T::Cc),
];
pub(super) const OBSERVATION: &[E] = &[
    many(
        "basedOn",
        T::Ref(&["CarePlan", "ServiceRequest", "MedicationRequest"]),
    ),
    req("status", T::Code(OBSERVATION_STATUS)),
    many("category", T::Cc),
    req("code", T::Cc),
    opt(
        "subject",
        T::Ref(&["Patient", "Group", "Device", "Location"]),
    ),
    opt("encounter", T::Ref(&["Encounter"])),
    choice("effective", "effectiveDateTime", 0, T::DateTime),
    choice("effective", "effectivePeriod", 0, T::Complex(PERIOD)),
    choice("value", "valueQuantity", 0, T::Complex(QUANTITY)),
    choice("value", "valueInteger", 0, T::Int),
    choice("value", "valueString", 0, T::Str),
    opt("dataAbsentReason", T::Cc),
    many("component", T::Complex(OBSERVATION_COMPONENT)),
];

pub(super) const ENCOUNTER: &[E] = &[
    many("identifier", T::Complex(IDENTIFIER)),
    req("status", T::Code(ENCOUNTER_STATUS)),
    req("class", T::Complex(CODING)),
    many("type", T::Cc),
    opt("serviceType", T::Cc),
    opt("priority", T::Cc),
    opt("subject", T::Ref(&["Patient", "Group"])),
    many("episodeOfCare", T::Ref(&["EpisodeOfCare"])),
    many("basedOn", T::Ref(&["ServiceRequest"])),
    many("appointment", T::Ref(&["Appointment"])),
    opt("period", T::Complex(PERIOD)),
    opt("length", T::Duration),
    many("reasonCode", T::Cc),
];
pub(super) const PREDICTION: &[E] = &[
    opt("outcome", T::Cc),
    choice("probability", "probabilityDecimal", 0, T::Dec),
    opt("qualitativeRisk", T::Cc),
    opt("relativeRisk", T::Dec),
    choice("when", "whenPeriod", 0, T::Complex(PERIOD)),
    opt("rationale", T::Str),
];
pub(super) const RISK_ASSESSMENT: &[E] = &[
    many("identifier", T::Complex(IDENTIFIER)),
    opt("basedOn", T::Ref(&["Resource"])),
    opt("parent", T::Ref(&["Resource"])),
    req("status", T::Code(OBSERVATION_STATUS)),
    opt("method", T::Cc),
    opt("code", T::Cc),
    req("subject", T::Ref(&["Patient", "Group"])),
    opt("encounter", T::Ref(&["Encounter"])),
    choice("occurrence", "occurrenceDateTime", 0, T::DateTime),
    choice("occurrence", "occurrencePeriod", 0, T::Complex(PERIOD)),
    opt("condition", T::Ref(&["Condition"])),
    many("reasonCode", T::Cc),
    many(
        "reasonReference",
        T::Ref(&[
            "Condition",
            "Observation",
            "DiagnosticReport",
            "DocumentReference",
        ]),
    ),
    many("basis", T::Ref(&["Resource"])),
    many("prediction", T::Complex(PREDICTION)),
    opt("mitigation", T::Str),
];

/// The resources this validator knows, with their own elements.
pub(super) fn resource_elements(kind: &str) -> Option<&'static [E]> {
    Some(match kind {
        "Patient" => PATIENT,
        "Condition" => CONDITION,
        "Goal" => GOAL,
        "CarePlan" => CARE_PLAN,
        "MedicationStatement" => MEDICATION_STATEMENT,
        "Observation" => OBSERVATION,
        "Encounter" => ENCOUNTER,
        "RiskAssessment" => RISK_ASSESSMENT,
        _ => return None,
    })
}
