//! The formatter's guarantees on any text it accepts: formatting twice
//! changes nothing, and the plan's meaning and comments survive.

#![no_main]

use careplan::format::format;
use careplan::{interpret, parse};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// The parsed plan and its replay, with spans and comments left out.
fn meaning(text: &str) -> Value {
    let mut document = parse(text).document;
    document.comments.clear();
    let record = interpret(&document);
    let mut value = serde_json::json!({ "document": document, "record": record });
    strip_spans(&mut value);
    value
}

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

fn comments(text: &str) -> Vec<String> {
    let document = parse(text).document;
    document
        .comments
        .into_iter()
        .map(|c| c.text.trim_end().to_owned())
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(once) = format(text) else {
        return;
    };
    let twice = format(&once).expect("formatted text formats");
    assert_eq!(twice, once, "formatting is not idempotent");
    assert_eq!(
        meaning(&once),
        meaning(text),
        "formatting changed the meaning"
    );
    assert_eq!(
        comments(&once),
        comments(text),
        "formatting changed the comments"
    );
});
