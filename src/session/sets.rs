//! Which closed set of words a line takes next (statuses, risk levels,
//! attendance, discharge types, units, ...): completion offers them and
//! highlighting colours them, from this one table.

use crate::words::{
    Achievement, Attendance, Better, Cadence, Care, DischargeKind, EventKind, ExtentUnit,
    Integration, Per, Risk, SessionFormat, Stage, Unit,
};

/// The words that may follow `words`, the start of a line (its keyword
/// first) inside an entry of kind `entry` (`None` at column 0, where the
/// keyword is the entry's own).
pub(super) fn next(entry: Option<&str>, words: &[&str]) -> Option<&'static [&'static str]> {
    let (keyword, position) = (*words.first()?, words.len());
    let word = |at: usize| words.get(at).copied().unwrap_or("");
    let number = |at: usize| word(at).starts_with(|c: char| c.is_ascii_digit());
    let aim = matches!(entry, Some("goal" | "objective"));
    Some(match (entry.is_some(), keyword, position) {
        (false, "event", 2) => EventKind::WORDS,
        (false, "discharge", 2) => DischargeKind::WORDS,
        (true, "status", 2) => Achievement::WORDS,
        (true, "stage", 1) => Stage::WORDS,
        (true, "risk", 1) => Risk::WORDS,
        (true, "care", 1) => Care::WORDS,
        (true, "integration", 1) => Integration::WORDS,
        (true, "better", 1) => Better::WORDS,
        (true, "format", 1) => SessionFormat::WORDS,
        (true, "attendance", 1) => Attendance::WORDS,
        (true, "frequency", 1) => Cadence::WORDS,
        // `frequency 2 per week`
        (true, "frequency", 2) if number(1) => &["per"],
        (true, "frequency", 3) if word(2) == "per" => Per::WORDS,
        // `review every 8 weeks`
        (true, "review", 1) => &["every"],
        (true, "review", 3) if word(1) == "every" => Unit::WORDS,
        // `course 12 sessions`, `revise I1 course 16 sessions`
        (true, "course", 2) if number(1) => ExtentUnit::WORDS,
        (true, "revise", 4) if word(2) == "course" && number(3) => ExtentUnit::WORDS,
        // `measure PHQ-9 baseline 21 target < 10 sustained 4 weeks`
        (true, "measure", 2) if aim => &["baseline"],
        (true, "measure", 4) if aim => &["target"],
        (true, "measure", 7) if aim && number(6) => &["sustained"],
        (true, "measure", 9) if aim && word(7) == "sustained" && number(8) => ExtentUnit::WORDS,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::next;

    #[test]
    fn each_position_takes_its_set() {
        assert_eq!(
            next(None, &["discharge", "2027-01-11"]).map(|s| s[0]),
            Some("completed")
        );
        assert_eq!(
            next(Some("session"), &["attendance"]).map(|s| s[1]),
            Some("no-show")
        );
        assert_eq!(
            next(Some("intervention"), &["frequency", "2"]),
            Some(&["per"][..])
        );
        assert_eq!(
            next(Some("intervention"), &["frequency", "2", "per"]),
            Some(&["day", "week", "month"][..])
        );
        let sustained = ["measure", "PHQ-9", "baseline", "21", "target", "<", "10"];
        assert_eq!(
            next(Some("objective"), &sustained),
            Some(&["sustained"][..])
        );
        assert_eq!(
            next(Some("session"), &sustained),
            None,
            "a session has no targets"
        );
        assert_eq!(
            next(Some("review"), &["revise", "I1", "course", "16"]).map(|s| s[0]),
            Some("sessions")
        );
        assert_eq!(next(Some("session"), &["note"]), None);
    }
}
