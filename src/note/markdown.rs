//! The note as Markdown, to paste into a record.

use super::{Note, Style, header_line, sections};
use crate::summary::markdown::cell;
use std::fmt::Write as _;

/// Renders the notes, separated by a rule.
pub fn render(notes: &[Note], style: Style) -> String {
    let mut out = String::new();
    for (i, note) in notes.iter().enumerate() {
        if i > 0 {
            let _ = writeln!(out, "\n---\n");
        }
        let attended = note.attendance == crate::words::Attendance::Attended;
        let _ = writeln!(
            out,
            "# {}: {}\n",
            style.heading(attended),
            cell(&note.title)
        );
        let _ = writeln!(out, "{}", cell(&header_line(note)));
        for (title, lines) in sections(note, style) {
            let _ = writeln!(out, "\n## {title}\n");
            for line in lines {
                // A line indented under the one before it (a goal's targets).
                match line.strip_prefix("  ") {
                    Some(under) => {
                        let _ = writeln!(out, "  - {}", cell(under));
                    }
                    None => {
                        let _ = writeln!(out, "- {}", cell(&line));
                    }
                }
            }
        }
    }
    out
}
