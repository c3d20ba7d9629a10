//! `cns-depressant-combination`: an opioid taken with a benzodiazepine, a
//! z-drug or a gabapentinoid.

use super::Context;
use super::RuleMeta;
use super::pairs::{self, Hazard};
use crate::catalogue::{Drug, DrugClass};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "An opioid and a benzodiazepine, z-drug or gabapentinoid are taken at the same time.",
    doc: r#"## What it does
Flags a medication when an opioid (tramadol, codeine, oxycodone, morphine,
methadone, buprenorphine, …) and a benzodiazepine (diazepam, lorazepam,
clonazepam, …), a z-drug (zolpidem, zopiclone, …) or a gabapentinoid
(gabapentin, pregabalin) are active on the same day. The header of the one
that started later is flagged, naming the other and the first day both
were taken. Drugs are read as clinicians write them (see `unknown-drug`).

## Why
Taken together these central nervous system depressants can slow breathing
enough to kill: the FDA put its strongest warning, a boxed warning, on
every opioid and every benzodiazepine for their combination (Drug Safety
Communication of 31 August 2016, which extends it to other CNS depressants
such as the non-benzodiazepine hypnotics), and warned of serious breathing
problems with gabapentin or pregabalin and opioids (Drug Safety
Communication of 19 December 2019). NICE NG215 (2022) asks prescribers to
review such combinations. Some are intended (a short course after surgery,
a supervised taper); each needs the prescriber to have weighed it and the
client and family to know the signs of oversedation.

## Example
```careplan
medication M1 tramadol for G2
  started 2026-09-01
medication M2 diazepam for G1
  started 2026-09-10
```

## Fix
If the combination is intended, say what is watched and acknowledge it:
```careplan
medication M2 diazepam for G1  # careplan: allow cns-depressant-combination
  started 2026-09-10
  stopped 2026-09-17
  monitor "Sedation and breathing; lowest doses, one week; naloxone at home"
```
Otherwise record the date one of them was stopped.
"#,
    check: Some(check),
};

/// What an opioid with a sedative risks.
pub(super) const HAZARD: Hazard = Hazard {
    harm: "dangerously slowed breathing",
    watch: "sedation and breathing (and naloxone at home)",
};

/// Whether a drug of `class` counts here: `Some(true)` for an opioid,
/// `Some(false)` for a sedative (benzodiazepine, z-drug, gabapentinoid).
fn opioid(class: DrugClass) -> Option<bool> {
    match class {
        DrugClass::Opioid => Some(true),
        DrugClass::Benzodiazepine | DrugClass::ZDrug | DrugClass::Gabapentinoid => Some(false),
        _ => None,
    }
}

/// Whether the pair is an opioid and a sedative.
pub(super) fn concerns(a: &Drug, b: &Drug) -> bool {
    matches!(
        (opioid(a.class), opioid(b.class)),
        (Some(true), Some(false)) | (Some(false), Some(true))
    )
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let drugs = cx.medications_taken();
    let rule = Rule::CnsDepressantCombination;
    for together in pairs::overlaps(&drugs, rule, None, out) {
        let (opioid, sedative) = if opioid(together.later.drug.class) == Some(true) {
            ("the opioid", "a sedative")
        } else {
            ("a sedative", "the opioid")
        };
        out.push(
            together.diagnostic(
                format!(
                    "{}, {opioid}, is taken with {sedative} {} from {}; together they can \
                     slow breathing dangerously (FDA boxed warning){}",
                    together.later.named(),
                    together.others(),
                    together.from,
                    together.also(),
                ),
            )
            .with_help(together.if_intended()),
        );
    }
}
