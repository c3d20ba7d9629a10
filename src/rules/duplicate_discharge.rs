//! `duplicate-discharge`: a file holds one episode, and one discharge.

use super::Context;
use super::RuleMeta;
use crate::ast::{Discharge, Entry};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A file has more than one `discharge`.",
    doc: r#"## What it does
Flags every `discharge` but one (language version 2). careplan reads the
earliest-dated discharge as the end of the episode (the first written, when
no date can be read) and leaves the others out of the record: their
statuses, revisions and risk are not applied. Each other discharge's header
is flagged, and the message names the line of the one that counts.

## Why
A discharge closes the episode of care: it ends the interventions and
records each goal's final status, the risk at discharge and where care goes
next. A file is one episode, so two discharges cannot both be true. Either
the second repeats the first (and the two may disagree on a goal's final
status), or the client came back and a new episode was written into the old
file, where its plan, goals and reviews cannot be told apart from the
first.

## Example
```careplan
discharge 2027-01-11 completed "Goals met"
  status G1 achieved

discharge 2027-04-02 withdrew "Stopped attending after the relapse"
```

## Fix
Keep one discharge with every final status and referral. If the client
came back, the second episode belongs in a new file with its own `plan`.
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let discharges: Vec<(usize, &Discharge)> = cx
        .document
        .entries
        .iter()
        .enumerate()
        .filter_map(|(index, e)| match e {
            Entry::Discharge(d) => Some((index, d)),
            _ => None,
        })
        .collect();
    // The one the record reads: the earliest dated, else the first written.
    let kept = cx
        .record
        .discharge
        .as_ref()
        .map(|d| d.entry)
        .or_else(|| discharges.first().map(|&(index, _)| index));
    let Some(&(_, first)) = discharges.iter().find(|&&(index, _)| Some(index) == kept) else {
        return;
    };
    let line = cx.line(first.header.start);
    let when = first
        .date
        .value
        .map_or_else(String::new, |d| format!(" on {d}"));
    for &(_, discharge) in discharges.iter().filter(|&&(index, _)| Some(index) != kept) {
        out.push(
            Diagnostic::new(
                Rule::DuplicateDischarge,
                discharge.header,
                format!(
                    "the episode was already discharged{when} (line {line}); a file holds one \
                     episode of care, and one discharge"
                ),
            )
            .with_help(
                "keep one `discharge` with every final status and referral; if the client came \
                 back, record the new episode in a new file with its own `plan`",
            ),
        );
    }
}
