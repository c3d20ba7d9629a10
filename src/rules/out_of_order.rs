//! `out-of-order`: the record reads in date order.

use super::RuleMeta;
use crate::ast::{DateLit, Entry};
use super::Context;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::span::Span;
use crate::rule::Rule;
use jiff::civil::Date;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A dated entry (a session, review, event, safety plan or discharge) comes after a later-dated one in the file.",
    doc: r#"## What it does
Flags a `session`, `review`, `event`, `safety-plan` or `discharge` (language
version 2) that is out of date order in the file. Only the fewest entries whose moving would put the
record in order are flagged (the later one in the file when two are simply
swapped), so one mistyped year flags that entry alone, not every entry
after it. The date is flagged; the message names the entry it comes after,
or, for a date later than the entries that follow it, one of those.

careplan replays entries in date order whatever their order in the file, so
the plan's history stays right; this rule is about the file as people read
it.

## Why
A care record is read top to bottom as a chronology. A session filed after
a later review reads as if it happened afterwards: a supervisor or covering
clinician can miss that a score or risk rating came before the review's
decisions, and a late entry is hard to tell from a wrongly dated one
(often a slip in the month or the year).

## Example
```careplan
review 2026-10-27
  status G1 improving

session 2026-10-20
  used I1 "Planned three activities"
```

## Fix
Check the date; if it is right, move the entry up to its place in the
record:
```careplan
session 2026-10-20
  used I1 "Planned three activities"

review 2026-10-27
  status G1 improving
```
"#,
    check: Some(check),
};

/// A dated entry, its date as written and its day.
struct Dated<'a> {
    entry: &'a Entry,
    date: &'a DateLit,
    day: Date,
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let dated: Vec<Dated<'_>> = cx
        .document
        .entries
        .iter()
        .filter_map(|entry| {
            let date = entry.date()?;
            Some(Dated {
                entry,
                date,
                day: date.value?,
            })
        })
        .collect();
    let kept = in_order(&dated);
    let placed = || dated.iter().zip(&kept).filter(|&(_, &k)| k).map(|(d, _)| d);
    let mut last_kept: Option<&Dated<'_>> = None;
    for (d, &keep) in dated.iter().zip(&kept) {
        if keep {
            last_kept = Some(d);
            continue;
        }
        let what = d.entry.keyword().replace('-', " ");
        let day = d.day;
        let diagnostic = match last_kept.filter(|k| k.day > day) {
            // Earlier than an entry above it that stays where it is.
            Some(before) => {
                let line = cx.line(before.entry.header().start);
                Diagnostic::new(
                    Rule::OutOfOrder,
                    d.date.span,
                    format!(
                        "this {what} is dated {day}, but it comes after the {} of {} (line {line})",
                        before.entry.keyword(),
                        before.day
                    ),
                )
                .with_help(format!(
                    "check the date; if it is right, move this {what} above line {line} \
                     so the record reads in date order"
                ))
                .with_related([(
                    before.entry.header(),
                    format!("the {} of {}, which it comes after", before.entry.keyword(), before.day),
                )])
            }
            // Later than the entries that follow it: most often a slip in
            // the year or the month.
            None => {
                let after = |n: &&Dated<'_>| n.entry.header().start > d.entry.header().start;
                let Some(next) = placed().filter(after).find(|n| n.day < day) else {
                    continue;
                };
                let line = cx.line(next.entry.header().start);
                Diagnostic::new(
                    Rule::OutOfOrder,
                    d.date.span,
                    format!(
                        "this {what} is dated {day}, later than the entries after it, such as \
                         the {} of {} (line {line})",
                        next.entry.keyword(),
                        next.day
                    ),
                )
                .with_help(format!(
                    "check the date, the year and the month above all; if it is right, move \
                     this {what} below the entries dated before it"
                ))
                .with_related([(
                    next.entry.header(),
                    format!("the {} of {}, dated earlier though it comes after", next.entry.keyword(), next.day),
                )])
            }
        };
        // Its place in date order: before the first entry that stays put
        // and is dated later.
        let place = placed().find(|k| k.day > day).map(|k| k.entry);
        out.push(diagnostic.with_fixes(place.map(|to| moved(cx, d.entry, to))));
    }
}

/// The fix that moves `entry`'s lines to stand just before `to`'s. Never
/// safe: an entry out of order is most often a mistyped date.
fn moved(cx: &Context<'_>, entry: &Entry, to: &Entry) -> Fix {
    let whole = |e: &Entry| {
        let span = e.span();
        let last = span.end.saturating_sub(1).max(span.start);
        Span::new(cx.line_start(span.start), cx.next_line_start(last))
    };
    let from = whole(entry);
    let mut text = from.text(cx.source).to_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Fix::suggested(
        format!("Move this {} to its place in date order", entry.keyword()),
        vec![
            Edit::insert(cx.line_start(to.header().start), text),
            Edit::delete(from),
        ],
    )
}

/// Which dated entries stay put: the longest run of them already in date
/// order (the earliest such run in the file when there are several), so
/// that only the fewest entries are flagged. One mistyped year then flags
/// that entry alone, not every correct entry after it.
fn in_order(dated: &[Dated<'_>]) -> Vec<bool> {
    // For each entry, the longest run in date order that starts with it:
    // patience sorting from the end, where a run read backwards never rises.
    let mut from_here = vec![0usize; dated.len()];
    let mut tails: Vec<std::cmp::Reverse<Date>> = Vec::new();
    for (index, d) in dated.iter().enumerate().rev() {
        let key = std::cmp::Reverse(d.day);
        let at = tails.partition_point(|&t| t <= key);
        match tails.get_mut(at) {
            Some(tail) => *tail = key,
            None => tails.push(key),
        }
        if let Some(slot) = from_here.get_mut(index) {
            *slot = at + 1;
        }
    }
    // Then from the top, keep each entry that can still start the rest of
    // a longest run.
    let mut needed = tails.len();
    let mut last = None;
    dated
        .iter()
        .zip(&from_here)
        .map(|(d, &run)| {
            let keep = needed > 0 && run == needed && last.is_none_or(|l| d.day >= l);
            if keep {
                needed -= 1;
                last = Some(d.day);
            }
            keep
        })
        .collect()
}
