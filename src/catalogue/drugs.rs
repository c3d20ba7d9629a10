//! Drugs careplan knows by generic name: antidepressants by class, and other
//! agents that raise serotonin. The medication safety rules read this table.

use serde::Serialize;

/// A drug's class, as the medication rules need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DrugClass {
    /// Selective serotonin reuptake inhibitor.
    Ssri,
    /// Serotonin-noradrenaline reuptake inhibitor.
    Snri,
    /// Tricyclic antidepressant.
    Tca,
    /// Monoamine oxidase inhibitor.
    Maoi,
    /// Any other antidepressant (bupropion, mirtazapine, trazodone, ...).
    OtherAntidepressant,
    /// Not an antidepressant, but raises serotonin (tramadol, triptans, ...).
    Serotonergic,
}

impl DrugClass {
    /// Every class, as written in configuration.
    pub const WORDS: &'static [&'static str] = &[
        "ssri",
        "snri",
        "tca",
        "maoi",
        "other-antidepressant",
        "serotonergic",
    ];

    /// The class written `word` in configuration.
    pub fn from_word(word: &str) -> Option<Self> {
        Some(match word {
            "ssri" => DrugClass::Ssri,
            "snri" => DrugClass::Snri,
            "tca" => DrugClass::Tca,
            "maoi" => DrugClass::Maoi,
            "other-antidepressant" => DrugClass::OtherAntidepressant,
            "serotonergic" => DrugClass::Serotonergic,
            _ => return None,
        })
    }

    /// Whether drugs of this class are antidepressants.
    pub fn is_antidepressant(self) -> bool {
        self != DrugClass::Serotonergic
    }
}

/// One drug by generic name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Drug {
    /// Its generic name, lower case (`sertraline`).
    pub name: String,
    /// Its class.
    pub class: DrugClass,
    /// Whether it raises serotonin enough to count toward serotonin syndrome.
    pub serotonergic: bool,
}

/// The built-in drugs: `(generic name, class, serotonergic)`.
const BUILTIN: &[(&str, DrugClass, bool)] = &[
    ("sertraline", DrugClass::Ssri, true),
    ("fluoxetine", DrugClass::Ssri, true),
    ("bupropion", DrugClass::OtherAntidepressant, false),
    ("tramadol", DrugClass::Serotonergic, true),
];

/// The built-in drugs.
pub(super) fn builtin() -> Vec<Drug> {
    BUILTIN
        .iter()
        .map(|&(name, class, serotonergic)| Drug {
            name: name.to_owned(),
            class,
            serotonergic,
        })
        .collect()
}
