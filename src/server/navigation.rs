//! Ids across a plan: go to definition, references, highlights and rename.
//!
//! An id's uses are the words equal to it outside strings and comments and
//! not first on their line (the first word of a line is a keyword); its
//! definition is the entry that introduces it.

use super::{Open, Refusal};
use crate::session::{TokenKind, tokens};
use crate::span::Span;
use lsp_types::{
    DocumentHighlight, DocumentHighlightKind, Location, Position, PrepareRenameResponse, TextEdit,
    Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// The word of an id at a position, and every place it stands.
struct Occurrences {
    id: String,
    /// The word the position is on.
    at: Span,
    /// Where the entry introducing it names it, when the plan defines it.
    definition: Option<Span>,
    /// Every place it stands, the definition included, in file order.
    all: Vec<Span>,
}

/// Every id word in `text`: words that are not first on their line.
pub(super) fn id_words(text: &str) -> impl Iterator<Item = Span> + '_ {
    tokens(text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word && !t.first)
        .map(|t| Span::new(t.range.start, t.range.end))
}

/// The id word that `offset` touches (a cursor just after a word is on it).
pub(super) fn word_at(text: &str, offset: usize) -> Option<Span> {
    id_words(text).find(|w| w.start <= offset && offset <= w.end)
}

fn occurrences(open: &Open<'_>, position: Position) -> Option<Occurrences> {
    let text = open.text();
    let at = word_at(text, open.offset(position))?;
    let id = at.text(text).to_owned();
    let document = &open.session.analysis().document;
    let definition = document
        .entries
        .iter()
        .filter_map(|e| e.id())
        .find(|i| i.value == id)
        .map(|i| i.span);
    let known_measure = open
        .session
        .options()
        .catalogue
        .measures_for(document)
        .get(&id)
        .is_some();
    if definition.is_none() && !known_measure {
        return None;
    }
    let all = id_words(text).filter(|w| w.text(text) == id).collect();
    Some(Occurrences {
        id,
        at,
        definition,
        all,
    })
}

/// Where the id at `position` is defined.
pub fn definition(open: &Open<'_>, uri: &Uri, position: Position) -> Option<Location> {
    let span = occurrences(open, position)?.definition?;
    Some(Location::new(uri.clone(), open.range(span)))
}

/// Every use of the id at `position` (with its definition when asked).
pub fn references(
    open: &Open<'_>,
    uri: &Uri,
    position: Position,
    with_definition: bool,
) -> Vec<Location> {
    let Some(found) = occurrences(open, position) else {
        return Vec::new();
    };
    found
        .all
        .iter()
        .filter(|s| with_definition || Some(**s) != found.definition)
        .map(|s| Location::new(uri.clone(), open.range(*s)))
        .collect()
}

/// The id at `position` wherever it stands: written at its definition, read elsewhere.
pub fn highlights(open: &Open<'_>, position: Position) -> Vec<DocumentHighlight> {
    let Some(found) = occurrences(open, position) else {
        return Vec::new();
    };
    found
        .all
        .iter()
        .map(|s| DocumentHighlight {
            range: open.range(*s),
            kind: Some(if Some(*s) == found.definition {
                DocumentHighlightKind::WRITE
            } else {
                DocumentHighlightKind::READ
            }),
        })
        .collect()
}

/// The id a rename at `position` would change; refused off a plan's own id.
pub fn prepare_rename(
    open: &Open<'_>,
    position: Position,
) -> Result<PrepareRenameResponse, Refusal> {
    let found = renamable(open, position)?;
    Ok(PrepareRenameResponse::RangeWithPlaceholder {
        range: open.range(found.at),
        placeholder: found.id,
    })
}

/// Renames the id at `position` to `new_name` everywhere in the plan.
/// Refused when the name is not an id, or names something already.
pub fn rename(
    open: &Open<'_>,
    uri: &Uri,
    position: Position,
    new_name: &str,
) -> Result<WorkspaceEdit, Refusal> {
    let found = renamable(open, position)?;
    if new_name == found.id {
        return Ok(WorkspaceEdit::default());
    }
    if !is_id(new_name) {
        return Err(Refusal(format!(
            "`{new_name}` is not an id: an id starts with a letter and goes on with letters, digits, `-`, `_` or `.` (as in `G2`)"
        )));
    }
    let document = &open.session.analysis().document;
    let taken = document
        .entries
        .iter()
        .filter_map(|e| e.id())
        .any(|i| i.value == new_name)
        || open
            .session
            .options()
            .catalogue
            .measures_for(document)
            .get(new_name)
            .is_some();
    if taken {
        return Err(Refusal(format!(
            "`{new_name}` already names something in this plan: choose another id"
        )));
    }
    let edits = found
        .all
        .iter()
        .map(|s| TextEdit::new(open.range(*s), new_name.to_owned()))
        .collect();
    Ok(WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    })
}

fn renamable(open: &Open<'_>, position: Position) -> Result<Occurrences, Refusal> {
    match occurrences(open, position) {
        Some(found) if found.definition.is_some() => Ok(found),
        Some(found) => Err(Refusal(format!(
            "`{}` is a built-in measure, not an id this plan defines: it cannot be renamed",
            found.id
        ))),
        None => Err(Refusal(
            "there is no id here: rename works on the id of a goal, objective, concern, intervention, medication or measure".to_owned(),
        )),
    }
}

/// Whether `name` is written as the grammar reads an id, and is not `for`.
fn is_id(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(char::is_alphabetic)
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && name != "for"
}
