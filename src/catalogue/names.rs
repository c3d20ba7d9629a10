//! Reading a drug's name as clinicians write it: `"lithium carbonate"`,
//! `venlafaxine-XR`, `sertraline-HCl`, `"Effexor XR"`, `Hypericum
//! perforatum`, `"sertraline 50mg"`. The name is reduced to the generic
//! name the catalogue holds; what was taken off is kept, so a rule can say
//! so (a dose belongs on the `dose` line).

/// Salts and esters that name the same active drug (USP Salt Policy, 2013;
/// the BNF lists a drug once whatever its salt). Matched as whole words.
const SALTS: &[&str] = &[
    "hydrochloride",
    "hcl",
    "hydrobromide",
    "hbr",
    "carbonate",
    "citrate",
    "oxalate",
    "succinate",
    "fumarate",
    "hemifumarate",
    "maleate",
    "mesylate",
    "besylate",
    "sodium",
    "potassium",
    "pamoate",
    "tartrate",
    "sulfate",
    "sulphate",
    "phosphate",
    "acetate",
    "bromide",
    "semisodium",
];

/// Release and dosage-form words written after a name: modified release
/// (XR, ER, SR, XL, CR, DR, LA, CD; Chrono and Chronosphere, valproate's in
/// the BNF), orally disintegrating (ODT), immediate release (IR) and the
/// spelled-out forms (FDA labels and BNF medicinal forms). They change how
/// a drug is taken, not which drug it is.
const FORMS: &[&str] = &[
    "xr",
    "er",
    "sr",
    "xl",
    "cr",
    "dr",
    "la",
    "cd",
    "odt",
    "soltab",
    "solutab",
    "ir",
    "mr",
    "extended-release",
    "extended",
    "release",
    "modified-release",
    "modified",
    "sustained-release",
    "delayed-release",
    "controlled-release",
    "immediate-release",
    "prolonged-release",
    "chrono",
    "chronosphere",
    "transdermal",
    "patch",
    "tablet",
    "tablets",
    "tab",
    "tabs",
    "capsule",
    "capsules",
    "cap",
    "caps",
    "oral",
    "solution",
    "liquid",
    "injection",
    "depot",
    "nasal",
    "spray",
];

/// Botanical and other names that stand for one catalogue name.
const SYNONYMS: &[(&str, &str)] = &[
    // St John's wort is Hypericum perforatum (European Medicines Agency
    // herbal monograph EMA/HMPC/101304/2008).
    ("hypericum perforatum", "st john's wort"),
    ("hypericum", "st john's wort"),
    ("st. john's wort", "st john's wort"),
    ("st john\u{2019}s wort", "st john's wort"),
    ("saint john's wort", "st john's wort"),
    ("st johns wort", "st john's wort"),
    // International and US names of one drug (WHO INN; USAN).
    ("pethidine", "meperidine"),
    ("valproic acid", "valproate"),
    ("sodium valproate", "valproate"),
    ("semisodium valproate", "valproate"),
    ("divalproex", "valproate"),
    ("paracetamol", "acetaminophen"),
    ("dexamfetamine", "dextroamphetamine"),
    ("amfetamine", "amphetamine"),
    ("methylthioninium chloride", "methylene blue"),
];

/// What reading a written drug name took off it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// The name as the catalogue would hold it: lower case, salts, forms
    /// and any dose taken off, synonyms replaced.
    pub name: String,
    /// A dose written into the name (`50mg`, `50 mg`), as written.
    pub dose: Option<String>,
    /// Whether a salt or form word was taken off.
    pub trimmed: bool,
}

