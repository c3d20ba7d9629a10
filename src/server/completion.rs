//! Completion: the REPL's completion ([`crate::session::complete`]) over
//! the document's text up to the cursor, each candidate replacing the word
//! typed so far; where an entry starts, a `session` for today written out
//! from the plan ([`crate::session::session_skeleton`]), as a snippet when
//! the client takes snippets.

use super::Open;
use crate::ast::Entry;
use crate::session::{CompletionKind, Part, complete as candidates, session_skeleton};
use crate::span::Span;
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionResponse, CompletionTextEdit,
    InsertTextFormat, Position, Range, TextEdit,
};

/// What may be typed at `position`; `None` where nothing fits. `snippets`:
/// whether the client takes snippets (placeholders to tab through).
pub fn complete(open: &Open<'_>, position: Position, snippets: bool) -> Option<CompletionResponse> {
    let text = open.text();
    let offset = open.offset(position);
    let before = text.get(..offset)?;
    let found = candidates(before, open.session);
    let kind = match found.kind {
        CompletionKind::Entry | CompletionKind::Field => CompletionItemKind::KEYWORD,
        CompletionKind::Id => CompletionItemKind::REFERENCE,
        CompletionKind::Word => CompletionItemKind::ENUM_MEMBER,
        CompletionKind::Rule => CompletionItemKind::VALUE,
        // REPL commands and file paths are not part of a plan file.
        CompletionKind::Command | CompletionKind::Path | CompletionKind::Nothing => return None,
    };
    let range = open.range(Span::new(found.start.min(offset), offset));
    let skeleton = (found.kind == CompletionKind::Entry
        && found.candidates.iter().any(|c| c == "session"))
    .then(|| session_entry(open, range, snippets));
    let items = found
        .candidates
        .into_iter()
        .enumerate()
        .map(|(rank, label)| CompletionItem {
            kind: Some(kind),
            // Keep the library's order, which puts the likeliest first.
            sort_text: Some(format!("{rank:04}")),
            detail: (kind == CompletionItemKind::REFERENCE)
                .then(|| described(open, &label))
                .flatten(),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                range,
                label.clone(),
            ))),
            label,
            ..CompletionItem::default()
        })
        .chain(skeleton)
        .collect();
    Some(CompletionResponse::List(CompletionList {
        is_incomplete: false,
        items,
    }))
}

/// A `session` for today with the plan's active interventions and its
/// open goals' measures, replacing `range`: the responses and scores are
/// placeholders to tab through, or left empty for a client without snippets.
fn session_entry(open: &Open<'_>, range: Range, snippets: bool) -> CompletionItem {
    let mut text = String::new();
    let mut stop = 0;
    for part in session_skeleton(open.session) {
        match part {
            Part::Text(t) if snippets => {
                for c in t.chars() {
                    if matches!(c, '$' | '}' | '\\') {
                        text.push('\\');
                    }
                    text.push(c);
                }
            }
            Part::Text(t) => text.push_str(&t),
            Part::Placeholder(label) if snippets => {
                stop += 1;
                text.push_str(&format!("${{{stop}:{label}}}"));
            }
            Part::Placeholder(_) => {}
        }
    }
    CompletionItem {
        label: "session (today)".to_owned(),
        kind: Some(CompletionItemKind::SNIPPET),
        detail: Some(format!(
            "a session on {} with the active interventions and the goals' measures",
            open.session.as_of()
        )),
        filter_text: Some("session".to_owned()),
        sort_text: Some("9999".to_owned()),
        insert_text_format: Some(if snippets {
            InsertTextFormat::SNIPPET
        } else {
            InsertTextFormat::PLAIN_TEXT
        }),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, text))),
        ..CompletionItem::default()
    }
}

/// What an id names, in a few words: a goal's or concern's text, an
/// intervention's modality, a medication's drug, a measure's name.
fn described(open: &Open<'_>, id: &str) -> Option<String> {
    let document = &open.session.analysis().document;
    let entry = document
        .entries
        .iter()
        .find(|e| e.id().is_some_and(|i| i.value == id));
    match entry {
        Some(Entry::Goal(g)) => Some(g.text.value.clone()),
        Some(Entry::Objective(o)) => Some(o.text.value.clone()),
        Some(Entry::Concern(c)) => Some(c.text.value.clone()),
        Some(Entry::Intervention(i)) => Some(match &i.technique {
            Some(technique) => format!("{} {}", i.modality.value, technique.value),
            None => i.modality.value.to_string(),
        }),
        Some(Entry::Medication(m)) => Some(m.drug.value.clone()),
        _ => {
            let measures = open.session.options().catalogue.measures_for(document);
            measures.get(id).map(|m| m.name.clone())
        }
    }
}
