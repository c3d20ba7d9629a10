//! `serotonergic-combination`: two serotonergic drugs taken at the same time.

use super::Context;
use super::RuleMeta;
use super::context::Taken;
use super::pairs::{self, Hazard};
use crate::catalogue::{Drug, DrugClass};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Two serotonergic drugs are active at the same time.",
    doc: r#"## What it does
Flags a medication that raises serotonin when another serotonergic
medication is active on some day it is active too. Serotonergic drugs are
the SSRIs, SNRIs, tricyclics, MAOIs, most other antidepressants (not
bupropion, agomelatine, esketamine or the noradrenergic ones), and
non-antidepressants such as tramadol, tapentadol, methadone, pethidine,
fentanyl and pentazocine, triptans, amphetamines, linezolid, methylene blue, lithium,
buspirone, cyclobenzaprine, tryptophan and St John's wort. Drugs are read
as clinicians write them (salts, release forms, brands: see
`unknown-drug`), so one drug written two ways (`sertraline` and `"Zoloft"`)
is one drug, not a combination.

A medication is active from its `started` date (default: the plan's
`opened`) up to, not including, its `stopped` date or a review's `stop`.
A drug stopped on or before the day the other starts is no combination
(a cross-taper that overlaps by even a day is), except when an MAO
inhibitor is one of the two. Then the later drug is flagged when it starts
before the washout:

- after an MAO inhibitor stops, 14 days before another serotonergic drug
  (24 hours after the reversible or short-acting inhibitors moclobemide,
  linezolid, tedizolid and methylene blue);
- before an MAO inhibitor starts, the wait the stopped drug's label sets:
  5 weeks after fluoxetine, 21 days after vortioxetine, 7 days after
  venlafaxine, desvenlafaxine and levomilnacipran, 5 days after duloxetine
  and milnacipran, and 14 days after the other SSRIs, the tricyclics and
  the other antidepressants; 14 days too after the serotonergic drugs whose
  labels set no wait (tramadol, triptans, buspirone, ...), as careplan's
  own caution.
 Linezolid, tedizolid, methylene blue, rasagiline,
safinamide and procarbazine count as MAO inhibitors. An MAO inhibitor with
another serotonergic drug is called contraindicated in the message, as
the labels call it, except where the inhibitor's label advises caution
instead: tedizolid with any of them (Sivextro has no such
contraindication), and the MAO-B inhibitors for Parkinson's disease
(rasagiline, safinamide, and selegiline unless written as the transdermal
antidepressant: `"selegiline transdermal"`, `Emsam`, a patch) with an
SSRI (Azilect, section 7; Xadago, sections 4 and 5, which contraindicates
SNRIs, tricyclics and opioids but allows SSRIs at the lowest dose;
Eldepryl, section 7). SSRIs are common with MAO-B inhibitors for
depression in Parkinson's disease; the finding is a warning either way. Two
entries for the same drug are not flagged.
The header of the medication that started later is flagged (the later one
in the file when both start the same day), naming the other drug and the
first day both were taken, or the day the earlier one was stopped.

One pair gives one finding. An MAO inhibitor with an amphetamine or
dextromethorphan-bupropion is reported by `maoi-combination` (an error: it
can also cause a hypertensive crisis), and two drugs of one class (two
SSRIs, two SNRIs, two tricyclics) by `duplicate-therapy`; both name
serotonin syndrome. When the two also carry a known risk of torsades de
pointes (citalopram with methadone), this finding says so.

## Why
Serotonin syndrome (toxicity) is a predictable, dose-related drug reaction,
most often caused by combining two serotonergic drugs; it ranges from
tremor and diarrhoea to hyperthermia, rigidity and death (Boyer & Shannon,
2005, N Engl J Med 352:1112-1120). Some combinations are used on purpose
(an SSRI with a triptan, augmentation with lithium), but each needs the
prescriber to have weighed it and the client to know the warning signs.
MAOIs with any other serotonergic drug are the most dangerous.

careplan counts the drugs of Boyer & Shannon's Table 1 but for three
deviations, which it makes on purpose: valproate, listed there on isolated
reports, has no serotonergic mechanism and is not counted; nor are the
antiemetics ondansetron, granisetron and metoclopramide, whose place on
such lists is debated (FDA 2014 label change for 5-HT3 antagonists against
few convincing cases). Pentazocine, listed there, is counted, with the five
opioids the FDA's Drug Safety Communication of 22 March 2016 names
(tramadol, tapentadol, methadone, meperidine, fentanyl).

