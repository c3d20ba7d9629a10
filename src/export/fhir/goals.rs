//! Conditions from concerns and Goals from goals, with their targets and
//! statuses.

use super::resources::*;
use super::*;
use crate::ast::{Document, Entry};
use crate::interpret::{GoalTrack, Record};
use crate::words::{Achievement, Comparator};
use foldhash::{HashMap, HashSet};
use jiff::civil::Date;
use std::collections::BTreeSet;

/// The R4 core extension that links two Goals (R4 4.0.1, "Extension:
/// relationship"): sub-extensions `type` (a CodeableConcept) and `target`
/// (a Reference(Goal)), each exactly once.
pub(super) const GOAL_RELATIONSHIP: &str =
    "http://hl7.org/fhir/StructureDefinition/goal-relationship";

/// The code system of the goal-relationship extension's `type` (R4).
pub(super) const GOAL_RELATIONSHIP_TYPE: &str =
    "http://terminology.hl7.org/CodeSystem/goal-relationship-type";

impl Builder<'_> {
    pub(super) fn conditions(
        &mut self,
        document: &Document,
        options: &Options,
    ) -> Made<ConditionRef> {
        let mut made = Made::new();
        for concern in document.concerns() {
            if made.contains(&concern.id.value) {
                continue;
            }
            let uuid = self.ids.uuid("Condition", &concern.id.value);
            let coded = concern.diagnosis.is_some();
            self.push(
                uuid,
                Resource::Condition(Condition {
                    id: uuid.id(),
                    clinical_status: CodeableConcept::coded(CONDITION_CLINICAL, "active", "Active"),
                    verification_status: coded.then(|| {
                        CodeableConcept::coded(CONDITION_VERIFICATION, "confirmed", "Confirmed")
                    }),
                    category: vec![CodeableConcept::coded(
                        CONDITION_CATEGORY,
                        "problem-list-item",
                        "Problem List Item",
                    )],
                    code: CodeableConcept {
                        coding: concern
                            .diagnosis
                            .iter()
                            .map(|d| Coding {
                                system: options.diagnosis_system.clone(),
                                code: d.value.to_string(),
                                display: None,
                            })
                            .collect(),
                        text: Some(concern.text.value.clone()),
                    },
                    subject: self.patient.clone(),
                    onset_date_time: concern.since.as_ref().and_then(|s| s.value).map(Day),
                }),
            );
            made.insert(&concern.id.value, ConditionRef { uuid });
        }
        made
    }

    /// One Goal per goal and objective, in file order. A goal lists its
    /// objectives as milestones (see [`GOAL_RELATIONSHIP`]); an objective
    /// addresses the Conditions of the goals it is a step toward.
    pub(super) fn goals(
        &mut self,
        document: &Document,
        record: &Record,
        conditions: &Made<ConditionRef>,
    ) -> Made<GoalRef> {
        // A goal's concerns, by its id: an objective addresses its goals'.
        let mut concerns_of: HashMap<&str, Vec<usize>> = HashMap::default();
        for goal in document.goals() {
            concerns_of
                .entry(goal.id.value.as_str())
                .or_insert_with(|| {
                    goal.concerns
                        .iter()
                        .filter_map(|id| conditions.position(&id.value))
                        .collect()
                });
        }
        let discharged = record.discharged_by(self.as_of);
        let mut made = Made::new();
        for track in &record.goals {
            if made.contains(&track.id) {
                continue;
            }
            let text = match document.entries.get(track.entry) {
                Some(Entry::Goal(goal)) => &goal.text.value,
                Some(Entry::Objective(objective)) => &objective.text.value,
                _ => continue,
            };
            let uuid = self.ids.uuid("Goal", &track.id);
            let concerns: Vec<usize> = if track.objective {
                // In the Conditions' order, each once.
                let all: BTreeSet<usize> = track
                    .parents
                    .iter()
                    .filter_map(|p| concerns_of.get(p.as_str()))
                    .flatten()
                    .copied()
                    .collect();
                all.into_iter().collect()
            } else {
                concerns_of
                    .get(track.id.as_str())
                    .cloned()
                    .unwrap_or_default()
            };
            let addresses = concerns
                .iter()
                .filter_map(|at| conditions.list.get(*at))
                .map(|c| Reference::to(&c.uuid))
                .collect();
            let planned = track.opened.is_some_and(|o| o > self.as_of);
            // A goal not yet opened shows what it was set up with.
            let at = match track.opened {
                Some(opened) if planned => opened,
                _ => self.as_of,
            };
            let status = if planned {
                None
            } else {
                Record::latest(&track.statuses, at)
            };
            let lifecycle = match status {
                _ if planned => Lifecycle::Planned,
                Some(s) => Lifecycle::of(s.value),
                None => Lifecycle::Active,
            };
            // After the discharge nothing is sought any more: a goal the
            // discharge gave no final status keeps its last achievement.
            let lifecycle = if discharged && !lifecycle.is_closed() {
                Lifecycle::Completed
            } else {
                lifecycle
            };
            let targets = self.targets(track, at);
            self.push(
                uuid,
                Resource::Goal(Goal {
                    id: uuid.id(),
                    extension: self.milestones(record, &track.id),
                    lifecycle_status: lifecycle.code(),
                    achievement_status: status.map(|s| {
                        CodeableConcept::coded(
                            GOAL_ACHIEVEMENT,
                            s.value.as_str(),
                            achievement_display(s.value),
                        )
                    }),
                    description: CodeableConcept::text(text),
                    subject: self.patient.clone(),
                    start_date: track.opened.map(Day),
                    target: targets,
                    status_date: status.map(|s| Day(s.date)),
                    addresses,
                }),
            );
            made.insert(
                &track.id,
                GoalRef {
                    uuid,
                    concerns,
                    lifecycle,
                },
            );
        }
        made
    }

    /// The goal-relationship extensions of the goal `goal`: one `milestone`
    /// per objective that is a step toward it, in file order.
    ///
    /// The extension is read from its Goal (the source) to its `target`,
    /// and `milestone` is the code whose R4 definition (code system
    /// `http://terminology.hl7.org/CodeSystem/goal-relationship-type`) says
    /// an objective is a step toward a goal: "the target goal is considered
    /// to be a 'piece' of attaining this goal". So the link sits on the goal
    /// and points at the objective. The reverse direction has no code:
    /// `successor` ("a desired objective once the current goal is met")
    /// would say the goal is sought only after the objective, and
    /// `predecessor` that the goal must be met first.
    fn milestones(&self, record: &Record, goal: &str) -> Vec<Extension> {
        let mut seen = HashSet::default();
        record
            .goals
            .iter()
            .filter(|o| o.objective && o.parents.iter().any(|p| p == goal))
            .filter(|o| seen.insert(o.id.as_str()))
            .map(|objective| Extension {
                url: GOAL_RELATIONSHIP,
                extension: vec![
                    Extension::of(
                        "type",
                        ExtensionValue::CodeableConcept(CodeableConcept::coded(
                            GOAL_RELATIONSHIP_TYPE,
                            "milestone",
                            "Milestone",
                        )),
                    ),
                    Extension::of(
                        "target",
                        ExtensionValue::Reference(Reference::to(
                            &self.ids.uuid("Goal", &objective.id),
                        )),
                    ),
                ],
                value: None,
            })
            .collect()
    }

    /// A goal's targets in force on `at`, one per measure, each with the
    /// due date; the due date alone when it has no measure.
    pub(super) fn targets(&self, track: &GoalTrack, at: Date) -> Vec<GoalTarget> {
        let due = Record::latest(&track.dues, at).map(|d| Day(d.value));
        if track.targets.is_empty() {
            return due
                .map(|due| GoalTarget {
                    measure: None,
                    detail_quantity: None,
                    due_date: Some(due),
                })
                .into_iter()
                .collect();
        }
        track
            .targets
            .iter()
            .map(|t| GoalTarget {
                measure: Some(self.concept(&t.measure)),
                // gol-1: a detail only beside its measure.
                detail_quantity: t.target_on(at).map(|t| Quantity {
                    value: Decimal(t.value),
                    comparator: comparator(t.comparator),
                }),
                due_date: due,
            })
            .collect()
    }

    /// A measure as a concept: its LOINC code where one is known, its name.
    pub(super) fn concept(&self, measure: &str) -> CodeableConcept {
        let info: Option<&MeasureInfo> = self.measures.get(measure);
        CodeableConcept {
            coding: info
                .and_then(|m| m.loinc.as_ref())
                .map(|code| Coding {
                    system: LOINC.to_owned(),
                    code: code.clone(),
                    display: None,
                })
                .into_iter()
                .collect(),
            text: Some(info.map_or_else(|| measure.to_owned(), |m| m.name.clone())),
        }
    }
}

