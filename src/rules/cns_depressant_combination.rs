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
Communication of 31 August 2016; the opioids' boxed warning names "other
CNS depressants" too, such as the non-benzodiazepine hypnotics), and
warned of serious breathing problems with gabapentin or pregabalin and
opioids (Drug Safety Communication of 19 December 2019, a warning in the
labels, not a boxed one). The message says "FDA boxed warning" when a
benzodiazepine is one of the drugs and "FDA warning" for a z-drug or a
gabapentinoid. For buprenorphine or methadone treating opioid use
disorder, the FDA asks that the treatment not be withheld from someone
taking a benzodiazepine, and that the combination be managed instead
(Drug Safety Communication of 20 September 2017); the help says so. NICE NG215 (2022) asks prescribers to
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

/// The opioids used to treat opioid use disorder, which the FDA asks not to
/// withhold from someone taking a benzodiazepine or another CNS depressant
/// (Drug Safety Communication of 20 September 2017).
const OUD_TREATMENT: &[&str] = &["buprenorphine", "methadone"];

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let drugs = cx.medications_taken();
    let rule = Rule::CnsDepressantCombination;
    for together in pairs::overlaps(&drugs, rule, None, out) {
        let many = together.with.len() > 1;
        let (opioid, sedative) = match (opioid(together.later.drug.class) == Some(true), many) {
            (true, false) => ("the opioid", "a sedative"),
            (true, true) => ("the opioid", "the sedatives"),
            (false, false) => ("a sedative", "the opioid"),
            (false, true) => ("a sedative", "the opioids"),
        };
        let all = || std::iter::once(together.later).chain(together.with.iter().copied());
        // The boxed warning is the opioid-benzodiazepine one (FDA, 31 August
        // 2016); the gabapentinoid and z-drug ones are warnings (FDA,
        // 19 December 2019; the opioid labels' "other CNS depressants").
        let warning = if all().any(|t| t.drug.class == DrugClass::Benzodiazepine) {
            "FDA boxed warning"
        } else {
            "FDA warning"
        };
        let oud = all()
            .find(|t| OUD_TREATMENT.contains(&t.drug.name.as_str()))
            .map(|t| {
                format!(
                    "if `{}` treats opioid use disorder, do not withhold or stop it because of \
                     the other (FDA, 20 September 2017): manage the combination, tapering the \
                     sedative where it can be, and offer naloxone; ",
                    t.track.id
                )
            })
            .unwrap_or_default();
        out.push(
            together.diagnostic(
                format!(
                    "{}, {opioid}, is taken with {sedative} {} from {}; together they can \
                     slow breathing dangerously ({warning}){}",
                    together.later.named(),
                    together.others(),
                    together.from,
                    together.also(),
                ),
            )
            .with_help(oud + &together.if_intended()),
        );
    }
}
