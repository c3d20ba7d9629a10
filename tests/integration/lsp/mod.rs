//! The language server over the protocol, in process (`Connection::memory()`)
//! and as the real binary over standard input and output.

mod actions;
mod client;
mod formatting;
pub mod fuzz;
mod snippets;
mod stdio;
mod views;
mod workspace;

use client::{Client, TODAY, apply, file_uri, start};
use serde_json::{Value, json};

/// A clean plan: a goal with a target, an intervention and a medication
/// serving it, and one session with a score.
const PLAN: &str = r#"plan "Low mood"
  opened 2026-09-01
  prescriber "Dr Okafor"

goal G1 "Sleep through the night"
  measure PHQ-9 baseline 15 target <= 9
  due 2027-01-15

intervention I1 CBT cognitive-restructuring "Zoë's sleep 😀" for G1
medication M1 sertraline for G1
  dose "50 mg daily"

session 2026-10-01
  used I1 "engaged"
  score PHQ-9 12
  risk low
"#;

const URI: &str = "untitled:plan";

/// `(line, character)` of the first byte of `needle` in `text`, counting
/// characters as `units` counts them.
fn position_of(text: &str, needle: &str, units: fn(&str) -> usize) -> (u32, u32) {
    let at = text.find(needle).expect("needle in text");
    let before = &text[..at];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line as u32, units(&before[line_start..]) as u32)
}

fn utf16(s: &str) -> usize {
    s.encode_utf16().count()
}

fn utf8(s: &str) -> usize {
    s.len()
}

/// A finding as both sides show it: rule, severity, where (0-based), message with help.
type Seen = (String, String, (u64, u64, u64, u64), String);

#[test]
fn every_example_shows_the_findings_check_gives_at_the_same_places() {
    let today = "2028-12-01"; // late enough for date findings in every example
    let mut client = Client::start_with(
        json!({ "general": { "positionEncodings": ["utf-32"] } }),
        json!({ "today": today }),
    );
    assert_eq!(
        client.initialized["capabilities"]["positionEncoding"],
        "utf-32"
    );
    let mut compared = 0;
    for entry in std::fs::read_dir(crate::test::root().join("examples")).expect("examples") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "careplan") {
            continue;
        }
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_careplan"))
            .args(["check", "--format", "json", "--today", today])
            .arg(&path)
            .output()
            .expect("careplan check runs");
        let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
        let expected: Vec<Seen> = report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| {
                let n = |k: &str| f[k].as_u64().unwrap_or(0) - 1;
                let name = f["name"].as_str().unwrap_or("").to_owned();
                let message = match f["help"].as_str() {
                    Some(help) => format!("{}\nhelp: {help}", f["message"].as_str().unwrap_or("")),
                    None => f["message"].as_str().unwrap_or("").to_owned(),
                };
                let at = (n("line"), n("column"), n("end_line"), n("end_column"));
                (
                    name,
                    f["severity"].as_str().unwrap_or("").to_owned(),
                    at,
                    message,
                )
            })
            .collect();
        let uri = file_uri(&path);
        let text = std::fs::read_to_string(&path).expect("example");
        let published = client.open(&uri, &text);
        let got: Vec<Seen> = published
            .iter()
            .map(|d| {
                let r = &d["range"];
                let n = |a: &str, b: &str| r[a][b].as_u64().unwrap_or(u64::MAX);
                let code = d["code"].as_str().unwrap_or("").to_owned();
                let severity = match d["severity"].as_u64() {
                    Some(1) => "error",
                    Some(2) => "warning",
                    Some(3) => "info",
                    _ => "?",
                };
                let at = (
                    n("start", "line"),
                    n("start", "character"),
                    n("end", "line"),
                    n("end", "character"),
                );
                let message = d["message"].as_str().unwrap_or("").to_owned();
                (code, severity.to_owned(), at, message)
            })
            .collect();
        assert_eq!(got, expected, "{}", path.display());
        assert!(published.iter().all(|d| d["source"] == "careplan"));
        compared += expected.len();
    }
    assert!(compared > 0, "the examples have findings on {today}");
}

