//! The `session` entry written out from the plan, in completion.

use super::client::Client;
use super::{PLAN, URI};
use serde_json::{Value, json};

/// The plan with a second intervention stopped at a review, and `ses`
/// typed on the last line.
fn typing() -> String {
    format!(
        "{PLAN}\nintervention I2 behavioural-activation for G1\n\nreview 2026-11-01\n  status G1 improving\n  stop I2 \"Done\"\n  next 2026-12-31\n\nses"
    )
}

fn session_item(client: &mut Client, text: &str) -> Value {
    client.open(URI, text);
    let line = text.lines().count() as u32 - 1;
    let answer = client
        .at("textDocument/completion", URI, line, 3, json!({}))
        .expect("completion");
    let items = answer["items"].as_array().cloned().unwrap_or_default();
    assert!(items.iter().any(|i| i["label"] == "session"), "{items:?}");
    items
        .into_iter()
        .find(|i| i["label"] == "session (today)")
        .expect("the session skeleton is offered")
}

#[test]
fn a_session_for_today_lists_the_active_interventions_and_the_goals_measures() {
    let snippets = json!({ "textDocument": { "completion": { "completionItem": { "snippetSupport": true } } } });
    let mut client = Client::start(snippets);
    let item = session_item(&mut client, &typing());
    assert_eq!(item["insertTextFormat"], 2, "a snippet");
    // Today is 2026-12-01; I2 was stopped, so it is not used.
    assert_eq!(
        item["textEdit"]["newText"],
        "session 2026-12-01\n  used I1 \"${1:response}\"\n  score PHQ-9 ${2:PHQ-9 score}\n"
    );
    assert_eq!(
        item["textEdit"]["range"]["start"]["character"], 0,
        "it replaces the word typed"
    );

    // A client without snippets gets the same entry with nothing filled in:
    // the missing score does not read until the clinician writes it.
    let mut plain = Client::start(json!({}));
    let item = session_item(&mut plain, &typing());
    assert_eq!(item["insertTextFormat"], 1, "plain text");
    assert_eq!(
        item["textEdit"]["newText"],
        "session 2026-12-01\n  used I1 \"\"\n  score PHQ-9 \n"
    );
}
