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
///
/// Names are generic (INN or USAN), in lower case; files may write them in
/// any case. `serotonergic` marks agents that raise synaptic serotonin enough
/// to count toward serotonin syndrome (toxicity) when combined: Boyer &
/// Shannon (2005), "The serotonin syndrome", N Engl J Med 352:1112-1120,
/// Table 1 "Drugs and interactions associated with the serotonin syndrome",
/// and the serotonin-syndrome warnings in each drug's FDA prescribing
/// information. Classes follow Stahl's Essential Psychopharmacology (5th ed.,
/// 2021) and the BNF's chapter 4.3 groupings.
const BUILTIN: &[(&str, DrugClass, bool)] = &[
    // Selective serotonin reuptake inhibitors: all serotonergic (Boyer &
    // Shannon 2005, Table 1; Stahl 2021, ch. 7).
    ("citalopram", DrugClass::Ssri, true),
    ("escitalopram", DrugClass::Ssri, true),
    ("fluoxetine", DrugClass::Ssri, true),
    ("fluvoxamine", DrugClass::Ssri, true),
    ("paroxetine", DrugClass::Ssri, true),
    ("sertraline", DrugClass::Ssri, true),
    // Serotonin-noradrenaline reuptake inhibitors: all serotonergic (Boyer &
    // Shannon 2005 name venlafaxine; FDA labels of each carry the
    // serotonin-syndrome warning). Milnacipran is licensed in the US for
    // fibromyalgia only, but is an SNRI all the same.
    ("venlafaxine", DrugClass::Snri, true),
    ("desvenlafaxine", DrugClass::Snri, true),
    ("duloxetine", DrugClass::Snri, true),
    ("levomilnacipran", DrugClass::Snri, true),
    ("milnacipran", DrugClass::Snri, true),
    // Tricyclic antidepressants (Stahl 2021, ch. 7; BNF 4.3.1). Boyer &
    // Shannon 2005 name clomipramine; every TCA's FDA prescribing information
    // carries the class serotonin-syndrome warning, and the BNF lists TCAs
    // with SSRIs as raising the risk, so all count. (Gillman 2007, Br J
    // Pharmacol 151:737-748, argues only clomipramine and imipramine are
    // potent enough to cause severe toxicity; the warning errs on the side
    // of caution.)
    ("amitriptyline", DrugClass::Tca, true),
    ("nortriptyline", DrugClass::Tca, true),
    ("imipramine", DrugClass::Tca, true),
    ("desipramine", DrugClass::Tca, true),
    ("clomipramine", DrugClass::Tca, true),
    ("doxepin", DrugClass::Tca, true),
    ("trimipramine", DrugClass::Tca, true),
    ("protriptyline", DrugClass::Tca, true),
    ("amoxapine", DrugClass::Tca, true),
    // Monoamine oxidase inhibitors: the most dangerous partners of any other
    // serotonergic drug (Boyer & Shannon 2005, Table 1: phenelzine,
    // moclobemide, isocarboxazid; BNF 4.3.2). Selegiline as the transdermal
    // antidepressant (and MAO-B selectivity is lost at higher doses).
    ("phenelzine", DrugClass::Maoi, true),
    ("tranylcypromine", DrugClass::Maoi, true),
    ("isocarboxazid", DrugClass::Maoi, true),
    ("selegiline", DrugClass::Maoi, true),
    ("moclobemide", DrugClass::Maoi, true),
    // Other antidepressants (Stahl 2021, ch. 7). Trazodone and nefazodone:
    // Boyer & Shannon 2005, Table 1; mirtazapine, vortioxetine and vilazodone:
    // serotonin-syndrome warning in their FDA prescribing information.
    // Not serotonergic: bupropion (noradrenaline-dopamine reuptake
    // inhibitor), agomelatine (melatonin agonist, 5-HT2C antagonist) and
    // esketamine (NMDA antagonist).
    ("bupropion", DrugClass::OtherAntidepressant, false),
    ("mirtazapine", DrugClass::OtherAntidepressant, true),
    ("trazodone", DrugClass::OtherAntidepressant, true),
    ("nefazodone", DrugClass::OtherAntidepressant, true),
    ("vortioxetine", DrugClass::OtherAntidepressant, true),
    ("vilazodone", DrugClass::OtherAntidepressant, true),
    ("agomelatine", DrugClass::OtherAntidepressant, false),
    ("esketamine", DrugClass::OtherAntidepressant, false),
    // Opioids with serotonergic activity: Boyer & Shannon 2005, Table 1
    // (meperidine, fentanyl, tramadol); FDA Drug Safety Communication of
    // 22 March 2016 requiring serotonin-syndrome warnings on opioids, most
    // cases being with tramadol, tapentadol, methadone, meperidine and
    // fentanyl. Pethidine is meperidine's international name.
    ("tramadol", DrugClass::Serotonergic, true),
    ("tapentadol", DrugClass::Serotonergic, true),
    ("meperidine", DrugClass::Serotonergic, true),
    ("pethidine", DrugClass::Serotonergic, true),
    ("methadone", DrugClass::Serotonergic, true),
    ("fentanyl", DrugClass::Serotonergic, true),
    // Cough suppressant: Boyer & Shannon 2005, Table 1.
    ("dextromethorphan", DrugClass::Serotonergic, true),
    // Triptans: FDA Public Health Advisory of 19 July 2006 on triptans with
    // SSRIs or SNRIs; Boyer & Shannon 2005, Table 1 (sumatriptan).
    ("sumatriptan", DrugClass::Serotonergic, true),
    ("rizatriptan", DrugClass::Serotonergic, true),
    ("zolmitriptan", DrugClass::Serotonergic, true),
    ("naratriptan", DrugClass::Serotonergic, true),
    ("eletriptan", DrugClass::Serotonergic, true),
    ("almotriptan", DrugClass::Serotonergic, true),
    ("frovatriptan", DrugClass::Serotonergic, true),
    // MAO-inhibiting anti-infective and dye: FDA Drug Safety Communications
    // of 26 July 2011 (linezolid; methylene blue) with serotonergic
    // psychiatric drugs; Boyer & Shannon 2005, Table 1 (linezolid).
    ("linezolid", DrugClass::Serotonergic, true),
    ("methylene blue", DrugClass::Serotonergic, true),
    // Lithium, buspirone and St John's wort: Boyer & Shannon 2005, Table 1.
    // St John's wort (Hypericum perforatum) under its usual spellings.
    // Ondansetron is left out: its place on serotonin-syndrome lists is
    // debated (FDA 2014 label change for 5-HT3 antagonists versus few
    // convincing cases).
    ("lithium", DrugClass::Serotonergic, true),
    ("buspirone", DrugClass::Serotonergic, true),
    ("st john's wort", DrugClass::Serotonergic, true),
    ("st. john's wort", DrugClass::Serotonergic, true),
    ("st john\u{2019}s wort", DrugClass::Serotonergic, true),
    ("hypericum", DrugClass::Serotonergic, true),
];