The washouts are the FDA prescribing information's, section 4 (and 2,
"Switching to or from an MAOI"): 14 days after an MAOI (Nardil, 2009, and
every serotonergic antidepressant's label); before an MAOI, 14 days after
the SSRIs and other antidepressants (Zoloft, Paxil, Celexa, Lexapro,
Viibryd, Remeron), 5 weeks after fluoxetine for its long-lived metabolite
norfluoxetine (Prozac, 2.8), 21 days after vortioxetine (Trintellix, 2.4),
7 days after venlafaxine (Effexor XR), desvenlafaxine (Pristiq) and
levomilnacipran (Fetzima), and 5 days after duloxetine (Cymbalta) and
milnacipran (Savella), whose half-lives are short; the UK SmPCs agree
(Efexor XL and Cymbalta, 4.3). Moclobemide's inhibition ends within 24
hours of the last dose (BNF, moclobemide); linezolid's and methylene
blue's likewise (FDA Drug Safety Communications, 26 July 2011).

## Example
```careplan
medication M1 sertraline for G1
  started 2026-06-05
medication M2 tramadol for G3
  started 2026-09-01
```

## Fix
If the combination is intended, say so and what is watched, and
acknowledge the finding:
```careplan
medication M2 tramadol for G3  # careplan: allow serotonergic-combination
  started 2026-09-01
  monitor "Serotonin toxicity: agitation, tremor, sweating, clonus; lowest dose, short course"
```
Otherwise stop one drug before the other starts (`stopped DATE`), allowing
for washout: about five half-lives, two weeks after stopping an MAOI, and
before an MAOI starts the wait the stopped drug's label sets (above).
"#,
    check: Some(check),
};

/// Days to wait after stopping an MAOI before another serotonergic drug
/// starts, and after stopping one before an MAOI starts unless its label
/// sets another wait (below): "at least 14 days" in the FDA prescribing
/// information of the MAOIs (phenelzine, Nardil, 2009, section 4) and of the
/// SSRIs and the other antidepressants (sertraline, Zoloft; paroxetine,
/// Paxil; citalopram, Celexa; escitalopram, Lexapro; vilazodone, Viibryd;
/// mirtazapine, Remeron; trazodone, section 4). For the other serotonergic
/// drugs (tramadol, triptans, buspirone, ...) whose labels set no wait
/// before an MAOI, careplan keeps the 14 days as its own caution.
const MAOI_WASHOUT_DAYS: i64 = 14;

/// Days to wait after stopping fluoxetine before an MAOI starts: "at least
/// 5 weeks", for its long-lived metabolite norfluoxetine (fluoxetine,
/// Prozac, FDA prescribing information, 2023, sections 2.8 and 4).
const FLUOXETINE_WASHOUT_DAYS: i64 = 35;

/// Days to wait after stopping vortioxetine before an MAOI starts: "at
/// least 21 days" (Trintellix, FDA prescribing information, 2023, 2.4, 4).
const VORTIOXETINE_WASHOUT_DAYS: i64 = 21;

/// Days to wait after stopping venlafaxine, desvenlafaxine or
/// levomilnacipran before an MAOI starts: "at least 7 days" (Effexor XR,
/// Pristiq and Fetzima, FDA prescribing information, sections 2 and 4;
/// Efexor XL SmPC, 4.3, likewise 7 days).
const SNRI_SHORT_WASHOUT_DAYS: i64 = 7;

/// Days to wait after stopping duloxetine or milnacipran before an MAOI
/// starts: "at least 5 days" (Cymbalta and Savella, FDA prescribing
/// information, sections 2 and 4; Cymbalta SmPC, 4.3, likewise 5 days).
const SNRI_SHORTER_WASHOUT_DAYS: i64 = 5;

/// Days to wait after the last dose of a reversible or short-acting MAO
/// inhibitor before another serotonergic drug: 24 hours after moclobemide
/// (BNF, moclobemide, "Interactions"; a reversible MAO-A inhibitor), and
/// after linezolid and methylene blue (FDA Drug Safety Communications of
/// 26 July 2011: the psychiatric drug "may be resumed 24 hours after the
/// last dose"); tedizolid likewise (a weaker, reversible inhibitor).
const REVERSIBLE_WASHOUT_DAYS: i64 = 1;

/// The MAO inhibitors whose effect ends within a day of the last dose.
const REVERSIBLE: &[&str] = &["moclobemide", "linezolid", "tedizolid", "methylene blue"];

/// The MAO-B inhibitors for Parkinson's disease, selective at their usual
/// doses (rasagiline, Azilect; safinamide, Xadago; selegiline tablets,
/// Eldepryl and Zelapar: FDA labels, sections 4, 5 and 7).
const MAO_B: &[&str] = &["rasagiline", "safinamide", "selegiline"];

