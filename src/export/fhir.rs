//! A plan as a FHIR R4 `Bundle` of type `collection`, for electronic health
//! records.
//!
//! [`bundle`] takes a parsed file, its replayed [`Record`], the measures the
//! file can use and [`Options`] (chiefly the date the plan is exported as of),
//! and returns a [`Bundle`]; [`Bundle::to_json`] prints it as pretty JSON.
//!
//! ```
//! use careplan::catalogue::Catalogue;
//! use careplan::export::fhir::{self, Options};
//! let source = "plan \"Low mood\"\n  client C-1\n  opened 2026-09-01\n\n\
//!               concern mood \"Low mood\"\n  diagnosis F32.1\n\n\
//!               goal G1 \"Mood lifts\" for mood\n  measure PHQ-9 baseline 16 target < 5\n";
//! let document = careplan::parse(source).document;
//! let record = careplan::interpret(&document);
//! let catalogue = Catalogue::builtin();
//! let measures = catalogue.measures_for(&document);
//! let options = Options::new(jiff::civil::date(2026, 11, 22));
//! let bundle = fhir::bundle(&document, &record, &measures, &options)?;
//! let json = bundle.to_json()?;
//! assert!(json.contains("\"resourceType\": \"Bundle\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is exported
//!
//! | careplan | FHIR R4 |
//! |---|---|
//! | the `client` id | one `Patient` with that id as its only `identifier`: no name, no birth date |
//! | each `concern` | a `Condition`: `code.text` the concern's text, `code.coding` its `diagnosis` |
//! | each `goal` | a `Goal`: statuses, `target` with the measure (LOINC where known), `dueDate` |
//! | the plan | one `CarePlan` with an `activity` per intervention and medication |
//! | each `medication` | a `MedicationStatement` |
//! | each `score` | an `Observation` (category `survey`) |
//!
//! Session notes, homework, client responses, progress indicators, review
//! notes and reasons, events, safety plans, risk levels, the stage of change
//! and every person's name (clinician, prescriber) are left out: they are
//! free-text health information an integrator did not ask for.
//!
//! # Statuses
//!
//! A goal's latest recorded status (a review's `status`, on or before the
//! date) is its `achievementStatus`: careplan's words are exactly the codes
//! of `http://terminology.hl7.org/CodeSystem/goal-achievement`. Its
//! `lifecycleStatus` follows from it:
//!
//! | achievement | lifecycleStatus | why |
//! |---|---|---|
//! | none recorded, `in-progress`, `improving`, `worsening`, `no-change`, `no-progress` | `active` | the goal is being sought |
//! | `sustaining` | `active` | met, but "ongoing activity is needed to sustain" it (FHIR's definition) |
//! | `achieved` | `completed` | met, no longer sought |
//! | `not-achieved` | `completed` | the goal ran its course without being met |
//! | `not-attainable` | `cancelled` | abandoned: it can no longer be met |
//! | (the goal is `opened` after the date) | `planned` | not yet started |
//!
//! An activity's `detail.status` is `not-started` before its start,
//! `completed` from the day it stops (by a review's `stop` or a medication's
//! `stopped`; careplan does not tell an early stop from a finished course),
//! and `in-progress` in between. A MedicationStatement is `intended`,
//! `completed` or `active` on the same dates. The CarePlan is `completed`
//! when it has goals, every goal is `completed` or `cancelled` and every
//! activity is `completed`; otherwise `active`.
//!
//! # Identity
//!
//! Every entry's `fullUrl` is `urn:uuid:` and a name-based (version 5) UUID
//! of the client id, the plan's `opened` date, the resource type and the
//! local id (a concern's, goal's or treatment's id; an observation's measure,
//! date and position among that measure's scores on that date), in the
//! namespace [`NAMESPACE`]. The same file exports to the same bytes, and a
//! later export of the same episode updates the same resources. The Patient's
//! UUID depends on the client id alone, so every episode of one client names
//! the same Patient. Each resource's `id` is its UUID.

use crate::ast::{Document, Entry, Frequency};
use crate::catalogue::{MeasureInfo, Measures};
use crate::interpret::{GoalTrack, Record, TreatmentKind, TreatmentTrack};
use crate::words::{Achievement, Cadence, Comparator};
use jiff::civil::Date;
use serde::{Serialize, Serializer};
use std::collections::{BTreeSet, HashMap, HashSet};
use uuid::Uuid;

/// The default `Patient.identifier.system` for the client id.
pub const CLIENT_SYSTEM: &str = "urn:careplan:client";

