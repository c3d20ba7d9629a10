//! [`Aim`]: a goal or an objective, read alike.

use super::{DateLit, Goal, GoalMeasure, Ident, Objective, Text};
use crate::span::Span;

/// A goal or an objective: what rules and summaries read alike in both.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Aim<'a> {
    /// A goal.
    Goal(&'a Goal),
    /// An objective.
    Objective(&'a Objective),
}

impl<'a> Aim<'a> {
    /// Its id.
    pub fn id(self) -> &'a Ident {
        match self {
            Aim::Goal(g) => &g.id,
            Aim::Objective(o) => &o.id,
        }
    }

    /// Its text.
    pub fn text(self) -> &'a Text {
        match self {
            Aim::Goal(g) => &g.text,
            Aim::Objective(o) => &o.text,
        }
    }

    /// Its targets, one per measure.
    pub fn measures(self) -> &'a [GoalMeasure] {
        match self {
            Aim::Goal(g) => &g.measures,
            Aim::Objective(o) => &o.measures,
        }
    }

    /// Its due date as written.
    pub fn due(self) -> Option<&'a DateLit> {
        match self {
            Aim::Goal(g) => g.due.as_ref(),
            Aim::Objective(o) => o.due.as_ref(),
        }
    }

    /// When it was set, as written.
    pub fn opened(self) -> Option<&'a DateLit> {
        match self {
            Aim::Goal(g) => g.opened.as_ref(),
            Aim::Objective(o) => o.opened.as_ref(),
        }
    }

    /// The whole entry.
    pub fn span(self) -> Span {
        match self {
            Aim::Goal(g) => g.span,
            Aim::Objective(o) => o.span,
        }
    }

    /// The header line.
    pub fn header(self) -> Span {
        match self {
            Aim::Goal(g) => g.header,
            Aim::Objective(o) => o.header,
        }
    }

    /// What it is called in messages: `goal` or `objective`.
    pub fn noun(self) -> &'static str {
        match self {
            Aim::Goal(_) => "goal",
            Aim::Objective(_) => "objective",
        }
    }

    /// Whether it is an objective.
    pub fn is_objective(self) -> bool {
        matches!(self, Aim::Objective(_))
    }

    /// The target set for `measure`, if it has one.
    pub fn target_for(self, measure: &str) -> Option<&'a GoalMeasure> {
        self.measures().iter().find(|m| m.measure.value == measure)
    }

    /// The target a `revise … target [MEASURE]` changes: the named
    /// measure's, else the only one; `None` when a measure is named that it
    /// does not have, or none is named and it has several.
    pub fn revised_target(self, measure: Option<&Ident>) -> Option<&'a GoalMeasure> {
        match (measure, self.measures()) {
            (Some(m), _) => self.target_for(&m.value),
            (None, [only]) => Some(only),
            (None, _) => None,
        }
    }
}
