//! The CarePlan's activities, MedicationStatements and Observations.

use super::resources::*;
use super::*;
use crate::ast::{Document, Entry};
use crate::interpret::{Record, TreatmentKind, TreatmentTrack};
use std::collections::{BTreeSet, HashMap, HashSet};
use uuid::Uuid;

impl Builder<'_> {
    pub(super) fn activities(
        &self,
        document: &Document,
        record: &Record,
        goals: &Made<GoalRef>,
    ) -> Vec<Activity> {
        let mut seen = HashSet::new();
        let mut activities = Vec::new();
        for track in &record.treatments {
            if !seen.insert(track.id.as_str()) {
                continue;
            }
            let status = self.treatment_status(track);
            let period = self.period(track);
            let served = served(track, goals)
                .map(|g| Reference::to(&g.uuid))
                .collect();
            let detail = match document.entries.get(track.entry) {
                Some(Entry::Intervention(item)) => {
                    let code = match &item.technique {
                        Some(technique) => format!("{} {}", item.modality.value, technique.value),
                        None => item.modality.value.clone(),
                    };
                    ActivityDetail {
                        kind: "ServiceRequest",
                        code: CodeableConcept::text(&code),
                        goal: served,
                        status: status.activity(),
                        scheduled_timing: Some(Timing::of(
                            item.frequency.as_ref().map(|f| &f.value),
                            period,
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
                    scheduled_timing: Some(Timing::of(None, period)),
                    product_codeable_concept: Some(CodeableConcept::text(&item.drug.value)),
                    description: item.dose.as_ref().map(|d| d.value.clone()),
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
        let mut seen = HashSet::new();
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
                    status: self.treatment_status(track).medication(),
                    medication_codeable_concept: CodeableConcept::text(&item.drug.value),
                    subject: self.patient.clone(),
                    effective_period: (period.start.is_some() || period.end.is_some())
                        .then_some(period),
                    reason_reference: reasons,
                    dosage: item
                        .dose
                        .iter()
                        .map(|d| Dosage {
                            text: d.value.clone(),
                        })
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
    ) -> Result<(), ExportError> {
        // (measure, date) -> how many scores of it that date so far.
        let mut counts: HashMap<(&str, Date), usize> = HashMap::new();
        for session in &record.sessions {
            if session.date > self.as_of {
                continue;
            }
            let Some(Entry::Session(entry)) = document.entries.get(session.value) else {
                continue;
            };
            for score in &entry.scores {
                let measure = score.measure.value.as_str();
                if let Some(info) = self.measures.get(measure) {
                    for value in std::iter::once(&score.value).chain(&score.after) {
                        if !info.contains(value.value) {
                            return Err(ExportError::ScoreOutOfRange {
                                measure: measure.to_owned(),
                                score: value.value,
                                date: session.date,
                            });
                        }
                    }
                }
                let seen = counts.entry((measure, session.date)).or_insert(0);
                let n = *seen;
                *seen += 1;
                let uuid = self
                    .ids
                    .uuid("Observation", &format!("{measure}\n{}\n{n}", session.date));
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
                        effective_date_time: session.date.to_string(),
                        value: Value::of(score.value.value),
                        component,
                    }),
                );
            }
        }
        Ok(())
    }

    pub(super) fn treatment_status(&self, track: &TreatmentTrack) -> Course {
        if track.started.is_some_and(|s| s > self.as_of) {
            Course::NotStarted
        } else if track.stopped.as_ref().is_some_and(|s| s.date <= self.as_of) {
            Course::Stopped
        } else {
            Course::Going
        }
    }

    /// A treatment's start, and its stop when it is on or before the date.
    pub(super) fn period(&self, track: &TreatmentTrack) -> Period {
        Period {
            start: track.started.map(|d| d.to_string()),
            end: track
                .stopped
                .as_ref()
                .filter(|s| s.date <= self.as_of)
                .map(|s| s.date.to_string()),
        }
    }
}

/// The goals a treatment serves, in its `for` order, known ones only.
pub(super) fn served<'g>(
    track: &'g TreatmentTrack,
    goals: &'g Made<GoalRef>,
) -> impl Iterator<Item = &'g GoalRef> {
    let mut seen = HashSet::new();
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
    Stopped,
}

impl Course {
    pub(super) fn activity(self) -> &'static str {
        match self {
            Course::NotStarted => "not-started",
            Course::Going => "in-progress",
            Course::Stopped => "completed",
        }
    }

    pub(super) fn medication(self) -> &'static str {
        match self {
            Course::NotStarted => "intended",
            Course::Going => "active",
            Course::Stopped => "completed",
        }
    }
}
