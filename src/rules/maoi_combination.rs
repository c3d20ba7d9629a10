//! `maoi-combination`: an MAO inhibitor with bupropion, a stimulant or a
//! sympathomimetic, together or within the washout.

use super::Context;
use super::RuleMeta;
use super::context::Taken;
use super::pairs::{self, Hazard, listed};
use super::review_overdue::days;
use super::serotonergic_combination::maoi_washout;
use crate::catalogue::{Drug, DrugClass};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "An MAO inhibitor and bupropion, a stimulant, a sympathomimetic, atomoxetine or maprotiline are taken together, or one starts within 14 days after an MAO inhibitor (or an MAO inhibitor within 14 days after bupropion or atomoxetine).",
    doc: r#"## What it does
Flags a medication when a monoamine oxidase inhibitor and bupropion, a
stimulant or a sympathomimetic are active on the same day, or when one
starts too soon after the other was stopped.

- MAO inhibitors: phenelzine, tranylcypromine, isocarboxazid, selegiline
  and moclobemide, and the drugs that inhibit MAO besides their main use:
  linezolid, methylene blue, rasagiline, safinamide and procarbazine.
  Tedizolid is not counted here: in the studies in its FDA label it did not
  raise blood pressure with pseudoephedrine or tyramine (Sivextro,
  section 12.2; Flanagan et al., 2013, Antimicrob Agents Chemother
  57:3060-3066).
- Partners: bupropion (and dextromethorphan-bupropion); the stimulants
  amphetamine, dextroamphetamine, lisdexamfetamine, methamphetamine,
  methylphenidate and dexmethylphenidate; the sympathomimetics
  pseudoephedrine, phenylephrine and ephedrine (cold, flu and hay-fever
  remedies and decongestants) and phentermine; and the noradrenaline
  reuptake inhibitors atomoxetine (Strattera, FDA label, section 4) and
  maprotiline (Ludiomil, contraindications).
- Washouts, as the labels set them: 14 days after an MAO inhibitor stops
  before any partner starts (24 hours after the reversible or short-acting
  inhibitors moclobemide, linezolid and methylene blue, whose inhibition
  ends within about a day); and 14 days after bupropion or atomoxetine
  stops before an MAO inhibitor starts. A stimulant, sympathomimetic or
  maprotiline stopped before an MAO inhibitor starts needs no washout.

The header of the medication that started later is flagged (the later one
in the file when both start the same day), naming the other drug and the
first day both were taken, or the day the earlier one was stopped. A pair
that also raises serotonin (amphetamines, dextromethorphan-bupropion) is
reported here only, and the message says so. Drugs are read as clinicians
write them (see `unknown-drug`).

## Why
An MAO inhibitor stops the breakdown of noradrenaline and dopamine; a drug
that releases them or blocks their reuptake can then raise blood pressure
to a hypertensive crisis, with stroke or death. The labels call these
combinations contraindicated: the contraindications in the FDA prescribing
information of phenelzine (Nardil), tranylcypromine (Parnate) and selegiline
(Emsam) name bupropion, amphetamines, methylphenidate and the cold and
weight-loss remedies with pseudoephedrine, phenylephrine or ephedrine; the
partners'
own labels (bupropion, Wellbutrin, section 4; amphetamine, Adderall, and
lisdexamfetamine, Vyvanse, section 4; methylphenidate, Ritalin, section 4;
phentermine, Adipex-P, section 4) forbid them with an MAOI or within 14 days
of stopping one, and the BNF lists each as "avoid". Linezolid's label
(Zyvox, section 4) excludes sympathomimetics unless blood pressure is
monitored; bupropion's contraindicates starting it with linezolid or
intravenous methylene blue. The antiparkinsonian MAO-B inhibitors
(rasagiline, safinamide, selegiline tablets) lose their selectivity at
higher doses and their labels warn of hypertensive reactions with
sympathomimetics; safinamide's (Xadago, section 4) contraindicates
methylphenidate and amphetamines.

