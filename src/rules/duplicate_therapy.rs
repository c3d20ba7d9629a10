//! `duplicate-therapy`: two different drugs of one class taken at once.

use super::Context;
use super::RuleMeta;
use super::pairs::{self, Hazard, listed};
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
combination: NICE CG185, 2014, 1.10); two opioids (a long-acting one with a
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
CG178, 1.5.7). Two benzodiazepine-site sedatives add sedation, falls and
dependence (BNF, hypnotics and anxiolytics; AGS Beers Criteria 2023: avoid
three or more CNS-active drugs together).

Cross-tapering while switching from one drug to another of its class is
common and right; the record should then say when the first one stops.

## Example
```careplan
medication M1 sertraline for G1
  started 2026-06-01
medication M2 citalopram for G1
  started 2026-09-01
```

## Fix
Record the day the earlier drug stops (`stopped DATE`, or `stop M1` at a
review). If this is an intended cross-taper or combination, acknowledge it:
```careplan
medication M2 citalopram for G1  # careplan: allow duplicate-therapy
  started 2026-09-01
  monitor "Cross-taper from sertraline over two weeks; sertraline stops 2026-09-15"
```
"#,
    check: Some(check),
};

/// What two drugs of one class risk.
pub(super) const HAZARD: Hazard = Hazard {
    harm: "more side effects without more benefit",
    watch: "the side effects of both",
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

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let drugs = cx.medications_taken();
    let rule = Rule::DuplicateTherapy;
    for together in pairs::overlaps(&drugs, rule, None, out) {
        let later = together.later;
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
                "if this is a cross-taper while switching, record the day {earlier} stops \
                 (`stopped DATE`, or `stop` at a review) and add \
                 `# careplan: allow duplicate-therapy` to `{}`'s header; if both are meant to \
                 continue, {} and allow it the same way; otherwise stop one of them",
                later.track.id,
                together.monitor(),
            )),
        );
    }
}
