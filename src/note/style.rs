//! The four standard layouts of a progress note and which parts of the
//! record go in each of their sections (the table in docs/notes.md).

use serde::Serialize;

/// A progress note's layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    /// Subjective, Objective, Assessment, Plan (Weed 1968, the
    /// problem-oriented medical record).
    Soap,
    /// Data, Assessment, Plan.
    Dap,
    /// Behaviour, Intervention, Response, Plan.
    Birp,
    /// Goals, Intervention, Response, Plan.
    Girp,
}

/// One part of the record a note section shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// Attendance, duration, format and the session's number.
    Session,
    /// The goals and objectives addressed, with targets and progress.
    Goals,
    /// The `progress` indicators noted toward goals.
    Indicators,
    /// The interventions and medications used, with modality and technique.
    Interventions,
    /// The client's response to each.
    Responses,
    /// The scores, with band and change since the previous score and baseline.
    Scores,
    /// The risk level with its reason, and the safety plan in force.
    Risk,
    /// The clinician's `assessment`.
    Assessment,
    /// Free `note` lines.
    Notes,
    /// Homework set.
    Homework,
    /// Medication doses changed.
    Doses,
    /// The plan's next review.
    Review,
}

/// A heading and the parts under it.
pub type Section = (&'static str, &'static [Part]);

use Part::*;

const SOAP: &[Section] = &[
    ("Subjective", &[Responses, Indicators]),
    ("Objective", &[Session, Interventions, Scores, Notes]),
    ("Assessment", &[Assessment, Risk, Goals]),
    ("Plan", &[Homework, Doses, Review]),
];

const DAP: &[Section] = &[
    (
        "Data",
        &[Session, Interventions, Responses, Indicators, Scores, Notes],
    ),
    ("Assessment", &[Assessment, Risk, Goals]),
    ("Plan", &[Homework, Doses, Review]),
];

const BIRP: &[Section] = &[
    ("Behaviour", &[Session, Scores, Indicators, Risk, Notes]),
    ("Intervention", &[Interventions]),
    ("Response", &[Responses, Goals, Assessment]),
    ("Plan", &[Homework, Doses, Review]),
];

const GIRP: &[Section] = &[
    ("Goals", &[Goals]),
    ("Intervention", &[Session, Interventions]),
    (
        "Response",
        &[Responses, Indicators, Scores, Risk, Assessment, Notes],
    ),
    ("Plan", &[Homework, Doses, Review]),
];

/// A session the client did not attend has a short note in every style:
/// what happened, what was done about it, the risk in force, what next.
const MISSED: &[Section] = &[("Attendance", &[Session, Notes, Risk, Review])];

impl Style {
    /// The style's name as the command line takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Style::Soap => "soap",
            Style::Dap => "dap",
            Style::Birp => "birp",
            Style::Girp => "girp",
        }
    }

    /// The note's heading: `SOAP progress note`.
    pub fn heading(self, attended: bool) -> String {
        if attended {
            format!("{} progress note", self.as_str().to_uppercase())
        } else {
            "Attendance note".to_owned()
        }
    }

    /// The sections of a note for an attended session, or the short
    /// attendance note's one section.
    pub fn sections(self, attended: bool) -> &'static [Section] {
        match (self, attended) {
            (_, false) => MISSED,
            (Style::Soap, true) => SOAP,
            (Style::Dap, true) => DAP,
            (Style::Birp, true) => BIRP,
            (Style::Girp, true) => GIRP,
        }
    }
}
