//! `serotonergic-combination`: two serotonergic drugs taken at the same time.

use super::RuleMeta;
use super::Context;
use super::context::Taken;
use crate::diagnostic::Diagnostic;
use super::review_overdue::{days, days_between};
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Two serotonergic drugs are active at the same time.",
    doc: r#"## What it does
Flags a medication that raises serotonin when another serotonergic
medication is active on some day it is active too. Serotonergic drugs are
the SSRIs, SNRIs, tricyclics, MAOIs, most other antidepressants (not
bupropion, agomelatine, esketamine or the noradrenergic ones), and
non-antidepressants such as tramadol, tapentadol, methadone, pethidine and
fentanyl, triptans, amphetamines, linezolid, methylene blue, lithium,
buspirone, cyclobenzaprine, tryptophan and St John's wort. Drugs are read
as clinicians write them (salts, release forms, brands: see
`unknown-drug`), so one drug written two ways (`sertraline` and `"Zoloft"`)
is one drug, not a combination.

A medication is active from its `started` date (default: the plan's
`opened`) up to, not including, its `stopped` date or a review's `stop`.
A drug stopped on or before the day the other starts is no combination
(a cross-taper that overlaps by even a day is), except when an MAO
inhibitor is one of the two. Then the later drug is flagged when it starts
before the washout the drugs' prescribing information requires: 14 days
after stopping an MAOI or before starting one, but 5 weeks after fluoxetine
and 21 days after vortioxetine before an MAOI, and 24 hours after the
reversible or short-acting inhibitors moclobemide, linezolid, tedizolid and
methylene blue. Linezolid, tedizolid, methylene blue, rasagiline,
safinamide and procarbazine count as MAO inhibitors. An MAO inhibitor with
another serotonergic drug is called contraindicated in the message. Two
entries for the same drug are not flagged.
The header of the medication that started later is flagged (the later one
in the file when both start the same day), naming the other drug and the
first day both were taken, or the day the earlier one was stopped.

## Why
Serotonin syndrome (toxicity) is a predictable, dose-related drug reaction,
most often caused by combining two serotonergic drugs; it ranges from
tremor and diarrhoea to hyperthermia, rigidity and death (Boyer & Shannon,
2005, N Engl J Med 352:1112-1120). Some combinations are used on purpose
(an SSRI with a triptan, augmentation with lithium), but each needs the
prescriber to have weighed it and the client to know the warning signs.
MAOIs with any other serotonergic drug are the most dangerous.

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
five weeks after stopping fluoxetine before an MAOI starts (the drugs' FDA
prescribing information).
"#,
    check: Some(check),
};

/// Days to wait after stopping a serotonergic drug before starting another
/// when either is an MAOI: "at least 14 days" in the FDA prescribing
/// information of the MAOIs (phenelzine, Nardil, 2009, section 4) and of the
/// SSRIs and SNRIs (sertraline, Zoloft, 2023, section 4).
const MAOI_WASHOUT_DAYS: i64 = 14;

/// Days to wait after stopping fluoxetine before an MAOI starts: "at least
/// 5 weeks", for its long-lived metabolite norfluoxetine (fluoxetine,
/// Prozac, FDA prescribing information, 2023, sections 2.8 and 4).
const FLUOXETINE_WASHOUT_DAYS: i64 = 35;

/// Days to wait after stopping vortioxetine before an MAOI starts: "at
/// least 21 days" (Trintellix, FDA prescribing information, 2023, 2.4, 4).
const VORTIOXETINE_WASHOUT_DAYS: i64 = 21;

/// Days to wait after the last dose of a reversible or short-acting MAO
/// inhibitor before another serotonergic drug: 24 hours after moclobemide
/// (BNF, moclobemide, "Interactions"; a reversible MAO-A inhibitor), and
/// after linezolid and methylene blue (FDA Drug Safety Communications of
/// 26 July 2011: the psychiatric drug "may be resumed 24 hours after the
/// last dose"); tedizolid likewise (a weaker, reversible inhibitor).
const REVERSIBLE_WASHOUT_DAYS: i64 = 1;

/// The MAO inhibitors whose effect ends within a day of the last dose.
const REVERSIBLE: &[&str] = &["moclobemide", "linezolid", "tedizolid", "methylene blue"];

/// A medication that raises serotonin, with when it is taken.
type Serotonergic<'a> = Taken<'a>;

