//! Summaries: a plan as it stood on a date, for people and programs, and
//! the caseload view over many plans.
//!
//! [`summarize`] gathers the facts once; the renderers ([`text`],
//! [`markdown`], [`html`], [`json`]) only lay them out.

mod caseload;
mod charts;
mod facts;
pub mod html;
pub mod json;
pub mod markdown;
pub(crate) mod phrases;
pub mod site;
pub mod text;

pub use caseload::{CaseRow, LatestScore, Urgency};
/// A target and whether it is met, in the summaries' words, for the REPL too.
pub(crate) use phrases::{met, target};

use crate::analytics::{GoalOutcome, SeriesOutcome, goal_outcomes, series_outcome};
use crate::check::{Analysis, CheckOptions};
use crate::diagnostic::Severity;
use crate::interpret::{AttendanceCount, TreatmentKind};
use crate::span::LineIndex;
use crate::words::{
    Achievement, Attendance, Care, DischargeKind, EventKind, Risk, SessionFormat, Stage,
};
use jiff::civil::Date;
use serde::Serialize;

/// Everything a summary of one plan shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// The file's path as shown to the user.
    pub path: String,
    /// The plan's title.
    pub title: String,
    /// Pseudonymous client id.
    pub client: Option<String>,
    /// Treating clinician.
    pub clinician: Option<String>,
    /// Default prescriber.
    pub prescriber: Option<String>,
    /// When the episode began.
    pub opened: Option<Date>,
    /// The date the summary shows the plan on.
    pub as_of: Date,
    /// Main therapeutic orientation.
    pub orientation: Option<String>,
    /// Care pattern.
    pub care: Option<Care>,
    /// Stage of change on the date.
    pub stage: Option<Stage>,
    /// Review cadence as written (`8 weeks`), if the plan sets one.
    pub review_every: Option<String>,
    /// What must be true to end the episode: the plan's `discharge-criteria`.
    pub discharge_criteria: Vec<String>,
    /// The presenting problems.
    pub concerns: Vec<ConcernLine>,
    /// Goals set on or before the date, with their outcomes; `serves`
    /// names the concerns each addresses.
    pub goals: Vec<GoalOutcome>,
    /// Objectives set on or before the date, with their outcomes; `serves`
    /// names the goals each is a step toward.
    pub objectives: Vec<GoalOutcome>,
    /// Interventions and medications, in file order.
    pub treatments: Vec<TreatmentLine>,
    /// Every measure scored up to the date, in order of first score.
    pub measures: Vec<SeriesOutcome>,
    /// Sessions the client attended up to the date.
    pub sessions: usize,
    /// The latest attended session's date.
    pub last_session: Option<Date>,
    /// Every appointment up to the date, by attendance, with the rate.
    pub attendance: AttendanceLine,
    /// Every session up to the date, attended or not, newest first (the
    /// command line's `--sessions N` keeps the newest N).
    pub session_log: Vec<SessionLine>,
    /// Every event up to the date (crises, relapses, admissions, life
    /// events), oldest first.
    pub events: Vec<EventLine>,
    /// Risk as last assessed on or before the date, with when and where.
    pub risk: Option<RiskLine>,
    /// The latest safety plan's date.
    pub safety_plan: Option<Date>,
    /// The latest review on or before the date.
    pub last_review: Option<Date>,
    /// When the next review is due; `None` once the episode is discharged
    /// (no review is due) or when the plan has no `opened` date.
    pub review: Option<ReviewLine>,
    /// How the episode ended, when it had by the date.
    pub discharge: Option<DischargeLine>,
    /// The check's findings.
    pub findings: Findings,
}

/// A concern.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConcernLine {
    /// Its id.
    pub id: String,
    /// The problem in the clinician's words.
    pub text: String,
    /// Diagnosis code.
    pub diagnosis: Option<String>,
    /// When it began.
    pub since: Option<Date>,
}

