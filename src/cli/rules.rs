//! `careplan rules` and `careplan explain NAME`.

use super::{Outcome, fail};
use careplan::Rule;
use careplan::diagnostic::did_you_mean;

/// Lists every rule: code, name, default severity, summary.
pub fn list() -> Outcome {
    let width = Rule::ALL.iter().map(|r| r.name().len()).max().unwrap_or(0);
    for rule in Rule::ALL {
        let meta = rule.meta();
        anstream::println!(
            "{}  {:width$}  {:7}  {}",
            meta.code,
            meta.name,
            meta.severity.as_str(),
            meta.summary
        );
    }
    Outcome::Clean
}

/// Prints one rule's documentation.
pub fn explain(name: &str) -> Outcome {
    let Some(rule) = Rule::from_name(name) else {
        let close = did_you_mean(name, Rule::ALL.iter().map(|r| r.name()));
        let hint = close.map_or_else(
            || "`careplan rules` lists them all".to_owned(),
            |c| format!("did you mean `{c}`?"),
        );
        return fail(format!("there is no rule `{name}`: {hint}"));
    };
    let meta = rule.meta();
    anstream::println!(
        "{} ({}, default severity: {})\n\n{}\n\n{}",
        meta.name,
        meta.code,
        meta.severity,
        meta.summary,
        meta.doc.trim_end()
    );
    Outcome::Clean
}
