//! The note as plain text, for the terminal or to paste into a record.

use super::{Note, Style, header_line, sections};
use std::fmt::Write as _;

/// Renders the notes, one after another, each under its heading.
pub fn render(notes: &[Note], style: Style) -> String {
    let mut out = String::new();
    for (i, note) in notes.iter().enumerate() {
        if i > 0 {
            let _ = writeln!(out, "\n{}\n", "-".repeat(40));
        }
        let heading = format!(
            "{}: {}",
            style.heading(note.attendance == crate::words::Attendance::Attended),
            note.title
        );
        let _ = writeln!(out, "{heading}");
        let _ = writeln!(out, "{}", "=".repeat(heading.chars().count()));
        let _ = writeln!(out, "{}", header_line(note));
        for (title, lines) in sections(note, style) {
            let _ = writeln!(out, "\n{title}");
            for line in lines {
                let _ = writeln!(out, "  {line}");
            }
        }
    }
    out
}
