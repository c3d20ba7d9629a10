//! Entry headers: the entry each kind of header starts.

use super::{Lowerer, Malformed, P, ident, span, values};
use crate::ast::*;
use crate::parse::grammar::Rule as G;
use crate::span::Span;
use crate::words::*;

impl Lowerer<'_> {
    /// The entry a header starts, with no fields yet; `None` when the header
    /// holds a word outside its set (already reported).
    pub(super) fn head(&mut self, head: P<'_>, span_: Span) -> Result<Option<Entry>, Malformed> {
        let header = span(&head);
        let rule = head.as_rule();
        let mut v = values(head);
        let mut next = || v.next().ok_or(Malformed(header));
        Ok(Some(match rule {
            G::plan_head => Entry::Plan(Plan {
                span: span_,
                header,
                title: self.text(&next()?),
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
            }),
            G::concern_head => Entry::Concern(Concern {
                span: span_,
                header,
                id: ident(&next()?),
                text: self.text(&next()?),
                diagnosis: None,
                since: None,
            }),
            G::goal_head => Entry::Goal(Goal {
                span: span_,
                header,
                id: ident(&next()?),
                text: self.text(&next()?),
                concerns: self.goals(v.next()),
                measure: None,
                due: None,
                opened: None,
                stage: None,
            }),
            G::intervention_head => {
                let id = ident(&next()?);
                let modality = ident(&next()?);
                let mut technique = None;
                let mut title = None;
                let mut goals = Vec::new();
                for pair in v {
                    match pair.as_rule() {
                        G::ident => technique = Some(ident(&pair)),
                        G::string => title = Some(self.text(&pair)),
                        _ => goals = self.goals(Some(pair)),
                    }
                }
                Entry::Intervention(Intervention {
                    span: span_,
                    header,
                    id,
                    modality,
                    technique,
                    title,
                    goals,
                    frequency: None,
                    consent: None,
                    opened: None,
                    rationale: None,
                })
            }
            G::medication_head => {
                let id = ident(&next()?);
                let drug = next()?;
                let drug = match drug.as_rule() {
                    G::string => self.text(&drug),
                    _ => ident(&drug),
                };
                Entry::Medication(Medication {
                    span: span_,
                    header,
                    id,
                    drug,
                    goals: self.goals(v.next()),
                    dose: None,
                    started: None,
                    stopped: None,
                    prescriber: None,
                    monitor: None,
                })
            }
            G::measure_head => Entry::Measure(MeasureDef {
                span: span_,
                header,
                id: ident(&next()?),
                name: self.text(&next()?),
                range: None,
                better: None,
                reliable_change: None,
            }),
            G::session_head => Entry::Session(Session {
                span: span_,
                header,
                date: self.date(&next()?),
                used: Vec::new(),
                progress: Vec::new(),
                scores: Vec::new(),
                risk: None,
                notes: Vec::new(),
                homework: Vec::new(),
                minutes: None,
                format: None,
            }),
            G::review_head => Entry::Review(Review {
                span: span_,
                header,
                date: self.date(&next()?),
                statuses: Vec::new(),
                revisions: Vec::new(),
                stops: Vec::new(),
                stage: None,
                next: None,
                notes: Vec::new(),
            }),
            G::event_head => {
                let date = self.date(&next()?);
                let kind_pair = next()?;
                let text = self.text(&next()?);
                let Some(kind) = self.word::<EventKind>(&kind_pair) else {
                    return Ok(None);
                };
                Entry::Event(Event {
                    span: span_,
                    header,
                    date,
                    kind,
                    text,
                    notes: Vec::new(),
                })
            }
            G::safety_plan_head => Entry::SafetyPlan(SafetyPlan {
                span: span_,
                header,
                date: self.date(&next()?),
                warning_signs: None,
                coping: None,
                contacts: None,
                means_safety: None,
            }),
            _ => return Err(Malformed(header)),
        }))
    }
}
