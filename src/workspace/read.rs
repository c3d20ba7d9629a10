//! Reading plan files: regular files only, of a bounded size, as text.

use super::WorkspaceError;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::span::Span;
use std::io::Read as _;
use std::path::Path;

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

/// The most careplan reads of one kind of file, so that a wrong path (a
/// disk image, `/dev/zero`) cannot fill the memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// The most bytes.
    pub bytes: u64,
    /// What kind of file it is, for the message.
    pub what: &'static str,
    /// Why a file that large is not one of its kind, for the message.
    pub why: &'static str,
}

/// Plan files: 64 MiB. Years of weekly sessions make well under 1 MiB.
pub const PLAN_LIMIT: Limit = Limit {
    bytes: 64 * 1024 * 1024,
    what: "a plan file",
    why: "a plan with years of sessions is under 1 MiB; split a longer record into one file per \
          episode of care",
};

/// Configuration files: 1 MiB, thousands of measures and drugs.
pub const CONFIG_LIMIT: Limit = Limit {
    bytes: 1024 * 1024,
    what: "a configuration file",
    why: "a configuration with thousands of measures and drugs is under 1 MiB",
};

/// Reads the plan file at `path` (a regular file within [`PLAN_LIMIT`]).
pub fn read(path: &Path) -> Result<Contents, WorkspaceError> {
    Ok(contents(read_bytes(path, PLAN_LIMIT)?))
}

/// Reads the regular file at `path`, within `limit`. A folder, a device, a
/// FIFO or a socket is refused before it is opened (a FIFO would wait for a
/// writer forever, `/dev/zero` never ends), and so is a larger file,
/// whatever size it claims.
pub fn read_bytes(path: &Path, limit: Limit) -> Result<Vec<u8>, WorkspaceError> {
    let io = |e| WorkspaceError::io(path, e);
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        return Err(WorkspaceError::NotAFile {
            path: path.to_owned(),
            kind: kind_of(&metadata),
        });
    }
    let too_large = || WorkspaceError::TooLarge {
        path: path.to_owned(),
        limit,
    };
    if metadata.len() > limit.bytes {
        return Err(too_large());
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limit.bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit.bytes {
        return Err(too_large());
    }
    Ok(bytes)
}

/// What a path that is not a regular file is, in plain words.
fn kind_of(metadata: &std::fs::Metadata) -> &'static str {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// Classifies raw bytes as plan text or not.
pub fn contents(bytes: Vec<u8>) -> Contents {
    if let Some(text) = utf16(&bytes) {
        let first = text.chars().next().map_or(0, char::len_utf8);
        return Contents::NotText {
            finding: not_text(
                Span::new(0, first),
                "it is saved as UTF-16 (which some editors call \"Unicode\"), not UTF-8",
            ),
            shown: text,
        };
    }
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

/// The text of `bytes` when they are UTF-16: a byte-order mark says so,
/// or, without one, the first bytes are ASCII text with a NUL beside every
/// character (as UTF-16 writes ASCII).
fn utf16(bytes: &[u8]) -> Option<String> {
    let units = |big: bool| {
        bytes.chunks_exact(2).map(move |pair| match pair {
            [a, b] if big => u16::from_be_bytes([*a, *b]),
            [a, b] => u16::from_le_bytes([*a, *b]),
            _ => 0,
        })
    };
    let big = match bytes {
        [0xFF, 0xFE, ..] => false,
        [0xFE, 0xFF, ..] => true,
        _ => {
            let head = bytes.get(..bytes.len().min(512) & !1)?;
            if head.len() < 4 {
                return None;
            }
            let ascii_at = |parity: usize| {
                head.iter()
                    .skip(parity)
                    .step_by(2)
                    .all(|b| (0x09..0x7F).contains(b))
            };
            let nul_at = |parity: usize| head.iter().skip(parity).step_by(2).all(|b| *b == 0);
            match (ascii_at(0) && nul_at(1), nul_at(0) && ascii_at(1)) {
                (true, _) => false,
                (_, true) => true,
                _ => return None,
            }
        }
    };
    let text = String::from_utf16_lossy(&units(big).collect::<Vec<u16>>());
    Some(
        text.strip_prefix('\u{FEFF}')
            .map(str::to_owned)
            .unwrap_or(text),
    )
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
