//! The notes as JSON: the [`Note`] structures as they are, under a version
//! number, with the style's sections naming the parts each shows (so a
//! program can lay the note out as the text does). Dates are `YYYY-MM-DD`;
//! field names are snake_case; the language's words are kebab-case.
//!
//! ```json
//! { "version": 1, "style": "soap",
//!   "sections": [ { "heading": "Subjective", "parts": ["responses", "indicators"] }, … ],
//!   "attendance_sections": [ { "heading": "Attendance", "parts": [ … ] } ],
//!   "notes": [ { "date": "2026-08-26", "attendance": "attended", "scores": [ … ], … } ] }
//! ```
//!
//! `sections` lays out an attended session's note, `attendance_sections`
//! the short note of a session the client did not attend. Within a
//! version, fields are only ever added.

use super::{Note, Part, Style};
use crate::summary::json::pretty;
use serde::Serialize;

/// The version of the JSON shape.
const VERSION: u32 = 1;

#[derive(Serialize)]
struct Section {
    heading: &'static str,
    parts: &'static [Part],
}

/// Renders the notes (with a final newline).
pub fn render(notes: &[Note], style: Style) -> String {
    #[derive(Serialize)]
    struct Notes<'a> {
        version: u32,
        style: Style,
        sections: Vec<Section>,
        attendance_sections: Vec<Section>,
        notes: &'a [Note],
    }
    let sections = |attended| {
        style
            .sections(attended)
            .iter()
            .map(|(heading, parts)| Section { heading, parts })
            .collect()
    };
    pretty(&Notes {
        version: VERSION,
        style,
        sections: sections(true),
        attendance_sections: sections(false),
        notes,
    })
}