#[test]
fn columns_are_counted_in_the_negotiated_encoding() {
    let text = PLAN.replace("for G1\nmedication", "for G9\nmedication");
    for (offered, name, units) in [
        (vec!["utf-8", "utf-16"], "utf-8", utf8 as fn(&str) -> usize),
        (vec!["utf-16"], "utf-16", utf16),
        (vec![], "utf-16", utf16),
    ] {
        let mut client = Client::offering(&offered);
        assert_eq!(client.initialized["capabilities"]["positionEncoding"], name);
        let published = client.open(URI, &text);
        let finding = published
            .iter()
            .find(|d| d["code"] == "unknown-reference")
            .expect("G9 is unknown");
        let (line, character) = position_of(&text, "G9", units);
        assert_eq!(
            start(finding),
            (u64::from(line), u64::from(character)),
            "{name}"
        );
        assert_eq!(
            finding["codeDescription"]["href"]
                .as_str()
                .map(|h| h.ends_with("rules.md#unknown-reference")),
            Some(true)
        );
    }
}

#[test]
fn crlf_line_ends_give_the_same_positions_as_lf() {
    let lf = PLAN.replace("for G1\nmedication", "for G9\nmedication");
    let mut client = Client::offering(&["utf-16"]);
    let expected: Vec<Value> = client
        .open("untitled:lf", &lf)
        .iter()
        .map(|d| d["range"].clone())
        .collect();
    assert_eq!(expected.len(), 1);
    // (A lone `\r` ends a line for positions too, but the language reads
    // LF or CRLF only: the positions module's tests cover it.)
    let crlf = lf.replace('\n', "\r\n");
    let got: Vec<Value> = client
        .open("untitled:crlf", &crlf)
        .iter()
        .map(|d| d["range"].clone())
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn incremental_edits_update_the_findings_with_the_version() {
    let mut client = Client::offering(&["utf-16"]);
    assert!(client.open(URI, PLAN).is_empty(), "the plan is clean");
    // Change `for G1` of the intervention into `for G7`, after the emoji.
    let (line, character) = position_of(PLAN, "G1\nmedication", utf16);
    let change = |version: i32, id: &str| {
        json!({
            "textDocument": { "uri": URI, "version": version },
            "contentChanges": [{
                "range": { "start": { "line": line, "character": character + 1 },
                           "end": { "line": line, "character": character + 2 } },
                "text": id,
            }],
        })
    };
    client.notify("textDocument/didChange", change(2, "7"));
    let (version, items) = client.diagnostics(URI);
    assert_eq!(version, 2);
    let codes: Vec<&str> = items.iter().filter_map(|d| d["code"].as_str()).collect();
    assert!(codes.contains(&"unknown-reference"), "{codes:?}");
    let finding = items
        .iter()
        .find(|d| d["code"] == "unknown-reference")
        .expect("found");
    assert_eq!(start(finding), (u64::from(line), u64::from(character)));
    client.notify("textDocument/didChange", change(3, "1"));
    let (version, items) = client.diagnostics(URI);
    assert_eq!(version, 3);
    assert!(items.is_empty(), "{items:?}");

    // Two changes in one notification: the second's range is in the text
    // the first left. Insert a line at the top, then edit the old line 0.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": URI, "version": 4 },
            "contentChanges": [
                { "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
                  "text": "# note\n" },
                { "range": { "start": { "line": 1, "character": 0 }, "end": { "line": 1, "character": 4 } },
                  "text": "plam" },
            ],
        }),
    );
    let (version, items) = client.diagnostics(URI);
    assert_eq!(version, 4);
    let syntax = items
        .iter()
        .find(|d| d["code"] == "syntax")
        .expect("`plam` does not read");
    assert_eq!(start(syntax), (1, 0));
}

#[test]
fn a_client_that_pulls_gets_the_findings_on_request_and_none_pushed() {
    let mut client = Client::start(json!({ "textDocument": { "diagnostic": {} } }));
    assert_eq!(
        client.initialized["capabilities"]["diagnosticProvider"]["identifier"],
        "careplan"
    );
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": "careplan", "version": 1,
                                  "text": PLAN.replace("for G1\nmedication", "for G9\nmedication") } }),
    );
    let report = client
        .request(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": URI } }),
        )
        .expect("a report");
    assert_eq!(report["kind"], "full");
    let codes: Vec<&str> = report["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["unknown-reference"]);
}

