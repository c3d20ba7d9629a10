//! The phrases of a summary that every renderer shares (a goal's target,
//! its latest score, a treatment's line, where risk was assessed, the
//! discharge): the text, Markdown and HTML summaries lay them out, each in
//! its own way.

use super::{Assessed, DischargeLine, RiskLine, Summary, TreatmentLine, number};
use crate::analytics::{GoalOutcome, ReliableChange, SeriesOutcome, TargetOutcome};
use crate::ast::Extent;
use crate::emit::plural;
use crate::interpret::TreatmentKind;
use crate::words::EventKind;

pub(super) fn header_line(s: &Summary) -> String {
    let mut parts = Vec::new();
    if let Some(client) = &s.client {
        parts.push(format!("client {client}"));
    }
    if let Some(opened) = s.opened {
        parts.push(format!("opened {opened}"));
    }
    if let Some(d) = &s.discharge {
        parts.push(format!("discharged {}", d.date));
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

/// One row of the goals: a goal, or an objective shown under its goal.
pub(crate) struct GoalRow<'a> {
    /// The goal or objective.
    pub(crate) outcome: &'a GoalOutcome,
    /// For an objective, the goal it is shown under; `None` for a goal, and
    /// for an objective toward no goal set by the date.
    pub(crate) under: Option<&'a str>,
    /// For a goal, how many objectives it has.
    pub(crate) objectives: usize,
}

/// Each goal followed by its objectives (an objective toward two goals is
/// shown under both), then any objective toward no goal set by the date.
pub(super) fn goal_rows(s: &Summary) -> Vec<GoalRow<'_>> {
    let mut rows = Vec::new();
    for g in &s.goals {
        let own: Vec<&GoalOutcome> = s
            .objectives
            .iter()
            .filter(|o| o.serves.contains(&g.id))
            .collect();
        rows.push(GoalRow {
            outcome: g,
            under: None,
            objectives: own.len(),
        });
        rows.extend(own.into_iter().map(|o| GoalRow {
            outcome: o,
            under: Some(g.id.as_str()),
            objectives: 0,
        }));
    }
    rows.extend(
        s.objectives
            .iter()
            .filter(|o| {
                !o.serves
                    .iter()
                    .any(|id| s.goals.iter().any(|g| &g.id == id))
            })
            .map(|o| GoalRow {
                outcome: o,
                under: None,
                objectives: 0,
            }),
    );
    rows
}

/// `objective of G1` for an objective, nothing for a goal.
pub(crate) fn objective_of(g: &GoalOutcome) -> Option<String> {
    g.objective.then(|| match g.serves.as_slice() {
        [] => "objective".to_owned(),
        goals => format!("objective of {}", goals.join(", ")),
    })
}

