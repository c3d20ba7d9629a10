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
//! | each `goal` and `objective` | a `Goal`: statuses, one `target` per measure (LOINC where known), each with the `dueDate`; a goal links each of its objectives with the `goal-relationship` extension, type `milestone` (see `goals.rs`) |
//! | the plan | one `CarePlan` with an `activity` per intervention and medication; `period.end` the discharge |
//! | each `medication` | a `MedicationStatement` with the dose in force on the date |
//! | each `session` | an `Encounter`: `finished` when attended, `cancelled` (and why) when not (see `encounters.rs`) |
//! | each `score` | an `Observation` (category `survey`) naming its session's Encounter |
//! | each `risk` level | a `RiskAssessment` coded from `risk-probability`, naming where it was assessed (see `risks.rs`) |
//!
//! An intervention's `frequency` is its `scheduledTiming.repeat` (`2 per
//! week`: `frequency` 2, `period` 1, `periodUnit` `wk`; a described one, the
//! timing's `code.text`). A `course N sessions` is `repeat.count`, R4's
//! "total count of the desired number of repetitions across the duration
//! of the entire timing specification"; a `course` of days, weeks or months
//! ends `repeat.boundsPeriod` that long after the start, until the
//! intervention stops (then it ends on the stop).
//!
//! Left out: session notes, assessments, homework, client responses,
//! progress indicators, review notes and reasons, the reasons given with a
//! risk level, event texts, safety plans, the discharge's summary, referrals
//! and notes, discharge criteria, the stage of change and every person's
//! name (clinician, prescriber): they are free-text health information an
//! integrator did not ask for. Also left out: `consent` dates (R4's
//! `Consent` needs a scope, a category and a policy careplan does not
//! record, and the consent itself is a signed record the clinic keeps), and
//! a target's `sustained` period (R4's `Goal.target` has no element for how
//! long a target must hold; the goal's `achievementStatus` says when it did).
//!
//! # Statuses
//!
//! A goal's latest recorded status (a review's or the discharge's `status`,
//! on or before the date) is its `achievementStatus`: careplan's words are
//! exactly the codes of `http://terminology.hl7.org/CodeSystem/goal-achievement`.
//! Its `lifecycleStatus` follows from it:
//!
//! | achievement | lifecycleStatus | why |
//! |---|---|---|
//! | none recorded, `in-progress`, `improving`, `worsening`, `no-change`, `no-progress` | `active` | the goal is being sought |
//! | `sustaining` | `active` | met, but "ongoing activity is needed to sustain" it (FHIR's definition) |
//! | `achieved` | `completed` | met, no longer sought |
//! | `not-achieved` | `completed` | the goal ran its course without being met |
//! | `not-attainable` | `cancelled` | abandoned: it can no longer be met |
//! | (the goal is `opened` after the date) | `planned` | not yet started |
//! | (after the discharge, any of the `active` ones) | `completed` | "no longer being sought" (R4): the episode has ended; the achievement stays the last one recorded |
//!
//! An activity's `detail.status` is `not-started` before its start,
//! `completed` from the day it stops (by a review's `stop` or a medication's
//! `stopped`; careplan does not tell an early stop from a finished course),
//! and `in-progress` in between. The discharge ends every intervention:
//! `completed` when the episode was `completed` or `transferred`, `stopped`
//! ("ended prior to completion") when the client `withdrew` or it ended for
//! an `administrative` reason. A medication still active at the discharge
//! continues: its activity stays `in-progress` and its MedicationStatement
//! `active`. A MedicationStatement is `intended`, `completed` or `active` on
//! the same dates as its activity.
//!
//! From its discharge the CarePlan is `completed` (`completed`,
//! `transferred`: "fully performed") or `revoked` (`withdrew`,
//! `administrative`: "terminated prior to the known full completion"), and
//! `period.end` is the discharge date. Before it, the CarePlan is
//! `completed` when it has goals, every goal is `completed` or `cancelled`
//! and every activity is `completed`; otherwise `active`.
//!
//! # Identity
//!
//! Every entry's `fullUrl` is `urn:uuid:` and a name-based (version 5) UUID
//! of the client id, the plan's `opened` date, the resource type and the
//! local id (a concern's, goal's, objective's or treatment's id; an
//! observation's measure, date and position among that measure's scores on
//! that date; an encounter's date and position among that date's sessions; a
//! risk assessment's date and position among that date's levels), in the
//! namespace [`NAMESPACE`]. The same file exports to the same bytes, and a
//! later export of the same episode updates the same resources. The Patient's
//! UUID depends on the client id alone, so every episode of one client names
//! the same Patient. Each resource's `id` is its UUID.

