//! The CarePlan's activities, MedicationStatements and Observations.

use super::encounters::Encounters;
use super::resources::*;
use super::*;
use crate::ast::{Document, Entry, Extent};
use crate::interpret::{Record, TreatmentKind, TreatmentTrack};
use crate::words::{DischargeKind, ExtentUnit};
use foldhash::HashSet;
use std::collections::BTreeSet;
use uuid::Uuid;

impl Builder<'_> {
    pub(super) fn activities(
        &self,
        document: &Document,
        record: &Record,
        goals: &Made<GoalRef>,
    ) -> Vec<Activity> {
        let mut seen = HashSet::default();
        let mut activities = Vec::new();
        for track in &record.treatments {
            if !seen.insert(track.id.as_str()) {
                continue;
            }
            let status = self.treatment_status(record, track);
            let period = self.period(track);
            let served = served(track, goals)
                .map(|g| Reference::to(&g.uuid))
                .collect();
            let detail = match document.entries.get(track.entry) {
                Some(Entry::Intervention(item)) => {
                    let code = match &item.technique {
                        Some(technique) => format!("{} {}", item.modality.value, technique.value),
                        None => item.modality.value.to_string(),
                    };
                    let course = Record::latest(&track.course, self.as_of).map(|c| c.value);
                    ActivityDetail {
                        kind: "ServiceRequest",
                        code: CodeableConcept::text(&code),
                        goal: served,
                        status: status.activity(),
                        scheduled_timing: Some(Timing::of(
                            item.frequency.as_ref().map(|f| &f.value),
                            self.planned(track, period, course),
                            course
                                .filter(|c| c.unit == ExtentUnit::Sessions)
                                .map(|c| c.amount),
                        )),
                        product_codeable_concept: None,
                        description: item.title.as_ref().map(|t| t.value.clone()),
                    }
                }
                Some(Entry::Medication(item)) => ActivityDetail {
                    kind: "MedicationRequest",
                    code: CodeableConcept::text(&item.drug.value),
                    goal: served,
                    status: status.activity(),
                    scheduled_timing: Some(Timing::of(None, period, None)),
                    product_codeable_concept: Some(CodeableConcept::text(&item.drug.value)),
                    description: self.dose(track).map(str::to_owned),
                },
                _ => continue,
            };
            activities.push(Activity { detail });
        }
        activities
    }

    pub(super) fn medications(
        &mut self,
        document: &Document,
        record: &Record,
        goals: &Made<GoalRef>,
        conditions: &Made<ConditionRef>,
        care_plan: Uuid,
    ) {
        let mut seen = HashSet::default();
        for track in &record.treatments {
            if track.kind != TreatmentKind::Medication || !seen.insert(track.id.as_str()) {
                continue;
            }
            let Some(Entry::Medication(item)) = document.entries.get(track.entry) else {
                continue;
            };
            // In the concerns' order, each once.
            let reasons: BTreeSet<usize> = served(track, goals)
                .flat_map(|goal| goal.concerns.iter().copied())
                .collect();
            let reasons: Vec<Reference> = reasons
                .iter()
                .filter_map(|at| conditions.list.get(*at))
                .map(|c| Reference::to(&c.uuid))
                .collect();
            let uuid = self.ids.uuid("MedicationStatement", &track.id);
            let period = self.period(track);
            self.push(
                uuid,
                Resource::MedicationStatement(MedicationStatement {
                    id: uuid.id(),
                    based_on: vec![Reference::to(&care_plan)],
                    status: self.treatment_status(record, track).medication(),
                    medication_codeable_concept: CodeableConcept::text(&item.drug.value),
                    subject: self.patient.clone(),
                    effective_period: (period.start.is_some() || period.end.is_some())
                        .then_some(period),
                    reason_reference: reasons,
                    dosage: self
                        .dose(track)
                        .map(|dose| Dosage {
                            text: dose.to_owned(),
                        })
                        .into_iter()
                        .collect(),
                }),
            );
        }
    }

    /// One Observation per score up to the date; a score outside its
    /// measure's range is refused, never exported as a real one.
    pub(super) fn observations(
        &mut self,
        document: &Document,
        record: &Record,
        encounters: &Encounters,
    ) {
        // (measure, date) -> how many scores of it that date so far.
        let mut counts = DayCounts::new(record.sessions.iter().map(|s| s.date));
        for session in &record.sessions {
            if session.date > self.as_of {
                continue;
            }
            let Some(Entry::Session(entry)) = document.entries.get(session.value) else {
                continue;
            };
            for score in &entry.scores {
                let measure = score.measure.value.as_str();
                let n = counts.next(session.date, measure);
                let uuid = self.ids.uuid(
                    "Observation",
                    format_args!("{measure}\n{}\n{n}", session.date),
                );
                let code = self.concept(measure);
                let component = score
                    .after
                    .as_ref()
                    .map(|after| Component {
                        code: CodeableConcept::text(&format!(
                            "{}, at the end of the session",
                            code.text.as_deref().unwrap_or(measure)
                        )),
                        value: Value::of(after.value),
                    })
                    .into_iter()
                    .collect();
                self.push(
                    uuid,
                    Resource::Observation(Observation {
                        id: uuid.id(),
                        status: "final",
                        category: vec![CodeableConcept::coded(
                            OBSERVATION_CATEGORY,
                            "survey",
                            "Survey",
                        )],
                        code,
                        subject: self.patient.clone(),
                        encounter: encounters.get(session.value).map(Reference::to),
                        effective_date_time: Day(session.date),
                        value: Value::of(score.value.value),
                        component,
                    }),
                );
            }
        }
    }

    /// Where a treatment stands at the end of the date. An intervention
    /// the discharge ended is `Completed` when the episode was completed or
    /// transferred and `Ended` (early) when the client withdrew or it ended
    /// for an administrative reason, as the CarePlan is `completed` or
    /// `revoked`; any other stop (a review's `stop`, a `stopped` date) is
    /// `Completed`, since careplan cannot tell an early stop from the end
    /// of a course there.
    pub(super) fn treatment_status(&self, record: &Record, track: &TreatmentTrack) -> Course {
        match &track.stopped {
            _ if track.started.is_some_and(|s| s > self.as_of) => Course::NotStarted,
            Some(stop) if stop.date <= self.as_of => match &record.discharge {
                Some(discharge)
                    if stop.value == Some(discharge.entry)
                        && !discharge_completes(discharge.kind) =>
                {
                    Course::Ended
                }
                _ => Course::Completed,
            },
            _ => Course::Going,
        }
    }

    /// A treatment's start, and its stop when it is on or before the date.
    pub(super) fn period(&self, track: &TreatmentTrack) -> Period {
        Period {
            start: track.started.map(Day),
            end: track
                .stopped
                .as_ref()
                .filter(|s| s.date <= self.as_of)
                .map(|s| Day(s.date)),
        }
    }

    /// An intervention's schedule bounds: its `period`, ending where a
    /// `course` of days, weeks or months from its start ends when it has
    /// not stopped by the date (a course of sessions is a count instead).
    fn planned(&self, track: &TreatmentTrack, period: Period, course: Option<Extent>) -> Period {
        if period.end.is_some() {
            return period;
        }
        let end = track
            .started
            .zip(course.and_then(Extent::time))
            .and_then(|(start, length)| length.last_day(start));
        Period {
            end: end.map(Day),
            ..period
        }
    }

    /// A medication's dose in force at the end of the date: its last
    /// `dose` change on or before it, else its own dose; before it starts,
    /// the dose it starts on.
    pub(super) fn dose<'t>(&self, track: &'t TreatmentTrack) -> Option<&'t str> {
        let at = track.started.map_or(self.as_of, |s| s.max(self.as_of));
        Record::latest(&track.doses, at).map(|d| d.value.as_str())
    }
}

