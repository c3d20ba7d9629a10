//! Sessions as Encounters, attended or not.
//!
//! R4 `Encounter.status` (required binding, `http://hl7.org/fhir/encounter-status`)
//! has `finished`, "the Encounter has ended", for a session the client
//! attended, and `cancelled`, "the Encounter has ended before it has
//! begun", for one the client did not attend: R4 has no no-show status for
//! an Encounter (only `Appointment.status` has `noshow`, and an Appointment
//! needs start and end instants that a careplan session, dated to the day,
//! does not have). Which kind of non-attendance it was goes in the R4 core
//! extension `encounter-reasonCancelled` ("if the encounter was cancelled
//! after it was planned, why?"), coded with careplan's own word, so that a
//! receiving system can count no-shows and late cancellations.

use super::resources::*;
use super::*;
use crate::ast::{Document, Entry};
use crate::interpret::Record;
use crate::words::{Attendance, SessionFormat};
use uuid::Uuid;

/// The R4 core extension for why an Encounter was cancelled.
const REASON_CANCELLED: &str = "http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled";

/// The code system of careplan's attendance words (`no-show`,
/// `cancelled`, `late-cancelled`).
pub(super) const ATTENDANCE: &str = "urn:careplan:attendance";

/// HL7 v3 ActCode, the code system of `Encounter.class` (R4: extensible
/// binding to v3 ActEncounterCode).
const ACT_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

/// The Encounters made for attended sessions, by the session's entry
/// index: a sorted list, not a table grown one session at a time.
#[derive(Default)]
pub(super) struct Encounters(Vec<(usize, Uuid)>);

impl Encounters {
    /// The Encounter of the session at entry index `entry`, if one was made.
    pub(super) fn get(&self, entry: usize) -> Option<&Uuid> {
        let at = self.0.binary_search_by_key(&entry, |&(e, _)| e).ok()?;
        self.0.get(at).map(|(_, uuid)| uuid)
    }
}

impl Builder<'_> {
    /// One Encounter per session up to the date, in replay order; returns
    /// the attended ones by entry index, for the Observations and
    /// RiskAssessments made there.
    pub(super) fn encounters(&mut self, document: &Document, record: &Record) -> Encounters {
        let mut attended = Encounters::default();
        // date -> how many sessions that date so far.
        let mut counts = DayCounts::new(record.appointments.iter().map(|a| a.date));
        for appointment in &record.appointments {
            if appointment.date > self.as_of {
                continue;
            }
            let Some(Entry::Session(session)) = document.entries.get(appointment.entry) else {
                continue;
            };
            let n = counts.next(appointment.date, ());
            let uuid = self
                .ids
                .uuid("Encounter", format_args!("{}\n{n}", appointment.date));
            let date = Day(appointment.date);
            let came = appointment.attendance == Attendance::Attended;
            if came {
                attended.0.push((appointment.entry, uuid));
            }
            // AMB, "ambulatory", is the class of an outpatient visit; VR,
            // "virtual", of one by video or telephone (v3 ActEncounterCode).
            let class = match session.format.as_ref().map(|f| f.value) {
                Some(SessionFormat::Telehealth) => ("VR", "virtual"),
                _ => ("AMB", "ambulatory"),
            };
            self.push(
                uuid,
                Resource::Encounter(Encounter {
                    id: uuid.id(),
                    extension: (!came)
                        .then(|| {
                            Extension::of(
                                REASON_CANCELLED,
                                ExtensionValue::CodeableConcept(CodeableConcept::coded(
                                    ATTENDANCE,
                                    appointment.attendance.as_str(),
                                    attendance_display(appointment.attendance),
                                )),
                            )
                        })
                        .into_iter()
                        .collect(),
                    status: if came { "finished" } else { "cancelled" },
                    class: Coding {
                        system: ACT_CODE.to_owned(),
                        code: class.0.to_owned(),
                        display: Some(class.1.to_owned()),
                    },
                    subject: self.patient.clone(),
                    period: Period {
                        start: Some(date),
                        end: came.then_some(date),
                    },
                    length: session
                        .minutes
                        .as_ref()
                        .filter(|m| came && m.value > 0.0)
                        .map(|m| Duration::minutes(m.value)),
                }),
            );
        }
        attended.0.sort_unstable_by_key(|&(entry, _)| entry);
        attended
    }
}

/// How careplan's attendance words read in a display.
fn attendance_display(attendance: Attendance) -> &'static str {
    match attendance {
        Attendance::Attended => "Attended",
        Attendance::NoShow => "No-show: did not attend, no notice",
        Attendance::Cancelled => "Cancelled in good time",
        Attendance::LateCancelled => "Cancelled late",
    }
}
