//! Entry headers: what a header says ([`Head`]), read from the grammar's
//! pairs or recovered from a damaged line, and the entry it starts.

use super::{Lowerer, Malformed, P, values};
use crate::ast::*;
use crate::parse::grammar::Rule as G;
use crate::span::{Span, Spanned};
use crate::words::*;

/// What one header line says. Each kind of entry uses its own parts; a
/// damaged header may lack some of them.
#[derive(Debug, Default)]
pub(in crate::parse) struct Head {
    /// The entry keyword.
    pub keyword: &'static str,
    /// The header line.
    pub header: Span,
    /// The id a definition introduces.
    pub id: Option<Ident>,
    /// The plan's title, a concern's or goal's text, an intervention's
    /// title, a measure's name, an event's text.
    pub text: Option<Text>,
    /// An intervention's modality and technique.
    pub modality: Option<Ident>,
    /// An intervention's technique.
    pub technique: Option<Ident>,
    /// A medication's drug.
    pub drug: Option<Text>,
    /// A dated entry's date.
    pub date: Option<DateLit>,
    /// An event's kind.
    pub kind: Option<Spanned<EventKind>>,
    /// A discharge's type.
    pub discharge: Option<Spanned<DischargeKind>>,
    /// The ids after `for`.
    pub goals: Vec<Ident>,
}

impl Lowerer<'_> {
    /// What a header the grammar read says; `None` when it holds a word
    /// outside its set (already reported).
    pub(super) fn head(&mut self, head: P<'_>) -> Result<Option<Head>, Malformed> {
        let header = self.span(&head);
        let rule = head.as_rule();
        let mut parts = Head {
            header,
            ..Head::default()
        };
        let mut v = values(head);
        let mut next = || v.next().ok_or(Malformed(header));
        match rule {
            G::plan_head => {
                parts.keyword = "plan";
                parts.text = Some(self.text(&next()?));
            }
            G::concern_head | G::goal_head | G::objective_head | G::measure_head => {
                parts.keyword = match rule {
                    G::concern_head => "concern",
                    G::goal_head => "goal",
                    G::objective_head => "objective",
                    _ => "measure",
                };
                parts.id = Some(self.ident(&next()?));
                parts.text = Some(self.text(&next()?));
                parts.goals = self.goals(v.next());
            }
            G::intervention_head => {
                parts.keyword = "intervention";
                parts.id = Some(self.ident(&next()?));
                parts.modality = Some(self.ident(&next()?));
                for pair in v {
                    match pair.as_rule() {
                        G::ident => parts.technique = Some(self.ident(&pair)),
                        G::string => parts.text = Some(self.text(&pair)),
                        _ => parts.goals = self.goals(Some(pair)),
                    }
                }
            }
            G::medication_head => {
                parts.keyword = "medication";
                parts.id = Some(self.ident(&next()?));
                let drug = next()?;
                parts.drug = Some(match drug.as_rule() {
                    G::string => self.text(&drug),
                    _ => Spanned::new(drug.as_str().to_owned(), self.span(&drug)),
                });
                parts.goals = self.goals(v.next());
            }
            G::session_head | G::review_head | G::safety_plan_head => {
                parts.keyword = match rule {
                    G::session_head => "session",
                    G::review_head => "review",
                    _ => "safety-plan",
                };
                parts.date = Some(self.date(&next()?));
            }
            G::event_head => {
                parts.keyword = "event";
                parts.date = Some(self.date(&next()?));
                let kind = next()?;
                parts.text = Some(self.text(&next()?));
                let Some(kind) = self.word::<EventKind>(&kind) else {
                    return Ok(None);
                };
                parts.kind = Some(kind);
            }
            G::discharge_head => {
                parts.keyword = "discharge";
                parts.date = Some(self.date(&next()?));
                let kind = next()?;
                parts.text = v.next().map(|t| self.text(&t));
                // A type that is not one of the words is reported; the
                // episode still ends on the date, so nothing after it is
                // reported as overdue because of the one mistake.
                parts.discharge = self.word::<DischargeKind>(&kind);
            }
            _ => return Err(Malformed(header)),
        }
        Ok(Some(parts))
    }
}

/// The entry a header starts, with no fields yet; `None` when the header
/// lacks a part its kind cannot do without (an id, a date, an event's kind).
pub(super) fn entry(head: Head, span: Span) -> Option<Entry> {
    let header = head.header;
    let titled = head.text.is_some();
    let text = head
        .text
        .unwrap_or_else(|| Spanned::new(String::new(), Span::new(header.end, header.end)));
    Some(match head.keyword {
        "plan" => Entry::Plan(Box::new(Plan {
            span,
            header,
            title: text,
            client: None,
            born: None,
            clinician: None,
            prescriber: None,
            opened: None,
            orientation: None,
            integration: None,
            rationale: None,
            stage: None,
            care: None,
            review_every: None,
            risk: None,
            discharge_criteria: Vec::new(),
        })),
        "concern" => Entry::Concern(Concern {
            span,
            header,
            id: head.id?,
            text,
            diagnosis: None,
            since: None,
        }),
        "goal" => Entry::Goal(Goal {
            span,
            header,
            id: head.id?,
            text,
            concerns: head.goals,
            measures: Vec::new(),
            due: None,
            opened: None,
            stage: None,
        }),
        "objective" => Entry::Objective(Objective {
            span,
            header,
            id: head.id?,
            text,
            goals: head.goals,
            measures: Vec::new(),
            due: None,
            opened: None,
        }),
        "intervention" => Entry::Intervention(Intervention {
            span,
            header,
            id: head.id?,
            modality: head.modality?,
            technique: head.technique,
            title: titled.then_some(text),
            goals: head.goals,
            frequency: None,
            course: None,
            consent: None,
            opened: None,
            rationale: None,
        }),
        "medication" => Entry::Medication(Medication {
            span,
            header,
            id: head.id?,
            drug: head.drug?,
            goals: head.goals,
            dose: None,
            consent: None,
            started: None,
            stopped: None,
            prescriber: None,
            monitor: None,
        }),
        "measure" => Entry::Measure(MeasureDef {
            span,
            header,
            id: head.id?,
            name: text,
            range: None,
            better: None,
            reliable_change: None,
        }),
        "session" => Entry::Session(Session {
            span,
            header,
            date: head.date?,
            used: Vec::new(),
            progress: Vec::new(),
            scores: Vec::new(),
            risk: None,
            notes: Vec::new(),
            attendance: None,
            assessment: None,
            doses: Vec::new(),
            homework: Vec::new(),
            minutes: None,
            format: None,
        }),
        "review" => Entry::Review(Review {
            span,
            header,
            date: head.date?,
            statuses: Vec::new(),
            revisions: Vec::new(),
            stops: Vec::new(),
            stage: None,
            next: None,
            notes: Vec::new(),
            risk: None,
            doses: Vec::new(),
        }),
        "event" => Entry::Event(Event {
            span,
            header,
            date: head.date?,
            kind: head.kind?,
            text,
            notes: Vec::new(),
            risk: None,
        }),
        "safety-plan" => Entry::SafetyPlan(SafetyPlan {
            span,
            header,
            date: head.date?,
            warning_signs: None,
            coping: None,
            contacts: None,
            means_safety: None,
        }),
        "discharge" => Entry::Discharge(Discharge {
            span,
            header,
            date: head.date?,
            kind: head.discharge,
            summary: titled.then_some(text),
            statuses: Vec::new(),
            revisions: Vec::new(),
            referrals: Vec::new(),
            risk: None,
            notes: Vec::new(),
        }),
        _ => return None,
    })
}
