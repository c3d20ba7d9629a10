//! `:timeline`: the dated entries in the order the record replays them,
//! one line each.

use super::View;
use super::aims::change_text;
use crate::ast::{DoseChange, Entry, RiskRating};
use crate::session::Session;
use crate::summary::number;
use std::fmt::Write as _;

/// The dated entries, in the order the record replays them.
pub(in crate::session) fn timeline(session: &Session) -> String {
    let view = View::new(session);
    let mut out = String::new();
    for &(date, index) in &view.record.timeline {
        let Some(entry) = view.document().entries.get(index) else {
            continue;
        };
        let line = session.line_of(entry.span().start);
        let row = format!(
            "{date}  {:<11}  line {line:<4}  {}",
            entry.keyword(),
            outline(entry)
        );
        let _ = writeln!(out, "{}", row.trim_end());
    }
    if out.is_empty() {
        out.push_str(
            "no dated entries yet (sessions, reviews, events, safety plans, the discharge)\n",
        );
    }
    out
}

/// A dated entry in one line.
fn outline(entry: &Entry) -> String {
    let mut parts: Vec<String> = Vec::new();
    match entry {
        Entry::Session(s) => {
            if let Some(attendance) = s.attendance.as_ref().filter(|_| !s.attended()) {
                parts.push(attendance.value.to_string());
            }
            let used: Vec<&str> = s
                .used
                .iter()
                .map(|u| u.intervention.value.as_str())
                .collect();
            if !used.is_empty() {
                parts.push(format!("used {}", used.join(", ")));
            }
            let scores: Vec<String> = s
                .scores
                .iter()
                .map(|sc| format!("{} {}", sc.measure.value, number(sc.value.value)))
                .collect();
            if !scores.is_empty() {
                parts.push(format!("score {}", scores.join(", ")));
            }
            for p in &s.progress {
                parts.push(format!("progress {}", p.goal.value));
            }
            doses(&mut parts, &s.doses);
            risk(&mut parts, s.risk.as_ref());
        }
        Entry::Review(r) => {
            statuses(&mut parts, &r.statuses);
            for revision in &r.revisions {
                parts.push(format!(
                    "revise {} {}",
                    revision.id.value,
                    change_text(&revision.change)
                ));
            }
            for stop in &r.stops {
                parts.push(format!("stop {}", stop.target.value));
            }
            if let Some(stage) = &r.stage {
                parts.push(format!("stage {}", stage.value));
            }
            doses(&mut parts, &r.doses);
            risk(&mut parts, r.risk.as_ref());
            if let Some(next) = r.next.as_ref().and_then(|n| n.value) {
                parts.push(format!("next {next}"));
            }
        }
        Entry::Event(e) => {
            parts.push(format!("{} \"{}\"", e.kind.value, e.text.value));
            risk(&mut parts, e.risk.as_ref());
        }
        Entry::SafetyPlan(p) => {
            let filled = [
                (&p.warning_signs, "warning signs"),
                (&p.coping, "coping"),
                (&p.contacts, "contacts"),
                (&p.means_safety, "means safety"),
            ];
            let present: Vec<&str> = filled
                .iter()
                .filter(|(f, _)| f.is_some())
                .map(|(_, name)| *name)
                .collect();
            parts.push(present.join(", "));
        }
        Entry::Discharge(d) => {
            if let Some(kind) = &d.kind {
                parts.push(kind.value.to_string());
            }
            statuses(&mut parts, &d.statuses);
            for revision in &d.revisions {
                parts.push(format!(
                    "revise {} {}",
                    revision.id.value,
                    change_text(&revision.change)
                ));
            }
            if !d.referrals.is_empty() {
                parts.push(crate::emit::plural(
                    d.referrals.len(),
                    "referral",
                    "referrals",
                ));
            }
            risk(&mut parts, d.risk.as_ref());
        }
        _ => {}
    }
    parts.join("; ")
}

/// `status G1 improving, O1 achieved`.
fn statuses(parts: &mut Vec<String>, statuses: &[crate::ast::StatusUpdate]) {
    let all: Vec<String> = statuses
        .iter()
        .map(|u| format!("{} {}", u.goal.value, u.status.value))
        .collect();
    if !all.is_empty() {
        parts.push(format!("status {}", all.join(", ")));
    }
}

/// `dose M1 "100 mg daily"`, each change.
fn doses(parts: &mut Vec<String>, doses: &[DoseChange]) {
    for d in doses {
        parts.push(format!("dose {} \"{}\"", d.medication.value, d.dose.value));
    }
}

/// `risk high`.
fn risk(parts: &mut Vec<String>, risk: Option<&RiskRating>) {
    if let Some(risk) = risk {
        parts.push(format!("risk {}", risk.level.value));
    }
}
