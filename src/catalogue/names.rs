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
    // Erythromycin's esters and salts (BNF, "Erythromycin").
    "ethylsuccinate",
    "stearate",
    "lactobionate",
    // The esters and salts of long-acting injections: haloperidol,
    // fluphenazine, flupentixol and zuclopenthixol decanoate; fluphenazine
    // enanthate; paliperidone palmitate; olanzapine embonate (the BNF's
    // name for pamoate); aripiprazole monohydrate and lauroxil (BNF,
    // "Antipsychotic depot injections"; FDA labels of Abilify Maintena and
    // Aristada).
    "decanoate",
    "enanthate",
    "palmitate",
    "embonate",
    "monohydrate",
    "lauroxil",
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
    "mixture",
    "suspension",
    "orodispersible",
    "velotab",
    // Continus, Napp's modified-release tablets (MST Continus, DHC
    // Continus; BNF medicinal forms).
    "continus",
    // Long-acting injections, written after the drug or the brand
    // (`"Abilify Maintena"`, `"Invega Sustenna"`, `"Risperdal Consta"`,
    // `"Zyprexa Relprevv"`, `"Clopixol Acuphase"`: FDA labels and the BNF).
    "lai",
    "long-acting",
    "long",
    "acting",
    "maintena",
    "asimtufii",
    "sustenna",
    "trinza",
    "hafyera",
    "consta",
    "relprevv",
    "acuphase",
    // A herbal extract is the herb (`"St John's wort extract"`).
    "extract",
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
    ("sjw", "st john's wort"),
    // Lithium by its chemical symbol (`"Li carbonate"`).
    ("li", "lithium"),
    // The older British Approved Name (BNF).
    ("flupenthixol", "flupentixol"),
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

/// The BNF's names of compound analgesics, read as their opioid (the
/// paracetamol in each is not in the catalogue): co-codamol is codeine
/// phosphate with paracetamol, co-dydramol dihydrocodeine tartrate with
/// paracetamol (BNF, "Co-codamol", "Co-dydramol").
const COMPOUNDS: &[(&str, &str)] = &[("co-codamol", "codeine"), ("co-dydramol", "dihydrocodeine")];

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
    /// The compound the name stands for (`co-codamol`), when `name` is only
    /// its opioid: the name a file should keep writing.
    pub compound: Option<&'static str>,
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
    let compound = COMPOUNDS.iter().find(|(c, _)| *c == name);
    if let Some(&(_, opioid)) = compound {
        name = opioid.to_owned();
    }
    Reading {
        name,
        dose: (!dose.is_empty()).then(|| dose.join(" ")),
        trimmed,
        compound: compound.map(|&(c, _)| c),
    }
}

fn is_suffix(word: &str) -> bool {
    SALTS.contains(&word) || FORMS.contains(&word)
}

/// A number, or a number with its unit joined on (`50`, `37.5mg`, `10mcg`),
/// or the strengths of a compound (`30/500`, `10/500mg`: co-codamol's
/// codeine and paracetamol in mg, as the BNF writes them).
fn is_amount(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic() || c == '/');
    let unit = word.get(digits.len()..).unwrap_or("");
    let number = |n: &str| {
        n.chars().all(|c| c.is_ascii_digit() || c == '.')
            && n.chars().next().is_some_and(|c| c.is_ascii_digit())
    };
    !digits.is_empty() && digits.split('/').all(number) && (unit.is_empty() || is_unit(unit))
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
            ("Efexor XL", "efexor"),
            ("Abilify Maintena", "abilify"),
            ("flupentixol decanoate", "flupentixol"),
            ("paliperidone palmitate", "paliperidone"),
            ("risperidone long-acting injection", "risperidone"),
            ("risperidone long acting injection", "risperidone"),
            ("aripiprazole LAI", "aripiprazole"),
            ("St. John's Wort extract", "st john's wort"),
            ("SJW", "st john's wort"),
            ("Li carbonate", "lithium"),
            ("MST Continus", "mst"),
            ("co-codamol", "codeine"),
        ] {
            assert_eq!(read(written).name, name, "{written}");
        }
        let dosed = read("sertraline 50mg");
        assert_eq!(dosed.name, "sertraline");
        assert_eq!(dosed.dose.as_deref(), Some("50mg"));
        assert_eq!(read("venlafaxine 37.5 mg").dose.as_deref(), Some("37.5 mg"));
        let compound = read("co-codamol 30/500");
        assert_eq!(compound.name, "codeine");
        assert_eq!(compound.dose.as_deref(), Some("30/500"));
        assert_eq!(compound.compound, Some("co-codamol"));
        assert_eq!(
            read("co-dydramol 10/500 mg").dose.as_deref(),
            Some("10/500 mg")
        );
        assert_eq!(
            read("methadone mixture 1mg/ml").dose.as_deref(),
            Some("1mg/ml")
        );
        // A slash between words is not a strength.
        assert_eq!(read("a/b").dose, None);
        assert_eq!(read("sertraline").dose, None);
        assert!(!read("sertraline").trimmed);
        assert!(read("sertraline-HCl").trimmed);
    }
}
