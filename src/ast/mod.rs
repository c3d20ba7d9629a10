//! The typed syntax tree of a careplan file: one struct per entry kind, every
//! value carrying the span it was read from.
//!
//! The tree holds what the file says, not what it means: references are plain
//! identifiers (resolved by [`crate::check()`]), and dates that are not on the
//! calendar are kept as `None` (reported as `invalid-date`).

mod aim;
mod definitions;
mod record;
mod shift;

pub use aim::Aim;
pub use definitions::*;
pub use record::*;
pub(crate) use shift::Shift;

use crate::span::{Span, Spanned};
use jiff::civil::Date;
use serde::Serialize;

/// An identifier as written (`G1`, `PHQ-9`, `attacks-per-week`).
pub type Ident = Spanned<Name>;
/// The text of an identifier: a string held inline up to 23 bytes, as
/// nearly every id is, so a plan's many ids cost no allocation each.
pub type Name = smol_str::SmolStr;
/// A string's value, escapes decoded; the span covers the quotes.
pub type Text = Spanned<String>;
/// A date; `None` when the written date is not on the calendar.
pub type DateLit = Spanned<Option<Date>>;
/// A number as written (integer or decimal).
pub type Number = Spanned<f64>;

/// A parsed careplan file: its entries in file order and every comment.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Document {
    /// The entries, in the order they are written.
    pub entries: Vec<Entry>,
    /// Every comment in the file, in order.
    pub comments: Vec<Comment>,
    /// Field lines that name a field of their entry but could not be read
    /// (`due 26/02/2027`): reported as `syntax`, and counted as written, so
    /// that no rule also reports the field as missing. In source order.
    pub unread: Vec<Unread>,
}

/// A field line that could not be read, in the entry it stands in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unread {
    /// The field's keyword (`due`, `measure`, `used`).
    pub field: &'static str,
    /// The line.
    pub span: Span,
}

/// A `#` comment: its text (after the `#`) and where it stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comment {
    /// The text after `#`, untrimmed.
    pub text: String,
    /// The span from `#` to the end of the line.
    pub span: Span,
    /// Whether code precedes the comment on its line.
    pub trailing: bool,
}

/// A top-level entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Entry {
    /// The `plan` header entry, boxed: it is the largest entry and there
    /// is one a file, so the sessions do not pay for its size.
    Plan(Box<Plan>),
    /// A `concern`.
    Concern(Concern),
    /// A `goal`.
    Goal(Goal),
    /// An `objective`: a short-term step toward goals (version 2).
    Objective(Objective),
    /// An `intervention`.
    Intervention(Intervention),
    /// A `medication`.
    Medication(Medication),
    /// A `measure` definition.
    Measure(MeasureDef),
    /// A dated `session`.
    Session(Session),
    /// A dated `review`.
    Review(Review),
    /// A dated `event`.
    Event(Event),
    /// A dated `safety-plan`.
    SafetyPlan(SafetyPlan),
    /// The `discharge` that ends the episode (version 2).
    Discharge(Discharge),
}

impl Entry {
    /// The entry keyword (`plan`, `goal`, `safety-plan`, ...).
    pub fn keyword(&self) -> &'static str {
        match self {
            Entry::Plan(_) => "plan",
            Entry::Concern(_) => "concern",
            Entry::Goal(_) => "goal",
            Entry::Objective(_) => "objective",
            Entry::Intervention(_) => "intervention",
            Entry::Medication(_) => "medication",
            Entry::Measure(_) => "measure",
            Entry::Session(_) => "session",
            Entry::Review(_) => "review",
            Entry::Event(_) => "event",
            Entry::SafetyPlan(_) => "safety-plan",
            Entry::Discharge(_) => "discharge",
        }
    }

    /// The span of the whole entry, header and fields.
    pub fn span(&self) -> Span {
        self.spans().0
    }

    /// The span of the header line (without its comment).
    pub fn header(&self) -> Span {
        self.spans().1
    }

    fn spans(&self) -> (Span, Span) {
        match self {
            Entry::Plan(e) => (e.span, e.header),
            Entry::Concern(e) => (e.span, e.header),
            Entry::Goal(e) => (e.span, e.header),
            Entry::Objective(e) => (e.span, e.header),
            Entry::Intervention(e) => (e.span, e.header),
            Entry::Medication(e) => (e.span, e.header),
            Entry::Measure(e) => (e.span, e.header),
            Entry::Session(e) => (e.span, e.header),
            Entry::Review(e) => (e.span, e.header),
            Entry::Event(e) => (e.span, e.header),
            Entry::SafetyPlan(e) => (e.span, e.header),
            Entry::Discharge(e) => (e.span, e.header),
        }
    }

    /// The id a definition introduces (`None` for the plan and dated entries).
    pub fn id(&self) -> Option<&Ident> {
        match self {
            Entry::Concern(e) => Some(&e.id),
            Entry::Goal(e) => Some(&e.id),
            Entry::Objective(e) => Some(&e.id),
            Entry::Intervention(e) => Some(&e.id),
            Entry::Medication(e) => Some(&e.id),
            Entry::Measure(e) => Some(&e.id),
            _ => None,
        }
    }

    /// The risk the entry records: the plan's at the start, or the risk as
    /// assessed at a session, review, event or the discharge.
    pub fn risk(&self) -> Option<&RiskRating> {
        match self {
            Entry::Plan(e) => e.risk.as_ref(),
            Entry::Session(e) => e.risk.as_ref(),
            Entry::Review(e) => e.risk.as_ref(),
            Entry::Event(e) => e.risk.as_ref(),
            Entry::Discharge(e) => e.risk.as_ref(),
            _ => None,
        }
    }

    /// The date of a dated entry (session, review, event, safety plan, discharge).
    pub fn date(&self) -> Option<&DateLit> {
        match self {
            Entry::Session(e) => Some(&e.date),
            Entry::Review(e) => Some(&e.date),
            Entry::Event(e) => Some(&e.date),
            Entry::SafetyPlan(e) => Some(&e.date),
            Entry::Discharge(e) => Some(&e.date),
            _ => None,
        }
    }
}