/// Whether a discharge of this kind completes the plan (`completed` or
/// `transferred`) rather than revoking it (`withdrew`, `administrative`).
/// A type careplan could not read (reported as `syntax`, which stops the
/// export) counts as completing it.
pub(super) fn discharge_completes(kind: Option<DischargeKind>) -> bool {
    !matches!(
        kind,
        Some(DischargeKind::Withdrew | DischargeKind::Administrative)
    )
}

/// The goals a treatment serves, in its `for` order, known ones only.
pub(super) fn served<'g>(
    track: &'g TreatmentTrack,
    goals: &'g Made<GoalRef>,
) -> impl Iterator<Item = &'g GoalRef> {
    let mut seen = HashSet::default();
    track
        .goals
        .iter()
        .filter(move |id| seen.insert(id.as_str()))
        .filter_map(|id| goals.get(id))
}

/// Where a treatment stands on the date.
#[derive(Clone, Copy)]
pub(super) enum Course {
    NotStarted,
    Going,
    /// Stopped: a course finished, or stopped for a reason careplan does
    /// not record.
    Completed,
    /// Ended before it was completed: the client withdrew, or the episode
    /// ended for an administrative reason.
    Ended,
}

impl Course {
    pub(super) fn activity(self) -> &'static str {
        match self {
            Course::NotStarted => "not-started",
            Course::Going => "in-progress",
            Course::Completed => "completed",
            // "Ended prior to completion after the activity was started"
            // (R4 CarePlanActivityStatus).
            Course::Ended => "stopped",
        }
    }

    pub(super) fn medication(self) -> &'static str {
        match self {
            Course::NotStarted => "intended",
            Course::Going => "active",
            Course::Completed => "completed",
            // "Permanently halted, before all of them occurred" (R4
            // MedicationStatementStatus). A discharge ends interventions
            // only, so no medication is `Ended` today.
            Course::Ended => "stopped",
        }
    }
}
