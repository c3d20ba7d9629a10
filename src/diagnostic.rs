//! Findings as data: what rule fired, how severe it is, where, and what to do.
//! Emitters in [`crate::emit`] turn them into text, JSON and the rest.

use crate::rule::Rule;
pub use crate::rule::Severity;
use crate::span::Span;
use serde::Serialize;

/// One finding about one place in a file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Diagnostic {
    /// The rule that fired.
    pub rule: Rule,
    /// Its severity (the rule's default unless configured otherwise).
    pub severity: Severity,
    /// The most specific span the finding is about.
    pub span: Span,
    /// What is wrong, in clinical words.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A finding of `rule` at its default severity.
    pub fn new(rule: Rule, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: rule.default_severity(),
            span,
            message: message.into(),
            help: None,
        }
    }

    /// Adds the help line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// A count with its noun: `1 file`, `2 files`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
