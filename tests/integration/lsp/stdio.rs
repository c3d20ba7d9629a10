//! `careplan lsp` as an editor starts it: the real binary, JSON-RPC with
//! `Content-Length` framing on standard input and output.

use lsp_server::Message;
use serde_json::{Value, json};
use std::io::{BufReader, Write};
use std::process::{Command, Stdio};

/// One framed message, written by hand as an editor writes it.
fn frame(message: &Value) -> Vec<u8> {
    let body = message.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

#[test]
fn the_binary_serves_an_editor_over_standard_input_and_output() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_careplan"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("careplan lsp starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let uri = "untitled:plan";
    let text = "plan \"Low mood\"\n  opened 2026-09-01\n\nintervention I1 CBT \"Sleep hygiene\"\n";
    let messages = [
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": { "capabilities": {}, "initializationOptions": { "today": "2026-12-01" } } }),
        json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": { "textDocument": { "uri": uri, "languageId": "careplan", "version": 7, "text": text } } }),
    ];
    for message in &messages {
        stdin.write_all(&frame(message)).expect("write");
    }
    stdin.flush().expect("flush");
    let mut initialized = false;
    let published = loop {
        match Message::read(&mut stdout).expect("a framed message") {
            Some(Message::Response(r)) => {
                let result = r.response_result.unwrap_or(Value::Null);
                assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
                initialized = true;
            }
            Some(Message::Notification(n)) if n.method == "textDocument/publishDiagnostics" => {
                break n.params;
            }
            Some(_) => {}
            None => panic!("the server closed its output"),
        }
    };
    assert!(initialized);
    assert_eq!(published["version"], 7);
    let codes: Vec<&str> = published["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"unlinked-intervention"), "{codes:?}");
    stdin
        .write_all(&frame(
            &json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown" }),
        ))
        .expect("write");
    stdin
        .write_all(&frame(&json!({ "jsonrpc": "2.0", "method": "exit" })))
        .expect("write");
    drop(stdin);
    let out = child.wait_with_output().expect("the server exits");
    assert!(out.status.success(), "exit status {:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "it writes nothing to stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