#[test]
fn hover_tells_a_goal_a_measure_a_drug_and_a_finding() {
    let bad = PLAN.replace("session 2026-10-01", "session 2026-13-01");
    let mut client = Client::offering(&["utf-16"]);
    client.open(URI, PLAN);
    client.open("untitled:bad", &bad);
    let mut hover = |uri: &str, text: &str, needle: &str| {
        let (line, character) = position_of(text, needle, utf16);
        let answer = client
            .at("textDocument/hover", uri, line, character, json!({}))
            .expect("hover");
        answer["contents"]["value"]
            .as_str()
            .unwrap_or("(nothing)")
            .to_owned()
    };
    let goal = hover(URI, PLAN, "G1\nmedication");
    let measure = hover(URI, PLAN, "PHQ-9 baseline");
    let drug = hover(URI, PLAN, "sertraline");
    let intervention = hover(URI, PLAN, "I1 \"engaged");
    let date = hover(URI, PLAN, "2026-10-01");
    let finding = hover("untitled:bad", &bad, "2026-13-01");
    insta::assert_snapshot!("hover_goal", goal);
    insta::assert_snapshot!("hover_measure", measure);
    insta::assert_snapshot!("hover_drug", drug);
    // What `:show I1` prints in the REPL.
    assert!(
        intervention.contains("used in 1 session(s)\n    2026-10-01  \"engaged\""),
        "{intervention}"
    );
    assert_eq!(
        date,
        "Thursday 1 October 2026, 61 days ago (today is 2026-12-01)"
    );
    // The rule's documentation follows the finding; the snapshot stops before it.
    let (first, doc) = finding
        .split_once("\n\n## What it does")
        .unwrap_or((&finding, ""));
    insta::assert_snapshot!("hover_finding", first);
    assert!(doc.contains("## Fix"), "{doc}");
}

#[test]
fn definition_references_and_rename_of_an_id() {
    let mut client = Client::offering(&["utf-16"]);
    client.open(URI, PLAN);
    let (line, character) = position_of(PLAN, "I1 \"engaged\"", utf16);
    let definition = client
        .at("textDocument/definition", URI, line, character, json!({}))
        .expect("definition");
    let defined = position_of(PLAN, "I1 CBT", utf16);
    assert_eq!(
        definition["range"]["start"],
        json!({ "line": defined.0, "character": defined.1 })
    );
    let references = client
        .at(
            "textDocument/references",
            URI,
            line,
            character,
            json!({ "context": { "includeDeclaration": true } }),
        )
        .expect("references");
    assert_eq!(references.as_array().map(Vec::len), Some(2));
    let highlights = client
        .at(
            "textDocument/documentHighlight",
            URI,
            line,
            character,
            json!({}),
        )
        .expect("highlights");
    assert_eq!(highlights.as_array().map(Vec::len), Some(2));

    // G1 stands in the goal, the intervention and the medication.
    let (gl, gc) = position_of(PLAN, "G1 \"Sleep", utf16);
    let edit = client
        .at(
            "textDocument/rename",
            URI,
            gl,
            gc + 1,
            json!({ "newName": "G-sleep" }),
        )
        .expect("rename");
    let edits = edit["changes"][URI].as_array().cloned().unwrap_or_default();
    assert_eq!(edits.len(), 3);
    let renamed = apply(PLAN, &edits);
    assert_eq!(renamed, PLAN.replace("G1", "G-sleep"));

    let taken = client.at(
        "textDocument/rename",
        URI,
        gl,
        gc,
        json!({ "newName": "I1" }),
    );
    assert_eq!(
        taken,
        Err("`I1` already names something in this plan: choose another id".to_owned())
    );
    let built_in = client.at(
        "textDocument/rename",
        URI,
        gl,
        gc,
        json!({ "newName": "PHQ-9" }),
    );
    assert!(built_in.is_err());
    let not_id = client.at(
        "textDocument/rename",
        URI,
        gl,
        gc,
        json!({ "newName": "9 lives" }),
    );
    assert!(not_id.is_err_and(|e| e.contains("is not an id")));
    let (kl, kc) = position_of(PLAN, "sleep 😀", utf16);
    let nothing = client.at("textDocument/prepareRename", URI, kl, kc, json!({}));
    assert!(nothing.is_err(), "no id inside a string");
}

#[test]
fn formatting_returns_the_fewest_edits_and_refuses_a_file_that_does_not_read() {
    let mut client = Client::offering(&["utf-16"]);
    let messy = PLAN.replace("  due 2027-01-15", "      due   2027-01-15");
    client.open(URI, &messy);
    let format = |client: &mut Client, uri: &str| {
        client.request(
            "textDocument/formatting",
            json!({ "textDocument": { "uri": uri }, "options": { "tabSize": 2, "insertSpaces": true } }),
        )
    };
    let edits = format(&mut client, URI).expect("edits");
    let edits = edits.as_array().cloned().unwrap_or_default();
    assert_eq!(edits.len(), 1, "one line differs: {edits:?}");
    assert_eq!(apply(&messy, &edits), PLAN);

    client.open("untitled:clean", PLAN);
    assert_eq!(format(&mut client, "untitled:clean"), Ok(json!([])));

    client.open("untitled:broken", &format!("{PLAN}goal G2\n"));
    let refused = format(&mut client, "untitled:broken").expect_err("refused");
    assert!(
        refused.contains("1 syntax error, the first at line 17:1"),
        "{refused}"
    );
}

