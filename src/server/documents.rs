//! The open documents: their text as the editor holds it, kept up to date
//! by incremental changes, and each one's latest check.
//!
//! A change only marks a document as changed; it is checked again when the
//! server next needs it (after the queue of messages is empty, or for a
//! request about it), so a burst of keystrokes costs one check.

use super::positions::{Encoding, Lines};
use crate::CheckOptions;
use crate::config::{Config, ConfigError};
use crate::session::Session;
use lsp_types::{TextDocumentContentChangeEvent, Uri};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One open document.
#[derive(Debug)]
pub struct Document {
    uri: Uri,
    version: i32,
    text: String,
    lines: Lines,
    /// The check of `text`; `None` when the text changed since.
    checked: Option<Session>,
    /// The configuration error met at the last check, if any.
    config_error: Option<ConfigError>,
}

impl Document {
    /// A document opened with `text` at `version`, not yet checked.
    pub fn new(uri: Uri, text: String, version: i32) -> Document {
        Document {
            uri,
            version,
            lines: Lines::new(&text),
            text,
            checked: None,
            config_error: None,
        }
    }

    /// Its URI.
    pub fn uri(&self) -> &Uri {
        &self.uri
    }

    /// Its version, as the editor numbered it.
    pub fn version(&self) -> i32 {
        self.version
    }

    /// Its text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its lines.
    pub fn lines(&self) -> &Lines {
        &self.lines
    }

    /// Its latest check, when the text has not changed since.
    pub fn checked(&self) -> Option<&Session> {
        self.checked.as_ref()
    }

    /// The configuration error met at its latest check.
    pub fn config_error(&self) -> Option<&ConfigError> {
        self.config_error.as_ref()
    }

    /// Applies the editor's changes in order (each range is in the text as
    /// the previous change left it; a change without one replaces the text).
    pub fn change(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let span = self.lines.span(&self.text, range, encoding);
                    self.text.replace_range(span.start..span.end, &change.text);
                }
                None => self.text = change.text,
            }
            self.lines = Lines::new(&self.text);
        }
        self.version = version;
        self.checked = None;
    }

    /// Forgets the check, so that the next use checks again (the date or
    /// the configuration changed).
    pub fn invalidate(&mut self) {
        self.checked = None;
    }

    /// Checks the text unless its latest check still holds; returns whether it checked.
    /// `options` is asked only when a check is needed.
    pub fn ensure_checked(&mut self, options: impl FnOnce(&Uri) -> Options) -> bool {
        if self.checked.is_some() {
            return false;
        }
        let options = options(&self.uri);
        self.config_error = options.error;
        self.checked = Some(Session::of_text(self.text.clone(), options.options));
        true
    }
}

/// The options a document is checked with.
#[derive(Debug)]
pub struct Options {
    /// From its configuration, or the defaults when that cannot be read.
    pub options: CheckOptions,
    /// Why its configuration could not be read.
    pub error: Option<ConfigError>,
}

/// The loaded `careplan.toml` files, each read once until it changes.
#[derive(Debug, Default)]
pub struct Configs {
    loaded: HashMap<PathBuf, Result<Config, ConfigError>>,
}

impl Configs {
    /// The options for the plan at `uri` judged on `today`: from the
    /// `careplan.toml` that `careplan check` would find for it; the
    /// defaults, with the error, when that file cannot be read.
    pub fn options_for(&mut self, uri: &Uri, today: jiff::civil::Date) -> Options {
        let Some(found) = file_path(uri)
            .as_deref()
            .and_then(Path::parent)
            .and_then(Config::find)
        else {
            return Options {
                options: CheckOptions::new(today),
                error: None,
            };
        };
        let config = self
            .loaded
            .entry(found.clone())
            .or_insert_with(|| Config::load(&found));
        match config {
            Ok(config) => Options {
                options: config.options(today),
                error: None,
            },
            Err(error) => Options {
                options: CheckOptions::new(today),
                error: Some(error.clone()),
            },
        }
    }

    /// Forgets every loaded file (one was created, changed or deleted).
    pub fn forget(&mut self) {
        self.loaded.clear();
    }

    /// The configuration files that failed to load, with their errors.
    pub fn errors(&self) -> impl Iterator<Item = (&PathBuf, &ConfigError)> {
        self.loaded
            .iter()
            .filter_map(|(path, loaded)| loaded.as_ref().err().map(|e| (path, e)))
    }
}

/// The local path a `file:` URI names (percent-escapes decoded); `None`
/// for other schemes (an unsaved buffer) or a malformed escape.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let rest = text.strip_prefix("file://")?;
    // `file:///home/…` has an empty authority; `file://localhost/…` names this host.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    let mut bytes = Vec::with_capacity(path.len());
    let mut at = path.bytes();
    while let Some(b) = at.next() {
        if b == b'%' {
            let hex = [at.next()?, at.next()?];
            let hex = std::str::from_utf8(&hex).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
        } else {
            bytes.push(b);
        }
    }
    let path = String::from_utf8(bytes).ok()?;
    path.starts_with('/').then(|| PathBuf::from(path))
}

/// The `file:` URI of an absolute path, escaping what a URI cannot hold.
pub fn file_uri(path: &Path) -> Option<Uri> {
    let mut uri = String::from("file://");
    for b in path.to_str()?.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_round_trip_with_escapes() {
        let path = Path::new("/plans/Zoë c-1042.careplan");
        let uri = file_uri(path).expect("a URI");
        assert_eq!(uri.as_str(), "file:///plans/Zo%C3%AB%20c-1042.careplan");
        assert_eq!(file_path(&uri).as_deref(), Some(path));
        let untitled: Uri = "untitled:Untitled-1".parse().expect("a URI");
        assert_eq!(file_path(&untitled), None);
    }
}
