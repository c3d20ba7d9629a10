//! Entries written out from the plan for the clinician to fill in: a
//! `session` for today with a `used` line for each active intervention and
//! a `score` line for each measure of the open goals. What only the
//! clinician knows (a response, a score) is a placeholder, never a value.

use super::Session;
use crate::interpret::TreatmentKind;

/// A piece of a skeleton.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Text to insert as it is.
    Text(String),
    /// A value to fill in, described by its label (`response`, `PHQ-9 score`).
    Placeholder(String),
}

/// A `session` entry for the session's date, as pieces.
///
/// ```
/// use careplan::CheckOptions;
/// use careplan::session::{Part, Session, session_skeleton};
/// let text = "plan \"Low mood\"\n  opened 2026-09-01\n\ngoal G1 \"Sleep\"\n  measure PHQ-9 baseline 18 target < 10\n\nintervention I1 CBT for G1\n";
/// let session = Session::of_text(text.to_owned(), CheckOptions::new(jiff::civil::date(2026, 11, 1)));
/// let shown: String = session_skeleton(&session)
///     .into_iter()
///     .map(|p| match p { Part::Text(t) => t, Part::Placeholder(l) => format!("<{l}>") })
///     .collect();
/// assert_eq!(shown, "session 2026-11-01\n  used I1 \"<response>\"\n  score PHQ-9 <PHQ-9 score>\n");
/// ```
pub fn session_skeleton(session: &Session) -> Vec<Part> {
    let record = &session.analysis().record;
    let today = session.as_of();
    let mut parts = vec![Part::Text(format!("session {today}\n"))];
    for treatment in record
        .treatments
        .iter()
        .filter(|t| t.kind == TreatmentKind::Intervention && t.is_active_on(today))
    {
        parts.push(Part::Text(format!("  used {} \"", treatment.id)));
        parts.push(Part::Placeholder("response".to_owned()));
        parts.push(Part::Text("\"\n".to_owned()));
    }
    let mut measures: Vec<&str> = Vec::new();
    for goal in record.open_goals(today) {
        for target in &goal.targets {
            if !measures.contains(&target.measure.as_str()) {
                measures.push(&target.measure);
            }
        }
    }
    for measure in measures {
        parts.push(Part::Text(format!("  score {measure} ")));
        parts.push(Part::Placeholder(format!("{measure} score")));
        parts.push(Part::Text("\n".to_owned()));
    }
    parts
}
