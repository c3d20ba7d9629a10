//! The connection: the handshake, the message loop, and the dispatch of
//! each notification to its handler; requests go to [`dispatch`].

mod dispatch;
mod folder;

use super::documents::{Configs, Document, file_path, file_uri};
use super::positions::Encoding;
use super::{actions, diagnostics, tokens};
use jiff::civil::Date;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request as req;
use lsp_types::{InitializeParams, ServerCapabilities, Uri};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::Duration;

/// Why the server stopped other than by the editor's `exit`.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The editor broke the protocol (no `initialize` first, a closed stream).
    #[error("the editor did not speak the language server protocol as expected: {0}")]
    Protocol(String),
    /// The editor said `exit` without `shutdown` first (it may have crashed).
    #[error("the editor ended the session without asking the server to shut down")]
    ExitWithoutShutdown,
}

impl From<lsp_server::ProtocolError> for ServerError {
    fn from(error: lsp_server::ProtocolError) -> Self {
        ServerError::Protocol(error.to_string())
    }
}

/// How often the loop wakes with nothing to do, to notice that the date
/// changed at midnight (date-dependent findings are published again).
const TICK: Duration = Duration::from_secs(60);

/// The documentation linked from each finding's code, unless the editor
/// names another (`initializationOptions.rulesUrl`): the rules' page of
/// the source this server was built from.
const RULES_DOC: &str = concat!("file://", env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");

/// The date plans are judged on: pinned by the editor, or the system's.
#[derive(Debug)]
struct Today {
    /// From `initializationOptions.today`.
    initial: Option<Date>,
    /// From the `careplan.today` setting, which wins.
    setting: Option<Date>,
    /// The system's date when last looked at.
    system: Date,
}

impl Today {
    fn date(&self) -> Date {
        self.setting.or(self.initial).unwrap_or(self.system)
    }

    /// Looks at the system's date; returns whether the date plans are judged on changed.
    fn tick(&mut self) -> bool {
        let before = self.date();
        self.system = jiff::Zoned::now().date();
        self.date() != before
    }
}

/// Everything the server holds between messages.
struct State {
    connection: Connection,
    encoding: Encoding,
    /// By URI (as text: the protocol's URI type cannot be a key).
    documents: HashMap<String, Document>,
    /// The workspace's folders, for workspace symbols and findings.
    folders: Vec<PathBuf>,
    configs: Configs,
    today: Today,
    /// Documents changed since their findings were last published.
    changed: HashSet<String>,
    /// The client pulls diagnostics (`textDocument/diagnostic`): nothing is pushed.
    pull: bool,
    /// The client accepts `workspace/diagnostic/refresh`.
    refresh: bool,
    rules_url: String,
    /// The client takes snippets in completions.
    snippets: bool,
    /// Whether inlay hints are shown (the `careplan.inlayHints.enable` setting).
    inlay_hints: bool,
    /// The client accepts `workspace/inlayHint/refresh`.
    inlay_refresh: bool,
    /// The client accepts `workspace/codeLens/refresh`.
    lens_refresh: bool,
    /// Configuration files whose errors are on show.
    config_shown: HashMap<String, Uri>,
    /// How many times every check was forgotten (the date or a
    /// configuration changed), for workspace findings' result ids.
    generation: u64,
    /// The client accepts `workspace/semanticTokens/refresh`.
    tokens_refresh: bool,
    /// The id of the next request to the client.
    next_id: i32,
    shutting_down: bool,
}

/// Serves one editor over `connection` until it says `exit`.
pub fn run(connection: Connection) -> Result<(), ServerError> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)
        .map_err(|e| ServerError::Protocol(format!("initialize: {e}")))?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let text_caps = params.capabilities.text_document.as_ref();
    let pull = text_caps.is_some_and(|t| t.diagnostic.is_some());
    let snippets = text_caps
        .and_then(|t| t.completion.as_ref())
        .and_then(|c| c.completion_item.as_ref())
        .and_then(|i| i.snippet_support)
        .unwrap_or(false);
    let workspace = params.capabilities.workspace.as_ref();
    let refresh = workspace
        .and_then(|w| w.diagnostic.as_ref())
        .and_then(|d| d.refresh_support)
        .unwrap_or(false);
    let inlay_refresh = workspace
        .and_then(|w| w.inlay_hint.as_ref())
        .and_then(|i| i.refresh_support)
        .unwrap_or(false);
    let lens_refresh = workspace
        .and_then(|w| w.code_lens.as_ref())
        .and_then(|c| c.refresh_support)
        .unwrap_or(false);
    let tokens_refresh = workspace
        .and_then(|w| w.semantic_tokens.as_ref())
        .and_then(|s| s.refresh_support)
        .unwrap_or(false);
    let watch = workspace
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    #[allow(deprecated)] // Older clients name only the root.
    let folders: Vec<PathBuf> = match (&params.workspace_folders, &params.root_uri) {
        (Some(folders), _) => folders.iter().filter_map(|f| file_path(&f.uri)).collect(),
        (None, Some(root)) => file_path(root).into_iter().collect(),
        (None, None) => Vec::new(),
    };
    let options = params.initialization_options.unwrap_or(Value::Null);
    let (initial, bad_date) = pinned(options.get("today"), "initializationOptions.today");
    let rules_url = options
        .get("rulesUrl")
        .and_then(Value::as_str)
        .unwrap_or(RULES_DOC)
        .to_owned();
    let result = serde_json::json!({
        "capabilities": capabilities(encoding, pull),
        "serverInfo": { "name": "careplan", "version": env!("CARGO_PKG_VERSION") },
    });
    connection.initialize_finish(id, result)?;
    let mut state = State {
        connection,
        encoding,
        documents: HashMap::new(),
        folders,
        configs: Configs::default(),
        today: Today {
            initial,
            setting: None,
            system: jiff::Zoned::now().date(),
        },
        changed: HashSet::new(),
        pull,
        refresh,
        rules_url,
        snippets,
        inlay_hints: inlay_setting(options.get("inlayHints")).unwrap_or(true),
        inlay_refresh,
        lens_refresh,
        config_shown: HashMap::new(),
        generation: 0,
        tokens_refresh,
        next_id: 0,
        shutting_down: false,
    };
    if let Some(message) = bad_date {
        state.warn(message);
    }
    if watch {
        state.watch_configs();
    }
    state.serve()
}

