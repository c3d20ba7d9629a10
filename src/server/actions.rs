//! Code actions: the fixes of the findings under the cursor as quick fixes,
//! and "apply every safe fix" as the document's fix-all source action.

use super::Open;
use super::diagnostics::convert;
use super::formatting::edits;
use crate::check::autofix;
use crate::diagnostic::{Diagnostic, Fix};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// The kind of the fix-all action, as editors ask for it on save.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.careplan")
}

/// The actions for `range` of the document: each fix of each finding the
/// range touches (safe ones preferred; allowing the rule always last), then
/// the fix-all action when the document has a safe fix. `only` limits the
/// kinds, as the client asks.
pub fn actions(
    open: &Open<'_>,
    uri: &Uri,
    range: Range,
    only: Option<&[CodeActionKind]>,
    rules_url: &str,
) -> Vec<CodeActionOrCommand> {
    let wanted = |kind: &CodeActionKind| {
        only.is_none_or(|kinds| {
            kinds.iter().any(|k| {
                kind.as_str() == k.as_str()
                    || kind.as_str().starts_with(&format!("{}.", k.as_str()))
            })
        })
    };
    let (start, end) = (open.offset(range.start), open.offset(range.end));
    let mut out = Vec::new();
    if wanted(&CodeActionKind::QUICKFIX) {
        let touched = open
            .session
            .check()
            .iter()
            .filter(|d| d.span.start <= end && start <= d.span.end);
        for finding in touched {
            for fix in &finding.fixes {
                out.push(quick_fix(open, uri, finding, fix, rules_url));
            }
        }
    }
    if wanted(&fix_all_kind()) && open.session.check().iter().any(has_safe_fix) {
        out.extend(fix_all(open, uri));
    }
    out
}

/// Whether `finding` has a fix `check --fix` would apply.
fn has_safe_fix(finding: &Diagnostic) -> bool {
    finding.fixes.iter().any(|f| f.safe)
}

/// One fix of one finding as a quick fix.
fn quick_fix(
    open: &Open<'_>,
    uri: &Uri,
    finding: &Diagnostic,
    fix: &Fix,
    rules_url: &str,
) -> CodeActionOrCommand {
    let text_edits = fix
        .edits
        .iter()
        .map(|e| TextEdit::new(open.range(e.span), e.text.clone()))
        .collect();
    let shown = convert(
        finding,
        open.text(),
        open.document.lines(),
        open.encoding,
        rules_url,
    );
    CodeActionOrCommand::CodeAction(CodeAction {
        title: fix.title.clone(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![shown]),
        edit: Some(changes(uri, text_edits)),
        is_preferred: Some(fix.safe),
        ..CodeAction::default()
    })
}

/// Every safe fix of the document at once, as the fewest line edits.
fn fix_all(open: &Open<'_>, uri: &Uri) -> Option<CodeActionOrCommand> {
    let text = open.text();
    let fixed = autofix(text, open.session.options());
    if fixed.applied.is_empty() {
        return None;
    }
    let text_edits = edits(text, &fixed.text)
        .into_iter()
        .map(|(span, new)| TextEdit::new(open.range(span), new))
        .collect();
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: format!(
            "Apply {} careplan can make safely",
            crate::diagnostic::plural(fixed.applied.len(), "fix", "fixes")
        ),
        kind: Some(fix_all_kind()),
        edit: Some(changes(uri, text_edits)),
        ..CodeAction::default()
    }))
}

/// A workspace edit of one document.
fn changes(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}