use crate::ast::{Document, Entry};
use crate::catalogue::{MeasureInfo, Measures};
use crate::interpret::Record;
use foldhash::HashMap;
use jiff::civil::Date;
use serde::Serialize;
use uuid::Uuid;

mod activities;
mod encounters;
mod goals;
mod json;
mod resources;
mod risks;

use goals::Lifecycle;
use resources::*;

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
    let mut entries = Vec::new();
    build(document, record, measures, options, &mut entries)?;
    Ok(Bundle {
        resource_type: "Bundle",
        kind: "collection",
        entry: entries,
    })
}

/// Why a bundle could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file cannot be exported.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// Writing failed, or a number has no JSON form ([`serde_json::Error::is_io`] tells which).
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

/// Writes the bundle [`bundle`] makes, as [`Bundle::to_json`] prints it,
/// one resource at a time as each is made: a long plan's bundle is many
/// times the plan's size, and is never held whole. Nothing is written when
/// the file cannot be exported.
pub fn write_json(
    document: &Document,
    record: &Record,
    measures: &Measures<'_>,
    options: &Options,
    out: impl std::io::Write,
) -> Result<(), WriteError> {
    let mut stream = json::Stream::new(out);
    build(document, record, measures, options, &mut stream)?;
    Ok(stream.finish()?)
}