The washout runs one way for most partners. Bupropion's label
(Wellbutrin, section 4) contraindicates it within 14 days either way: an
MAOI within 14 days of stopping bupropion, and bupropion within 14 days of
stopping an MAOI (so does dextromethorphan-bupropion's, Auvelity, section
4). The stimulants' and sympathomimetics' labels set their 14 days only
after an MAOI (Adderall and Vyvanse, section 4: "within 14 days following"
or "after discontinuing" an MAOI; Ritalin, section 4; Adipex-P, section 4;
the US over-the-counter decongestant label: "for 2 weeks after stopping
the MAOI drug"), as these drugs' own effect ends within a day or two; so
careplan sets no wait after them. Moclobemide's reversible inhibition ends
within 24 hours of the last dose (BNF, moclobemide), and linezolid's and
methylene blue's within a day (FDA Drug Safety Communications, 26 July
2011), so, as in `serotonergic-combination`, 24 hours after them is
enough.

## Example
```careplan
medication M1 phenelzine for G1
  started 2026-06-01
medication M2 pseudoephedrine for G2
  started 2026-11-02
```

## Fix
Stop one of them (`stopped DATE`), and start the other only after the
washout. If a specialist intends the combination (a stimulant added to an
MAOI for resistant depression, with blood pressure watched), say what is
watched and acknowledge the finding:
```careplan
medication M2 dextroamphetamine for G1  # careplan: allow maoi-combination
  started 2026-11-02
  monitor "Blood pressure twice daily for two weeks; headache or palpitations: seek help at once"
```
"#,
    check: Some(check),
};

/// What an MAO inhibitor with a pressor drug risks.
pub(super) const HAZARD: Hazard = Hazard {
    harm: "a hypertensive crisis",
    watch: "blood pressure and the signs of a hypertensive crisis (sudden severe \
            headache, palpitations, stiff neck)",
};

/// Whether `drug` inhibits MAO enough to raise blood pressure with a pressor
/// drug: every MAO inhibitor but tedizolid, whose label's pseudoephedrine and
/// tyramine studies showed no meaningful pressor response (Sivextro, FDA
/// label, 12.2; Flanagan et al. 2013, Antimicrob Agents Chemother
/// 57:3060-3066).
fn maoi(drug: &Drug) -> bool {
    drug.mao_inhibitor && drug.name != "tedizolid"
}

/// Bupropion, and the combination that contains it (dextromethorphan-
/// bupropion, Auvelity, FDA label 2022, section 4): contraindicated with an
/// MAOI or within 14 days either way (Wellbutrin, FDA label, section 4).
const BUPROPION: &[&str] = &["bupropion", "dextromethorphan-bupropion"];

/// Noradrenaline reuptake inhibitors whose labels contraindicate an MAO
/// inhibitor: atomoxetine ("should not be taken with an MAOI, or within 2
/// weeks after discontinuing an MAOI. Treatment with an MAOI should not be
/// initiated within 2 weeks after discontinuing Strattera": Strattera, FDA
/// label, section 4; UK SmPC 4.3) and maprotiline (Ludiomil, prescribing
/// information, contraindications: not with an MAOI, nor within 14 days
/// after one). Neither raises serotonin, so `serotonergic-combination`
/// does not see them.
const NORADRENERGIC: &[&str] = &["atomoxetine", "maprotiline"];

/// Days to wait after atomoxetine stops before an MAO inhibitor starts (the
/// Strattera label's 2 weeks, above); maprotiline's label sets its 14 days
/// only after an MAOI.
const ATOMOXETINE_WASHOUT_DAYS: i64 = 14;