/// The date an editor's option `name` pins, if it pins one (absent, null
/// or empty: it does not), and what to tell the person when it is not a
/// date.
fn pinned(value: Option<&Value>, name: &str) -> (Option<Date>, Option<String>) {
    match value.and_then(Value::as_str).filter(|t| !t.is_empty()) {
        None => (None, None),
        Some(text) => match crate::parse::date(text) {
            Ok(date) => (Some(date), None),
            Err(error) => (
                None,
                Some(format!(
                    "careplan: `{name}` is not a date ({error}): write it as YYYY-MM-DD; \
                     until then it does not set the date plans are judged on"
                )),
            ),
        },
    }
}

/// The `enable` of an `inlayHints` setting, if it says (VS Code sends the
/// setting `careplan.inlayHints.enable` nested, other clients may send it
/// dotted or as a plain boolean).
fn inlay_setting(value: Option<&Value>) -> Option<bool> {
    let value = value?;
    value
        .as_bool()
        .or_else(|| value.get("enable").and_then(Value::as_bool))
}

/// What the server offers.
fn capabilities(encoding: Encoding, pull: bool) -> ServerCapabilities {
    use lsp_types::*;
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, actions::fix_all_kind()]),
            ..CodeActionOptions::default()
        })),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_highlight_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_range_formatting_provider: Some(OneOf::Left(true)),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: tokens::legend(),
                range: Some(true),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                ..SemanticTokensOptions::default()
            },
        )),
        inlay_hint_provider: Some(OneOf::Left(true)),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".to_owned(), ",".to_owned()]),
            ..CompletionOptions::default()
        }),
        diagnostic_provider: pull.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("careplan".to_owned()),
                inter_file_dependencies: false,
                workspace_diagnostics: true,
                work_done_progress_options: WorkDoneProgressOptions::default(),
            })
        }),
        ..ServerCapabilities::default()
    }
}

