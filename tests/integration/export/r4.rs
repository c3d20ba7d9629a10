//! A strict validator for the FHIR R4 that `careplan export` writes.
//!
//! Why not a FHIR model crate: `fhirbolt` 0.4 with its `r4` feature (the one
//! well-kept crate with a full R4 model; `fhir-sdk` has no R4, only R4B/R5)
//! took 4 min 22 s to 4 min 46 s to build from clean on this 2-core machine,
//! 2 min 46 s for the crate and 1 min 36 s more to instantiate its `Resource`
//! deserialiser in the crate that calls it. That is over the 3 minutes this
//! project allows a dependency, and its strict mode checks element names,
//! types and required elements only: not value sets, references or
//! invariants, which would have had to be written here anyway.
//!
//! So this module checks, against the R4 specification (4.0.1):
//! - every element's name, type and cardinality: each resource and data type
//!   lists the elements it may have, with their `min..max`, so a misspelt,
//!   misplaced or unsupported element is an error (elements careplan never
//!   writes are left out of the lists, so nothing reaches a snapshot
//!   unchecked); a choice `[x]` appears at most once;
//! - required elements: Condition.subject; Goal.lifecycleStatus, description,
//!   subject; CarePlan.status, intent, subject, activity.detail.status;
//!   MedicationStatement.status, medication[x], subject; Encounter.status,
//!   class; Observation.status, code, component.code; RiskAssessment.status,
//!   subject; Extension.url; Bundle.type;
//! - primitive formats: `id`, `code`, `uri`, `date`, `dateTime` (real calendar
//!   dates), `integer` (32-bit), `positiveInt`, `decimal`, non-empty strings,
//!   and no empty objects or arrays (ele-1);
//! - codes of required bindings: Bundle.type, Goal.lifecycleStatus,
//!   CarePlan.status, intent, activity.detail.kind and status,
//!   MedicationStatement.status, Encounter.status, Observation.status,
//!   RiskAssessment.status, Condition.clinicalStatus and verificationStatus,
//!   Quantity.comparator, Timing.repeat.periodUnit; Goal.achievementStatus
//!   against the goal-achievement code system; and, where careplan codes an
//!   extensible or example binding from its own system, that system's codes
//!   (Encounter.class in v3 ActEncounterCode, RiskAssessment.prediction.
//!   qualitativeRisk in risk-probability, the goal-relationship `type`);
//! - extensions (`extensions.rs`): each against its R4 definition, its
//!   context, sub-extensions, value type and codes; ext-1; no other URL;
//! - references: each resolves to a `fullUrl` in the bundle, and to a
//!   resource of a type the element allows;
//! - invariants: bdl-1, bdl-2, bdl-3, bdl-4, bdl-5, bdl-7, bdl-8; cpl-3;
//!   gol-1; con-3, con-4, con-5; obs-6, obs-7; ras-2; per-1; qty-3; drt-1;
//!   tim-2, tim-5; ext-1; ref-1; and each resource's `id` matches its
//!   `urn:uuid:` fullUrl.

mod elements;
mod extensions;
#[cfg(test)]
mod tests;

use elements::*;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// Every problem found in `bundle`, as `path: message`; empty when valid.
pub fn validate(bundle: &Value) -> Vec<String> {
    let mut cx = Cx::default();
    cx.bundle(bundle);
    cx.errors
}

/// What the walk has found so far.
#[derive(Default)]
struct Cx {
    errors: Vec<String>,
    /// (path, reference, allowed types), resolved once every entry is known.
    references: Vec<(String, String, &'static [&'static str])>,
}

impl Cx {
    fn error(&mut self, path: &str, message: impl std::fmt::Display) {
        self.errors.push(format!("{path}: {message}"));
    }

