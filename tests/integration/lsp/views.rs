//! What the editor shows over the text: semantic tokens, inlay hints and
//! code lenses.

use super::client::Client;
use super::{PLAN, URI};
use serde_json::{Value, json};

/// The plan with a second intervention, stopped at a review.
fn stopped_plan() -> String {
    format!(
        "{}\nintervention I2 behavioural-activation for G1\n\nreview 2026-11-01\n  status G1 improving\n  stop I2 \"Done\"\n  next 2026-12-31\n",
        PLAN
    )
}

/// The tokens as `text type modifiers`, one a line, decoded with the legend.
fn decoded(client: &mut Client, text: &str, answer: &Value) -> String {
    let legend = &client.initialized["capabilities"]["semanticTokensProvider"]["legend"];
    let name = |list: &str, i: u64| legend[list][i as usize].as_str().unwrap_or("?").to_owned();
    let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    let data: Vec<u64> = answer["data"]
        .as_array()
        .expect("data")
        .iter()
        .filter_map(Value::as_u64)
        .collect();
    let (mut line, mut start) = (0, 0);
    let mut out = String::new();
    for token in data.chunks(5) {
        let [dl, ds, len, kind, bits] = token else {
            panic!("tokens come in fives: {data:?}")
        };
        start = if *dl == 0 { start + ds } else { *ds };
        line += dl;
        let chars = &lines[line as usize][start as usize..(start + len) as usize];
        let word: String = chars.iter().collect();
        let modifiers: Vec<String> = (0..4)
            .filter(|b| bits & (1 << b) != 0)
            .map(|b| name("tokenModifiers", b))
            .collect();
        out.push_str(&format!(
            "{line}:{start} {word} {} {}\n",
            name("tokenTypes", *kind),
            modifiers.join(",")
        ));
    }
    out
}

#[test]
fn semantic_tokens_colour_ids_by_kind_and_mark_a_stopped_intervention() {
    let mut client = Client::offering(&["utf-32"]);
    let text = stopped_plan();
    client.open(URI, &text);
    let full = client
        .request(
            "textDocument/semanticTokens/full",
            json!({ "textDocument": { "uri": URI } }),
        )
        .expect("tokens");
    let shown = decoded(&mut client, &text, &full);
    insta::assert_snapshot!("semantic_tokens", shown);
    // The stopped intervention is deprecated wherever it stands.
    let i2: Vec<&str> = shown.lines().filter(|l| l.contains(" I2 ")).collect();
    assert_eq!(i2.len(), 2, "{shown}");
    assert!(i2.iter().all(|l| l.contains("deprecated")), "{i2:?}");

    // A range gives the tokens of its lines only: the session's.
    let ranged = client
        .request(
            "textDocument/semanticTokens/range",
            json!({ "textDocument": { "uri": URI },
                    "range": { "start": { "line": 12, "character": 0 }, "end": { "line": 16, "character": 0 } } }),
        )
        .expect("tokens");
    let session = decoded(&mut client, &text, &ranged);
    let words: Vec<&str> = session
        .lines()
        .filter_map(|l| l.split(' ').nth(1))
        .collect();
    assert_eq!(
        words,
        [
            "session",
            "2026-10-01",
            "used",
            "I1",
            "\"engaged\"",
            "score",
            "PHQ-9",
            "12",
            "risk",
            "low"
        ]
    );
}

fn hint_labels(client: &mut Client, text: &str) -> Vec<(u64, u64, String)> {
    let lines = text.lines().count() as u32;
    let answer = client
        .request(
            "textDocument/inlayHint",
            json!({ "textDocument": { "uri": URI },
                    "range": { "start": { "line": 0, "character": 0 }, "end": { "line": lines, "character": 0 } } }),
        )
        .expect("hints");
    answer
        .as_array()
        .expect("a list")
        .iter()
        .map(|h| {
            let at = &h["position"];
            (
                at["line"].as_u64().unwrap_or(0),
                at["character"].as_u64().unwrap_or(0),
                h["label"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[test]
fn inlay_hints_give_a_scores_band_and_how_far_off_a_date_is_unless_turned_off() {
    let mut client = Client::start(json!({
        "general": { "positionEncodings": ["utf-16"] },
        "workspace": { "inlayHint": { "refreshSupport": true } },
    }));
    // Today is 2026-12-01: the review's next (2026-11-20) has passed with
    // no review since; the goal is due in 45 days.
    let text = format!(
        "{PLAN}\nreview 2026-10-20\n  status G1 improving\n  next 2026-11-20\n\nsession 2026-11-10\n  score PHQ-9 16\n  score GAD-7 30\n"
    );
    client.open(URI, &text);
    assert_eq!(
        hint_labels(&mut client, &text),
        [
            (6, 16, "in 45 days".to_owned()),
            (14, 16, "moderate".to_owned()),
            (19, 17, "overdue 11 days".to_owned()),
            (22, 16, "moderately severe".to_owned()),
            // GAD-7 30 is out of its range: no band (score-out-of-range says so).
        ]
    );

    // VS Code's setting, as its client sends it: off, then on again.
    let setting = |enable: bool| json!({ "settings": { "careplan": { "inlayHints": { "enable": enable }, "today": "" } } });
    client.notify("workspace/didChangeConfiguration", setting(false));
    let refresh = client.server_request("workspace/inlayHint/refresh");
    assert_eq!(refresh, Value::Null);
    assert!(hint_labels(&mut client, &text).is_empty());
    client.notify("workspace/didChangeConfiguration", setting(true));
    assert_eq!(hint_labels(&mut client, &text).len(), 4);
}

#[test]
fn a_code_lens_over_each_goal_tells_how_it_stands_today() {
    let path = crate::test::root().join("examples/collaborative-care.careplan");
    let text = std::fs::read_to_string(&path).expect("example");
    let uri = super::client::file_uri(&path);
    let mut client = Client::offering(&["utf-16"]);
    client.open(&uri, &text);
    let answer = client
        .request(
            "textDocument/codeLens",
            json!({ "textDocument": { "uri": uri } }),
        )
        .expect("lenses");
    let shown: Vec<String> = answer
        .as_array()
        .expect("a list")
        .iter()
        .map(|l| {
            let line = l["range"]["start"]["line"].as_u64().unwrap_or(0) as usize;
            let header = text.lines().nth(line).unwrap_or("");
            format!(
                "{header}\n  {}",
                l["command"]["title"].as_str().unwrap_or("")
            )
        })
        .collect();
    insta::assert_snapshot!("code_lenses", shown.join("\n"));
}