impl State {
    /// The loop: every queued message, then the checks and publications.
    fn serve(mut self) -> Result<(), ServerError> {
        loop {
            match self.connection.receiver.recv_timeout(TICK) {
                Ok(message) => {
                    if self.handle(message) {
                        return self.ended();
                    }
                }
                Err(error) if error.is_timeout() => {}
                Err(_) => {
                    return Err(ServerError::Protocol(
                        "the editor closed the connection without `exit`".to_owned(),
                    ));
                }
            }
            while let Ok(message) = self.connection.receiver.try_recv() {
                if self.handle(message) {
                    return self.ended();
                }
            }
            if self.today.tick() {
                self.recheck_all();
            }
            self.publish();
        }
    }

    /// How an `exit` ends the server: cleanly after `shutdown`, else as
    /// the protocol says, with a failure.
    fn ended(&self) -> Result<(), ServerError> {
        if self.shutting_down {
            Ok(())
        } else {
            Err(ServerError::ExitWithoutShutdown)
        }
    }

    /// Handles one message; returns whether it was `exit`.
    fn handle(&mut self, message: Message) -> bool {
        match message {
            Message::Request(request) => {
                let response = self.answer(request);
                self.send(response.into());
                false
            }
            Message::Notification(n) if n.method == note::Exit::METHOD => true,
            Message::Notification(n) => {
                let method = n.method.clone();
                let outcome = catch_unwind(AssertUnwindSafe(|| self.notified(n)));
                if outcome.is_err() {
                    self.notify::<note::LogMessage>(lsp_types::LogMessageParams {
                        typ: lsp_types::MessageType::ERROR,
                        message: format!(
                            "careplan: internal error while handling {method}; please report it"
                        ),
                    });
                }
                false
            }
            // Answers to our own requests (registration, refresh) need nothing.
            Message::Response(_) => false,
        }
    }

