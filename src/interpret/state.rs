//! [`PlanState`]: a plan as it stood on one date.

use super::record::{Record, TreatmentKind};
use crate::ast::Target;
use crate::words::{Achievement, Risk, Stage};
use jiff::civil::Date;
use serde::Serialize;

/// The plan as it stood on one date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanState {
    /// The date asked about.
    pub date: Date,
    /// Goals set on or before the date.
    pub goals: Vec<GoalState>,
    /// Interventions active on the date.
    pub interventions: Vec<String>,
    /// Medications active on the date.
    pub medications: Vec<String>,
    /// The latest risk level.
    pub risk: Option<Risk>,
    /// The latest stage of change.
    pub stage: Option<Stage>,
    /// The latest safety plan's date.
    pub safety_plan: Option<Date>,
    /// The latest review's date.
    pub last_review: Option<Date>,
    /// Sessions held on or before the date.
    pub sessions: usize,
}

/// One goal as it stood on a date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalState {
    /// The goal's id.
    pub id: String,
    /// The target in force.
    pub target: Option<Target>,
    /// The due date in force.
    pub due: Option<Date>,
    /// The latest recorded status.
    pub status: Option<Achievement>,
    /// The latest score of the goal's measure, with its date.
    pub latest_score: Option<(Date, f64)>,
}

impl Record {
    /// The plan as it stood at the end of `date`.
    pub fn state_on(&self, date: Date) -> PlanState {
        let active = |kind: TreatmentKind| {
            self.treatments
                .iter()
                .filter(|t| t.kind == kind && t.is_active_on(date))
                .map(|t| t.id.clone())
                .collect()
        };
        PlanState {
            date,
            goals: self
                .goals
                .iter()
                .filter(|g| g.opened.is_none_or(|o| o <= date))
                .map(|g| GoalState {
                    id: g.id.clone(),
                    target: Record::latest(&g.targets, date).map(|t| t.value),
                    due: Record::latest(&g.dues, date).map(|d| d.value),
                    status: g.status_on(date),
                    latest_score: g
                        .measure
                        .as_deref()
                        .and_then(|m| self.series(m))
                        .and_then(|s| s.points.iter().rev().find(|p| p.date <= date))
                        .map(|p| (p.date, p.value)),
                })
                .collect(),
            interventions: active(TreatmentKind::Intervention),
            medications: active(TreatmentKind::Medication),
            risk: Record::latest(&self.risks, date).map(|r| r.value),
            stage: Record::latest(&self.stages, date).map(|s| s.value),
            safety_plan: Record::latest(&self.safety_plans, date).map(|s| s.date),
            last_review: self
                .reviews
                .iter()
                .rev()
                .find(|r| r.date <= date)
                .map(|r| r.date),
            sessions: self.sessions.iter().filter(|s| s.date <= date).count(),
        }
    }
}
