//! Built-in clinical knowledge: outcome measures with their ranges and
//! severity bands, and the catalogue of therapy modalities and techniques.
//! Every figure cites its source beside it.

mod brands;
pub mod doses;
mod drugs;
mod indexed;
mod measures;
mod modalities;
pub mod names;
mod selector;

pub use brands::generic_of_brand;
pub use drugs::{Drug, DrugClass};
pub use measures::{Band, MeasureInfo};
pub use modalities::Modality;
pub use selector::Selector;

use crate::ast::Document;
use crate::words::Better;
use indexed::Indexed;

/// Interventions that need documented informed consent before first use:
/// exposure in every form (deliberately provoking fear; APA Clinical Practice
/// Guideline for PTSD, 2017, and the informed-consent standard 10.01 of the
/// APA Ethical Principles, 2017), TF-CBT's trauma narrative (Cohen, Mannarino
/// & Deblinger, 2017), and EMDR (Shapiro, 2018: consent to the possibility of
/// distressing material between sessions).
const CONSENT: &[&str] = &["exposure", "TF-CBT trauma-narrative", "EMDR"];

/// Action-stage interventions: they ask the client to change behaviour now,
/// which the transtheoretical model matches to the action stage, not to
/// precontemplation (Prochaska & Norcross, 2001, Psychotherapy 38:443-448).
const ACTION: &[&str] = &["exposure", "CBT behavioral-activation"];

/// A drug recognised from how a file writes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Recognised<'a> {
    /// The drug.
    pub drug: &'a Drug,
    /// When the file wrote a brand name, the generic name it stands for.
    pub brand: Option<&'static str>,
    /// What reading the name took off it (salts, forms, a dose).
    pub reading: names::Reading,
}

/// The measures and modalities a check can rely on: the built-in ones plus
/// those a file declares.
#[derive(Clone, Debug)]
pub struct Catalogue {
    measures: Indexed<MeasureInfo>,
    modalities: Indexed<Modality>,
    /// Keyed by the generic name in lower case.
    drugs: Indexed<Drug>,
    consent: Vec<Selector>,
    action: Vec<Selector>,
}

impl Default for Catalogue {
    fn default() -> Self {
        Catalogue::builtin()
    }
}

impl Catalogue {
    /// The built-in measures and modalities.
    pub fn builtin() -> Self {
        Catalogue {
            measures: Indexed::from_items(measures::builtin(), |m| m.id.clone()),
            modalities: Indexed::from_items(modalities::builtin(), |m| m.name.clone()),
            drugs: Indexed::from_items(drugs::builtin(), |d| d.name.to_lowercase()),
            consent: CONSENT.iter().filter_map(|s| Selector::parse(s)).collect(),
            action: ACTION.iter().filter_map(|s| Selector::parse(s)).collect(),
        }
    }

