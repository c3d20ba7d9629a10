//! Completion: the REPL's completion ([`crate::session::complete`]) over
//! the document's text up to the cursor, each candidate replacing the word
//! typed so far.

use super::Open;
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
