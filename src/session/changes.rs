//! What an entry changed in a plan's findings: those it brought and those
//! it resolved, found in time linear in the findings.

use crate::diagnostic::Diagnostic;
use foldhash::HashSet;

/// The findings of `now` not in `was` (brought), and those of `was` not in
/// `now` (resolved), compared by [`Diagnostic::finding`] (what they say and
/// where, not their fixes). Both lists are in source order, `was` moved as
/// the text moved, as the checker sorts them (by start, then rule).
///
/// An entry changes few findings of many: the run both lists share at the
/// start and the one at the end are matched pair by pair, and only the
/// findings between are matched through a set. The shared runs stop short
/// of a start and rule that the findings between also have, so a finding
/// cannot be matched in one part and be missing in another.
pub(super) fn compare(
    was: &[Diagnostic],
    now: &[Diagnostic],
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let same = |(a, b): &(&Diagnostic, &Diagnostic)| a.finding() == b.finding();
    let mut head = was.iter().zip(now).take_while(same).count();
    let most = was.len().min(now.len()) - head;
    let mut tail = was
        .iter()
        .rev()
        .zip(now.iter().rev())
        .take(most)
        .take_while(same)
        .count();
    let (was, now) = loop {
        let (w, n) = (middle(was, head, tail), middle(now, head, tail));
        let back_head = head > 0
            && now
                .get(head - 1)
                .is_some_and(|d| keyed([w.first(), n.first()], d));
        let back_tail = tail > 0
            && now
                .get(now.len() - tail)
                .is_some_and(|d| keyed([w.last(), n.last()], d));
        if !back_head && !back_tail {
            break (w, n);
        }
        head -= usize::from(back_head);
        tail -= usize::from(back_tail);
    };
    let was_set: HashSet<_> = was.iter().map(Diagnostic::finding).collect();
    let now_set: HashSet<_> = now.iter().map(Diagnostic::finding).collect();
    let brought = now
        .iter()
        .filter(|d| !was_set.contains(&d.finding()))
        .cloned()
        .collect();
    let resolved = was
        .iter()
        .filter(|d| !now_set.contains(&d.finding()))
        .cloned()
        .collect();
    (brought, resolved)
}

/// `list` without its first `head` and last `tail` findings.
fn middle(list: &[Diagnostic], head: usize, tail: usize) -> &[Diagnostic] {
    list.get(head..list.len().saturating_sub(tail))
        .unwrap_or_default()
}

/// Whether `finding` has the start and rule of one of `ends`.
fn keyed(ends: [Option<&Diagnostic>; 2], finding: &Diagnostic) -> bool {
    let key = |d: &Diagnostic| (d.span.start, d.rule);
    ends.into_iter()
        .flatten()
        .any(|end| key(end) == key(finding))
}

#[cfg(test)]
mod tests {
    use super::compare;
    use crate::diagnostic::Diagnostic;
    use crate::rule::Rule;
    use crate::span::Span;
    use foldhash::HashSet;
    use proptest::prelude::*;

    /// A finding from a small alphabet, so that lists share starts, rules
    /// and messages often.
    fn finding((start, rule, message): (usize, usize, u8)) -> Diagnostic {
        let rule = Rule::ALL.get(rule).copied().unwrap_or(Rule::Syntax);
        Diagnostic::new(rule, Span::new(start, start + 1), format!("m{message}"))
    }

    /// Findings in the checker's order: by start, then rule.
    fn sorted(raw: Vec<(usize, usize, u8)>) -> Vec<Diagnostic> {
        let mut list: Vec<_> = raw.into_iter().map(finding).collect();
        list.sort_by_key(|d| (d.span.start, d.rule));
        list
    }

    /// The comparison by sets alone, which `compare` must agree with.
    fn by_sets(was: &[Diagnostic], now: &[Diagnostic]) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        let was_set: HashSet<_> = was.iter().map(Diagnostic::finding).collect();
        let now_set: HashSet<_> = now.iter().map(Diagnostic::finding).collect();
        let brought = now.iter().filter(|d| !was_set.contains(&d.finding()));
        let resolved = was.iter().filter(|d| !now_set.contains(&d.finding()));
        (brought.cloned().collect(), resolved.cloned().collect())
    }

    #[test]
    fn an_entry_in_the_middle_brings_only_its_own_finding() {
        let was = sorted(vec![(1, 0, 0), (5, 0, 0), (9, 1, 0)]);
        let now = sorted(vec![(1, 0, 0), (3, 2, 7), (5, 0, 0), (9, 1, 0)]);
        let (brought, resolved) = compare(&was, &now);
        assert_eq!(brought, sorted(vec![(3, 2, 7)]));
        assert!(resolved.is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

        /// Lists that share a start and an end, with anything between them.
        #[test]
        fn agrees_with_comparing_sets(
            head in prop::collection::vec((0..4usize, 0..3usize, 0..3u8), 0..6),
            was_middle in prop::collection::vec((4..8usize, 0..3usize, 0..3u8), 0..6),
            now_middle in prop::collection::vec((3..9usize, 0..3usize, 0..3u8), 0..6),
            tail in prop::collection::vec((8..12usize, 0..3usize, 0..3u8), 0..6),
        ) {
            let was = sorted([head.clone(), was_middle, tail.clone()].concat());
            let now = sorted([head, now_middle, tail].concat());
            prop_assert_eq!(compare(&was, &now), by_sets(&was, &now));
        }
    }
}