    /// The measures a file can use: those it declares, then the built-in
    /// ones it does not redefine.
    pub fn measures_for(&self, document: &Document) -> Measures<'_> {
        let declared = document.measures().map(|def| {
            let (min, max) = def.range.as_ref().map_or((f64::MIN, f64::MAX), |r| r.value);
            MeasureInfo {
                id: def.id.value.to_string(),
                name: def.name.value.clone(),
                min,
                max,
                better: def.better.as_ref().map_or(Better::Lower, |b| b.value),
                reliable_change: def.reliable_change.as_ref().map(|r| r.value),
                remission_below: None,
                bands: Vec::new(),
                loinc: None,
                source: "declared in this file".to_owned(),
                declared: true,
                response: true,
            }
        });
        // The first declaration of an id counts (a second is `duplicate-id`).
        let mut first = Indexed::default();
        for measure in declared {
            if !first.contains(&measure.id) {
                first.insert(measure.id.clone(), measure);
            }
        }
        let mut local = first;
        // The ORS's clinical cut-off depends on the client's age.
        if !local.contains("ORS")
            && let Some(age) = document.age_when_opened()
            && let Some(ors) = self.measures.get("ORS")
            && let Some(young) = measures::ors_for_age(ors, age)
        {
            local.insert(young.id.clone(), young);
        }
        Measures {
            local,
            known: &self.measures,
        }
    }

    /// Adds a measure, replacing a known one with the same id.
    pub fn add_measure(&mut self, measure: MeasureInfo) {
        self.measures.insert(measure.id.clone(), measure);
    }

    /// Adds a modality, or more techniques to a known one.
    pub fn add_modality(&mut self, name: &str, techniques: &[String]) {
        if !self.modalities.contains(name) {
            let new = Modality {
                name: name.to_owned(),
                techniques: Vec::new(),
            };
            self.modalities.insert(name.to_owned(), new);
        }
        if let Some(modality) = self.modalities.get_mut(name) {
            let mut known: foldhash::HashSet<String> =
                modality.techniques.iter().cloned().collect();
            for technique in techniques {
                if known.insert(technique.clone()) {
                    modality.techniques.push(technique.clone());
                }
            }
        }
    }

    /// Adds a drug by generic name. Listing a known drug under
    /// [`DrugClass::Serotonergic`] marks it serotonergic; any other class
    /// replaces its class.
    pub fn add_drug(&mut self, name: &str, class: DrugClass) {
        let serotonergic = class.serotonergic_by_default();
        let key = name.to_lowercase();
        match self.drugs.get_mut(&key) {
            Some(known) if class == DrugClass::Serotonergic => known.serotonergic = true,
            Some(known) => {
                known.class = class;
                known.serotonergic |= serotonergic;
            }
            None => {
                let drug = Drug {
                    name: name.to_lowercase(),
                    class,
                    serotonergic,
                    suicidality_warning: class.is_antidepressant(),
                    mao_inhibitor: class == DrugClass::Maoi,
                    qt_known_risk: false,
                };
                self.drugs.insert(key, drug);
            }
        }
    }

    /// Adds interventions that need documented consent before first use.
    pub fn add_consent(&mut self, selector: Selector) {
        if !self.consent.contains(&selector) {
            self.consent.push(selector);
        }
    }

    /// Every measure careplan knows (built in, or added by configuration).
    pub fn measures(&self) -> &[MeasureInfo] {
        self.measures.as_slice()
    }

    /// The drug a file names as `written`: its generic name in any case,
    /// or the name with salts, release forms or a dose taken off, a
    /// botanical name or a brand (see [`Catalogue::recognise`]).
    /// A name that is none of these but contains a known drug's name is
    /// read as that drug ([`Catalogue::drug_within`]): a safety check that
    /// guesses, and says so (`unknown-drug`), beats one that goes silent.
    pub fn drug(&self, written: &str) -> Option<&Drug> {
        self.recognise(written)
            .map(|r| r.drug)
            .or_else(|| self.drug_within(written))
    }

    /// How the drug written `written` is recognised, if it is.
    pub fn recognise(&self, written: &str) -> Option<Recognised<'_>> {
        if let Some(drug) = self.drugs.get(&written.trim().to_lowercase()) {
            return Some(Recognised {
                drug,
                brand: None,
                reading: names::Reading {
                    name: drug.name.clone(),
                    ..names::Reading::default()
                },
            });
        }
        let reading = names::read(written);
        if let Some(drug) = self.drugs.get(&reading.name) {
            return Some(Recognised {
                drug,
                brand: None,
                reading,
            });
        }
        let generic = generic_of_brand(&reading.name)?;
        Some(Recognised {
            drug: self.drugs.get(generic)?,
            brand: Some(generic),
            reading,
        })
    }

    /// A known drug whose generic name stands inside `written`, a name
    /// careplan does not recognise (`sertraline-teva`): the longest such
    /// name, taken as what was meant.
    pub fn drug_within(&self, written: &str) -> Option<&Drug> {
        let reading = names::read(written);
        self.drugs
            .as_slice()
            .iter()
            .filter(|d| d.name.len() >= 5 && reading.name.contains(d.name.as_str()))
            .max_by_key(|d| d.name.len())
    }

    /// Every drug careplan knows.
    pub fn drugs(&self) -> &[Drug] {
        self.drugs.as_slice()
    }

    /// Whether an intervention of `modality` and `technique` needs documented
    /// consent before it is first used.
    pub fn needs_consent(&self, modality: &str, technique: Option<&str>) -> bool {
        self.consent.iter().any(|s| s.matches(modality, technique))
    }

    /// Whether an intervention of `modality` and `technique` is action-stage
    /// work (it asks for behaviour change now).
    pub fn is_action_stage(&self, modality: &str, technique: Option<&str>) -> bool {
        self.action.iter().any(|s| s.matches(modality, technique))
    }

    /// The modality called `name`.
    pub fn modality(&self, name: &str) -> Option<&Modality> {
        self.modalities.get(name)
    }

    /// Every modality.
    pub fn modalities(&self) -> &[Modality] {
        self.modalities.as_slice()
    }
}

