//! `:show ID`, `:goals` and `:timeline`: one definition with its links and
//! history, every goal as it stands, and the dated entries in date order.
//! Histories stop at the session's as-of date.

use super::Session;
use crate::analytics::goal_outcomes;
use crate::ast::{
    Change, Concern, Entry, Goal, Intervention, MeasureDef, Medication, Session as Visit,
};
use crate::catalogue::MeasureInfo;
use crate::interpret::{Record, TreatmentTrack};
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
        Some((index, Entry::Goal(goal))) => view.goal(index, goal),
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
                "there is no goal, intervention, medication, measure or concern `{id}` in this plan{hint}"
            ));
        }
    };
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// Every goal set by the as-of date: its status, latest score, target and due date.
pub(super) fn goals(session: &Session) -> String {
    let view = View::new(session);
    let measures = session
        .options()
        .catalogue
        .measures_for(&session.analysis().document);
    let outcomes = goal_outcomes(
        &session.analysis().document,
        view.record,
        &measures,
        view.as_of,
    );
    let mut out = format!("goals as of {}\n", view.as_of);
    if outcomes.is_empty() {
        let _ = writeln!(out, "  (none set by {})", view.as_of);
    }
    for g in &outcomes {
        let status = g.status.map_or("no status yet", |s| s.as_str());
        let _ = writeln!(out, "  {}  \"{}\"  [{status}]", g.id, g.text);
        let mut parts = Vec::new();
        for t in &g.targets {
            let m = &t.measure;
            match m.latest() {
                Some(r) => parts.push(format!("{} {} on {}", m.measure, number(r.value), r.date)),
                None => parts.push(format!("{}: no score yet", m.measure)),
            }
            let met = match (t.met, t.progress) {
                (true, _) => " (met)".to_owned(),
                (_, Some(p)) => format!(" ({}% of the way)", number(p.round())),
                _ => String::new(),
            };
            parts.push(format!("target {}{met}", t.target));
        }
        match g.due {
            Some(due) if due < view.as_of && !g.status.is_some_and(|s| s.is_closed()) => {
                parts.push(format!("due {due}, overdue"));
            }
            Some(due) => parts.push(format!("due {due}")),
            None => parts.push("no due date".to_owned()),
        }
        let _ = writeln!(out, "      {}", parts.join("; "));
    }
    out
}

/// The dated entries, in the order the record replays them.
pub(super) fn timeline(session: &Session) -> String {
    let view = View::new(session);
    let mut out = String::new();
    for &(date, index) in &view.record.timeline {
        let Some(entry) = view.document().entries.get(index) else {
            continue;
        };
        let line = session.line_of(entry.span().start);
        let row = format!(
            "{date}  {:<11}  line {line:<4}  {}",
            entry.keyword(),
            outline(entry)
        );
        let _ = writeln!(out, "{}", row.trim_end());
    }
    if out.is_empty() {
        out.push_str("no dated entries yet (sessions, reviews, events, safety plans)\n");
    }
    out
}

