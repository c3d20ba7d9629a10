//! Requests about the whole workspace: its symbols and its findings, over
//! every open plan and the `*.careplan` files of the workspace's folders
//! (read from disk when not open; at most [`MOST_FILES`] of them).

use super::State;
use crate::server::documents::{Document, file_uri};
use crate::server::{Open, diagnostics, symbols};
use lsp_types::{
    FullDocumentDiagnosticReport, Location, OneOf, Uri, WorkspaceDiagnosticReport,
    WorkspaceDocumentDiagnosticReport, WorkspaceFullDocumentDiagnosticReport, WorkspaceSymbol,
    WorkspaceSymbolParams, WorkspaceSymbolResponse,
};

/// The most plan files read from a workspace's folders (and the most
/// folders entered), so that opening a home folder cannot stall the server.
pub const MOST_FILES: usize = 2000;

/// The most symbols one search returns.
const MOST_SYMBOLS: usize = 1000;

impl State {
    /// Calls `each` with every plan of the workspace, checked, and its
    /// version when it is open.
    fn each_plan(&mut self, mut each: impl FnMut(&Open<'_>, Option<i32>)) {
        let today = self.today.date();
        let configs = &mut self.configs;
        let mut on_disk = Vec::new();
        for folder in &self.folders {
            for path in crate::workspace::discover_at_most(folder, MOST_FILES) {
                let Some(uri) = file_uri(&path) else { continue };
                if self.documents.contains_key(uri.as_str()) {
                    continue;
                }
                // A file that cannot be read, or is not text, has no symbols
                // to give; `careplan check` says why.
                if let Ok(crate::workspace::Contents::Text(text)) = crate::workspace::read(&path) {
                    on_disk.push(Document::new(uri, text, 0));
                }
            }
        }
        on_disk.truncate(MOST_FILES);
        for document in self.documents.values_mut().chain(on_disk.iter_mut()) {
            document.ensure_checked(|uri| configs.options_for(uri, today));
        }
        let open = self.documents.values().map(|d| (d, Some(d.version())));
        for (document, version) in open.chain(on_disk.iter().map(|d| (d, None))) {
            if let Some(session) = document.checked() {
                let plan = Open {
                    document,
                    session,
                    encoding: self.encoding,
                };
                each(&plan, version);
            }
        }
    }

    /// The definitions and dated entries of every plan whose name (`goal
    /// G1`) or description contains `query`, ignoring case.
    pub(super) fn workspace_symbols(
        &mut self,
        params: &WorkspaceSymbolParams,
    ) -> WorkspaceSymbolResponse {
        let query = params.query.to_lowercase();
        let mut found = Vec::new();
        self.each_plan(|plan, _| {
            let uri = plan.document.uri();
            for symbol in symbols::outline(plan) {
                let detail = symbol.detail.as_deref().unwrap_or("").to_lowercase();
                if found.len() >= MOST_SYMBOLS
                    || !(symbol.name.to_lowercase().contains(&query) || detail.contains(&query))
                {
                    continue;
                }
                found.push(WorkspaceSymbol {
                    name: symbol.name,
                    kind: symbol.kind,
                    tags: None,
                    container_name: Some(shown_name(uri)),
                    location: OneOf::Left(Location::new(uri.clone(), symbol.selection_range)),
                    data: None,
                });
            }
        });
        WorkspaceSymbolResponse::Nested(found)
    }

    /// Every plan's findings, each with its version when it is open.
    pub(super) fn workspace_diagnostics(&mut self) -> WorkspaceDiagnosticReport {
        let rules_url = self.rules_url.clone();
        let mut items = Vec::new();
        self.each_plan(|plan, version| {
            let found = diagnostics::of_document(plan.document, plan.encoding, &rules_url);
            items.push(WorkspaceDocumentDiagnosticReport::Full(
                WorkspaceFullDocumentDiagnosticReport {
                    uri: plan.document.uri().clone(),
                    version: version.map(i64::from),
                    full_document_diagnostic_report: FullDocumentDiagnosticReport {
                        result_id: None,
                        items: found,
                    },
                },
            ));
        });
        WorkspaceDiagnosticReport { items }
    }
}

/// The file name a symbol's plan is known by.
fn shown_name(uri: &Uri) -> String {
    let text = uri.as_str();
    text.rsplit('/').next().unwrap_or(text).to_owned()
}
