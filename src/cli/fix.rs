//! `careplan check --fix`: apply the safe fixes to a file and write it back.

use careplan::workspace::{self, WorkspaceError};
use careplan::{CheckOptions, Diagnostic, autofix};
use std::path::Path;

/// A file after `--fix`: its text, the findings left in it, and the lines
/// that say what was fixed (empty when nothing was).
pub(super) struct Fixed {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    pub report: String,
}

/// Applies the safe fixes to `text`, read from `path`, and writes the
/// file back atomically when anything changed.
pub(super) fn fixed(
    path: &Path,
    text: String,
    options: &CheckOptions,
) -> Result<Fixed, WorkspaceError> {
    let fixed = autofix(&text, options);
    if fixed.applied.is_empty() {
        return Ok(Fixed {
            text,
            diagnostics: fixed.analysis.diagnostics,
            report: String::new(),
        });
    }
    workspace::write_atomic(path, &fixed.text)?;
    let count = careplan::emit::plural(fixed.applied.len(), "finding", "findings");
    let mut report = format!("fixed {count} in {}:\n", workspace::shown(path));
    for (rule, title) in &fixed.applied {
        report.push_str(&format!("  {rule}: {title}\n"));
    }
    Ok(Fixed {
        text: fixed.text,
        diagnostics: fixed.analysis.diagnostics,
        report,
    })
}
