//! The phrases of a summary that every renderer shares (a goal's target,
//! its latest score, a treatment's line, a caseload row's cells): the text,
//! Markdown and HTML summaries lay them out, each in its own way.

use super::{CaseRow, Summary, number};
use crate::analytics::{GoalOutcome, ReliableChange, SeriesOutcome, TargetOutcome};
use crate::emit::plural;
use std::fmt::Write as _;

pub(super) fn header_line(s: &Summary) -> String {
    let mut parts = Vec::new();
    if let Some(client) = &s.client {
        parts.push(format!("client {client}"));
    }
    if let Some(opened) = s.opened {
        parts.push(format!("opened {opened}"));
    }
    parts.push(format!("as of {}", s.as_of));
    parts.join(" · ")
}

pub(super) fn details(s: &Summary) -> String {
    let mut parts = Vec::new();
    if let Some(c) = &s.clinician {
        parts.push(format!("clinician {c}"));
    }
    if let Some(p) = &s.prescriber {
        parts.push(format!("prescriber {p}"));
    }
    if let Some(o) = &s.orientation {
        parts.push(format!("orientation {o}"));
    }
    if let Some(c) = s.care {
        parts.push(format!("care {c}"));
    }
    if let Some(stage) = s.stage {
        parts.push(format!("stage {stage}"));
    }
    if let Some(r) = &s.review_every {
        parts.push(format!("review every {r}"));
    }
    parts.join(" · ")
}

