//! The facts of one progress note, gathered from the record as it stood on
//! the session's date: the summary of that day supplies the goals, risk,
//! safety plan, doses and next review, the session entry the rest.

use crate::analytics::{GoalOutcome, SeriesOutcome};
use crate::ast::{Entry, Session};
use crate::check::{Analysis, CheckOptions};
use crate::interpret::TreatmentKind;
use crate::summary::{ReviewLine, RiskLine, Summary, summarize};
use crate::words::{Attendance, Better, SessionFormat};
use jiff::civil::Date;
use serde::Serialize;

/// Everything one progress note shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    /// The file's path as shown to the user.
    pub path: String,
    /// The plan's title.
    pub title: String,
    /// Pseudonymous client id.
    pub client: Option<String>,
    /// Treating clinician.
    pub clinician: Option<String>,
    /// The session's date.
    pub date: Date,
    /// Whether the client came.
    pub attendance: Attendance,
    /// For an attended session, how many sessions the client had attended
    /// by then, this one included.
    pub number: Option<usize>,
    /// Length in minutes, when recorded.
    pub minutes: Option<f64>,
    /// How it was delivered, when recorded.
    pub format: Option<SessionFormat>,
    /// The goals and objectives the session addressed, in file order.
    pub addressed: Vec<Addressed>,
    /// The interventions and medications used, with the client's response.
    pub used: Vec<UsedLine>,
    /// The scores taken, with their changes.
    pub scores: Vec<ScoreLine>,
    /// The risk level in force after the session.
    pub risk: Option<RiskLine>,
    /// Whether this session assessed that risk level.
    pub risk_assessed_here: bool,
    /// The date of the safety plan in force.
    pub safety_plan: Option<Date>,
    /// The clinician's assessment.
    pub assessment: Option<String>,
    /// Homework set.
    pub homework: Vec<String>,
    /// Medication doses changed from this session on.
    pub doses: Vec<DoseNote>,
    /// Free notes.
    pub notes: Vec<String>,
    /// The latest review on or before the session.
    pub last_review: Option<Date>,
    /// When the next review was due, seen from the session's date.
    pub review: Option<ReviewLine>,
    /// When the episode had been discharged by the session's date.
    pub discharged: Option<Date>,
}

/// A goal or objective the session addressed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Addressed {
    /// The goal or objective as it stood on the session's date: its
    /// targets, latest scores, progress and status.
    pub outcome: GoalOutcome,
    /// For a goal, how many objectives it has.
    pub objectives: usize,
    /// The interventions and medications used that serve it (their `for`).
    pub through: Vec<String>,
    /// The session's `progress` indicators for it.
    pub indicators: Vec<String>,
}

/// An intervention or medication used in the session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UsedLine {
    /// Its id.
    pub id: String,
    /// Intervention or medication; `None` when the file does not define it.
    pub kind: Option<TreatmentKind>,
    /// What it is: `CBT behavioral-activation`, or the drug.
    pub what: Option<String>,
    /// An intervention's title.
    pub title: Option<String>,
    /// A medication's dose in force after the session.
    pub dose: Option<String>,
    /// The goals and objectives it serves.
    pub goals: Vec<String>,
    /// How the client responded, in the clinician's words.
    pub response: Option<String>,
}

/// A score taken in the session, with its band and changes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreLine {
    /// The measure's id.
    pub measure: String,
    /// Which direction is better.
    pub better: Better,
    /// The score (at the start of the session when two were taken).
    pub value: f64,
    /// The score at the end of the session (`score SUDS 80 -> 50`).
    pub after: Option<f64>,
    /// Its severity band, when the measure has bands.
    pub band: Option<String>,
    /// The measure's previous score before this session, with its date.
    pub previous: Option<Previous>,
    /// The baseline: the goal's, else the first score.
    pub baseline: Option<f64>,
}

/// An earlier score.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Previous {
    /// Its date.
    pub date: Date,
    /// The score.
    pub value: f64,
}

/// A dose changed in the session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DoseNote {
    /// The medication's id.
    pub medication: String,
    /// The drug, when the file defines the medication.
    pub drug: Option<String>,
    /// The new dose.
    pub dose: String,
    /// The dose before it, when there was one.
    pub previous: Option<String>,
}