/// Brand names of the built-in drugs, lower case: `(brand, generic name)`.
///
/// Files should name drugs generically; these let careplan say which generic
/// name a brand stands for. US brands as in each drug's FDA prescribing
/// information (DailyMed), UK brands as in the BNF's medicinal forms.
const BRANDS: &[(&str, &str)] = &[
    ("prozac", "fluoxetine"),
    ("sarafem", "fluoxetine"),
    ("zoloft", "sertraline"),
    ("lustral", "sertraline"),
    ("celexa", "citalopram"),
    ("cipramil", "citalopram"),
    ("lexapro", "escitalopram"),
    ("cipralex", "escitalopram"),
    ("paxil", "paroxetine"),
    ("seroxat", "paroxetine"),
    ("luvox", "fluvoxamine"),
    ("faverin", "fluvoxamine"),
    ("effexor", "venlafaxine"),
    ("pristiq", "desvenlafaxine"),
    ("cymbalta", "duloxetine"),
    ("fetzima", "levomilnacipran"),
    ("savella", "milnacipran"),
    ("anafranil", "clomipramine"),
    ("tofranil", "imipramine"),
    ("pamelor", "nortriptyline"),
    ("nardil", "phenelzine"),
    ("parnate", "tranylcypromine"),
    ("marplan", "isocarboxazid"),
    ("emsam", "selegiline"),
    ("wellbutrin", "bupropion"),
    ("zyban", "bupropion"),
    ("remeron", "mirtazapine"),
    ("desyrel", "trazodone"),
    ("trintellix", "vortioxetine"),
    ("brintellix", "vortioxetine"),
    ("viibryd", "vilazodone"),
    ("valdoxan", "agomelatine"),
    ("spravato", "esketamine"),
    ("ultram", "tramadol"),
    ("nucynta", "tapentadol"),
    ("demerol", "meperidine"),
    ("imitrex", "sumatriptan"),
    ("imigran", "sumatriptan"),
    ("maxalt", "rizatriptan"),
    ("zomig", "zolmitriptan"),
    ("zyvox", "linezolid"),
    ("buspar", "buspirone"),
];

