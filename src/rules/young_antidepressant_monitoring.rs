//! `young-antidepressant-monitoring`: an antidepressant started before the
//! client turns 25 says how suicidality is monitored.

use super::Context;
use super::RuleMeta;
use super::context::{Monitored, age_on, birthday};
use crate::ast::Entry;
use crate::diagnostic::Diagnostic;
use crate::interpret::TreatmentKind;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A drug with the suicidality boxed warning, started for a client under 25, has no `monitor` line about mood or suicidal thinking.",
    doc: r#"## What it does
Flags a drug that carries the FDA boxed warning on suicidality (every
antidepressant in the drug table, and the antipsychotics licensed for
depression: quetiapine, aripiprazole, brexpiprazole, cariprazine,
lurasidone, lumateperone, olanzapine-fluoxetine) with no `monitor "..."`
line that speaks of mood, suicidal thinking or behaviour, when the client
is under 25 at some time in the first two months after the medication's
`started` date (default: the plan's `opened`) and those two months fall in
the episode. A medication begun years before the episode, when the client
was 20, is not flagged for a client of 30; one begun a month before the
episode, at 17, is. A `monitor` line about side effects or blood levels
alone does not satisfy the rule. Age comes from the plan's `born` date; a plan without
one is not checked. A client whose 25th birthday is the start date is 25, not
under 25. A client born on 29 February turns a year older on 1 March in
other years, so they are counted as under 25 on 28 February of that year.
The medication's header is flagged.

A dose change (`dose M1 "…"` in a session or review, language version 2)
is not a new start and is not checked on its own: the one `monitor` line
covers the whole course, and should say how the client is watched after a
dose change, when the warning asks for the same close watch. A medication
that continues after a discharge is checked as any other.

## Why
Since 2004 every antidepressant in the US carries a boxed warning that it
raises the risk of suicidal thinking and behaviour in children and
adolescents; in 2007 the FDA extended it to young adults aged 18 to 24
(FDA, "Antidepressant use in children, adolescents, and adults", revised
labelling of May 2007). The warning asks that these patients be watched
closely for clinical worsening, suicidality and unusual changes in
behaviour, especially in the first months and after dose changes; careplan
takes the first two months as that period (the labels' "first few months";
NICE NG222, 1.4.24, reviews young adults within a week of starting). A
`monitor` line records who watches for what, and how often.

## Example
```careplan
plan "Depression"
  born 2005-03-02
  opened 2026-09-01

medication M1 sertraline for G1
  started 2026-09-10
```

## Fix
Say what is monitored:
```careplan
medication M1 sertraline for G1
  started 2026-09-10
  monitor "Boxed warning (under 25): suicidal thinking, agitation, sleep; weekly for 4 weeks"
```
"#,
    check: Some(check),
};

/// The age below which the antidepressant boxed warning applies: 24 and
/// under (FDA, May 2007 extension of the 2004 boxed warning to young adults
/// aged 18-24).
const WARNING_AGE: i16 = 25;

/// The months after a start that the boxed warning singles out: "the first
/// few months of treatment" (FDA Medication Guide for antidepressants,
/// 2007), taken as two.
const EARLY_MONTHS: i64 = 2;

/// Words of a `monitor` line that speak of what the boxed warning asks to
/// watch: mood, suicidal thinking and behaviour (and the scales that
/// measure them), each found at the start of a word.
const WATCHED: &[&str] = &[
    "suicid", "mood", "self-harm", "self harm", "behaviour", "behavior", "agitation",
    "worsening", "phq", "c-ssrs", "columbia", "risk", "boxed warning",
];

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(born) = cx.born() else {
        return;
    };
    let cutoff = birthday(born, WARNING_AGE);
    for track in &cx.record.treatments {
        if track.kind != TreatmentKind::Medication {
            continue;
        }
        let Some(Entry::Medication(medication)) = cx.document.entries.get(track.entry) else {
            continue;
        };
        let Some(started) = track.started else {
            continue;
        };
        let under = cutoff.is_none_or(|day| started < day);
        // The first months after the start must fall in the episode.
        let early_end = started
            .checked_add(jiff::Span::new().months(EARLY_MONTHS))
            .unwrap_or(started);
        let in_episode = cx.document.opened().is_none_or(|opened| early_end >= opened);
        let warned = cx
            .catalogue
            .drug(&medication.drug.value)
            .is_some_and(|d| d.suicidality_warning);
        let monitored = cx.monitored(medication, WATCHED);
        if !under || !in_episode || !warned || monitored == Monitored::Yes {
            continue;
        }
        let age = age_on(born, started);
        let id = &medication.id.value;
        out.push(
            Diagnostic::new(
                Rule::YoungAntidepressantMonitoring,
                medication.header,
                match monitored {
                    Monitored::Silent => format!(
                        "`{id}` ({}), started on {started} when the client was {age}, carries \
                         the boxed warning on suicidality, and its `monitor` line says nothing of \
                         mood or suicidal thinking",
                        medication.drug.value
                    ),
                    _ => format!(
                        "`{id}` ({}), started on {started} when the client was {age}, carries \
                         the boxed warning on suicidality, and has no `monitor` line",
                        medication.drug.value
                    ),
                },
            )
            .with_help(format!(
                "add `monitor \"...\"` under `{id}` saying who watches for suicidal thinking, \
                 agitation and worsening mood, and how often (boxed warning for under-25s)"
            )),
        );
    }
}
