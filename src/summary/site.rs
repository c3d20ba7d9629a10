//! A caseload written to a folder (`summary FOLDER --format html --out
//! DIR`): the caseload page, [`INDEX`], and one summary page per plan,
//! named by [`page_names`], linked from it.
//!
//! The folder may already hold the pages of an earlier run: a file is
//! replaced only when it is named like careplan's output (`caseload.html`
//! or `*.summary.html`) and carries careplan's mark ([`super::html::GENERATOR`]).
//! Anything else in the way stops the run before a file is written.

use super::html::GENERATOR;
use crate::workspace::{self, Limit, WorkspaceError};
use std::path::{Path, PathBuf};

/// The caseload page's file name.
pub const INDEX: &str = "caseload.html";

/// The ending of each plan's page.
pub const PAGE_SUFFIX: &str = ".summary.html";

/// How much of an existing file is read to see whether careplan wrote it:
/// a summary page of years of sessions is a few MiB.
const PAGE_LIMIT: Limit = Limit {
    bytes: 64 * 1024 * 1024,
    what: "a summary page",
    why: "careplan's own pages are far smaller, so this file is not one of them",
};

/// Why the pages could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// A file in the way that careplan did not write.
    #[error(
        "{}: this file is not one careplan wrote, so it was not replaced and no page was \
         written; choose an empty folder for --out, or move the file away",
        workspace::shown(.0)
    )]
    NotOurs(PathBuf),
    /// A page could not be written.
    #[error(transparent)]
    Write(#[from] WorkspaceError),
}

/// The page file name of each plan at `paths` (below `root`), in order:
/// its path below `root` without `.careplan`, folders joined by `--`,
/// characters other than letters, digits, `-`, `_` and `.` as `_`, then
/// [`PAGE_SUFFIX`]; a name already taken gets `-2`, `-3`, ….
pub fn page_names(root: &Path, paths: &[PathBuf]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(paths.len());
    for path in paths {
        let relative = path.strip_prefix(root).unwrap_or(path).with_extension("");
        let parts: Vec<String> = relative
            .components()
            .filter_map(|c| match c {
                std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        let mut stem: String = parts
            .join("--")
            .chars()
            .map(|c| match c {
                c if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') => c,
                _ => '_',
            })
            .collect();
        if stem.is_empty() || stem.starts_with('.') {
            stem.insert(0, '_');
        }
        let mut name = format!("{stem}{PAGE_SUFFIX}");
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{stem}-{n}{PAGE_SUFFIX}");
            n += 1;
        }
        names.push(name);
    }
    names
}

/// Writes `pages` (file name and HTML) into `dir`, creating the folder if
/// it is missing (not its parents). Every name is checked first, so a file
/// careplan did not write stops the run before anything changes; then each
/// page is written atomically.
pub fn write(dir: &Path, pages: &[(String, String)]) -> Result<(), SiteError> {
    match std::fs::create_dir(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(WorkspaceError::NoFolder(dir.parent().unwrap_or(dir).to_owned()).into());
        }
        Err(e) => return Err(WorkspaceError::io(dir, e).into()),
    }
    for (name, _) in pages {
        let path = dir.join(name);
        if std::fs::symlink_metadata(&path).is_ok() && !ours(&path, name) {
            return Err(SiteError::NotOurs(path));
        }
    }
    for (name, html) in pages {
        workspace::write_atomic(&dir.join(name), html)?;
    }
    Ok(())
}

/// Whether the file at `path` is one careplan wrote: named like its output,
/// a regular file, and carrying its mark.
fn ours(path: &Path, name: &str) -> bool {
    let named = name == INDEX || name.ends_with(PAGE_SUFFIX);
    let is_file = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file());
    named
        && is_file
        && workspace::read_bytes(path, PAGE_LIMIT)
            .is_ok_and(|bytes| memchr::memmem::find(&bytes, GENERATOR.as_bytes()).is_some())
}
