//! Entries that fixes add for the clinician to complete: a review, a
//! safety plan, a consent line. Every value a person must decide carries a
//! `# careplan: fill WHAT` marker, which `template-placeholder` reports
//! until it is written, so no fix passes off a clinical fact nobody made.

use super::Context;
use crate::ast::Entry;
use crate::fix::{Edit, Fix};
use crate::words::Achievement;
use jiff::civil::Date;

/// The fix that adds a `review` on `day`, just after the entry at byte
/// `after` (at the end of the record when `None`): a `status` line for each
/// goal and objective still open (the status last recorded, else
/// `in-progress`, each to confirm) and `next` at `day` plus the plan's
/// cadence.
pub(super) fn review(cx: &Context<'_>, day: Date, after: Option<usize>) -> Fix {
    let state = cx.record.state_on(day);
    let mut text = format!("review {day}  # careplan: fill the date the review was held\n");
    for goal in state
        .goals
        .iter()
        .filter(|g| !g.status.is_some_and(Achievement::is_closed))
    {
        let status = goal.status.unwrap_or(Achievement::InProgress);
        text.push_str(&format!(
            "  status {} {status}  # careplan: fill {}'s status as reviewed\n",
            goal.id, goal.id
        ));
    }
    let cadence = cx.record.review_every.unwrap_or(cx.default_review);
    match cadence.after(day) {
        Some(next) => text.push_str(&format!(
            "  next {next}  # careplan: fill the date agreed for the next review\n"
        )),
        None => text.push_str("  # careplan: fill `next DATE`, the next review\n"),
    }
    let at = after
        .and_then(|offset| entry_at(cx, offset))
        .map_or(cx.source.len(), |entry| end_of(cx, entry));
    Fix::suggested(
        "Add a review to fill in",
        vec![Edit::insert(at, lead(cx, at, &text))],
    )
}

/// The entry whose text holds byte `offset`.
pub(super) fn entry_at<'a>(cx: &Context<'a>, offset: usize) -> Option<&'a Entry> {
    cx.document
        .entries
        .iter()
        .find(|e| e.span().start <= offset && offset < e.span().end)
}

/// Where the line after `entry`'s last line starts.
fn end_of(cx: &Context<'_>, entry: &Entry) -> usize {
    cx.next_line_start(entry.span().end.saturating_sub(1).max(entry.span().start))
}

/// The fix that adds a `safety-plan` dated `day` just after `after`, with
/// its four parts left for the clinician and the client to write.
pub(super) fn safety_plan(cx: &Context<'_>, day: Date, after: &Entry) -> Fix {
    let text = format!(
        "safety-plan {day}  # careplan: fill the date the plan was made with the client\n\
         \x20 warning-signs \"\"  # careplan: fill the client's own warning signs\n\
         \x20 coping \"\"  # careplan: fill what the client can do alone to cope\n\
         \x20 contacts \"\"  # careplan: fill people and services to call, with a crisis line\n\
         \x20 means-safety \"\"  # careplan: fill how access to lethal means is reduced\n"
    );
    let at = end_of(cx, after);
    Fix::suggested(
        "Add a safety plan to fill in",
        vec![Edit::insert(at, lead(cx, at, &text))],
    )
}

/// The fix that adds a `consent` line to the entry whose header is at
/// `header`, dated for the clinician to fill in.
pub(super) fn consent(cx: &Context<'_>, header: usize, day: Date) -> Fix {
    Fix::suggested(
        "Add the consent date to fill in",
        vec![Edit::insert(
            cx.line_end(header),
            format!("\n  consent {day}  # careplan: fill the date consent was given"),
        )],
    )
}

/// The entry `text` to insert at `at`, set off from the line before it by
/// one blank line, as `careplan fmt` lays entries out.
fn lead(cx: &Context<'_>, at: usize, text: &str) -> String {
    let before = cx.source.get(..at).unwrap_or("");
    let breaks = before.len() - before.trim_end_matches(['\n', '\r']).len();
    let newlines = before
        .get(before.len() - breaks..)
        .unwrap_or("")
        .matches('\n')
        .count();
    let needed = if before.is_empty() {
        0
    } else {
        2usize.saturating_sub(newlines)
    };
    format!("{}{text}", "\n".repeat(needed))
}
