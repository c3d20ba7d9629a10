//! `unknown-drug`: a medication named by brand, or misspelt, where the
//! medication checks would not recognise it.

use super::RuleMeta;
use super::Context;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::rule::Rule;

/// How alike a name must be to a known drug to be taken for a misspelling
/// of it: stricter than other did-you-means, since many real drugs outside
/// careplan's list differ from one in it by a few letters (reboxetine and
/// duloxetine are 0.7 alike).
const SIMILAR: f64 = 0.8;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A medication's drug is misspelt, unknown but containing a known name, or has its dose written into its name.",
    doc: r#"## What it does
careplan reads a drug's name as clinicians write it before it looks it up:
in any case, with salts (`hydrochloride`/`HCl`, `carbonate`, `succinate`,
`fumarate`, `sodium`, …) and release or form words (`XR`, `ER`, `SR`, `XL`,
`CR`, `DR`, `ODT`, `extended-release`, `transdermal`, …) and the words of
long-acting injections (`decanoate`, `palmitate`, `embonate`, `Maintena`,
`Sustenna`, `Consta`, `depot`, `LAI`, `"long-acting injection"`) taken off,
whether written after a space or a hyphen (`venlafaxine-XR`,
`"lithium carbonate"`, `"flupentixol decanoate"`),
brand names read as their generic drug (`"Effexor XR"` is venlafaxine,
`"Seroquel XR"` quetiapine, `"Efexor XL"`, the UK spelling, venlafaxine),
botanical names (`"Hypericum perforatum"` and `"St John's wort extract"` are
St John's wort) and the BNF's compound analgesics as their opioid
(`co-codamol` is codeine, `co-dydramol` dihydrocodeine). Salts follow the USP Salt Policy (2013); brands are as
in each drug's FDA prescribing information (DailyMed) and the BNF.

This rule flags a drug that still needs a word from the clinician:
- a dose written into the name (`"sertraline 50mg"`, or a compound's
  strengths, `"co-codamol 30/500"`): the drug is recognised, and the dose
  belongs on the `dose` line;
- a name careplan does not know that contains a known drug's name
  (`sertraline-teva`): the checks read it as that drug, and say so;
- a name spelt almost like a known drug (`fluoxetin`, `setraline`): the
  checks cannot see it. The help gives the generic name.

A drug careplan does not know and that looks like none it knows (say
`metformin`) is not flagged: the checks simply have nothing to say about
it. Drugs a clinic adds in `careplan.toml` count as known. `ketamine` is
its own drug, not a misspelt `esketamine`.

## Why
The medication safety checks (`serotonergic-combination`,
`young-antidepressant-monitoring`) find drugs by name. A typo hides the
drug from them, so a dangerous combination or a young client's missing
monitoring goes unreported; a safety checker that goes silent is worse than
none, so careplan says when it is guessing. A dose inside the name cannot
change when the dose does: a titration (`dose M1 "100 mg daily"`) would
leave the name saying 50 mg.

## Example
```careplan
medication M1 "sertraline 50mg" for G1
  started 2026-09-01
medication M2 fluoxetin for G1
```

## Fix
Write the generic name (a multi-word name in quotes), and the dose on its line:
```careplan
medication M1 sertraline for G1
  dose "50 mg each morning"
  started 2026-09-01
medication M2 fluoxetine for G1
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for medication in cx.document.medications() {
        let written = medication.drug.value.as_str();
        let span = medication.drug.span;
        let (message, help, fix) = match cx.catalogue.recognise(written) {
            Some(recognised) => {
                let Some(dose) = &recognised.reading.dose else {
                    continue;
                };
                // A compound keeps its name: its catalogue drug is only
                // its opioid (co-codamol is codeine with paracetamol).
                let name = recognised.reading.compound.unwrap_or(&recognised.drug.name);
                let generic = quoted(name);
                let mut edits = vec![Edit::replace(span, generic.clone())];
                if medication.dose.is_none() {
                    edits.push(Edit::insert(
                        cx.line_end(medication.header.start),
                        format!(
                            "\n  dose \"{dose}\"  # careplan: fill how the dose is taken (each \
                             morning, twice a day)"
                        ),
                    ));
                }
                let fix = Fix::suggested(
                    format!("Name the drug `{generic}` and move `{dose}` to `dose`"),
                    edits,
                );
                (
                    format!(
                        "the dose `{dose}` is written into the drug's name; careplan reads the \
                         drug as {}{}",
                        recognised.drug.name,
                        recognised
                            .reading
                            .compound
                            .map(|c| format!(", the opioid in {c}"))
                            .unwrap_or_default()
                    ),
                    format!(
                        "name the drug alone (`medication {} {generic} for …`) and put the dose \
                         on its own line with how it is taken (`dose \"{dose} each morning\"`), \
                         so a change of dose can be recorded",
                        medication.id.value
                    ),
                    fix,
                )
            }
            None => match cx.catalogue.drug_within(written) {
                Some(drug) => (
                    format!(
                        "careplan does not know the drug `{written}`; the medication checks read \
                         it as {}, the drug its name contains",
                        drug.name
                    ),
                    format!(
                        "write the generic name, `{}`; a maker's name or form belongs in `dose` \
                         or a `monitor` note",
                        quoted(&drug.name)
                    ),
                    Fix::replacement(span, &quoted(&drug.name), false),
                ),
                None => match closest(cx, written) {
                    Some(close) => (
                        format!(
                            "careplan does not know the drug `{written}`, so the medication \
                             checks pass it by"
                        ),
                        format!("did you mean `{}`?", quoted(close)),
                        Fix::respelling(span, written, &quoted(close)),
                    ),
                    None => continue,
                },
            },
        };
        out.push(
            Diagnostic::new(Rule::UnknownDrug, span, message)
                .with_help(help)
                .with_fix(fix),
        );
    }
}

/// A drug's name as a file writes it: in quotes when it has a space.
fn quoted(name: &str) -> String {
    if name.contains(' ') {
        format!("\"{name}\"")
    } else {
        name.to_owned()
    }
}

/// The known drug `written` is most like, if it is alike enough; the first
/// listed of equally alike ones (`st john's wort` before its other spellings).
fn closest<'a>(cx: &'a Context<'_>, written: &str) -> Option<&'a str> {
    let written = written.to_lowercase();
    let mut best: Option<(&str, f64)> = None;
    for drug in cx.catalogue.drugs() {
        let score = strsim::normalized_damerau_levenshtein(&written, &drug.name.to_lowercase());
        if score >= SIMILAR && best.is_none_or(|(_, b)| score > b) {
            best = Some((drug.name.as_str(), score));
        }
    }
    best.map(|(name, _)| name)
}
