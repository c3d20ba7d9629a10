//! The built-in catalogue of therapy modalities and their techniques.

use serde::Serialize;

/// A therapy modality and the techniques it names.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Modality {
    /// Its name as written in files (`CBT`).
    pub name: String,
    /// Its techniques (`cognitive-restructuring`, ...).
    pub techniques: Vec<String>,
}

/// The built-in modalities.
pub(super) fn builtin() -> Vec<Modality> {
    Vec::new()
}
