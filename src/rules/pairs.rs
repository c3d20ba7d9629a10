//! Medication pairs: two drugs taken at once, or one started too soon after
//! another stopped. The combination rules share this shape: the medication
//! that started later is flagged at its header (the later one in the file
//! when both start the same day), naming the others and the first day they
//! were taken together, which is the later one's start.
//!
//! A pair is reported by one rule only, the first in [`KINDS`] that
//! concerns it, and its message names the other harms the pair carries: one
//! mistake (two SSRIs, which are also two serotonergic drugs) gives one
//! finding. One drug under two names (`sertraline` and `"Zoloft"`) is no
//! pair at all.

use super::context::Taken;
use super::review_overdue::{days, days_between};
use super::{
    cns_depressant_combination, duplicate_therapy, maoi_combination, qt_combination,
    serotonergic_combination,
};
use crate::catalogue::Drug;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use jiff::civil::Date;

/// What a combination risks, in a message's words.
pub(super) struct Hazard {
    /// The harm, as "together they can cause …" ends it.
    pub(super) harm: &'static str,
    /// What a `monitor` line should cover, as "a `monitor` line for …"
    /// ends it.
    pub(super) watch: &'static str,
}

/// One kind of combination: the rule that reports it, the pairs of drugs it
/// concerns (in either order), and what it risks.
struct Kind {
    rule: Rule,
    concerns: fn(&Drug, &Drug) -> bool,
    hazard: &'static Hazard,
}

/// The combinations, in the order that decides which rule reports a pair
/// that several concern: the contraindication first, then duplication (the
/// mistake itself), then the harms one at a time.
const KINDS: [Kind; 5] = [
    Kind {
        rule: Rule::MaoiCombination,
        concerns: maoi_combination::concerns,
        hazard: &maoi_combination::HAZARD,
    },
    Kind {
        rule: Rule::DuplicateTherapy,
        concerns: duplicate_therapy::concerns,
        hazard: &duplicate_therapy::HAZARD,
    },
    Kind {
        rule: Rule::SerotonergicCombination,
        concerns: serotonergic_combination::concerns,
        hazard: &serotonergic_combination::HAZARD,
    },
    Kind {
        rule: Rule::QtCombination,
        concerns: qt_combination::concerns,
        hazard: &qt_combination::HAZARD,
    },
    Kind {
        rule: Rule::CnsDepressantCombination,
        concerns: cns_depressant_combination::concerns,
        hazard: &cns_depressant_combination::HAZARD,
    },
];

/// The kind of combination that reports `a` with `b`: none for one drug
/// written two ways.
fn reporter(a: &Drug, b: &Drug) -> Option<&'static Kind> {
    if a.name == b.name {
        return None;
    }
    KINDS.iter().find(|k| (k.concerns)(a, b))
}

/// The days a drug must wait after `earlier` stops before `later` starts,
/// when the pair needs a washout.
pub(super) type WashoutFn = fn(&Taken<'_>, &Taken<'_>) -> Option<i64>;

/// What a combination rule reports about one medication.
enum Pairing<'t, 'a> {
    /// It is taken with earlier medications from the day it starts.
    Together(Overlap<'t, 'a>),
    /// It starts before the washout after an earlier one has passed.
    TooSoon(Washout<'t, 'a>),
}

/// The overlaps `rule` reports among `drugs` (as in [`pairings`]), after
/// adding to `out` the finding for each medication started before the
/// `washout` after an earlier one had passed.
pub(super) fn overlaps<'t, 'a>(
    drugs: &'t [Taken<'a>],
    rule: Rule,
    washout: Option<WashoutFn>,
    out: &mut Vec<Diagnostic>,
) -> Vec<Overlap<'t, 'a>> {
    let mut overlaps = Vec::new();
    for pairing in pairings(drugs, rule, washout) {
        match pairing {
            Pairing::Together(overlap) => overlaps.push(overlap),
            Pairing::TooSoon(washout) => out.push(washout.finding()),
        }
    }
    overlaps
}

