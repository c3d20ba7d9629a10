//! Writing plan files atomically, keeping what the file is.

use super::WorkspaceError;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The names of careplan's temporary files: `.careplan-XXXXXX.tmp`.
const TEMP_PREFIX: &str = ".careplan-";
const TEMP_SUFFIX: &str = ".tmp";

/// How old a temporary file of careplan's naming must be before a later
/// write in its folder removes it: far longer than any write takes, so a
/// write still under way in another careplan is never disturbed.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// How many symbolic links [`write_atomic`] follows, as Linux does.
const MAX_LINKS: usize = 40;

/// Writes `contents` to `path` atomically: to a temporary file beside the
/// file it replaces, flushed to disk, renamed over it, then the folder
/// flushed too. A reader, or a crash, sees the old file or the new one,
/// never half of either, and nothing else about the file changes:
///
/// - a symbolic link is written through: its target is replaced and the
///   link stays a link;
/// - a read-only file is refused, as an editor would;
/// - a file with several hard links is refused: replacing one name would
///   leave the others holding the old text, two diverging copies of a record;
/// - the file keeps its permissions, owner and group; when its owner cannot
///   be kept (another user's file, written by someone who is not root), the
///   write is refused;
/// - temporary files of careplan's naming that a killed write left in the
///   folder are removed.
pub fn write_atomic(path: &Path, contents: &str) -> Result<(), WorkspaceError> {
    let target = resolve(path)?;
    let io = |e| WorkspaceError::io(path, e);
    let existing = match std::fs::metadata(&target) {
        Ok(metadata) => Some(metadata),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    if let Some(metadata) = &existing {
        refuse_to_replace(path, metadata)?;
    }
    let dir = folder_of(&target);
    let file = temporary(path, dir, contents)?;
    if let Some(metadata) = &existing {
        keep_owner(path, file.as_file(), metadata)?;
        file.as_file()
            .set_permissions(metadata.permissions())
            .map_err(io)?;
    }
    file.as_file().sync_all().map_err(io)?;
    file.persist(&target).map_err(|e| io(e.error))?;
    flush_folder(dir);
    Ok(())
}

/// Writes `contents` to a new file at `path`, atomically, and refuses when
/// anything (a file, a folder, a link) is already there: the text goes to a
/// temporary file beside it, flushed to disk, then is linked into place
/// only if the name is still free, so a file created meanwhile by someone
/// else is never replaced.
pub fn write_new(path: &Path, contents: &str) -> Result<(), WorkspaceError> {
    let io = |e| WorkspaceError::io(path, e);
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(WorkspaceError::Exists(path.to_owned()));
    }
    let dir = folder_of(path);
    let file = temporary(path, dir, contents)?;
    file.as_file().sync_all().map_err(io)?;
    file.persist_noclobber(path)
        .map_err(|e| match e.error.kind() {
            std::io::ErrorKind::AlreadyExists => WorkspaceError::Exists(path.to_owned()),
            _ => io(e.error),
        })?;
    flush_folder(dir);
    Ok(())
}

/// The folder a file at `path` is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// A temporary file of careplan's naming in `dir`, holding `contents`,
/// after removing stale ones a killed write left there; errors name `path`.
fn temporary(
    path: &Path,
    dir: &Path,
    contents: &str,
) -> Result<tempfile::NamedTempFile, WorkspaceError> {
    use std::io::Write as _;
    remove_stale(dir);
    let mut file = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => WorkspaceError::NoFolder(dir.to_owned()),
            _ => WorkspaceError::io(path, e),
        })?;
    file.write_all(contents.as_bytes())
        .map_err(|e| WorkspaceError::io(path, e))?;
    Ok(file)
}

/// Makes a rename in `dir` durable. Some file systems cannot flush a
/// folder; the file itself is already on disk.
fn flush_folder(dir: &Path) {
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
}

/// The file a write to `path` replaces: `path`, or the file its symbolic
/// links lead to (which may not exist yet).
fn resolve(path: &Path) -> Result<PathBuf, WorkspaceError> {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link = std::fs::read_link(&current).map_err(|e| WorkspaceError::io(path, e))?;
                current = match current.parent() {
                    Some(parent) => parent.join(link),
                    None => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(WorkspaceError::io(
        path,
        std::io::Error::other("too many levels of symbolic links"),
    ))
}

/// Refuses to replace what is not one regular file with one name, or a
/// file made read-only (someone meant it not to change).
fn refuse_to_replace(path: &Path, metadata: &std::fs::Metadata) -> Result<(), WorkspaceError> {
    if metadata.is_file() && metadata.permissions().readonly() {
        return Err(WorkspaceError::ReadOnly {
            path: path.to_owned(),
        });
    }
    if !metadata.is_file() {
        return Err(WorkspaceError::NotAFile {
            path: path.to_owned(),
            kind: if metadata.is_dir() {
                "a folder"
            } else {
                "not a regular file"
            },
        });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if metadata.nlink() > 1 {
            return Err(WorkspaceError::HardLinked {
                path: path.to_owned(),
                links: metadata.nlink(),
            });
        }
    }
    Ok(())
}

/// Gives the new file the old one's owner and group, or refuses.
#[cfg(unix)]
fn keep_owner(
    path: &Path,
    file: &std::fs::File,
    old: &std::fs::Metadata,
) -> Result<(), WorkspaceError> {
    use std::os::unix::fs::MetadataExt as _;
    let new = file.metadata().map_err(|e| WorkspaceError::io(path, e))?;
    if (new.uid(), new.gid()) == (old.uid(), old.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).map_err(|_| {
        WorkspaceError::OwnerNotKept {
            path: path.to_owned(),
        }
    })
}

#[cfg(not(unix))]
fn keep_owner(_: &Path, _: &std::fs::File, _: &std::fs::Metadata) -> Result<(), WorkspaceError> {
    Ok(())
}

/// Removes careplan's own temporary files that an interrupted write left in
/// `dir` (they hold plan text). Anything else, and anything recent, stays.
fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(|m| m.file_type().is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
