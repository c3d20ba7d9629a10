//! Finding plan files on disk, reading them as text and writing them back.
//!
//! [`discover`] expands the paths a user names into the plan files to check:
//! a file is taken as named, and a directory contributes every `*.careplan`
//! file below it. [`read`] loads one file, turning a file that is not UTF-8
//! text into a `not-text` finding rather than an error; it reads regular
//! files only, within [`PLAN_LIMIT`]. [`write_atomic`] replaces a file
//! so that a reader never sees half of it and nothing else about the file
//! changes (its links, owner and permissions); [`write_new`] writes a
//! file that must not exist yet.

mod read;
mod write;

pub use read::{CONFIG_LIMIT, Contents, Limit, PLAN_LIMIT, contents, read, read_bytes};
pub use write::{write_atomic, write_new};

use std::path::{Path, PathBuf};

/// The extension of plan files.
pub const EXTENSION: &str = "careplan";

/// Why a path could not be used.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// The path does not exist.
    #[error("{}: no such file or directory", shown(.0))]
    NotFound(PathBuf),
    /// A new file was to be written where something already is.
    #[error(
        "{}: this file already exists, and careplan does not overwrite it; choose another \
         name, or move the existing file away first",
        shown(.0)
    )]
    Exists(PathBuf),
    /// The folder a file was to be written in does not exist.
    #[error("{}: no such folder; create it first, or write the file somewhere else", shown(.0))]
    NoFolder(PathBuf),
    /// The path is not a regular file (a folder where a file was needed, a
    /// device, a FIFO, a socket).
    #[error(
        "{}: this is {kind}, not a plan file; name a plan file (`*.careplan`) or a folder of them",
        shown(path)
    )]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead.
        kind: &'static str,
    },
    /// The file is larger than careplan reads.
    #[error(
        "{}: this file is larger than {} MiB, the most careplan reads of {}; {}",
        shown(path),
        limit.bytes / (1024 * 1024),
        limit.what,
        limit.why
    )]
    TooLarge {
        /// The path.
        path: PathBuf,
        /// The limit it is over.
        limit: read::Limit,
    },
    /// The file has other hard links, which a rewrite would break.
    #[error(
        "{}: this file has {links} hard links (other names for the same file); rewriting it \
         would leave the other names with the old text, so it was not changed: remove the \
         other links, or copy the file and work on the copy",
        shown(path)
    )]
    HardLinked {
        /// The path.
        path: PathBuf,
        /// How many names the file has.
        links: u64,
    },
    /// The file is read-only.
    #[error(
        "{}: this file is read-only, so it was not changed; make it writable first if it \
         should change",
        shown(path)
    )]
    ReadOnly {
        /// The path.
        path: PathBuf,
    },
    /// The file belongs to another user, whom a rewrite cannot keep as its owner.
    #[error(
        "{}: this file belongs to another user, and rewriting it would make it yours; it was \
         not changed: ask its owner to run careplan on it",
        shown(path)
    )]
    OwnerNotKept {
        /// The path.
        path: PathBuf,
    },
    /// The path exists but could not be read.
    #[error("{}: {source}", shown(path))]
    Io {
        /// The path.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
}

impl WorkspaceError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
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

/// A path as careplan shows it: a name that is not UTF-8 keeps its bytes
/// as `\xNN`, and control characters (a newline in a file name) are
/// escaped, so that a path stays on its line and names the one file.
pub fn shown(path: &Path) -> String {
    let mut out = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
                c => out.push(c),
            }
        }
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
    out
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

/// At most `most` plan files below `dir`, sorted, for a tool that looks
/// over a folder without being asked for each file (an editor's workspace):
/// as [`discover`] walks, but a folder that cannot be listed is passed over,
/// and the walk stops once `most` files are found or `most` folders entered.
pub fn discover_at_most(dir: &Path, most: usize) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_owned()];
    let mut entered = 0;
    while let Some(folder) = folders.pop() {
        entered += 1;
        if entered > most {
            break;
        }
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            match entry.file_type() {
                Ok(t) if t.is_dir() && !hidden => folders.push(path),
                Ok(t)
                    if !t.is_dir()
                        && found.len() < most
                        && path.extension().is_some_and(|e| e == EXTENSION)
                        && (t.is_file() || path.is_file()) =>
                {
                    found.push(path);
                }
                _ => {}
            }
        }
    }
    found.sort();
    found
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
