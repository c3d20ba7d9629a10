//! The FHIR R4 resources careplan writes, as `serde` shapes: only the
//! elements it fills.

use super::UuidExt as _;
use crate::ast::Frequency;
use crate::words::{Cadence, Per};
use jiff::civil::Date;
use serde::{Serialize, Serializer};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct BundleEntry {
    pub(super) full_url: Urn,
    pub(super) resource: Resource,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "resourceType")]
pub(super) enum Resource {
    Patient(Patient),
    Condition(Condition),
    Goal(Goal),
    CarePlan(CarePlan),
    MedicationStatement(MedicationStatement),
    Encounter(Encounter),
    Observation(Observation),
    RiskAssessment(RiskAssessment),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Patient {
    pub(super) id: Id,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) identifier: Vec<Identifier>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Condition {
    pub(super) id: Id,
    pub(super) clinical_status: CodeableConcept,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) verification_status: Option<CodeableConcept>,
    pub(super) category: Vec<CodeableConcept>,
    pub(super) code: CodeableConcept,
    pub(super) subject: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) onset_date_time: Option<Day>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Goal {
    pub(super) id: Id,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) extension: Vec<Extension>,
    pub(super) lifecycle_status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) achievement_status: Option<CodeableConcept>,
    pub(super) description: CodeableConcept,
    pub(super) subject: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) start_date: Option<Day>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) target: Vec<GoalTarget>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) status_date: Option<Day>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) addresses: Vec<Reference>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct GoalTarget {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) measure: Option<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) detail_quantity: Option<Quantity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) due_date: Option<Day>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CarePlan {
    pub(super) id: Id,
    pub(super) status: &'static str,
    pub(super) intent: &'static str,
    pub(super) title: String,
    pub(super) subject: Reference,
    pub(super) period: Period,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) addresses: Vec<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) goal: Vec<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) activity: Vec<Activity>,
}

/// cpl-3: an activity has a `detail` and never a `reference`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct Activity {
    pub(super) detail: ActivityDetail,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ActivityDetail {
    pub(super) kind: &'static str,
    pub(super) code: CodeableConcept,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) goal: Vec<Reference>,
    pub(super) status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) scheduled_timing: Option<Timing>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) product_codeable_concept: Option<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) description: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct MedicationStatement {
    pub(super) id: Id,
    pub(super) based_on: Vec<Reference>,
    pub(super) status: &'static str,
    pub(super) medication_codeable_concept: CodeableConcept,
    pub(super) subject: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) effective_period: Option<Period>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) reason_reference: Vec<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) dosage: Vec<Dosage>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct Dosage {
    pub(super) text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Observation {
    pub(super) id: Id,
    pub(super) status: &'static str,
    pub(super) category: Vec<CodeableConcept>,
    pub(super) code: CodeableConcept,
    pub(super) subject: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) encounter: Option<Reference>,
    pub(super) effective_date_time: Day,
    #[serde(flatten)]
    pub(super) value: Value,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) component: Vec<Component>,
}

/// A session as an `Encounter`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Encounter {
    pub(super) id: Id,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) extension: Vec<Extension>,
    pub(super) status: &'static str,
    pub(super) class: Coding,
    pub(super) subject: Reference,
    pub(super) period: Period,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) length: Option<Duration>,
}

/// A risk level as a `RiskAssessment`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct RiskAssessment {
    pub(super) id: Id,
    pub(super) status: &'static str,
    pub(super) code: CodeableConcept,
    pub(super) subject: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) encounter: Option<Reference>,
    pub(super) occurrence_date_time: Day,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) reason_code: Vec<CodeableConcept>,
    pub(super) prediction: Vec<Prediction>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Prediction {
    pub(super) qualitative_risk: CodeableConcept,
}

/// An `Extension`: a value, or (a complex extension) its own extensions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct Extension {
    pub(super) url: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) extension: Vec<Extension>,
    #[serde(flatten)]
    pub(super) value: Option<ExtensionValue>,
}

/// `Extension.value[x]`, of the types careplan writes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) enum ExtensionValue {
    #[serde(rename = "valueCodeableConcept")]
    CodeableConcept(CodeableConcept),
    #[serde(rename = "valueReference")]
    Reference(Reference),
}

impl Extension {
    /// A simple extension holding `value`.
    pub(super) fn of(url: &'static str, value: ExtensionValue) -> Self {
        Extension {
            url,
            extension: Vec::new(),
            value: Some(value),
        }
    }
}

/// A `Duration` in minutes (UCUM `min`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct Duration {
    pub(super) value: Decimal,
    pub(super) unit: &'static str,
    pub(super) system: &'static str,
    pub(super) code: &'static str,
}