/// An intervention or medication and its course.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TreatmentLine {
    /// Its id.
    pub id: String,
    /// Intervention or medication.
    pub kind: TreatmentKind,
    /// What it is: `exposure interoceptive`, or the drug.
    pub what: String,
    /// An intervention's title.
    pub title: Option<String>,
    /// A medication's dose in force on the date.
    pub dose: Option<String>,
    /// A medication's doses up to the date, oldest first: its starting
    /// dose, then each change (a titration).
    pub doses: Vec<DoseLine>,
    /// The goals and objectives it serves, as its `for` names them.
    pub goals: Vec<String>,
    /// When it started.
    pub started: Option<Date>,
    /// When it stopped, on or before the date.
    pub stopped: Option<Date>,
    /// Whether it stopped because the episode was discharged.
    pub stopped_at_discharge: bool,
    /// Whether it is active on the date.
    pub active: bool,
    /// An intervention's planned course in force on the date.
    pub course: Option<CourseLine>,
}

/// A medication's dose from a date on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DoseLine {
    /// The date it took effect.
    pub date: Date,
    /// The dose as written.
    pub dose: String,
}

/// An intervention's planned course and how much of it has been given.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CourseLine {
    /// The course as written (`16 sessions`, `6 weeks`).
    pub planned: String,
    /// Attended sessions that used the intervention, up to the date.
    pub sessions_used: usize,
    /// For a course counted in time, its last day (from the intervention's start).
    pub ends: Option<Date>,
}

/// Appointments by attendance, with the attendance rate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct AttendanceLine {
    /// The counts: `attended`, `no_shows`, `cancelled`, `late_cancelled`.
    #[serde(flatten)]
    pub counts: AttendanceCount,
    /// Every appointment.
    pub appointments: usize,
    /// Attended ÷ (attended + no-shows + late cancellations), in percent; a
    /// cancellation made in good time is not a missed appointment
    /// (docs/language.md, "How a file is interpreted").
    pub rate: Option<f64>,
}

/// One event as the record has it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventLine {
    /// When it happened.
    pub date: Date,
    /// What kind of event.
    pub kind: crate::words::EventKind,
    /// What happened, in the clinician's words.
    pub text: String,
    /// Risk as assessed at it, if recorded.
    pub risk: Option<crate::words::Risk>,
    /// Why, when the assessment gives a reason.
    pub risk_reason: Option<String>,
}

/// One session as the record has it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SessionLine {
    /// Its date.
    pub date: Date,
    /// Whether the client came.
    pub attendance: Attendance,
    /// How it was delivered.
    pub format: Option<SessionFormat>,
    /// Length in minutes.
    pub minutes: Option<f64>,
    /// The interventions and medications used, with the client's response.
    pub used: Vec<UsedLine>,
    /// The scores taken: measure, score, and the end-of-session score.
    pub scores: Vec<ScoreTaken>,
    /// Risk as assessed in the session, with the reason.
    pub risk: Option<Risk>,
    /// Why, in the clinician's words.
    pub risk_reason: Option<String>,
    /// The clinician's assessment.
    pub assessment: Option<String>,
    /// Dose changes.
    pub doses: Vec<DoseChangeLine>,
    /// Homework set.
    pub homework: Vec<String>,
    /// Free notes.
    pub notes: Vec<String>,
}

/// A treatment used in a session, with the client's response.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UsedLine {
    /// The intervention's or medication's id.
    pub id: String,
    /// How the client responded.
    pub response: Option<String>,
}

/// A dose changed in a session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DoseChangeLine {
    /// The medication's id.
    pub medication: String,
    /// The dose from then on.
    pub dose: String,
}

/// A score taken in a session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreTaken {
    /// The measure's id.
    pub measure: String,
    /// The score.
    pub value: f64,
    /// The score at the end of the session, when two were written.
    pub after: Option<f64>,
}