/// The default code system of a concern's `diagnosis`: WHO ICD-10.
pub const ICD_10: &str = "http://hl7.org/fhir/sid/icd-10";

/// The namespace of every `fullUrl`'s UUID: the version 5 UUID of the URL
/// `urn:careplan:fhir` in the standard URL namespace.
pub const NAMESPACE: Uuid = Uuid::from_u128(0x1a54_4714_e0a5_565c_8891_21c5_4d5b_fc71);

const LOINC: &str = "http://loinc.org";
const GOAL_ACHIEVEMENT: &str = "http://terminology.hl7.org/CodeSystem/goal-achievement";
const CONDITION_CLINICAL: &str = "http://terminology.hl7.org/CodeSystem/condition-clinical";
const CONDITION_VERIFICATION: &str = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
const CONDITION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/condition-category";
const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";

/// What an export needs beyond the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The plan is exported as it stood at the end of this day: statuses,
    /// targets and due dates then in force, scores up to it, activities
    /// started or stopped by then.
    pub as_of: Date,
    /// `Patient.identifier.system` for the client id (default [`CLIENT_SYSTEM`]).
    pub client_system: String,
    /// `Condition.code.coding.system` for a concern's `diagnosis` (default
    /// [`ICD_10`]; `http://hl7.org/fhir/sid/icd-10-cm` for US ICD-10-CM codes).
    pub diagnosis_system: String,
}

impl Options {
    /// Options exporting the plan as of `as_of`, with the default systems.
    pub fn new(as_of: Date) -> Self {
        Options {
            as_of,
            client_system: CLIENT_SYSTEM.to_owned(),
            diagnosis_system: ICD_10.to_owned(),
        }
    }
}

/// Why a file could not be exported.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ExportError {
    /// The file has no `plan` entry.
    #[error("the file has no `plan` entry")]
    NoPlan,
    /// The plan has no `opened` date on the calendar.
    #[error("the plan has no valid `opened` date")]
    NoOpened,
    /// A score lies outside its measure's range (`score-out-of-range`).
    #[error("the {measure} score {score} on {date} lies outside the measure's range")]
    ScoreOutOfRange {
        /// The measure's id.
        measure: String,
        /// The score.
        score: f64,
        /// The session's date.
        date: Date,
    },
    /// The date asked for is before the plan was opened.
    #[error("{as_of} is before the plan was opened ({opened})")]
    BeforeOpened {
        /// The date asked for.
        as_of: Date,
        /// The plan's `opened` date.
        opened: Date,
    },
}

/// A FHIR R4 `Bundle` of type `collection`: serialise it with
/// [`Bundle::to_json`] or [`Bundle::to_value`] (or any `serde` serialiser).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bundle {
    #[serde(rename = "resourceType")]
    resource_type: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    entry: Vec<BundleEntry>,
}

impl Bundle {
    /// The bundle as pretty-printed JSON (two-space indent, no trailing newline).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }

    /// The bundle as a JSON value.
    pub fn to_value(&self) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::to_value(self)
    }

    /// How many resources the bundle holds.
    pub fn len(&self) -> usize {
        self.entry.len()
    }

    /// Whether the bundle holds no resources (never: it always has a
    /// Patient and a CarePlan).
    pub fn is_empty(&self) -> bool {
        self.entry.is_empty()
    }
}

/// Builds the bundle of `document` (replayed into `record`) as it stood at
/// the end of `options.as_of`. `measures` names and codes the measures.
///
/// Definitions whose id repeats one already exported (a `duplicate-id`
/// error) are left out, and references to ids that no definition introduces
/// are dropped, so every `fullUrl` is unique and every reference resolves.
pub fn bundle(
    document: &Document,
    record: &Record,
    measures: &Measures<'_>,
    options: &Options,
) -> Result<Bundle, ExportError> {
    let plan = document.plan().ok_or(ExportError::NoPlan)?;
    let opened = document.opened().ok_or(ExportError::NoOpened)?;
    if options.as_of < opened {
        return Err(ExportError::BeforeOpened {
            as_of: options.as_of,
            opened,
        });
    }
    let client = plan.client.as_ref().map(|c| c.value.as_str());
    let ids = Ids {
        client: client.unwrap_or_default(),
        opened,
    };
    let patient = ids.patient();
    let mut out = Builder {
        ids,
        measures,
        as_of: options.as_of,
        entries: Vec::new(),
        patient: Reference::to(&patient),
    };

    out.push(
        patient,
        Resource::Patient(Patient {
            id: patient.id(),
            identifier: client
                .map(|value| Identifier {
                    system: options.client_system.clone(),
                    value: value.to_owned(),
                })
                .into_iter()
                .collect(),
        }),
    );

    let conditions = out.conditions(document, options);
    let goals = out.goals(document, record, &conditions);
    let care_plan = ids.uuid("CarePlan", "");
    let activities = out.activities(document, record, &goals);
    let closed = !goals.list.is_empty()
        && goals.list.iter().all(|g| g.lifecycle.is_closed())
        && activities.iter().all(|a| a.detail.status == "completed");
    out.push(
        care_plan,
        Resource::CarePlan(CarePlan {
            id: care_plan.id(),
            status: if closed { "completed" } else { "active" },
            intent: "plan",
            title: plan.title.value.clone(),
            subject: out.patient.clone(),
            period: Period {
                start: Some(opened.to_string()),
                end: None,
            },
            addresses: conditions
                .list
                .iter()
                .map(|c| Reference::to(&c.uuid))
                .collect(),
            goal: goals.list.iter().map(|g| Reference::to(&g.uuid)).collect(),
            activity: activities,
        }),
    );
    out.medications(document, record, &goals, &conditions, care_plan);
    out.observations(document, record)?;

    Ok(Bundle {
        resource_type: "Bundle",
        kind: "collection",
        entry: out.entries,
    })
}

