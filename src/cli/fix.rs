//! `careplan check --fix`: apply the safe fixes to a file and write it back.

use super::{Outcome, fail};
use careplan::workspace;
use careplan::{CheckOptions, Diagnostic, autofix};
use std::path::Path;

/// Applies the safe fixes to `text`, read from `path`, and writes the
/// file back atomically when anything changed, naming on standard error
/// what was fixed. Returns the fixed text and the findings left in it.
pub(super) fn fixed(
    path: &Path,
    text: String,
    options: &CheckOptions,
) -> Result<(String, Vec<Diagnostic>), Outcome> {
    let fixed = autofix(&text, options);
    if fixed.applied.is_empty() {
        return Ok((text, fixed.analysis.diagnostics));
    }
    workspace::write_atomic(path, &fixed.text).map_err(fail)?;
    let shown = workspace::shown(path);
    let count = careplan::emit::plural(fixed.applied.len(), "finding", "findings");
    anstream::eprintln!("fixed {count} in {shown}:");
    for (rule, title) in &fixed.applied {
        anstream::eprintln!("  {rule}: {title}");
    }
    Ok((fixed.text, fixed.analysis.diagnostics))
}