/// Builds the note of the session written as `entry` (an index into the
/// document's entries); `None` when that entry is not a dated session.
pub fn build(
    path: &str,
    source: &str,
    analysis: &Analysis,
    options: &CheckOptions,
    entry: usize,
) -> Option<Note> {
    let Some(Entry::Session(session)) = analysis.document.entries.get(entry) else {
        return None;
    };
    let date = session.date.value?;
    let s = summarize(path, source, analysis, options, date);
    let attended = analysis.document.attended(session);
    let used = used(&s, session);
    let risk_assessed_here =
        session.risk.is_some() && s.risk.as_ref().is_some_and(|r| r.date == date);
    Some(Note {
        path: s.path.clone(),
        title: s.title.clone(),
        client: s.client.clone(),
        clinician: s.clinician.clone(),
        date,
        attendance: session
            .attendance
            .as_ref()
            .map_or(Attendance::Attended, |a| a.value),
        number: attended.then_some(s.sessions),
        minutes: session.minutes.as_ref().map(|m| m.value),
        format: session.format.as_ref().map(|f| f.value),
        addressed: addressed(&s, session, &used),
        scores: scores(&s, session, date),
        used,
        risk: s.risk.clone(),
        risk_assessed_here,
        safety_plan: s.safety_plan,
        assessment: session.assessment.as_ref().map(|a| a.value.clone()),
        homework: texts(&session.homework),
        doses: doses(&s, session, date),
        notes: texts(&session.notes),
        last_review: s.last_review,
        review: s.review.clone(),
        discharged: s.discharge.as_ref().map(|d| d.date),
    })
}

fn texts(texts: &[crate::ast::Text]) -> Vec<String> {
    texts.iter().map(|t| t.value.clone()).collect()
}

/// Each `used` line with what the plan says the treatment is.
fn used(s: &Summary, session: &Session) -> Vec<UsedLine> {
    session
        .used
        .iter()
        .map(|u| {
            let id = &u.intervention.value;
            let t = s.treatments.iter().find(|t| &t.id == id);
            UsedLine {
                id: id.to_string(),
                kind: t.map(|t| t.kind),
                what: t.map(|t| t.what.clone()),
                title: t.and_then(|t| t.title.clone()),
                dose: t.and_then(|t| t.dose.clone()),
                goals: t.map(|t| t.goals.clone()).unwrap_or_default(),
                response: u.response.as_ref().map(|r| r.value.clone()),
            }
        })
        .collect()
}

/// The goals and objectives named by the used treatments' `for` or by a
/// `progress` line, in file order (goals, then objectives).
fn addressed(s: &Summary, session: &Session, used: &[UsedLine]) -> Vec<Addressed> {
    s.goals
        .iter()
        .chain(&s.objectives)
        .filter_map(|g| {
            let through: Vec<String> = used
                .iter()
                .filter(|u| u.goals.contains(&g.id))
                .map(|u| u.id.clone())
                .collect();
            let indicators: Vec<String> = session
                .progress
                .iter()
                .filter(|p| p.goal.value == g.id)
                .map(|p| p.indicator.value.clone())
                .collect();
            (!through.is_empty() || !indicators.is_empty()).then(|| Addressed {
                outcome: g.clone(),
                objectives: s
                    .objectives
                    .iter()
                    .filter(|o| !g.objective && o.serves.contains(&g.id))
                    .count(),
                through,
                indicators,
            })
        })
        .collect()
}

/// Each score with its band, the measure's previous score and its baseline.
fn scores(s: &Summary, session: &Session, date: Date) -> Vec<ScoreLine> {
    session
        .scores
        .iter()
        .map(|score| {
            let id = &score.measure.value;
            let series: Option<&SeriesOutcome> = s.measures.iter().find(|m| &m.measure == id);
            let band = series.and_then(|m| {
                m.readings
                    .iter()
                    .rev()
                    .find(|r| r.date == date && r.value == score.value.value)
                    .and_then(|r| r.band.clone())
            });
            ScoreLine {
                measure: id.to_string(),
                better: series.map_or(Better::Lower, |m| m.better),
                value: score.value.value,
                after: score.after.as_ref().map(|a| a.value),
                band,
                previous: series.and_then(|m| {
                    m.readings
                        .iter()
                        .rev()
                        .find(|r| r.date < date)
                        .map(|r| Previous {
                            date: r.date,
                            value: r.value,
                        })
                }),
                baseline: series.and_then(|m| m.baseline),
            }
        })
        .collect()
}

/// Each dose change with the dose it replaced.
fn doses(s: &Summary, session: &Session, date: Date) -> Vec<DoseNote> {
    session
        .doses
        .iter()
        .map(|d| {
            let t = s.treatments.iter().find(|t| t.id == d.medication.value);
            DoseNote {
                medication: d.medication.value.to_string(),
                drug: t.map(|t| t.what.clone()),
                dose: d.dose.value.clone(),
                previous: t.and_then(|t| {
                    t.doses
                        .iter()
                        .rev()
                        .find(|p| p.date < date)
                        .map(|p| p.dose.clone())
                }),
            }
        })
        .collect()
}
