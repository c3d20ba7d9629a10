//! Inlay hints and code lenses: the library's hints and lenses
//! ([`crate::session::hints`], [`crate::session::lenses`]) at their
//! positions. A lens has a title only: there is nothing to run.

use super::Open;
use crate::session::{hints as library_hints, lenses as library_lenses};
use crate::span::Span;
use lsp_types::{CodeLens, Command, InlayHint, InlayHintLabel, Range};

/// The hints within `range`.
pub fn hints(open: &Open<'_>, range: Range) -> Vec<InlayHint> {
    let only = open.span(range);
    library_hints(open.session)
        .into_iter()
        .filter(|h| only.start <= h.at && h.at <= only.end)
        .map(|h| InlayHint {
            position: open.range(Span::new(h.at, h.at)).start,
            label: InlayHintLabel::String(h.label),
            kind: None,
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .collect()
}

/// A lens over each goal's and objective's header.
pub fn lenses(open: &Open<'_>) -> Vec<CodeLens> {
    library_lenses(open.session)
        .into_iter()
        .map(|lens| CodeLens {
            range: open.range(lens.span),
            command: Some(Command {
                title: lens.label,
                command: String::new(),
                arguments: None,
            }),
            data: None,
        })
        .collect()
}
