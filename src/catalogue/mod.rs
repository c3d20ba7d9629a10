//! Built-in clinical knowledge: outcome measures with their ranges and
//! severity bands, and the catalogue of therapy modalities and techniques.
//! Every figure cites its source beside it.

mod drugs;
mod measures;
mod modalities;
mod selector;

pub use drugs::{Drug, DrugClass, generic_of_brand};
pub use measures::{Band, MeasureInfo};
pub use modalities::Modality;
pub use selector::Selector;

use crate::ast::Document;
use crate::words::Better;

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

/// The measures and modalities a check can rely on: the built-in ones plus
/// those a file declares.
#[derive(Clone, Debug)]
pub struct Catalogue {
    measures: Vec<MeasureInfo>,
    modalities: Vec<Modality>,
    drugs: Vec<Drug>,
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
            measures: measures::builtin(),
            modalities: modalities::builtin(),
            drugs: drugs::builtin(),
            consent: CONSENT.iter().filter_map(|s| Selector::parse(s)).collect(),
            action: ACTION.iter().filter_map(|s| Selector::parse(s)).collect(),
        }
    }

    /// The measures a file can use: those it declares, then the built-in
    /// ones it does not redefine.
    pub fn measures_for(&self, document: &Document) -> Measures<'_> {
        let declared = document
            .measures()
            .map(|def| {
                let (min, max) = def.range.as_ref().map_or((f64::MIN, f64::MAX), |r| r.value);
                MeasureInfo {
                    id: def.id.value.clone(),
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
                }
            })
            .collect();
        Measures {
            declared,
            known: &self.measures,
        }
    }

    /// Adds a measure, replacing a known one with the same id.
    pub fn add_measure(&mut self, measure: MeasureInfo) {
        self.measures.retain(|m| m.id != measure.id);
        self.measures.push(measure);
    }

    /// Adds a modality, or more techniques to a known one.
    pub fn add_modality(&mut self, name: &str, techniques: &[String]) {
        let index = match self.modalities.iter().position(|m| m.name == name) {
            Some(index) => index,
            None => {
                self.modalities.push(Modality {
                    name: name.to_owned(),
                    techniques: Vec::new(),
                });
                self.modalities.len() - 1
            }
        };
        if let Some(modality) = self.modalities.get_mut(index) {
            for technique in techniques {
                if !modality.has_technique(technique) {
                    modality.techniques.push(technique.clone());
                }
            }
        }
    }

    /// Adds a drug by generic name. Listing a known drug under
    /// [`DrugClass::Serotonergic`] marks it serotonergic; any other class
    /// replaces its class.
    pub fn add_drug(&mut self, name: &str, class: DrugClass) {
        let serotonergic = class != DrugClass::OtherAntidepressant;
        match self
            .drugs
            .iter_mut()
            .find(|d| d.name.eq_ignore_ascii_case(name))
        {
            Some(known) if class == DrugClass::Serotonergic => known.serotonergic = true,
            Some(known) => {
                known.class = class;
                known.serotonergic |= serotonergic;
            }
            None => self.drugs.push(Drug {
                name: name.to_lowercase(),
                class,
                serotonergic,
            }),
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
        &self.measures
    }

    /// The drug with generic `name`, matched without regard to case.
    pub fn drug(&self, name: &str) -> Option<&Drug> {
        self.drugs
            .iter()
            .find(|d| d.name.eq_ignore_ascii_case(name))
    }

    /// Every drug careplan knows.
    pub fn drugs(&self) -> &[Drug] {
        &self.drugs
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
        self.modalities.iter().find(|m| m.name == name)
    }

    /// Every modality.
    pub fn modalities(&self) -> &[Modality] {
        &self.modalities
    }
}

/// The measures one file can use: the ones it declares with `measure`, and
/// the known ones it does not redefine.
#[derive(Clone, Debug)]
pub struct Measures<'a> {
    declared: Vec<MeasureInfo>,
    known: &'a [MeasureInfo],
}

impl Measures<'_> {
    /// The measure called `id`; a declared measure hides a known one.
    pub fn get(&self, id: &str) -> Option<&MeasureInfo> {
        self.declared
            .iter()
            .find(|m| m.id == id)
            .or_else(|| self.known.iter().find(|m| m.id == id))
    }

    /// Every usable measure: declared ones first.
    pub fn iter(&self) -> impl Iterator<Item = &MeasureInfo> {
        let hidden = |m: &&MeasureInfo| self.declared.iter().all(|d| d.id != m.id);
        self.declared.iter().chain(self.known.iter().filter(hidden))
    }
}
