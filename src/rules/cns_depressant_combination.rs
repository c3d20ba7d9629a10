//! `cns-depressant-combination`: an opioid taken with a benzodiazepine, a
//! z-drug or a gabapentinoid.

use super::Context;
use super::RuleMeta;
use crate::ast::{Entry, Medication};
use crate::catalogue::DrugClass;
use crate::diagnostic::Diagnostic;
use crate::interpret::{TreatmentKind, TreatmentTrack};
use crate::rule::Rule;
use jiff::civil::Date;

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

/// A medication that depresses the central nervous system, with its start.
struct Depressant<'a> {
    track: &'a TreatmentTrack,
    medication: &'a Medication,
    opioid: bool,
    started: Date,
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut drugs: Vec<Depressant<'_>> = cx
        .record
        .treatments
        .iter()
        .filter(|t| t.kind == TreatmentKind::Medication)
        .filter_map(|track| {
            let Some(Entry::Medication(medication)) = cx.document.entries.get(track.entry) else {
                return None;
            };
            let class = cx.catalogue.drug(&medication.drug.value)?.class;
            let opioid = match class {
                DrugClass::Opioid => true,
                DrugClass::Benzodiazepine | DrugClass::ZDrug | DrugClass::Gabapentinoid => false,
                _ => return None,
            };
            Some(Depressant {
                track,
                medication,
                opioid,
                started: track.started?,
            })
        })
        .collect();
    drugs.sort_by_key(|d| (d.started, d.track.entry));
    for (index, later) in drugs.iter().enumerate() {
        let both = later.started;
        if !later.track.is_active_on(both) {
            continue;
        }
        let partners: Vec<String> = drugs
            .iter()
            .take(index)
            .filter(|e| e.opioid != later.opioid && e.track.is_active_on(both))
            .map(|e| format!("`{}` ({})", e.track.id, e.medication.drug.value))
            .collect();
        if partners.is_empty() {
            continue;
        }
        let id = &later.track.id;
        let (opioid, sedative) = if later.opioid {
            ("the opioid", "a sedative")
        } else {
            ("a sedative", "the opioid")
        };
        out.push(
            Diagnostic::new(
                Rule::CnsDepressantCombination,
                later.medication.header,
                format!(
                    "`{id}` ({}), {opioid}, is taken with {sedative} {} from {both}; together \
                     they can slow breathing dangerously (FDA boxed warning)",
                    later.medication.drug.value,
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