pub(super) fn concern_detail(c: &super::ConcernLine) -> String {
    let mut parts = Vec::new();
    if let Some(d) = &c.diagnosis {
        parts.push(d.clone());
    }
    if let Some(since) = c.since {
        parts.push(format!("since {since}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// The goal's status word, or that none is recorded.
pub(super) fn status(g: &GoalOutcome) -> String {
    g.status
        .map_or_else(|| "no status yet".to_owned(), |s| s.to_string())
}

/// Each target with its measure (`PHQ-9 < 5`), `; `-separated, or a dash.
pub(super) fn target_cell(g: &GoalOutcome) -> String {
    cells(g, |t| Some(target(t)))
}

/// A target with its measure and how long it must hold (`PHQ-9 < 10
/// sustained 4 weeks`).
pub(crate) fn target(t: &TargetOutcome) -> String {
    match t.held {
        Some(held) => format!(
            "{} {} sustained {}",
            t.measure.measure, t.target, held.needed
        ),
        None => format!("{} {}", t.measure.measure, t.target),
    }
}

/// Whether a target is met, and for a sustained one how long it has held:
/// `met, held 2 of 4 weeks` while it has not held long enough yet, `met,
/// held 5 weeks (4 needed)` once it has.
pub(crate) fn met(t: &TargetOutcome) -> String {
    let meets = t
        .measure
        .latest()
        .is_some_and(|r| t.target.is_met_by(r.value));
    match t.held {
        Some(held) if meets && !t.met => format!("met, held {} of {}", held.so_far, held.needed),
        Some(held) if t.met => {
            let so_far = crate::ast::Extent {
                amount: held.so_far,
                unit: held.needed.unit,
            };
            format!("met, held {so_far} ({} needed)", held.needed.amount)
        }
        _ if t.met => "met".to_owned(),
        _ => "not met".to_owned(),
    }
}

/// The latest score of each target with its band and date (`9 (mild) on
/// 2026-11-17`), `; `-separated, or a dash.
pub(super) fn latest_cell(g: &GoalOutcome) -> String {
    cells(g, |t| {
        t.measure.latest().map(|r| match &r.band {
            Some(band) => format!("{} ({band}) on {}", number(r.value), r.date),
            None => format!("{} on {}", number(r.value), r.date),
        })
    })
}

/// One part per target, `; `-separated, or a dash when there is none.
fn cells(g: &GoalOutcome, part: impl Fn(&TargetOutcome) -> Option<String>) -> String {
    let parts: Vec<String> = g.targets.iter().filter_map(part).collect();
    if parts.is_empty() {
        "—".to_owned()
    } else {
        parts.join("; ")
    }
}

/// Progress toward the target in whole percent, or a dash.
pub(super) fn progress_cell(g: &GoalOutcome) -> String {
    g.progress
        .map_or_else(|| "—".to_owned(), |p| format!("{}%", number(p.round())))
}

/// Target, due date, latest score and progress.
pub(super) fn goal_line(g: &GoalOutcome) -> String {
    let mut parts = Vec::new();
    for t in &g.targets {
        parts.push(format!("target {}", target(t)));
    }
    if let Some(due) = g.due {
        parts.push(format!("due {due}"));
    }
    for t in &g.targets {
        match t.measure.latest() {
            Some(r) => {
                let band = r
                    .band
                    .as_ref()
                    .map(|b| format!(", {b}"))
                    .unwrap_or_default();
                let of = if g.targets.len() > 1 {
                    format!("{} ", t.measure.measure)
                } else {
                    String::new()
                };
                parts.push(format!(
                    "latest {of}{} on {}{band}",
                    number(r.value),
                    r.date
                ));
                if t.held.is_some() {
                    parts.push(met(t));
                }
            }
            None if g.targets.len() > 1 => {
                parts.push(format!("{}: no scores yet", t.measure.measure))
            }
            None => parts.push("no scores yet".to_owned()),
        }
    }
    if g.targets.is_empty() {
        parts.push("no measure".to_owned());
    }
    if let Some(p) = g.progress {
        parts.push(format!("progress {}%", number(p.round())));
    }
    parts.join(" · ")
}

/// Baseline to latest, and what the change means.
pub(super) fn outcome_line(m: &SeriesOutcome) -> String {
    let mut parts = Vec::new();
    let scores: Vec<String> = m.readings.iter().map(|r| number(r.value)).collect();
    match (m.baseline, m.latest()) {
        (Some(b), Some(l)) => parts.push(format!(
            "{}: baseline {} → latest {} ({})",
            m.measure,
            number(b),
            number(l.value),
            scores.join(", ")
        )),
        _ => parts.push(format!("{}: no scores yet", m.measure)),
    }
    if let Some(r) = m.reliable {
        parts.push(
            match r {
                ReliableChange::Improvement => "reliable improvement",
                ReliableChange::Deterioration => "reliable deterioration",
                ReliableChange::NoReliableChange => "no reliable change",
            }
            .to_owned(),
        );
    }
    if m.response == Some(true) {
        parts.push("response (50% or more)".to_owned());
    }
    if m.remission == Some(true) {
        parts.push("remission".to_owned());
    }
    if let Some(t) = m.trend {
        parts.push(format!("trend {}", t.as_str()));
    }
    parts.join(" · ")
}

/// Treatments grouped under each goal they serve (a treatment serving two
/// goals is listed under both), then those serving no known goal.
pub(super) fn by_goal(s: &Summary) -> Vec<(String, Vec<&super::TreatmentLine>)> {
    let mut groups: Vec<(String, Vec<&super::TreatmentLine>)> = s
        .goals
        .iter()
        .map(|g| {
            let items = s
                .treatments
                .iter()
                .filter(|t| t.goals.contains(&g.id))
                .collect();
            (format!("{} {}", g.id, g.text), items)
        })
        .collect();
    let orphans: Vec<_> = s
        .treatments
        .iter()
        .filter(|t| !t.goals.iter().any(|id| s.goals.iter().any(|g| &g.id == id)))
        .collect();
    if !orphans.is_empty() {
        groups.push(("no goal set by this date".to_owned(), orphans));
    }
    groups
}

pub(super) fn treatment_line(t: &super::TreatmentLine) -> String {
    let detail = t
        .detail
        .as_ref()
        .map(|d| format!(" \"{d}\""))
        .unwrap_or_default();
    let course = match (t.started, t.stopped, t.active) {
        (_, Some(stopped), _) => format!(
            "{} to {stopped}, stopped",
            t.started.map_or_else(|| "?".to_owned(), |d| d.to_string())
        ),
        (Some(started), None, true) => format!("since {started}, active"),
        (Some(started), None, false) => format!("starts {started}"),
        (None, None, _) => "active".to_owned(),
    };
    format!("{} {}{detail} · {course}", t.id, t.what)
}

/// `1 error, 2 warnings, 0 info`.
pub(super) fn findings_counts(f: &super::Findings) -> String {
    format!(
        "{}, {}, {} info",
        plural(f.errors, "error", "errors"),
        plural(f.warnings, "warning", "warnings"),
        f.infos
    )
}

/// `12 plans`.
pub(super) fn plans(rows: &[CaseRow]) -> String {
    plural(rows.len(), "plan", "plans")
}

pub(super) fn sessions_line(s: &Summary) -> String {
    match s.last_session {
        Some(last) => format!(
            "{}, the last on {last}",
            plural(s.sessions, "session", "sessions")
        ),
        None => "no sessions yet".to_owned(),
    }
}

pub(super) fn risk_line(s: &Summary) -> String {
    let risk = s
        .risk
        .map_or_else(|| "risk not assessed".to_owned(), |r| format!("risk {r}"));
    let plan = s.safety_plan.map_or_else(
        || "no safety plan".to_owned(),
        |d| format!("safety plan of {d}"),
    );
    format!("{risk} · {plan}")
}

pub(super) fn review_line(s: &Summary) -> String {
    let Some(r) = &s.review else {
        return "next review: unknown (the plan has no opened date)".to_owned();
    };
    let last = r.last.map_or_else(
        || "no review yet".to_owned(),
        |d| format!("last review {d}"),
    );
    let days = |d: u64| plural(usize::try_from(d).unwrap_or(usize::MAX), "day", "days");
    let next = match (r.days_overdue, r.days_until_due) {
        (0, 0) => format!("next review due today, {}", r.due),
        (0, until) => format!("next review due {} (in {})", r.due, days(until)),
        (late, _) => format!("next review was due {}: {} OVERDUE", r.due, days(late)),
    };
    format!("{last} · {next}")
}

/// The measures scored that no goal uses (a session's SUDS, a screen),
/// which the goal lines do not show.
pub(super) fn other_measures(s: &Summary) -> Vec<&SeriesOutcome> {
    s.measures
        .iter()
        .filter(|m| {
            !s.goals
                .iter()
                .any(|g| g.targets.iter().any(|t| t.measure.measure == m.measure))
        })
        .collect()
}

/// The caseload table's column headings, in the order of [`case_cells`].
pub(super) const CASE_HEADERS: [&str; 10] = [
    "client",
    "opened",
    "sessions",
    "last seen",
    "measures",
    "review",
    "risk",
    "urgency",
    "errors",
    "warnings",
];

/// The column of [`CASE_HEADERS`] holding the review.
pub(super) const CASE_REVIEW: usize = 5;

/// The columns of [`CASE_HEADERS`] holding counts.
pub(super) const CASE_COUNTS: [usize; 3] = [2, 8, 9];

/// The cells of one caseload row, as text.
pub(super) fn case_cells(r: &CaseRow) -> Vec<String> {
    let score = |s: &super::LatestScore| {
        let mut text = format!("{} {}", s.measure, number(s.value));
        if let Some(b) = &s.band {
            let _ = write!(text, " {b}");
        }
        if let Some(t) = s.trend {
            let _ = write!(text, ", {}", t.as_str());
        }
        text
    };
    let measures = match r.measures.as_slice() {
        [] => "—".to_owned(),
        scores => scores.iter().map(score).collect::<Vec<_>>().join("; "),
    };
    let review = r.review.as_ref().map_or_else(
        || "—".to_owned(),
        |v| match v.days_overdue {
            0 => format!("due {}", v.due),
            days => format!("OVERDUE {days} d"),
        },
    );
    let urgency = match (r.urgency, &r.why) {
        (super::Urgency::Urgent, Some(why)) => format!("URGENT: {why}"),
        (super::Urgency::Errors, _) => "errors in the file".to_owned(),
        (super::Urgency::Overdue, _) => "review overdue".to_owned(),
        (_, Some(why)) => why.clone(),
        (_, None) => "—".to_owned(),
    };
    let date = |d: Option<jiff::civil::Date>| d.map_or_else(|| "—".to_owned(), |d| d.to_string());
    vec![
        r.client.clone().unwrap_or_else(|| r.path.clone()),
        date(r.opened),
        r.sessions.to_string(),
        date(r.last_seen),
        measures,
        review,
        r.risk
            .map_or_else(|| "never assessed".to_owned(), |k| k.to_string()),
        urgency,
        r.errors.to_string(),
        r.warnings.to_string(),
    ]
}
