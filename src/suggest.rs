//! Did-you-mean: the word a misspelt one most likely meant.

/// Suggests the closest of `candidates` to a misspelt `word`, if one is close.
///
/// Uses normalised Damerau-Levenshtein similarity, case-insensitively, and
/// accepts matches of 0.7 or better so that `PHQ9` finds `PHQ-9` but `G7`
/// does not find `G1`. Failing that, a word of three letters or more that
/// starts exactly one candidate finds it (`unlinked` finds
/// `unlinked-intervention`).
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    let scored: Vec<(&str, f64)> = candidates
        .into_iter()
        .map(|c| {
            (
                c,
                strsim::normalized_damerau_levenshtein(&word, &c.to_lowercase()),
            )
        })
        .collect();
    let closest = scored
        .iter()
        .filter(|&&(_, score)| score >= 0.7)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|&(c, _)| c);
    closest.or_else(|| {
        let mut starting = scored
            .iter()
            .filter(|(c, _)| word.len() >= 3 && c.to_lowercase().starts_with(&word));
        match (starting.next(), starting.next()) {
            (Some(&(only, _)), None) => Some(only),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_only_close_words() {
        assert_eq!(did_you_mean("PHQ9", ["PHQ-9", "GAD-7"]), Some("PHQ-9"));
        assert_eq!(
            did_you_mean("sesion", ["session", "review"]),
            Some("session")
        );
        assert_eq!(did_you_mean("xyz", ["session", "review"]), None);
        assert_eq!(
            did_you_mean("unlinked", ["unlinked-intervention", "plateau"]),
            Some("unlinked-intervention")
        );
        assert_eq!(
            did_you_mean("goal", ["goal-overdue", "goal-not-measurable"]),
            None
        );
    }
}
