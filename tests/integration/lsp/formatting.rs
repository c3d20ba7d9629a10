//! Formatting a range: only the whole document's edits that touch it.

use super::client::{Client, apply};
use super::{PLAN, URI};
use serde_json::{Value, json};

fn format_lines(client: &mut Client, uri: &str, from: u32, to: u32) -> Result<Vec<Value>, String> {
    client
        .request(
            "textDocument/rangeFormatting",
            json!({
                "textDocument": { "uri": uri },
                "range": { "start": { "line": from, "character": 0 }, "end": { "line": to, "character": 0 } },
                "options": { "tabSize": 2, "insertSpaces": true },
            }),
        )
        .map(|edits| edits.as_array().cloned().unwrap_or_default())
}

#[test]
fn formatting_a_range_changes_only_the_lines_in_it() {
    let mut client = Client::offering(&["utf-16"]);
    assert_eq!(
        client.initialized["capabilities"]["documentRangeFormattingProvider"],
        true
    );
    // Two lines out of place: `due` of the goal (line 6) and `dose` (line 10).
    let messy = PLAN
        .replace("  due 2027-01-15", "      due   2027-01-15")
        .replace("  dose \"50 mg daily\"", "    dose \"50 mg daily\"");
    client.open(URI, &messy);
    let goal = format_lines(&mut client, URI, 4, 7).expect("edits");
    assert_eq!(goal.len(), 1, "{goal:?}");
    let fixed_goal = apply(&messy, &goal);
    assert!(fixed_goal.contains("\n  due 2027-01-15\n"), "{fixed_goal}");
    assert!(
        fixed_goal.contains("\n    dose \"50 mg daily\""),
        "the medication is outside the range: {fixed_goal}"
    );
    // The session's lines are already in place: nothing to do there.
    assert_eq!(format_lines(&mut client, URI, 12, 16), Ok(Vec::new()));
    // A cursor on the `dose` line (an empty range) formats that line.
    let dose = format_lines(&mut client, URI, 10, 10).expect("edits");
    assert_eq!(apply(&messy, &dose), messy.replace("    dose", "  dose"));

    client.open("untitled:broken", &format!("{PLAN}goal G2\n"));
    let refused = format_lines(&mut client, "untitled:broken", 0, 3).expect_err("refused");
    assert!(refused.contains("1 syntax error"), "{refused}");
}
