//! Goals and objectives: `:show G1`, `:show O1` and `:goals`, each target
//! met or not in the summaries' words ("met, held 2 of 4 weeks").

use super::{Event, View, section};
use crate::analytics::{GoalOutcome, TargetOutcome};
use crate::ast::{Aim, Change, Entry, Revision, StatusUpdate};
use crate::interpret::TreatmentTrack;
use crate::session::Session;
use crate::summary::{self, number};
use jiff::civil::Date;
use std::fmt::Write as _;

/// Every goal set by the as-of date with its objectives under it: status,
/// each target's latest score and whether it is met, and the due date.
pub(in crate::session) fn goals(session: &Session) -> String {
    let view = View::new(session);
    let outcomes = view.outcomes();
    let mut out = format!("goals as of {}\n", view.as_of);
    if let Some(discharged) = view.discharged() {
        let _ = writeln!(out, "  {discharged}: nothing is overdue after it");
    }
    if outcomes.is_empty() {
        let _ = writeln!(out, "  (none set by {})", view.as_of);
    }
    let goal_ids: Vec<&str> = outcomes
        .iter()
        .filter(|g| !g.objective)
        .map(|g| g.id.as_str())
        .collect();
    for goal in outcomes.iter().filter(|g| !g.objective) {
        let objectives: Vec<&GoalOutcome> = outcomes
            .iter()
            .filter(|o| o.objective && o.serves.contains(&goal.id))
            .collect();
        view.goal_lines(&mut out, goal, "  ", !objectives.is_empty());
        for objective in objectives {
            view.goal_lines(&mut out, objective, "    ", false);
        }
    }
    // An objective whose goals are not set by then (or not defined).
    let strays: Vec<&GoalOutcome> = outcomes
        .iter()
        .filter(|o| o.objective && !o.serves.iter().any(|g| goal_ids.contains(&g.as_str())))
        .collect();
    if !strays.is_empty() {
        let _ = writeln!(out, "  objectives toward no goal set by {}", view.as_of);
        for objective in strays {
            view.goal_lines(&mut out, objective, "    ", false);
        }
    }
    out
}

/// Whether a target is met (`met`, `met, held 2 of 4 weeks`), or how far
/// it has come when its latest score does not meet it.
fn standing(t: &TargetOutcome) -> String {
    let meets = t
        .measure
        .latest()
        .is_some_and(|r| t.target.is_met_by(r.value));
    match t.progress {
        Some(p) if !meets => format!("not met, {}% of the way", number(p.round())),
        _ => summary::met(t),
    }
}