    fn answer(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        if self.shutting_down {
            return Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".to_owned(),
            );
        }
        let method = request.method.clone();
        match catch_unwind(AssertUnwindSafe(|| self.dispatch(request))) {
            Ok(response) => response,
            Err(_) => Response::new_err(
                id,
                ErrorCode::InternalError as i32,
                format!("careplan could not answer {method}: an internal error (please report it)"),
            ),
        }
    }

    fn notified(&mut self, n: Notification) {
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                {
                    let doc = p.text_document;
                    let key = doc.uri.as_str().to_owned();
                    let document = Document::new(doc.uri, doc.text, doc.version);
                    self.documents.insert(key.clone(), document);
                    self.changed.insert(key);
                }
            }
            note::DidChangeTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                {
                    let uri = p.text_document.uri;
                    if let Some(document) = self.documents.get_mut(uri.as_str()) {
                        document.change(p.text_document.version, p.content_changes, self.encoding);
                        self.changed.insert(uri.as_str().to_owned());
                    }
                }
            }
            note::DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                {
                    let uri = p.text_document.uri;
                    self.documents.remove(uri.as_str());
                    self.changed.remove(uri.as_str());
                    if !self.pull {
                        self.publish_to(uri, Vec::new(), None);
                    }
                }
            }
            note::DidChangeConfiguration::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeConfigurationParams>(n.params)
                {
                    let settings = p.settings.get("careplan");
                    let hints = settings.and_then(|c| {
                        inlay_setting(c.get("inlayHints"))
                            .or_else(|| c.get("inlayHints.enable").and_then(Value::as_bool))
                    });
                    // Shown again or hidden when the clients refresh below.
                    if let Some(shown) = hints {
                        self.inlay_hints = shown;
                    }
                    let today = settings.and_then(|c| c.get("today"));
                    let (setting, bad_date) = pinned(today, "careplan.today");
                    self.today.setting = setting;
                    if let Some(message) = bad_date {
                        self.warn(message);
                    }
                    self.recheck_all();
                }
            }
            note::DidChangeWatchedFiles::METHOD | note::DidSaveTextDocument::METHOD => {
                // A `careplan.toml` was created, changed or deleted (or saved in the editor).
                self.configs.forget();
                self.recheck_all();
            }
            _ => {}
        }
    }

    /// Forgets every check: the date or a configuration changed.
    fn recheck_all(&mut self) {
        self.generation += 1;
        for (key, document) in &mut self.documents {
            document.invalidate();
            self.changed.insert(key.clone());
        }
        if self.pull && self.refresh {
            self.request::<req::WorkspaceDiagnosticRefresh>(());
        }
        // Hints and lenses count days from today.
        if self.inlay_refresh {
            self.request::<req::InlayHintRefreshRequest>(());
        }
        if self.lens_refresh {
            self.request::<req::CodeLensRefresh>(());
        }
        // Whether a treatment has stopped depends on the date too.
        if self.tokens_refresh {
            self.request::<req::SemanticTokensRefresh>(());
        }
    }

    /// Checks each changed document and publishes its findings.
    fn publish(&mut self) {
        let today = self.today.date();
        let changed: Vec<String> = self.changed.drain().collect();
        for key in changed {
            let Some(document) = self.documents.get_mut(&key) else {
                continue;
            };
            let configs = &mut self.configs;
            let (encoding, rules_url, pull) = (self.encoding, &self.rules_url, self.pull);
            // A rule that panics must not take the editor's findings down with it.
            let items = catch_unwind(AssertUnwindSafe(|| {
                document.ensure_checked(|uri| configs.options_for(uri, today));
                (!pull).then(|| diagnostics::of_document(document, encoding, rules_url))
            }))
            .unwrap_or_else(|_| Some(vec![diagnostics::could_not_check()]));
            let Some(items) = items else { continue };
            let (uri, version) = (document.uri().clone(), Some(document.version()));
            self.publish_to(uri, items, version);
        }
        self.publish_config_errors();
    }

    /// Shows each unreadable `careplan.toml`'s error on that file, and
    /// clears those that are fixed.
    fn publish_config_errors(&mut self) {
        let mut shown = HashMap::new();
        for (path, error) in self.configs.errors() {
            let Some(uri) = file_uri(path) else { continue };
            let text = crate::workspace::read_bytes(path, crate::workspace::CONFIG_LIMIT)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .unwrap_or_default();
            let item = diagnostics::of_config_error(error, &text, self.encoding);
            shown.insert(uri.as_str().to_owned(), (uri, vec![item]));
        }
        let fixed: Vec<String> = self
            .config_shown
            .keys()
            .filter(|k| !shown.contains_key(*k))
            .cloned()
            .collect();
        for key in fixed {
            if let Some(uri) = self.config_shown.remove(&key) {
                self.publish_to(uri, Vec::new(), None);
            }
        }
        for (key, (uri, items)) in shown {
            if self.config_shown.insert(key, uri.clone()).is_none() {
                self.publish_to(uri, items, None);
            }
        }
    }

    fn publish_to(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.notify::<note::PublishDiagnostics>(lsp_types::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        });
    }

    /// Asks the client to tell the server when a `careplan.toml` changes.
    fn watch_configs(&mut self) {
        let options = lsp_types::DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![lsp_types::FileSystemWatcher {
                glob_pattern: lsp_types::GlobPattern::String(format!(
                    "**/{}",
                    crate::config::FILE_NAME
                )),
                kind: None,
            }],
        };
        self.request::<req::RegisterCapability>(lsp_types::RegistrationParams {
            registrations: vec![lsp_types::Registration {
                id: "careplan-config".to_owned(),
                method: note::DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: serde_json::to_value(options).ok(),
            }],
        });
    }

    /// Shows `message` to the person in the editor.
    fn warn(&self, message: String) {
        self.notify::<note::ShowMessage>(lsp_types::ShowMessageParams {
            typ: lsp_types::MessageType::WARNING,
            message,
        });
    }

    fn notify<N: note::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_owned(), params).into());
    }

    fn request<R: req::Request>(&mut self, params: R::Params) {
        self.next_id += 1;
        let id = RequestId::from(format!("careplan-{}", self.next_id));
        self.send(Request::new(id, R::METHOD.to_owned(), params).into());
    }

    fn send(&self, message: Message) {
        // A closed channel means the editor is gone; the loop notices it.
        let _ = self.connection.sender.send(message);
    }
}
