//! Exporting a plan to other systems.
//!
//! - [`fhir`]: the plan as it stood on one date, as a FHIR R4 `Bundle` of
//!   type `collection` (Patient, Conditions, Goals, one CarePlan,
//!   MedicationStatements, Encounters, Observations and RiskAssessments),
//!   for electronic health records.

pub mod fhir;