/// The measures one file can use: the ones it declares with `measure`, and
/// the known ones it does not redefine, with the ORS's cut-off set for the
/// client's age when the episode opened.
#[derive(Clone, Debug)]
pub struct Measures<'a> {
    /// This file's own: the ones it declares, and known ones adjusted to
    /// its client.
    local: Indexed<MeasureInfo>,
    known: &'a Indexed<MeasureInfo>,
}

impl Measures<'_> {
    /// The measure called `id`; the file's own hides a known one.
    pub fn get(&self, id: &str) -> Option<&MeasureInfo> {
        self.local.get(id).or_else(|| self.known.get(id))
    }

    /// Every usable measure: the file's own first.
    pub fn iter(&self) -> impl Iterator<Item = &MeasureInfo> {
        let hidden = |m: &&MeasureInfo| !self.local.contains(&m.id);
        let known = self.known.as_slice().iter().filter(hidden);
        self.local.as_slice().iter().chain(known)
    }
}

#[cfg(test)]
mod tests {
    use super::Catalogue;

    /// How clinicians write drugs: every one is recognised as the drug meant.
    #[test]
    fn drugs_are_recognised_as_clinicians_write_them() {
        let catalogue = Catalogue::builtin();
        for (written, generic) in [
            ("lithium carbonate", "lithium"),
            ("Lithium Carbonate ER", "lithium"),
            ("venlafaxine-XR", "venlafaxine"),
            ("venlafaxine XR", "venlafaxine"),
            ("Effexor XR", "venlafaxine"),
            ("sertraline-HCl", "sertraline"),
            ("sertraline hydrochloride", "sertraline"),
            ("sertraline 50mg", "sertraline"),
            ("sertraline 50 mg", "sertraline"),
            ("bupropion-XL", "bupropion"),
            ("bupropion SR", "bupropion"),
            ("Wellbutrin XL", "bupropion"),
            ("Seroquel XR", "quetiapine"),
            ("quetiapine fumarate", "quetiapine"),
            ("Hypericum perforatum", "st john's wort"),
            ("St. John's Wort", "st john's wort"),
            ("escitalopram oxalate", "escitalopram"),
            ("desvenlafaxine succinate", "desvenlafaxine"),
            ("paroxetine CR", "paroxetine"),
            ("Paxil CR", "paroxetine"),
            ("fluoxetine hydrochloride", "fluoxetine"),
            ("trazodone ER", "trazodone"),
            ("mirtazapine ODT", "mirtazapine"),
            ("Remeron SolTab", "mirtazapine"),
            ("selegiline transdermal", "selegiline"),
            ("EMSAM", "selegiline"),
            ("methylphenidate ER", "methylphenidate"),
            ("Adderall XR", "amphetamine"),
            ("dextroamphetamine sulfate", "dextroamphetamine"),
            ("divalproex sodium", "valproate"),
            ("sodium valproate", "valproate"),
            ("valproic acid", "valproate"),
            ("Depakote ER", "valproate"),
            ("Epilim Chrono", "valproate"),
            ("valproate semisodium", "valproate"),
            ("Zaponex", "clozapine"),
            ("Denzapine", "clozapine"),
            ("Liskonum", "lithium"),
            ("lithium citrate", "lithium"),
            ("tramadol hydrochloride", "tramadol"),
            ("oxycodone HCl", "oxycodone"),
            ("OxyContin", "oxycodone"),
            ("duloxetine DR", "duloxetine"),
            ("zolpidem tartrate", "zolpidem"),
            ("Ambien CR", "zolpidem"),
            ("pethidine", "meperidine"),
            ("amitriptyline 10mg", "amitriptyline"),
            ("clozapine ODT", "clozapine"),
            ("ketamine", "ketamine"),
            // UK brands and spellings, depots and compounds (clinical
            // review, December 2026).
            ("Efexor XL", "venlafaxine"),
            ("Zydol", "tramadol"),
            ("Zydol SR", "tramadol"),
            ("Oramorph", "morphine"),
            ("Zomorph", "morphine"),
            ("MST Continus", "morphine"),
            ("Butrans", "buprenorphine"),
            ("Buprenorphine patch", "buprenorphine"),
            ("Espranor", "buprenorphine"),
            ("Physeptone", "methadone"),
            ("methadone mixture 1mg/ml", "methadone"),
            ("co-codamol", "codeine"),
            ("co-codamol 30/500", "codeine"),
            ("co-dydramol", "dihydrocodeine"),
            ("co-dydramol 10/500 mg", "dihydrocodeine"),
            ("DHC Continus", "dihydrocodeine"),
            ("Zispin", "mirtazapine"),
            ("Zispin SolTab", "mirtazapine"),
            ("Molipaxin", "trazodone"),
            ("Xeplion", "paliperidone"),
            ("Invega Sustenna", "paliperidone"),
            ("paliperidone palmitate", "paliperidone"),
            ("Risperdal Consta", "risperidone"),
            ("risperidone long-acting injection", "risperidone"),
            ("Zypadhera", "olanzapine"),
            ("olanzapine embonate", "olanzapine"),
            ("Zyprexa Relprevv", "olanzapine"),
            ("Abilify Maintena", "aripiprazole"),
            ("aripiprazole LAI", "aripiprazole"),
            ("haloperidol decanoate", "haloperidol"),
            ("Clopixol", "zuclopenthixol"),
            ("Clopixol Acuphase", "zuclopenthixol"),
            ("zuclopenthixol decanoate", "zuclopenthixol"),
            ("Depixol", "flupentixol"),
            ("flupentixol decanoate", "flupentixol"),
            ("flupenthixol", "flupentixol"),
            ("fluphenazine decanoate", "fluphenazine"),
            ("Strattera", "atomoxetine"),
            ("atomoxetine", "atomoxetine"),
            ("Li carbonate", "lithium"),
            ("St. John's Wort extract", "st john's wort"),
            ("St John's wort", "st john's wort"),
            ("SJW", "st john's wort"),
            ("Seroquel XL", "quetiapine"),
            ("Equasym XL", "methylphenidate"),
            ("Medikinet XL", "methylphenidate"),
            ("Xaggitin XL", "methylphenidate"),
            ("Klaricid XL", "clarithromycin"),
            ("clarithromycin", "clarithromycin"),
            ("erythromycin", "erythromycin"),
            ("erythromycin ethylsuccinate", "erythromycin"),
            ("azithromycin", "azithromycin"),
            ("Zithromax", "azithromycin"),
            ("levofloxacin", "levofloxacin"),
            ("moxifloxacin", "moxifloxacin"),
            ("ciprofloxacin", "ciprofloxacin"),
            ("Ciproxin", "ciprofloxacin"),
            ("fluconazole", "fluconazole"),
            ("Diflucan", "fluconazole"),
            ("hydroxychloroquine sulfate", "hydroxychloroquine"),
            ("Plaquenil", "hydroxychloroquine"),
            ("droperidol", "droperidol"),
            // The levo-enantiomer is read as its racemate, and `unknown-drug`
            // says so.
            ("levosulpiride", "sulpiride"),
            ("Sertraline hydrochloride 50 mg tablets", "sertraline"),
        ] {
            let found = catalogue.drug(written).map(|d| d.name.as_str());
            assert_eq!(found, Some(generic), "{written}");
        }
        assert_eq!(
            catalogue
                .recognise("sertraline 50mg")
                .and_then(|r| r.reading.dose),
            Some("50mg".to_owned())
        );
        assert_eq!(
            catalogue.recognise("Effexor XR").and_then(|r| r.brand),
            Some("venlafaxine")
        );
        // A compound's strengths are a dose in the name, not a new name.
        assert_eq!(
            catalogue
                .recognise("co-codamol 30/500")
                .and_then(|r| r.reading.dose),
            Some("30/500".to_owned())
        );
        assert_eq!(
            catalogue
                .drug_within("sertraline-teva")
                .map(|d| d.name.as_str()),
            Some("sertraline")
        );
    }
}
