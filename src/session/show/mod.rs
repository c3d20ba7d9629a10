//! `:show ID`, `:goals` and `:timeline`: one definition with its links and
//! history, every goal with its objectives as they stand, and the dated
//! entries in date order. Histories stop at the session's as-of date.
//!
//! - [`aims`]: goals and objectives (`:show G1`, `:show O1`, `:goals`);
//! - [`treatments`]: interventions and medications;
//! - [`timeline`]: the dated entries in a line each;
//! - here: the dispatch, what every view shares, measures and concerns.

mod aims;
mod timeline;
mod treatments;

pub(super) use aims::goals;
pub(super) use timeline::timeline;

use super::Session;
use crate::analytics::{GoalOutcome, goal_outcomes};
use crate::ast::{Aim, Concern, Entry, MeasureDef};
use crate::catalogue::MeasureInfo;
use crate::interpret::Record;
use crate::suggest::did_you_mean;
use crate::summary::number;
use jiff::civil::Date;
use std::fmt::Write as _;

/// Everything `:show` knows about `id`, or why there is nothing.
pub(super) fn show(session: &Session, id: &str) -> Result<String, String> {
    let view = View::new(session);
    let entry = view
        .entries()
        .find(|(_, e)| e.id().is_some_and(|i| i.value == id));
    let mut out = match entry {
        Some((index, Entry::Goal(goal))) => view.aim(index, Aim::Goal(goal)),
        Some((index, Entry::Objective(objective))) => view.aim(index, Aim::Objective(objective)),
        Some((index, Entry::Intervention(item))) => view.intervention(index, item),
        Some((index, Entry::Medication(item))) => view.medication(index, item),
        Some((index, Entry::Measure(def))) => view.measure(id, Some((index, def))),
        Some((index, Entry::Concern(concern))) => view.concern(index, concern),
        _ if view.measure_info(id).is_some() => view.measure(id, None),
        _ => {
            let ids = view
                .entries()
                .filter_map(|(_, e)| e.id().map(|i| i.value.as_str()));
            let hint = did_you_mean(id, ids)
                .map_or_else(String::new, |close| format!(": did you mean `{close}`?"));
            return Err(format!(
                "there is no goal, objective, intervention, medication, measure or concern `{id}` \
                 in this plan{hint}"
            ));
        }
    };
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// What `:show` reads: the session's tree and record, as of a date.
struct View<'a> {
    session: &'a Session,
    record: &'a Record,
    as_of: Date,
}

/// One dated line of a history.
struct Event {
    date: Date,
    text: String,
}

impl<'a> View<'a> {
    fn new(session: &'a Session) -> Self {
        View {
            session,
            record: &session.analysis().record,
            as_of: session.as_of(),
        }
    }

