//! The GitHub Actions emitter: one workflow command per finding, so findings
//! appear as annotations on the pull request's changed lines.
//!
//! ```text
//! ::error file=plans/c-1.careplan,line=17,col=1,endLine=17,endColumn=58,title=unlinked-intervention (CP002)::intervention `I2` is not linked to any goal%0Ahelp: add `for GOAL` …
//! ```

use super::{Placed, located};
use crate::diagnostic::Severity;
use std::fmt::Write as _;

/// Renders every finding as a workflow command, one per line.
pub fn render(files: &[Placed]) -> String {
    let mut out = String::new();
    for f in located(files) {
        let d = f.diagnostic;
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(f.path),
            f.start.line,
            f.start.column,
            f.end.line,
            f.end.column,
            property(&format!("{} ({})", d.rule.name(), d.rule.code())),
            data(&message),
        );
    }
    out
}

/// Escapes a command's message (GitHub's `escapeData`).
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value (GitHub's `escapeProperty`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{data, property};

    #[test]
    fn escapes_as_the_actions_toolkit_does() {
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
