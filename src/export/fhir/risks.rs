//! Each recorded risk level as a RiskAssessment.
//!
//! `prediction.qualitativeRisk` is coded from
//! `http://terminology.hl7.org/CodeSystem/risk-probability` (R4; the value
//! set `risk-probability` is its example binding), whose five codes are
//! `negligible`, `low` ("possible but unlikely"), `moderate` ("a reasonable
//! likelihood of occurrence"), `high` ("more likely to occur than not") and
//! `certain`. careplan's three levels map to the three codes of the same
//! name. The levels are a clinician's judgement, not a computed
//! probability, so `code.text` says so.
//!
//! Where the level was assessed: a session's RiskAssessment names its
//! Encounter in `encounter` ("the encounter where the assessment was
//! performed"). A review, an event and the discharge are exported as no
//! resource, so their RiskAssessment says what occasioned it in
//! `reasonCode` ("why the assessment was necessary") with careplan's words:
//! "Care plan review", the event's kind ("Crisis", "Relapse",
//! "Hospitalization", "Life event") or "Discharge". `basis` ("the source
//! data considered") is left out: careplan does not know what the clinician
//! weighed. The plan's starting level has neither. The reason written after
//! the level is free text and is never exported.

use super::encounters::Encounters;
use super::resources::*;
use super::*;
use crate::ast::{Document, Entry};
use crate::interpret::Record;
use crate::words::{EventKind, Risk};

const RISK_PROBABILITY: &str = "http://terminology.hl7.org/CodeSystem/risk-probability";

impl Builder<'_> {
    /// One RiskAssessment per risk level recorded up to the date, in
    /// replay order.
    pub(super) fn risks(&mut self, document: &Document, record: &Record, encounters: &Encounters) {
        // date -> how many levels that date so far.
        let mut counts = DayCounts::new(record.risks.iter().map(|r| r.date));
        for mark in &record.risks {
            if mark.date > self.as_of {
                continue;
            }
            let n = counts.next(mark.date, ());
            let uuid = self
                .ids
                .uuid("RiskAssessment", format_args!("{}\n{n}", mark.date));
            let entry = mark.value.entry;
            let occasion = match entry.and_then(|at| document.entries.get(at)) {
                Some(Entry::Review(_)) => Some("Care plan review"),
                Some(Entry::Event(event)) => Some(event_display(event.kind.value)),
                Some(Entry::Discharge(_)) => Some("Discharge"),
                _ => None,
            };
            let (code, display) = risk_code(mark.value.level);
            self.push(
                uuid,
                Resource::RiskAssessment(RiskAssessment {
                    id: uuid.id(),
                    status: "final",
                    code: CodeableConcept::text("Clinician-rated risk of harm"),
                    subject: self.patient.clone(),
                    encounter: entry.and_then(|at| encounters.get(at)).map(Reference::to),
                    occurrence_date_time: Day(mark.date),
                    reason_code: occasion.map(CodeableConcept::text).into_iter().collect(),
                    prediction: vec![Prediction {
                        qualitative_risk: CodeableConcept::coded(RISK_PROBABILITY, code, display),
                    }],
                }),
            );
        }
    }
}

/// A risk level's code and display in `risk-probability`.
fn risk_code(level: Risk) -> (&'static str, &'static str) {
    match level {
        Risk::Low => ("low", "Low likelihood"),
        Risk::Moderate => ("moderate", "Moderate likelihood"),
        Risk::High => ("high", "High likelihood"),
    }
}

/// An event's kind as the occasion of an assessment.
fn event_display(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Crisis => "Crisis",
        EventKind::Relapse => "Relapse",
        EventKind::Hospitalization => "Hospitalization",
        EventKind::LifeEvent => "Life event",
    }
}