/// A Goal's `lifecycleStatus`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Lifecycle {
    Planned,
    Active,
    Completed,
    Cancelled,
}

impl Lifecycle {
    pub(super) fn of(achievement: Achievement) -> Self {
        match achievement {
            Achievement::Achieved | Achievement::NotAchieved => Lifecycle::Completed,
            Achievement::NotAttainable => Lifecycle::Cancelled,
            Achievement::InProgress
            | Achievement::Improving
            | Achievement::Worsening
            | Achievement::NoChange
            | Achievement::Sustaining
            | Achievement::NoProgress => Lifecycle::Active,
        }
    }

    pub(super) fn code(self) -> &'static str {
        match self {
            Lifecycle::Planned => "planned",
            Lifecycle::Active => "active",
            Lifecycle::Completed => "completed",
            Lifecycle::Cancelled => "cancelled",
        }
    }

    pub(super) fn is_closed(self) -> bool {
        matches!(self, Lifecycle::Completed | Lifecycle::Cancelled)
    }
}

/// The display of a goal-achievement code, as the code system spells it.
pub(super) fn achievement_display(achievement: Achievement) -> &'static str {
    match achievement {
        Achievement::InProgress => "In Progress",
        Achievement::Improving => "Improving",
        Achievement::Worsening => "Worsening",
        Achievement::NoChange => "No Change",
        Achievement::Achieved => "Achieved",
        Achievement::Sustaining => "Sustaining",
        Achievement::NotAchieved => "Not Achieved",
        Achievement::NoProgress => "No Progress",
        Achievement::NotAttainable => "Not Attainable",
    }
}

/// `Quantity.comparator` for a target's comparator; `=` has none.
pub(super) fn comparator(comparator: Comparator) -> Option<&'static str> {
    (comparator != Comparator::Equal).then(|| comparator.as_str())
}

// The FHIR model: only the elements careplan fills, in the order the R4
// specification lists them.

#[cfg(test)]
mod tests {
    use super::Lifecycle;
    use crate::words::Achievement;

    #[test]
    fn only_met_or_ended_goals_are_closed() {
        for word in Achievement::WORDS {
            let Some(achievement) = Achievement::from_word(word) else {
                continue;
            };
            let closed = Lifecycle::of(achievement).is_closed();
            let expected = achievement.is_closed() && achievement != Achievement::Sustaining;
            assert_eq!(closed, expected, "{word}");
        }
    }
}
