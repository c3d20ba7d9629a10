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
    /// Days overdue on the date (negative: days until it is due).
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
                .filter_map(|g| g.measure.as_ref())
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
    let review = record
        .review_due(options.default_review, as_of)
        .map(|due| ReviewLine {
            last: due.last.as_ref().map(|r| r.date),
            due: due.date,
            overdue_days: due.date.until(as_of).map_or(0, |s| i64::from(s.get_days())),
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
        risk: state.risk,
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

/// A measure's latest score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LatestScore {
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
                value: reading.value,
                date: reading.date,
                band: reading.band.clone(),
                trend: series.trend,
            })
        };
        CaseRow {
            path: summary.path.clone(),
            client: summary.client.clone(),
            opened: summary.opened,
            sessions: summary.sessions,
            last_seen: summary.last_session,
            phq9: latest("PHQ-9"),
            gad7: latest("GAD-7"),
            review: summary.review.clone(),
            risk: summary.risk,
            errors: summary.findings.errors,
            warnings: summary.findings.warnings,
        }
    }

    /// Orders rows most urgent first: high risk, then moderate; then the
    /// most overdue review; then files with errors, then with warnings;
    /// then by client id.
    pub fn urgency_order(rows: &mut [CaseRow]) {
        rows.sort_by(|a, b| {
            let key = |r: &CaseRow| {
                (
                    std::cmp::Reverse(r.risk),
                    std::cmp::Reverse(
                        r.review
                            .as_ref()
                            .map_or(i64::MIN, |v| v.overdue_days.max(0)),
                    ),
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