/// What `drug` is, as a partner of an MAO inhibitor: bupropion, a stimulant
/// (amphetamines and methylphenidate: the contraindications of their FDA
/// labels, section 4), a sympathomimetic (see the catalogue's class), or a
/// noradrenaline reuptake inhibitor ([`NORADRENERGIC`]).
fn pressor(drug: &Drug) -> Option<&'static str> {
    if BUPROPION.contains(&drug.name.as_str()) {
        Some("bupropion")
    } else if NORADRENERGIC.contains(&drug.name.as_str()) {
        Some("a noradrenaline reuptake inhibitor")
    } else {
        match drug.class {
            DrugClass::Stimulant => Some("a stimulant"),
            DrugClass::Sympathomimetic => Some("a sympathomimetic"),
            _ => None,
        }
    }
}

/// Days to wait after bupropion stops before an MAO inhibitor starts: "at
/// least 14 days" (Wellbutrin, FDA label, section 4; Auvelity, section 4).
const BUPROPION_WASHOUT_DAYS: i64 = 14;

/// The days `later` must wait after `earlier` stops, for a pair this rule
/// reports: after an MAO inhibitor, its washout (14 days, or 24 hours after
/// a reversible one: [`maoi_washout`]); after bupropion, 14 days; after a
/// stimulant or sympathomimetic, none, as their labels set the 14 days only
/// after an MAOI (Adderall, Vyvanse, Ritalin, Adipex-P, FDA labels,
/// section 4).
fn washout(earlier: &Taken<'_>, later: &Taken<'_>) -> Option<i64> {
    if maoi(earlier.drug) {
        maoi_washout(earlier, later)
    } else if BUPROPION.contains(&earlier.drug.name.as_str()) {
        Some(BUPROPION_WASHOUT_DAYS)
    } else if earlier.drug.name == "atomoxetine" {
        Some(ATOMOXETINE_WASHOUT_DAYS)
    } else {
        None
    }
}

/// Whether the pair is an MAO inhibitor and a pressor drug.
pub(super) fn concerns(a: &Drug, b: &Drug) -> bool {
    (maoi(a) && pressor(b).is_some()) || (maoi(b) && pressor(a).is_some())
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let drugs = cx.medications_taken();
    let rule = Rule::MaoiCombination;
    for together in pairs::overlaps(&drugs, rule, Some(washout), out) {
        // One side is the later drug, the other the earlier ones.
        let all: Vec<&Taken<'_>> = std::iter::once(together.later)
            .chain(together.with.iter().copied())
            .collect();
        let mut kinds: Vec<String> = Vec::new();
        for kind in all.iter().filter_map(|t| pressor(t.drug)) {
            if !kinds.iter().any(|k| k == kind) {
                kinds.push(kind.to_owned());
            }
        }
        let inhibitor = all.iter().find(|t| maoi(t.drug));
        let partner = all.iter().find(|t| pressor(t.drug).is_some());
        let wait = match (inhibitor, partner) {
            (Some(inhibitor), Some(partner)) => washout(inhibitor, partner).map(|after| {
                let (maoi, other) = (&inhibitor.track.id, &partner.track.id);
                match washout(partner, inhibitor) {
                    Some(before) if before == after => format!(
                        ", keeping {} between `{maoi}` (the MAO inhibitor) and `{other}` \
                         whichever stops first",
                        days(after)
                    ),
                    _ => format!(
                        ", and start `{other}` no sooner than {} after `{maoi}` (the MAO \
                         inhibitor) stops",
                        days(after)
                    ),
                }
            }),
            _ => None,
        };
        let id = &together.later.track.id;
        out.push(
            together.diagnostic(
                format!(
                    "{} taken from {}; an MAO inhibitor with {} is contraindicated: together \
                     they can cause a hypertensive crisis{}",
                    together.are_all(),
                    together.from,
                    listed(kinds),
                    together.also(),
                ),
            )
            .with_help(format!(
                "stop one of them{}; if a \
                 specialist intends the combination, {} and add \
                 `# careplan: allow maoi-combination` to `{id}`'s header",
                wait.unwrap_or_default(),
                together.monitor(),
            )),
        );
    }
}
