//! Findings as the protocol shows them: the rule's name as the code, a link
//! to its documentation, `careplan` as the source, the help in the message,
//! and the other places a finding points at (where a duplicate id was
//! first defined, the other medication of a pair).

use super::documents::Document;
use super::positions::{Encoding, Lines};
use crate::config::ConfigError;
use crate::diagnostic::{Diagnostic, Severity};
use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range, Uri,
};

/// What every published finding says it comes from.
pub const SOURCE: &str = "careplan";

/// The findings of `document`'s latest check, for the client (first, when
/// its `careplan.toml` could not be read, a finding that says so).
pub fn of_document(
    document: &Document,
    encoding: Encoding,
    rules_url: &str,
) -> Vec<lsp_types::Diagnostic> {
    let Some(session) = document.checked() else {
        return Vec::new();
    };
    let (text, lines) = (document.text(), document.lines());
    let unreadable = document.config_error().map(config_unreadable);
    let findings = session.check().iter().map(|d| {
        let mut shown = convert(d, text, lines, encoding, rules_url);
        if !d.related.is_empty() {
            let related = d
                .related
                .iter()
                .map(|(span, message)| DiagnosticRelatedInformation {
                    location: Location::new(
                        document.uri().clone(),
                        lines.range(text, *span, encoding),
                    ),
                    message: message.clone(),
                });
            shown.related_information = Some(related.collect());
        }
        shown
    });
    unreadable.into_iter().chain(findings).collect()
}

/// One finding, its span turned into a range of `text`.
pub fn convert(
    finding: &Diagnostic,
    text: &str,
    lines: &Lines,
    encoding: Encoding,
    rules_url: &str,
) -> lsp_types::Diagnostic {
    let name = finding.rule.name();
    let message = match &finding.help {
        Some(help) => format!("{}\nhelp: {help}", finding.message),
        None => finding.message.clone(),
    };
    lsp_types::Diagnostic {
        range: lines.range(text, finding.span, encoding),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(name.to_owned())),
        code_description: rule_link(rules_url, name).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message,
        ..lsp_types::Diagnostic::default()
    }
}

/// The link to `rule`'s section of the rules' documentation.
pub fn rule_link(rules_url: &str, rule: &str) -> Option<Uri> {
    format!("{rules_url}#{rule}").parse().ok()
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// A configuration file's mistake at its line and column in `text` (the
/// file's contents), with its help.
pub fn of_config_error(
    error: &ConfigError,
    text: &str,
    encoding: Encoding,
) -> lsp_types::Diagnostic {
    let lines = Lines::new(text);
    // The error counts columns in characters: find the byte, then the position.
    let at = Position::new(
        u32::try_from(error.line.saturating_sub(1)).unwrap_or(u32::MAX),
        u32::try_from(error.column.saturating_sub(1)).unwrap_or(u32::MAX),
    );
    let offset = lines.offset(text, at, Encoding::Utf32);
    let position = lines.position(text, offset, encoding);
    let message = match &error.help {
        Some(help) => format!("{}\nhelp: {help}", error.message),
        None => error.message.clone(),
    };
    lsp_types::Diagnostic {
        range: Range::new(position, position),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("config".to_owned())),
        source: Some(SOURCE.to_owned()),
        message,
        ..lsp_types::Diagnostic::default()
    }
}

/// The finding on a plan whose `careplan.toml` could not be read: at its
/// first line, naming the file; the plan was checked with the defaults.
pub fn config_unreadable(error: &ConfigError) -> lsp_types::Diagnostic {
    lsp_types::Diagnostic {
        range: Range::default(),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("config".to_owned())),
        source: Some(SOURCE.to_owned()),
        message: format!(
            "{} could not be read, so this plan was checked with the built-in defaults: {}",
            crate::workspace::shown(&error.path),
            error.message
        ),
        ..lsp_types::Diagnostic::default()
    }
}

/// The finding shown instead of a plan's findings when checking it failed
/// (a fault in careplan, not in the plan).
pub fn could_not_check() -> lsp_types::Diagnostic {
    lsp_types::Diagnostic {
        range: Range::default(),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_owned()),
        message: "careplan could not check this plan: an internal error (please report it); \
                  run `careplan check` on the saved file to see its findings"
            .to_owned(),
        ..lsp_types::Diagnostic::default()
    }
}
