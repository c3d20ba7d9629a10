//! `no-prescriber`: placeholder until the rule is written.

use super::RuleMeta;
use crate::diagnostic::Severity;

pub(crate) const META: RuleMeta = RuleMeta {
    code: "CP023",
    name: "no-prescriber",
    severity: Severity::Warning,
    summary: "Not written yet.",
    doc: "## What it does\n## Why\n## Example\n## Fix\n",
    check: None,
};
