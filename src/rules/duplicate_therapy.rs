//! `duplicate-therapy`: two different drugs of one class taken at once.

use super::Context;
use super::RuleMeta;
use super::context::Taken;
use super::pairs::{self, Hazard, listed};
use super::review_overdue::{days, days_between};
use crate::catalogue::{Drug, DrugClass};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Two different drugs of the same class are taken at the same time.",
    doc: r#"## What it does
Flags a medication when another drug of its class is active on the same
day: two SSRIs, two SNRIs, two tricyclic antidepressants, two
antipsychotics, two gabapentinoids (gabapentin and pregabalin), or two
benzodiazepines or z-drugs (a benzodiazepine with a z-drug counts: both act
at the benzodiazepine site of the GABA-A receptor). The header of the one
that started later is flagged (the later one in the file when both start the
same day), naming the other and the first day both were taken. One drug
under two names (`sertraline` and `"Zoloft"`) is not a duplicate. When the
two also raise serotonin or are both known to cause torsades de pointes,
this finding says so, and `serotonergic-combination` and `qt-combination`
leave the pair to it.

Not counted, because two of them together are often intended: two
"other" antidepressants (mirtazapine, trazodone, bupropion, ... are not one
class); two mood stabilisers (lithium with valproate is a recommended
combination: NICE CG185, 2014, 1.7, longer-term management: "if lithium
is ineffective, consider adding valproate"); two opioids (a long-acting one with a
short-acting one for breakthrough pain: NICE CG140, 2012); two stimulants (a
long-acting dose topped up with an immediate-release one); and two MAO
inhibitors, which `serotonergic-combination` reports as contraindicated.

## Why
Two drugs of one class add side effects and interactions without adding
benefit; guidelines ask for one at an adequate dose before another. STOPP
version 2 names "any duplicate drug class prescription (e.g. two concurrent
... SSRIs)": optimise one drug of a class before adding another (O'Mahony et
al., 2015, Age Ageing 44:213-218, criterion A3; kept in version 3, 2023).
NICE NG222 (2022) keeps a second antidepressant for depression that has not
responded, and then one of another class (mirtazapine added to an SSRI, for
instance). For antipsychotics, NICE CG178 (2014, 1.3.6) says not to start
regular combined antipsychotics except for short periods, such as when
changing medication, and WHO mhGAP (2015) that one antipsychotic should be
prescribed at a time; the Royal College of Psychiatrists' POMH-UK audits
(topic 1) track combined antipsychotics as a quality standard. Augmenting
clozapine with a second antipsychotic is the recognised exception (NICE
CG178, 1.5.7: when the illness has not responded adequately to clozapine
at an optimised dose, after checking adherence and clozapine levels, with
a trial of up to 8 to 10 weeks), so an antipsychotic added to clozapine is
not flagged. Two benzodiazepine-site sedatives add sedation, falls and
dependence (BNF, hypnotics and anxiolytics; AGS Beers Criteria 2023: avoid
three or more CNS-active drugs together).

Cross-tapering while switching from one drug to another of its class is
common and right (NICE NG222, 2022, 1.9: switching "may mean
cross-tapering is needed"; CG178, 1.3.6: combined antipsychotics for
short periods when changing medication). So an overlap is not flagged when
the earlier drug's stop is recorded no more than 28 days after the later
one starts, the later one goes on, and the two serve a goal in common:
the record shows a switch. (Zopiclone for sleep added to diazepam for
anxiety is no switch, however soon the diazepam stops.) Published switching schedules take
about one to two weeks for antidepressants and two to four for
antipsychotics (The Maudsley Prescribing Guidelines in Psychiatry, 14th
ed., 2021; NICE CKS, "Depression: switching antidepressants"); careplan
takes the longer, four weeks, as its bound. A cross-taper between two
serotonergic antidepressants still carries a risk of serotonin syndrome,
which the switching plan should watch for; careplan leaves that to the
prescriber.

## Example
```careplan
medication M1 sertraline for G1
  started 2026-06-01
medication M2 citalopram for G1
  started 2026-09-01
```

## Fix
If this is a cross-taper, record the day the earlier drug stops
(`stopped DATE`, or `stop M1` at a review), within four weeks of the later
one's start:
```careplan
medication M1 sertraline for G1
  started 2026-06-01
  stopped 2026-09-15
medication M2 citalopram for G1
  started 2026-09-01
  monitor "Cross-taper from sertraline over two weeks"
```
If both are meant to continue, say what is watched and acknowledge it:
```careplan
medication M2 citalopram for G1  # careplan: allow duplicate-therapy
  started 2026-09-01
  monitor "Both continue on specialist advice; side effects of each at every review"
```
"#,
    check: Some(check),
};

/// What two drugs of one class risk.
pub(super) const HAZARD: Hazard = Hazard {
    harm: "more side effects without more benefit",
    watch: "the side effects of each",
};

