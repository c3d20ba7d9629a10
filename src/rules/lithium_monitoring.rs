//! `lithium-monitoring`: lithium with a `monitor` line naming its blood
//! levels, renal and thyroid function.

use super::Context;
use super::RuleMeta;
use super::watched::{self, Watch};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Lithium is taken with no `monitor` line naming its blood levels, renal function and thyroid function.",
    doc: r#"## What it does
Flags lithium (however it is written: `"lithium carbonate"`, `Priadel`,
`"Lithobid ER"`) taken during the episode whose `monitor "..."` line does
not name each of:
- plasma lithium levels: "level", "serum lithium", "plasma lithium",
  "trough", "concentration", or "Li" as a word ("Li 3/12", "serum Li");
- renal function: "renal", "kidney", "eGFR", "GFR", "creatinine", "Cr",
  "U&E", "UE", "U and E", "urea", "electrolytes";
- thyroid function: "thyroid", "TSH", "TFT", "T4", "FT4", "thyroxine".

Words are found at the start of a word in any case, so "levels" and
"eGFR" count and "adrenal" does not. With no `monitor` line the
medication's header is flagged; with one, the line is flagged, naming what
it leaves out. A medication stopped before the episode opened is not
checked.

## Why
Lithium has a narrow therapeutic range, and over the years it can impair
the kidneys and the thyroid. NICE CG185 (Bipolar disorder, 2014, updated
2023), section 1.10, asks for the plasma lithium level 1 week after
starting and after every dose change until stable, then every 3 months
for the first year and every 6 months after (3-monthly for older people,
those on interacting drugs, or with impaired renal or thyroid function),
and renal and thyroid function (and calcium) every 6 months; the NPSA
Patient Safety Alert "Safer lithium therapy" (NPSA/2009/PSA005) made this
monitoring a requirement of every prescriber and pharmacy in England. Any
of the three left out of the plan is a check that may never be done.

## Example
```careplan
medication M1 "lithium carbonate" for G1
  dose "400 mg at night"
  started 2026-09-10
  monitor "Lithium level at 1 week and after dose changes, then 3-monthly"
```

## Fix
Name all three:
```careplan
  monitor "Lithium level at 1 week and after dose changes, then 3-monthly; eGFR and TSH 6-monthly"
```
"#,
    check: Some(check),
};

/// What NICE CG185, section 1.10, asks to be monitored on lithium, with the
/// words that name each.
const WATCH: Watch = Watch {
    rule: Rule::LithiumMonitoring,
    drug: "lithium",
    watched: &[
        (
            "plasma lithium levels",
            &[
                "level",
                "serum lithium",
                "plasma lithium",
                "serum-lithium",
                "trough",
                "concentration",
                "li",
            ],
        ),
        (
            "renal function",
            &[
                "renal",
                "kidney",
                "egfr",
                "gfr",
                "creatinine",
                "cr",
                "u&e",
                "u+e",
                "ue",
                "u and e",
                "urea",
                "electrolytes",
            ],
        ),
        (
            "thyroid function",
            &["thyroid", "tsh", "tft", "t4", "ft4", "thyroxine"],
        ),
    ],
    source: "NICE CG185",
    example: "Plasma lithium level 1 week after starting and each dose change, then 3-monthly; eGFR and TSH 6-monthly",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    watched::check(cx, out, &WATCH);
}
