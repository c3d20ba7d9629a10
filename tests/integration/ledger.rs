//! The generated corpus as a beancount ledger, for the benchmarks' side by
//! side with `bean-check` (`benches/check.rs` includes this file with
//! `#[path]` beside `generate.rs`).

use crate::generate::Forms;
use serde_json::Value;
use std::fmt::Write;

impl Forms {
    /// The plan as a beancount ledger, for `bean-check`: the plan, concerns,
    /// goals, measures and treatments are accounts opened on the plan's
    /// `opened` date (with their fields as metadata), each session and
    /// review a transaction posting to the treatments used, the measures
    /// scored and the goals reviewed, an event a `note`, a safety plan a
    /// `custom` entry, and comments `;` comments. bean-check then does what
    /// careplan's cross-reference check does: every account posted to must
    /// be opened. Every account is under `book` (`Assets:P42:Goal:G1`), so
    /// that the ledgers of many plans can be included in one.
    pub fn beancount(&self, book: &str) -> String {
        let mut out = String::new();
        let mut opened = String::from("1970-01-01");
        for entry in &self.entries {
            let Some((kind, fields)) = entry.as_object().and_then(|e| e.iter().next()) else {
                continue;
            };
            let Some(fields) = fields.as_object() else {
                continue;
            };
            let text = |key: &str| fields.get(key).and_then(Value::as_str).unwrap_or("");
            let meta = |out: &mut String, indent: &str, skip: &[&str]| {
                for (key, value) in fields {
                    if skip.contains(&key.as_str()) || value.is_array() {
                        continue;
                    }
                    let _ = writeln!(out, "{indent}{}: {}", key.replace('_', "-"), literal(value));
                }
            };
            match kind.as_str() {
                "comment" => {
                    let _ = writeln!(out, "; {}", text("text"));
                }
                "plan" => {
                    opened = text("opened").to_owned();
                    let _ = writeln!(out, "{opened} open Equity:{book}:Care");
                    for builtin in ["PHQ-9", "GAD-7", "SUDS"] {
                        let _ = writeln!(out, "{opened} open Assets:{book}:Measure:{builtin}");
                    }
                    let _ = writeln!(out, "{opened} open Assets:{book}:Plan:{}", text("client"));
                    meta(&mut out, "  ", &["opened", "client"]);
                }
                "concern" | "goal" | "measure" | "intervention" | "medication" => {
                    let (root, group) = match kind.as_str() {
                        "concern" => ("Assets", "Concern"),
                        "goal" => ("Assets", "Goal"),
                        "measure" => ("Assets", "Measure"),
                        "intervention" => ("Expenses", "Intervention"),
                        _ => ("Expenses", "Medication"),
                    };
                    let _ = writeln!(
                        out,
                        "{opened} open {root}:{book}:{group}:{}",
                        account(text("id"))
                    );
                    meta(&mut out, "  ", &["id"]);
                    for (key, list) in fields.iter().filter(|(_, v)| v.is_array()) {
                        let items: Vec<String> = list
                            .as_array()
                            .into_iter()
                            .flatten()
                            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                            .collect();
                        let _ = writeln!(out, "  {key}: {}", quoted(&items.join(", ")));
                    }
                }
                "safety_plan" => {
                    let _ = writeln!(
                        out,
                        "{} custom \"safety-plan\" {} {} {} {}",
                        text("date"),
                        quoted(text("warning_signs")),
                        quoted(text("coping")),
                        quoted(text("contacts")),
                        quoted(text("means_safety")),
                    );
                }
                "event" => {
                    let _ = writeln!(
                        out,
                        "{} note Equity:{book}:Care {}",
                        text("date"),
                        quoted(&format!("{}: {}", text("text"), text("note"))),
                    );
                }
                _ => {
                    // A session or a review: a transaction.
                    let _ = writeln!(out, "{} * {}", text("date"), quoted(kind));
                    meta(&mut out, "  ", &["date"]);
                    let list = |key: &str| {
                        fields
                            .get(key)
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                    };
                    for comment in list("comments") {
                        let _ = writeln!(out, "  ; {}", comment.as_str().unwrap_or(""));
                    }
                    let posting = |out: &mut String,
                                   to: String,
                                   amount: &str,
                                   item: &Value,
                                   skip: &[&str]| {
                        let _ = writeln!(out, "  {to}  {amount}");
                        if let Some(item) = item.as_object() {
                            for (key, value) in
                                item.iter().filter(|(k, _)| !skip.contains(&k.as_str()))
                            {
                                let _ = writeln!(out, "    {key}: {}", literal(value));
                            }
                        }
                    };
                    for used in list("used") {
                        let to = format!(
                            "Expenses:{book}:Intervention:{}",
                            account(field(used, "id"))
                        );
                        posting(&mut out, to, "1 SESSION", used, &["id"]);
                    }
                    for score in list("scores") {
                        let to =
                            format!("Assets:{book}:Measure:{}", account(field(score, "measure")));
                        let value = score
                            .get("value")
                            .map_or_else(String::new, Value::to_string);
                        posting(
                            &mut out,
                            to,
                            &format!("{value} SCORE"),
                            score,
                            &["measure", "value"],
                        );
                    }
                    for item in list("progress")
                        .chain(list("statuses"))
                        .chain(list("revisions"))
                    {
                        let to = format!("Assets:{book}:Goal:{}", account(field(item, "goal")));
                        posting(&mut out, to, "1 REVIEWED", item, &["goal"]);
                    }
                    for stop in list("stops") {
                        let to = format!(
                            "Expenses:{book}:Intervention:{}",
                            account(field(stop, "id"))
                        );
                        posting(&mut out, to, "1 STOP", stop, &["id"]);
                    }
                    let _ = writeln!(out, "  Equity:{book}:Care");
                }
            }
            out.push('\n');
        }
        out
    }
}

/// A string field of a typed item.
fn field<'a>(item: &'a Value, key: &str) -> &'a str {
    item.get(key).and_then(Value::as_str).unwrap_or("")
}

/// An id as a beancount account name part, which starts with a capital.
fn account(id: &str) -> String {
    let mut chars = id.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// A beancount string literal.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A JSON value as a beancount metadata value: numbers as numbers,
/// everything else as a string.
fn literal(value: &Value) -> String {
    match value {
        Value::Number(n) => n.to_string(),
        Value::String(s) => quoted(s),
        other => quoted(&other.to_string()),
    }
}
