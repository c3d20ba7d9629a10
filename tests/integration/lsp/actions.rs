//! Code actions: a finding's fixes as quick fixes, and fix-all.

use super::client::{Client, apply};
use super::{PLAN, URI};
use serde_json::{Value, json};

fn actions(client: &mut Client, uri: &str, line: u32, only: Option<&[&str]>) -> Vec<Value> {
    let mut context = json!({ "diagnostics": [] });
    if let Some(only) = only {
        context["only"] = json!(only);
    }
    let answer = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": { "start": { "line": line, "character": 0 }, "end": { "line": line, "character": 200 } },
                "context": context,
            }),
        )
        .expect("code actions");
    answer.as_array().cloned().unwrap_or_default()
}

fn titled<'a>(actions: &'a [Value], title: &str) -> &'a Value {
    actions
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no action {title:?} among {actions:#?}"))
}

fn edits(action: &Value) -> Vec<Value> {
    action["edit"]["changes"][URI]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn a_finding_offers_its_fixes_with_the_safe_one_preferred_and_allowing_it_last() {
    let mut client = Client::offering(&["utf-16"]);
    let text = PLAN.replace("score PHQ-9 12", "score phq-9 12");
    client.open(URI, &text);
    let line = text.lines().position(|l| l.contains("phq-9")).unwrap_or(0) as u32;
    let found = actions(&mut client, URI, line, None);
    let titles: Vec<&str> = found.iter().filter_map(|a| a["title"].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Replace with `PHQ-9`",
            "Allow `unknown-measure` on this line",
            "Apply 1 fix careplan can make safely"
        ],
        "{found:#?}"
    );
    let respell = titled(&found, "Replace with `PHQ-9`");
    assert_eq!(respell["kind"], "quickfix");
    assert_eq!(
        respell["isPreferred"], true,
        "a change of letter case only is safe"
    );
    assert_eq!(respell["diagnostics"][0]["code"], "unknown-measure");
    assert_eq!(apply(&text, &edits(respell)), PLAN);
    let allow = titled(&found, "Allow `unknown-measure` on this line");
    assert_eq!(allow["isPreferred"], false);
    assert_eq!(
        apply(&text, &edits(allow)),
        text.replace(
            "score phq-9 12",
            "score phq-9 12  # careplan: allow unknown-measure"
        )
    );
}

#[test]
fn fix_all_applies_every_safe_fix_and_nothing_that_needs_judgement() {
    let mut client = Client::offering(&["utf-16"]);
    let text = PLAN
        .replace("\"Sleep through the night\"", "“Sleep through the night”")
        .replace("  due 2027-01-15", "  Due 2027-01-15")
        .replace("used I1", "used I2");
    client.open(URI, &text);
    let found = actions(&mut client, URI, 0, Some(&["source.fixAll"]));
    assert_eq!(found.len(), 1, "{found:#?}");
    let all = &found[0];
    assert_eq!(all["kind"], "source.fixAll.careplan");
    assert_eq!(all["title"], "Apply 2 fixes careplan can make safely");
    // The quotes and the keyword's case are fixed; the unknown intervention
    // `I2` is the clinician's to decide.
    assert_eq!(
        apply(&text, &edits(all)),
        PLAN.replace("used I1", "used I2")
    );
    let quick = actions(&mut client, URI, 0, Some(&["quickfix"]));
    assert!(quick.is_empty(), "the plan line has no finding: {quick:#?}");
}

#[test]
fn the_server_announces_quick_fixes_and_fix_all() {
    let client = Client::offering(&["utf-16"]);
    let kinds = &client.initialized["capabilities"]["codeActionProvider"]["codeActionKinds"];
    assert_eq!(kinds, &json!(["quickfix", "source.fixAll.careplan"]));
}
