//! [`Selector`]: names a modality, or one technique of it, so that tables of
//! clinical knowledge can say "exposure in every form" or "TF-CBT's trauma
//! narrative".

use serde::Serialize;

/// A modality, optionally narrowed to one technique.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Selector {
    /// The modality (`exposure`).
    pub modality: String,
    /// The technique; `None` selects every technique of the modality.
    pub technique: Option<String>,
}

impl Selector {
    /// Reads `"MODALITY"` or `"MODALITY TECHNIQUE"`.
    pub fn parse(text: &str) -> Option<Selector> {
        let mut words = text.split_whitespace();
        let modality = words.next()?.to_owned();
        let technique = words.next().map(str::to_owned);
        words.next().is_none().then_some(Selector {
            modality,
            technique,
        })
    }

    /// Whether an intervention of `modality` and `technique` is selected.
    pub fn matches(&self, modality: &str, technique: Option<&str>) -> bool {
        self.modality == modality
            && self
                .technique
                .as_deref()
                .is_none_or(|wanted| technique == Some(wanted))
    }
}

impl std::fmt::Display for Selector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.technique {
            Some(technique) => write!(f, "{} {technique}", self.modality),
            None => f.write_str(&self.modality),
        }
    }
}
