//! Moving a tree's spans: when text is inserted above an entry, the entry
//! is the same and only where it stands changes, so a parse of it can be
//! kept with its spans moved rather than read again.
//!
//! Each struct is taken apart field by field with no `..`, so that a field
//! added to the tree without being moved here does not compile.

use super::*;
use crate::span::{Span, Spanned};

/// A value whose spans can be moved later in the text.
pub(crate) trait Shift {
    /// Moves every span in `self` `by` bytes later.
    fn shift_by(&mut self, by: usize);
}

impl Shift for Span {
    fn shift_by(&mut self, by: usize) {
        *self = self.shift(by);
    }
}

impl<T: Shift> Shift for Spanned<T> {
    fn shift_by(&mut self, by: usize) {
        self.value.shift_by(by);
        self.span.shift_by(by);
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift_by(&mut self, by: usize) {
        if let Some(value) = self {
            value.shift_by(by);
        }
    }
}

impl<T: Shift> Shift for Box<T> {
    fn shift_by(&mut self, by: usize) {
        T::shift_by(self, by);
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift_by(&mut self, by: usize) {
        for value in self {
            value.shift_by(by);
        }
    }
}

/// Values that hold no span.
macro_rules! no_spans {
    ($($type:ty),* $(,)?) => {
        $(impl Shift for $type {
            fn shift_by(&mut self, _: usize) {}
        })*
    };
}

no_spans!(
    f64,
    (f64, f64),
    String,
    Name,
    jiff::civil::Date,
    bool,
    &'static str,
    Extent,
    Duration,
    Frequency,
    crate::words::Achievement,
    crate::words::Attendance,
    crate::words::Better,
    crate::words::Care,
    crate::words::DischargeKind,
    crate::words::EventKind,
    crate::words::Integration,
    crate::words::Risk,
    crate::words::SessionFormat,
    crate::words::Stage,
);

/// Structs whose spans are in their fields, every field named.
macro_rules! fields {
    ($($type:ident { $($field:ident),* $(,)? })*) => {
        $(impl Shift for $type {
            fn shift_by(&mut self, by: usize) {
                let $type { $($field),* } = self;
                $($field.shift_by(by);)*
            }
        })*
    };
}

fields! {
    Plan {
        span, header, title, client, born, clinician, prescriber, opened, orientation,
        integration, rationale, stage, care, review_every, risk, discharge_criteria,
    }
    RiskRating { span, level, reason }
    Concern { span, header, id, text, diagnosis, since }
    Goal { span, header, id, text, concerns, measures, due, opened, stage }
    Objective { span, header, id, text, goals, measures, due, opened }
    GoalMeasure { span, measure, baseline, target, sustained }
    Intervention {
        span, header, id, modality, technique, title, goals, frequency, course, consent,
        opened, rationale,
    }
    Medication {
        span, header, id, drug, goals, dose, consent, started, stopped, prescriber, monitor,
    }
    MeasureDef { span, header, id, name, range, better, reliable_change }
    Session {
        span, header, date, used, progress, scores, risk, notes, attendance, assessment,
        doses, homework, minutes, format,
    }
    DoseChange { span, medication, dose }
    Used { span, intervention, response }
    Progress { span, goal, indicator }
    Score { span, measure, value, after }
    Review { span, header, date, statuses, revisions, stops, stage, next, notes, risk, doses }
    StatusUpdate { span, goal, status, note }
    Revision { span, id, change }
    Stop { span, target, reason }
    Event { span, header, date, kind, text, notes, risk }
    SafetyPlan { span, header, date, warning_signs, coping, contacts, means_safety }
    Discharge { span, header, date, kind, summary, statuses, revisions, referrals, risk, notes }
    Comment { span, text, trailing }
    Unread { span, field }
}

impl Shift for Target {
    fn shift_by(&mut self, by: usize) {
        let Target {
            span,
            comparator: _,
            value: _,
        } = self;
        span.shift_by(by);
    }
}

impl Shift for Change {
    fn shift_by(&mut self, by: usize) {
        match self {
            Change::Target { measure, target } => {
                measure.shift_by(by);
                target.shift_by(by);
            }
            Change::Due(date) => date.shift_by(by),
            Change::Course(course) => course.shift_by(by),
        }
    }
}

impl Shift for Entry {
    fn shift_by(&mut self, by: usize) {
        match self {
            Entry::Plan(e) => e.shift_by(by),
            Entry::Concern(e) => e.shift_by(by),
            Entry::Goal(e) => e.shift_by(by),
            Entry::Objective(e) => e.shift_by(by),
            Entry::Intervention(e) => e.shift_by(by),
            Entry::Medication(e) => e.shift_by(by),
            Entry::Measure(e) => e.shift_by(by),
            Entry::Session(e) => e.shift_by(by),
            Entry::Review(e) => e.shift_by(by),
            Entry::Event(e) => e.shift_by(by),
            Entry::SafetyPlan(e) => e.shift_by(by),
            Entry::Discharge(e) => e.shift_by(by),
        }
    }
}
