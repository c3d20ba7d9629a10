//! `combined-care-cadence`: medication given together with therapy is
//! reviewed at least every 8 weeks.

use super::RuleMeta;
use super::review_next_beyond_cadence::beyond_cadence;
use super::review_overdue::{days, days_between};
use crate::ast::{Duration, Entry};
use super::Context;
use crate::diagnostic::Diagnostic;
use crate::interpret::{ReviewMark, TreatmentKind};
use crate::rule::Rule;
use crate::span::Span;
use crate::words::Unit;
use jiff::civil::Date;

/// The longest stretch, in days, combined care should go without a review.
const MAX_DAYS: i64 = 56;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Medication and therapy are given together, but reviews are more than 8 weeks apart.",
    doc: r#"## What it does
Applies to plans that combine medication and therapy: on some date a
`medication` and an `intervention` are both active. For those plans it
flags, in this order:

1. **The plan's cadence.** A `review every` longer than 8 weeks, while
   combined care goes on today or later, is flagged at the `review every`
   field. `57 days`, `9 weeks` and `2 months` are all longer: two calendar
   months are never shorter than 59 days. When the cadence is flagged, the
   gaps below are not reported as well: they follow from it.
2. **Gaps between reviews.** A stretch of more than 56 days of combined care
   with no review in it, between two consecutive reviews, or between the
   plan's `opened` and its first review, is flagged at the later review's
   header. Only the days on which both kinds of treatment were active count,
   so a medication started a week before a review does not make the gap
   before it too long; days on either side of a break in combined care (one
   medication stopped and another started later) add up.
3. **The next review.** A latest review whose `next` is more than 56 days
   ahead while combined care goes on is flagged at its `next` date, unless
   that `next` is also beyond the plan's own cadence: then it is
   `review-next-beyond-cadence`'s warning, which asks for the same fix.

A plan without `review every` is judged by its reviews and their `next`
dates alone. The time since the latest review is left to `review-overdue`.

A discharge (language version 2) ends every intervention, and with them
combined care: nothing falls due after it. Reviews dated after the
discharge are not read (they are `entry-after-discharge`), and a `next`
beyond the discharge counts only the days of combined care before it.

## Why
When a medication and a psychological therapy are given together, each
changes how the other should be judged, and the prescriber and the
therapist need to look at the client's progress together and often:

- NICE NG222, *Depression in adults* (2022), recommends reviewing a new
  antidepressant usually within 2 weeks of starting it (within 1 week for
  people aged 18 to 25 or at particular risk of suicide), notes that an
  antidepressant that is going to work usually shows an effect within 4
  weeks, and asks for regular review of treatment after that.
- The American Psychiatric Association's *Practice Guideline for the
  Treatment of Patients With Major Depressive Disorder* (3rd edition, 2010)
  asks for the treatment plan to be reappraised when at least a moderate
  improvement has not been seen within 4 to 8 weeks.

No guideline sets a fixed interval for reviewing combined care. The 8-week
limit is careplan's own: the outer end of the APA's 4-to-8-week window, so
that at least one joint review falls in the period in which a combination
that is not working should be changed.

## Example
```careplan
plan "Depression with panic"
  opened 2026-06-01
  review every 3 months

medication M1 sertraline for G1
intervention I1 CBT behavioral-activation for G1
```

## Fix
Review the plan at least every 8 weeks while both go on:
```careplan
plan "Depression with panic"
  opened 2026-06-01
  review every 8 weeks
```
"#,
    check: Some(check),
};

/// A stretch of days `start..end`; `end` is `None` while it goes on.
#[derive(Clone, Copy, Debug)]
struct Stretch {
    start: Date,
    end: Option<Date>,
}

impl Stretch {
    /// Whether it goes on after `date`.
    fn goes_on_after(self, date: Date) -> bool {
        self.end.is_none_or(|end| end > date)
    }
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let combined = combined_care(cx);
    if combined.is_empty() {
        return;
    }
    if let Some(every) = cx.document.plan().and_then(|p| p.review_every.as_ref()) {
        let ongoing = combined.iter().find(|s| s.goes_on_after(cx.today));
        if let (true, Some(stretch)) = (longer_than_limit(every.value), ongoing) {
            out.push(
                Diagnostic::new(
                    Rule::CombinedCareCadence,
                    every.span,
                    format!(
                        "the plan is reviewed every {}, but medication and therapy are given \
                         together ({} from {}); combined care should be reviewed at least every \
                         8 weeks",
                        every.value,
                        together(cx, stretch.start),
                        stretch.start
                    ),
                )
                .with_help(
                    "review the plan at least every 8 weeks while both go on: \
                     `review every 8 weeks`, or a shorter cadence",
                ),
            );
            return;
        }
    }
    gaps(cx, &combined, out);
    next_review(cx, &combined, out);
}

/// Gaps of more than [`MAX_DAYS`] days of combined care between consecutive
/// reviews, or between the plan's opening and its first review.
fn gaps(cx: &Context<'_>, combined: &[Stretch], out: &mut Vec<Diagnostic>) {
    let mut reviews: Vec<(Date, Span)> = in_episode(cx).map(|r| (r.date, r.span)).collect();
    reviews.sort_by_key(|&(date, span)| (date, span.start));
    reviews.dedup_by_key(|r| r.0);
    let mut from = cx.record.opened.map(|date| (date, "the plan's opening"));
    for &(date, span) in &reviews {
        if let Some((start, what)) = from
            && let Some((lo, total)) = covered(combined, start, date)
            && total > MAX_DAYS
        {
            let began = if lo == start {
                format!("{what} on {start}")
            } else {
                format!("{lo}, when combined care began")
            };
            out.push(
                Diagnostic::new(
                    Rule::CombinedCareCadence,
                    span,
                    format!(
                        "medication and therapy ({}) went {} without a review, from {began} to \
                         this review on {date}; combined care should be reviewed at least \
                         every 8 weeks",
                        together(cx, lo),
                        days(total),
                    ),
                )
                .with_help(
                    "set each review's `next` no more than 8 weeks ahead while both go on; for \
                     a gap already past, say why in a `note` here and add \
                     `# careplan: allow combined-care-cadence` above this review",
                ),
            );
        }
        from = Some((date, "the review"));
    }
}