/// A risk level with when and where it was assessed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RiskLine {
    /// The level.
    pub level: Risk,
    /// When it was assessed (the plan's `opened` for the starting level).
    pub date: Date,
    /// Which entry assessed it.
    pub assessed_at: Assessed,
    /// For an event, its kind.
    pub event: Option<EventKind>,
    /// Why, in the clinician's words, when given.
    pub reason: Option<String>,
}

/// The entry a risk level was recorded on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Assessed {
    /// The plan's `risk`: the level at the start of the plan.
    Plan,
    /// A session.
    Session,
    /// A review.
    Review,
    /// An event (a crisis, relapse, hospitalization or life event).
    Event,
    /// The discharge.
    Discharge,
}

/// The end of the episode.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DischargeLine {
    /// Its date.
    pub date: Date,
    /// How the episode ended.
    pub kind: Option<DischargeKind>,
    /// The discharge summary, when written.
    pub summary: Option<String>,
    /// Every goal's and objective's final status: the discharge's own, else
    /// the last one recorded before it.
    pub statuses: Vec<FinalStatus>,
    /// Where care continues.
    pub referrals: Vec<String>,
    /// Risk as assessed at discharge, when it was.
    pub risk: Option<RiskLine>,
    /// Free notes.
    pub notes: Vec<String>,
}

impl DischargeLine {
    /// How the episode ended, in words; `discharged` when the type could
    /// not be read (reported as `syntax`).
    pub fn kind_word(&self) -> &'static str {
        self.kind.map_or("discharged", DischargeKind::as_str)
    }
}

/// A goal's or objective's status at discharge.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FinalStatus {
    /// The goal's or objective's id.
    pub id: String,
    /// Whether it is an objective.
    pub objective: bool,
    /// Its status at discharge; `None` when none was ever recorded.
    pub status: Option<Achievement>,
    /// Whether the discharge itself recorded it.
    pub at_discharge: bool,
    /// The discharge's note on it.
    pub note: Option<String>,
}

/// The next review.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewLine {
    /// The latest review on or before the date.
    pub last: Option<Date>,
    /// When the next one is due.
    pub due: Date,
    /// Days overdue on the date (0 when it is not overdue).
    pub days_overdue: u64,
    /// Days until it is due (0 when it is due today or overdue).
    pub days_until_due: u64,
    /// Deprecated, kept for readers of version 1: `days_overdue`, or
    /// minus `days_until_due`.
    pub overdue_days: i64,
}

/// The check's findings: counts, and the errors in full.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Findings {
    /// Error-level findings.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Informational findings.
    pub infos: usize,
    /// Every error and warning, in source order.
    pub items: Vec<FindingLine>,
}

/// One finding, located.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FindingLine {
    /// 1-based line.
    pub line: usize,
    /// Its severity.
    pub severity: Severity,
    /// The rule's name.
    pub rule: &'static str,
    /// What is wrong.
    pub message: String,
}