/// What `rule` reports among `drugs` (as [`super::Context::medications_taken`]
/// gives them, started first first): each medication taken with earlier
/// ones on the day it starts; or, when it overlaps none and `washout` is
/// given, the most recently stopped one it starts too soon after.
fn pairings<'t, 'a>(
    drugs: &'t [Taken<'a>],
    rule: Rule,
    washout: Option<WashoutFn>,
) -> Vec<Pairing<'t, 'a>> {
    let mut out = Vec::new();
    let Some(kind) = KINDS.iter().find(|k| k.rule == rule) else {
        return out;
    };
    for (index, later) in drugs.iter().enumerate() {
        let from = later.started;
        if !later.track.is_active_on(from) {
            continue;
        }
        let earlier = drugs.get(..index).unwrap_or_default();
        let reported =
            |e: &&Taken<'_>| reporter(e.drug, later.drug).is_some_and(|k| k.rule == kind.rule);
        let with: Vec<&Taken<'a>> = earlier
            .iter()
            .filter(reported)
            .filter(|e| e.track.is_active_on(from))
            .collect();
        if !with.is_empty() {
            out.push(Pairing::Together(Overlap {
                later,
                with,
                from,
                kind,
            }));
            continue;
        }
        let Some(wait) = washout else {
            continue;
        };
        let soonest = earlier
            .iter()
            .filter(reported)
            .filter_map(|before| {
                let stopped = before.track.stopped.as_ref()?.date;
                let wait = wait(before, later)?;
                (stopped <= from && days_between(stopped, from) < wait).then_some(Washout {
                    later,
                    before,
                    stopped,
                    wait,
                    kind,
                })
            })
            .max_by_key(|w| w.stopped);
        out.extend(soonest.map(Pairing::TooSoon));
    }
    out
}

/// A medication taken with earlier ones from the day it starts.
pub(super) struct Overlap<'t, 'a> {
    /// The one that started later: the finding is at its header.
    pub(super) later: &'t Taken<'a>,
    /// The earlier ones still taken that day, in start order.
    pub(super) with: Vec<&'t Taken<'a>>,
    /// The first day they are all taken: the later one's start.
    pub(super) from: Date,
    kind: &'static Kind,
}

impl Overlap<'_, '_> {
    /// The finding of this rule with `message`, at the later medication's
    /// header, pointing at each earlier one.
    pub(super) fn diagnostic(&self, message: String) -> Diagnostic {
        let related = self.with.iter().map(|earlier| {
            (
                earlier.medication.header,
                format!("{}, taken from {}", earlier.named(), earlier.started),
            )
        });
        Diagnostic::new(self.kind.rule, self.later.medication.header, message).with_related(related)
    }

    /// The medications named together with their verb: "`M2` (x) and `M1`
    /// (y) are both", or "`M3` (x), `M1` (y) and `M2` (z) are all".
    pub(super) fn are_all(&self) -> String {
        let names: Vec<String> = std::iter::once(self.later)
            .chain(self.with.iter().copied())
            .map(Taken::named)
            .collect();
        let all = if names.len() == 2 { "both" } else { "all" };
        format!("{} are {all}", listed(names))
    }

    /// The earlier medications named: "`M1` (y) and `M2` (z)".
    pub(super) fn others(&self) -> String {
        listed(self.with.iter().map(|t| t.named()))
    }

    /// The kinds ranked after this rule's that concern the later drug with
    /// some of the earlier ones, with those earlier ones.
    fn lesser(&self) -> impl Iterator<Item = (&'static Kind, Vec<&Taken<'_>>)> {
        KINDS
            .iter()
            .skip_while(|k| k.rule != self.kind.rule)
            .skip(1)
            .filter_map(|kind| {
                let some: Vec<&Taken<'_>> = self
                    .with
                    .iter()
                    .copied()
                    .filter(|e| (kind.concerns)(e.drug, self.later.drug))
                    .collect();
                (!some.is_empty()).then_some((kind, some))
            })
    }

    /// The other harms the pairs carry, for the end of the message: "";
    /// "; they can also cause serotonin syndrome"; or "; with
    /// `M1` (y) it can also cause …" when only some of them do.
    pub(super) fn also(&self) -> String {
        self.lesser()
            .map(|(kind, some)| {
                if some.len() == self.with.len() {
                    format!("; they can also cause {}", kind.hazard.harm)
                } else {
                    let some = listed(some.iter().map(|t| t.named()));
                    format!("; with {some} it can also cause {}", kind.hazard.harm)
                }
            })
            .collect()
    }

