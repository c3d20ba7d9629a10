//! `dose-above-maximum`: a dose line above the drug's labelled maximum
//! daily dose.

use super::Context;
use super::RuleMeta;
use super::context::{Taken, birthday, years_on};
use crate::ast::{DoseChange, Entry};
use crate::catalogue::doses::{self, Limit};
use crate::diagnostic::Diagnostic;
use crate::interpret::Dated;
use crate::rule::Rule;
use crate::span::Span;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A medication's dose, or a dose change, is above the drug's labelled maximum daily dose.",
    doc: r#"## What it does
Reads the amount a day from a medication's `dose "..."` line and from each
`dose MED "..."` change in a session or review (language version 2), and
flags the dose line when it is above the labelled maximum daily dose in
careplan's table:

| drug | maximum a day | source |
|---|---|---|
| citalopram | 40 mg; 20 mg from age 60 | FDA Drug Safety Communication of 24 August 2011, revised 28 March 2012; MHRA Drug Safety Update, December 2011 (the MHRA's lower maximum starts at 65; careplan follows the FDA's 60) |
| escitalopram | 20 mg; 10 mg from age 65 | FDA label (Lexapro); MHRA Drug Safety Update, December 2011, and the EU SmPC for 10 mg over 65 (the FDA label recommends 10 mg for most older patients without making it a maximum; careplan follows the MHRA) |
| sertraline | 200 mg | FDA label (Zoloft); BNF |
| fluoxetine | 80 mg | FDA label (Prozac); the BNF's maximum is 60 mg |
| paroxetine | 60 mg; 40 mg from age 65; 75 mg controlled-release, 50 mg from age 65 | FDA label (Paxil): 50 mg for depression, 60 mg for OCD and panic disorder, 40 mg in the elderly; BNF the same; Paxil CR: 75 mg for panic disorder, 50 mg in the elderly (neither label gives an age; careplan takes 65, the BNF's elderly) |
| venlafaxine | 375 mg | FDA label (Effexor) for severely depressed inpatients; BNF, both forms (the FDA gives 225 mg for outpatients and for Effexor XR) |
| duloxetine | 120 mg | FDA label (Cymbalta); BNF, for generalised anxiety disorder |
| mirtazapine | 45 mg | FDA label (Remeron); BNF |
| bupropion | 450 mg; 400 mg sustained-release (SR); 300 mg Zyban | FDA labels (Wellbutrin, Wellbutrin XL, Wellbutrin SR, Zyban) |
| quetiapine | 800 mg | FDA labels (Seroquel, Seroquel XR), for bipolar mania; BNF |

Where the labels disagree, careplan takes the highest adult maximum any of
them allows for any licensed use, so a finding means the dose is above
every label; where a regulator lowered a maximum because of a named harm
(QT prolongation with citalopram and escitalopram), it takes the lower one
and the earlier age. The age is the client's (from the plan's `born`) on the
last day the dose is in force, so a dose held past a 60th birthday is
flagged; a plan without `born` is checked against the adult maximum only.
A release form is read from the drug's name or the dose line (`bupropion
SR`, `"Paxil CR"`); a name with no form word is the immediate-release
product.

The amount is read only when the line says it without guessing: an amount
in mg at its start (`50 mg`, `37.5mg`, `200 mg/day`), times one clear
frequency: once (`daily`, `a day`, `once`, `at night`, `in the morning`,
`od`, `nocte`, `mane`), twice (`twice daily`, `bd`, `bid`), three times
(`three times a day`, `tds`, `tid`) or four times (`qds`, `qid`). A line
with no frequency (`"150 mg"`), with another unit (mcg, g, ml), a range, a
second amount (a titration written out), doses added together (`morning
and night`), or a dose not taken every day (weekly, as needed, every 6
hours) is not read, and careplan says nothing about it.

## Why
A dose above the labelled maximum is outside the evidence the licence
rests on, and for some drugs it is the dose that harms: citalopram above
40 mg a day (20 mg in older people) prolongs the QT interval enough to
cause torsade de pointes (FDA 2011; MHRA 2011), and bupropion above its
maximum raises the risk of seizures (FDA labels). A specialist may go
higher on purpose; the record should then say so.

## Example
```careplan
medication M1 citalopram for G1
  dose "30 mg twice daily"
  started 2026-09-10
```

## Fix
Check the dose with the prescriber and correct the line:
```careplan
medication M1 citalopram for G1
  dose "20 mg twice daily"
  started 2026-09-10
