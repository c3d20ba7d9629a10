//! A test client: the server on a thread over `Connection::memory()`,
//! and the few calls a test makes.

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a test waits for one message before it fails.
const WAIT: Duration = Duration::from_secs(20);

/// The date every test judges plans on.
pub const TODAY: &str = "2026-12-01";

pub struct Client {
    connection: Connection,
    server: Option<JoinHandle<Result<(), careplan::server::ServerError>>>,
    next: i32,
    /// Notifications received while waiting for something else.
    pending: Vec<Notification>,
    /// The server's answer to `initialize`.
    pub initialized: Value,
}

impl Client {
    /// A server initialized with `capabilities` and `today` pinned to [`TODAY`].
    pub fn start(capabilities: Value) -> Client {
        Client::start_with(capabilities, json!({ "today": TODAY }))
    }

    pub fn start_with(capabilities: Value, options: Value) -> Client {
        Client::start_in(capabilities, options, &[])
    }

    /// A server whose workspace is the folders at `folders` (`file:` URIs).
    pub fn start_in(capabilities: Value, options: Value, folders: &[&str]) -> Client {
        let (server, connection) = Connection::memory();
        let handle = std::thread::spawn(move || careplan::server::run(server));
        let mut client = Client {
            connection,
            server: Some(handle),
            next: 0,
            pending: Vec::new(),
            initialized: Value::Null,
        };
        let folders: Vec<Value> = folders
            .iter()
            .map(|uri| json!({ "uri": uri, "name": "plans" }))
            .collect();
        let params = json!({
            "processId": null,
            "rootUri": null,
            "workspaceFolders": if folders.is_empty() { Value::Null } else { json!(folders) },
            "capabilities": capabilities,
            "initializationOptions": options,
        });
        client.initialized = client
            .request("initialize", params)
            .expect("initialize answered");
        client.notify("initialized", json!({}));
        client
    }

    /// A server whose client offers the position encodings `encodings`.
    pub fn offering(encodings: &[&str]) -> Client {
        Client::start(json!({ "general": { "positionEncodings": encodings } }))
    }

    pub fn notify(&self, method: &str, params: Value) {
        let message = Notification::new(method.to_owned(), params);
        self.connection
            .sender
            .send(message.into())
            .expect("server alive");
    }

    /// Sends a request and waits for its answer: the result, or the error's message.
    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.next += 1;
        let id = RequestId::from(self.next);
        let message = Request::new(id.clone(), method.to_owned(), params);
        self.connection
            .sender
            .send(message.into())
            .expect("server alive");
        loop {
            match self.recv() {
                Message::Response(r) if r.id == id => {
                    return r.response_result.map_err(|e| e.message);
                }
                Message::Notification(n) => self.pending.push(n),
                _ => {}
            }
        }
    }

    /// The next diagnostics published for `uri`: `(version, diagnostics)`.
    pub fn diagnostics(&mut self, uri: &str) -> (Value, Vec<Value>) {
        let check = |n: &Notification| {
            (n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri).then(|| {
                let items = n.params["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                (n.params["version"].clone(), items)
            })
        };
        if let Some(at) = self.pending.iter().position(|n| check(n).is_some()) {
            let n = self.pending.remove(at);
            return check(&n).expect("checked above");
        }
        loop {
            if let Message::Notification(n) = self.recv() {
                match check(&n) {
                    Some(found) => return found,
                    None => self.pending.push(n),
                }
            }
        }
    }

    /// The next notification `method` (received already, or waited for).
    pub fn notification(&mut self, method: &str) -> Value {
        if let Some(at) = self.pending.iter().position(|n| n.method == method) {
            return self.pending.remove(at).params;
        }
        loop {
            if let Message::Notification(n) = self.recv() {
                if n.method == method {
                    return n.params;
                }
                self.pending.push(n);
            }
        }
    }

    /// The params of the next request the server sends the client with
    /// `method` (one sent while the client waited for something else is lost).
    pub fn server_request(&mut self, method: &str) -> Value {
        loop {
            match self.recv() {
                Message::Request(r) if r.method == method => return r.params,
                Message::Notification(n) => self.pending.push(n),
                _ => {}
            }
        }
    }

    /// Opens `text` as `uri` at version 1 and returns its first diagnostics.
    pub fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "careplan", "version": 1, "text": text } }),
        );
        let (version, items) = self.diagnostics(uri);
        assert_eq!(version, 1);
        items
    }

    /// A request about `position` in `uri`.
    pub fn at(
        &mut self,
        method: &str,
        uri: &str,
        line: u32,
        character: u32,
        extra: Value,
    ) -> Result<Value, String> {
        let mut params = json!({
            "textDocument": { "uri": uri },
            "position": { "line": line, "character": character },
        });
        if let (Some(params), Some(extra)) = (params.as_object_mut(), extra.as_object()) {
            params.extend(extra.clone());
        }
        self.request(method, params)
    }

    fn recv(&self) -> Message {
        self.connection
            .receiver
            .recv_timeout(WAIT)
            .expect("the server answers in time")
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        if let Some(server) = self.server.take() {
            let ended = server.join().expect("the server thread did not panic");
            assert!(ended.is_ok(), "the server ended with {ended:?}");
        }
    }
}

/// `(line, character)` of where a published diagnostic starts.
pub fn start(d: &Value) -> (u64, u64) {
    let at = &d["range"]["start"];
    (
        at["line"].as_u64().unwrap_or(u64::MAX),
        at["character"].as_u64().unwrap_or(u64::MAX),
    )
}

/// Applies LSP text edits (in UTF-8 positions, ASCII-safe for the tests' texts) to `text`.
pub fn apply(text: &str, edits: &[Value]) -> String {
    let lines = careplan::server::Lines::new(text);
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let range: lsp_types::Range =
                serde_json::from_value(e["range"].clone()).expect("a range");
            let span = lines.span(text, range, careplan::server::Encoding::Utf16);
            (
                span.start,
                span.end,
                e["newText"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, &new);
    }
    out
}

/// The `file:` URI of `path`, escaped as editors send it.
pub fn file_uri(path: &std::path::Path) -> String {
    let mut uri = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}