/// The class, for duplication, of a drug of `class`, in the plural
/// (`SSRIs`): none for the classes whose members are often combined on
/// purpose (see the rule's documentation). Benzodiazepines and z-drugs are
/// one: both act at the benzodiazepine site (BNF, hypnotics and
/// anxiolytics).
fn class_of(class: DrugClass) -> Option<&'static str> {
    match class {
        DrugClass::Ssri => Some("SSRIs"),
        DrugClass::Snri => Some("SNRIs"),
        DrugClass::Tca => Some("tricyclic antidepressants"),
        DrugClass::Antipsychotic => Some("antipsychotics"),
        DrugClass::Benzodiazepine | DrugClass::ZDrug => Some("benzodiazepines or z-drugs"),
        DrugClass::Gabapentinoid => Some("gabapentinoids"),
        _ => None,
    }
}

/// Whether the pair is two drugs of one class that counts.
pub(super) fn concerns(a: &Drug, b: &Drug) -> bool {
    class_of(a.class).is_some_and(|c| class_of(b.class) == Some(c))
}

/// The longest overlap read as a cross-taper: 28 days. Published switching
/// schedules cross-taper antidepressants over about one to two weeks and
/// antipsychotics over two to four (Taylor et al., The Maudsley Prescribing
/// Guidelines in Psychiatry, 14th ed., 2021, "Switching antidepressants"
/// and "Switching antipsychotics"; NICE CKS, "Depression: switching
/// antidepressants"); careplan takes the longer as its bound.
const CROSS_TAPER_DAYS: i64 = 28;

/// Whether `earlier`, taken with `later` from `later`'s start, is being
/// switched to it: its stop is recorded within [`CROSS_TAPER_DAYS`] of that
/// start, `later` goes on after it, and the two serve a goal in common (a
/// switch is for the same purpose) (NICE NG222, 2022, 1.9: switching "may mean cross-tapering is
/// needed"; CG178, 2014, 1.3.6: combined antipsychotics "for short
/// periods", as when changing medication).
fn cross_taper(earlier: &Taken<'_>, later: &Taken<'_>) -> bool {
    earlier
        .track
        .stopped
        .as_ref()
        .is_some_and(|stop| {
            days_between(later.started, stop.date) <= CROSS_TAPER_DAYS
                && later.track.is_active_on(stop.date)
        })
        && same_purpose(earlier, later)
}

/// Whether the two serve a goal in common, or either names none.
fn same_purpose(a: &Taken<'_>, b: &Taken<'_>) -> bool {
    let (a, b) = (&a.track.goals, &b.track.goals);
    a.is_empty() || b.is_empty() || a.iter().any(|g| b.contains(g))
}

/// Whether `later` is a second antipsychotic added to `earlier` clozapine:
/// augmentation, which NICE CG178 (2014, 1.5.7) allows when the illness has
/// not responded adequately to clozapine at an optimised dose.
fn clozapine_augmentation(earlier: &Taken<'_>, later: &Taken<'_>) -> bool {
    earlier.drug.name == "clozapine" && later.drug.class == DrugClass::Antipsychotic
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let drugs = cx.medications_taken();
    let rule = Rule::DuplicateTherapy;
    for mut together in pairs::overlaps(&drugs, rule, None, out) {
        let later = together.later;
        together
            .with
            .retain(|e| !cross_taper(e, later) && !clozapine_augmentation(e, later));
        if together.with.is_empty() {
            continue;
        }
        let class = if together.with.iter().all(|e| e.drug.class == later.drug.class) {
            match later.drug.class {
                DrugClass::Benzodiazepine => "benzodiazepines",
                DrugClass::ZDrug => "z-drugs",
                class => class_of(class).unwrap_or("drugs of one class"),
            }
        } else {
            "benzodiazepines or z-drugs, which act on the same receptor"
        };
        let earlier = listed(together.with.iter().map(|e| format!("`{}`", e.track.id)));
        let (stops, both) = if together.with.len() == 1 {
            ("stops", "both are")
        } else {
            ("stop", "all are")
        };
        // A switch is for the same purpose: with none in common, no cross-taper.
        let switch = if together.with.iter().any(|e| same_purpose(e, later)) {
            format!(
                "if this is a cross-taper while switching, record the day {earlier} {stops} \
                 (`stopped DATE`, or `stop` at a review), within {} of {}; ",
                days(CROSS_TAPER_DAYS),
                later.started,
            )
        } else {
            String::new()
        };
        out.push(
            together.diagnostic(
                format!(
                    "{} {class}, taken together from {}; two drugs of one class add side \
                     effects without evidence of more benefit{}",
                    together.are_all(),
                    together.from,
                    together.also(),
                ),
            )
            .with_help(format!(
                "{switch}if {both} meant to continue, {} and add \
                 `# careplan: allow duplicate-therapy` to `{}`'s header; otherwise stop one of \
                 them",
                together.monitor(),
                later.track.id,
            )),
        );
    }
}
