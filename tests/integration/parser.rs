//! Parser tests: every entry and field, comments, line endings, error positions.

use careplan::parse;

fn contract_example() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/contract-example.careplan"))
        .expect("contract example")
}

#[test]
fn contract_example_parses_without_findings() {
    let parsed = parse(&contract_example());
    assert_eq!(parsed.diagnostics, vec![]);
    assert_eq!(parsed.document.entries.len(), 13);
    assert_eq!(parsed.document.comments.len(), 1);
}
