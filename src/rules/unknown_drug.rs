//! `unknown-drug`: a medication named by brand, or misspelt, where the
//! medication checks would not recognise it.

use super::RuleMeta;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// How alike a name must be to a known drug to be taken for a misspelling
/// of it: stricter than other did-you-means, since many real drugs outside
/// careplan's list differ from one in it by a few letters (reboxetine and
/// duloxetine are 0.7 alike).
const SIMILAR: f64 = 0.8;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A medication is named by a brand, or misspelt, so the medication checks cannot see it.",
    doc: r#"## What it does
Flags the drug of a `medication` that careplan does not know when it is a
brand name of a drug it knows (`Zoloft` for sertraline, `Prozac` for
fluoxetine) or is spelt almost like one (`fluoxetin`, `setraline`,
`"St Johns wort"`). The help gives the generic name.

A drug careplan does not know and that looks like none it knows (say
`metformin`) is not flagged: the checks simply have nothing to say about
it. Drugs a clinic adds in `careplan.toml` count as known.

## Why
The medication safety checks (`serotonergic-combination`,
`young-antidepressant-monitoring`) find drugs by generic name. A brand name
or a typo hides the drug from them without a word, so a dangerous
combination or a young client's missing monitoring goes unreported.
Generic names are also what prescribing guidance and health records use.

## Example
```careplan
medication M1 Zoloft for G1
  started 2026-09-01
medication M2 fluoxetin for G1
```

## Fix
Write the generic name (a multi-word name in quotes):
```careplan
medication M1 sertraline for G1
  started 2026-09-01
medication M2 fluoxetine for G1
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for medication in cx.document.medications() {
        let written = medication.drug.value.as_str();
        if cx.catalogue.drug(written).is_some() {
            continue;
        }
        let (message, help) = if let Some(generic) = crate::catalogue::generic_of_brand(written) {
            (
                format!(
                    "`{written}` is a brand name; careplan's medication checks know drugs by \
                     their generic name"
                ),
                format!("write the generic name: `{generic}`"),
            )
        } else if let Some(close) = closest(cx, written) {
            let close = if close.contains(' ') {
                format!("\"{close}\"")
            } else {
                close.to_owned()
            };
            (
                format!(
                    "careplan does not know the drug `{written}`, so the medication checks \
                     pass it by"
                ),
                format!("did you mean `{close}`?"),
            )
        } else {
            continue;
        };
        out.push(
            Diagnostic::new(Rule::UnknownDrug, medication.drug.span, message).with_help(help),
        );
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