impl Document {
    /// Whether the entry spanning `entry` has a `field` line that could not
    /// be read: the field is written, though its value is unknown.
    pub fn has_unread(&self, entry: Span, field: &str) -> bool {
        // In source order: only the lines that start inside the entry are
        // looked at, not every unread line of the file for each session.
        let first = self.unread.partition_point(|u| u.span.start < entry.start);
        self.unread
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|u| u.span.start <= entry.end)
            .any(|u| u.field == field && u.span.end <= entry.end)
    }

    /// Whether the file says whether the client came to `session`: its
    /// `attendance` line, if any, could be read.
    pub fn knows_attendance(&self, session: &Session) -> bool {
        !self.has_unread(session.span, "attendance")
    }

    /// Whether the client came to `session`, as far as the file says: an
    /// attendance that could not be read is not taken for `attended`.
    pub fn attended(&self, session: &Session) -> bool {
        session.attended() && self.knows_attendance(session)
    }

    /// The `plan` entries (a valid file has exactly one).
    pub fn plans(&self) -> impl Iterator<Item = &Plan> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Plan(p) => Some(&**p),
            _ => None,
        })
    }

    /// The first `plan` entry.
    pub fn plan(&self) -> Option<&Plan> {
        self.plans().next()
    }

    /// The plan's `opened` date, when it is given and valid.
    pub fn opened(&self) -> Option<Date> {
        self.plan()?.opened.as_ref()?.value
    }

    /// The client's age in whole years when the episode opened, from the
    /// plan's `born` and `opened`; `None` without both.
    pub fn age_when_opened(&self) -> Option<i16> {
        let born = self.plan()?.born.as_ref()?.value?;
        let span = born.until((jiff::Unit::Year, self.opened()?)).ok()?;
        Some(span.get_years())
    }

    /// The concerns.
    pub fn concerns(&self) -> impl Iterator<Item = &Concern> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Concern(c) => Some(c),
            _ => None,
        })
    }

    /// The goals.
    pub fn goals(&self) -> impl Iterator<Item = &Goal> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Goal(g) => Some(g),
            _ => None,
        })
    }

    /// The objectives.
    pub fn objectives(&self) -> impl Iterator<Item = &Objective> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Objective(o) => Some(o),
            _ => None,
        })
    }

    /// Goals and objectives, in file order.
    pub fn aims(&self) -> impl Iterator<Item = Aim<'_>> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Goal(g) => Some(Aim::Goal(g)),
            Entry::Objective(o) => Some(Aim::Objective(o)),
            _ => None,
        })
    }

    /// The objectives that are steps toward the goal `goal`.
    pub fn objectives_of<'a>(&'a self, goal: &'a str) -> impl Iterator<Item = &'a Objective> {
        self.objectives()
            .filter(move |o| o.goals.iter().any(|g| g.value == goal))
    }

    /// The interventions (medications excluded).
    pub fn interventions(&self) -> impl Iterator<Item = &Intervention> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Intervention(i) => Some(i),
            _ => None,
        })
    }

    /// The medications.
    pub fn medications(&self) -> impl Iterator<Item = &Medication> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Medication(m) => Some(m),
            _ => None,
        })
    }

    /// The measures the file defines.
    pub fn measures(&self) -> impl Iterator<Item = &MeasureDef> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Measure(m) => Some(m),
            _ => None,
        })
    }

    /// The sessions.
    pub fn sessions(&self) -> impl Iterator<Item = &Session> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Session(s) => Some(s),
            _ => None,
        })
    }

    /// The reviews.
    pub fn reviews(&self) -> impl Iterator<Item = &Review> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Review(r) => Some(r),
            _ => None,
        })
    }

    /// The events.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Event(v) => Some(v),
            _ => None,
        })
    }

    /// The safety plans.
    pub fn safety_plans(&self) -> impl Iterator<Item = &SafetyPlan> {
        self.entries.iter().filter_map(|e| match e {
            Entry::SafetyPlan(s) => Some(s),
            _ => None,
        })
    }

    /// Every `revise` line, of the reviews then of the discharge.
    pub fn revisions(&self) -> impl Iterator<Item = &Revision> {
        self.reviews()
            .flat_map(|r| &r.revisions)
            .chain(self.discharges().flat_map(|d| &d.revisions))
    }

    /// The discharges (a valid file has at most one).
    pub fn discharges(&self) -> impl Iterator<Item = &Discharge> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Discharge(d) => Some(d),
            _ => None,
        })
    }
}