    fn bundle(&mut self, bundle: &Value) {
        let Some(object) = bundle.as_object() else {
            return self.error("Bundle", "not an object");
        };
        if object.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
            self.error("Bundle", "resourceType is not `Bundle`");
        }
        let kind = object.get("type").and_then(Value::as_str).unwrap_or("");
        const ENTRY: &[E] = &[opt("fullUrl", T::Uri), opt("resource", T::Resource)];
        const BUNDLE: &[E] = &[
            opt("id", T::Id),
            req("type", T::Code(BUNDLE_TYPE)),
            many("entry", T::Complex(ENTRY)),
        ];
        // The checks of bdl-1..4 come before the element lists, which do
        // not allow `total`, `search`, `request` or `response` at all.
        if object.contains_key("total") && !matches!(kind, "searchset" | "history") {
            self.error("Bundle", "bdl-1: total only when a search or history");
        }
        let entries: &[Value] = object
            .get("entry")
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice);
        for (i, entry) in entries.iter().enumerate() {
            let path = format!("Bundle.entry[{i}]");
            let has = |key: &str| entry.get(key).is_some();
            if has("search") && kind != "searchset" {
                self.error(&path, "bdl-2: entry.search only when a search");
            }
            let needs_request = matches!(kind, "batch" | "transaction" | "history");
            if has("request") != needs_request {
                self.error(&path, "bdl-3: entry.request mandatory for batch/transaction/history, otherwise prohibited");
            }
            let needs_response =
                matches!(kind, "batch-response" | "transaction-response" | "history");
            if has("response") != needs_response {
                self.error(&path, "bdl-4: entry.response mandatory for batch-response/transaction-response/history, otherwise prohibited");
            }
            if !(has("resource") || has("request") || has("response")) {
                self.error(
                    &path,
                    "bdl-5: entry must contain a resource or a request or a response",
                );
            }
        }
        self.object("Bundle", object, &[], BUNDLE);

        // bdl-7 and bdl-8; the fullUrl is a `uuid` and matches the id.
        let mut full_urls: HashMap<String, String> = HashMap::new();
        let mut versions: HashSet<(String, String)> = HashSet::new();
        for (i, entry) in entries.iter().enumerate() {
            let path = format!("Bundle.entry[{i}]");
            let Some(full_url) = entry.get("fullUrl").and_then(Value::as_str) else {
                self.error(
                    &path,
                    "no fullUrl (every entry of a collection from careplan has one)",
                );
                continue;
            };
            if full_url.contains("/_history/") {
                self.error(
                    &path,
                    "bdl-8: fullUrl cannot be a version specific reference",
                );
            }
            let uuid = full_url.strip_prefix("urn:uuid:").unwrap_or("");
            if !is_uuid(uuid) {
                self.error(
                    &path,
                    format!("fullUrl `{full_url}` is not a urn:uuid: with a lowercase UUID"),
                );
            }
            let resource = entry.get("resource");
            let kind = resource
                .and_then(|r| r.get("resourceType"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            if let Some(id) = resource.and_then(|r| r.get("id")).and_then(Value::as_str)
                && id != uuid
            {
                self.error(
                    &path,
                    format!("resource id `{id}` differs from its fullUrl `{full_url}`"),
                );
            }
            let version = resource
                .and_then(|r| r.pointer("/meta/versionId"))
                .and_then(Value::as_str)
                .unwrap_or("");
            if !versions.insert((full_url.to_owned(), version.to_owned())) {
                self.error(&path, format!("bdl-7: fullUrl `{full_url}` is not unique"));
            }
            full_urls.insert(full_url.to_owned(), kind);
        }
        // References resolve, to a resource of an allowed type.
        for (path, reference, allowed) in std::mem::take(&mut self.references) {
            match full_urls.get(&reference) {
                None => self.error(
                    &path,
                    format!("reference `{reference}` resolves to no entry"),
                ),
                Some(kind)
                    if !allowed.contains(&"Resource") && !allowed.contains(&kind.as_str()) =>
                {
                    self.error(
                        &path,
                        format!("refers to a {kind}; allowed: {}", allowed.join(", ")),
                    );
                }
                Some(_) => {}
            }
        }
    }

    fn resource(&mut self, path: &str, value: &Value) {
        let Some(object) = value.as_object() else {
            return self.error(path, "a resource is not an object");
        };
        let Some(kind) = object.get("resourceType").and_then(Value::as_str) else {
            return self.error(path, "no resourceType");
        };
        let Some(elements) = resource_elements(kind) else {
            return self.error(
                path,
                format!("resource type `{kind}` is not one careplan writes"),
            );
        };
        self.object(kind, object, DOMAIN_RESOURCE, elements);
        self.invariants(kind, value);
    }

    /// Checks an object's members against `base` and `elements`.
    fn object(&mut self, path: &str, object: &Map<String, Value>, base: &[E], elements: &[E]) {
        let all: Vec<&E> = base.iter().chain(elements).collect();
        if object.is_empty() {
            self.error(path, "ele-1: an element has no value or children");
        }
        for key in object.keys() {
            if key == "resourceType" {
                continue;
            }
            if !all.iter().any(|e| e.name == key) {
                self.error(
                    &format!("{path}.{key}"),
                    "not an element of this type (or one careplan does not write)",
                );
            }
        }
        let mut choices: HashMap<&str, (usize, usize)> = HashMap::new();
        for element in &all {
            let child = format!("{path}.{}", element.name);
            let value = object.get(element.name);
            if let Some(group) = element.choice {
                let seen = choices.entry(group).or_insert((0, element.min));
                seen.0 += usize::from(value.is_some());
            } else if value.is_none() && element.min > 0 {
                self.error(&child, format!("required (min {})", element.min));
            }
            let Some(value) = value else { continue };
            if element.many {
                match value.as_array() {
                    Some(items) if items.is_empty() => self.error(&child, "ele-1: an empty array"),
                    Some(items) => {
                        for (i, item) in items.iter().enumerate() {
                            self.value(&format!("{child}[{i}]"), item, element.ty);
                        }
                    }
                    None => self.error(&child, "repeats (0..*), so must be an array"),
                }
            } else if value.is_array() {
                self.error(&child, "at most one (0..1), so must not be an array");
            } else {
                self.value(&child, value, element.ty);
            }
        }
        for (group, (count, min)) in choices {
            if count > 1 {
                self.error(
                    &format!("{path}.{group}[x]"),
                    "a choice has more than one type",
                );
            }
            if count < min {
                self.error(&format!("{path}.{group}[x]"), "required (min 1)");
            }
        }
    }

    fn value(&mut self, path: &str, value: &Value, ty: T) {
        match ty {
            T::Str => match value.as_str() {
                Some(s) if !s.trim().is_empty() => {}
                _ => self.error(path, "not a non-empty string"),
            },
            T::Code(codes) => match value.as_str() {
                Some(code) if is_code(code) => {
                    if !codes.is_empty() && !codes.contains(&code) {
                        self.error(
                            path,
                            format!("`{code}` is not in the required value set {codes:?}"),
                        );
                    }
                }
                _ => self.error(path, "not a code"),
            },
            T::Uri => match value.as_str() {
                Some(uri) if !uri.is_empty() && !uri.contains(char::is_whitespace) => {}
                _ => self.error(path, "not a uri"),
            },
            T::Id => match value.as_str() {
                Some(id)
                    if (1..=64).contains(&id.len())
                        && id
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.') => {}
                _ => self.error(path, "not an id"),
            },
            T::Date => match value.as_str() {
                Some(date) if is_date(date) => {}
                _ => self.error(path, format!("not a date: {value}")),
            },
            T::DateTime => match value.as_str() {
                Some(text) if is_date_time(text) => {}
                _ => self.error(path, format!("not a dateTime: {value}")),
            },
            T::Int => {
                if value.as_i64().and_then(|n| i32::try_from(n).ok()).is_none() {
                    self.error(path, format!("not a 32-bit integer: {value}"));
                }
            }
            T::PosInt => {
                if !value
                    .as_i64()
                    .is_some_and(|n| (1..=i64::from(i32::MAX)).contains(&n))
                {
                    self.error(path, format!("not a positiveInt: {value}"));
                }
            }
            T::Dec => {
                if !value.is_number() {
                    self.error(path, format!("not a decimal: {value}"));
                }
            }
            T::Bool => {
                if !value.is_boolean() {
                    self.error(path, "not a boolean");
                }
            }
            T::Cc => self.complex(path, value, CODEABLE_CONCEPT),
            T::CcFrom(system, codes) => {
                self.complex(path, value, CODEABLE_CONCEPT);
                let codings: Vec<&Value> = value
                    .get("coding")
                    .and_then(Value::as_array)
                    .map(|c| {
                        c.iter()
                            .filter(|c| c.get("system").and_then(Value::as_str) == Some(system))
                            .collect()
                    })
                    .unwrap_or_default();
                if codings.is_empty() {
                    self.error(path, format!("required binding: no coding from {system}"));
                }
                for coding in codings {
                    let code = coding.get("code").and_then(Value::as_str).unwrap_or("");
                    if !codes.contains(&code) {
                        self.error(path, format!("`{code}` is not a code of {system}"));
                    }
                }
            }
            T::Ref(allowed) => {
                const REFERENCE: &[E] = &[opt("reference", T::Str), opt("display", T::Str)];
                self.complex(path, value, REFERENCE);
                match value.get("reference").and_then(Value::as_str) {
                    Some(local) if local.starts_with('#') => {
                        self.error(
                            path,
                            "ref-1: a local reference, but careplan writes no contained resources",
                        );
                    }
                    Some(reference) => {
                        self.references
                            .push((path.to_owned(), reference.to_owned(), allowed))
                    }
                    None => self.error(path, "a reference with no `reference`"),
                }
            }
            T::Complex(elements) => {
                self.complex(path, value, elements);
                self.type_invariants(path, value, elements);
            }
            T::Resource => self.resource(path, value),
            T::Extension => {
                self.complex(path, value, EXTENSION);
                let has_value = value
                    .as_object()
                    .is_some_and(|o| o.keys().any(|k| k.starts_with("value")));
                if has_value == value.get("extension").is_some() {
                    self.error(
                        path,
                        "ext-1: must have either extensions or value[x], not both",
                    );
                }
            }
            T::Duration => {
                self.complex(path, value, QUANTITY);
                self.type_invariants(path, value, QUANTITY);
                let text = |key: &str| value.get(key).and_then(Value::as_str);
                let timed = text("code").is_some_and(|c| UNITS_OF_TIME.contains(&c));
                let ucum = text("system").is_none_or(|s| s == "http://unitsofmeasure.org");
                if value.get("value").is_some() && !(timed && ucum) {
                    self.error(
                        path,
                        "drt-1: a code, and a UCUM expression of time, if there is a value",
                    );
                }
            }
        }
    }

    fn complex(&mut self, path: &str, value: &Value, elements: &[E]) {
        match value.as_object() {
            Some(object) => self.object(path, object, &[], elements),
            None => self.error(path, "not an object"),
        }
    }

    /// Invariants of data types: per-1, qty-3, tim-2, tim-5.
    fn type_invariants(&mut self, path: &str, value: &Value, elements: &[E]) {
        let text = |key: &str| value.get(key).and_then(Value::as_str);
        if std::ptr::eq(elements, PERIOD)
            && let (Some(start), Some(end)) = (text("start"), text("end"))
            && start > end
        {
            self.error(path, "per-1: start SHALL have a lower value than end");
        }
        if std::ptr::eq(elements, QUANTITY)
            && value.get("code").is_some()
            && value.get("system").is_none()
        {
            self.error(
                path,
                "qty-3: if a code for the unit is present, the system SHALL also be present",
            );
        }
        if std::ptr::eq(elements, REPEAT) {
            if value.get("period").is_some() && value.get("periodUnit").is_none() {
                self.error(
                    path,
                    "tim-2: if there's a period, there needs to be period units",
                );
            }
            if value
                .get("period")
                .and_then(Value::as_f64)
                .is_some_and(|p| p < 0.0)
            {
                self.error(path, "tim-5: period SHALL be a non-negative value");
            }
        }
    }

    /// Invariants of resources: gol-1, cpl-3, con-3..5, obs-6, obs-7,
    /// ras-2; the codes of extensible and example bindings careplan fills
    /// from their own systems; each extension against its definition.
    fn invariants(&mut self, kind: &str, resource: &Value) {
        self.extensions(kind, resource);
        let list = |value: &Value, key: &str| -> Vec<Value> {
            value
                .get(key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        match kind {
            "Goal" => {
                for (i, target) in list(resource, "target").iter().enumerate() {
                    let detail = ["detailQuantity", "detailString", "detailInteger"]
                        .iter()
                        .any(|k| target.get(k).is_some());
                    if detail && target.get("measure").is_none() {
                        self.error(
                            &format!("Goal.target[{i}]"),
                            "gol-1: target.measure is required if target.detail is populated",
                        );
                    }
                }
            }
            "CarePlan" => {
                for (i, activity) in list(resource, "activity").iter().enumerate() {
                    if activity.get("detail").is_some() && activity.get("reference").is_some() {
                        self.error(
                            &format!("CarePlan.activity[{i}]"),
                            "cpl-3: provide a reference or detail, not both",
                        );
                    }
                }
            }
            "Condition" => {
                let code = |key: &str| {
                    resource
                        .get(key)
                        .and_then(|c| c.pointer("/coding/0/code"))
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                };
                let clinical = code("clinicalStatus");
                let verification = code("verificationStatus");
                let problem = list(resource, "category").iter().any(|c| {
                    c.get("coding").and_then(Value::as_array).is_some_and(|cs| {
                        cs.iter().any(|c| {
                            c.get("code").and_then(Value::as_str) == Some("problem-list-item")
                        })
                    })
                });
                if problem
                    && verification.as_deref() != Some("entered-in-error")
                    && clinical.is_none()
                {
                    self.error(
                        "Condition",
                        "con-3: clinicalStatus SHALL be present for a problem-list-item",
                    );
                }
                let abated = resource
                    .as_object()
                    .is_some_and(|o| o.keys().any(|k| k.starts_with("abatement")));
                if abated
                    && !matches!(
                        clinical.as_deref(),
                        Some("inactive" | "resolved" | "remission")
                    )
                {
                    self.error(
                        "Condition",
                        "con-4: an abated condition is inactive, resolved or in remission",
                    );
                }
                if verification.as_deref() == Some("entered-in-error") && clinical.is_some() {
                    self.error(
                        "Condition",
                        "con-5: no clinicalStatus when entered-in-error",
                    );
                }
            }
            "Observation" => {
                let has_value = |v: &Value| {
                    v.as_object()
                        .is_some_and(|o| o.keys().any(|k| k.starts_with("value")))
                };
                if has_value(resource) && resource.get("dataAbsentReason").is_some() {
                    self.error(
                        "Observation",
                        "obs-6: dataAbsentReason only when there is no value",
                    );
                }
                let code = resource.get("code");
                for (i, component) in list(resource, "component").iter().enumerate() {
                    if has_value(resource) && component.get("code") == code {
                        self.error(&format!("Observation.component[{i}]"), "obs-7: a component's code repeats the Observation's code beside its value");
                    }
                    if has_value(component) && component.get("dataAbsentReason").is_some() {
                        self.error(
                            &format!("Observation.component[{i}]"),
                            "obs-6: dataAbsentReason only when there is no value",
                        );
                    }
                }
            }
            "Encounter" => {
                let class = resource.get("class");
                let text = |key: &str| class.and_then(|c| c.get(key)).and_then(Value::as_str);
                if text("system") == Some("http://terminology.hl7.org/CodeSystem/v3-ActCode")
                    && !text("code").is_some_and(|c| ACT_ENCOUNTER_CODE.contains(&c))
                {
                    self.error(
                        "Encounter.class",
                        "not a code of v3 ActEncounterCode (extensible binding)",
                    );
                }
            }
            "RiskAssessment" => {
                for (i, prediction) in list(resource, "prediction").iter().enumerate() {
                    let path = format!("RiskAssessment.prediction[{i}]");
                    if prediction
                        .get("probabilityDecimal")
                        .and_then(Value::as_f64)
                        .is_some_and(|p| p > 100.0)
                    {
                        self.error(&path, "ras-2: must be <= 100");
                    }
                    if let Some(risk) = prediction.get("qualitativeRisk") {
                        self.codes_of(
                            &format!("{path}.qualitativeRisk"),
                            risk,
                            "http://terminology.hl7.org/CodeSystem/risk-probability",
                            RISK_PROBABILITY,
                        );
                    }
                }
            }
            _ => {}
        }
    }

    /// The codes `concept` has from `system` are among `codes` (an
    /// extensible or example binding: other systems may appear).
    fn codes_of(&mut self, path: &str, concept: &Value, system: &str, codes: &[&str]) {
        let codings = concept
            .get("coding")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        for coding in codings {
            let code = coding.get("code").and_then(Value::as_str).unwrap_or("");
            if coding.get("system").and_then(Value::as_str) == Some(system)
                && !codes.contains(&code)
            {
                self.error(path, format!("`{code}` is not a code of {system}"));
            }
        }
    }
}

fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups.iter().all(|g| {
            g.chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
        })
}

/// R4 `code`: `[^\s]+(\s[^\s]+)*`.
fn is_code(text: &str) -> bool {
    !text.is_empty()
        && text
            .split(' ')
            .all(|part| !part.is_empty() && !part.contains(char::is_whitespace))
}

/// R4 `date`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, on the calendar.
fn is_date(text: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !text.is_ascii() {
        return false;
    }
    match text.len() {
        4 => digits(text) && text != "0000",
        7 => {
            let (year, month) = text.split_at(4);
            digits(year) && month.starts_with('-') && matches!(month[1..].parse::<u8>(), Ok(1..=12))
        }
        10 => text.parse::<jiff::civil::Date>().is_ok() && digits(&text[..4]),
        _ => false,
    }
}

/// R4 `dateTime`: a date, or a full date and time with a zone.
fn is_date_time(text: &str) -> bool {
    match text.split_once('T') {
        None => is_date(text),
        Some((date, _)) => {
            date.len() == 10 && is_date(date) && text.parse::<jiff::Timestamp>().is_ok()
        }
    }
}
