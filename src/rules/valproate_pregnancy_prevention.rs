//! `valproate-pregnancy-prevention`: valproate for a client under 55 has a
//! recorded consent, the acknowledgement of its reproductive risks.

use super::Context;
use super::RuleMeta;
use super::context::{Taken, birthday, years_on};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use jiff::civil::Date;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Valproate is taken by a client under 55 with no `consent` date on or before its start.",
    doc: r#"## What it does
Flags valproate (however it is written: `"sodium valproate"`, `"valproic
acid"`, `divalproex`, `"Depakote ER"`, `Epilim`) taken during the episode
by a client under 55 when the medication has no `consent DATE` (language
version 2), at its header; or, for a start within the episode, when the
consent is dated after the start, at the `consent` line. The age is the
client's, from the plan's `born`, on the day the episode first sees the
medication (its `started` date, or the plan's `opened` when it was started
before). A plan without `born` is checked all the same, since careplan
cannot tell the client is 55 or over, and the message says so. The
language records no sex, so men and women are checked alike, as the MHRA's
2024 measures ask. careplan checks that the acknowledgement is recorded,
not that it is renewed each year: a medication has one `consent` line (write
the date of the latest form there).

## Why
Valproate taken in pregnancy causes malformations in about 1 child in 10
and neurodevelopmental disorders in up to 4 in 10. Since April 2018 the
MHRA forbids it for women and girls who could become pregnant unless they
are in the Pregnancy Prevention Programme, which includes a Risk
Acknowledgement Form signed with the specialist at the start and every
year (MHRA Drug Safety Update, April 2018). From 31 January 2024 valproate
must not be started in anyone, male or female, under 55 unless two
specialists independently document that no other treatment is effective or
tolerated, or that the reproductive risks do not apply (MHRA, National
Patient Safety Alert of 28 November 2023, in force 31 January 2024); and
since September 2024 men taking it are advised to use effective
contraception, because of a possible risk of neurodevelopmental disorders
in children they father (MHRA Drug Safety Update, September 2024). The
`consent` date records that this discussion happened and was signed.

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
Record the date the risk acknowledgement was signed:
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
        match medication.consent.as_ref() {
            None if !unread => out.push(missing(&taken, &client)),
            Some(consent) => {
                let within = opened.is_none_or(|o| taken.started >= o);
                if let Some(day) = consent.value.filter(|&d| within && d > taken.started) {
                    out.push(late(&taken, &client, day, consent.span));
                }
            }
            None => {}
        }
    }
}

/// No consent at all.
fn missing(taken: &Taken<'_>, client: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::ValproatePregnancyPrevention,
        taken.medication.header,
        format!(
            "{}, for {client}, has no `consent` date: valproate under 55 needs the signed \
             acknowledgement of its risks in pregnancy (MHRA Pregnancy Prevention Programme, \
             2018; extended to men in 2024)",
            taken.named()
        ),
    )
    .with_help(format!(
        "record under `{}` the date the valproate Risk Acknowledgement Form was signed: \
         `consent DATE`",
        taken.track.id
    ))
}

/// A consent dated after the start.
fn late(taken: &Taken<'_>, client: &str, day: Date, span: crate::span::Span) -> Diagnostic {
    Diagnostic::new(
        Rule::ValproatePregnancyPrevention,
        span,
        format!(
            "{}, for {client}, was started on {} before its consent on {day}: the \
             acknowledgement of valproate's risks in pregnancy comes before the first dose \
             (MHRA Pregnancy Prevention Programme, 2018; extended to men in 2024)",
            taken.named(),
            taken.started
        ),
    )
    .with_help(format!(
        "if the Risk Acknowledgement Form was signed on or before {}, correct the date; if \
         not, say in a note why valproate was started first",
        taken.started
    ))
}
