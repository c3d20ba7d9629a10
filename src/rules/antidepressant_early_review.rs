//! `antidepressant-early-review`: after an antidepressant starts, the client
//! is seen within 1 week (young, or at risk) or 2 weeks.

use super::Context;
use super::RuleMeta;
use super::context::{Taken, birthday, years_on};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::words::Risk;
use jiff::civil::Date;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "After an antidepressant starts, the first contact comes later than 1 week (client 25 or under, or at moderate or high risk) or 2 weeks.",
    doc: r#"## What it does
In a plan for a mental-health condition (a concern with an ICD-10 F
diagnosis, or scores on a built-in mood, anxiety or trauma scale; a
tricyclic for pain in a physiotherapy plan is not checked), for each
antidepressant (every drug of the antidepressant classes in the drug
table) whose `started` date falls in the episode (on or after the
plan's `opened`), finds the first contact after that day: a session the
client attended, or a review. The start is flagged, at its `started` line,
when that contact comes more than 1 week after the start for a client aged
25 or under on that day (from the plan's `born`) or at moderate or high
risk then (the risk in force on the start day: the plan's, or the latest
assessed on or before it), or more than 2 weeks after it otherwise. When
no contact has happened yet, the start is flagged only once the window has
passed (as of today, or the discharge when the episode has ended).

A contact on the start day itself is the appointment that began the
medication, not its review. A medication with no `started` line is not
checked: its start is not known to fall in the episode. Nor is one started
on the day the plan opens when no contact is recorded that day: the
prescribing visit is outside the record (a file that begins at a later
follow-up visit, or a referral with the medication already begun), and
careplan cannot tell when the client was first seen about it. Starts that one gap
in contact misses (two drugs begun together, or a day apart, with no
contact between) are one finding, at the first. Dose increases are
not checked.

## Why
NICE NG222 (Depression in adults, 2022), recommendation 1.4.11: the first
review after starting an antidepressant is "usually within 2 weeks", or
after 1 week "if a new prescription is for a person aged 18 to 25 years or
if there is a particular concern for risk of suicide"; 1.4.24 asks that
people aged 18 to 25 or thought to be at increased risk of suicide are
reviewed 1 week after starting. careplan counts a client of 25 as
"18 to 25", and counts children and adolescents with them: under 18 the
risk of suicidal thinking on antidepressants is at least as high (FDA
boxed warning, 2004 and 2007). The early weeks are when suicidal
thinking can rise before the mood lifts, and when side effects make people
stop.

## Example
```careplan
plan "Depression"
  born 2003-05-02
  opened 2026-09-01

medication M1 sertraline for G1
  started 2026-09-10

session 2026-09-29
  used M1 "No side effects"
```
The client is 23, and the first contact is 19 days after the start.

## Fix
See the client, in person, by video or by telephone, within the week, and
record it:
```careplan
session 2026-09-17
  used M1 "Mild nausea; no suicidal thoughts"
  risk low
```
"#,
    check: Some(check),
};

/// The first birthday past NICE NG222's "aged 18 to 25 years" (1.4.11,
/// 1.4.24): a client is young until turning 26.
const YOUNG_UNTIL: i16 = 26;

/// The first review's window for the young or at risk: "after 1 week"
/// (NICE NG222, 1.4.11 and 1.4.24).
const EARLY_DAYS: i64 = 7;

/// The first review's window otherwise: "usually within 2 weeks" (NICE
/// NG222, 1.4.11).
const USUAL_DAYS: i64 = 14;

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // NG222 is about depression: a tricyclic for pain in a physiotherapy
    // plan is not its concern.
    if !cx.mental_health() {
        return;
    }
    let as_of = cx.as_of();
    let opened = cx.document.opened();
    let mut contacts: Vec<Date> = cx
        .record
        .sessions
        .iter()
        .map(|s| s.date)
        .chain(cx.record.reviews.iter().map(|r| r.date))
        .filter(|&d| d <= as_of)
        .collect();
    contacts.sort();
    let starts: Vec<Taken<'_>> = cx
        .medications_taken()
        .into_iter()
        .filter(|t| t.drug.class.is_antidepressant())
        .filter(|t| {
            t.medication
                .started
                .as_ref()
                .is_some_and(|s| s.value.is_some())
        })
        .filter(|t| opened.is_none_or(|o| t.started >= o) && t.started <= as_of)
        // A start on the day the record begins, with no contact that day,
        // was made outside it: the file opens at a later follow-up.
        .filter(|t| opened != Some(t.started) || contacts.contains(&t.started))
        .collect();
    let late: Vec<Late<'_, '_>> = starts
        .iter()
        .filter_map(|taken| late(cx, taken, &contacts, as_of))
        .collect();
    // Starts missed by the same gap in contact are one finding, at the first.
    for (at, gap) in late.iter().enumerate() {
        if late.iter().take(at).any(|l| l.first == gap.first) {
            continue;
        }
        out.push(finding(
            gap,
            late.iter().skip(at + 1).filter(|l| l.first == gap.first),
            as_of,
        ));
    }
}

