//! Interventions and medications: `:show I1` and `:show M1`, with what
//! they serve, their course, how often they were used, and a medication's
//! doses and consent.

use super::{Event, View, section};
use crate::ast::{Entry, Frequency, Ident, Intervention, Medication, Session as Visit};
use crate::interpret::{Record, TreatmentKind, TreatmentTrack};
use crate::words::{ExtentUnit, Per};
use jiff::civil::Date;
use std::fmt::Write as _;

impl View<'_> {
    /// `intervention CBT behavioral-activation` or `medication sertraline`.
    pub(super) fn treatment_name(&self, t: &TreatmentTrack) -> String {
        let what = self
            .document()
            .entries
            .get(t.entry)
            .map_or_else(String::new, |e| match e {
                Entry::Intervention(i) => match &i.technique {
                    Some(tech) => format!("{} {}", i.modality.value, tech.value),
                    None => i.modality.value.to_string(),
                },
                Entry::Medication(m) => m.drug.value.clone(),
                _ => String::new(),
            });
        let kind = match t.kind {
            TreatmentKind::Intervention => "intervention",
            TreatmentKind::Medication => "medication",
        };
        format!("{kind} {what}")
    }

    /// Where a treatment stands on the as-of date.
    pub(super) fn course(&self, t: &TreatmentTrack) -> String {
        match (&t.started, &t.stopped) {
            (Some(start), _) if *start > self.as_of => format!("starts {start}"),
            (_, Some(stop)) if stop.date <= self.as_of => format!("stopped {}", stop.date),
            _ if t.kind == TreatmentKind::Medication && self.record.discharged_by(self.as_of) => {
                "active, continuing after the discharge".to_owned()
            }
            _ => "active".to_owned(),
        }
    }

    /// The dates of the sessions that used `id` by the as-of date, with the
    /// client's response.
    fn uses(&self, id: &str) -> Vec<Event> {
        self.dated()
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
            .collect()
    }

    /// The sessions that used `id`, with the client's response.
    fn uses_text(&self, uses: &[Event]) -> String {
        let mut out = String::new();
        if uses.is_empty() {
            out.push_str("  no session used it yet\n");
        } else {
            let _ = writeln!(out, "  used in {} session(s)", uses.len());
            for u in uses {
                let _ = writeln!(out, "    {}  {}", u.date, u.text);
            }
        }
        out
    }

    /// The course of a treatment: what it serves, its start, stop and why.
    fn treatment_course(&self, out: &mut String, id: &str, goals: &[Ident]) {
        if goals.is_empty() {
            let _ = writeln!(out, "  for        (no goal: add `for GOAL` to the header)");
        }
        for goal in goals {
            let _ = writeln!(out, "  for        {}", self.aim_name(&goal.value));
        }
        let Some(track) = self.record.treatment(id) else {
            return;
        };
        if let Some(start) = track.started {
            let _ = writeln!(out, "  started    {start}");
        }
        if let Some(stop) = &track.stopped {
            let reason = match stop.value.and_then(|e| self.document().entries.get(e)) {
                Some(Entry::Review(r)) => r
                    .stops
                    .iter()
                    .find(|s| s.target.value == id)
                    .and_then(|s| s.reason.as_ref())
                    .map_or_else(String::new, |r| format!(" \"{}\"", r.value)),
                Some(Entry::Discharge(_)) => " (at the discharge)".to_owned(),
                _ => String::new(),
            };
            let _ = writeln!(out, "  stopped    {}{reason}", stop.date);
        }
        let _ = writeln!(out, "  as of {}: {}", self.as_of, self.course(track));
    }

    pub(super) fn intervention(&self, index: usize, item: &Intervention) -> String {
        let id = item.id.value.as_str();
        let mut out = self.header(index);
        self.treatment_course(&mut out, id, &item.goals);
        consent_line(&mut out, item.consent.as_ref());
        let uses = self.uses(id);
        let track = self.record.treatment(id);
        if let Some(frequency) = &item.frequency {
            let done = match (&frequency.value, track) {
                (Frequency::Rate { per, .. }, Some(t)) => self.rate_done(t, *per, uses.len()),
                _ => String::new(),
            };
            let _ = writeln!(out, "  frequency  {}{done}", frequency.value);
        }
        if let Some(t) = track {
            self.planned_course(&mut out, t, uses.len());
        }
        if let Some(rationale) = &item.rationale {
            let _ = writeln!(out, "  rationale  \"{}\"", rationale.value);
        }
        out.push_str(&self.uses_text(&uses));
        out.push_str(&self.later_note());
        out
    }

    /// How often a planned rate was met so far: `; used 9 times in 18 weeks`.
    fn rate_done(&self, t: &TreatmentTrack, per: Per, used: usize) -> String {
        let Some(start) = t.started.filter(|s| *s <= self.as_of) else {
            return String::new();
        };
        let end = t
            .stopped
            .as_ref()
            .map_or(self.as_of, |s| s.date.min(self.as_of));
        let days = (end - start).get_days().max(0);
        let (count, unit) = match per {
            Per::Day => (i64::from(days), "day"),
            Per::Week => (i64::from(days / 7), "week"),
            Per::Month => (
                start
                    .until((jiff::Unit::Month, end))
                    .map_or(0, |s| i64::from(s.get_months().max(0))),
                "month",
            ),
        };
        let plural = |n: i64, one: &str| {
            if n == 1 {
                one.to_owned()
            } else {
                format!("{one}s")
            }
        };
        format!(
            "; used {used} {} in {count} {} from {start}",
            if used == 1 { "time" } else { "times" },
            plural(count, unit)
        )
    }

    /// The planned course in force and how much of it is done, with its
    /// revisions: `course     16 sessions: 9 used`.
    fn planned_course(&self, out: &mut String, t: &TreatmentTrack, used: usize) {
        let Some(current) = Record::latest(&t.course, self.as_of) else {
            return;
        };
        let course = current.value;
        let done = match (course.unit, course.time(), t.started) {
            (ExtentUnit::Sessions, _, _) => format!(": {used} used"),
            (_, Some(length), Some(start)) => length
                .last_day(start)
                .map_or_else(String::new, |end| format!(": from {start} to {end}")),
            _ => String::new(),
        };
        let _ = writeln!(out, "  course     {course}{done}");
        let changes: Vec<Event> = t
            .course
            .iter()
            .filter(|c| c.date <= self.as_of)
            .enumerate()
            .map(|(n, c)| Event {
                date: c.date,
                text: if n == 0 {
                    format!("{} planned", c.value)
                } else {
                    format!("revised to {}", c.value)
                },
            })
            .collect();
        if changes.len() > 1 {
            section(out, "course history", &changes);
        }
    }

    pub(super) fn medication(&self, index: usize, item: &Medication) -> String {
        let id = item.id.value.as_str();
        let mut out = self.header(index);
        self.treatment_course(&mut out, id, &item.goals);
        consent_line(&mut out, item.consent.as_ref());
        if let Some(track) = self.record.treatment(id) {
            self.doses(&mut out, item, track);
        }
        for (name, value) in [("prescriber", &item.prescriber), ("monitor", &item.monitor)] {
            if let Some(value) = value {
                let _ = writeln!(out, "  {name:<10} \"{}\"", value.value);
            }
        }
        out.push_str(&self.uses_text(&self.uses(id)));
        out.push_str(&self.later_note());
        out
    }

    /// The dose in force on the as-of date and the titration to it.
    fn doses(&self, out: &mut String, item: &Medication, track: &TreatmentTrack) {
        let doses: Vec<_> = track
            .doses
            .iter()
            .filter(|d| d.date <= self.as_of)
            .collect();
        let Some(current) = doses.last() else {
            if let Some(dose) = &item.dose {
                let _ = writeln!(out, "  dose       \"{}\" (from its start)", dose.value);
            }
            return;
        };
        let _ = writeln!(
            out,
            "  dose       \"{}\" since {}",
            current.value, current.date
        );
        if doses.len() < 2 {
            return;
        }
        let starting = item.dose.as_ref().map(|d| d.span);
        let titration: Vec<Event> = doses
            .iter()
            .map(|d| {
                let by = if Some(d.span) == starting {
                    "starting dose"
                } else {
                    self.dated()
                        .find(|(_, e)| e.span().start <= d.span.start && d.span.end <= e.span().end)
                        .map_or("changed", |(_, e)| e.keyword())
                };
                Event {
                    date: d.date,
                    text: format!("\"{}\"  ({by})", d.value),
                }
            })
            .collect();
        section(out, "titration", &titration);
    }
}

/// The `consent` line of an intervention or medication, when it has one.
fn consent_line(out: &mut String, consent: Option<&crate::ast::DateLit>) {
    if let Some(consent) = consent {
        let date = consent
            .value
            .map_or("(invalid date)".to_owned(), |d| d.to_string());
        let _ = writeln!(out, "  consent    {date}");
    }
}
