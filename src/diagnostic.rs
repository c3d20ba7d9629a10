//! Findings as data: what rule fired, how severe it is, where, and what to do.
//! Emitters in [`crate::emit`] turn them into text, JSON and the rest.

pub use crate::fix::{Edit, Fix};
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
    /// Edits that resolve it, the one to prefer first.
    pub fixes: Vec<Fix>,
    /// Other places the finding is about, each with what it is there (the
    /// first definition of a duplicate id, the other medication of a pair).
    /// Editors show them beside the finding; the reports leave them out.
    #[serde(skip)]
    pub related: Vec<(Span, String)>,
    /// Whether the text under the span identifies someone (a name, a phone
    /// number): every output shows it masked, as [`mask`] does.
    #[serde(skip)]
    pub conceal: bool,
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
            fixes: Vec::new(),
            related: Vec::new(),
            conceal: false,
        }
    }

    /// Marks the text under the span as identifying: outputs mask it.
    #[must_use]
    pub fn concealed(mut self) -> Self {
        self.conceal = true;
        self
    }

    /// Adds the help line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// What the finding says and where, without its fixes: two checks of
    /// one plan report the same finding when these are equal, though its
    /// fixes may differ (a goal added since is another to link).
    pub fn finding(&self) -> (Rule, Severity, Span, &str, Option<&str>) {
        (
            self.rule,
            self.severity,
            self.span,
            &self.message,
            self.help.as_deref(),
        )
    }

    /// Adds the fixes of `fixes` (an `Option` or a list), after those
    /// already offered.
    #[must_use]
    pub fn with_fixes(mut self, fixes: impl IntoIterator<Item = Fix>) -> Self {
        self.fixes.extend(fixes);
        self
    }

    /// Adds other places the finding is about (`related` may be an
    /// `Option` or a list), each with what it is there.
    #[must_use]
    pub fn with_related(mut self, related: impl IntoIterator<Item = (Span, String)>) -> Self {
        self.related.extend(related);
        self
    }

    /// Adds a fix, after those already offered.
    #[must_use]
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }
}

/// A count with its noun: `1 file`, `2 files`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether the character at `index` of an identifier `count` characters
/// long is shown when it is masked: the first two and the last two, or only
/// the first of an identifier of five characters or fewer.
pub fn shown_when_masked(index: usize, count: usize) -> bool {
    if count <= 5 {
        index == 0
    } else {
        index < 2 || index + 2 >= count
    }
}

/// `text` masked: the characters [`shown_when_masked`] keeps, and one `…`
/// for each run of the others (`44…66`).
pub fn mask(text: &str) -> String {
    let count = text.chars().count();
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if shown_when_masked(i, count) {
            out.push(c);
        } else if !out.ends_with('…') {
            out.push('…');
        }
    }
    out
}
