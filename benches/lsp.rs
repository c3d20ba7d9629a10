//! The language server as a clinician typing in a long plan feels it: a
//! 10,000-line generated plan (`tests/integration/generate.rs`, years of
//! weekly sessions) open in `careplan lsp`.
//!
//! `cargo bench --bench lsp` reports the time from a `didChange` to the
//! `publishDiagnostics` of that version, over `Connection::memory()` (the
//! server's own work: applying the change, checking the whole plan again,
//! converting and sending its findings):
//! - `one_change`: one keystroke's change, alternately typing a comment
//!   line into the middle of the record and deleting it;
//! - `burst_of_ten`: ten such changes sent at once, as fast typing queues
//!   them; the server applies them all and checks once.
//!
//! Before the timings it prints the memory of the real `careplan lsp`
//! process holding the plan: its resident set after `initialize`, and its
//! peak (`VmHWM`) once the plan's findings are published and after twenty
//! edits. Linux only (it reads `/proc`).

#[path = "../tests/integration/generate.rs"]
#[allow(dead_code)]
mod generate;

use divan::Bencher;
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};
use std::io::{BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::LazyLock;

/// The number of lines of the plan.
const LINES: usize = 10_000;

const URI: &str = "file:///bench/long.careplan";

fn main() {
    memory();
    divan::main();
}

/// The plan (at least [`LINES`] lines), and the day after its last entry,
/// which it is judged on: a fixed date would make every later session a
/// `future-date` finding.
static PLAN: LazyLock<(String, String)> = LazyLock::new(|| {
    // Scaled from a short plan's lines per session, then grown to the mark.
    let trial = generate::plan(2026, 100).lines().count().max(1);
    let mut sessions = LINES * 100 / trial;
    let mut text = generate::plan(2026, sessions);
    while text.lines().count() < LINES {
        sessions += sessions / 50 + 1;
        text = generate::plan(2026, sessions);
    }
    let last = careplan::parse(&text)
        .document
        .entries
        .iter()
        .filter_map(|e| e.date()?.value)
        .max();
    let today = last
        .and_then(|d| d.tomorrow().ok())
        .map_or_else(|| "2026-12-01".to_owned(), |d| d.to_string());
    (text, today)
});

/// The line, in the middle of the record, before which an edit types.
fn middle_entry(text: &str) -> usize {
    let half = text.lines().count() / 2;
    text.lines()
        .enumerate()
        .skip(half)
        .find(|(_, l)| l.starts_with("session "))
        .map_or(half, |(i, _)| i)
}

/// The `contentChanges` of the `n`th edit: even ones type a comment line
/// before `line`, odd ones delete it again.
fn edit(n: i32, line: usize) -> Value {
    let at = json!({ "line": line, "character": 0 });
    if n % 2 == 0 {
        json!([{ "range": { "start": at, "end": at }, "text": "# typing\n" }])
    } else {
        let after = json!({ "line": line + 1, "character": 0 });
        json!([{ "range": { "start": at, "end": after }, "text": "" }])
    }
}

fn initialize_params(today: &str) -> Value {
    json!({ "processId": null, "rootUri": null,
            "capabilities": { "general": { "positionEncodings": ["utf-16"] } },
            "initializationOptions": { "today": today } })
}

fn did_open(text: &str) -> Value {
    json!({ "textDocument": { "uri": URI, "languageId": "careplan", "version": 0, "text": text } })
}

fn did_change(version: i32, changes: Value) -> Value {
    json!({ "textDocument": { "uri": URI, "version": version }, "contentChanges": changes })
}

/// A server on a thread with the plan open and its first findings published.
struct Server {
    connection: Connection,
    version: i32,
    line: usize,
}

impl Server {
    fn start() -> Server {
        let (text, today) = &*PLAN;
        let (server, connection) = Connection::memory();
        std::thread::spawn(move || careplan::server::run(server));
        let request = Request::new(
            RequestId::from(1),
            "initialize".to_owned(),
            initialize_params(today),
        );
        connection.sender.send(request.into()).ok();
        let server = Server {
            connection,
            version: 0,
            line: middle_entry(text),
        };
        server.notify("initialized", json!({}));
        server.notify("textDocument/didOpen", did_open(text));
        server.published(0);
        server
    }

    fn notify(&self, method: &str, params: Value) {
        let message = Notification::new(method.to_owned(), params);
        self.connection.sender.send(message.into()).ok();
    }

    /// Sends the next `count` edits, then waits for the last one's findings.
    fn type_edits(&mut self, count: i32) {
        for _ in 0..count {
            self.version += 1;
            let changes = edit(self.version, self.line);
            self.notify("textDocument/didChange", did_change(self.version, changes));
        }
        self.published(self.version);
    }

    /// Waits for the findings of `version`.
    fn published(&self, version: i32) {
        while let Ok(message) = self.connection.receiver.recv() {
            if let Message::Notification(n) = message
                && n.method == "textDocument/publishDiagnostics"
                && n.params["version"] == version
            {
                return;
            }
        }
        panic!("the server stopped before publishing version {version}");
    }
}

#[divan::bench(sample_count = 30)]
fn one_change(bencher: Bencher) {
    let mut server = Server::start();
    bencher.bench_local(|| server.type_edits(1));
}

#[divan::bench(sample_count = 30)]
fn burst_of_ten(bencher: Bencher) {
    let mut server = Server::start();
    bencher.bench_local(|| server.type_edits(10));
}

/// Prints the memory of a `careplan lsp` process holding the plan.
fn memory() {
    let (text, today) = &*PLAN;
    let mut child = match Command::new(env!("CARGO_BIN_EXE_careplan"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => {
            eprintln!("memory: could not start careplan lsp: {e}");
            return;
        }
    };
    let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return;
    };
    let mut stdout = BufReader::new(stdout);
    let mut send = |message: Message| message.write(&mut stdin).and_then(|()| stdin.flush());
    let mut wait_for = |version: Option<i32>| loop {
        match Message::read(&mut stdout) {
            Ok(Some(Message::Response(_))) if version.is_none() => return true,
            Ok(Some(Message::Notification(n)))
                if version.is_some_and(|v| n.params["version"] == v) =>
            {
                return true;
            }
            Ok(Some(_)) => {}
            _ => return false,
        }
    };
    let status = |field: &str| -> Option<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with(field))?;
        let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1024.0)
    };
    let request = Request::new(
        RequestId::from(1),
        "initialize".to_owned(),
        initialize_params(today),
    );
    let note = |method: &str, params: Value| Notification::new(method.to_owned(), params).into();
    let started = send(request.into()).is_ok() && wait_for(None);
    let idle = status("VmRSS:");
    send(note("initialized", json!({}))).ok();
    send(note("textDocument/didOpen", did_open(text))).ok();
    let opened = started && wait_for(Some(0));
    let open_peak = status("VmHWM:");
    let line = middle_entry(text);
    for version in 1..=20 {
        send(note(
            "textDocument/didChange",
            did_change(version, edit(version, line)),
        ))
        .ok();
    }
    let edited = opened && wait_for(Some(20));
    let edit_peak = status("VmHWM:");
    match (edited, idle, open_peak, edit_peak) {
        (true, Some(idle), Some(open), Some(edits)) => println!(
            "careplan lsp memory, a {}-line plan of {:.1} MB: {idle:.1} MB resident after initialize; \
             peak {open:.1} MB once its findings are published, {edits:.1} MB after 20 edits",
            text.lines().count(),
            text.len() as f64 / 1e6,
        ),
        _ => eprintln!("memory: could not measure (not Linux, or the server stopped)"),
    }
    child.kill().ok();
    child.wait().ok();
}