/// The generic name of the built-in drug sold as `brand` (any case).
pub fn generic_of_brand(brand: &str) -> Option<&'static str> {
    BRANDS
        .iter()
        .find(|(b, _)| b.eq_ignore_ascii_case(brand.trim()))
        .map(|&(_, generic)| generic)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn drug(name: &str) -> Drug {
        builtin()
            .into_iter()
            .find(|d| d.name.eq_ignore_ascii_case(name))
            .unwrap_or_else(|| panic!("{name} is built in"))
    }

    #[test]
    fn every_brand_names_a_built_in_drug() {
        for (brand, generic) in BRANDS {
            assert_eq!(*brand, brand.to_lowercase());
            drug(generic);
        }
        assert_eq!(generic_of_brand("Zoloft"), Some("sertraline"));
        assert_eq!(generic_of_brand("sertraline"), None);
    }

    #[test]
    fn names_are_lower_case_and_listed_once() {
        let all = builtin();
        for (i, d) in all.iter().enumerate() {
            assert_eq!(
                d.name,
                d.name.to_lowercase(),
                "{} is not lower case",
                d.name
            );
            assert!(
                all.iter().skip(i + 1).all(|o| o.name != d.name),
                "{} twice",
                d.name
            );
        }
    }

    #[test]
    fn classes_and_serotonergic_flags() {
        assert_eq!(drug("sertraline").class, DrugClass::Ssri);
        assert_eq!(drug("duloxetine").class, DrugClass::Snri);
        assert_eq!(drug("clomipramine").class, DrugClass::Tca);
        assert_eq!(drug("phenelzine").class, DrugClass::Maoi);
        assert_eq!(drug("tramadol").class, DrugClass::Serotonergic);
        for name in ["bupropion", "agomelatine", "esketamine"] {
            assert!(!drug(name).serotonergic, "{name}");
            assert!(drug(name).class.is_antidepressant(), "{name}");
        }
        for d in builtin() {
            if d.class != DrugClass::OtherAntidepressant {
                assert!(d.serotonergic, "{} should be serotonergic", d.name);
            }
        }
        assert!(!drug("lithium").class.is_antidepressant());
        assert!(builtin().iter().all(|d| d.name != "ondansetron"));
    }

    #[test]
    fn multi_word_names_match_as_written_in_files() {
        assert!(drug("St John's wort").serotonergic);
        assert!(drug("Methylene Blue").serotonergic);
        assert!(drug("SERTRALINE").serotonergic);
    }
}