/// The goal's status word, or that none is recorded.
pub(crate) fn status(g: &GoalOutcome) -> String {
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

/// Whether a target is met. A sustained target whose latest score meets it
/// says how long it has held: `met, held 2 of 4 weeks` while that is not
/// long enough (it does not count as met yet), `met, held 5 weeks (4
/// needed)` once it is.
pub(crate) fn met(t: &TargetOutcome) -> String {
    let Some(latest) = t.measure.latest() else {
        return "no scores yet".to_owned();
    };
    match t.held {
        Some(held) if t.met => {
            let so_far = Extent {
                amount: held.so_far,
                unit: held.needed.unit,
            };
            format!("met, held {so_far} ({} needed)", held.needed.amount)
        }
        Some(held) if t.target.is_met_by(latest.value) => {
            format!("met, held {} of {}", held.so_far, held.needed)
        }
        _ if t.met => "met".to_owned(),
        _ => "not met".to_owned(),
    }
}

/// Whether each target is met, `; `-separated, or a dash.
pub(super) fn met_cell(g: &GoalOutcome) -> String {
    named_cells(g, |t| Some(met(t)))
}

/// The latest score of each target with its band and date (`9 (mild) on
/// 2026-11-17`), `; `-separated, or a dash.
pub(super) fn latest_cell(g: &GoalOutcome) -> String {
    named_cells(g, |t| {
        t.measure.latest().map(|r| match &r.band {
            Some(band) => format!("{} ({band}) on {}", number(r.value), r.date),
            None => format!("{} on {}", number(r.value), r.date),
        })
    })
}

/// What each target and its measure show (baseline to latest, what the
/// change means), `; `-separated, or a dash.
pub(super) fn change_cell(g: &GoalOutcome) -> String {
    cells(g, |t| Some(outcome_line(&t.measure)))
}

/// As [`cells`], each part after its measure when there are several
/// (`workdays: met; PHQ-9-item9: not met`).
fn named_cells(g: &GoalOutcome, part: impl Fn(&TargetOutcome) -> Option<String>) -> String {
    let several = g.targets.len() > 1;
    cells(g, |t| {
        part(t).map(|text| {
            if several {
                format!("{}: {text}", t.measure.measure)
            } else {
                text
            }
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

/// Progress toward the target in whole percent (the least over several
/// targets), or a dash.
pub(super) fn progress_cell(g: &GoalOutcome) -> String {
    g.progress.map_or_else(|| "—".to_owned(), percent)
}

fn percent(p: f64) -> String {
    format!("{}%", number(p.round()))
}

/// A goal's line under its title. With one target: the target, due date,
/// latest score, whether a sustained target has held, and progress. With
/// several: the due date and the least progress, each target having its
/// own [`target_line`]. A broad goal says its objectives measure it.
pub(crate) fn goal_line(row: &GoalRow<'_>) -> String {
    let g = row.outcome;
    let mut parts = Vec::new();
    if let [only] = g.targets.as_slice() {
        parts.push(format!("target {}", target(only)));
    }
    if let Some(due) = g.due {
        parts.push(format!("due {due}"));
    }
    match g.targets.as_slice() {
        [] if row.objectives > 0 => {
            parts.push("no target of its own: measured by its objectives".to_owned());
        }
        [] => parts.push("no measure".to_owned()),
        [only] => {
            parts.push(latest(only));
            if only.held.is_some() && only.measure.latest().is_some() {
                parts.push(met(only));
            }
        }
        several => {
            let met = several.iter().filter(|t| t.met).count();
            parts.push(format!("{met} of {} targets met", several.len()));
        }
    }
    if let Some(p) = g.progress {
        let least = if g.targets.len() > 1 {
            ", the least"
        } else {
            ""
        };
        parts.push(format!("progress {}{least}", percent(p)));
    }
    parts.join(" · ")
}

/// One target of a goal with several: the target, its latest score,
/// whether it is met and its progress.
pub(crate) fn target_line(t: &TargetOutcome) -> String {
    let mut parts = vec![format!("target {}", target(t)), latest(t)];
    if t.measure.latest().is_some() {
        parts.push(met(t));
    }
    if let Some(p) = t.progress {
        parts.push(format!("progress {}", percent(p)));
    }
    parts.join(" · ")
}

/// `latest 9 on 2026-11-17, mild`, or `no scores yet`.
fn latest(t: &TargetOutcome) -> String {
    match t.measure.latest() {
        Some(r) => {
            let band = r
                .band
                .as_ref()
                .map(|b| format!(", {b}"))
                .unwrap_or_default();
            format!("latest {} on {}{band}", number(r.value), r.date)
        }
        None => "no scores yet".to_owned(),
    }
}

/// Baseline to latest, and what the change means.
pub(crate) fn outcome_line(m: &SeriesOutcome) -> String {
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

/// The lines of the treatments, grouped under each goal they serve,
/// directly or through its objectives (a treatment serving two goals is
/// listed under both), then those serving no goal set by the date.
pub(super) fn by_goal(s: &Summary) -> Vec<(String, Vec<String>)> {
    let discharged = s.discharge.is_some();
    let mut listed = vec![false; s.treatments.len()];
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for g in &s.goals {
        let objectives: Vec<&str> = s
            .objectives
            .iter()
            .filter(|o| o.serves.contains(&g.id))
            .map(|o| o.id.as_str())
            .collect();
        let mut lines = Vec::new();
        for (t, seen) in s.treatments.iter().zip(listed.iter_mut()) {
            let via: Vec<&str> = t
                .goals
                .iter()
                .map(String::as_str)
                .filter(|id| objectives.contains(id))
                .collect();
            if t.goals.contains(&g.id) || !via.is_empty() {
                *seen = true;
                lines.push(treatment_line(t, &via, discharged));
            }
        }
        groups.push((format!("{} {}", g.id, g.text), lines));
    }
    let orphans: Vec<String> = s
        .treatments
        .iter()
        .zip(&listed)
        .filter(|(_, seen)| !**seen)
        .map(|(t, _)| treatment_line(t, &[], discharged))
        .collect();
    if !orphans.is_empty() {
        groups.push(("no goal set by this date".to_owned(), orphans));
    }
    groups
}

/// A treatment in one line: what it is, its title or the dose in force, the
/// objectives it serves the goal through, its course from start to stop,
/// a medication's doses with their dates (when they changed) and an
/// intervention's planned course.
fn treatment_line(t: &TreatmentLine, via: &[&str], discharged: bool) -> String {
    let detail = t
        .title
        .as_ref()
        .or(t.dose.as_ref())
        .map(|d| format!(" \"{d}\""))
        .unwrap_or_default();
    let mut parts = vec![format!("{} {}{detail}", t.id, t.what)];
    if !via.is_empty() {
        parts.push(format!("through {}", via.join(", ")));
    }
    let ended = if t.stopped_at_discharge {
        "ended at discharge"
    } else {
        "stopped"
    };
    parts.push(match (t.started, t.stopped, t.active) {
        (_, Some(stopped), _) => format!(
            "{} to {stopped}, {ended}",
            t.started.map_or_else(|| "?".to_owned(), |d| d.to_string())
        ),
        (Some(started), None, true) if discharged => {
            format!("since {started}, continues after discharge")
        }
        (Some(started), None, true) => format!("since {started}, active"),
        (Some(started), None, false) => format!("starts {started}"),
        (None, None, _) => "active".to_owned(),
    });
    // The doses, when they changed, or when the only one began after the start.
    let titrated = match t.doses.as_slice() {
        [] => false,
        [only] => Some(only.date) != t.started,
        _ => true,
    };
    if t.kind == TreatmentKind::Medication && titrated {
        let doses: Vec<String> = t
            .doses
            .iter()
            .map(|d| format!("{} from {}", d.dose, d.date))
            .collect();
        parts.push(format!("doses: {}", doses.join(", then ")));
    }
    if let Some(c) = &t.course {
        parts.push(match c.ends {
            Some(ends) => format!("course {}, to {ends}", c.planned),
            None => format!("course {}, {} used", c.planned, c.sessions_used),
        });
    }
    parts.join(" · ")
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

/// Sessions attended, the last one, and the appointments missed with the
/// attendance rate: `8 sessions, the last on 2026-12-14 · 9 appointments:
/// 1 no-show · attendance 89% (8 of 9)`.
pub(super) fn sessions_line(s: &Summary) -> String {
    let a = &s.attendance;
    let mut parts = vec![match s.last_session {
        Some(last) => format!(
            "{}, the last on {last}",
            plural(s.sessions, "session", "sessions")
        ),
        None => "no sessions yet".to_owned(),
    }];
    let c = &a.counts;
    if a.appointments > c.attended {
        let mut missed = Vec::new();
        for (n, one, many) in [
            (c.no_shows, "no-show", "no-shows"),
            (c.late_cancelled, "cancelled late", "cancelled late"),
            (
                c.cancelled,
                "cancelled in good time",
                "cancelled in good time",
            ),
        ] {
            if n > 0 {
                missed.push(plural(n, one, many));
            }
        }
        parts.push(format!(
            "{}: {}",
            plural(a.appointments, "appointment", "appointments"),
            missed.join(", ")
        ));
    }
    if let Some(rate) = a.rate {
        let kept = c.attended;
        let expected = c.attended + c.no_shows + c.late_cancelled;
        parts.push(format!(
            "attendance {} ({kept} of {expected})",
            percent(rate)
        ));
    }
    parts.join(" · ")
}

/// The risk level with where and when it was assessed, and the safety plan.
/// Each event on one line: `crisis on 2026-08-26: "…" · risk high: "…"`.
pub(super) fn event_lines(s: &Summary) -> Vec<String> {
    s.events
        .iter()
        .map(|e| {
            let mut line = format!("{} on {}: \"{}\"", e.kind.noun(), e.date, e.text);
            if let Some(risk) = e.risk {
                line.push_str(&format!(" · risk {risk}"));
                if let Some(reason) = &e.risk_reason {
                    line.push_str(&format!(": \"{reason}\""));
                }
            }
            line
        })
        .collect()
}

pub(super) fn risk_line(s: &Summary) -> String {
    let risk = s.risk.as_ref().map_or_else(
        || "risk not assessed".to_owned(),
        |r| format!("risk {}", risk(r)),
    );
    let plan = s.safety_plan.map_or_else(
        || "no safety plan".to_owned(),
        |d| format!("safety plan of {d}"),
    );
    format!("{risk} · {plan}")
}

/// `moderate, assessed at the session of 2026-09-07: "reason"`.
pub(crate) fn risk(r: &RiskLine) -> String {
    let at = match (r.assessed_at, r.event) {
        (Assessed::Plan, _) => "the start of the plan on",
        (Assessed::Session, _) => "the session of",
        (Assessed::Review, _) => "the review of",
        (Assessed::Discharge, _) => "the discharge of",
        (Assessed::Event, Some(EventKind::Crisis)) => "the crisis event of",
        (Assessed::Event, Some(EventKind::Relapse)) => "the relapse event of",
        (Assessed::Event, Some(EventKind::Hospitalization)) => "the hospitalization event of",
        (Assessed::Event, Some(EventKind::LifeEvent)) => "the life event of",
        (Assessed::Event, None) => "the event of",
    };
    let reason = r
        .reason
        .as_ref()
        .map(|why| format!(": \"{why}\""))
        .unwrap_or_default();
    format!("{}, assessed at {at} {}{reason}", r.level, r.date)
}

/// The last review, and when the next is due or how overdue it is; once
/// the episode is discharged no review is due.
pub(super) fn review_line(s: &Summary) -> String {
    review_phrase(
        s.last_review,
        s.discharge.as_ref().map(|d| d.date),
        s.review.as_ref(),
    )
}

/// [`review_line`] from its parts: the last review, the discharge date and
/// the next review (a note shows it as it stood on the session's date).
pub(crate) fn review_phrase(
    last_review: Option<jiff::civil::Date>,
    discharged: Option<jiff::civil::Date>,
    review: Option<&super::ReviewLine>,
) -> String {
    let last = last_review.map_or_else(
        || "no review yet".to_owned(),
        |d| format!("last review {d}"),
    );
    if let Some(date) = discharged {
        return format!("{last} · episode discharged on {date}: no review due");
    }
    let Some(r) = review else {
        return "next review: unknown (the plan has no opened date)".to_owned();
    };
    let days = |d: u64| plural(usize::try_from(d).unwrap_or(usize::MAX), "day", "days");
    let next = match (r.days_overdue, r.days_until_due) {
        (0, 0) => format!("next review due today, {}", r.due),
        (0, until) => format!("next review due {} (in {})", r.due, days(until)),
        (late, _) => format!("next review was due {}: {} OVERDUE", r.due, days(late)),
    };
    format!("{last} · {next}")
}

/// Whether the summary has a discharge section: the episode is discharged,
/// or the plan sets discharge criteria.
pub(super) fn has_discharge(s: &Summary) -> bool {
    s.discharge.is_some() || !s.discharge_criteria.is_empty()
}

/// The discharge section's lines: how and when the episode ended, the
/// final statuses, referrals, risk at discharge, medications that continue,
/// notes, then the plan's criteria (before discharge, only the criteria).
pub(super) fn discharge_lines(s: &Summary) -> Vec<String> {
    let mut lines = match &s.discharge {
        Some(d) => discharged(s, d),
        None => vec![format!("not discharged by {}", s.as_of)],
    };
    lines.extend(
        s.discharge_criteria
            .iter()
            .map(|c| format!("criterion in the plan: {c}")),
    );
    lines
}

fn discharged(s: &Summary, d: &DischargeLine) -> Vec<String> {
    let mut lines = vec![match &d.summary {
        Some(summary) => format!("{} on {}: \"{summary}\"", d.kind_word(), d.date),
        None => format!("{} on {}", d.kind_word(), d.date),
    }];
    let statuses: Vec<String> = d
        .statuses
        .iter()
        .map(|f| {
            let word = f
                .status
                .map_or_else(|| "no status recorded".to_owned(), |w| w.to_string());
            let how = match (&f.note, f.at_discharge) {
                (Some(note), _) => format!(" (\"{note}\")"),
                (None, true) => String::new(),
                (None, false) if f.status.is_some() => " (as last reviewed)".to_owned(),
                (None, false) => String::new(),
            };
            format!("{} {word}{how}", f.id)
        })
        .collect();
    if !statuses.is_empty() {
        lines.push(format!("final statuses: {}", statuses.join(", ")));
    }
    lines.extend(d.referrals.iter().map(|r| format!("referral: {r}")));
    lines.push(d.risk.as_ref().map_or_else(
        || "risk at discharge: not recorded".to_owned(),
        |r| {
            let reason = r
                .reason
                .as_ref()
                .map(|why| format!(": \"{why}\""))
                .unwrap_or_default();
            format!("risk at discharge: {}{reason}", r.level)
        },
    ));
    let continuing: Vec<String> = s
        .treatments
        .iter()
        .filter(|t| t.kind == TreatmentKind::Medication && t.active)
        .map(|t| match &t.dose {
            Some(dose) => format!("{} {} \"{dose}\"", t.id, t.what),
            None => format!("{} {}", t.id, t.what),
        })
        .collect();
    if !continuing.is_empty() {
        lines.push(format!("continuing: {}", continuing.join(", ")));
    }
    lines.extend(d.notes.iter().map(|n| format!("note: {n}")));
    lines
}

/// `12 plans`.
pub(super) fn plans(count: usize) -> String {
    plural(count, "plan", "plans")
}

/// The measures scored that no goal or objective uses (a session's SUDS, a
/// screen), which the goal lines do not show.
pub(super) fn other_measures(s: &Summary) -> Vec<&SeriesOutcome> {
    s.measures
        .iter()
        .filter(|m| {
            !s.goals
                .iter()
                .chain(&s.objectives)
                .any(|g| g.targets.iter().any(|t| t.measure.measure == m.measure))
        })
        .collect()
}

/// A session of the record: its heading line (`2026-08-26 · attended ·
/// in-person · 60 minutes`) and one line per thing recorded.
pub(super) fn session_entry(l: &super::SessionLine) -> (String, Vec<String>) {
    let mut head = vec![l.date.to_string(), l.attendance.to_string()];
    if let Some(f) = l.format {
        head.push(f.to_string());
    }
    if let Some(m) = l.minutes {
        head.push(format!("{} minutes", number(m)));
    }
    let quoted = |label: &str, text: &str| format!("{label}: \"{text}\"");
    let mut lines: Vec<String> = l
        .used
        .iter()
        .map(|u| match &u.response {
            Some(r) => quoted(&format!("used {}", u.id), r),
            None => format!("used {}", u.id),
        })
        .collect();
    if !l.scores.is_empty() {
        let scores: Vec<String> = l
            .scores
            .iter()
            .map(|s| match s.after {
                Some(after) => format!("{} {} → {}", s.measure, number(s.value), number(after)),
                None => format!("{} {}", s.measure, number(s.value)),
            })
            .collect();
        lines.push(format!("scores: {}", scores.join(", ")));
    }
    if let Some(level) = l.risk {
        lines.push(match &l.risk_reason {
            Some(why) => quoted(&format!("risk {level}"), why),
            None => format!("risk {level}"),
        });
    }
    if let Some(a) = &l.assessment {
        lines.push(quoted("assessment", a));
    }
    lines.extend(l.doses.iter().map(|d| {
        quoted(
            &format!("dose of {} from this session", d.medication),
            &d.dose,
        )
    }));
    lines.extend(l.homework.iter().map(|h| quoted("homework", h)));
    lines.extend(l.notes.iter().map(|n| quoted("note", n)));
    (head.join(" · "), lines)
}
