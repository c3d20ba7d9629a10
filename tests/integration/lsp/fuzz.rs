//! What the `lsp` fuzz target asserts for one input, shared by the target in
//! `fuzz/`, the replay of the inputs it once found (`tests/fixtures/fuzz/lsp/`)
//! and a property test (`robustness.rs`). The fuzz target includes this file
//! with `#[path]`, so it names no `crate::` items.
//!
//! The input's bytes drive an editor session over `Connection::memory()`:
//! the first picks the position encoding, push or pull diagnostics and a
//! starting text (an example, text with emoji, combining marks and CR/CRLF
//! line ends, or nothing); each following byte starts one step, reading
//! more bytes for its details. A step is an incremental edit (anywhere,
//! past a line's end or the text's end too, with plan words, line breaks,
//! astral and combining characters, or raw bytes), a whole-text change, a
//! close and reopen, a change of the `careplan.today` setting, or any
//! request the server answers (or may one day) at any position. The
//! server must answer every request, never with an internal error (a
//! handler that panicked), publish diagnostics inside the text as it now
//! stands, and shut down cleanly at the end.

use careplan::server::{Encoding, Lines};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{Value, json};
use std::time::Duration;

/// How long the session waits for one answer before calling the server hung.
const WAIT: Duration = Duration::from_secs(30);

/// At most this many steps per input, so one input stays quick.
const STEPS: usize = 96;

const URI: &str = "file:///fuzz/plan.careplan";

/// Texts a session starts from.
const STARTS: [&str; 4] = [
    include_str!("../../../examples/panic-disorder.careplan"),
    "plan \"Café 😮‍💨 e\u{301}\"\r\n  opened 2026-09-01\rgoal G1 \"Sleep 🛌\" for x\n  due 2026-12-01\r\n\
     intervention I1 CBT \"Ré-évaluation\" for G1, G9\nsession 2026-10-01\n  used I1\n  score G1 3\n",
    include_str!("../../../examples/ptsd.careplan"),
    "",
];

/// Text an edit inserts: plan words, line ends, quotes, and characters
/// whose UTF-8, UTF-16 and UTF-32 widths differ.
const SNIPPETS: [&str; 20] = [
    "\n",
    "\r\n",
    "\r",
    "goal G2 \"x\" for panic\n",
    " for ",
    "G1",
    "😮‍💨",
    "e\u{301}",
    "é",
    "\"",
    "“",
    "  ",
    "session 2026-11-30\n  used I1\n",
    "  score G1 ",
    "review 2026-11-30\n  status G1 met\n",
    "# careplan: allow unknown-drug\n",
    "medication M2 sertralin for G1\n",
    "  next 2027-01-01",
    "intervention I9 exposure ",
    "\t",
];

/// The requests a session sends; those the server does not answer yet
/// must be refused, not crash it.
const METHODS: [&str; 21] = [
    "textDocument/hover",
    "textDocument/definition",
    "textDocument/references",
    "textDocument/documentHighlight",
    "textDocument/prepareRename",
    "textDocument/rename",
    "textDocument/documentSymbol",
    "textDocument/foldingRange",
    "textDocument/formatting",
    "textDocument/rangeFormatting",
    "textDocument/completion",
    "textDocument/codeAction",
    "textDocument/diagnostic",
    "textDocument/semanticTokens/full",
    "textDocument/semanticTokens/range",
    "textDocument/inlayHint",
    "textDocument/codeLens",
    "textDocument/selectionRange",
    "workspace/symbol",
    "workspace/diagnostic",
    "careplan/unknown",
];

/// The input's bytes, read one at a time (zero once they run out).
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn next(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    fn done(&self) -> bool {
        self.0.is_empty()
    }

    /// One of `items`.
    fn pick<'t, T>(&mut self, items: &'t [T]) -> &'t T {
        &items[usize::from(self.next()) % items.len()]
    }

    /// Up to `n` raw bytes as text (invalid UTF-8 replaced, as a client must).
    fn text(&mut self, n: usize) -> String {
        let len = usize::from(self.next()) % (n + 1);
        let take = len.min(self.0.len());
        let (raw, rest) = self.0.split_at(take);
        self.0 = rest;
        String::from_utf8_lossy(raw).into_owned()
    }
}

