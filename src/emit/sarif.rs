//! The SARIF 2.1.0 emitter, for GitHub code scanning and other tools that
//! read static-analysis results.
//!
//! One run, with every rule described in `tool.driver.rules` (id = code,
//! name = kebab-case name, short and full description, help in text and
//! Markdown) and one result per finding. Paths are relative URIs; columns
//! count Unicode code points (`columnKind`). A finding with a fix that changes
//! nothing clinical carries it in `fixes` (its `artifactChanges`).

use super::{Placed, located};
use crate::diagnostic::Severity;
use crate::rule::Rule;
use serde_json::{Value, json};

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The first paragraph of a rule's "What it does" section.
fn description(rule: Rule) -> String {
    let doc = rule.meta().doc;
    let body = doc
        .split("## What it does")
        .nth(1)
        .unwrap_or(doc)
        .trim_start();
    let paragraph = body.split("\n\n").next().unwrap_or(body);
    paragraph
        .lines()
        .take_while(|l| !l.starts_with("##"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn rule_descriptor(rule: Rule) -> Value {
    let meta = rule.meta();
    json!({
        "id": rule.code(),
        "name": rule.name(),
        "shortDescription": { "text": meta.summary },
        "fullDescription": { "text": description(rule) },
        "help": { "text": meta.doc, "markdown": meta.doc },
        "defaultConfiguration": { "level": level(rule.default_severity()) },
        "properties": { "tags": ["careplan"] },
    })
}

/// A relative path as a URI reference: forward slashes, reserved bytes
/// percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(byte));
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Renders every file's findings as one SARIF log (with a final newline).
pub fn render(files: &[Placed]) -> String {
    let results: Vec<Value> = located(files)
        .map(|f| {
            let d = f.diagnostic;
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            let fixes: Vec<Value> = d
                .fixes
                .iter()
                .zip(f.edits)
                .filter(|(fix, _)| fix.safe)
                .map(|(fix, places)| {
                    let replacements: Vec<Value> = fix
                        .edits
                        .iter()
                        .zip(places)
                        .map(|(edit, &(start, end))| {
                            json!({
                                "deletedRegion": {
                                    "startLine": start.line,
                                    "startColumn": start.column,
                                    "endLine": end.line,
                                    "endColumn": end.column,
                                },
                                "insertedContent": { "text": edit.text },
                            })
                        })
                        .collect();
                    json!({
                        "description": { "text": fix.title },
                        "artifactChanges": [{
                            "artifactLocation": { "uri": uri(f.path) },
                            "replacements": replacements,
                        }],
                    })
                })
                .collect();
            let mut result = json!({
                "ruleId": d.rule.code(),
                "ruleIndex": Rule::ALL.iter().position(|r| *r == d.rule).unwrap_or(0),
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(f.path) },
                        "region": {
                            "startLine": f.start.line,
                            "startColumn": f.start.column,
                            "endLine": f.end.line,
                            "endColumn": f.end.column,
                        }
                    }
                }],
            });
            if !fixes.is_empty() {
                result["fixes"] = Value::Array(fixes);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "careplan",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": Rule::ALL.iter().map(|r| rule_descriptor(*r)).collect::<Vec<_>>(),
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}
