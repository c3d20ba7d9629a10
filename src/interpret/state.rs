//! [`PlanState`]: a plan as it stood on one date.

use super::record::{Dated, Record, RiskMark, TreatmentKind};
use super::targets::TargetStanding;
use crate::words::{Achievement, Attendance, Stage};
use jiff::civil::Date;
use serde::Serialize;

/// The plan as it stood on one date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanState {
    /// The date asked about.
    pub date: Date,
    /// Goals and objectives set on or before the date.
    pub goals: Vec<GoalState>,
    /// Interventions active on the date.
    pub interventions: Vec<String>,
    /// Medications active on the date, with the dose in force.
    pub medications: Vec<ActiveMedication>,
    /// The latest risk level, with when and where it was assessed.
    pub risk: Option<Dated<RiskMark>>,
    /// The latest stage of change.
    pub stage: Option<Stage>,
    /// The latest safety plan's date.
    pub safety_plan: Option<Date>,
    /// The latest review's date.
    pub last_review: Option<Date>,
    /// Sessions the client attended on or before the date.
    pub sessions: usize,
    /// Appointments on or before the date, by attendance.
    pub attendance: AttendanceCount,
    /// The discharge date, when the episode had ended by the date.
    pub discharged: Option<Date>,
}

/// One goal or objective as it stood on a date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalState {
    /// The goal's or objective's id.
    pub id: String,
    /// Whether it is an objective.
    pub objective: bool,
    /// For an objective, the goals it is a step toward.
    pub parents: Vec<String>,
    /// Each target in force, met or not.
    pub targets: Vec<TargetStanding>,
    /// The due date in force.
    pub due: Option<Date>,
    /// The latest recorded status.
    pub status: Option<Achievement>,
}

impl GoalState {
    /// Whether it has targets and every one is met.
    pub fn met(&self) -> bool {
        !self.targets.is_empty() && self.targets.iter().all(|t| t.met)
    }
}

/// A medication active on a date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActiveMedication {
    /// Its id.
    pub id: String,
    /// The dose in force: the latest change, else its own dose.
    pub dose: Option<String>,
}

/// Appointments counted by attendance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AttendanceCount {
    /// Sessions attended.
    pub attended: usize,
    /// No-shows.
    pub no_shows: usize,
    /// Cancellations made in good time.
    pub cancelled: usize,
    /// Late cancellations.
    pub late_cancelled: usize,
}

impl AttendanceCount {
    /// Counts `attendance` once more.
    pub fn add(&mut self, attendance: Attendance) {
        match attendance {
            Attendance::Attended => self.attended += 1,
            Attendance::NoShow => self.no_shows += 1,
            Attendance::Cancelled => self.cancelled += 1,
            Attendance::LateCancelled => self.late_cancelled += 1,
        }
    }

    /// Every appointment.
    pub fn appointments(&self) -> usize {
        self.attended + self.no_shows + self.cancelled + self.late_cancelled
    }

    /// Attended ÷ (attended + no-shows + late cancellations), in percent:
    /// a cancellation made in good time is not a missed appointment.
    /// `None` with no such appointment.
    pub fn rate(&self) -> Option<f64> {
        let expected = self.attended + self.no_shows + self.late_cancelled;
        (expected > 0).then(|| self.attended as f64 * 100.0 / expected as f64)
    }
}

impl Record {
    /// The plan as it stood at the end of `date`.
    pub fn state_on(&self, date: Date) -> PlanState {
        let active = |kind: TreatmentKind| {
            self.treatments
                .iter()
                .filter(move |t| t.kind == kind && t.is_active_on(date))
        };
        let mut attendance = AttendanceCount::default();
        for appointment in self.appointments.iter().filter(|a| a.date <= date) {
            attendance.add(appointment.attendance);
        }
        PlanState {
            date,
            goals: self
                .goals
                .iter()
                .filter(|g| g.opened.is_none_or(|o| o <= date))
                .map(|g| GoalState {
                    id: g.id.clone(),
                    objective: g.objective,
                    parents: g.parents.clone(),
                    targets: g
                        .targets
                        .iter()
                        .filter_map(|t| t.standing(self.series(&t.measure), date))
                        .collect(),
                    due: Record::latest(&g.dues, date).map(|d| d.value),
                    status: g.status_on(date),
                })
                .collect(),
            interventions: active(TreatmentKind::Intervention)
                .map(|t| t.id.clone())
                .collect(),
            medications: active(TreatmentKind::Medication)
                .map(|t| ActiveMedication {
                    id: t.id.clone(),
                    dose: Record::latest(&t.doses, date).map(|d| d.value.clone()),
                })
                .collect(),
            risk: self.risk_on(date).cloned(),
            stage: Record::latest(&self.stages, date).map(|s| s.value),
            safety_plan: Record::latest(&self.safety_plans, date).map(|s| s.date),
            last_review: self
                .reviews
                .iter()
                .rev()
                .find(|r| r.date <= date)
                .map(|r| r.date),
            sessions: self.sessions.iter().filter(|s| s.date <= date).count(),
            attendance,
            discharged: self
                .discharge
                .as_ref()
                .filter(|d| d.date <= date)
                .map(|d| d.date),
        }
    }
}
