//! `unknown-reference`: every id a line refers to names a definition of the
//! kind the line needs (a goal's `for` names concerns, a `used` line an
//! intervention or medication, and so on).

use super::RuleMeta;
use crate::ast::{Change, Document, Entry, Ident};
use super::Context;
use crate::diagnostic::{Diagnostic, Fix};
use crate::suggest::did_you_mean;
use crate::rule::Rule;
use crate::vocabulary;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "An id is used that no definition of the right kind introduces.",
    doc: r#"## What it does
Checks that every id a line refers to is defined in the file, and is of the
kind the line needs:

| where | must name |
|---|---|
| `goal … for IDS` | concerns |
| `objective … for IDS` | goals |
| `intervention … for IDS`, `medication … for IDS` | goals or objectives |
| `used ID` in a session | an intervention or medication |
| `progress ID` in a session | a goal or objective |
| `status ID`, `revise ID target`, `revise ID due` in a review or discharge | a goal or objective |
| `revise ID course` | an intervention |
| `dose ID` in a session or review | a medication |
| `stop ID` in a review | an intervention or medication |

An id that is not defined at all, and an id that names the wrong kind of
entry (a `progress` line naming an intervention), are both reported. The help
suggests the closest id of the right kind, or lists the ids that are defined.
An objective's `for` naming a concern or another objective is reported
with the reason: an objective is a step toward goals. A `revise ID target
MEASURE …` naming a measure the goal or objective has no target for is
reported at the measure, with a did-you-mean among its targets (language
version 2). Measures and modalities have their own checks
(`unknown-measure`, `unknown-modality`).

## Why
Ids are how a plan links its reasoning: a concern leads to a goal, a goal to
the interventions that serve it, and sessions and reviews record what was done
and achieved against them. A mistyped id silently breaks that chain: the
session's work is credited to nothing, a review's status update or `stop` is
lost, and the plan no longer shows what was actually done.

## Example
```careplan
goal G1 "Lift low mood" for mood
  measure PHQ-9 baseline 16 target < 5
  due 2027-03-01

intervention I1 CBT behavioral-activation "Activity scheduling" for G1

session 2026-09-08
  used I2 "Planned three activities"
  progress I1 "Went for two walks"
```
There is no `I2`, and `I1` is an intervention, not a goal.

## Fix
Use the id as it is defined, or add the missing definition:
```careplan
session 2026-09-08
  used I1 "Planned three activities"
  progress G1 "Went for two walks"
```
"#,
    check: Some(check),
};

/// How many defined ids a help line lists before summarising the rest.
const LISTED: usize = 5;

/// The kind of definition a reference must name.
struct Expected {
    /// The entry keywords that satisfy it; the first is the one to add.
    keywords: &'static [&'static str],
    /// The kind in messages: singular, with its article, plural.
    noun: &'static str,
    a_noun: &'static str,
    plural: &'static str,
    /// Why the line needs that kind, when it is not plain from the line.
    because: Option<&'static str>,
}

const CONCERN: Expected = Expected {
    keywords: &["concern"],
    noun: "concern",
    a_noun: "a concern",
    plural: "concerns",
    because: None,
};
const GOAL: Expected = Expected {
    keywords: &["goal"],
    noun: "goal",
    a_noun: "a goal",
    plural: "goals",
    because: None,
};
/// An objective's `for`: goals only (language decision 1).
const SERVED_GOAL: Expected = Expected {
    because: Some("an objective is a step toward goals, so its `for` names goals"),
    ..GOAL
};
const AIM: Expected = Expected {
    keywords: &["goal", "objective"],
    noun: "goal or objective",
    a_noun: "a goal or objective",
    plural: "goals and objectives",
    because: None,
};
const INTERVENTION: Expected = Expected {
    keywords: &["intervention"],
    noun: "intervention",
    a_noun: "an intervention",
    plural: "interventions",
    because: None,
};
const MEDICATION: Expected = Expected {
    keywords: &["medication"],
    noun: "medication",
    a_noun: "a medication",
    plural: "medications",
    because: None,
};
const TREATMENT: Expected = Expected {
    keywords: &["intervention", "medication"],
    noun: "intervention or medication",
    a_noun: "an intervention or medication",
    plural: "interventions and medications",
    because: None,
};

impl Expected {
    fn accepts(&self, entry: &Entry) -> bool {
        self.keywords.contains(&entry.keyword())
    }
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    ids(cx, out);
    revised_measures(cx, out);
}

/// Ids that name no definition of the kind their line needs.
fn ids(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (id, expected) in references(cx.document) {
        let definitions = cx.definitions(&id.value);
        if definitions.iter().any(|e| expected.accepts(e)) {
            continue;
        }
        let message = match definitions.first() {
            Some(found) => format!(
                "`{}` is {}, not {}",
                id.value,
                vocabulary::entry(found.keyword()).map_or(found.keyword(), |e| e.article),
                expected.a_noun
            ),
            None => format!("there is no {} `{}` in this plan", expected.noun, id.value),
        };
        let message = match expected.because {
            Some(because) => format!("{message}: {because}"),
            None => message,
        };
        let (help, close) = help(cx.document, id, expected);
        out.push(
            Diagnostic::new(Rule::UnknownReference, id.span, message)
                .with_help(help)
                .with_fixes(close.map(|c| Fix::respelling(id.span, &id.value, c))),
        );
    }
}

