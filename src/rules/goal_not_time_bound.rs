//! `goal-not-time-bound`: placeholder, written by the rules work.

use super::RuleMeta;
#[allow(unused_imports)]
use crate::check::Context;
#[allow(unused_imports)]
use crate::diagnostic::{Diagnostic, Severity};

pub(crate) const META: RuleMeta = RuleMeta {
    code: "CP000",
    name: "goal-not-time-bound",
    severity: Severity::Warning,
    summary: "TODO",
    doc: "## What it does\n## Why\n## Example\n## Fix\n",
};

pub(crate) fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
