//! Finding plan files on disk and reading them as text.
//!
//! [`discover`] expands the paths a user names into the plan files to check:
//! a file is taken as named, and a directory contributes every `*.careplan`
//! file below it. [`read`] loads one file, turning a file that is not UTF-8
//! text into a `not-text` finding rather than an error.

use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use crate::span::Span;
use std::path::{Path, PathBuf};

/// The extension of plan files.
pub const EXTENSION: &str = "careplan";

/// Why a path could not be used.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// The path does not exist.
    #[error("{}: no such file or directory", .0.display())]
    NotFound(PathBuf),
    /// The folder a file was to be written in does not exist.
    #[error("{}: no such folder; create it first, or write the file somewhere else", .0.display())]
    NoFolder(PathBuf),
    /// The path exists but could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
}

impl WorkspaceError {
    fn io(path: &Path, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::NotFound {
            WorkspaceError::NotFound(path.to_owned())
        } else {
            WorkspaceError::Io {
                path: path.to_owned(),
                source,
            }
        }
    }
}

/// The plan files named by `paths`, sorted and without repeats.
///
/// A file is taken whatever its extension. A directory contributes every
/// `*.careplan` file below it; hidden directories (`.git`) and symbolic
/// links to directories are not entered. The first path that does not
/// exist or cannot be listed is an error.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, WorkspaceError> {
    let mut found = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|e| WorkspaceError::io(path, e))?;
        if metadata.is_dir() {
            walk(path, &mut found)?;
        } else {
            found.push(path.clone());
        }
    }
    // `./plans/a.careplan` reads better as `plans/a.careplan`.
    for path in &mut found {
        if let Ok(rest) = path.strip_prefix(".")
            && !rest.as_os_str().is_empty()
        {
            *path = rest.to_owned();
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), WorkspaceError> {
    let entries = std::fs::read_dir(dir).map_err(|e| WorkspaceError::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| WorkspaceError::io(dir, e))?;
        let path = entry.path();
        let file_type = entry
            .file_type()
            .map_err(|e| WorkspaceError::io(&path, e))?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if file_type.is_dir() {
            if !hidden {
                walk(&path, found)?;
            }
        } else if path.extension().is_some_and(|e| e == EXTENSION)
            && (file_type.is_file() || path.is_file())
        {
            found.push(path);
        }
    }
    Ok(())
}

/// A file's contents: its text, or the `not-text` finding that replaces it.
#[derive(Clone, Debug, PartialEq)]
pub enum Contents {
    /// The file is UTF-8 text.
    Text(String),
    /// The file is not UTF-8 text (a word-processor file, a PDF, another
    /// encoding); the finding says so.
    NotText {
        /// The `not-text` finding, at the first byte that is not text.
        finding: Diagnostic,
        /// The file read with each invalid byte sequence as U+FFFD, so that
        /// the finding's span can be shown in its line.
        shown: String,
    },
}

/// Reads the file at `path`.
pub fn read(path: &Path) -> Result<Contents, WorkspaceError> {
    let bytes = std::fs::read(path).map_err(|e| WorkspaceError::io(path, e))?;
    Ok(contents(bytes))
}

/// Classifies raw bytes as plan text or not.
pub fn contents(bytes: Vec<u8>) -> Contents {
    match String::from_utf8(bytes) {
        Ok(text) => match text.find('\0') {
            None => Contents::Text(text),
            Some(at) => Contents::NotText {
                finding: not_text(
                    Span::new(at, at + 1),
                    "it contains NUL characters, as binary files do",
                ),
                shown: text,
            },
        },
        Err(error) => {
            // The bytes before the first bad one are the same in `shown`,
            // where the bad sequence becomes one U+FFFD (3 bytes).
            let at = error.utf8_error().valid_up_to();
            let shown = String::from_utf8_lossy(error.as_bytes()).into_owned();
            Contents::NotText {
                finding: not_text(
                    Span::new(at, at + '\u{FFFD}'.len_utf8()),
                    "this character is not UTF-8, as in word-processor files, PDFs and \
                     text saved in older encodings (Latin-1, Windows-1252)",
                ),
                shown,
            }
        }
    }
}

fn not_text(span: Span, why: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::NotText,
        span,
        format!("this file is not plain UTF-8 text: {why}"),
    )
    .with_help(
        "open it in a plain-text editor (or choose \"save as plain text\") and save it \
         with the UTF-8 encoding",
    )
}

/// Writes `contents` to `path` atomically: to a temporary file in the same
/// folder, flushed to disk, then renamed over `path`. A reader sees the old
/// file or the new one, never half of either; the file keeps its
/// permissions.
pub fn write_atomic(path: &Path, contents: &str) -> Result<(), WorkspaceError> {
    use std::io::Write as _;
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let io = |e| WorkspaceError::io(path, e);
    let mut file = tempfile::Builder::new()
        .prefix(".careplan-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => WorkspaceError::NoFolder(dir.to_owned()),
            _ => io(e),
        })?;
    file.write_all(contents.as_bytes()).map_err(io)?;
    if let Ok(metadata) = std::fs::metadata(path) {
        file.as_file()
            .set_permissions(metadata.permissions())
            .map_err(io)?;
    }
    file.as_file().sync_all().map_err(io)?;
    file.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
