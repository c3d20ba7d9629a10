//! `serotonergic-combination`: two serotonergic drugs taken at the same time.

use super::RuleMeta;
use crate::ast::{Entry, Medication};
use crate::check::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::interpret::{TreatmentKind, TreatmentTrack};
use crate::rules::Rule;
use jiff::civil::Date;

pub(crate) const META: RuleMeta = RuleMeta {
    code: "CP021",
    name: "serotonergic-combination",
    severity: Severity::Warning,
    summary: "Two serotonergic drugs are active at the same time.",
    doc: r#"## What it does
Flags a medication that raises serotonin when another serotonergic
medication is active on some day it is active too. Serotonergic drugs are
the SSRIs, SNRIs, tricyclics, MAOIs, most other antidepressants (not
bupropion, agomelatine or esketamine), and non-antidepressants such as
tramadol and other opioids, triptans, linezolid, methylene blue, lithium,
buspirone and St John's wort. Names match without regard to case;
multi-word names are written as strings (`"St John's wort"`).

A medication is active from its `started` date (default: the plan's
`opened`) up to, not including, its `stopped` date or a review's `stop`.
A drug stopped on or before the day the other starts is no combination
(a cross-taper that overlaps by even a day is). Two entries for the same
drug are not flagged. The header of the medication that started later is
flagged (the later one in the file when both start the same day), naming
the other drug and the first day both were taken.

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

/// A medication that raises serotonin, with when it is taken.
struct Serotonergic<'a> {
    track: &'a TreatmentTrack,
    medication: &'a Medication,
    started: Date,
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut drugs: Vec<Serotonergic<'_>> = cx
        .record
        .treatments
        .iter()
        .filter(|t| t.kind == TreatmentKind::Medication)
        .filter_map(|track| {
            let Some(Entry::Medication(medication)) = cx.document.entries.get(track.entry) else {
                return None;
            };
            if !cx.catalogue.drug(&medication.drug.value)?.serotonergic {
                return None;
            }
            Some(Serotonergic {
                track,
                medication,
                started: track.started?,
            })
        })
        .collect();
    // Later-started last; file order breaks ties.
    drugs.sort_by_key(|d| (d.started, d.track.entry));
    for (index, later) in drugs.iter().enumerate() {
        // Both are taken from the later start, if the earlier one is still
        // active that day and the later one is active at all.
        let both = later.started;
        if !later.track.is_active_on(both) {
            continue;
        }
        let partners: Vec<String> = drugs
            .iter()
            .take(index)
            .filter(|earlier| {
                earlier.track.is_active_on(both)
                    && !earlier
                        .medication
                        .drug
                        .value
                        .eq_ignore_ascii_case(&later.medication.drug.value)
            })
            .map(|earlier| format!("`{}` ({})", earlier.track.id, earlier.medication.drug.value))
            .collect();
        let Some((last, rest)) = partners.split_last() else {
            continue;
        };
        let id = &later.track.id;
        let drug = &later.medication.drug.value;
        let monitor = match later.medication.monitor {
            Some(_) => format!("make `{id}`'s `monitor` line watch"),
            None => format!("add a `monitor` line under `{id}` to watch"),
        };
        let (named, all) = if rest.is_empty() {
            (format!("`{id}` ({drug}) and {last}"), "both")
        } else {
            let rest = rest.join(", ");
            (format!("`{id}` ({drug}), {rest} and {last}"), "all")
        };
        out.push(
            Diagnostic::new(
                Rule::SerotonergicCombination,
                later.medication.header,
                format!(
                    "{named} are {all} taken from {both}; \
                     together these serotonergic drugs can cause serotonin syndrome"
                ),
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
