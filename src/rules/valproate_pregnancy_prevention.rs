//! `valproate-pregnancy-prevention`: valproate for a client under 55 has a
//! recorded consent, the acknowledgement of its reproductive risks.

use super::Context;
use super::RuleMeta;
use super::context::{Taken, birthday, years_on};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Valproate is taken by a client under 55 with no `consent` date.",
    doc: r#"## What it does
Flags valproate (however it is written: `"sodium valproate"`, `"valproic
acid"`, `divalproex`, `"Depakote ER"`, `Epilim`) taken during the episode
by a client under 55 when the medication has no `consent DATE` (language
version 2), at its header. The age is the client's, from the plan's `born`,
on the day the episode first sees the medication (its `started` date, or the
plan's `opened` when it was started before). A plan without `born` is
checked all the same, since careplan cannot tell the client is 55 or over,
and the message says so. The language records no sex, so every client
under 55 is checked: the consent records the risk discussion the MHRA asks
for, which differs for women and men (below). A medication has one
`consent` line, which holds the date of the latest signed form; since the
form is renewed every year, a date after the start is expected and is not
flagged, and careplan does not check that the renewal is due.

## Why
Valproate taken in pregnancy causes malformations in about 1 child in 10
and neurodevelopmental disorders in up to 4 in 10. The MHRA's measures:

- Women and girls who could become pregnant: since April 2018 valproate is
  contraindicated unless the conditions of the Pregnancy Prevention
  Programme are met, including a Risk Acknowledgement Form signed with the
  specialist at the start and at every annual review (MHRA Drug Safety
  Update, April 2018). The 2023 alert below added, for a woman or girl who
  continues valproate, a second specialist's signature on the form at her
  next annual review.
- New starts in anyone under 55, male or female: since 31 January 2024
  valproate must not be started unless two specialists independently
  consider and document that no other treatment is effective or tolerated,
  or that the reproductive risks do not apply (MHRA National Patient Safety
  Alert, 28 November 2023, in force 31 January 2024).
- Men: since September 2024 men taking valproate are advised to use
  effective contraception during treatment and for 3 months after it,
  because of a possible risk of neurodevelopmental disorders in children
  they father (MHRA Drug Safety Update, September 2024). On the advice of
  the Commission on Human Medicines the MHRA confirmed in 2025 that men
  already taking valproate need no two-specialist review; the rule stays
  for new starts under 55 (MHRA Drug Safety Update, 2025).

The `consent` date records that the discussion happened and was signed: for
a woman or girl who could become pregnant, the latest Risk Acknowledgement
Form; for a new start, the specialists' documented decision and the
client's acknowledgement of the risks.

## Example
```careplan
plan "Bipolar disorder"
  born 1994-05-02
  opened 2026-09-01

medication M1 "sodium valproate" for G1
  dose "500 mg twice daily"
  started 2026-09-10
```

## Fix
Record the date the risk acknowledgement was signed, and at each annual
review the date of the renewed form:
```careplan
medication M1 "sodium valproate" for G1
  dose "500 mg twice daily"
  started 2026-09-10
  consent 2026-09-10
```
"#,
    check: Some(check),
};

/// The age from which the MHRA's 2024 measures no longer apply: "younger
/// than 55 years" (MHRA National Patient Safety Alert, 28 November 2023).
const UNDER: i16 = 55;

/// The drug, by generic name (the drug table reads every form of it as
/// this).
const VALPROATE: &str = "valproate";

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let born = cx.born();
    for taken in cx.medications_taken() {
        if !taken.drug.name.eq_ignore_ascii_case(VALPROATE) || !cx.in_episode(&taken) {
            continue;
        }
        let opened = cx.document.opened();
        let seen = opened.map_or(taken.started, |o| o.max(taken.started));
        let client = match born {
            Some(born) if birthday(born, UNDER).is_none_or(|day| seen < day) => {
                format!("a client aged {}", years_on(born, seen))
            }
            Some(_) => continue,
            None => "a client whose age the plan does not record (`born`)".to_owned(),
        };
        let medication = taken.medication;
        let unread = cx.document.has_unread(medication.span, "consent");
        if medication.consent.is_none() && !unread {
            out.push(missing(&taken, &client));
        }
    }
}

/// No consent at all.
fn missing(taken: &Taken<'_>, client: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::ValproatePregnancyPrevention,
        taken.medication.header,
        format!(
            "{}, for {client}, has no `consent` date: valproate under 55 needs its \
             reproductive risks discussed and signed for (MHRA: the Pregnancy Prevention \
             Programme's Risk Acknowledgement Form, yearly, for women and girls who could \
             become pregnant, since 2018; two specialists' documented agreement for anyone \
             starting it, since January 2024)",
            taken.named()
        ),
    )
    .with_help(format!(
        "record under `{}` the date the risks were acknowledged (the latest signed \
         valproate Risk Acknowledgement Form, renewed each year): `consent DATE`",
        taken.track.id
    ))
}