/// Reads `written` as a drug name.
pub fn read(written: &str) -> Reading {
    let lower = written.trim().to_lowercase();
    let spaced: String = lower
        .chars()
        .map(|c| if c == '_' { ' ' } else { c })
        .collect();
    let mut words: Vec<&str> = spaced.split_whitespace().collect();
    let mut dose = Vec::new();
    let mut trimmed = false;
    // A dose: a number with or without its unit, then its unit (`50mg`,
    // `50 mg`, `37.5mg`, `0.5 mg/day`).
    let mut kept = Vec::with_capacity(words.len());
    let mut i = 0;
    while let Some(&word) = words.get(i) {
        if is_amount(word) {
            dose.push(word);
            if let Some(&unit) = words.get(i + 1).filter(|u| is_unit(u)) {
                dose.push(unit);
                i += 1;
            }
        } else if !dose.is_empty() && is_unit(word) {
            dose.push(word);
        } else {
            kept.push(word);
        }
        i += 1;
    }
    words = kept;
    // Hyphenated suffixes: `venlafaxine-xr`, `sertraline-hcl`, `bupropion-xl`.
    let mut parts: Vec<String> = Vec::new();
    for word in words {
        let mut pieces: Vec<&str> = word.split('-').collect();
        while pieces.len() > 1 && pieces.last().is_some_and(|p| is_suffix(p)) {
            pieces.pop();
            trimmed = true;
        }
        parts.push(pieces.join("-"));
    }
    let before = parts.len();
    // Salt and form words after the first: `lithium carbonate`, `"Effexor XR"`.
    let mut kept: Vec<String> = Vec::with_capacity(parts.len());
    for (at, part) in parts.into_iter().enumerate() {
        if at > 0 && is_suffix(&part) {
            continue;
        }
        kept.push(part);
    }
    trimmed |= kept.len() < before;
    let mut name = kept.join(" ");
    if let Some(&(_, canonical)) = SYNONYMS.iter().find(|(s, _)| *s == name) {
        name = canonical.to_owned();
    }
    Reading {
        name,
        dose: (!dose.is_empty()).then(|| dose.join(" ")),
        trimmed,
    }
}

fn is_suffix(word: &str) -> bool {
    SALTS.contains(&word) || FORMS.contains(&word)
}

/// A number, or a number with its unit joined on (`50`, `37.5mg`, `10mcg`).
fn is_amount(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic() || c == '/');
    let unit = word.get(digits.len()..).unwrap_or("");
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().next().is_some_and(|c| c.is_ascii_digit())
        && (unit.is_empty() || is_unit(unit))
}

/// A unit of dose (`mg`, `mcg`, `µg`, `g`, `ml`, `mg/day`).
fn is_unit(word: &str) -> bool {
    let unit = word.split('/').next().unwrap_or(word);
    matches!(
        unit,
        "mg" | "mcg" | "µg" | "ug" | "g" | "ml" | "iu" | "units"
    )
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn salts_forms_and_doses_come_off() {
        for (written, name) in [
            ("lithium carbonate", "lithium"),
            ("venlafaxine-XR", "venlafaxine"),
            ("sertraline-HCl", "sertraline"),
            ("bupropion-XL", "bupropion"),
            ("Effexor XR", "effexor"),
            ("Hypericum perforatum", "st john's wort"),
            ("quetiapine fumarate extended-release", "quetiapine"),
            ("Seroquel XR", "seroquel"),
            ("methylene blue", "methylene blue"),
            ("dextromethorphan-bupropion", "dextromethorphan-bupropion"),
            ("olanzapine-fluoxetine", "olanzapine-fluoxetine"),
            ("selegiline transdermal", "selegiline"),
            ("divalproex sodium", "valproate"),
        ] {
            assert_eq!(read(written).name, name, "{written}");
        }
        let dosed = read("sertraline 50mg");
        assert_eq!(dosed.name, "sertraline");
        assert_eq!(dosed.dose.as_deref(), Some("50mg"));
        assert_eq!(read("venlafaxine 37.5 mg").dose.as_deref(), Some("37.5 mg"));
        assert_eq!(read("sertraline").dose, None);
        assert!(!read("sertraline").trimmed);
        assert!(read("sertraline-HCl").trimmed);
    }
}
