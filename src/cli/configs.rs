//! Configuration for the commands that check plans: one `careplan.toml`
//! per folder, found by walking up, or one given with `--config`.

use careplan::CheckOptions;
use careplan::config::Config;
use foldhash::HashMap;
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// Check options per configuration file, loaded once each.
pub struct Configs {
    today: Date,
    /// Whether the first options are `--config`'s, for every file.
    fixed: bool,
    /// The options loaded so far, in the order they were first needed.
    loaded: Vec<CheckOptions>,
    /// Which of `loaded` each configuration file (`None`: none) gave.
    found: HashMap<Option<PathBuf>, usize>,
}

impl Configs {
    /// Options judging plans on `today`, from `fixed` or by discovery.
    pub fn new(today: Date, fixed: Option<&Path>) -> Result<Self, String> {
        let loaded = match fixed {
            Some(path) => vec![
                Config::load(path)
                    .map_err(|e| e.to_string())?
                    .options(today),
            ],
            None => Vec::new(),
        };
        Ok(Configs {
            today,
            fixed: fixed.is_some(),
            loaded,
            found: HashMap::default(),
        })
    }

    /// The options for the plan at `path`.
    pub fn for_file(&mut self, path: &Path) -> Result<&CheckOptions, String> {
        let index = self.load(path)?;
        Ok(&self.loaded[index])
    }

    /// The options of each of `paths`, in order, each configuration loaded
    /// once. A configuration that cannot be loaded ends the list: the
    /// options of the files before it come with the error.
    pub fn for_files(&mut self, paths: &[PathBuf]) -> (Vec<&CheckOptions>, Option<String>) {
        let mut indices = Vec::with_capacity(paths.len());
        let mut error = None;
        for path in paths {
            match self.load(path) {
                Ok(index) => indices.push(index),
                Err(failed) => {
                    error = Some(failed);
                    break;
                }
            }
        }
        let options = indices.into_iter().map(|i| &self.loaded[i]).collect();
        (options, error)
    }

    /// Loads the configuration that applies to `path` unless it is loaded
    /// already, and returns where in `loaded` it is.
    fn load(&mut self, path: &Path) -> Result<usize, String> {
        if self.fixed {
            return Ok(0);
        }
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
        let dir = dir.map_or_else(|| PathBuf::from("."), Path::to_owned);
        let found = std::path::absolute(&dir)
            .ok()
            .and_then(|d| Config::find(&d));
        if let Some(&index) = self.found.get(&found) {
            return Ok(index);
        }
        let options = match &found {
            Some(file) => Config::load(file)
                .map_err(|e| e.to_string())?
                .options(self.today),
            None => CheckOptions::new(self.today),
        };
        self.loaded.push(options);
        self.found.insert(found, self.loaded.len() - 1);
        Ok(self.loaded.len() - 1)
    }
}