impl View<'_> {
    /// One goal or objective in `:goals`: its title line and its figures.
    fn goal_lines(&self, out: &mut String, g: &GoalOutcome, indent: &str, broad: bool) {
        let status = g.status.map_or("no status yet", |s| s.as_str());
        let _ = writeln!(out, "{indent}{}  \"{}\"  [{status}]", g.id, g.text);
        let mut parts = Vec::new();
        for t in &g.targets {
            let target = summary::target(t);
            parts.push(match t.measure.latest() {
                Some(r) => format!(
                    "{target}: {}, latest {} on {}",
                    standing(t),
                    number(r.value),
                    r.date
                ),
                None => format!("{target}: no score yet"),
            });
        }
        if g.targets.is_empty() && broad {
            parts.push("no target of its own: its objectives below".to_owned());
        }
        parts.push(
            self.due(g)
                .map_or_else(|| "no due date".to_owned(), |due| format!("due {due}")),
        );
        let _ = writeln!(out, "{indent}    {}", parts.join("; "));
    }

    /// The due date in force, `, overdue` after it when the goal is still
    /// open and the episode not discharged.
    fn due(&self, g: &GoalOutcome) -> Option<String> {
        let due = g.due?;
        let closed = g.status.is_some_and(|s| s.is_closed());
        Some(
            if due < self.as_of && !closed && !self.record.discharged_by(self.as_of) {
                format!("{due}, overdue")
            } else {
                due.to_string()
            },
        )
    }

    /// `:show` for a goal or an objective.
    pub(super) fn aim(&self, index: usize, aim: Aim<'_>) -> String {
        let id = aim.id().value.as_str();
        let mut out = self.header(index);
        match aim {
            Aim::Goal(goal) => {
                for concern in &goal.concerns {
                    let text = self
                        .document()
                        .concerns()
                        .find(|c| c.id.value == concern.value)
                        .map_or_else(
                            || "(not defined)".to_owned(),
                            |c| format!("\"{}\"", c.text.value),
                        );
                    let _ = writeln!(out, "  concern    {} {text}", concern.value);
                }
            }
            Aim::Objective(objective) => {
                for goal in &objective.goals {
                    let _ = writeln!(out, "  for        {}", self.aim_name(&goal.value));
                }
            }
        }
        for m in aim.measures() {
            let _ = writeln!(
                out,
                "  measure    {}, baseline {}",
                m.measure.value,
                number(m.baseline.value)
            );
        }
        let outcomes = self.outcomes();
        for objective in self.document().objectives_of(id) {
            let status = outcomes
                .iter()
                .find(|o| o.id == objective.id.value)
                .map_or("not set yet", |o| {
                    o.status.map_or("no status yet", |s| s.as_str())
                });
            let _ = writeln!(
                out,
                "  objective  {}  [{status}]",
                self.aim_name(&objective.id.value)
            );
        }
        let _ = writeln!(out, "  as of {}", self.as_of);
        match outcomes.iter().find(|g| g.id == id) {
            None => {
                let _ = writeln!(out, "    not set yet");
            }
            Some(g) => {
                let status = g.status.map_or("no status yet", |a| a.as_str());
                let _ = writeln!(out, "    status   {status}");
                for t in &g.targets {
                    let _ = writeln!(out, "    target   {}: {}", summary::target(t), standing(t));
                }
                let due = self.due(g).unwrap_or_else(|| "none".to_owned());
                let _ = writeln!(out, "    due      {due}");
                for t in &g.targets {
                    if let Some(r) = t.measure.latest() {
                        let _ = writeln!(
                            out,
                            "    latest   {} {} on {}",
                            t.measure.measure,
                            number(r.value),
                            r.date
                        );
                    }
                }
            }
        }
        section(&mut out, "history", &self.aim_history(aim));
        for m in aim.measures() {
            out.push_str(&self.scores(&m.measure.value));
        }
        self.served_by(&mut out, id);
        out.push_str(&self.later_note());
        out
    }

    /// What was set, reviewed, revised and recorded for `aim` by the as-of date.
    fn aim_history(&self, aim: Aim<'_>) -> Vec<Event> {
        let id = aim.id().value.as_str();
        let mut history = Vec::new();
        let opened = self.record.goal(id).and_then(|t| t.opened);
        if let Some(opened) = opened.filter(|d| *d <= self.as_of) {
            let mut set: Vec<String> = aim
                .measures()
                .iter()
                .map(|m| match &m.sustained {
                    Some(s) => format!(
                        "target {} {} sustained {}",
                        m.measure.value, m.target, s.value
                    ),
                    None => format!("target {} {}", m.measure.value, m.target),
                })
                .collect();
            if let Some(due) = aim.due().and_then(|d| d.value) {
                set.push(format!("due {due}"));
            }
            let text = if set.is_empty() {
                "set".to_owned()
            } else {
                format!("set: {}", set.join(", "))
            };
            history.push(Event { date: opened, text });
        }
        for (date, entry) in self.dated() {
            match entry {
                Entry::Review(r) => {
                    changes(&mut history, "review", date, id, &r.statuses, &r.revisions);
                }
                Entry::Discharge(d) => {
                    changes(
                        &mut history,
                        "discharge",
                        date,
                        id,
                        &d.statuses,
                        &d.revisions,
                    );
                }
                Entry::Session(s) => {
                    for p in s.progress.iter().filter(|p| p.goal.value == id) {
                        history.push(Event {
                            date,
                            text: format!("session: progress \"{}\"", p.indicator.value),
                        });
                    }
                }
                _ => {}
            }
        }
        history
    }

    /// The interventions and medications that serve `id`, directly or
    /// through one of its objectives.
    fn served_by(&self, out: &mut String, id: &str) {
        let serving: Vec<&TreatmentTrack> = self
            .record
            .treatments
            .iter()
            .filter(|t| self.record.serves(t, id))
            .collect();
        if serving.is_empty() {
            let _ = writeln!(out, "  no intervention or medication serves it");
            return;
        }
        let _ = writeln!(out, "  served by");
        for t in serving {
            let through: Vec<&str> = t
                .goals
                .iter()
                .filter(|g| *g != id)
                .map(String::as_str)
                .collect();
            let through = if t.goals.iter().any(|g| g == id) || through.is_empty() {
                String::new()
            } else {
                format!("  (through {})", through.join(", "))
            };
            let _ = writeln!(
                out,
                "    {}  {}  {}{through}",
                t.id,
                self.treatment_name(t),
                self.course(t)
            );
        }
    }
}

/// The statuses and revisions a review or discharge recorded for `id`.
fn changes(
    history: &mut Vec<Event>,
    by: &str,
    date: Date,
    id: &str,
    statuses: &[StatusUpdate],
    revisions: &[Revision],
) {
    for u in statuses.iter().filter(|u| u.goal.value == id) {
        let note = u
            .note
            .as_ref()
            .map_or_else(String::new, |n| format!(" \"{}\"", n.value));
        history.push(Event {
            date,
            text: format!("{by}: status {}{note}", u.status.value),
        });
    }
    for revision in revisions.iter().filter(|v| v.id.value == id) {
        history.push(Event {
            date,
            text: format!("{by}: revised {}", change_text(&revision.change)),
        });
    }
}

/// A revision's change as a file writes it: `target PHQ-9 < 10`, `due
/// 2027-02-01`, `course 16 sessions`.
pub(super) fn change_text(change: &Change) -> String {
    match change {
        Change::Target { measure, target } => match measure {
            Some(m) => format!("target {} {target}", m.value),
            None => format!("target {target}"),
        },
        Change::Due(d) => d
            .value
            .map_or_else(|| "due (invalid date)".to_owned(), |d| format!("due {d}")),
        Change::Course(c) => format!("course {}", c.value),
    }
}