/// Summarises a checked plan as it stood on `as_of`.
pub fn summarize(
    path: &str,
    source: &str,
    analysis: &Analysis,
    options: &CheckOptions,
    as_of: Date,
) -> Summary {
    let document = &analysis.document;
    let record = &analysis.record;
    let measures = options.catalogue.measures_for(document);
    let state = record.state_on(as_of);
    let plan = document.plan();
    let text = |t: Option<&crate::ast::Text>| t.map(|t| t.value.clone());
    let (objectives, goals): (Vec<GoalOutcome>, Vec<GoalOutcome>) =
        goal_outcomes(document, record, &measures, as_of)
            .into_iter()
            .partition(|g| g.objective);
    let series = record
        .series
        .iter()
        .map(|s| {
            let baseline = goals
                .iter()
                .chain(&objectives)
                .flat_map(|g| &g.targets)
                .map(|t| &t.measure)
                .find(|m| m.measure == s.measure)
                .and_then(|m| m.baseline);
            series_outcome(
                &s.measure,
                Some(s),
                measures.get(&s.measure),
                baseline,
                as_of,
            )
        })
        .filter(|s| !s.readings.is_empty())
        .collect();
    let discharged = state.discharged.is_some();
    let review = record
        .review_due(options.default_review, as_of)
        .filter(|_| !discharged)
        .map(|due| {
            let overdue_days = due.date.until(as_of).map_or(0, |s| i64::from(s.get_days()));
            ReviewLine {
                last: due.last.as_ref().map(|r| r.date),
                due: due.date,
                days_overdue: overdue_days.max(0).unsigned_abs(),
                days_until_due: overdue_days.min(0).unsigned_abs(),
                overdue_days,
            }
        });
    Summary {
        path: path.to_owned(),
        title: plan.map_or_else(String::new, |p| p.title.value.clone()),
        client: plan
            .and_then(|p| p.client.as_ref())
            .map(|c| c.value.to_string()),
        clinician: text(plan.and_then(|p| p.clinician.as_ref())),
        prescriber: text(plan.and_then(|p| p.prescriber.as_ref())),
        opened: record.opened,
        as_of,
        orientation: plan
            .and_then(|p| p.orientation.as_ref())
            .map(|o| o.value.to_string()),
        care: plan.and_then(|p| p.care.as_ref()).map(|c| c.value),
        stage: state.stage,
        review_every: record.review_every.map(|d| d.to_string()),
        discharge_criteria: plan
            .map(|p| {
                p.discharge_criteria
                    .iter()
                    .map(|c| c.value.clone())
                    .collect()
            })
            .unwrap_or_default(),
        concerns: document
            .concerns()
            .map(|c| ConcernLine {
                id: c.id.value.to_string(),
                text: c.text.value.clone(),
                diagnosis: c.diagnosis.as_ref().map(|d| d.value.to_string()),
                since: c.since.as_ref().and_then(|s| s.value),
            })
            .collect(),
        goals,
        objectives,
        treatments: facts::treatments(document, record, as_of),
        measures: series,
        sessions: state.sessions,
        last_session: record
            .sessions
            .iter()
            .map(|s| s.date)
            .filter(|d| *d <= as_of)
            .max(),
        attendance: AttendanceLine {
            counts: state.attendance,
            appointments: state.attendance.appointments(),
            rate: state.attendance.rate(),
        },
        session_log: facts::sessions(document, record, as_of),
        events: facts::events(document, record, as_of),
        risk: state.risk.as_ref().map(|r| facts::risk(document, r)),
        safety_plan: state.safety_plan,
        last_review: state.last_review,
        review,
        discharge: facts::discharge(document, record, as_of),
        findings: findings(source, analysis),
    }
}

fn findings(source: &str, analysis: &Analysis) -> Findings {
    let index = LineIndex::new(source);
    let mut out = Findings::default();
    for d in &analysis.diagnostics {
        match d.severity {
            Severity::Error => out.errors += 1,
            Severity::Warning => out.warnings += 1,
            Severity::Info => out.infos += 1,
        }
        if d.severity >= Severity::Warning {
            out.items.push(FindingLine {
                line: index.line_col(source, d.span.start).line,
                severity: d.severity,
                rule: d.rule.name(),
                message: d.message.clone(),
            });
        }
    }
    out
}

/// A measure's severity bands in words (`minimal from 0, mild from 5, …`);
/// `None` when it has none.
pub(crate) fn bands(info: &crate::catalogue::MeasureInfo) -> Option<String> {
    (!info.bands.is_empty()).then(|| {
        info.bands
            .iter()
            .map(|b| format!("{} from {}", b.label, number(b.from)))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// Formats a score without a needless `.0`.
pub fn number(value: f64) -> String {
    // `-0` reads as a mistake; it is zero.
    let value = if value == 0.0 { 0.0 } else { value };
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}