/// One session, as the module says. Panics when the server misbehaves.
pub fn session(data: &[u8]) {
    let mut input = Bytes(data);
    let setup = input.next();
    let encodings: &[&str] = match setup % 4 {
        0 => &["utf-16"],
        1 => &["utf-8", "utf-16"],
        2 => &["utf-32"],
        _ => &[],
    };
    let pull = setup & 4 != 0;
    let mut text = (*input.pick(&STARTS)).to_owned();
    let mut capabilities = json!({ "general": { "positionEncodings": encodings } });
    if pull {
        capabilities["textDocument"] = json!({ "diagnostic": {} });
    }

    let (server, connection) = Connection::memory();
    let handle = std::thread::spawn(move || careplan::server::run(server));
    let mut client = Client {
        connection,
        next: 0,
        published: None,
    };
    let initialized = client.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": capabilities,
                "initializationOptions": { "today": "2026-12-01" } }),
    );
    let encoding = match initialized["capabilities"]["positionEncoding"].as_str() {
        Some("utf-8") => Encoding::Utf8,
        Some("utf-32") => Encoding::Utf32,
        _ => Encoding::Utf16,
    };
    client.notify("initialized", json!({}));
    let mut version = 1;
    client.open(&text, version);

    for _ in 0..STEPS {
        if input.done() {
            break;
        }
        let lines = Lines::new(&text);
        match input.next() % 16 {
            0..=5 => {
                let start = position(&mut input, &lines);
                let end = match input.next() % 3 {
                    0 => start.clone(),
                    1 => position(&mut input, &lines),
                    _ => json!({ "line": start["line"],
                                  "character": start["character"].as_u64().unwrap_or(0) + u64::from(input.next() % 8) }),
                };
                let insert = match input.next() % 4 {
                    0 => String::new(),
                    1 => input.text(12),
                    _ => (*input.pick(&SNIPPETS)).to_owned(),
                };
                let range = json!({ "start": start, "end": end });
                let parsed: lsp_types::Range =
                    serde_json::from_value(range.clone()).expect("a range");
                let span = lines.span(&text, parsed, encoding);
                text.replace_range(span.start..span.end, &insert);
                version += 1;
                client.change(version, json!([{ "range": range, "text": insert }]));
            }
            6 => {
                text = if input.next().is_multiple_of(2) {
                    (*input.pick(&STARTS)).to_owned()
                } else {
                    input.text(64)
                };
                version += 1;
                client.change(version, json!([{ "text": text }]));
            }
            7 => {
                client.notify(
                    "textDocument/didClose",
                    json!({ "textDocument": { "uri": URI } }),
                );
                version += 1;
                client.open(&text, version);
            }
            8 => {
                let today =
                    *input.pick(&["2026-06-01", "2027-03-01", "", "not a date", "2026-02-30"]);
                client.notify(
                    "workspace/didChangeConfiguration",
                    json!({ "settings": { "careplan": { "today": today } } }),
                );
            }
            _ => {
                let method = *input.pick(&METHODS);
                let params = params(method, &mut input, &lines);
                let answer = client.answer(method, params);
                if let Err(message) = answer {
                    assert!(
                        !message.contains("internal error"),
                        "{method} panicked in the server: {message}"
                    );
                }
            }
        }
    }

    // The findings of the text as it stands: the latest version, inside it.
    let items = if pull {
        let report = client.request(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": URI } }),
        );
        report["items"].as_array().cloned().unwrap_or_default()
    } else {
        client.published_for(version)
    };
    let lines = Lines::new(&text);
    for item in &items {
        for end in ["start", "end"] {
            let at: lsp_types::Position =
                serde_json::from_value(item["range"][end].clone()).expect("a position");
            let offset = lines.offset(&text, at, encoding);
            let back = lines.position(&text, offset, encoding);
            assert_eq!(back, at, "a finding's {end} lies outside the text: {item}");
        }
    }

    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    drop(client);
    let ended = handle.join().expect("the server thread did not panic");
    assert!(ended.is_ok(), "the server ended with {ended:?}");
}

/// A position in or just past the text: a line up to two past the last,
/// a character up to a few past the line's end.
fn position(input: &mut Bytes, lines: &Lines) -> Value {
    let count = lines.count();
    let line = usize::from(input.next()) % (count + 2);
    let width = lines.content(line).map_or(0, |s| s.end - s.start);
    let character = usize::from(input.next()) % (width + 4);
    json!({ "line": line, "character": character })
}