#[test]
fn the_outline_lists_definitions_then_the_record_and_entries_fold() {
    let mut client = Client::offering(&["utf-16"]);
    // A back-dated review after the session: the outline puts it first.
    let text = format!(
        "{PLAN}\nreview 2026-09-20\n  note \"\"\"\n    Sleep diary started.\n    Wakes twice a night.\n    \"\"\"\n"
    );
    client.open(URI, &text);
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": URI } }),
        )
        .expect("symbols");
    let names: Vec<&str> = symbols
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "plan \"Low mood\"",
            "goal G1",
            "intervention I1",
            "medication M1",
            "review 2026-09-20",
            "session 2026-10-01"
        ]
    );
    let folds = client
        .request(
            "textDocument/foldingRange",
            json!({ "textDocument": { "uri": URI } }),
        )
        .expect("folds");
    let lines: Vec<(u64, u64)> = folds
        .as_array()
        .expect("list")
        .iter()
        .map(|f| {
            (
                f["startLine"].as_u64().unwrap_or(0),
                f["endLine"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    // The entries, then the review and its three-line note.
    assert_eq!(
        lines,
        [(0, 2), (4, 6), (9, 10), (12, 15), (17, 21), (18, 21)]
    );
}

#[test]
fn completion_offers_what_fits_where_the_cursor_stands() {
    let mut client = Client::offering(&["utf-16"]);
    let text = format!("{PLAN}\nsession 2026-11-01\n  used \n");
    client.open(URI, &text);
    let lines = text.lines().count() as u32;
    let labels = |client: &mut Client, line: u32, character: u32| -> Vec<String> {
        let answer = client
            .at("textDocument/completion", URI, line, character, json!({}))
            .expect("completion");
        answer["items"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| i["label"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(labels(&mut client, lines - 1, 7), ["I1", "M1"]);
    let answer = client
        .at("textDocument/completion", URI, lines - 1, 7, json!({}))
        .expect("completion");
    let details: Vec<&str> = answer["items"]
        .as_array()
        .map(|items| items.iter().filter_map(|i| i["detail"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(details, ["CBT cognitive-restructuring", "sertraline"]);
    let fields = labels(&mut client, lines - 1, 2);
    assert!(fields.contains(&"score".to_owned()), "{fields:?}");
    let (line, _) = position_of(&text, "sleep 😀", utf16);
    assert!(
        labels(&mut client, line, 50).is_empty(),
        "nothing inside a string"
    );
}

#[test]
fn the_settings_date_rechecks_open_plans() {
    let mut client = Client::offering(&["utf-16"]);
    assert!(client.open(URI, PLAN).is_empty());
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "careplan": { "today": "2027-06-01" } } }),
    );
    let (version, items) = client.diagnostics(URI);
    assert_eq!(version, 1);
    let codes: Vec<&str> = items.iter().filter_map(|d| d["code"].as_str()).collect();
    assert!(codes.contains(&"goal-overdue"), "{codes:?}");
    assert_ne!(TODAY, "2027-06-01");

    // A setting that is not a date is said, and pins nothing: back to TODAY.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "careplan": { "today": "2027-02-30" } } }),
    );
    let said = client.notification("window/showMessage");
    let message = said["message"].as_str().unwrap_or("");
    assert!(
        message.starts_with("careplan: `careplan.today` is not a date (`2027-02-30`"),
        "{message}"
    );
    let (_, items) = client.diagnostics(URI);
    assert!(items.is_empty(), "{items:?}");
}

#[test]
fn closing_a_plan_clears_its_findings() {
    let mut client = Client::offering(&["utf-16"]);
    let text = PLAN.replace("for G1\nmedication", "for G9\nmedication");
    assert_eq!(client.open(URI, &text).len(), 1);
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": URI } }),
    );
    let (version, items) = client.diagnostics(URI);
    assert_eq!((version, items.len()), (Value::Null, 0));
    let after = client.at("textDocument/hover", URI, 0, 0, json!({}));
    assert_eq!(after, Err(format!("{URI} is not open in the editor")));
}

#[test]
fn an_unreadable_configuration_is_reported_on_the_plan_and_the_file() {
    let dir = crate::test::scratch();
    std::fs::write(
        dir.path().join("careplan.toml"),
        "[rules]\nno-such-rule = \"off\"\n",
    )
    .expect("write");
    let plan = dir.path().join("a.careplan");
    std::fs::write(&plan, PLAN).expect("write");
    let mut client = Client::offering(&["utf-16"]);
    let uri = file_uri(&plan);
    let items = client.open(&uri, PLAN);
    let first = items.first().expect("a finding");
    assert_eq!(first["code"], "config");
    assert!(
        first["message"]
            .as_str()
            .is_some_and(|m| m.contains("careplan.toml could not be read")),
        "{first}"
    );
    let toml = file_uri(&dir.path().join("careplan.toml"));
    let (_, on_file) = client.diagnostics(&toml);
    assert_eq!(on_file.len(), 1);
    assert_eq!(start(&on_file[0]).0, 1, "the rule's line");

    // Fixed on disk: the editor's file watcher says so, and both are cleared.
    std::fs::write(
        dir.path().join("careplan.toml"),
        "[rules]\nplateau = \"off\"\n",
    )
    .expect("write");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": toml, "type": 2 }] }),
    );
    let (version, items) = client.diagnostics(&uri);
    assert_eq!(version, 1);
    assert!(items.is_empty(), "{items:?}");
    let (_, on_file) = client.diagnostics(&toml);
    assert!(on_file.is_empty());
}

#[test]
fn a_duplicate_id_points_at_its_first_definition() {
    let text = format!("{PLAN}\ngoal G1 \"Fewer nightmares\"\n  due 2027-01-15\n");
    let mut client = Client::offering(&["utf-16"]);
    let items = client.open(URI, &text);
    let duplicate = items
        .iter()
        .find(|d| d["code"] == "duplicate-id")
        .expect("G1 is defined twice");
    let (line, _) = position_of(&text, "G1 \"Fewer", utf16);
    assert_eq!(start(duplicate).0, u64::from(line));
    let related = &duplicate["relatedInformation"][0];
    assert_eq!(related["message"], "first defined here");
    assert_eq!(related["location"]["uri"], URI);
    let (first, character) = position_of(&text, "G1 \"Sleep", utf16);
    assert_eq!(
        related["location"]["range"]["start"],
        json!({ "line": first, "character": character })
    );
}

#[test]
fn hover_on_an_objective_and_its_goal_in_an_example() {
    let path = crate::test::root().join("examples/collaborative-care.careplan");
    let text = std::fs::read_to_string(&path).expect("example");
    let uri = file_uri(&path);
    let mut client = Client::offering(&["utf-16"]);
    client.open(&uri, &text);
    let mut hover = |needle: &str| {
        let (line, character) = position_of(&text, needle, utf16);
        let answer = client
            .at("textDocument/hover", &uri, line, character, json!({}))
            .expect("hover");
        answer["contents"]["value"]
            .as_str()
            .unwrap_or("(nothing)")
            .to_owned()
    };
    let objective = hover("O1 \"Response");
    let goal = hover("G1\n");
    insta::assert_snapshot!("hover_objective", objective);
    insta::assert_snapshot!("hover_goal_with_objectives", goal);
}

#[test]
fn a_pair_of_medicines_and_an_entry_out_of_order_point_at_the_other_one() {
    let text = format!(
        "{PLAN}\nmedication M2 oxycodone for G1\n  started 2026-10-05\nmedication M3 diazepam for G1\n  started 2026-10-10\n\nsession 2026-09-15\n  used I1 \"engaged\"\n"
    );
    let mut client = Client::offering(&["utf-16"]);
    let items = client.open(URI, &text);
    let related = |code: &str| -> Vec<(u64, String)> {
        let finding = items
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("no {code} among {items:#?}"));
        finding["relatedInformation"]
            .as_array()
            .expect("related information")
            .iter()
            .map(|r| {
                assert_eq!(r["location"]["uri"], URI);
                (
                    r["location"]["range"]["start"]["line"]
                        .as_u64()
                        .unwrap_or(0),
                    r["message"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect()
    };
    let oxycodone = position_of(&text, "medication M2", utf16).0;
    assert_eq!(
        related("cns-depressant-combination"),
        [(
            u64::from(oxycodone),
            "`M2` (oxycodone), taken from 2026-10-05".to_owned()
        )]
    );
    let session = position_of(&text, "session 2026-10-01", utf16).0;
    assert_eq!(
        related("out-of-order"),
        [(
            u64::from(session),
            "the session of 2026-10-01, which it comes after".to_owned()
        )]
    );
}
