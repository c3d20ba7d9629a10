//! The shape of the drug-monitoring rules (`lithium-monitoring`,
//! `clozapine-monitoring`): a drug taken in the episode whose `monitor`
//! line must name what its guidance asks to be watched.

use super::Context;
use super::context::Monitored;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// What one drug's monitoring must name.
pub(super) struct Watch {
    /// The rule that reports it.
    pub rule: Rule,
    /// The drug, by generic name.
    pub drug: &'static str,
    /// Each thing to be watched, as messages name it, with the words of a
    /// `monitor` line that count as naming it (found at the start of a word).
    pub watched: &'static [(&'static str, &'static [&'static str])],
    /// The guidance that asks for it, as messages cite it.
    pub source: &'static str,
    /// An example `monitor` line for the help.
    pub example: &'static str,
}

/// Flags each medication of `watch.drug` taken during the episode whose
/// `monitor` line is missing or leaves out something `watch` lists: the
/// header when there is no line, else the line, naming what it leaves out.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>, watch: &Watch) {
    for taken in cx.medications_taken() {
        if !taken.drug.name.eq_ignore_ascii_case(watch.drug) || !cx.in_episode(&taken) {
            continue;
        }
        let medication = taken.medication;
        let unnamed: Vec<&str> = watch
            .watched
            .iter()
            .filter(|(_, words)| cx.monitored(medication, words) != Monitored::Yes)
            .map(|(what, _)| *what)
            .collect();
        if unnamed.is_empty() {
            continue;
        }
        let id = &taken.track.id;
        let every: Vec<&str> = watch.watched.iter().map(|(what, _)| *what).collect();
        let (span, message) = match &medication.monitor {
            Some(line) => (
                line.span,
                format!(
                    "the `monitor` line of {} says nothing of {}, which must be monitored ({})",
                    taken.named(),
                    list(&unnamed, "or"),
                    watch.source,
                ),
            ),
            None => (
                medication.header,
                format!(
                    "{} has no `monitor` line; {} must be monitored ({})",
                    taken.named(),
                    list(&every, "and"),
                    watch.source,
                ),
            ),
        };
        out.push(
            Diagnostic::new(watch.rule, span, message).with_help(format!(
                "say under `{id}` what is monitored and how often: `monitor \"{}\"`",
                watch.example
            )),
        );
    }
}

/// `a`, `a and b`, `a, b and c`.
fn list(items: &[&str], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::list;

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(list(&["levels"], "and"), "levels");
        assert_eq!(list(&["levels", "renal"], "or"), "levels or renal");
        assert_eq!(list(&["a", "b", "c"], "and"), "a, b and c");
    }
}