/// Whether `document` can be exported as of `options.as_of`: it has a
/// plan with an `opened` date on or before that day, and every score up to
/// it lies in its measure's range. [`bundle`] and [`write_json`] check this
/// before making anything.
pub fn exportable(
    document: &Document,
    record: &Record,
    measures: &Measures<'_>,
    options: &Options,
) -> Result<(), ExportError> {
    document.plan().ok_or(ExportError::NoPlan)?;
    let opened = document.opened().ok_or(ExportError::NoOpened)?;
    if options.as_of < opened {
        return Err(ExportError::BeforeOpened {
            as_of: options.as_of,
            opened,
        });
    }
    for session in record.sessions.iter().filter(|s| s.date <= options.as_of) {
        let Some(Entry::Session(entry)) = document.entries.get(session.value) else {
            continue;
        };
        for score in &entry.scores {
            let measure = score.measure.value.as_str();
            let Some(info) = measures.get(measure) else {
                continue;
            };
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
    }
    Ok(())
}

/// Makes the bundle's entries, in order, into `sink`; fails before making
/// any when the file cannot be exported.
fn build(
    document: &Document,
    record: &Record,
    measures: &Measures<'_>,
    options: &Options,
    sink: &mut dyn json::Sink,
) -> Result<(), ExportError> {
    exportable(document, record, measures, options)?;
    let plan = document.plan().ok_or(ExportError::NoPlan)?;
    let opened = document.opened().ok_or(ExportError::NoOpened)?;
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
        sink,
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
    let discharge = record
        .discharge
        .as_ref()
        .filter(|d| d.date <= options.as_of && d.date >= opened);
    let status = match discharge {
        Some(d) if activities::discharge_completes(d.kind) => "completed",
        Some(_) => "revoked",
        None => {
            let closed = !goals.list.is_empty()
                && goals.list.iter().all(|g| g.lifecycle.is_closed())
                && activities.iter().all(|a| a.detail.status == "completed");
            if closed { "completed" } else { "active" }
        }
    };
    out.push(
        care_plan,
        Resource::CarePlan(CarePlan {
            id: care_plan.id(),
            status,
            intent: "plan",
            title: plan.title.value.clone(),
            subject: out.patient.clone(),
            period: Period {
                start: Some(Day(opened)),
                end: discharge.map(|d| Day(d.date)),
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
    let encounters = out.encounters(document, record);
    out.observations(document, record, &encounters);
    out.risks(document, record, &encounters);
    Ok(())
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

    /// The UUID of the resource of `kind` that is `local` in the episode.
    fn uuid(&self, kind: &str, local: impl std::fmt::Display) -> Uuid {
        use std::fmt::Write as _;
        // Written into one buffer of a size that holds nearly every name:
        // a `format!` grows its string piece by piece as a date is printed.
        let mut name = String::with_capacity(128);
        let _ = write!(name, "{kind}\n{}\n{}\n{local}", self.client, self.opened);
        Uuid::new_v5(&NAMESPACE, name.as_bytes())
    }
}

/// How many resources of each key a day has had so far, for their UUIDs
/// (a second PHQ-9 score on one day is `…\n1`).
///
/// The record lists dated entries in date order, nearly always: then only
/// the current day's counts are held, not a table of every day of a long
/// plan's record (its growth was a tenth of a long export). When the order
/// goes back (a risk at `opened` after an earlier session), every day's
/// counts are kept, so no two resources share a UUID.
struct DayCounts<K> {
    /// Whether the days come in order, so that a past day never returns.
    in_order: bool,
    day: Option<Date>,
    counts: foldhash::HashMap<(Date, K), usize>,
}

impl<K: std::hash::Hash + Eq> DayCounts<K> {
    /// Counts for resources made on `days`, in the order they will come.
    fn new(mut days: impl Iterator<Item = Date>) -> Self {
        let mut last = None;
        let in_order = days.all(|day| {
            let ordered = last.is_none_or(|last| last <= day);
            last = Some(day);
            ordered
        });
        DayCounts {
            in_order,
            day: None,
            counts: foldhash::HashMap::default(),
        }
    }

    /// How many resources of `key` on `day` came before this one.
    fn next(&mut self, day: Date, key: K) -> usize {
        if self.in_order && self.day != Some(day) {
            self.counts.clear();
        }
        self.day = Some(day);
        let seen = self.counts.entry((day, key)).or_insert(0);
        *seen += 1;
        *seen - 1
    }
}

/// A resource's UUID as its `id` and `fullUrl`.
trait UuidExt {
    fn id(&self) -> Id;
    fn full_url(&self) -> Urn;
}

impl UuidExt for Uuid {
    fn id(&self) -> Id {
        Id(*self)
    }

    fn full_url(&self) -> Urn {
        Urn(*self)
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
            index: HashMap::default(),
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
    sink: &'a mut dyn json::Sink,
    patient: Reference,
}

impl Builder<'_> {
    fn push(&mut self, uuid: Uuid, resource: Resource) {
        self.sink.push(BundleEntry {
            full_url: uuid.full_url(),
            resource,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{DayCounts, NAMESPACE};
    use jiff::civil::date;
    use uuid::Uuid;

    /// The n of each resource's UUID name, whether the days come in order
    /// or go back (a risk at `opened` after an earlier session): a day that
    /// comes again goes on counting, so no two names are the same.
    #[test]
    fn each_day_counts_its_resources_in_any_order() {
        let in_order = [date(2026, 9, 1), date(2026, 9, 1), date(2026, 9, 8)];
        let back = [date(2026, 9, 8), date(2026, 9, 1), date(2026, 9, 8)];
        for days in [in_order, back] {
            let mut counts = DayCounts::new(days.into_iter());
            let ns: Vec<usize> = days.iter().map(|&day| counts.next(day, "PHQ-9")).collect();
            let expected = if days == in_order {
                [0, 1, 0]
            } else {
                [0, 0, 1]
            };
            assert_eq!(ns, expected, "{days:?}");
        }
        let mut counts = DayCounts::new(in_order.into_iter());
        assert_eq!(counts.next(date(2026, 9, 1), "PHQ-9"), 0);
        assert_eq!(counts.next(date(2026, 9, 1), "GAD-7"), 0);
        assert_eq!(counts.next(date(2026, 9, 1), "PHQ-9"), 1);
    }

    #[test]
    fn the_namespace_is_the_v5_uuid_of_its_url() {
        assert_eq!(
            Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:careplan:fhir"),
            NAMESPACE
        );
    }
}
