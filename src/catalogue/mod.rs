//! Built-in clinical knowledge: outcome measures with their ranges and
//! severity bands, and the catalogue of therapy modalities and techniques.
//! Every figure cites its source beside it.

mod measures;
mod modalities;

pub use measures::{Band, MeasureInfo};
pub use modalities::Modality;

use crate::ast::Document;
use crate::words::Better;

/// The measures and modalities a check can rely on: the built-in ones plus
/// those a file declares.
#[derive(Clone, Debug)]
pub struct Catalogue {
    measures: Vec<MeasureInfo>,
    modalities: Vec<Modality>,
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
        }
    }

    /// This catalogue plus the measures `document` declares; a declared
    /// measure replaces a built-in one with the same id.
    pub fn with_document(&self, document: &Document) -> Self {
        let mut catalogue = self.clone();
        for def in document.measures() {
            let (min, max) = def.range.as_ref().map_or((f64::MIN, f64::MAX), |r| r.value);
            let info = MeasureInfo {
                id: def.id.value.clone(),
                name: def.name.value.clone(),
                min,
                max,
                better: def.better.as_ref().map_or(Better::Lower, |b| b.value),
                reliable_change: def.reliable_change.as_ref().map(|r| r.value),
                bands: Vec::new(),
                loinc: None,
                source: "declared in this file".to_owned(),
                declared: true,
            };
            catalogue.measures.retain(|m| m.id != info.id);
            catalogue.measures.push(info);
        }
        catalogue
    }

    /// The measure called `id`.
    pub fn measure(&self, id: &str) -> Option<&MeasureInfo> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// Every measure.
    pub fn measures(&self) -> &[MeasureInfo] {
        &self.measures
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
