//! Summaries: a plan as it stood on a date, for people and programs, and
//! the caseload view over many plans.
//!
//! [`summarize`] gathers the facts once; the renderers ([`text`],
//! [`markdown`], [`html`], [`json`]) only lay them out.

pub mod html;
pub mod json;
pub mod markdown;
mod phrases;
pub mod text;

/// A target and whether it is met, in the summaries' words, for the REPL too.
pub(crate) use phrases::{met, target};

use crate::analytics::{GoalOutcome, SeriesOutcome, goal_outcomes, series_outcome};
use crate::check::{Analysis, CheckOptions};
use crate::diagnostic::Severity;
use crate::interpret::TreatmentKind;
use crate::span::LineIndex;
use crate::words::{Care, Risk, Stage};
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
    /// The presenting problems.
    pub concerns: Vec<ConcernLine>,
    /// Goals set on or before the date, with their outcomes.
    pub goals: Vec<GoalOutcome>,
    /// Interventions and medications, in file order.
    pub treatments: Vec<TreatmentLine>,
    /// Every measure scored up to the date, in order of first score.
    pub measures: Vec<SeriesOutcome>,
    /// Sessions held up to the date.
    pub sessions: usize,
    /// The latest session's date.
    pub last_session: Option<Date>,
    /// Risk as last assessed.
    pub risk: Option<Risk>,
    /// The latest safety plan's date.
    pub safety_plan: Option<Date>,
    /// When the next review is due.
    pub review: Option<ReviewLine>,
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
    /// Its title, or the dose of a medication.
    pub detail: Option<String>,
    /// The goals it serves.
    pub goals: Vec<String>,
    /// When it started.
    pub started: Option<Date>,
    /// When it stopped, on or before the date.
    pub stopped: Option<Date>,
    /// Whether it is active on the date.
    pub active: bool,
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
    let goals = goal_outcomes(document, record, &measures, as_of);
    let treatments = record
        .treatments
        .iter()
        .filter_map(|t| {
            let entry = document.entries.get(t.entry)?;
            let (what, detail) = match entry {
                crate::ast::Entry::Intervention(i) => (
                    match &i.technique {
                        Some(technique) => format!("{} {}", i.modality.value, technique.value),
                        None => i.modality.value.clone(),
                    },
                    text(i.title.as_ref()),
                ),
                crate::ast::Entry::Medication(m) => (m.drug.value.clone(), text(m.dose.as_ref())),
                _ => return None,
            };
            Some(TreatmentLine {
                id: t.id.clone(),
                kind: t.kind,
                what,
                detail,
                goals: t.goals.clone(),
                started: t.started,
                stopped: t.stopped.as_ref().map(|s| s.date).filter(|d| *d <= as_of),
                active: t.is_active_on(as_of),
            })
        })
        .collect();
    let series = record
        .series
        .iter()
        .map(|s| {
            let baseline = goals
                .iter()
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
    let review = record.review_due(options.default_review, as_of).map(|due| {
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
            .map(|c| c.value.clone()),
        clinician: text(plan.and_then(|p| p.clinician.as_ref())),
        prescriber: text(plan.and_then(|p| p.prescriber.as_ref())),
        opened: record.opened,
        as_of,
        orientation: plan
            .and_then(|p| p.orientation.as_ref())
            .map(|o| o.value.clone()),
        care: plan.and_then(|p| p.care.as_ref()).map(|c| c.value),
        stage: state.stage,
        review_every: record.review_every.map(|d| d.to_string()),
        concerns: document
            .concerns()
            .map(|c| ConcernLine {
                id: c.id.value.clone(),
                text: c.text.value.clone(),
                diagnosis: c.diagnosis.as_ref().map(|d| d.value.clone()),
                since: c.since.as_ref().and_then(|s| s.value),
            })
            .collect(),
        goals,
        treatments,
        measures: series,
        sessions: state.sessions,
        last_session: record
            .sessions
            .iter()
            .map(|s| s.date)
            .filter(|d| *d <= as_of)
            .max(),
        risk: state.risk.map(|r| r.value.level),
        safety_plan: state.safety_plan,
        review,
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

/// One plan in the caseload view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CaseRow {
    /// The file's path.
    pub path: String,
    /// Pseudonymous client id.
    pub client: Option<String>,
    /// When the episode began.
    pub opened: Option<Date>,
    /// Sessions held.
    pub sessions: usize,
    /// The latest session's date.
    pub last_seen: Option<Date>,
    /// How urgently the plan needs attention: the caseload's order.
    pub urgency: Urgency,
    /// Why, in a few words (`risk high`, `PHQ-9 22`, `risk never assessed`).
    pub why: Option<String>,
    /// The latest score of each measure the plan's goals use, then of PHQ-9
    /// and GAD-7 when they are scored but no goal uses them.
    pub measures: Vec<LatestScore>,
    /// Latest PHQ-9 with band and trend.
    pub phq9: Option<LatestScore>,
    /// Latest GAD-7 with band and trend.
    pub gad7: Option<LatestScore>,
    /// The next review.
    pub review: Option<ReviewLine>,
    /// Risk as last assessed.
    pub risk: Option<Risk>,
    /// Error-level findings.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
}

/// How urgently a plan in the caseload needs attention, most urgent first.
///
/// The order follows what a clinician triaging a caseload looks at first:
/// imminent risk of suicide (high risk recorded; a positive PHQ-9 item 9,
/// which predicts later attempts, Simon et al., 2013, Psychiatr Serv
/// 64:1195; a PHQ-9 total of 20 or more, the "severe" band, Kroenke et al.,
/// 2001), then risk that is moderate or was never assessed (an unassessed
/// client is not a low-risk one: Joint Commission NPSG.15.01.01 asks for a
/// screen of every client treated for a behavioural-health condition), then
/// records careplan could not fully read, then overdue reviews.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    /// High risk, a positive PHQ-9 item 9, or a PHQ-9 of 20 or more.
    Urgent,
    /// Moderate risk, or risk never assessed.
    Risk,
    /// The file has error-level findings.
    Errors,
    /// The review is overdue.
    Overdue,
    /// Nothing above.
    Routine,
}

/// The lowest PHQ-9 total in the "severe" band (Kroenke, Spitzer &
/// Williams, 2001, J Gen Intern Med 16:606-613).
const PHQ9_SEVERE: f64 = 20.0;

/// A measure's latest score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LatestScore {
    /// The measure's id.
    pub measure: String,
    /// The score.
    pub value: f64,
    /// Its date.
    pub date: Date,
    /// Its severity band.
    pub band: Option<String>,
    /// The trend of the latest scores.
    pub trend: Option<crate::analytics::Trend>,
}

impl CaseRow {
    /// The caseload row of one summary.
    pub fn of(summary: &Summary) -> CaseRow {
        let latest = |id: &str| {
            let series = summary.measures.iter().find(|m| m.measure == id)?;
            let reading = series.latest()?;
            Some(LatestScore {
                measure: id.to_owned(),
                value: reading.value,
                date: reading.date,
                band: reading.band.clone(),
                trend: series.trend,
            })
        };
        let mut shown: Vec<&str> = Vec::new();
        let goal_measures = summary.goals.iter().flat_map(|g| &g.targets);
        for id in goal_measures
            .map(|t| t.measure.measure.as_str())
            .chain(["PHQ-9", "GAD-7"])
        {
            if !shown.contains(&id) {
                shown.push(id);
            }
        }
        let measures: Vec<LatestScore> = shown.iter().filter_map(|id| latest(id)).collect();
        let phq9 = latest("PHQ-9");
        let item9 = latest("PHQ-9-item9").is_some_and(|s| s.value >= 1.0);
        let overdue = summary.review.as_ref().map_or(0, |r| r.days_overdue);
        let (urgency, why) = match (summary.risk, &phq9) {
            (Some(Risk::High), _) => (Urgency::Urgent, Some("risk high".to_owned())),
            _ if item9 => (Urgency::Urgent, Some("PHQ-9 item 9 positive".to_owned())),
            (_, Some(p)) if p.value >= PHQ9_SEVERE => {
                (Urgency::Urgent, Some(format!("PHQ-9 {}", number(p.value))))
            }
            (Some(Risk::Moderate), _) => (Urgency::Risk, Some("risk moderate".to_owned())),
            (None, _) => (Urgency::Risk, Some("risk never assessed".to_owned())),
            _ if summary.findings.errors > 0 => (Urgency::Errors, None),
            _ if overdue > 0 => (Urgency::Overdue, None),
            _ => (Urgency::Routine, None),
        };
        CaseRow {
            path: summary.path.clone(),
            client: summary.client.clone(),
            opened: summary.opened,
            sessions: summary.sessions,
            last_seen: summary.last_session,
            urgency,
            why,
            measures,
            phq9,
            gad7: latest("GAD-7"),
            review: summary.review.clone(),
            risk: summary.risk,
            errors: summary.findings.errors,
            warnings: summary.findings.warnings,
        }
    }

    /// Orders rows most urgent first, by [`Urgency`]; within each, higher
    /// risk, then the most overdue review, then more errors and warnings,
    /// then by client id.
    pub fn urgency_order(rows: &mut [CaseRow]) {
        rows.sort_by(|a, b| {
            let key = |r: &CaseRow| {
                (
                    r.urgency,
                    std::cmp::Reverse(r.risk),
                    std::cmp::Reverse(r.review.as_ref().map_or(0, |v| v.days_overdue)),
                    std::cmp::Reverse(r.errors),
                    std::cmp::Reverse(r.warnings),
                )
            };
            key(a)
                .cmp(&key(b))
                .then_with(|| a.client.cmp(&b.client))
                .then_with(|| a.path.cmp(&b.path))
        });
    }
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
