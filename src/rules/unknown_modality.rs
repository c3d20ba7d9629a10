//! `unknown-modality`: interventions and the plan's orientation name
//! modalities, and techniques, from the catalogue.

use super::RuleMeta;
use crate::ast::Ident;
use crate::catalogue::{Catalogue, Modality};
use super::Context;
use crate::diagnostic::{Diagnostic, Fix};
use crate::suggest::did_you_mean;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A modality or technique is not in the catalogue.",
    doc: r#"## What it does
Checks the therapy modality and technique of every `intervention`, and the
plan's `orientation`, against careplan's catalogue. It warns when:
- the modality is not in the catalogue (the help suggests the closest one);
- the technique is not one of that modality's techniques (the help suggests
  the closest technique of that modality, or names the modality the
  technique belongs to, such as `in-vivo` under `exposure`);
- a technique is given for a modality that lists none (such as `MBCT`).

The catalogue holds CBT, DBT, ACT, MBCT, exposure, TF-CBT, IPT,
psychodynamic, humanistic, EMDR, psychoeducation, expressive, family,
couples, RFP-C, biofeedback, physiotherapy, exercise, hydrotherapy,
massage, MI (motivational interviewing), CPT (cognitive processing
therapy), CBT-I, schema, MBT, PCIT, parent-training, FBT (family-based
treatment), speech-therapy, occupational-therapy, assessment, milieu and
relaxation, with their techniques (docs/language.md lists them with their
sources). Names are case-sensitive.

## Why
The modality says which therapy is delivered; other checks rely on it (for
example that exposure, trauma narratives and EMDR have recorded consent, and
that several modalities come with an integration rationale). A misspelt
modality slips past those checks, and in reports and exports it shows up as
a therapy of its own.

## Example
```careplan
intervention I1 CTB behavioral-activation "Activity scheduling" for G1
intervention I2 CBT in-vivo "Riding the bus" for G1
```

## Fix
Use the catalogue's spelling, and put each technique under its modality:
```careplan
intervention I1 CBT behavioral-activation "Activity scheduling" for G1
intervention I2 exposure in-vivo "Riding the bus" for G1
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let orientation = cx.document.plan().and_then(|p| p.orientation.as_ref());
    if let Some(name) = orientation
        && cx.catalogue.modality(&name.value).is_none()
    {
        out.push(unknown_modality(cx.catalogue, name));
    }
    for intervention in cx.document.interventions() {
        let Some(modality) = cx.catalogue.modality(&intervention.modality.value) else {
            out.push(unknown_modality(cx.catalogue, &intervention.modality));
            continue;
        };
        if let Some(technique) = &intervention.technique
            && !modality.has_technique(&technique.value)
        {
            out.push(unknown_technique(cx.catalogue, modality, technique));
        }
    }
}

/// The modalities that list `technique`, by name.
fn holders<'a>(catalogue: &'a Catalogue, technique: &str) -> Vec<&'a str> {
    catalogue
        .modalities()
        .iter()
        .filter(|m| m.has_technique(technique))
        .map(|m| m.name.as_str())
        .collect()
}

/// Joins names as "`a`, `b` or `c`".
fn either(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

fn unknown_modality(catalogue: &Catalogue, name: &Ident) -> Diagnostic {
    let names: Vec<&str> = catalogue
        .modalities()
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    let close = did_you_mean(&name.value, names.iter().copied());
    let help = match (close, holders(catalogue, &name.value).first()) {
        (Some(close), _) => format!("did you mean `{close}`?"),
        (None, Some(owner)) => format!(
            "`{}` is a technique: write its modality first, as in `{owner} {}`",
            name.value, name.value
        ),
        (None, None) => format!("the catalogue's modalities are {}", names.join(", ")),
    };
    Diagnostic::new(
        Rule::UnknownModality,
        name.span,
        format!("`{}` is not a therapy modality careplan knows", name.value),
    )
    .with_help(help)
    .with_fixes(close.map(|c| Fix::respelling(name.span, &name.value, c)))
}

fn unknown_technique(catalogue: &Catalogue, modality: &Modality, technique: &Ident) -> Diagnostic {
    let message = format!(
        "`{}` is not among careplan's techniques for {}",
        technique.value, modality.name
    );
    let close = did_you_mean(
        &technique.value,
        modality.techniques.iter().map(String::as_str),
    );
    let owners = holders(catalogue, &technique.value);
    let help = match (close, owners.first()) {
        (Some(close), _) => format!("did you mean `{close}`?"),
        (None, Some(owner)) => format!(
            "`{}` belongs to {}: name that modality instead, as in `{owner} {}`",
            technique.value,
            either(&owners),
            technique.value
        ),
        (None, None) if modality.techniques.is_empty() => format!(
            "careplan lists no techniques under {}: \
             leave the technique out and describe it in the title",
            modality.name
        ),
        (None, None) => format!(
            "{}'s techniques are {}",
            modality.name,
            modality.techniques.join(", ")
        ),
    };
    Diagnostic::new(Rule::UnknownModality, technique.span, message)
        .with_help(help)
        .with_fixes(close.map(|c| Fix::respelling(technique.span, &technique.value, c)))
}