/// Makes the UUIDs of one episode's resources.
#[derive(Clone, Copy)]
struct Ids<'a> {
    client: &'a str,
    opened: Date,
}

impl Ids<'_> {
    fn patient(&self) -> Uuid {
        Uuid::new_v5(&NAMESPACE, format!("Patient\n{}", self.client).as_bytes())
    }

    fn uuid(&self, kind: &str, local: &str) -> Uuid {
        let name = format!("{kind}\n{}\n{}\n{local}", self.client, self.opened);
        Uuid::new_v5(&NAMESPACE, name.as_bytes())
    }
}

/// A resource's UUID as its `id` and `fullUrl`.
trait UuidExt {
    fn id(&self) -> String;
    fn full_url(&self) -> String;
}

impl UuidExt for Uuid {
    fn id(&self) -> String {
        self.hyphenated().to_string()
    }

    fn full_url(&self) -> String {
        format!("urn:uuid:{}", self.hyphenated())
    }
}

/// Resources made so far, in the order made, found by their local id in
/// constant time (a plan may define thousands of concerns and goals).
struct Made<T> {
    list: Vec<T>,
    index: HashMap<String, usize>,
}

impl<T> Made<T> {
    fn new() -> Self {
        Made {
            list: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// Adds `item` under `id`, unless an item has that id already.
    fn insert(&mut self, id: &str, item: T) {
        if !self.index.contains_key(id) {
            self.index.insert(id.to_owned(), self.list.len());
            self.list.push(item);
        }
    }

    fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// The position of the item called `id`, in the order made.
    fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    fn get(&self, id: &str) -> Option<&T> {
        self.position(id).and_then(|at| self.list.get(at))
    }
}

/// A Condition made from a concern, for references.
struct ConditionRef {
    uuid: Uuid,
}

/// A Goal made from a goal, for references and the CarePlan's status.
struct GoalRef {
    uuid: Uuid,
    /// The positions of the Conditions it addresses, in [`Made`] order.
    concerns: Vec<usize>,
    lifecycle: Lifecycle,
}

/// The bundle under construction.
struct Builder<'a> {
    ids: Ids<'a>,
    measures: &'a Measures<'a>,
    as_of: Date,
    entries: Vec<BundleEntry>,
    patient: Reference,
}

impl Builder<'_> {
    fn push(&mut self, uuid: Uuid, resource: Resource) {
        self.entries.push(BundleEntry {
            full_url: uuid.full_url(),
            resource,
        });
    }

