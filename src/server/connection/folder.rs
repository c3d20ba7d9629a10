//! Requests about the whole workspace: its symbols and its findings, over
//! every open plan and the `*.careplan` files of the workspace's folders
//! (read from disk when not open; at most [`MOST_FILES`] of them).

use super::State;
use crate::server::documents::{Document, file_uri};
use crate::server::{Open, diagnostics, symbols};
use lsp_types::{
    FullDocumentDiagnosticReport, Location, OneOf, UnchangedDocumentDiagnosticReport, Uri,
    WorkspaceDiagnosticParams, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport,
    WorkspaceFullDocumentDiagnosticReport, WorkspaceSymbol, WorkspaceSymbolParams,
    WorkspaceSymbolResponse, WorkspaceUnchangedDocumentDiagnosticReport,
};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// The most plan files read from a workspace's folders (and the most
/// folders entered), so that opening a home folder cannot stall the server.
pub const MOST_FILES: usize = 2000;

/// The most symbols one search returns.
const MOST_SYMBOLS: usize = 1000;

impl State {
    /// The plans of the workspace's folders that are not open, as on disk
    /// and not yet checked.
    fn on_disk(&self) -> Vec<Document> {
        let mut found = Vec::new();
        for folder in &self.folders {
            for path in crate::workspace::discover_at_most(folder, MOST_FILES) {
                let Some(uri) = file_uri(&path) else { continue };
                if self.documents.contains_key(uri.as_str()) {
                    continue;
                }
                // A file that cannot be read, or is not text, has no symbols
                // to give; `careplan check` says why.
                if let Ok(crate::workspace::Contents::Text(text)) = crate::workspace::read(&path) {
                    found.push(Document::new(uri, text, 0));
                }
            }
        }
        found.truncate(MOST_FILES);
        found
    }

    /// Calls `each` with every open plan and those of `on_disk`, checked
    /// unless `skip` says the client has its findings already, and its
    /// version when it is open.
    fn each_plan(
        &mut self,
        mut on_disk: Vec<Document>,
        skip: impl Fn(&Document) -> bool,
        mut each: impl FnMut(&Document, Option<Open<'_>>, Option<i32>),
    ) {
        let today = self.today.date();
        let configs = &mut self.configs;
        for document in self.documents.values_mut().chain(on_disk.iter_mut()) {
            if !skip(document) {
                document.ensure_checked(|uri| configs.options_for(uri, today));
            }
        }
        let open = self.documents.values().map(|d| (d, Some(d.version())));
        for (document, version) in open.chain(on_disk.iter().map(|d| (d, None))) {
            let plan = document
                .checked()
                .filter(|_| !skip(document))
                .map(|session| Open {
                    document,
                    session,
                    encoding: self.encoding,
                });
            each(document, plan, version);
        }
    }

    /// What a plan's findings depend on, as a result id: its text, the
    /// date, and the configurations (which [`State::recheck_all`] counts).
    fn result_id(&self, document: &Document) -> String {
        let mut hasher = DefaultHasher::new();
        (document.text(), self.today.date(), self.generation).hash(&mut hasher);
        format!("{:016x}", hasher.finish())
    }

    /// The definitions and dated entries of every plan whose name (`goal
    /// G1`) or description contains `query`, ignoring case.
    pub(super) fn workspace_symbols(
        &mut self,
        params: &WorkspaceSymbolParams,
    ) -> WorkspaceSymbolResponse {
        let query = params.query.to_lowercase();
        let mut found = Vec::new();
        let on_disk = self.on_disk();
        self.each_plan(
            on_disk,
            |_| false,
            |_, plan, _| {
                let Some(plan) = plan else { return };
                let uri = plan.document.uri();
                for symbol in symbols::outline(&plan) {
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
            },
        );
        WorkspaceSymbolResponse::Nested(found)
    }

    /// Every plan's findings, each with its version when it is open; a
    /// plan the client has the findings of already (`previous` holds its
    /// result id) is reported unchanged, and is not checked again.
    pub(super) fn workspace_diagnostics(
        &mut self,
        params: &WorkspaceDiagnosticParams,
    ) -> WorkspaceDiagnosticReport {
        let previous: HashMap<&str, &str> = params
            .previous_result_ids
            .iter()
            .map(|p| (p.uri.as_str(), p.value.as_str()))
            .collect();
        let on_disk = self.on_disk();
        let mut ids = HashMap::new();
        for document in self.documents.values().chain(on_disk.iter()) {
            ids.insert(document.uri().as_str().to_owned(), self.result_id(document));
        }
        let known = |d: &Document| {
            let uri = d.uri().as_str();
            previous.get(uri).copied() == ids.get(uri).map(String::as_str)
        };
        let rules_url = self.rules_url.clone();
        let mut items = Vec::new();
        self.each_plan(on_disk, known, |document, plan, version| {
            let uri = document.uri().clone();
            let (version, result_id) = (version.map(i64::from), ids.get(uri.as_str()).cloned());
            items.push(match plan {
                Some(plan) => {
                    WorkspaceDocumentDiagnosticReport::Full(WorkspaceFullDocumentDiagnosticReport {
                        uri,
                        version,
                        full_document_diagnostic_report: FullDocumentDiagnosticReport {
                            result_id,
                            items: diagnostics::of_document(
                                plan.document,
                                plan.encoding,
                                &rules_url,
                            ),
                        },
                    })
                }
                None => WorkspaceDocumentDiagnosticReport::Unchanged(
                    WorkspaceUnchangedDocumentDiagnosticReport {
                        uri,
                        version,
                        unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                            result_id: result_id.unwrap_or_default(),
                        },
                    },
                ),
            });
        });
        WorkspaceDiagnosticReport { items }
    }
}

/// The file name a symbol's plan is known by.
fn shown_name(uri: &Uri) -> String {
    let text = uri.as_str();
    text.rsplit('/').next().unwrap_or(text).to_owned()
}
