//! Completion: the REPL's completion ([`crate::session::complete`]) over
//! the document's text up to the cursor, each candidate replacing the word
//! typed so far.

use super::Open;
use crate::ast::Entry;
use crate::session::{CompletionKind, complete as candidates};
use crate::span::Span;
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionResponse, CompletionTextEdit,
    Position, TextEdit,
};

/// What may be typed at `position`; `None` where nothing fits.
pub fn complete(open: &Open<'_>, position: Position) -> Option<CompletionResponse> {
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
        .collect();
    Some(CompletionResponse::List(CompletionList {
        is_incomplete: false,
        items,
    }))
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
            None => i.modality.value.clone(),
        }),
        Some(Entry::Medication(m)) => Some(m.drug.value.clone()),
        _ => {
            let measures = open.session.options().catalogue.measures_for(document);
            measures.get(id).map(|m| m.name.clone())
        }
    }
}