/// A latest review whose `next` leaves more than [`MAX_DAYS`] days of
/// combined care unreviewed.
fn next_review(cx: &Context<'_>, combined: &[Stretch], out: &mut Vec<Diagnostic>) {
    let Some(last) = in_episode(cx).max_by_key(|r| (r.date, r.entry)) else {
        return;
    };
    let Some(next) = last.next else { return };
    let Some((lo, total)) = covered(combined, last.date, next) else {
        return;
    };
    if total <= MAX_DAYS {
        return;
    }
    let span = match cx.document.entries.get(last.entry) {
        Some(Entry::Review(review)) => review.next.as_ref().map_or(review.header, |n| n.span),
        _ => last.span,
    };
    // A `next` beyond the plan's own cadence is that rule's warning, which
    // says the same: one finding on the line.
    if beyond_cadence(cx).iter().any(|b| b.span == span) {
        return;
    }
    let by = jiff::Span::new()
        .try_days(MAX_DAYS)
        .ok()
        .and_then(|d| lo.checked_add(d).ok());
    let help = match by {
        Some(by) => format!("set `next` to {by} or earlier, 8 weeks after {lo}"),
        None => "set `next` no more than 8 weeks ahead".to_owned(),
    };
    let from = if lo == last.date {
        format!("the review of {lo}")
    } else {
        format!("combined care begins on {lo}")
    };
    out.push(
        Diagnostic::new(
            Rule::CombinedCareCadence,
            span,
            format!(
                "the next review is set for {next}, {} after {from}, while medication and \
                 therapy ({}) go on together; combined care should be reviewed at least every \
                 8 weeks",
                days(total),
                together(cx, lo),
            ),
        )
        .with_help(help),
    );
}

/// The reviews held on or before the discharge (all of them without one).
fn in_episode<'a>(cx: &Context<'a>) -> impl Iterator<Item = &'a ReviewMark> {
    let end = cx.record.discharge.as_ref().map(|d| d.date);
    cx.record
        .reviews
        .iter()
        .filter(move |r| end.is_none_or(|end| r.date <= end))
}

/// The days of combined care within `from..to`: the first of them and how
/// many there are in all. A break (one medication stopped, the next started
/// days later) pauses the count; it does not start it again.
fn covered(combined: &[Stretch], from: Date, to: Date) -> Option<(Date, i64)> {
    let within = combined.iter().filter_map(|s| {
        let lo = s.start.max(from);
        let hi = s.end.map_or(to, |end| end.min(to));
        (lo < hi).then_some((lo, hi))
    });
    within.fold(None, |acc, (lo, hi)| {
        let (first, total) = acc.unwrap_or((lo, 0));
        Some((first.min(lo), total + days_between(lo, hi)))
    })
}

/// The stretches on which a medication and an intervention are both active,
/// merged and in date order.
fn combined_care(cx: &Context<'_>) -> Vec<Stretch> {
    let courses = |kind: TreatmentKind| -> Vec<Stretch> {
        cx.record
            .treatments
            .iter()
            .filter(|t| t.kind == kind)
            .filter_map(|t| {
                Some(Stretch {
                    start: t.started?,
                    end: t.stopped.as_ref().map(|s| s.date),
                })
            })
            .collect()
    };
    let medications = courses(TreatmentKind::Medication);
    let interventions = courses(TreatmentKind::Intervention);
    let mut both: Vec<Stretch> = Vec::new();
    for m in &medications {
        for i in &interventions {
            let start = m.start.max(i.start);
            let end = match (m.end, i.end) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            if end.is_none_or(|end| start < end) {
                both.push(Stretch { start, end });
            }
        }
    }
    both.sort_by_key(|s| s.start);
    let mut merged: Vec<Stretch> = Vec::new();
    for stretch in both {
        match merged.last_mut() {
            Some(last) if last.end.is_none_or(|end| stretch.start <= end) => {
                last.end = match (last.end, stretch.end) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            _ => merged.push(stretch),
        }
    }
    merged
}

/// The medications and interventions active on `date`, for messages:
/// "`M1` with `I1`, `I2`".
fn together(cx: &Context<'_>, date: Date) -> String {
    let active = |kind: TreatmentKind| -> String {
        cx.record
            .treatments
            .iter()
            .filter(|t| t.kind == kind && t.is_active_on(date))
            .map(|t| format!("`{}`", t.id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "{} with {}",
        active(TreatmentKind::Medication),
        active(TreatmentKind::Intervention)
    )
}

/// Whether a review cadence is longer than 8 weeks. Months are calendar
/// months: two of them are at least 59 days.
fn longer_than_limit(every: Duration) -> bool {
    match every.unit {
        Unit::Days => i64::from(every.amount) > MAX_DAYS,
        Unit::Weeks => i64::from(every.amount) * 7 > MAX_DAYS,
        Unit::Months => every.amount >= 2,
    }
}
