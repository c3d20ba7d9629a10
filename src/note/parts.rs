//! The lines of each part of a note, in words: every renderer lays the
//! same lines out in its own way. Scores and goals are worded as the
//! summary words them (`crate::summary::phrases`).

use super::model::{Note, ScoreLine, UsedLine};
use super::style::Part;
use crate::summary::number;
use crate::summary::phrases::{
    GoalRow, goal_line, objective_of, review_phrase, risk, status, target_line,
};
use crate::words::{Attendance, Better};

/// The lines of `part`; an empty list when the part has nothing to say
/// (homework, doses, notes and indicators are left out when there are
/// none; a missing score, risk or assessment is said to be missing).
pub fn lines(note: &Note, part: Part) -> Vec<String> {
    match part {
        Part::Session => vec![session(note)],
        Part::Goals => goals(note),
        Part::Indicators => note
            .addressed
            .iter()
            .flat_map(|a| {
                a.indicators
                    .iter()
                    .map(|i| format!("progress toward {}: \"{i}\"", a.outcome.id))
            })
            .collect(),
        Part::Interventions => or_none(
            note.used.iter().map(used).collect(),
            "no intervention recorded as used",
        ),
        Part::Responses => or_none(
            note.used
                .iter()
                .filter_map(|u| u.response.as_ref().map(|r| format!("to {}: \"{r}\"", u.id)))
                .collect(),
            "no response recorded",
        ),
        Part::Scores => or_none(
            note.scores.iter().map(score).collect(),
            "no scores taken at this session",
        ),
        Part::Risk => risk_lines(note),
        Part::Assessment => vec![note.assessment.as_ref().map_or_else(
            || "no assessment recorded".to_owned(),
            |a| format!("assessment: \"{a}\""),
        )],
        Part::Notes => note
            .notes
            .iter()
            .map(|n| format!("note: \"{n}\""))
            .collect(),
        Part::Homework => note
            .homework
            .iter()
            .map(|h| format!("homework: \"{h}\""))
            .collect(),
        Part::Doses => note
            .doses
            .iter()
            .map(|d| {
                let drug = d.drug.as_ref().map(|w| format!(" {w}")).unwrap_or_default();
                let was = d
                    .previous
                    .as_ref()
                    .map(|p| format!(" (was \"{p}\")"))
                    .unwrap_or_default();
                format!(
                    "dose of {}{drug} from today: \"{}\"{was}",
                    d.medication, d.dose
                )
            })
            .collect(),
        Part::Review => vec![review_phrase(
            note.last_review,
            note.discharged,
            note.review.as_ref(),
        )],
    }
}

fn or_none(lines: Vec<String>, none: &str) -> Vec<String> {
    if lines.is_empty() {
        vec![none.to_owned()]
    } else {
        lines
    }
}

/// `attended · session 12 · 30 minutes · telehealth`, or what happened
/// instead.
fn session(note: &Note) -> String {
    let mut parts = vec![match note.attendance {
        Attendance::Attended => "attended".to_owned(),
        Attendance::NoShow => "no-show: the client did not come and gave no notice".to_owned(),
        Attendance::Cancelled => "cancelled in good time".to_owned(),
        Attendance::LateCancelled => "cancelled late".to_owned(),
    }];
    if let Some(n) = note.number {
        parts.push(format!("session {n} of the episode"));
    }
    if let Some(m) = note.minutes {
        parts.push(format!("{} minutes", number(m)));
    }
    if let Some(f) = note.format {
        parts.push(f.to_string());
    }
    parts.join(" · ")
}

/// Each goal or objective addressed, then its targets and what addressed it.
fn goals(note: &Note) -> Vec<String> {
    let mut lines = Vec::new();
    for a in &note.addressed {
        let g = &a.outcome;
        let of = objective_of(g)
            .map(|o| format!(" ({o})"))
            .unwrap_or_default();
        let row = GoalRow {
            outcome: g,
            under: None,
            objectives: a.objectives,
        };
        let status = match g.history.last() {
            Some(last) => format!("{} since {}", status(g), last.date),
            None => status(g),
        };
        let mut line = format!(
            "{} \"{}\"{of} [{status}]: {}",
            g.id,
            g.text,
            goal_line(&row)
        );
        if !a.through.is_empty() {
            line.push_str(&format!(" · addressed by {}", a.through.join(", ")));
        }
        lines.push(line);
        if g.targets.len() > 1 {
            lines.extend(g.targets.iter().map(|t| format!("  {}", target_line(t))));
        }
    }
    or_none(lines, "no goal or objective named by what was used")
}

/// `I2 CBT behavioral-activation "Activity scheduling" (for G1, O3)`.
fn used(u: &UsedLine) -> String {
    let what = u.what.as_ref().map(|w| format!(" {w}")).unwrap_or_default();
    let title = u
        .title
        .as_ref()
        .or(u.dose.as_ref())
        .map(|t| format!(" \"{t}\""))
        .unwrap_or_default();
    let goals = if u.goals.is_empty() {
        String::new()
    } else {
        format!(" (for {})", u.goals.join(", "))
    };
    format!("{}{what}{title}{goals}", u.id)
}

/// `PHQ-9 16 (moderate) · up 2 (worse) from the last score, 14 on
/// 2026-08-10 · down 2 (better) from baseline 18`.
fn score(s: &ScoreLine) -> String {
    let band = s
        .band
        .as_ref()
        .map(|b| format!(" ({b})"))
        .unwrap_or_default();
    let after = s
        .after
        .map(|a| format!(" → {} by the end of the session", number(a)))
        .unwrap_or_default();
    let mut parts = vec![format!("{} {}{band}{after}", s.measure, number(s.value))];
    match s.previous {
        Some(p) => parts.push(format!(
            "{} from the last score, {} on {}",
            change(s.value - p.value, s.better),
            number(p.value),
            p.date
        )),
        None => parts.push("first score".to_owned()),
    }
    if let (Some(b), Some(_)) = (s.baseline, s.previous) {
        parts.push(format!(
            "{} from baseline {}",
            change(s.value - b, s.better),
            number(b)
        ));
    }
    parts.join(" · ")
}

/// `up 2 (worse)`, `down 3 (better)`, `no change`.
fn change(delta: f64, better: Better) -> String {
    if delta.abs() < 1e-9 {
        return "no change".to_owned();
    }
    let improved = match better {
        Better::Lower => delta < 0.0,
        Better::Higher => delta > 0.0,
    };
    let way = if delta > 0.0 { "up" } else { "down" };
    let word = if improved { "better" } else { "worse" };
    format!("{way} {} ({word})", number(delta.abs()))
}

/// The risk level in force, whether this session assessed it, and the
/// safety plan.
fn risk_lines(note: &Note) -> Vec<String> {
    let level = match &note.risk {
        Some(r) if note.risk_assessed_here => {
            let reason = r
                .reason
                .as_ref()
                .map(|why| format!(": \"{why}\""))
                .unwrap_or_default();
            format!("risk {}, assessed at this session{reason}", r.level)
        }
        Some(r) => format!("risk not assessed at this session; in force: {}", risk(r)),
        None => "risk not assessed".to_owned(),
    };
    let plan = note.safety_plan.map_or_else(
        || "no safety plan".to_owned(),
        |d| format!("safety plan of {d} in force"),
    );
    vec![level, plan]
}
