//! What a rule sees: the file, its tree and history, the catalogue, the date.

use crate::ast::{Aim, Document, Duration, Entry, Medication};
use crate::catalogue::{Catalogue, Drug, Measures};
use crate::interpret::{Record, TreatmentKind, TreatmentTrack};
use crate::span::LineIndex;
use jiff::civil::Date;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

/// A medication whose drug the catalogue recognises, with its history and
/// the day it started: what the medication-combination rules compare.
pub struct Taken<'a> {
    /// Its history: when it started and stopped.
    pub track: &'a TreatmentTrack,
    /// Its entry.
    pub medication: &'a Medication,
    /// The drug it is.
    pub drug: &'a Drug,
    /// When it started.
    pub started: Date,
}

impl Taken<'_> {
    /// The medication as messages name it: `` `M1` (sertraline) ``, with
    /// the generic name when the file writes it otherwise (`` `M2`
    /// (Prozac: fluoxetine) ``).
    pub fn named(&self) -> String {
        let written = &self.medication.drug.value;
        if written.eq_ignore_ascii_case(&self.drug.name) {
            format!("`{}` ({written})", self.track.id)
        } else {
            format!("`{}` ({written}: {})", self.track.id, self.drug.name)
        }
    }
}

/// What a rule sees: the file, its tree and history, the catalogue, the date.
pub struct Context<'a> {
    /// The file's text.
    pub source: &'a str,
    /// Its syntax tree.
    pub document: &'a Document,
    /// Its replayed history.
    pub record: &'a Record,
    /// The catalogue: modalities, drugs, and known measures.
    pub catalogue: &'a Catalogue,
    /// The measures this file can use, declared and known.
    pub measures: Measures<'a>,
    /// The date the plan is judged on.
    pub today: Date,
    /// The review cadence of a plan that sets none.
    pub default_review: Duration,
    /// The clinic's client-id pattern, when its configuration sets one.
    pub client_id_pattern: Option<&'a super::IdPattern>,
    symbols: HashMap<&'a str, Vec<&'a Entry>>,
    /// Built on the first [`Context::line`] call: most checks never need it.
    lines: OnceCell<LineIndex>,
}

impl<'a> Context<'a> {
    /// A context over one file, indexing its definitions by id.
    pub fn new(
        source: &'a str,
        document: &'a Document,
        record: &'a Record,
        catalogue: &'a Catalogue,
        today: Date,
        default_review: Duration,
        client_id_pattern: Option<&'a super::IdPattern>,
    ) -> Self {
        let mut symbols: HashMap<&str, Vec<&Entry>> = HashMap::new();
        for entry in &document.entries {
            if let Some(id) = entry.id() {
                symbols.entry(id.value.as_str()).or_default().push(entry);
            }
        }
        Context {
            source,
            document,
            record,
            catalogue,
            measures: catalogue.measures_for(document),
            today,
            default_review,
            client_id_pattern,
            symbols,
            lines: OnceCell::new(),
        }
    }

    /// Every medication whose drug the catalogue recognises and that has a
    /// start date, started first first (file order breaking ties).
    pub fn medications_taken(&self) -> Vec<Taken<'a>> {
        let document = self.document;
        let catalogue = self.catalogue;
        let mut taken: Vec<Taken<'a>> = self
            .record
            .treatments
            .iter()
            .filter(|t| t.kind == TreatmentKind::Medication)
            .filter_map(|track| {
                let Some(Entry::Medication(medication)) = document.entries.get(track.entry) else {
                    return None;
                };
                Some(Taken {
                    track,
                    medication,
                    drug: catalogue.drug(&medication.drug.value)?,
                    started: track.started?,
                })
            })
            .collect();
        taken.sort_by_key(|t| (t.started, t.track.entry));
        taken
    }

    /// The goals and objectives that lack a SMART part (`field`, which
    /// `has` tells is there): every objective without it, and every goal
    /// without it that has no objectives. A broad goal with objectives is
    /// made measurable and time-bound by them (language version 2). A
    /// `field` line that could not be read counts as written.
    pub fn lacking(
        &self,
        field: &'a str,
        has: impl Fn(Aim<'a>) -> bool,
    ) -> impl Iterator<Item = Aim<'a>> {
        let document = self.document;
        // The goals objectives are steps toward, found in one pass: asking
        // each goal for its objectives read every entry once per goal.
        let stepped: HashSet<&str> = document
            .objectives()
            .flat_map(|o| o.goals.iter().map(|g| g.value.as_str()))
            .collect();
        document.aims().filter(move |&aim| {
            let broad = match aim {
                Aim::Goal(g) => stepped.contains(g.id.value.as_str()),
                Aim::Objective(_) => false,
            };
            !broad && !has(aim) && !document.has_unread(aim.span(), field)
        })
    }

    /// The date the plan's currency is judged on: today, or the discharge
    /// when the episode ended before today. Nothing falls due after a
    /// discharge (language version 2), so the rules that ask whether
    /// something is late or missing (a review, a goal, a plateau) ask it as
    /// of the day the episode closed.
    pub fn as_of(&self) -> Date {
        self.record
            .discharge
            .as_ref()
            .map_or(self.today, |d| d.date.min(self.today))
    }

    /// The word for the aim with `id` in messages: `goal` or `objective`.
    pub fn aim_noun(&self, id: &str) -> &'static str {
        self.definitions(id)
            .iter()
            .find_map(|e| match e {
                Entry::Objective(_) => Some("objective"),
                Entry::Goal(_) => Some("goal"),
                _ => None,
            })
            .unwrap_or("goal")
    }

    /// Every definition of `id`, in file order.
    pub fn definitions(&self, id: &str) -> &[&'a Entry] {
        self.symbols.get(id).map_or(&[], Vec::as_slice)
    }

    /// The first definition of `id`.
    pub fn definition(&self, id: &str) -> Option<&'a Entry> {
        self.definitions(id).first().copied()
    }

    /// The 1-based line number of byte `offset`, for messages that point
    /// at another line ("already defined on line 12").
    pub fn line(&self, offset: usize) -> usize {
        self.lines
            .get_or_init(|| LineIndex::new(self.source))
            .line_of(offset)
            + 1
    }

    /// Every defined id with its definitions, in no particular order.
    pub fn symbols(&self) -> impl Iterator<Item = (&'a str, &[&'a Entry])> {
        self.symbols.iter().map(|(id, defs)| (*id, defs.as_slice()))
    }
}
