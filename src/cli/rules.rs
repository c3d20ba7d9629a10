//! `careplan rules` and `careplan explain NAME`.

use super::{Outcome, fail};
use careplan::Rule;

/// Lists every rule: code, name, default severity, summary.
pub fn list() -> Outcome {
    anstream::print!("{}", Rule::table());
    Outcome::Clean
}

/// Prints one rule's documentation.
pub fn explain(name: &str) -> Outcome {
    let Some(rule) = Rule::from_name(name) else {
        let hint = Rule::closest(name).map_or_else(
            || "`careplan rules` lists them all".to_owned(),
            |c| format!("did you mean `{c}`?"),
        );
        return fail(format!("there is no rule `{name}`: {hint}"));
    };
    anstream::print!("{}", rule.explanation());
    Outcome::Clean
}
