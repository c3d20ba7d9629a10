//! `cns-depressant-combination`: an opioid taken with a benzodiazepine, a
//! z-drug or a gabapentinoid.

use super::Context;
use super::context::Taken;
use super::RuleMeta;
use crate::catalogue::DrugClass;
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

/// Whether a drug of `class` counts here: `Some(true)` for an opioid,
/// `Some(false)` for a sedative (benzodiazepine, z-drug, gabapentinoid).
fn opioid(class: DrugClass) -> Option<bool> {
    match class {
        DrugClass::Opioid => Some(true),
        DrugClass::Benzodiazepine | DrugClass::ZDrug | DrugClass::Gabapentinoid => Some(false),
        _ => None,
    }
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let drugs: Vec<(Taken<'_>, bool)> = cx
        .medications_taken()
        .into_iter()
        .filter_map(|t| opioid(t.drug.class).map(|o| (t, o)))
        .collect();
    for (index, (later, later_opioid)) in drugs.iter().enumerate() {
        let both = later.started;
        if !later.track.is_active_on(both) {
            continue;
        }
        let partners: Vec<String> = drugs
            .iter()
            .take(index)
            .filter(|(e, o)| o != later_opioid && e.track.is_active_on(both))
            .map(|(e, _)| e.named())
            .collect();
        if partners.is_empty() {
            continue;
        }
        let id = &later.track.id;
        let (opioid, sedative) = if *later_opioid {
            ("the opioid", "a sedative")
        } else {
            ("a sedative", "the opioid")
        };
        out.push(
            Diagnostic::new(
                Rule::CnsDepressantCombination,
                later.medication.header,
                format!(
                    "{}, {opioid}, is taken with {sedative} {} from {both}; together \
                     they can slow breathing dangerously (FDA boxed warning)",
                    later.named(),
                    partners.join(" and "),
                ),
            )
            .with_help(format!(
                "if the combination is intended, add a `monitor` line under `{id}` for \
                 sedation and breathing (and naloxone at home) and \
                 `# careplan: allow cns-depressant-combination` to its header; otherwise \
                 record the date one of them was stopped"
            )),
        );
    }
}
