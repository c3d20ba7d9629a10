//! The outline (the plan, its definitions, then the record by date) and
//! the folding ranges (entries and multi-line strings).

use super::Open;
use crate::ast::Entry;
use crate::session::{TokenKind, tokens};
use crate::span::Span;
use lsp_types::{DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind};

/// The document's outline: the plan and each definition in file order,
/// then the dated entries in the order the record replays them.
pub fn outline(open: &Open<'_>) -> Vec<DocumentSymbol> {
    let analysis = open.session.analysis();
    let entries = &analysis.document.entries;
    let definitions = entries.iter().filter(|e| e.date().is_none());
    let dated = analysis
        .record
        .timeline
        .iter()
        .filter_map(|&(_, index)| entries.get(index));
    definitions.chain(dated).map(|e| symbol(open, e)).collect()
}

fn symbol(open: &Open<'_>, entry: &Entry) -> DocumentSymbol {
    let text = open.text();
    let keyword = entry.keyword();
    let (name, selection) = match (entry, entry.id(), entry.date()) {
        (Entry::Plan(plan), _, _) => (format!("plan \"{}\"", plan.title.value), entry.header()),
        (_, Some(id), _) => (format!("{keyword} {}", id.value), id.span),
        (_, None, Some(date)) => (format!("{keyword} {}", date.span.text(text)), date.span),
        _ => (keyword.to_owned(), entry.header()),
    };
    let detail = match entry {
        Entry::Concern(c) => Some(c.text.value.clone()),
        Entry::Goal(g) => Some(g.text.value.clone()),
        Entry::Objective(o) => Some(o.text.value.clone()),
        Entry::Measure(m) => Some(m.name.value.clone()),
        Entry::Event(e) => Some(e.text.value.clone()),
        _ => None,
    };
    let kind = match entry {
        Entry::Plan(_) => SymbolKind::FILE,
        Entry::Concern(_) => SymbolKind::INTERFACE,
        Entry::Goal(_) => SymbolKind::CLASS,
        Entry::Objective(_) => SymbolKind::METHOD,
        Entry::Intervention(_) | Entry::Medication(_) => SymbolKind::FUNCTION,
        Entry::Measure(_) => SymbolKind::CONSTANT,
        _ => SymbolKind::EVENT,
    };
    let span = trimmed(entry.span(), text);
    #[allow(deprecated)] // `deprecated` is a required field of the protocol's struct.
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: open.range(span),
        selection_range: open.range(selection),
        children: None,
    }
}

/// `span` without the line breaks and spaces that end it.
fn trimmed(span: Span, text: &str) -> Span {
    let kept = span.text(text).trim_end().len();
    Span::new(span.start, span.start + kept)
}

/// Each entry and each string of more than one line, as a range to fold.
pub fn folding(open: &Open<'_>) -> Vec<FoldingRange> {
    let text = open.text();
    let entries = open
        .session
        .analysis()
        .document
        .entries
        .iter()
        .map(|e| (trimmed(e.span(), text), None));
    let strings = tokens(text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Str && t.text(text).contains('\n'))
        .map(|t| {
            (
                Span::new(t.range.start, t.range.end),
                Some(FoldingRangeKind::Region),
            )
        });
    let mut ranges: Vec<FoldingRange> = entries
        .chain(strings)
        .filter_map(|(span, kind)| {
            let range = open.range(span);
            (range.end.line > range.start.line).then_some(FoldingRange {
                start_line: range.start.line,
                end_line: range.end.line,
                kind,
                ..FoldingRange::default()
            })
        })
        .collect();
    ranges.sort_by_key(|r| (r.start_line, r.end_line));
    ranges
}
