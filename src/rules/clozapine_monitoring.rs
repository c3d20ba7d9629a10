//! `clozapine-monitoring`: clozapine with a `monitor` line naming its
//! neutrophil counts.

use super::Context;
use super::RuleMeta;
use super::watched::{self, Watch};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Clozapine is taken with no `monitor` line naming neutrophil or white-cell counts.",
    doc: r#"## What it does
Flags clozapine (`clozapine`, `Clozaril`, `"clozapine ODT"`) taken during
the episode whose `monitor "..."` line names no blood count: "neutrophil"
or "neuts", "neutropenia", "ANC", "white cell", "white blood", "WBC",
"WCC", "FBC", "full blood count", "blood count", "CBC", "agranulocytosis",
or a monitoring service ("CPMS", "ZTAS", "DMS", "monitoring service", or
"REMS", which older US plans name: the FDA ended the Clozapine REMS in
2025 but still asks for the label's ANC monitoring). Words
are found at the start of a word in any case; the abbreviations must be
whole words. With no `monitor` line the medication's header is flagged;
with one, the line is. A medication stopped before the episode opened is
not checked.

## Why
Clozapine can cause severe neutropenia and agranulocytosis, which can be
fatal. Its US prescribing information (boxed warning; section 2.5) asks for
the absolute neutrophil count (ANC) before starting, weekly for the first
6 months, every 2 weeks to 12 months, and monthly after. The FDA removed
the Clozapine REMS, the registry that enforced this, from 13 June 2025
(FDA announcement of 27 August 2025), and said prescribers should go on
monitoring the ANC as the label describes: the monitoring is now only as
good as the plan that records it. In the UK the SmPC (Clozaril) makes
registration with a monitoring service (CPMS, ZTAS, DMS) a condition of
supply, with a full blood count weekly for the first 18 weeks, at least
every 2 weeks to a year, and at least every 4 weeks after.

## Example
```careplan
medication M1 clozapine for G1
  dose "200 mg at night"
  started 2026-09-10
  monitor "Constipation and sedation at each visit"
```

## Fix
```careplan
  monitor "ANC weekly for 6 months, fortnightly to 12 months, then monthly; constipation and sedation at each visit"
```
"#,
    check: Some(check),
};

/// What the clozapine label (FDA, section 2.5) and SmPC (UK, section 4.4)
/// ask to be monitored, with the words that name it.
const WATCH: Watch = Watch {
    rule: Rule::ClozapineMonitoring,
    drug: "clozapine",
    watched: &[(
        "the neutrophil count (ANC or full blood count)",
        &[
            "neutrophil",
            "neuts",
            "neutropenia",
            "anc",
            "white cell",
            "white blood",
            "wbc",
            "wcc",
            "fbc",
            "full blood count",
            "blood count",
            "cbc",
            "agranulocytosis",
            "cpms",
            "ztas",
            "dms",
            "monitoring service",
            "rems",
        ],
    )],
    source: "FDA clozapine label; UK SmPC",
    example: "ANC weekly for 6 months, fortnightly to 12 months, then monthly",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    watched::check(cx, out, &WATCH);
}
