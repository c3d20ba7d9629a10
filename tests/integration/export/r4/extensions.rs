//! The extensions careplan writes, each checked against its R4 definition:
//! where it may be used, which sub-extensions or value it has, and the
//! types and codes of those. Any other extension is an error, so none
//! reaches a snapshot unchecked.
//!
//! - `goal-relationship` (R4 4.0.1, context Goal): a complex extension with
//!   exactly one `type` (valueCodeableConcept, extensible binding to
//!   GoalRelationshipType) and exactly one `target` (valueReference to a
//!   Goal), and no value of its own.
//! - `encounter-reasonCancelled` (R4 4.0.1, context Encounter, 0..1): a
//!   valueCodeableConcept, "applies only if the status is cancelled".

use super::*;

const GOAL_RELATIONSHIP: &str = "http://hl7.org/fhir/StructureDefinition/goal-relationship";
const REASON_CANCELLED: &str = "http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled";

impl Cx {
    /// Checks the extensions on a resource of type `kind`.
    pub(super) fn extensions(&mut self, kind: &str, resource: &Value) {
        let extensions = resource
            .get("extension")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        let mut cancelled = 0;
        for (i, extension) in extensions.iter().enumerate() {
            let path = format!("{kind}.extension[{i}]");
            let url = extension.get("url").and_then(Value::as_str).unwrap_or("");
            match (url, kind) {
                (GOAL_RELATIONSHIP, "Goal") => self.goal_relationship(&path, extension),
                (REASON_CANCELLED, "Encounter") => {
                    cancelled += 1;
                    self.only_value(&path, extension, "valueCodeableConcept");
                    if resource.get("status").and_then(Value::as_str) != Some("cancelled") {
                        self.error(
                            &path,
                            "reasonCancelled applies only if the status is cancelled",
                        );
                    }
                }
                (GOAL_RELATIONSHIP | REASON_CANCELLED, _) => {
                    self.error(&path, format!("`{url}` may not be used on {kind}"));
                }
                _ => self.error(
                    &path,
                    format!("`{url}` is not an extension careplan writes (no definition to check)"),
                ),
            }
        }
        if cancelled > 1 {
            self.error(kind, "encounter-reasonCancelled: at most one (0..1)");
        }
    }

    fn goal_relationship(&mut self, path: &str, extension: &Value) {
        let parts = extension
            .get("extension")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        let named = |name: &str| {
            parts
                .iter()
                .filter(|p| p.get("url").and_then(Value::as_str) == Some(name))
                .count()
        };
        for name in ["type", "target"] {
            if named(name) != 1 {
                self.error(
                    path,
                    format!("goal-relationship: `{name}` exactly once (1..1)"),
                );
            }
        }
        for (i, part) in parts.iter().enumerate() {
            let child = format!("{path}.extension[{i}]");
            match part.get("url").and_then(Value::as_str) {
                Some("type") => {
                    self.only_value(&child, part, "valueCodeableConcept");
                    if let Some(concept) = part.get("valueCodeableConcept") {
                        self.codes_of(
                            &child,
                            concept,
                            "http://terminology.hl7.org/CodeSystem/goal-relationship-type",
                            GOAL_RELATIONSHIP_TYPE,
                        );
                    }
                }
                Some("target") => {
                    self.only_value(&child, part, "valueReference");
                    if let Some(reference) = part
                        .pointer("/valueReference/reference")
                        .and_then(Value::as_str)
                    {
                        self.references
                            .push((child, reference.to_owned(), &["Goal"]));
                    }
                }
                _ => self.error(&child, "goal-relationship has only `type` and `target`"),
            }
        }
    }

    /// A simple extension: `value` and no sub-extension (their `extension`
    /// is 0..0 in every definition careplan writes).
    fn only_value(&mut self, path: &str, extension: &Value, value: &str) {
        let values: Vec<&String> = extension
            .as_object()
            .map(|o| o.keys().filter(|k| k.starts_with("value")).collect())
            .unwrap_or_default();
        if values.len() != 1 || values[0] != value {
            self.error(path, format!("the value must be a `{value}`"));
        }
        if extension.get("extension").is_some() {
            self.error(path, "no sub-extension (0..0)");
        }
    }
}