    /// How to write the `monitor` line, covering this rule's harm and the
    /// others the pairs carry: "add a `monitor` line under `M2` for …", or
    /// "make `M2`'s `monitor` line cover …" when it has one.
    pub(super) fn monitor(&self) -> String {
        // Each watch may hold an "and" of its own: a comma keeps them apart.
        let watch = std::iter::once(self.kind.hazard.watch)
            .chain(self.lesser().map(|(kind, _)| kind.hazard.watch))
            .collect::<Vec<_>>()
            .join(", and ");
        let id = &self.later.track.id;
        match self.later.medication.monitor {
            Some(_) => format!("make `{id}`'s `monitor` line cover {watch}"),
            None => format!("add a `monitor` line under `{id}` for {watch}"),
        }
    }

    /// The help for a combination that may be intended: monitor it and
    /// acknowledge it, or record a stop.
    pub(super) fn if_intended(&self) -> String {
        format!(
            "if the combination is intended, {} and add `# careplan: allow {}` to its \
             header; otherwise record the date one of them was stopped",
            self.monitor(),
            self.kind.rule.name()
        )
    }
}

/// A medication started before the washout after an MAO inhibitor (or
/// before one) has passed.
pub(super) struct Washout<'t, 'a> {
    /// The one that started too soon.
    pub(super) later: &'t Taken<'a>,
    /// The one stopped before it.
    pub(super) before: &'t Taken<'a>,
    /// When `before` stopped.
    pub(super) stopped: Date,
    /// The days that must pass between them.
    pub(super) wait: i64,
    kind: &'static Kind,
}

impl Washout<'_, '_> {
    /// The finding: when the later one starts, how long after the earlier
    /// one stopped, how long it must wait, and the first day it may start.
    pub(super) fn finding(&self) -> Diagnostic {
        let (later, before) = (self.later, self.before);
        let gap = days_between(self.stopped, later.started);
        let maoi = if before.drug.mao_inhibitor {
            before
        } else {
            later
        };
        // A label that advises caution (an MAO-B inhibitor with an SSRI,
        // tedizolid) does not contraindicate the earlier start.
        let wait = days(self.wait);
        let rule = if self.kind.rule == Rule::SerotonergicCombination
            && !serotonergic_combination::contraindicated(before, later)
        {
            format!("its label advises waiting at least {wait} between them")
        } else {
            format!("at least {wait} must pass between them: sooner is contraindicated")
        };
        let Hazard { harm, watch } = self.kind.hazard;
        let id = &later.track.id;
        let first = self
            .stopped
            .checked_add(jiff::Span::new().days(self.wait))
            .map_or_else(|_| "a later date".to_owned(), |d| d.to_string());
        Diagnostic::new(
            self.kind.rule,
            later.medication.header,
            format!(
                "{} starts on {}, {} after {} was stopped; with {} (an MAO inhibitor) \
                 {rule}, as {harm} can follow",
                later.named(),
                later.started,
                days(gap),
                before.named(),
                maoi.medication.drug.value,
            ),
        )
        .with_help(format!(
            "start `{id}` on {first} or later; if the earlier start is intended, add a \
             `monitor` line for {watch} and `# careplan: allow {}` to its header",
            self.kind.rule.name()
        ))
        .with_related([(
            before.medication.header,
            format!("{}, stopped on {}", before.named(), self.stopped),
        )])
    }
}

/// Names joined as a sentence lists them: "a", "a and b", "a, b and c".
pub(super) fn listed(items: impl IntoIterator<Item = String>) -> String {
    let mut items: Vec<String> = items.into_iter().collect();
    match items.pop() {
        None => String::new(),
        Some(last) if items.is_empty() => last,
        Some(last) => format!("{} and {last}", items.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::listed;

    #[test]
    fn lists_read_as_a_sentence() {
        let words = |w: &[&str]| listed(w.iter().map(|s| (*s).to_owned()));
        assert_eq!(words(&[]), "");
        assert_eq!(words(&["a"]), "a");
        assert_eq!(words(&["a", "b"]), "a and b");
        assert_eq!(words(&["a", "b", "c"]), "a, b and c");
    }
}
