//! The serde_json baseline of the side-by-side benchmark: a plan's typed
//! JSON form (`generate::Forms::json`) parsed by serde into Rust types
//! (dates read and validated as dates), then the cross-reference check
//! careplan's `duplicate-id` and `unknown-reference` rules make: every id
//! defined once, every id referred to defined.

// Every field is read, as a typed parse reads it, though only ids are checked.
#![allow(dead_code)]

use jiff::civil::Date;
use serde::Deserialize;
use std::collections::HashSet;

/// A plan in typed form.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    entries: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Entry {
    Comment(Comment),
    Plan(Plan),
    Concern(Concern),
    Measure(Measure),
    Goal(Goal),
    Intervention(Intervention),
    Medication(Medication),
    SafetyPlan(SafetyPlan),
    Session(Session),
    Review(Review),
    Event(Event),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Comment {
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Plan {
    title: String,
    client: String,
    born: Date,
    clinician: String,
    prescriber: String,
    opened: Date,
    orientation: String,
    integration: Option<String>,
    rationale: String,
    stage: String,
    care: String,
    review_every_weeks: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Concern {
    id: String,
    text: String,
    diagnosis: String,
    since: Option<Date>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Measure {
    id: String,
    name: String,
    range: (f64, f64),
    better: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Goal {
    id: String,
    text: String,
    #[serde(rename = "for")]
    concern: String,
    measure: String,
    baseline: f64,
    comparator: String,
    target: f64,
    due: Date,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Intervention {
    id: String,
    modality: String,
    technique: Option<String>,
    title: Option<String>,
    #[serde(rename = "for")]
    goals: Vec<String>,
    consent: Option<Date>,
    frequency: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Medication {
    id: String,
    drug: String,
    #[serde(rename = "for")]
    goals: Vec<String>,
    dose: String,
    started: Date,
    monitor: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SafetyPlan {
    date: Date,
    warning_signs: String,
    coping: String,
    contacts: String,
    means_safety: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Session {
    date: Date,
    #[serde(default)]
    comments: Vec<String>,
    #[serde(default)]
    used: Vec<Used>,
    #[serde(default)]
    progress: Vec<Progress>,
    #[serde(default)]
    scores: Vec<Score>,
    risk: Option<String>,
    note: Option<String>,
    homework: Option<String>,
    minutes: Option<u32>,
    format: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Used {
    id: String,
    response: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Progress {
    goal: String,
    indicator: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Score {
    measure: String,
    value: f64,
    after: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Review {
    date: Date,
    #[serde(default)]
    statuses: Vec<Status>,
    #[serde(default)]
    revisions: Vec<Revision>,
    #[serde(default)]
    stops: Vec<Stop>,
    stage: Option<String>,
    note: Option<String>,
    next: Date,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Status {
    goal: String,
    status: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Revision {
    goal: String,
    due: Option<Date>,
    comparator: Option<String>,
    target: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Stop {
    id: String,
    reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Event {
    date: Date,
    #[serde(rename = "type")]
    kind: String,
    text: String,
    note: String,
}

/// The measures every plan may score without declaring them (careplan's
/// catalogue knows many more; these are the ones the corpus uses).
const BUILT_IN: [&str; 3] = ["PHQ-9", "GAD-7", "SUDS"];

/// Parses a plan's typed JSON and checks its cross-references: the number
/// of ids defined twice or referred to but not defined.
pub fn check(json: &str) -> Result<usize, serde_json::Error> {
    let document: Document = serde_json::from_str(json)?;
    Ok(problems(&document))
}

/// The ids of `document` defined twice, and those referred to but never
/// defined, as careplan's cross-reference rules count them.
fn problems(document: &Document) -> usize {
    let mut defined: HashSet<&str> = BUILT_IN.into_iter().collect();
    let mut problems = 0;
    for entry in &document.entries {
        let id = match entry {
            Entry::Concern(c) => &c.id,
            Entry::Measure(m) => &m.id,
            Entry::Goal(g) => &g.id,
            Entry::Intervention(i) => &i.id,
            Entry::Medication(m) => &m.id,
            _ => continue,
        };
        if !defined.insert(id) {
            problems += 1;
        }
    }
    let mut refer = |id: &str| {
        if !defined.contains(id) {
            problems += 1;
        }
    };
    for entry in &document.entries {
        match entry {
            Entry::Goal(g) => {
                refer(&g.concern);
                refer(&g.measure);
            }
            Entry::Intervention(i) => i.goals.iter().for_each(|g| refer(g)),
            Entry::Medication(m) => m.goals.iter().for_each(|g| refer(g)),
            Entry::Session(s) => {
                s.used.iter().for_each(|u| refer(&u.id));
                s.progress.iter().for_each(|p| refer(&p.goal));
                s.scores.iter().for_each(|s| refer(&s.measure));
            }
            Entry::Review(r) => {
                r.statuses.iter().for_each(|s| refer(&s.goal));
                r.revisions.iter().for_each(|r| refer(&r.goal));
                r.stops.iter().for_each(|s| refer(&s.id));
            }
            _ => {}
        }
    }
    problems
}
