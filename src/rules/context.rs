//! What a rule sees: the file, its tree and history, the catalogue, the date.

use crate::ast::{Aim, Document, Duration, Entry, Medication};
use crate::catalogue::{Catalogue, Drug, Measures};
use crate::interpret::{Dated, Record, TreatmentKind, TreatmentTrack};
use crate::span::LineIndex;
use foldhash::{HashMap, HashSet};
use jiff::civil::Date;
use std::cell::OnceCell;

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

/// What a medication's `monitor` line says of something a rule asks to be
/// watched (see [`Context::monitored`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Monitored {
    /// The line names it, or could not be read and so counts as written.
    Yes,
    /// The medication has a `monitor` line that does not name it.
    Silent,
    /// The medication has no `monitor` line.
    Missing,
}

/// Whether `text` mentions any of `words` (lower case), each at the start
/// of a word: `level` finds "Levels", `renal` does not find "adrenal". A
/// word of three letters or fewer, an abbreviation, must be the whole word
/// or its plural: `anc` finds "ANC" and `tft` "TFTs", not "ancillary".
pub fn mentions(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    words.iter().any(|word| {
        lower.match_indices(word).any(|(at, _)| {
            let before = lower.get(..at).and_then(|b| b.chars().next_back());
            let mut after = lower.get(at + word.len()..).unwrap_or("").chars();
            let ends = word.chars().count() > 3
                || match after.next() {
                    Some('s') => !letter(after.next()),
                    next => !letter(next),
                };
            !letter(before) && ends
        })
    })
}

/// The day someone born on `born` turns `years` old: the same month and
/// day, or 1 March when born on 29 February and that year has none. `None`
/// past the end of the calendar.
pub fn birthday(born: Date, years: i16) -> Option<Date> {
    let year = born.year().checked_add(years)?;
    Date::new(year, born.month(), born.day())
        .or_else(|_| Date::new(year, 3, 1))
        .ok()
}

/// Age in whole years on `day`, counted as [`birthday`] does; "not yet
/// born" is 0.
pub fn years_on(born: Date, day: Date) -> i16 {
    let mut years = day.year().saturating_sub(born.year());
    if birthday(born, years).is_some_and(|b| day < b) {
        years = years.saturating_sub(1);
    }
    years.max(0)
}

/// Age on `day` as messages write it: `24 years old`.
pub fn age_on(born: Date, day: Date) -> String {
    match years_on(born, day) {
        1 => "1 year old".to_owned(),
        n => format!("{n} years old"),
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
        let mut symbols: HashMap<&str, Vec<&Entry>> = HashMap::default();
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

    /// Whether `taken` is taken during the episode: started by the day the
    /// plan is judged on ([`Context::as_of`]) and not stopped by the day the
    /// episode opened.
    pub fn in_episode(&self, taken: &Taken<'_>) -> bool {
        let opened = self.document.opened();
        taken.started <= self.as_of()
            && taken
                .track
                .stopped
                .as_ref()
                .is_none_or(|s| opened.is_none_or(|o| s.date > o))
    }

    /// The client's date of birth, when the plan records one readably.
    pub fn born(&self) -> Option<Date> {
        self.document
            .plan()
            .and_then(|p| p.born.as_ref())
            .and_then(|b| b.value)
    }

    /// Whether `medication`'s `monitor` line [`mentions`] any of `words`.
    pub fn monitored(&self, medication: &Medication, words: &[&str]) -> Monitored {
        if self.document.has_unread(medication.span, "monitor") {
            return Monitored::Yes;
        }
        match &medication.monitor {
            None => Monitored::Missing,
            Some(line) if mentions(&line.value, words) => Monitored::Yes,
            Some(_) => Monitored::Silent,
        }
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
        self.index().line_of(offset) + 1
    }

    /// The byte offset where the line holding `offset` ends, before its
    /// line break: where a fix adds a field line after it.
    pub fn line_end(&self, offset: usize) -> usize {
        let index = self.index();
        let line = index.line_of(offset);
        index.line_start(line).unwrap_or(0) + index.line_text(self.source, line).len()
    }

    /// The byte offset where the line holding `offset` starts.
    pub fn line_start(&self, offset: usize) -> usize {
        let index = self.index();
        index.line_start(index.line_of(offset)).unwrap_or(0)
    }

    /// The byte offset where the line after the one holding `offset`
    /// starts (the end of the text after the last line).
    pub fn next_line_start(&self, offset: usize) -> usize {
        let index = self.index();
        index
            .line_start(index.line_of(offset) + 1)
            .unwrap_or(self.source.len())
    }

    /// The source's line index, made once.
    fn index(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.source))
    }

    /// Every defined id with its definitions, in no particular order.
    pub fn symbols(&self) -> impl Iterator<Item = (&'a str, &[&'a Entry])> {
        self.symbols.iter().map(|(id, defs)| (*id, defs.as_slice()))
    }
}

