//! Syntax classes with meaning, for an editor's semantic colouring: the
//! classes of [`highlight`], and for each id what kind of thing it names,
//! whether this is its definition, and whether it names a treatment that
//! has stopped.

use super::Session;
use super::highlight::{Class, highlight};
use super::tokens::{Kind, tokens};
use crate::ast::Entry;
use foldhash::HashMap;
use std::ops::Range;

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    /// A `concern`.
    Concern,
    /// A `goal`.
    Goal,
    /// An `objective`.
    Objective,
    /// An `intervention`.
    Intervention,
    /// A `medication`.
    Medication,
    /// A measure, declared in the plan or built in (`PHQ-9`).
    Measure,
}

/// One classified piece of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Its bytes in the text.
    pub range: Range<usize>,
    /// What it is.
    pub class: Class,
    /// For an id: what it names, when the plan or the catalogue knows it.
    pub id: Option<IdKind>,
    /// For an id: whether this is where it is defined.
    pub definition: bool,
    /// For an id of an intervention or medication: whether it was stopped
    /// on or before the session's date.
    pub stopped: bool,
}

/// The classified pieces of the session's text, in order.
///
/// ```
/// use careplan::CheckOptions;
/// use careplan::session::{IdKind, Session, semantic};
/// let text = "goal G1 \"Sleep\"\n\nsession 2026-10-01\n  score PHQ-9 12\n";
/// let session = Session::of_text(text.to_owned(), CheckOptions::new(jiff::civil::date(2026, 11, 22)));
/// let ids: Vec<(&str, Option<IdKind>, bool)> = semantic(&session)
///     .into_iter()
///     .filter(|p| p.id.is_some())
///     .map(|p| (&text[p.range], p.id, p.definition))
///     .collect();
/// assert_eq!(ids, [("G1", Some(IdKind::Goal), true), ("PHQ-9", Some(IdKind::Measure), false)]);
/// ```
pub fn semantic(session: &Session) -> Vec<Piece> {
    let text = session.text();
    let analysis = session.analysis();
    let document = &analysis.document;
    let as_of = session.as_of();
    // The first definition of each id counts, as for the checker.
    let mut named: HashMap<&str, IdKind> = HashMap::default();
    for entry in &document.entries {
        let kind = match entry {
            Entry::Concern(_) => IdKind::Concern,
            Entry::Goal(_) => IdKind::Goal,
            Entry::Objective(_) => IdKind::Objective,
            Entry::Intervention(_) => IdKind::Intervention,
            Entry::Medication(_) => IdKind::Medication,
            Entry::Measure(_) => IdKind::Measure,
            _ => continue,
        };
        if let Some(id) = entry.id() {
            named.entry(id.value.as_str()).or_insert(kind);
        }
    }
    let definitions: Vec<usize> = document
        .entries
        .iter()
        .filter_map(|e| e.id().map(|id| id.span.start))
        .collect();
    let measures = session.options().catalogue.measures_for(document);
    let has_stopped = |id: &str| {
        analysis
            .record
            .treatment(id)
            .and_then(|t| t.stopped.as_ref())
            .is_some_and(|s| s.date <= as_of)
    };
    let classified: HashMap<usize, Class> = highlight(text, session)
        .into_iter()
        .map(|(range, class)| (range.start, class))
        .collect();
    tokens(text)
        .into_iter()
        .filter_map(|token| {
            let word = token.text(text);
            let class = match classified.get(&token.range.start) {
                Some(class) => *class,
                // A built-in measure is an id the plan does not define.
                None if token.kind == Kind::Word && measures.get(word).is_some() => Class::Id,
                None => return None,
            };
            let id = (class == Class::Id)
                .then(|| {
                    named
                        .get(word)
                        .copied()
                        .or_else(|| measures.get(word).map(|_| IdKind::Measure))
                })
                .flatten();
            let definition = id.is_some() && definitions.contains(&token.range.start);
            let stopped =
                matches!(id, Some(IdKind::Intervention | IdKind::Medication)) && has_stopped(word);
            Some(Piece {
                range: token.range,
                class,
                id,
                definition,
                stopped,
            })
        })
        .collect()
}
