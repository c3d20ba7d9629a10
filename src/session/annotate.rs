//! What an editor shows beside the text, as of the session's date: a hint
//! after a score (its severity band) and after a `next` or `due` date (how
//! far away it is, or how long overdue), and a line over each goal and
//! objective with how it stands.

use super::Session;
use crate::analytics::{GoalOutcome, goal_outcomes};
use crate::ast::{Change, DateLit, Entry, Score};
use crate::catalogue::Measures;
use crate::diagnostic::plural;
use crate::span::Span;
use crate::summary::number;
use jiff::civil::Date;

/// A short label to show right after a place in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    /// The byte offset it stands at: the end of what it is about.
    pub at: usize,
    /// What it says (`moderately severe`, `in 30 days`, `overdue 5 days`).
    pub label: String,
}

/// A line shown over an entry's header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lens {
    /// The header it stands over.
    pub span: Span,
    /// What it says.
    pub label: String,
}

/// The hints of the session's text, in order.
///
/// ```
/// use careplan::CheckOptions;
/// use careplan::session::{Session, hints};
/// let text = "goal G1 \"Sleep\"\n  due 2026-12-01\n\nsession 2026-10-01\n  score PHQ-9 16\n";
/// let session = Session::of_text(text.to_owned(), CheckOptions::new(jiff::civil::date(2026, 11, 1)));
/// let labels: Vec<String> = hints(&session).into_iter().map(|h| h.label).collect();
/// assert_eq!(labels, ["in 30 days", "moderately severe"]);
/// ```
pub fn hints(session: &Session) -> Vec<Hint> {
    let analysis = session.analysis();
    let (document, record) = (&analysis.document, &analysis.record);
    let today = session.as_of();
    let measures = session.options().catalogue.measures_for(document);
    let outcomes = goal_outcomes(document, record, &measures, today);
    let discharged = record.discharged_by(today);
    // A due date is overdue when it is the one in force of an open aim.
    let overdue_due = |id: &str, date: Date| {
        !discharged
            && outcomes.iter().any(|o| {
                o.id == id && o.due == Some(date) && !o.status.is_some_and(|s| s.is_closed())
            })
    };
    let mut out = Vec::new();
    for entry in &document.entries {
        match entry {
            Entry::Goal(g) => out.extend(due(&g.due, today, |d| overdue_due(&g.id.value, d))),
            Entry::Objective(o) => out.extend(due(&o.due, today, |d| overdue_due(&o.id.value, d))),
            Entry::Session(s) => out.extend(s.scores.iter().flat_map(|s| bands(s, &measures))),
            Entry::Review(r) => {
                out.extend(revised(&r.revisions, today, &overdue_due));
                // A next review is overdue until a later review is held.
                let held_since = |_: Date| {
                    !discharged
                        && !record
                            .reviews
                            .iter()
                            .any(|other| r.date.value.is_some_and(|d| other.date > d))
                };
                out.extend(due(&r.next, today, held_since));
            }
            Entry::Discharge(d) => out.extend(revised(&d.revisions, today, &overdue_due)),
            _ => {}
        }
    }
    out.sort_by_key(|h| h.at);
    out
}

/// The hints of the `revise ID due DATE` lines among `revisions`.
fn revised(
    revisions: &[crate::ast::Revision],
    today: Date,
    overdue: &impl Fn(&str, Date) -> bool,
) -> Vec<Hint> {
    revisions
        .iter()
        .filter_map(|r| match &r.change {
            Change::Due(date) => due(&Some(date.clone()), today, |d| overdue(&r.id.value, d)),
            _ => None,
        })
        .collect()
}

/// The hint after a date: how far away it is; once past, how long overdue
/// when `overdue` says it still is, else how long ago.
fn due(date: &Option<DateLit>, today: Date, overdue: impl Fn(Date) -> bool) -> Option<Hint> {
    let written = date.as_ref()?;
    let date = written.value?;
    Some(Hint {
        at: written.span.end,
        label: distance(date, today, overdue(date)),
    })
}

/// `in 30 days`, `today`, `overdue 5 days` or `5 days ago`.
fn distance(date: Date, today: Date, overdue: bool) -> String {
    let days = (date - today).get_days();
    let count = |n: i32| plural(n.unsigned_abs() as usize, "day", "days");
    match days {
        0 => "today".to_owned(),
        d if d > 0 => format!("in {}", count(d)),
        d if overdue => format!("overdue {}", count(d)),
        d => format!("{} ago", count(d)),
    }
}

/// The severity band after each score of a `score` line, when the measure
/// has bands and the score is in its range.
fn bands(score: &Score, measures: &Measures<'_>) -> Vec<Hint> {
    let Some(info) = measures.get(&score.measure.value) else {
        return Vec::new();
    };
    std::iter::once(&score.value)
        .chain(score.after.as_ref())
        .filter(|n| info.contains(n.value))
        .filter_map(|n| {
            info.band(n.value).map(|band| Hint {
                at: n.span.end,
                label: band.label.clone(),
            })
        })
        .collect()
}

/// A line over each goal and objective set by the session's date: its
/// status, each target's latest score with its band, and when it is due.
///
/// ```
/// use careplan::CheckOptions;
/// use careplan::session::{Session, lenses};
/// let text = "plan \"Low mood\"\n  opened 2026-09-01\n\ngoal G1 \"Sleep\"\n  measure PHQ-9 baseline 18 target < 10\n  due 2026-12-01\n\nsession 2026-10-01\n  score PHQ-9 12\n";
/// let session = Session::of_text(text.to_owned(), CheckOptions::new(jiff::civil::date(2026, 11, 1)));
/// let labels: Vec<String> = lenses(&session).into_iter().map(|l| l.label).collect();
/// assert_eq!(labels, ["no status yet · PHQ-9 12 on 2026-10-01 (moderate) · due in 30 days"]);
/// ```
pub fn lenses(session: &Session) -> Vec<Lens> {
    let analysis = session.analysis();
    let document = &analysis.document;
    let today = session.as_of();
    let measures = session.options().catalogue.measures_for(document);
    let outcomes = goal_outcomes(document, &analysis.record, &measures, today);
    let discharged = analysis.record.discharged_by(today);
    document
        .aims()
        .filter_map(|aim| {
            let outcome = outcomes.iter().find(|o| o.id == aim.id().value)?;
            Some(Lens {
                span: aim.header(),
                label: standing(outcome, today, discharged),
            })
        })
        .collect()
}

fn standing(outcome: &GoalOutcome, today: Date, discharged: bool) -> String {
    let closed = outcome.status.is_some_and(|s| s.is_closed());
    let mut parts = vec![
        outcome
            .status
            .map_or("no status yet", |s| s.as_str())
            .to_owned(),
    ];
    for target in &outcome.targets {
        let measure = &target.measure;
        parts.push(match measure.latest() {
            Some(r) => {
                let band = r
                    .band
                    .as_ref()
                    .map_or_else(String::new, |b| format!(" ({b})"));
                format!(
                    "{} {} on {}{band}",
                    measure.measure,
                    number(r.value),
                    r.date
                )
            }
            None => format!("{} not scored yet", measure.measure),
        });
    }
    if let Some(due) = outcome.due.filter(|_| !closed) {
        let when = distance(due, today, !discharged);
        parts.push(match when.strip_prefix("overdue ") {
            Some(late) => format!("overdue {late}"),
            None if when == "today" => "due today".to_owned(),
            None => format!("due {when}"),
        });
    }
    parts.join(" · ")
}