/// The built-in symptom scales of mental disorders: a plan that scores one
/// treats a mental-health condition.
const MENTAL_HEALTH_MEASURES: &[&str] =
    &["PHQ-9", "PHQ-9-item9", "PHQ-2", "GAD-7", "GAD-2", "PCL-5"];

impl<'a> Context<'a> {
    /// Whether the plan is for a mental-health condition: a concern with an
    /// ICD-10 chapter V diagnosis (F00-F99), or a built-in depression,
    /// anxiety or trauma scale scored or set as a goal's measure. A plan for back pain or a knee
    /// replacement is not, whatever it records.
    pub fn mental_health(&self) -> bool {
        self.document.concerns().any(|c| {
            c.diagnosis
                .as_ref()
                .is_some_and(|d| d.value.starts_with(['F', 'f']))
        }) || MENTAL_HEALTH_MEASURES.iter().any(|m| {
            self.record.series(m).is_some()
                || self
                    .document
                    .aims()
                    .any(|a| a.measures().iter().any(|g| g.measure.value == *m))
        })
    }

    /// The safety plans in the record that say something, in record order:
    /// a `safety-plan` with none of its fields filled in is not one.
    pub fn safety_plans(&self) -> impl Iterator<Item = &'a Dated<usize>> {
        let document = self.document;
        self.record.safety_plans.iter().filter(move |p| {
            matches!(document.entries.get(p.value), Some(Entry::SafetyPlan(s))
                if [&s.warning_signs, &s.coping, &s.contacts, &s.means_safety]
                    .iter()
                    .any(|f| f.as_ref().is_some_and(|t| !t.value.trim().is_empty())))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_25th_birthday_is_not_under_25() {
        let born = date(2001, 11, 22);
        assert_eq!(birthday(born, 25), Some(date(2026, 11, 22)));
        assert_eq!(age_on(born, date(2026, 11, 22)), "25 years old");
        assert_eq!(age_on(born, date(2026, 11, 21)), "24 years old");
        assert_eq!(years_on(born, date(2000, 1, 1)), 0);
    }

    #[test]
    fn a_leap_day_birthday_falls_on_1_march_in_other_years() {
        let born = date(2000, 2, 29);
        assert_eq!(birthday(born, 25), Some(date(2025, 3, 1)));
        assert_eq!(birthday(born, 24), Some(date(2024, 2, 29)));
        assert_eq!(age_on(born, date(2025, 2, 28)), "24 years old");
        assert_eq!(age_on(born, date(2025, 3, 1)), "25 years old");
    }

    #[test]
    fn birthdays_past_the_calendar_are_none() {
        assert_eq!(birthday(date(9990, 1, 1), 25), None);
    }

    #[test]
    fn words_are_found_at_the_start_of_a_word() {
        assert!(mentions("Lithium LEVELS 3-monthly", &["level"]));
        assert!(mentions("U&E, eGFR", &["egfr"]));
        assert!(!mentions("Adrenal symptoms", &["renal"]));
        assert!(!mentions("", &["level"]));
        assert!(mentions("ANC weekly; TFTs", &["anc"]) && mentions("TFTs", &["tft"]));
        assert!(!mentions("ancillary staff", &["anc"]));
    }
}
