//! Workspace symbols and workspace findings over the folder of plans: open
//! plans as the editor holds them, the others as they are on disk.

use super::PLAN;
use super::client::{Client, TODAY, file_uri};
use serde_json::{Value, json};

/// A folder of two plans, `a` (to be opened) and `b` in a sub-folder (left
/// on disk, with an unknown goal), and a hidden folder that is passed over.
fn folder() -> tempfile::TempDir {
    let dir = crate::test::scratch();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
    };
    write("a.careplan", PLAN);
    write(
        "team/b.careplan",
        &PLAN
            .replace("Sleep through the night", "Back to work")
            .replace("for G1\nmedication", "for G9\nmedication"),
    );
    write(".trash/c.careplan", PLAN);
    write("notes.txt", "goal G1 \"not a plan\"\n");
    dir
}

#[test]
fn workspace_symbols_search_open_plans_and_those_on_disk() {
    let dir = folder();
    let root = file_uri(dir.path());
    let mut client = Client::start_in(json!({}), json!({ "today": TODAY }), &[&root]);
    assert_eq!(
        client.initialized["capabilities"]["workspaceSymbolProvider"],
        true
    );
    let a = file_uri(&dir.path().join("a.careplan"));
    // `a` is open with a change not saved: its goal is searched as typed.
    client.open(
        &a,
        &PLAN.replace("Sleep through the night", "Sleep unbroken"),
    );
    let mut search = |query: &str| -> Vec<(String, String)> {
        let answer = client
            .request("workspace/symbol", json!({ "query": query }))
            .expect("symbols");
        let mut found: Vec<(String, String)> = answer
            .as_array()
            .expect("a list")
            .iter()
            .map(|s| {
                let uri = s["location"]["uri"].as_str().unwrap_or("");
                let file = uri.rsplit('/').next().unwrap_or("").to_owned();
                (file, s["name"].as_str().unwrap_or("").to_owned())
            })
            .collect();
        found.sort();
        found
    };
    assert_eq!(
        search("g1"),
        [
            ("a.careplan".to_owned(), "goal G1".to_owned()),
            ("b.careplan".to_owned(), "goal G1".to_owned()),
        ]
    );
    // By what a goal says: the open text, and the file on disk.
    assert_eq!(
        search("unbroken"),
        [("a.careplan".to_owned(), "goal G1".to_owned())]
    );
    assert_eq!(
        search("back to work"),
        [("b.careplan".to_owned(), "goal G1".to_owned())]
    );
    assert_eq!(search("session").len(), 2, "one session in each plan");
    let all = search("");
    assert!(all.iter().all(|(file, _)| file != "c.careplan"), "{all:?}");
}

#[test]
fn workspace_diagnostics_report_every_plan_of_the_folder() {
    let dir = folder();
    let root = file_uri(dir.path());
    let mut client = Client::start_in(
        json!({ "textDocument": { "diagnostic": {} } }),
        json!({ "today": TODAY }),
        &[&root],
    );
    assert_eq!(
        client.initialized["capabilities"]["diagnosticProvider"]["workspaceDiagnostics"],
        true
    );
    let a = file_uri(&dir.path().join("a.careplan"));
    let b = file_uri(&dir.path().join("team/b.careplan"));
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": a, "languageId": "careplan", "version": 3, "text": PLAN } }),
    );
    let report = client
        .request("workspace/diagnostic", json!({ "previousResultIds": [] }))
        .expect("a report");
    let mut items: Vec<(String, Value, Vec<String>)> = report["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| {
            let codes = item["items"]
                .as_array()
                .map(|found| {
                    found
                        .iter()
                        .filter_map(|d| d["code"].as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            (
                item["uri"].as_str().unwrap_or("").to_owned(),
                item["version"].clone(),
                codes,
            )
        })
        .collect();
    items.sort_by(|x, y| x.0.cmp(&y.0));
    assert_eq!(
        items,
        [
            (a, json!(3), Vec::new()),
            (b.clone(), Value::Null, vec!["unknown-reference".to_owned()]),
        ]
    );

    // Pulled again with the result ids it gave: nothing changed, so both
    // are unchanged; after `b` changes on disk, it alone is reported anew.
    let previous: Vec<Value> = report["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| json!({ "uri": item["uri"], "value": item["resultId"] }))
        .collect();
    let pull = |client: &mut Client| -> Vec<(String, String)> {
        let again = client
            .request(
                "workspace/diagnostic",
                json!({ "previousResultIds": previous }),
            )
            .expect("a report");
        let mut kinds: Vec<(String, String)> = again["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| {
                let uri = i["uri"].as_str().unwrap_or("");
                let file = uri.rsplit('/').next().unwrap_or("").to_owned();
                (file, i["kind"].as_str().unwrap_or("").to_owned())
            })
            .collect();
        kinds.sort();
        kinds
    };
    let kinds = |a: &str, b: &str| {
        vec![
            ("a.careplan".to_owned(), a.to_owned()),
            ("b.careplan".to_owned(), b.to_owned()),
        ]
    };
    assert_eq!(pull(&mut client), kinds("unchanged", "unchanged"));
    std::fs::write(dir.path().join("team/b.careplan"), PLAN).expect("write");
    assert_eq!(pull(&mut client), kinds("unchanged", "full"));
}
