//! Findings as data: what rule fired, how severe it is, where, and what to do.
//! Emitters in [`crate::emit`] turn them into text, JSON and the rest.

use crate::rules::Rule;
use crate::span::Span;
use serde::Serialize;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Should be looked at.
    Warning,
    /// Must be fixed: the file is wrong or unsafe.
    Error,
}

impl Severity {
    /// The lowercase word (`error`, `warning`, `info`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding about one place in a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
            severity: rule.meta().severity,
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

/// Suggests the closest of `candidates` to a misspelt `word`, if one is close.
///
/// Uses normalised Damerau-Levenshtein similarity, case-insensitively, and
/// accepts matches of 0.7 or better so that `PHQ9` finds `PHQ-9` but `G7`
/// does not find `G1`. Failing that, a word of three letters or more that
/// starts exactly one candidate finds it (`unlinked` finds
/// `unlinked-intervention`).
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    let scored: Vec<(&str, f64)> = candidates
        .into_iter()
        .map(|c| {
            (
                c,
                strsim::normalized_damerau_levenshtein(&word, &c.to_lowercase()),
            )
        })
        .collect();
    let closest = scored
        .iter()
        .filter(|&&(_, score)| score >= 0.7)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|&(c, _)| c);
    closest.or_else(|| {
        let mut starting = scored
            .iter()
            .filter(|(c, _)| word.len() >= 3 && c.to_lowercase().starts_with(&word));
        match (starting.next(), starting.next()) {
            (Some(&(only, _)), None) => Some(only),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_only_close_words() {
        assert_eq!(did_you_mean("PHQ9", ["PHQ-9", "GAD-7"]), Some("PHQ-9"));
        assert_eq!(
            did_you_mean("sesion", ["session", "review"]),
            Some("session")
        );
        assert_eq!(did_you_mean("xyz", ["session", "review"]), None);
        assert_eq!(
            did_you_mean("unlinked", ["unlinked-intervention", "plateau"]),
            Some("unlinked-intervention")
        );
        assert_eq!(
            did_you_mean("goal", ["goal-overdue", "goal-not-measurable"]),
            None
        );
    }
}