/// Words that mark selegiline as the transdermal antidepressant (Emsam),
/// which at its doses inhibits MAO-A too and is contraindicated with SSRIs
/// (Emsam, FDA label, section 4).
const TRANSDERMAL: &[&str] = &["transdermal", "patch", "emsam", "24 h"];

/// Whether `maoi`, an MAO inhibitor, has a label that advises caution with
/// `other` rather than contraindicating it: tedizolid with any serotonergic
/// drug (Sivextro, FDA label: no such contraindication; a weak, reversible
/// inhibitor, section 12.2); and an MAO-B inhibitor with an SSRI (Azilect,
/// section 7: SSRIs with caution; Xadago, sections 4 and 5: SNRIs,
/// tricyclics and opioids contraindicated, SSRIs at the lowest dose;
/// Eldepryl, section 7). SSRIs are often given with MAO-B inhibitors for
/// depression in Parkinson's disease.
fn cautioned(maoi: &Taken<'_>, other: &Taken<'_>) -> bool {
    let name = maoi.drug.name.as_str();
    if name == "tedizolid" {
        return true;
    }
    let written = std::iter::once(&maoi.medication.drug.value)
        .chain(maoi.medication.dose.as_ref().map(|d| &d.value))
        .map(|t| t.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    MAO_B.contains(&name)
        && !(name == "selegiline" && TRANSDERMAL.iter().any(|w| written.contains(w)))
        && other.drug.class == DrugClass::Ssri
}

/// Whether the labels contraindicate `a` with `b`, two serotonergic drugs
/// one of which inhibits MAO: every such pair but those whose MAO
/// inhibitor's label advises caution instead (see [`cautioned`]).
pub(super) fn contraindicated(a: &Taken<'_>, b: &Taken<'_>) -> bool {
    let strong = |m: &Taken<'_>, o: &Taken<'_>| m.drug.mao_inhibitor && !cautioned(m, o);
    strong(a, b) || strong(b, a)
}

/// What two serotonergic drugs together risk.
pub(super) const HAZARD: Hazard = Hazard {
    harm: "serotonin syndrome",
    watch: "serotonin toxicity (agitation, tremor, sweating, clonus, fever)",
};

/// Whether the pair is two drugs that raise serotonin.
pub(super) fn concerns(a: &Drug, b: &Drug) -> bool {
    a.serotonergic && b.serotonergic
}

/// The days `later` must wait after `earlier` stops, when an MAO inhibitor
/// is one of the two (`None` otherwise): the washouts above. Shared with
/// `maoi-combination`, whose partners wait as long.
pub(super) fn maoi_washout(earlier: &Taken<'_>, later: &Taken<'_>) -> Option<i64> {
    let name = earlier.drug.name.as_str();
    if earlier.drug.mao_inhibitor {
        Some(if REVERSIBLE.contains(&name) {
            REVERSIBLE_WASHOUT_DAYS
        } else {
            MAOI_WASHOUT_DAYS
        })
    } else if later.drug.mao_inhibitor {
        Some(match name {
            "fluoxetine" | "olanzapine-fluoxetine" => FLUOXETINE_WASHOUT_DAYS,
            "vortioxetine" => VORTIOXETINE_WASHOUT_DAYS,
            "venlafaxine" | "desvenlafaxine" | "levomilnacipran" => SNRI_SHORT_WASHOUT_DAYS,
            "duloxetine" | "milnacipran" => SNRI_SHORTER_WASHOUT_DAYS,
            _ => MAOI_WASHOUT_DAYS,
        })
    } else {
        None
    }
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let drugs = cx.medications_taken();
    let rule = Rule::SerotonergicCombination;
    for together in pairs::overlaps(&drugs, rule, Some(maoi_washout), out) {
        let later = together.later;
        let maoi = std::iter::once(later)
            .chain(together.with.iter().copied())
            .find(|t| t.drug.mao_inhibitor);
        let contraindicated = together.with.iter().any(|e| contraindicated(e, later));
        let (named, from) = (together.are_all(), together.from);
        let message = if contraindicated {
            format!(
                "{named} taken from {from}; an MAO inhibitor with another serotonergic drug is \
                 contraindicated: together they can cause serotonin syndrome"
            )
        } else if let Some(maoi) = maoi {
            format!(
                "{named} taken from {from}; the label of {} (an MAO inhibitor) advises caution \
                 with this combination: together they can cause serotonin syndrome",
                maoi.drug.name
            )
        } else {
            format!(
                "{named} taken from {from}; together these serotonergic drugs can cause \
                 serotonin syndrome"
            )
        };
        out.push(
            together.diagnostic(message + &together.also())
                .with_help(together.if_intended()),
        );
    }
}
