//! `combined-care-cadence`: placeholder until the rule is written.

use super::RuleMeta;
use crate::diagnostic::Severity;

pub(crate) const META: RuleMeta = RuleMeta {
    code: "CP030",
    name: "combined-care-cadence",
    severity: Severity::Info,
    summary: "Not written yet.",
    doc: "## What it does\n## Why\n## Example\n## Fix\n",
    check: None,
};
