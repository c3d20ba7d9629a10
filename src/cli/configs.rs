//! Configuration for the commands that check plans: one `careplan.toml`
//! per folder, found by walking up, or one given with `--config`.

use careplan::CheckOptions;
use careplan::config::Config;
use jiff::civil::Date;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};

/// Check options per configuration file, loaded once each.
pub struct Configs {
    today: Date,
    fixed: Option<CheckOptions>,
    found: HashMap<Option<PathBuf>, CheckOptions>,
}

impl Configs {
    /// Options judging plans on `today`, from `fixed` or by discovery.
    pub fn new(today: Date, fixed: Option<&Path>) -> Result<Self, String> {
        let fixed = match fixed {
            Some(path) => Some(
                Config::load(path)
                    .map_err(|e| e.to_string())?
                    .options(today),
            ),
            None => None,
        };
        Ok(Configs {
            today,
            fixed,
            found: HashMap::new(),
        })
    }

    /// The options for the plan at `path`.
    pub fn for_file(&mut self, path: &Path) -> Result<&CheckOptions, String> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed);
        }
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
        let dir = dir.map_or_else(|| PathBuf::from("."), Path::to_owned);
        let found = std::path::absolute(&dir)
            .ok()
            .and_then(|d| Config::find(&d));
        let today = self.today;
        match self.found.entry(found) {
            Entry::Occupied(known) => Ok(known.into_mut()),
            Entry::Vacant(slot) => {
                let options = match slot.key() {
                    Some(file) => Config::load(file)
                        .map_err(|e| e.to_string())?
                        .options(today),
                    None => CheckOptions::new(today),
                };
                Ok(slot.insert(options))
            }
        }
    }
}
