//! The formatter's guarantees, asserted for one text: formatting twice
//! changes nothing, every entry (objectives and the discharge too) starts
//! at column 0, and the plan's meaning and comments survive. Shared by the
//! fmt tests and the `format` fuzz target (`fuzz/`).

use careplan::format::format;
use careplan::{interpret, parse};
use serde_json::Value;

/// Removes every span from a serialised tree, leaving what it means.
fn strip_spans(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|key, _| key != "span" && key != "header");
            map.values_mut().for_each(strip_spans);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_spans),
        _ => {}
    }
}

/// The parsed file and its replayed record, spans and comments aside
/// (comments are compared on their own, without trailing spaces).
fn meaning(text: &str) -> Value {
    let mut document = parse(text).document;
    document.comments.clear();
    let record = interpret(&document);
    let mut value = serde_json::json!({ "document": document, "record": record });
    strip_spans(&mut value);
    value
}

fn comments(text: &str) -> Vec<String> {
    parse(text)
        .document
        .comments
        .into_iter()
        .map(|c| c.text.trim_end().to_owned())
        .collect()
}

/// Asserts every guarantee for one text that formats.
pub fn holds(name: &str, text: &str) {
    let Ok(once) = format(text) else { return };
    let twice = format(&once).expect("formatted text formats");
    assert_eq!(twice, once, "{name}: formatting is not idempotent");
    for entry in &parse(&once).document.entries {
        let before = once.get(..entry.header().start).unwrap_or("");
        assert!(
            before.is_empty() || before == "\u{FEFF}" || before.ends_with('\n'),
            "{name}: the {} header is not at column 0:\n{once}",
            entry.keyword()
        );
    }
    assert_eq!(meaning(&once), meaning(text), "{name}: meaning changed");
    assert_eq!(comments(&once), comments(text), "{name}: comments changed");
}