/// The parameters of a `method` request at positions from `input`.
fn params(method: &str, input: &mut Bytes, lines: &Lines) -> Value {
    let uri = if input.next().is_multiple_of(16) {
        "file:///fuzz/not-open.careplan"
    } else {
        URI
    };
    let document = json!({ "uri": uri });
    let at = position(input, lines);
    let range = json!({ "start": at, "end": position(input, lines) });
    let options = json!({ "tabSize": 2, "insertSpaces": true });
    match method {
        "textDocument/references" => json!({ "textDocument": document, "position": at,
                                             "context": { "includeDeclaration": input.next().is_multiple_of(2) } }),
        "textDocument/rename" => {
            let name = *input.pick(&["G9", "G1", "I1", "", "a b", "😀", "panic", "M2"]);
            json!({ "textDocument": document, "position": at, "newName": name })
        }
        "textDocument/documentSymbol"
        | "textDocument/foldingRange"
        | "textDocument/semanticTokens/full"
        | "textDocument/codeLens"
        | "textDocument/diagnostic" => json!({ "textDocument": document }),
        "textDocument/formatting" => json!({ "textDocument": document, "options": options }),
        "textDocument/rangeFormatting" => {
            json!({ "textDocument": document, "range": range, "options": options })
        }
        "textDocument/semanticTokens/range" | "textDocument/inlayHint" => {
            json!({ "textDocument": document, "range": range })
        }
        "textDocument/selectionRange" => json!({ "textDocument": document, "positions": [at] }),
        "textDocument/codeAction" => {
            let only = match input.next() % 3 {
                0 => Value::Null,
                1 => json!(["quickfix"]),
                _ => json!(["source.fixAll.careplan"]),
            };
            json!({ "textDocument": document, "range": range,
                    "context": { "diagnostics": [], "only": only } })
        }
        "workspace/symbol" => json!({ "query": input.text(4) }),
        "workspace/diagnostic" => json!({ "previousResultIds": [] }),
        _ => json!({ "textDocument": document, "position": at }),
    }
}

/// The client's end of the connection.
struct Client {
    connection: Connection,
    next: i32,
    /// The latest push of diagnostics for the document: `(version, items)`.
    published: Option<(Value, Vec<Value>)>,
}

impl Client {
    fn notify(&self, method: &str, params: Value) {
        let message = Notification::new(method.to_owned(), params);
        self.connection
            .sender
            .send(message.into())
            .expect("the server is alive");
    }

    fn open(&self, text: &str, version: i32) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": URI, "languageId": "careplan",
                                      "version": version, "text": text } }),
        );
    }

    fn change(&self, version: i32, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": version }, "contentChanges": changes }),
        );
    }

    /// Sends a request and waits for its answer: the result, or the error's message.
    fn answer(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.next += 1;
        let id = RequestId::from(self.next);
        let request = Request::new(id.clone(), method.to_owned(), params);
        self.connection
            .sender
            .send(request.into())
            .expect("the server is alive");
        loop {
            match self.receive() {
                Message::Response(r) if r.id == id => {
                    return r.response_result.map_err(|e| e.message);
                }
                Message::Request(r) => {
                    // Whatever the server asks of the client, the client has no answer.
                    let refusal = Response::new_err(r.id, -32601, "not in this client".into());
                    self.connection
                        .sender
                        .send(refusal.into())
                        .expect("the server is alive");
                }
                _ => {}
            }
        }
    }

    /// A request that must succeed.
    fn request(&mut self, method: &str, params: Value) -> Value {
        match self.answer(method, params) {
            Ok(result) => result,
            Err(message) => panic!("{method} was refused: {message}"),
        }
    }

    /// The diagnostics pushed for `version` (waited for).
    fn published_for(&mut self, version: i32) -> Vec<Value> {
        loop {
            if let Some((v, items)) = &self.published
                && *v == json!(version)
            {
                return items.clone();
            }
            self.receive();
        }
    }

    /// The next message, noting pushed diagnostics on the way.
    fn receive(&mut self) -> Message {
        let message = self
            .connection
            .receiver
            .recv_timeout(WAIT)
            .expect("the server answers within the wait, and is alive");
        if let Message::Notification(n) = &message
            && n.method == "textDocument/publishDiagnostics"
            && n.params["uri"] == URI
        {
            let items = n.params["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            self.published = Some((n.params["version"].clone(), items));
        }
        message
    }
}
