//! Progress notes: one session of the record laid out as a SOAP, DAP, BIRP
//! or GIRP note, as text, Markdown, HTML or JSON.
//!
//! [`model::build`] gathers a session's facts once, from the session entry
//! and the plan as it stood on the session's date; [`style`] says which
//! parts of the record each style's sections show; [`parts`] words each
//! part; the renderers ([`text`], [`markdown`], [`html`], [`json`]) only
//! lay the words out.
//!
//! The mapping (also in docs/notes.md):
//!
//! | part of the record | SOAP | DAP | BIRP | GIRP |
//! |---|---|---|---|---|
//! | attendance, minutes, format | Objective | Data | Behaviour | Intervention |
//! | goals and objectives addressed, target, progress | Assessment | Assessment | Response | Goals |
//! | `progress` indicators | Subjective | Data | Behaviour | Response |
//! | `used` interventions (modality, technique) | Objective | Data | Intervention | Intervention |
//! | the client's responses | Subjective | Data | Response | Response |
//! | scores, band, change | Objective | Data | Behaviour | Response |
//! | risk and safety plan | Assessment | Assessment | Behaviour | Response |
//! | `assessment` | Assessment | Assessment | Response | Response |
//! | `note` lines | Objective | Data | Behaviour | Response |
//! | homework, dose changes, next review | Plan | Plan | Plan | Plan |
//!
//! A session the client did not attend gets a short attendance note in
//! every style: what happened, the notes on it, the risk in force and the
//! next review.

pub mod html;
pub mod json;
pub mod markdown;
pub mod model;
pub mod parts;
pub mod style;
pub mod text;

pub use model::{Note, build};
pub use style::{Part, Style};

use crate::ast::Document;
use crate::interpret::Record;
use crate::words::Attendance;
use jiff::civil::Date;

/// Why no note can be written for the date asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteError {
    /// The file records no session at all.
    NoSessions,
    /// No session was attended, so there is no latest attended one.
    NoneAttended,
    /// No session on the date; the nearest sessions before and after it.
    NoSessionOn {
        /// The date asked for.
        date: Date,
        /// The nearest sessions, with their attendance: the one before, the one after.
        nearest: Vec<(Date, Attendance)>,
    },
    /// The session on the date has an `attendance` careplan could not read.
    AttendanceUnread(Date),
}

impl std::fmt::Display for NoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoteError::NoSessions => write!(
                f,
                "the plan records no session, so there is no note to write\n  = help: add a `session DATE` entry"
            ),
            NoteError::NoneAttended => write!(
                f,
                "no session was attended, so there is no latest one to write up\n  = help: name a session with `--date DATE` for its attendance note"
            ),
            NoteError::AttendanceUnread(date) => write!(
                f,
                "careplan could not read whether the client came to the session on {date}, so it writes no note for it\n  = help: correct its `attendance` line (`careplan check` shows where), as `attendance attended|no-show|cancelled|late-cancelled`"
            ),
            NoteError::NoSessionOn { date, nearest } => {
                let near: Vec<String> = nearest
                    .iter()
                    .map(|(d, a)| match a {
                        Attendance::Attended => d.to_string(),
                        other => format!("{d} ({other})"),
                    })
                    .collect();
                write!(
                    f,
                    "there is no session on {date}\n  = help: the nearest sessions are on {}",
                    near.join(" and ")
                )
            }
        }
    }
}

impl std::error::Error for NoteError {}

/// The entries of the sessions a note is written for: those on `date`, or
/// the latest attended session when no date is given.
pub fn select(
    document: &Document,
    record: &Record,
    date: Option<Date>,
) -> Result<Vec<usize>, NoteError> {
    let all = &record.appointments;
    if all.is_empty() {
        return Err(NoteError::NoSessions);
    }
    let Some(date) = date else {
        return record
            .sessions
            .iter()
            .max_by_key(|s| s.date)
            .map(|s| vec![s.value])
            .ok_or(NoteError::NoneAttended);
    };
    let on: Vec<usize> = all
        .iter()
        .filter(|a| a.date == date)
        .map(|a| a.entry)
        .collect();
    if !on.is_empty() {
        return Ok(on);
    }
    if document
        .sessions()
        .any(|s| s.date.value == Some(date) && !document.knows_attendance(s))
    {
        return Err(NoteError::AttendanceUnread(date));
    }
    let before = all.iter().filter(|a| a.date < date).max_by_key(|a| a.date);
    let after = all.iter().filter(|a| a.date > date).min_by_key(|a| a.date);
    Err(NoteError::NoSessionOn {
        date,
        nearest: before
            .into_iter()
            .chain(after)
            .map(|a| (a.date, a.attendance))
            .collect(),
    })
}

/// Every session's entry, oldest first, for `--all`.
pub fn every(record: &Record) -> Vec<usize> {
    let mut all: Vec<(Date, usize)> = record
        .appointments
        .iter()
        .map(|a| (a.date, a.entry))
        .collect();
    all.sort();
    all.into_iter().map(|(_, entry)| entry).collect()
}

/// The header line: `client C-8816 · clinician … · 2026-08-26`.
pub(crate) fn header_line(note: &Note) -> String {
    let mut parts = Vec::new();
    if let Some(c) = &note.client {
        parts.push(format!("client {c}"));
    }
    if let Some(c) = &note.clinician {
        parts.push(format!("clinician {c}"));
    }
    parts.push(format!("session of {}", note.date));
    parts.join(" · ")
}

/// The sections of `note` in `style` with their lines, empty sections saying
/// that nothing was recorded.
pub(crate) fn sections(note: &Note, style: Style) -> Vec<(&'static str, Vec<String>)> {
    style
        .sections(note.attendance == Attendance::Attended)
        .iter()
        .map(|(heading, parts)| {
            let mut lines: Vec<String> =
                parts.iter().flat_map(|p| parts::lines(note, *p)).collect();
            if lines.is_empty() {
                lines.push("nothing recorded".to_owned());
            }
            (*heading, lines)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::style::{Part, Style};

    /// Every style shows every part of the record exactly once.
    #[test]
    fn every_style_shows_every_part_once() {
        let all = [
            Part::Session,
            Part::Goals,
            Part::Indicators,
            Part::Interventions,
            Part::Responses,
            Part::Scores,
            Part::Risk,
            Part::Assessment,
            Part::Notes,
            Part::Homework,
            Part::Doses,
            Part::Review,
        ];
        for style in [Style::Soap, Style::Dap, Style::Birp, Style::Girp] {
            let shown: Vec<Part> = style
                .sections(true)
                .iter()
                .flat_map(|(_, parts)| parts.iter().copied())
                .collect();
            for part in all {
                assert_eq!(
                    shown.iter().filter(|p| **p == part).count(),
                    1,
                    "{style:?} {part:?}"
                );
            }
            assert_eq!(shown.len(), all.len());
        }
    }
}