    fn conditions(&mut self, document: &Document, options: &Options) -> Made<ConditionRef> {
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
                                code: d.value.clone(),
                                display: None,
                            })
                            .collect(),
                        text: Some(concern.text.value.clone()),
                    },
                    subject: self.patient.clone(),
                    onset_date_time: concern
                        .since
                        .as_ref()
                        .and_then(|s| s.value)
                        .map(|d| d.to_string()),
                }),
            );
            made.insert(&concern.id.value, ConditionRef { uuid });
        }
        made
    }

    fn goals(
        &mut self,
        document: &Document,
        record: &Record,
        conditions: &Made<ConditionRef>,
    ) -> Made<GoalRef> {
        let mut made = Made::new();
        for track in &record.goals {
            if made.contains(&track.id) {
                continue;
            }
            let Some(Entry::Goal(goal)) = document.entries.get(track.entry) else {
                continue;
            };
            let uuid = self.ids.uuid("Goal", &track.id);
            let concerns: Vec<usize> = goal
                .concerns
                .iter()
                .filter_map(|id| conditions.position(&id.value))
                .collect();
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
            let target = self.target(track, at);
            self.push(
                uuid,
                Resource::Goal(Goal {
                    id: uuid.id(),
                    lifecycle_status: lifecycle.code(),
                    achievement_status: status.map(|s| {
                        CodeableConcept::coded(
                            GOAL_ACHIEVEMENT,
                            s.value.as_str(),
                            achievement_display(s.value),
                        )
                    }),
                    description: CodeableConcept::text(&goal.text.value),
                    subject: self.patient.clone(),
                    start_date: track.opened.map(|d| d.to_string()),
                    target: target.into_iter().collect(),
                    status_date: status.map(|s| s.date.to_string()),
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

    /// A goal's target in force on `at`: its measure, comparator and due date.
    fn target(&self, track: &GoalTrack, at: Date) -> Option<GoalTarget> {
        let target = Record::latest(&track.targets, at).map(|t| t.value);
        let due = Record::latest(&track.dues, at).map(|d| d.value.to_string());
        let measure = track.measure.as_deref();
        if measure.is_none() && due.is_none() {
            return None;
        }
        // gol-1: a detail only beside its measure.
        let (measure, detail) = match measure {
            Some(id) => (
                Some(self.concept(id)),
                target.map(|t| Quantity {
                    value: Decimal(t.value),
                    comparator: comparator(t.comparator),
                }),
            ),
            None => (None, None),
        };
        Some(GoalTarget {
            measure,
            detail_quantity: detail,
            due_date: due,
        })
    }

    /// A measure as a concept: its LOINC code where one is known, its name.
    fn concept(&self, measure: &str) -> CodeableConcept {
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

    fn activities(
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

    fn medications(
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
    fn observations(&mut self, document: &Document, record: &Record) -> Result<(), ExportError> {
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

    fn treatment_status(&self, track: &TreatmentTrack) -> Course {
        if track.started.is_some_and(|s| s > self.as_of) {
            Course::NotStarted
        } else if track.stopped.as_ref().is_some_and(|s| s.date <= self.as_of) {
            Course::Stopped
        } else {
            Course::Going
        }
    }

    /// A treatment's start, and its stop when it is on or before the date.
    fn period(&self, track: &TreatmentTrack) -> Period {
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
fn served<'g>(
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
enum Course {
    NotStarted,
    Going,
    Stopped,
}

impl Course {
    fn activity(self) -> &'static str {
        match self {
            Course::NotStarted => "not-started",
            Course::Going => "in-progress",
            Course::Stopped => "completed",
        }
    }

    fn medication(self) -> &'static str {
        match self {
            Course::NotStarted => "intended",
            Course::Going => "active",
            Course::Stopped => "completed",
        }
    }
}

/// A Goal's `lifecycleStatus`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lifecycle {
    Planned,
    Active,
    Completed,
    Cancelled,
}

impl Lifecycle {
    fn of(achievement: Achievement) -> Self {
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

    fn code(self) -> &'static str {
        match self {
            Lifecycle::Planned => "planned",
            Lifecycle::Active => "active",
            Lifecycle::Completed => "completed",
            Lifecycle::Cancelled => "cancelled",
        }
    }

    fn is_closed(self) -> bool {
        matches!(self, Lifecycle::Completed | Lifecycle::Cancelled)
    }
}

/// The display of a goal-achievement code, as the code system spells it.
fn achievement_display(achievement: Achievement) -> &'static str {
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
fn comparator(comparator: Comparator) -> Option<&'static str> {
    (comparator != Comparator::Equal).then(|| comparator.as_str())
}

// The FHIR model: only the elements careplan fills, in the order the R4
// specification lists them.

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct BundleEntry {
    full_url: String,
    resource: Resource,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "resourceType")]
enum Resource {
    Patient(Patient),
    Condition(Condition),
    Goal(Goal),
    CarePlan(CarePlan),
    MedicationStatement(MedicationStatement),
    Observation(Observation),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Patient {
    id: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    identifier: Vec<Identifier>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Condition {
    id: String,
    clinical_status: CodeableConcept,
    #[serde(skip_serializing_if = "Option::is_none")]
    verification_status: Option<CodeableConcept>,
    category: Vec<CodeableConcept>,
    code: CodeableConcept,
    subject: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    onset_date_time: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Goal {
    id: String,
    lifecycle_status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    achievement_status: Option<CodeableConcept>,
    description: CodeableConcept,
    subject: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    target: Vec<GoalTarget>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status_date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    addresses: Vec<Reference>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct GoalTarget {
    #[serde(skip_serializing_if = "Option::is_none")]
    measure: Option<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail_quantity: Option<Quantity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due_date: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct CarePlan {
    id: String,
    status: &'static str,
    intent: &'static str,
    title: String,
    subject: Reference,
    period: Period,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    addresses: Vec<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    goal: Vec<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    activity: Vec<Activity>,
}

/// cpl-3: an activity has a `detail` and never a `reference`.
#[derive(Clone, Debug, PartialEq, Serialize)]
struct Activity {
    detail: ActivityDetail,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct ActivityDetail {
    kind: &'static str,
    code: CodeableConcept,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    goal: Vec<Reference>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheduled_timing: Option<Timing>,
    #[serde(skip_serializing_if = "Option::is_none")]
    product_codeable_concept: Option<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct MedicationStatement {
    id: String,
    based_on: Vec<Reference>,
    status: &'static str,
    medication_codeable_concept: CodeableConcept,
    subject: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    effective_period: Option<Period>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reason_reference: Vec<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    dosage: Vec<Dosage>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
struct Dosage {
    text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Observation {
    id: String,
    status: &'static str,
    category: Vec<CodeableConcept>,
    code: CodeableConcept,
    subject: Reference,
    effective_date_time: String,
    #[serde(flatten)]
    value: Value,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    component: Vec<Component>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
struct Component {
    code: CodeableConcept,
    #[serde(flatten)]
    value: Value,
}

/// `value[x]`: `valueInteger` for a whole number that fits FHIR's 32-bit
/// integer, `valueQuantity` otherwise.
#[derive(Clone, Debug, PartialEq, Serialize)]
enum Value {
    #[serde(rename = "valueInteger")]
    Integer(i32),
    #[serde(rename = "valueQuantity")]
    Quantity(Quantity),
}

impl Value {
    fn of(value: f64) -> Self {
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
struct Identifier {
    system: String,
    value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
struct Reference {
    reference: String,
}

impl Reference {
    fn to(uuid: &Uuid) -> Self {
        Reference {
            reference: uuid.full_url(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
struct CodeableConcept {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    coding: Vec<Coding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

impl CodeableConcept {
    fn text(text: &str) -> Self {
        CodeableConcept {
            coding: Vec::new(),
            text: Some(text.to_owned()),
        }
    }

    fn coded(system: &str, code: &str, display: &str) -> Self {
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
struct Coding {
    system: String,
    code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    display: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
struct Period {
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
struct Quantity {
    value: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    comparator: Option<&'static str>,
}

/// `Timing`: the treatment's dates and, for an intervention, its frequency.
#[derive(Clone, Debug, PartialEq, Serialize)]
struct Timing {
    #[serde(skip_serializing_if = "Option::is_none")]
    repeat: Option<Repeat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<CodeableConcept>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Repeat {
    #[serde(skip_serializing_if = "Option::is_none")]
    bounds_period: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    frequency: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period_unit: Option<&'static str>,
}

impl Timing {
    /// Once per `period` `unit` for a cadence word; the described
    /// frequency as the timing's text.
    fn of(frequency: Option<&Frequency>, bounds: Period) -> Self {
        let bounds = (bounds.start.is_some() || bounds.end.is_some()).then_some(bounds);
        let (every, code) = match frequency {
            Some(Frequency::Cadence(cadence)) => (
                Some(match cadence {
                    Cadence::Daily => (1.0, "d"),
                    Cadence::Weekly => (1.0, "wk"),
                    Cadence::Fortnightly => (2.0, "wk"),
                    Cadence::Monthly => (1.0, "mo"),
                }),
                None,
            ),
            Some(Frequency::Described(text)) => (None, Some(CodeableConcept::text(text))),
            None => (None, None),
        };
        let repeat = (bounds.is_some() || every.is_some()).then(|| Repeat {
            bounds_period: bounds,
            frequency: every.map(|_| 1),
            period: every.map(|(n, _)| Decimal(n)),
            period_unit: every.map(|(_, unit)| unit),
        });
        Timing { repeat, code }
    }
}

/// A FHIR `decimal`: written as an integer when it is whole.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Decimal(f64);

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
    fn the_namespace_is_the_v5_uuid_of_its_url() {
        assert_eq!(
            Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:careplan:fhir"),
            NAMESPACE
        );
    }

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