/// A dated entry in one line.
fn outline(entry: &Entry) -> String {
    let mut parts: Vec<String> = Vec::new();
    match entry {
        Entry::Session(s) => {
            let used: Vec<&str> = s
                .used
                .iter()
                .map(|u| u.intervention.value.as_str())
                .collect();
            if !used.is_empty() {
                parts.push(format!("used {}", used.join(", ")));
            }
            let scores: Vec<String> = s
                .scores
                .iter()
                .map(|sc| format!("{} {}", sc.measure.value, number(sc.value.value)))
                .collect();
            if !scores.is_empty() {
                parts.push(format!("score {}", scores.join(", ")));
            }
            for p in &s.progress {
                parts.push(format!("progress {}", p.goal.value));
            }
            if let Some(risk) = &s.risk {
                parts.push(format!("risk {}", risk.level.value));
            }
        }
        Entry::Review(r) => {
            let statuses: Vec<String> = r
                .statuses
                .iter()
                .map(|u| format!("{} {}", u.goal.value, u.status.value))
                .collect();
            if !statuses.is_empty() {
                parts.push(format!("status {}", statuses.join(", ")));
            }
            for revision in &r.revisions {
                parts.push(format!("revise {}", revision.id.value));
            }
            for stop in &r.stops {
                parts.push(format!("stop {}", stop.target.value));
            }
            if let Some(stage) = &r.stage {
                parts.push(format!("stage {}", stage.value));
            }
            if let Some(next) = r.next.as_ref().and_then(|n| n.value) {
                parts.push(format!("next {next}"));
            }
        }
        Entry::Event(e) => parts.push(format!("{} \"{}\"", e.kind.value, e.text.value)),
        Entry::SafetyPlan(p) => {
            let filled = [
                (&p.warning_signs, "warning signs"),
                (&p.coping, "coping"),
                (&p.contacts, "contacts"),
                (&p.means_safety, "means safety"),
            ];
            let present: Vec<&str> = filled
                .iter()
                .filter(|(f, _)| f.is_some())
                .map(|(_, name)| *name)
                .collect();
            parts.push(present.join(", "));
        }
        _ => {}
    }
    parts.join("; ")
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

    fn measure_info(&self, id: &str) -> Option<MeasureInfo> {
        self.session
            .options()
            .catalogue
            .measures_for(self.document())
            .get(id)
            .cloned()
    }

    /// `G1 "text"` for a goal id, or `G1 (not defined)`.
    fn goal_name(&self, id: &str) -> String {
        match self.document().goals().find(|g| g.id.value == id) {
            Some(goal) => format!("{id} \"{}\"", goal.text.value),
            None => format!("{id} (not defined)"),
        }
    }

    fn goal(&self, index: usize, goal: &Goal) -> String {
        let id = goal.id.value.as_str();
        let mut out = self.header(index);
        let track = self.record.goal(id);
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
        for m in &goal.measures {
            let _ = writeln!(
                out,
                "  measure    {}, baseline {}",
                m.measure.value,
                number(m.baseline.value)
            );
        }
        let state = self
            .record
            .state_on(self.as_of)
            .goals
            .into_iter()
            .find(|g| g.id == id);
        let _ = writeln!(out, "  as of {}", self.as_of);
        match &state {
            None => {
                let _ = writeln!(out, "    not set yet");
            }
            Some(s) => {
                let status = s.status.map_or("no status yet", |a| a.as_str());
                let _ = writeln!(out, "    status   {status}");
                for t in &s.targets {
                    let _ = writeln!(out, "    target   {} {}", t.measure, t.target);
                }
                let due = s.due.map_or("none".to_owned(), |d| d.to_string());
                let _ = writeln!(out, "    due      {due}");
                for t in &s.targets {
                    if let Some((date, score)) = t.latest {
                        let _ = writeln!(
                            out,
                            "    latest   {} {} on {date}",
                            t.measure,
                            number(score)
                        );
                    }
                }
            }
        }
        let mut history = Vec::new();
        if let Some(opened) = track.and_then(|t| t.opened).filter(|d| *d <= self.as_of) {
            let mut set = Vec::new();
            for m in &goal.measures {
                set.push(format!("target {} {}", m.measure.value, m.target));
            }
            if let Some(due) = goal.due.as_ref().and_then(|d| d.value) {
                set.push(format!("due {due}"));
            }
            let what = if set.is_empty() {
                "set".to_owned()
            } else {
                format!("set: {}", set.join(", "))
            };
            history.push(Event {
                date: opened,
                text: what,
            });
        }
        for (date, entry) in self.dated() {
            match entry {
                Entry::Review(r) => {
                    for u in r.statuses.iter().filter(|u| u.goal.value == id) {
                        let note = u
                            .note
                            .as_ref()
                            .map_or_else(String::new, |n| format!(" \"{}\"", n.value));
                        history.push(Event {
                            date,
                            text: format!("review: status {}{note}", u.status.value),
                        });
                    }
                    for revision in r.revisions.iter().filter(|v| v.id.value == id) {
                        let change = match &revision.change {
                            Change::Target { measure, target } => match measure {
                                Some(m) => format!("target {} {target}", m.value),
                                None => format!("target {target}"),
                            },
                            Change::Due(d) => d.value.map_or_else(
                                || "due (invalid date)".to_owned(),
                                |d| format!("due {d}"),
                            ),
                            Change::Course(c) => format!("course {}", c.value),
                        };
                        history.push(Event {
                            date,
                            text: format!("review: revised {change}"),
                        });
                    }
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
        section(&mut out, "history", &history);
        for m in &goal.measures {
            out.push_str(&self.scores(&m.measure.value));
        }
        let serving: Vec<&TreatmentTrack> = self
            .record
            .treatments
            .iter()
            .filter(|t| t.goals.iter().any(|g| g == id))
            .collect();
        if serving.is_empty() {
            let _ = writeln!(out, "  no intervention or medication serves it");
        } else {
            let _ = writeln!(out, "  served by");
            for t in serving {
                let what =
                    self.document()
                        .entries
                        .get(t.entry)
                        .map_or_else(String::new, |e| match e {
                            Entry::Intervention(i) => match &i.technique {
                                Some(tech) => format!("{} {}", i.modality.value, tech.value),
                                None => i.modality.value.clone(),
                            },
                            Entry::Medication(m) => m.drug.value.clone(),
                            _ => String::new(),
                        });
                let _ = writeln!(
                    out,
                    "    {}  {} {what}  {}",
                    t.id,
                    e_kind(t),
                    self.course(t)
                );
            }
        }
        out.push_str(&self.later_note());
        out
    }

    /// Where a treatment stands on the as-of date.
    fn course(&self, t: &TreatmentTrack) -> String {
        match (&t.started, &t.stopped) {
            (Some(start), _) if *start > self.as_of => format!("starts {start}"),
            (_, Some(stop)) if stop.date <= self.as_of => format!("stopped {}", stop.date),
            _ => "active".to_owned(),
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

    /// The sessions that used `id`, with the client's response.
    fn uses(&self, id: &str) -> String {
        let uses: Vec<Event> = self
            .dated()
            .filter_map(|(date, entry)| match entry {
                Entry::Session(s) => Some((date, s)),
                _ => None,
            })
            .flat_map(|(date, s): (Date, &Visit)| {
                s.used
                    .iter()
                    .filter(|u| u.intervention.value == id)
                    .map(move |u| Event {
                        date,
                        text: u.response.as_ref().map_or_else(
                            || "(no response noted)".to_owned(),
                            |r| format!("\"{}\"", r.value),
                        ),
                    })
            })
            .collect();
        let mut out = String::new();
        if uses.is_empty() {
            out.push_str("  no session used it yet\n");
        } else {
            let _ = writeln!(out, "  used in {} session(s)", uses.len());
            for u in &uses {
                let _ = writeln!(out, "    {}  {}", u.date, u.text);
            }
        }
        out
    }

    /// The course of a treatment: its goals, start, stop and why.
    fn treatment_course(&self, out: &mut String, id: &str, goals: &[crate::ast::Ident]) {
        if goals.is_empty() {
            let _ = writeln!(out, "  for        (no goal: add `for GOAL` to the header)");
        }
        for goal in goals {
            let _ = writeln!(out, "  for        {}", self.goal_name(&goal.value));
        }
        let Some(track) = self.record.treatment(id) else {
            return;
        };
        if let Some(start) = track.started {
            let _ = writeln!(out, "  started    {start}");
        }
        if let Some(stop) = &track.stopped {
            let reason = stop
                .value
                .and_then(|review| self.document().entries.get(review))
                .and_then(|e| match e {
                    Entry::Review(r) => r.stops.iter().find(|s| s.target.value == id),
                    _ => None,
                })
                .and_then(|s| s.reason.as_ref())
                .map_or_else(String::new, |r| format!(" \"{}\"", r.value));
            let _ = writeln!(out, "  stopped    {}{reason}", stop.date);
        }
        let _ = writeln!(out, "  as of {}: {}", self.as_of, self.course(track));
    }

    fn intervention(&self, index: usize, item: &Intervention) -> String {
        let id = item.id.value.as_str();
        let mut out = self.header(index);
        self.treatment_course(&mut out, id, &item.goals);
        if let Some(consent) = &item.consent {
            let date = consent
                .value
                .map_or("(invalid date)".to_owned(), |d| d.to_string());
            let _ = writeln!(out, "  consent    {date}");
        }
        if let Some(frequency) = &item.frequency {
            let _ = writeln!(out, "  frequency  {}", frequency.value);
        }
        if let Some(rationale) = &item.rationale {
            let _ = writeln!(out, "  rationale  \"{}\"", rationale.value);
        }
        out.push_str(&self.uses(id));
        out.push_str(&self.later_note());
        out
    }

    fn medication(&self, index: usize, item: &Medication) -> String {
        let id = item.id.value.as_str();
        let mut out = self.header(index);
        self.treatment_course(&mut out, id, &item.goals);
        for (name, value) in [
            ("dose", &item.dose),
            ("prescriber", &item.prescriber),
            ("monitor", &item.monitor),
        ] {
            if let Some(value) = value {
                let _ = writeln!(out, "  {name:<10} \"{}\"", value.value);
            }
        }
        out.push_str(&self.uses(id));
        out.push_str(&self.later_note());
        out
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
            if !info.bands.is_empty() {
                let bands: Vec<String> = info
                    .bands
                    .iter()
                    .map(|b| format!("{} from {}", b.label, number(b.from)))
                    .collect();
                let _ = writeln!(out, "  bands      {}", bands.join(", "));
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
            .map(|g| self.goal_name(&g.id.value))
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

fn e_kind(t: &TreatmentTrack) -> &'static str {
    match t.kind {
        crate::interpret::TreatmentKind::Intervention => "intervention",
        crate::interpret::TreatmentKind::Medication => "medication",
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