/// A `revise ID target MEASURE …` naming a measure the goal or objective
/// has no target for (language decision 14).
fn revised_measures(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let revisions = cx.document.revisions();
    for revision in revisions {
        let Change::Target {
            measure: Some(measure),
            ..
        } = &revision.change
        else {
            continue;
        };
        // An id that names no goal or objective is reported above.
        let id = revision.id.value.as_str();
        let Some(aim) = cx.document.aims().find(|a| a.id().value == id) else {
            continue;
        };
        if aim.target_for(&measure.value).is_some() {
            continue;
        }
        let noun = aim.noun();
        let names = || aim.measures().iter().map(|m| m.measure.value.as_str());
        let close = did_you_mean(&measure.value, names());
        let help = match close {
            Some(close) => format!("did you mean `{close}`?"),
            None if aim.measures().is_empty() => format!(
                "{noun} `{id}` has no target; give it one with `measure {} baseline N target …`, \
                 or revise the target of the objective that has it",
                measure.value
            ),
            None => {
                let listed: Vec<String> = names().map(|m| format!("`{m}`")).collect();
                format!("the targets of `{id}` are on {}", listed.join(", "))
            }
        };
        out.push(
            Diagnostic::new(
                Rule::UnknownReference,
                measure.span,
                format!("{noun} `{id}` has no target for `{}`", measure.value),
            )
            .with_help(help)
            .with_fixes(close.map(|c| Fix::respelling(measure.span, &measure.value, c))),
        );
    }
}

/// Every id reference in the file with the kind it must name, in file order.
fn references(document: &Document) -> Vec<(&Ident, &'static Expected)> {
    let mut refs = Vec::new();
    for entry in &document.entries {
        match entry {
            Entry::Goal(g) => refs.extend(g.concerns.iter().map(|id| (id, &CONCERN))),
            Entry::Objective(o) => refs.extend(o.goals.iter().map(|id| (id, &SERVED_GOAL))),
            Entry::Intervention(i) => refs.extend(i.goals.iter().map(|id| (id, &AIM))),
            Entry::Medication(m) => refs.extend(m.goals.iter().map(|id| (id, &AIM))),
            Entry::Session(s) => {
                refs.extend(s.used.iter().map(|u| (&u.intervention, &TREATMENT)));
                refs.extend(s.progress.iter().map(|p| (&p.goal, &AIM)));
                refs.extend(s.doses.iter().map(|d| (&d.medication, &MEDICATION)));
            }
            Entry::Review(r) => {
                refs.extend(r.statuses.iter().map(|s| (&s.goal, &AIM)));
                refs.extend(r.revisions.iter().map(revised));
                refs.extend(r.stops.iter().map(|s| (&s.target, &TREATMENT)));
                refs.extend(r.doses.iter().map(|d| (&d.medication, &MEDICATION)));
            }
            Entry::Discharge(d) => {
                refs.extend(d.statuses.iter().map(|s| (&s.goal, &AIM)));
                refs.extend(d.revisions.iter().map(revised));
            }
            Entry::Plan(_)
            | Entry::Concern(_)
            | Entry::Measure(_)
            | Entry::Event(_)
            | Entry::SafetyPlan(_) => {}
        }
    }
    refs
}

/// What a `revise` line names: an intervention for a course, else a goal
/// or objective.
fn revised(revision: &crate::ast::Revision) -> (&Ident, &'static Expected) {
    match revision.change {
        Change::Course(_) => (&revision.id, &INTERVENTION),
        _ => (&revision.id, &AIM),
    }
}

/// Suggests the closest id of the expected kind (also returned, for the
/// fix), else lists the ids of that kind, else says how to define one.
fn help<'d>(document: &'d Document, id: &Ident, expected: &Expected) -> (String, Option<&'d str>) {
    let mut candidates: Vec<&str> = Vec::new();
    for entry in document.entries.iter().filter(|e| expected.accepts(e)) {
        if let Some(def) = entry.id().filter(|d| d.value != id.value)
            && !candidates.contains(&def.value.as_str())
        {
            candidates.push(&def.value);
        }
    }
    if let Some(close) = did_you_mean(&id.value, candidates.iter().copied()) {
        return (format!("did you mean `{close}`?"), Some(close));
    }
    if candidates.is_empty() {
        let keyword = expected.keywords.first().copied().unwrap_or_default();
        let usage = vocabulary::entry(keyword).map_or(keyword, |e| e.usage);
        let help = format!(
            "this plan has no {} yet; define `{}` with `{usage}`",
            expected.noun, id.value
        );
        return (help, None);
    }
    let listed: Vec<String> = candidates
        .iter()
        .take(LISTED)
        .map(|c| format!("`{c}`"))
        .collect();
    let more = candidates.len().saturating_sub(LISTED);
    let rest = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let help = format!(
        "this plan's {} are {}{rest}",
        expected.plural,
        listed.join(", ")
    );
    (help, None)
}