impl Duration {
    pub(super) fn minutes(value: f64) -> Self {
        Duration {
            value: Decimal(value),
            unit: "min",
            system: "http://unitsofmeasure.org",
            code: "min",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct Component {
    pub(super) code: CodeableConcept,
    #[serde(flatten)]
    pub(super) value: Value,
}

/// `value[x]`: `valueInteger` for a whole number that fits FHIR's 32-bit
/// integer, `valueQuantity` otherwise.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) enum Value {
    #[serde(rename = "valueInteger")]
    Integer(i32),
    #[serde(rename = "valueQuantity")]
    Quantity(Quantity),
}

impl Value {
    pub(super) fn of(value: f64) -> Self {
        if value.fract() == 0.0 && value >= f64::from(i32::MIN) && value <= f64::from(i32::MAX) {
            // In range and whole, so the conversion is exact.
            #[allow(clippy::cast_possible_truncation)]
            Value::Integer(value as i32)
        } else {
            Value::Quantity(Quantity {
                value: Decimal(value),
                comparator: None,
            })
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct Identifier {
    pub(super) system: String,
    pub(super) value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct Reference {
    pub(super) reference: Urn,
}

impl Reference {
    pub(super) fn to(uuid: &Uuid) -> Self {
        Reference {
            reference: uuid.full_url(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub(super) struct CodeableConcept {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) coding: Vec<Coding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) text: Option<String>,
}

impl CodeableConcept {
    pub(super) fn text(text: &str) -> Self {
        CodeableConcept {
            coding: Vec::new(),
            text: Some(text.to_owned()),
        }
    }

    pub(super) fn coded(system: &str, code: &str, display: &str) -> Self {
        CodeableConcept {
            coding: vec![Coding {
                system: system.to_owned(),
                code: code.to_owned(),
                display: Some(display.to_owned()),
            }],
            text: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct Coding {
    pub(super) system: String,
    pub(super) code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) display: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct Period {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) start: Option<Day>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) end: Option<Day>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct Quantity {
    pub(super) value: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) comparator: Option<&'static str>,
}

/// `Timing`: the treatment's dates and, for an intervention, its frequency
/// and planned number of sessions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct Timing {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) repeat: Option<Repeat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) code: Option<CodeableConcept>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Repeat {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) bounds_period: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) count: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) frequency: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) period: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) period_unit: Option<&'static str>,
}

impl Timing {
    /// Within `bounds`, `count` times in all (a `course N sessions`), and
    /// `frequency`: N times per period for a cadence word or `N per week`
    /// (`frequency`, `period`, `periodUnit`), the described frequency as
    /// the timing's text. Zero counts are left out: FHIR's are positive.
    pub(super) fn of(frequency: Option<&Frequency>, bounds: Period, count: Option<u32>) -> Self {
        let bounds = (bounds.start.is_some() || bounds.end.is_some()).then_some(bounds);
        let unit = |per: Per| match per {
            Per::Day => "d",
            Per::Week => "wk",
            Per::Month => "mo",
        };
        let (every, code) = match frequency {
            Some(Frequency::Cadence(cadence)) => (
                Some(match cadence {
                    Cadence::Daily => (1, 1.0, "d"),
                    Cadence::Weekly => (1, 1.0, "wk"),
                    Cadence::Fortnightly => (1, 2.0, "wk"),
                    Cadence::Monthly => (1, 1.0, "mo"),
                }),
                None,
            ),
            Some(Frequency::Rate { times, per }) => {
                ((*times > 0).then(|| (*times, 1.0, unit(*per))), None)
            }
            Some(Frequency::Described(text)) => (None, Some(CodeableConcept::text(text))),
            None => (None, None),
        };
        let count = count.filter(|n| *n > 0);
        let repeat = (bounds.is_some() || every.is_some() || count.is_some()).then(|| Repeat {
            bounds_period: bounds,
            count,
            frequency: every.map(|(times, _, _)| times),
            period: every.map(|(_, n, _)| Decimal(n)),
            period_unit: every.map(|(_, _, unit)| unit),
        });
        Timing { repeat, code }
    }
}

/// A resource's `id`: its UUID, hyphenated, written without a `String`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Id(pub(super) Uuid);

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.hyphenated().encode_lower(&mut Uuid::encode_buffer()))
    }
}

/// A `fullUrl` or a reference to one: `urn:uuid:` and the UUID.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Urn(pub(super) Uuid);

impl Serialize for Urn {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.urn().encode_lower(&mut Uuid::encode_buffer()))
    }
}

/// A FHIR `date`, `YYYY-MM-DD`, as jiff prints it, written without a `String`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Day(pub(super) Date);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut printed = Printed::default();
        match std::fmt::write(&mut printed, format_args!("{}", self.0)) {
            Ok(()) => serializer.serialize_str(printed.as_str()),
            Err(_) => serializer.collect_str(&self.0),
        }
    }
}

/// A short text printed into a fixed buffer (a date is at most 17 bytes).
#[derive(Default)]
struct Printed {
    bytes: [u8; 24],
    len: usize,
}

impl Printed {
    fn as_str(&self) -> &str {
        let printed = self.bytes.get(..self.len).unwrap_or_default();
        // Only whole `str`s are written in, so this never fails.
        std::str::from_utf8(printed).unwrap_or_default()
    }
}

impl std::fmt::Write for Printed {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        let end = self.len + text.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// A FHIR `decimal`: written as an integer when it is whole.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Decimal(pub(super) f64);

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Whole numbers up to 2^53 are exact in both representations.
        const EXACT: f64 = 9_007_199_254_740_992.0;
        if !self.0.is_finite() {
            // JSON would write `null`, which no FHIR decimal may be.
            return Err(serde::ser::Error::custom(
                "a number in the plan is too large to export (`careplan check` shows where)",
            ));
        }
        if self.0.fract() == 0.0 && self.0.abs() <= EXACT {
            #[allow(clippy::cast_possible_truncation)]
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_integers_when_whole() {
        let json = |v: f64| serde_json::to_string(&Decimal(v)).unwrap_or_default();
        assert_eq!(json(5.0), "5");
        assert_eq!(json(-1.0), "-1");
        assert_eq!(json(2.5), "2.5");
    }

    #[test]
    fn values_are_integers_or_quantities() {
        assert!(serde_json::to_string(&Decimal(f64::INFINITY)).is_err());
        assert_eq!(Value::of(14.0), Value::Integer(14));
        assert!(matches!(Value::of(3.5), Value::Quantity(_)));
        assert!(matches!(Value::of(1e12), Value::Quantity(_)));
    }
}