```
If a dose above the licence is intended, say why and acknowledge it on its
line:
```careplan
session 2026-10-06
  note "Quetiapine 900 mg a day agreed with the consultant and a second opinion"
  dose M2 "450 mg twice daily"  # careplan: allow dose-above-maximum
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let as_of = cx.as_of();
    let opened = cx.document.opened();
    for taken in cx.medications_taken() {
        let Some(maximum) = doses::maximum(&taken.drug.name) else {
            continue;
        };
        let doses = &taken.track.doses;
        let stopped = taken.track.stopped.as_ref().map(|s| s.date);
        for (at, dose) in doses.iter().enumerate() {
            // The day it stops being in force: the next change or the stop.
            let end = doses
                .get(at + 1)
                .map(|d| d.date)
                .into_iter()
                .chain(stopped)
                .min();
            let superseded = end.is_some_and(|e| e <= dose.date);
            let before_episode = end.zip(opened).is_some_and(|(e, o)| e <= o);
            if dose.date > as_of || superseded || before_episode {
                continue;
            }
            let Some(mg) = doses::daily_mg(&dose.value) else {
                continue;
            };
            let last = end
                .and_then(|e| e.yesterday().ok())
                .map_or(as_of, |l| l.min(as_of));
            let age = cx.born().map(|born| years_on(born, last));
            let limit = maximum.limit(&taken.medication.drug.value, &dose.value, age);
            if mg <= limit.mg {
                continue;
            }
            out.push(finding(cx, &taken, dose, mg, &limit));
        }
    }
}

/// The finding for `dose`, `mg` a day, above `limit`.
fn finding(
    cx: &Context<'_>,
    taken: &Taken<'_>,
    dose: &Dated<String>,
    mg: f64,
    limit: &Limit,
) -> Diagnostic {
    let which = match (limit.from_age, limit.form) {
        (Some(from), _) => {
            let client = match cx.born() {
                Some(born) if years_on(born, dose.date) < from => birthday(born, from)
                    .map_or_else(String::new, |day| {
                        format!("; the client turns {from} on {day}")
                    }),
                Some(born) => format!("; the client is {}", years_on(born, dose.date)),
                None => String::new(),
            };
            format!(
                "the maximum of {} mg a day from the age of {from}{client}",
                limit.mg
            )
        }
        (None, Some(form)) => format!(
            "the labelled maximum of {} mg a day for the {form} form",
            limit.mg
        ),
        (None, None) => format!("the labelled maximum of {} mg a day", limit.mg),
    };
    let id = &taken.track.id;
    Diagnostic::new(
        Rule::DoseAboveMaximum,
        dose_text(cx, taken, dose),
        format!(
            "{} from {}: \"{}\" is {mg} mg a day, above {which} ({})",
            taken.named(),
            dose.date,
            dose.value,
            limit.source
        ),
    )
    .with_help(format!(
        "check the dose of `{id}` with the prescriber and correct the line; if a dose above \
         the licence is intended, say why in a note and add \
         `# careplan: allow dose-above-maximum` to this line"
    ))
}

/// The span of the quoted dose of `dose`: the medication's own `dose`
/// line, or the string of the `dose MED "..."` change that set it.
fn dose_text(cx: &Context<'_>, taken: &Taken<'_>, dose: &Dated<String>) -> Span {
    if let Some(own) = taken
        .medication
        .dose
        .as_ref()
        .filter(|d| d.span == dose.span)
    {
        return own.span;
    }
    cx.document
        .entries
        .iter()
        .flat_map(|entry| -> &[DoseChange] {
            match entry {
                Entry::Session(session) => &session.doses,
                Entry::Review(review) => &review.doses,
                _ => &[],
            }
        })
        .find(|change| change.span == dose.span)
        .map_or(dose.span, |change| change.dose.span)
}

#[cfg(test)]
mod tests {
    use super::META;
    use crate::catalogue::doses;

    /// What `careplan explain` shows is the table the rule uses.
    #[test]
    fn the_documented_table_is_the_one_checked() {
        for row in doses::maxima() {
            let line = META
                .doc
                .lines()
                .find(|l| l.starts_with(&format!("| {} |", row.drug)))
                .unwrap_or_else(|| panic!("{} is not in the doc's table", row.drug));
            let mut amounts = vec![row.mg];
            amounts.extend(row.older.map(|o| o.mg));
            amounts.extend(row.forms.iter().map(|f| f.mg));
            amounts.extend(row.forms.iter().filter_map(|f| f.older.map(|o| o.mg)));
            for mg in amounts {
                assert!(line.contains(&format!("{mg} mg")), "{}: {mg} mg", row.drug);
            }
            if let Some(older) = row.older {
                assert!(line.contains(&format!("age {}", older.from_age)), "{}", row.drug);
            }
        }
    }
}
