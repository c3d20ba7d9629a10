//! The bundle as JSON, written one resource at a time.
//!
//! The layout is serde_json's pretty one (two-space indent), byte for byte:
//! [`Pretty`] is serde_json's `PrettyFormatter` starting at a given depth,
//! writing each line's indent in one piece rather than two spaces at a time.
//! [`Stream`] writes the bundle's opening, then each entry as the builder
//! makes it, then the closing: a long plan's bundle, many times the plan's
//! size, is never held whole.

use super::resources::BundleEntry;
use serde::Serialize as _;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// Where the builder puts each entry it makes: a list ([`super::bundle`])
/// or a [`Stream`] ([`super::write_json`]).
pub(super) trait Sink {
    /// Takes the next entry, in bundle order.
    fn push(&mut self, entry: BundleEntry);
}

impl Sink for Vec<BundleEntry> {
    fn push(&mut self, entry: BundleEntry) {
        Vec::push(self, entry);
    }
}

/// serde_json's `PrettyFormatter` with a two-space indent, starting
/// `depth` levels in.
pub(super) struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A formatter for a value that starts `depth` levels into the document.
    pub(super) fn at(depth: usize) -> Self {
        Pretty {
            depth,
            has_value: false,
        }
    }
}

/// A comma, a line break and the widest indent written in one piece.
const BREAK: &[u8] = b",\n                                                                ";

/// Writes a line break (after a comma unless `first`) and the indent of
/// `depth` levels.
fn new_line<W: ?Sized + Write>(out: &mut W, first: bool, depth: usize) -> io::Result<()> {
    let from = usize::from(first);
    let mut spaces = depth * 2;
    let head = spaces.min(BREAK.len() - 2);
    out.write_all(BREAK.get(from..2 + head).unwrap_or_default())?;
    spaces -= head;
    while spaces > 0 {
        let part = spaces.min(BREAK.len() - 2);
        out.write_all(BREAK.get(2..2 + part).unwrap_or_default())?;
        spaces -= part;
    }
    Ok(())
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            new_line(out, true, self.depth)?;
        }
        out.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        new_line(out, first, self.depth)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            new_line(out, true, self.depth)?;
        }
        out.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        new_line(out, first, self.depth)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// A bundle being written: its opening once the first entry comes, each
/// entry as it comes, and its closing at [`Stream::finish`]. The first
/// error stops the writing and is kept for `finish`.
pub(super) struct Stream<W: Write> {
    out: W,
    entries: usize,
    error: Option<serde_json::Error>,
}

impl<W: Write> Stream<W> {
    pub(super) fn new(out: W) -> Self {
        Stream {
            out,
            entries: 0,
            error: None,
        }
    }

    fn write(&mut self, entry: &BundleEntry) -> Result<(), serde_json::Error> {
        if self.entries == 0 {
            self.out.write_all(OPENING).map_err(serde_json::Error::io)?;
        }
        new_line(&mut self.out, self.entries == 0, 2).map_err(serde_json::Error::io)?;
        entry.serialize(&mut serde_json::Serializer::with_formatter(
            &mut self.out,
            Pretty::at(2),
        ))
    }

    /// Writes the bundle's closing (the whole bundle, when no entry came).
    pub(super) fn finish(mut self) -> Result<(), serde_json::Error> {
        if let Some(error) = self.error {
            return Err(error);
        }
        let closing: &[u8] = if self.entries == 0 {
            b"{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"collection\",\n  \"entry\": []\n}"
        } else {
            b"\n  ]\n}"
        };
        self.out.write_all(closing).map_err(serde_json::Error::io)
    }
}

/// The bundle's fields before its entries, as [`super::Bundle`] serialises.
const OPENING: &[u8] =
    b"{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"collection\",\n  \"entry\": [";

impl<W: Write> Sink for Stream<W> {
    fn push(&mut self, entry: BundleEntry) {
        if self.error.is_none() {
            match self.write(&entry) {
                Ok(()) => self.entries += 1,
                Err(error) => self.error = Some(error),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lays_out_as_serde_json_pretty_does() {
        // Deeper than the widest indent written in one piece.
        let deep = (0..40).fold(serde_json::json!({"x": 1}), |v, _| serde_json::json!([v]));
        let value = serde_json::json!({
            "a": [], "b": {}, "c": [1, {"d": [[], [2, 3]], "e": {"f": "g"}}], "deep": deep,
        });
        let mut ours = Vec::new();
        let written = value.serialize(&mut serde_json::Serializer::with_formatter(
            &mut ours,
            Pretty::at(0),
        ));
        assert!(written.is_ok());
        let theirs = serde_json::to_vec_pretty(&value).unwrap_or_default();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }
}
