//! `integration-without-rationale`: a plan that combines therapies says why.

use super::RuleMeta;
use crate::ast::Intervention;
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Interventions come from two or more therapy modalities and the plan has no `rationale`.",
    doc: r#"## What it does
Flags the plan header when the file's interventions come from two or more
therapy modalities (psychological or physical: `CBT`, `DBT`, `exposure`,
`physiotherapy`, `exercise`, ...) and the plan has no `rationale` line (or
an empty one). Every intervention counts, whether stopped or not, since the
plan combines them over the episode.

What does not count as a modality of its own:
- medications: combining therapy with medication is a separate question;
- `psychoeducation`, `assessment` and the therapeutic `milieu`: they
  accompany every therapy (explaining the problem and the treatment,
  assessing, keeping the client safe are part of each), so they with one
  other modality are still one therapy. TF-CBT's `psychoeducation`
  technique is TF-CBT;
- one therapy's own components: `exposure`, `relaxation` and `CBT-I` are
  CBT (Hofmann et al., 2012, Cogn Ther Res 36:427-440; NICE CG113 and
  CG159 deliver exposure and applied relaxation as CBT); `exercise`,
  `hydrotherapy` and `massage` are physiotherapy (APTA Guide to Physical
  Therapist Practice 4.0, 2023: therapeutic exercise, aquatic therapy and
  manual therapy are physical therapist interventions); and for a client
  under 18, `family` sessions are part of `DBT` (DBT for adolescents:
  Rathus & Miller, 2015, DBT Skills Manual for Adolescents).

`integration` says how the therapies fit together, not why they were
chosen, so it does not stand in for `rationale`. The message names each
modality with its first intervention.

## Why
Combining therapies is common and can be good practice, but it is only
integration when there is a reason: a shared formulation, a sequence, or a
stated role for each (Norcross & Goldfried, 2019, Handbook of
Psychotherapy Integration, 3rd ed.). Without one, the mix is hard to
review, hard to hand over, and hard to tell apart from drift. One line on
the plan is enough.

## Example
```careplan
plan "PTSD after a road-traffic collision"
  opened 2026-07-20

intervention I1 TF-CBT trauma-narrative "Narrative of the collision" for G1
intervention I5 DBT distress-tolerance "TIPP, urge surfing" for G2
```

## Fix
Say why these therapies, and how they fit together:
```careplan
plan "PTSD after a road-traffic collision"
  opened 2026-07-20
  integration assimilative
  rationale "TF-CBT for PTSD; DBT distress tolerance to stabilise self-harm before the narrative"
```
"#,
    check: Some(check),
};

/// Modalities that accompany every therapy rather than being one of their
/// own: psychoeducation (Lukens & McFarlane, 2004, Brief Treat Crisis
/// Interv 4:205-225, describe it as a component of many evidence-based
/// treatments), assessment and the therapeutic milieu.
const ADJUNCTS: &[&str] = &["psychoeducation", "assessment", "milieu"];

/// Modalities that are components of another: `(component, therapy)`
/// (sources in the rule's documentation above).
const COMPONENTS: &[(&str, &str)] = &[
    ("exposure", "CBT"),
    ("relaxation", "CBT"),
    ("CBT-I", "CBT"),
    ("exercise", "physiotherapy"),
    ("hydrotherapy", "physiotherapy"),
    ("massage", "physiotherapy"),
];

/// The therapy `modality` belongs to: itself, the therapy it is a component
/// of, or for a client under 18 DBT for family sessions (DBT-A).
fn therapy(modality: &str, minor: bool) -> &str {
    if minor && modality == "family" {
        return "DBT";
    }
    COMPONENTS
        .iter()
        .find(|(component, _)| *component == modality)
        .map_or(modality, |&(_, therapy)| therapy)
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(plan) = cx.document.plan() else {
        return;
    };
    if plan
        .rationale
        .as_ref()
        .is_some_and(|r| !r.value.trim().is_empty())
        || cx.document.has_unread(plan.span, "rationale")
    {
        return;
    }
    let minor = cx.document.age_when_opened().is_some_and(|age| age < 18);
    let dbt = cx
        .document
        .interventions()
        .any(|i| i.modality.value == "DBT");
    let family = minor && dbt;
    let of = |i: &Intervention| therapy(&i.modality.value, family).to_owned();
    // Each therapy with the first intervention that uses it, in file order.
    let mut modalities: Vec<&Intervention> = Vec::new();
    for intervention in cx.document.interventions() {
        let modality = intervention.modality.value.as_str();
        if ADJUNCTS.contains(&modality) || modalities.iter().any(|i| of(i) == of(intervention))
        {
            continue;
        }
        modalities.push(intervention);
    }
    if modalities.len() < 2 {
        return;
    }
    let mut listed: Vec<String> = modalities
        .iter()
        .map(|i| format!("{} (`{}`)", i.modality.value, i.id.value))
        .collect();
    let last = listed.pop().unwrap_or_default();
    let approach = match plan.integration {
        Some(_) => "",
        None => ", and `integration` for the approach",
    };
    out.push(
        Diagnostic::new(
            Rule::IntegrationWithoutRationale,
            plan.header,
            format!(
                "the plan combines {} and {last} but gives no rationale",
                listed.join(", ")
            ),
        )
        .with_help(format!(
            "add `rationale \"...\"` under `plan` saying why these therapies were chosen \
             and how they fit together{approach}"
        )),
    );
}