impl Serotonergic<'_> {
    /// Whether it inhibits monoamine oxidase: the MAOI antidepressants,
    /// and linezolid, methylene blue and the other MAO inhibitors.
    fn is_maoi(&self) -> bool {
        self.drug.mao_inhibitor
    }

    /// Whether `other` is the same drug, perhaps written another way
    /// (`sertraline` and `"sertraline HCl"`): not a combination.
    fn same_drug(&self, other: &Serotonergic<'_>) -> bool {
        self.drug.name == other.drug.name
    }

    /// The days `later` must wait after this drug stops, when an MAO
    /// inhibitor is one of the two.
    fn washout_before(&self, later: &Serotonergic<'_>) -> Option<i64> {
        let name = self.drug.name.as_str();
        if self.is_maoi() {
            Some(if REVERSIBLE.contains(&name) {
                REVERSIBLE_WASHOUT_DAYS
            } else {
                MAOI_WASHOUT_DAYS
            })
        } else if later.is_maoi() {
            Some(match name {
                "fluoxetine" | "olanzapine-fluoxetine" => FLUOXETINE_WASHOUT_DAYS,
                "vortioxetine" => VORTIOXETINE_WASHOUT_DAYS,
                _ => MAOI_WASHOUT_DAYS,
            })
        } else {
            None
        }
    }
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let drugs: Vec<Serotonergic<'_>> = cx
        .medications_taken()
        .into_iter()
        .filter(|t| t.drug.serotonergic)
        .collect();
    for (index, later) in drugs.iter().enumerate() {
        // Both are taken from the later start, if the earlier one is still
        // active that day and the later one is active at all.
        let both = later.started;
        if !later.track.is_active_on(both) {
            continue;
        }
        let active: Vec<&Serotonergic<'_>> = drugs
            .iter()
            .take(index)
            .filter(|earlier| earlier.track.is_active_on(both) && !earlier.same_drug(later))
            .collect();
        let maoi = later.is_maoi() || active.iter().any(|e| e.is_maoi());
        let partners: Vec<String> = active.iter().map(|e| e.named()).collect();
        let Some((last, rest)) = partners.split_last() else {
            if let Some(finding) = too_soon(drugs.get(..index).unwrap_or_default(), later) {
                out.push(finding);
            }
            continue;
        };
        let id = &later.track.id;
        let later_named = later.named();
        let monitor = match later.medication.monitor {
            Some(_) => format!("make `{id}`'s `monitor` line watch"),
            None => format!("add a `monitor` line under `{id}` to watch"),
        };
        let (named, all) = if rest.is_empty() {
            (format!("{later_named} and {last}"), "both")
        } else {
            let rest = rest.join(", ");
            (format!("{later_named}, {rest} and {last}"), "all")
        };
        out.push(
            Diagnostic::new(
                Rule::SerotonergicCombination,
                later.medication.header,
                if maoi {
                    format!(
                        "{named} are {all} taken from {both}; an MAO inhibitor with another \
                         serotonergic drug is contraindicated: together they can cause \
                         serotonin syndrome"
                    )
                } else {
                    format!(
                        "{named} are {all} taken from {both}; \
                         together these serotonergic drugs can cause serotonin syndrome"
                    )
                },
            )
            .with_help(format!(
                "if the combination is intended, {monitor} for serotonin toxicity (agitation, \
                 tremor, sweating, clonus, fever) and add \
                 `# careplan: allow serotonergic-combination` to its header; otherwise \
                 record the date one of them was stopped"
            )),
        );
    }
}

/// A drug started before the washout after an earlier one, when an MAOI is
/// one of the two: the most recently stopped such drug is named.
fn too_soon(earlier: &[Serotonergic<'_>], later: &Serotonergic<'_>) -> Option<Diagnostic> {
    let (before, stopped, wait) = earlier
        .iter()
        .filter(|e| !e.same_drug(later))
        .filter_map(|e| {
            let stopped = e.track.stopped.as_ref()?.date;
            let wait = e.washout_before(later)?;
            (stopped <= later.started && days_between(stopped, later.started) < wait)
                .then_some((e, stopped, wait))
        })
        .max_by_key(|&(_, stopped, _)| stopped)?;
    let gap = days_between(stopped, later.started);
    let maoi = if before.is_maoi() { before } else { later };
    let id = &later.track.id;
    Some(
        Diagnostic::new(
            Rule::SerotonergicCombination,
            later.medication.header,
            format!(
                "{} starts on {}, {} after {} was stopped; with {} (an MAO inhibitor) at \
                 least {} must pass between them: sooner is contraindicated, as serotonin \
                 syndrome can follow",
                later.named(),
                later.started,
                days(gap),
                before.named(),
                maoi.medication.drug.value,
                days(wait),
            ),
        )
        .with_help(format!(
            "start `{id}` on {} or later; if the earlier start is intended, add a `monitor` \
             line for serotonin toxicity (agitation, tremor, sweating, clonus, fever) and \
             `# careplan: allow serotonergic-combination` to its header",
            stopped
                .checked_add(jiff::Span::new().days(wait))
                .map_or_else(|_| "a later date".to_owned(), |d| d.to_string()),
        )),
    )
}