/// An antidepressant start whose first review came late, or not yet.
struct Late<'t, 'a> {
    /// The medication started.
    taken: &'t Taken<'a>,
    /// The review window, in days.
    days: i64,
    /// The last day of the window.
    due: Date,
    /// The client's age on the start day, when 25 or under.
    age: Option<i16>,
    /// The risk in force on the start day, when moderate or high.
    risk: Option<Risk>,
    /// The first contact after the start, if any by the day judged.
    first: Option<Date>,
}

/// The start of `taken`, if its first review is late as of `as_of`.
fn late<'t, 'a>(
    cx: &Context<'_>,
    taken: &'t Taken<'a>,
    contacts: &[Date],
    as_of: Date,
) -> Option<Late<'t, 'a>> {
    let started = taken.started;
    let age = cx
        .born()
        .filter(|&born| birthday(born, YOUNG_UNTIL).is_none_or(|day| started < day))
        .map(|born| years_on(born, started));
    let risk = cx
        .record
        .risk_on(started)
        .map(|r| r.value.level)
        .filter(|level| level.is_elevated());
    let days = if age.is_some() || risk.is_some() {
        EARLY_DAYS
    } else {
        USUAL_DAYS
    };
    let due = started.checked_add(jiff::Span::new().days(days)).ok()?;
    let first = contacts.iter().copied().find(|&d| d > started);
    let missed = match first {
        Some(day) => day > due,
        None => as_of > due,
    };
    missed.then_some(Late {
        taken,
        days,
        due,
        age,
        risk,
        first,
    })
}

/// The finding for `gap`, naming the `others` the same gap missed.
fn finding<'g, 't: 'g, 'a: 't>(
    gap: &Late<'t, 'a>,
    others: impl Iterator<Item = &'g Late<'t, 'a>>,
    as_of: Date,
) -> Diagnostic {
    let started = gap.taken.started;
    let (same_day, later): (Vec<_>, Vec<_>) = others.partition(|o| o.taken.started == started);
    let mut named = gap.taken.named();
    for other in &same_day {
        named.push_str(&format!(" and {}", other.taken.named()));
    }
    let verb = if same_day.is_empty() { "was" } else { "were" };
    let later: String = later
        .iter()
        .map(|o| format!(" (and {} on {})", o.taken.named(), o.taken.started))
        .collect();
    let seen = match gap.first {
        Some(day) => format!(
            "the first contact after {} was on {day}, {} days later",
            if later.is_empty() && same_day.is_empty() {
                "it"
            } else {
                "them"
            },
            (day - started).get_days()
        ),
        None => format!("there has been no contact since (as of {as_of})"),
    };
    let window = if gap.days == EARLY_DAYS {
        "1 week"
    } else {
        "2 weeks"
    };
    let why = match (gap.age, gap.risk) {
        (Some(age), Some(level)) => format!(" for a client aged {age} at {level} risk"),
        (Some(age), None) => format!(" for a client aged {age}"),
        (None, Some(level)) => format!(" for a client at {level} risk"),
        (None, None) => String::new(),
    };
    let medication = gap.taken.medication;
    let span = medication
        .started
        .as_ref()
        .map_or(medication.header, |s| s.span);
    Diagnostic::new(
        Rule::AntidepressantEarlyReview,
        span,
        format!(
            "{named} {verb} started on {started}{later} and {seen}; NICE NG222 asks for a \
             first review within {window} of starting an antidepressant{why}"
        ),
    )
    .with_help(format!(
        "the first review was due by {}, in person, by video or by telephone; if the client \
         was seen by then, record that contact as a session or review",
        gap.due
    ))
}
