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
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    if let Some(meant) = synonym(word, &candidates) {
        return Some(meant);
    }
    // `l1` for `I1`, `O2` for `02`: characters that look alike.
    let folded = fold(word);
    let mut alike = candidates.iter().filter(|c| fold(c) == folded);
    if let (Some(only), None) = (alike.next(), alike.next()) {
        return Some(only);
    }
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
    // A word of three letters or more one slip away (`deu` for `due`)
    // counts too, though its normalised score is below 0.7.
    let one_slip = |c: &str| {
        word.chars().count() >= 3 && strsim::damerau_levenshtein(&word, &c.to_lowercase()) == 1
    };
    let closest = scored
        .iter()
        .filter(|&&(c, score)| score >= 0.7 || one_slip(c))
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

/// Words clinicians write for a word of careplan's sets: a status in the
/// past tense or in everyday words, a unit or attendance as services say it.
/// Offered only where the meant word is one of the candidates (a word may
/// stand for one word in each set: `complete` is `achieved` for a status,
/// `completed` for a discharge).
const SYNONYMS: &[(&str, &str)] = &[
    ("improved", "improving"),
    ("better", "improving"),
    ("worse", "worsening"),
    ("worsened", "worsening"),
    ("deteriorating", "worsening"),
    ("met", "achieved"),
    ("complete", "achieved"),
    ("completed", "achieved"),
    ("done", "achieved"),
    ("reached", "achieved"),
    ("unchanged", "no-change"),
    ("same", "no-change"),
    ("stable", "no-change"),
    ("ongoing", "in-progress"),
    ("inprogress", "in-progress"),
    ("started", "in-progress"),
    ("unmet", "not-achieved"),
    ("failed", "not-achieved"),
    ("abandoned", "not-attainable"),
    ("unattainable", "not-attainable"),
    ("maintained", "sustaining"),
    ("maintaining", "sustaining"),
    // Version 2: a course's unit, attendance, how an episode ended.
    ("visits", "sessions"),
    ("visit", "sessions"),
    ("appointments", "sessions"),
    ("treatments", "sessions"),
    ("dna", "no-show"),
    ("did-not-attend", "no-show"),
    ("missed", "no-show"),
    ("absent", "no-show"),
    ("present", "attended"),
    ("seen", "attended"),
    ("complete", "completed"),
    ("finished", "completed"),
    ("referred", "transferred"),
    ("dropped-out", "withdrew"),
    ("dropout", "withdrew"),
    ("declined", "withdrew"),
];

/// The candidate a clinical synonym of `word` stands for.
fn synonym<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase();
    SYNONYMS
        .iter()
        .filter(|(said, _)| *said == word)
        .find_map(|(_, meant)| candidates.iter().copied().find(|c| c == meant))
}

/// `word` with look-alike characters made one (l, I, 1 and | read as one;
/// O and 0 as one), case aside.
fn fold(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'l' | 'L' | 'I' | 'i' | '1' | '|' => 'i',
            'O' | 'o' | '0' => 'o',
            c => c.to_ascii_lowercase(),
        })
        .collect()
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

    #[test]
    fn knows_clinical_words_and_look_alike_characters() {
        let statuses = ["in-progress", "improving", "achieved", "not-achieved"];
        assert_eq!(did_you_mean("improved", statuses), Some("improving"));
        assert_eq!(did_you_mean("met", statuses), Some("achieved"));
        assert_eq!(did_you_mean("complete", statuses), Some("achieved"));
        assert_eq!(did_you_mean("l1", ["I1", "I2", "G1"]), Some("I1"));
        assert_eq!(did_you_mean("GO1", ["G01", "G02"]), Some("G01"));
        assert_eq!(did_you_mean("met", ["session", "review"]), None);
        assert_eq!(did_you_mean("deu", ["due", "measure"]), Some("due"));
        assert_eq!(did_you_mean("G7", ["G1", "G2"]), None);
        let kinds = ["completed", "transferred", "withdrew", "administrative"];
        assert_eq!(did_you_mean("complete", kinds), Some("completed"));
        assert_eq!(
            did_you_mean("DNA", ["attended", "no-show"]),
            Some("no-show")
        );
        assert_eq!(
            did_you_mean("visits", ["sessions", "days", "weeks"]),
            Some("sessions")
        );
    }
}