    fn document(&self) -> &'a crate::ast::Document {
        &self.session.analysis().document
    }

    fn entries(&self) -> impl Iterator<Item = (usize, &'a Entry)> {
        self.document().entries.iter().enumerate()
    }

    fn line(&self, entry: usize) -> usize {
        self.document()
            .entries
            .get(entry)
            .map_or(0, |e| self.session.line_of(e.span().start))
    }

    /// The entry's header as written.
    fn header(&self, entry: usize) -> String {
        let text = self.session.text();
        let header = self
            .document()
            .entries
            .get(entry)
            .map_or("", |e| e.header().text(text));
        format!("{header}  (line {})\n", self.line(entry))
    }

    /// The dated entries replayed on or before the as-of date.
    fn dated(&self) -> impl Iterator<Item = (Date, &'a Entry)> {
        let as_of = self.as_of;
        let document = self.document();
        self.record
            .timeline
            .iter()
            .filter(move |(date, _)| *date <= as_of)
            .filter_map(move |&(date, index)| Some((date, document.entries.get(index)?)))
    }

    /// How many dated entries come after the as-of date.
    fn later_note(&self) -> String {
        let later = self
            .record
            .timeline
            .iter()
            .filter(|(d, _)| *d > self.as_of)
            .count();
        if later == 0 {
            String::new()
        } else {
            format!(
                "  ({later} dated {} after {} not shown; `:as-of` moves the date)\n",
                if later == 1 { "entry" } else { "entries" },
                self.as_of
            )
        }
    }

    /// The discharge, when the episode ended on or before the as-of date:
    /// `discharged 2027-01-11 (completed)`.
    fn discharged(&self) -> Option<String> {
        let mark = self
            .record
            .discharge
            .as_ref()
            .filter(|d| d.date <= self.as_of)?;
        Some(match mark.kind {
            Some(kind) => format!("discharged {} ({kind})", mark.date),
            None => format!("discharged {}", mark.date),
        })
    }

    fn measure_info(&self, id: &str) -> Option<MeasureInfo> {
        self.session
            .options()
            .catalogue
            .measures_for(self.document())
            .get(id)
            .cloned()
    }

    /// Every goal and objective set by the as-of date, as it stands then.
    fn outcomes(&self) -> Vec<GoalOutcome> {
        let measures = self
            .session
            .options()
            .catalogue
            .measures_for(self.document());
        goal_outcomes(self.document(), self.record, &measures, self.as_of)
    }

    /// `G1 "text"` for a goal's or objective's id, or `G1 (not defined)`.
    fn aim_name(&self, id: &str) -> String {
        match self.document().aims().find(|a| a.id().value == id) {
            Some(aim) => format!("{id} \"{}\"", aim.text().value),
            None => format!("{id} (not defined)"),
        }
    }

    /// The score series of `measure` up to the as-of date, with bands.
    fn scores(&self, measure: &str) -> String {
        let info = self.measure_info(measure);
        let points: Vec<String> = self
            .record
            .series(measure)
            .map(|s| {
                s.points
                    .iter()
                    .filter(|p| p.date <= self.as_of)
                    .map(|p| {
                        let after = p
                            .after
                            .map_or_else(String::new, |a| format!(" -> {}", number(a)));
                        let band = info
                            .as_ref()
                            .and_then(|i| i.band(p.value))
                            .map_or_else(String::new, |b| format!("  {}", b.label));
                        format!("    {}  {}{after}{band}", p.date, number(p.value))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if points.is_empty() {
            return format!("  no {measure} scores yet\n");
        }
        format!("  scores ({measure})\n{}\n", points.join("\n"))
    }

    fn measure(&self, id: &str, def: Option<(usize, &MeasureDef)>) -> String {
        let mut out = match def {
            Some((index, _)) => self.header(index),
            None => {
                let name = self.measure_info(id).map_or_else(String::new, |m| m.name);
                format!("measure {id} \"{name}\"  (built in)\n")
            }
        };
        if let Some(info) = self.measure_info(id) {
            let mut facts = Vec::new();
            if info.min > f64::MIN && info.max < f64::MAX {
                facts.push(format!("range {}..{}", number(info.min), number(info.max)));
            }
            facts.push(format!("{} is better", info.better));
            if let Some(rc) = info.reliable_change {
                facts.push(format!("reliable change {}", number(rc)));
            }
            let _ = writeln!(out, "  {}", facts.join(", "));
            if let Some(bands) = crate::summary::bands(&info) {
                let _ = writeln!(out, "  bands      {bands}");
            }
        }
        let goals: Vec<String> = self
            .document()
            .aims()
            .filter_map(|g| {
                let m = g.target_for(id)?;
                Some(format!(
                    "{} (baseline {}, target {})",
                    g.id().value,
                    number(m.baseline.value),
                    m.target
                ))
            })
            .collect();
        if !goals.is_empty() {
            let _ = writeln!(out, "  goals      {}", goals.join(", "));
        }
        out.push_str(&self.scores(id));
        out.push_str(&self.later_note());
        out
    }

    fn concern(&self, index: usize, concern: &Concern) -> String {
        let id = concern.id.value.as_str();
        let mut out = self.header(index);
        if let Some(code) = &concern.diagnosis {
            let _ = writeln!(out, "  diagnosis  {}", code.value);
        }
        if let Some(since) = concern.since.as_ref().and_then(|s| s.value) {
            let _ = writeln!(out, "  since      {since}");
        }
        let goals: Vec<String> = self
            .document()
            .goals()
            .filter(|g| g.concerns.iter().any(|c| c.value == id))
            .map(|g| self.aim_name(&g.id.value))
            .collect();
        if goals.is_empty() {
            let _ = writeln!(out, "  no goal addresses it yet");
        }
        for goal in goals {
            let _ = writeln!(out, "  goal       {goal}");
        }
        out
    }
}

/// A titled list of dated lines, in date order.
fn section(out: &mut String, title: &str, events: &[Event]) {
    if events.is_empty() {
        return;
    }
    let mut sorted: Vec<&Event> = events.iter().collect();
    sorted.sort_by_key(|e| e.date);
    let _ = writeln!(out, "  {title}");
    for e in sorted {
        let _ = writeln!(out, "    {}  {}", e.date, e.text);
    }
}
