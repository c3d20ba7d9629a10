//! When the next review is due, as of a date.

use super::record::{Record, ReviewMark};
use crate::ast::Duration;
use jiff::civil::Date;
use serde::Serialize;

/// The next review's due date and what set it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewDue {
    /// The date the next review is due.
    pub date: Date,
    /// The latest review on or before the date asked about, if any.
    pub last: Option<ReviewMark>,
    /// Whether the date is the last review's `next` (rather than the cadence).
    pub set_by_next: bool,
    /// The cadence that applies: the plan's `review every`, else the default.
    pub cadence: Duration,
}

impl Record {
    /// The next review as it stood on `as_of`: the latest review's `next`,
    /// else the latest review (or the plan's `opened`) plus the cadence (the
    /// plan's `review every`, else `default`). `None` without an `opened`
    /// date or past the calendar's end.
    pub fn review_due(&self, default: Duration, as_of: Date) -> Option<ReviewDue> {
        let cadence = self.review_every.unwrap_or(default);
        let last = self
            .reviews
            .iter()
            .filter(|r| r.date <= as_of)
            .max_by_key(|r| (r.date, r.entry))
            .cloned();
        let (date, set_by_next) = match &last {
            Some(ReviewMark {
                next: Some(next), ..
            }) => (*next, true),
            Some(review) => (cadence.after(review.date)?, false),
            None => (cadence.after(self.opened?)?, false),
        };
        Some(ReviewDue {
            date,
            last,
            set_by_next,
            cadence,
        })
    }
}
