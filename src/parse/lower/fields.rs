//! Field lines: each field into its slot of its entry.

use super::{Lowerer, Malformed, P, keyword_at, values};
use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::parse::grammar::Rule as G;
use crate::rule::Rule;
use crate::span::{Span, Spanned};
use crate::vocabulary;
use crate::words::*;

impl Lowerer<'_> {
    /// Puts `value` in a single-valued slot; a second line for it is an error,
    /// and a value that could not be read (`None`) leaves the field unread.
    pub(super) fn set<T>(
        &mut self,
        slot: &mut Option<T>,
        value: Option<T>,
        field: Span,
        entry: &str,
    ) {
        if slot.is_some() {
            let keyword = keyword_at(self.source, field);
            let what = vocabulary::entry(entry).map_or("this entry", |e| e.article);
            self.diagnostics.push(
                Diagnostic::new(
                    Rule::Syntax,
                    field,
                    format!("{what} has a second `{keyword}` line"),
                )
                .with_help(match entry {
                    "goal" => {
                        "keep one; to change a goal later, use `revise` in a review".to_owned()
                    }
                    _ => format!("keep one `{keyword}` line"),
                }),
            );
        } else if value.is_some() {
            *slot = value;
        } else if let Some(written) = vocabulary::field(keyword_at(self.source, field)) {
            // The value could not be read (`attendance noshow`), and that
            // was reported: the field was written all the same, so rules
            // that look for it do not report it missing.
            self.document.unread.push(Unread {
                field: written.keyword,
                span: field,
            });
        }
    }

    /// Adds one field line to `entry`.
    pub(super) fn field(&mut self, entry: &mut Entry, item: P<'_>) -> Result<(), Malformed> {
        let at = self.span(&item);
        let kind = entry.keyword();
        let rule = item.as_rule();
        let mut v = values(item);
        let mut next = || v.next().ok_or(Malformed(at));
        match (entry, rule) {
            (Entry::Plan(p), G::f_client) => {
                self.set(&mut p.client, Some(self.ident(&next()?)), at, kind)
            }
            (Entry::Plan(p), G::f_born) => {
                let date = self.date(&next()?);
                self.set(&mut p.born, Some(date), at, kind);
            }
            (Entry::Plan(p), G::f_clinician) => {
                let text = self.text(&next()?);
                self.set(&mut p.clinician, Some(text), at, kind);
            }
            (Entry::Plan(p), G::f_prescriber) => {
                let text = self.text(&next()?);
                self.set(&mut p.prescriber, Some(text), at, kind);
            }
            (Entry::Plan(p), G::f_opened) => {
                let date = self.date(&next()?);
                self.set(&mut p.opened, Some(date), at, kind);
            }
            (Entry::Plan(p), G::f_orientation) => {
                self.set(&mut p.orientation, Some(self.ident(&next()?)), at, kind);
            }
            (Entry::Plan(p), G::f_integration) => {
                let word = self.word(&next()?);
                self.set(&mut p.integration, word, at, kind);
            }
            (Entry::Plan(p), G::f_rationale) => {
                let text = self.text(&next()?);
                self.set(&mut p.rationale, Some(text), at, kind);
            }
            (Entry::Plan(p), G::f_stage) => {
                let word = self.word(&next()?);
                self.set(&mut p.stage, word, at, kind);
            }
            (Entry::Plan(p), G::f_care) => {
                let word = self.word(&next()?);
                self.set(&mut p.care, word, at, kind);
            }
            (Entry::Plan(p), G::f_review_every) => {
                let pair = next()?;
                let value_span = self.span(&pair);
                let duration = self.duration(pair)?.map(|d| Spanned::new(d, value_span));
                self.set(&mut p.review_every, duration, at, kind);
            }
            (Entry::Plan(p), G::f_risk) => {
                let rating = self.risk(at, &mut v)?;
                self.set(&mut p.risk, rating, at, kind);
            }
            (Entry::Plan(p), G::f_discharge_criteria) => {
                p.discharge_criteria.push(self.text(&next()?));
            }
            (Entry::Concern(c), G::f_diagnosis) => {
                self.set(&mut c.diagnosis, Some(self.ident(&next()?)), at, kind);
            }
            (Entry::Concern(c), G::f_since) => {
                let date = self.date(&next()?);
                self.set(&mut c.since, Some(date), at, kind);
            }
            (Entry::Goal(g), G::f_measure) => self.measure(&mut g.measures, at, &mut v)?,
            (Entry::Objective(o), G::f_measure) => self.measure(&mut o.measures, at, &mut v)?,
            (Entry::Objective(o), G::f_due) => {
                let date = self.date(&next()?);
                self.set(&mut o.due, Some(date), at, kind);
            }
            (Entry::Objective(o), G::f_opened) => {
                let date = self.date(&next()?);
                self.set(&mut o.opened, Some(date), at, kind);
            }
            (Entry::Goal(g), G::f_due) => {
                let date = self.date(&next()?);
                self.set(&mut g.due, Some(date), at, kind);
            }
            (Entry::Goal(g), G::f_opened) => {
                let date = self.date(&next()?);
                self.set(&mut g.opened, Some(date), at, kind);
            }
            (Entry::Goal(g), G::f_stage) => {
                let word = self.word(&next()?);
                self.set(&mut g.stage, word, at, kind);
            }
            (Entry::Intervention(i), G::f_frequency) => {
                let pair = next()?;
                let frequency = match pair.as_rule() {
                    G::string => Some(Spanned::new(
                        Frequency::Described(self.text(&pair).value),
                        self.span(&pair),
                    )),
                    G::rate => self.rate(pair)?,
                    _ => match Cadence::ambiguity(pair.as_str()) {
                        Some(help) => {
                            self.diagnostics.push(
                                Diagnostic::new(
                                    Rule::Syntax,
                                    self.span(&pair),
                                    format!("the frequency `{}` is ambiguous", pair.as_str()),
                                )
                                .with_help(help),
                            );
                            None
                        }
                        None => self
                            .word::<Cadence>(&pair)
                            .map(|c| Spanned::new(Frequency::Cadence(c.value), c.span)),
                    },
                };
                self.set(&mut i.frequency, frequency, at, kind);
            }
            (Entry::Intervention(i), G::f_course) => {
                let extent = self.extent(next()?)?;
                self.set(&mut i.course, extent, at, kind);
            }
            (Entry::Intervention(i), G::f_consent) => {
                let date = self.date(&next()?);
                self.set(&mut i.consent, Some(date), at, kind);
            }
            (Entry::Intervention(i), G::f_opened) => {
                let date = self.date(&next()?);
                self.set(&mut i.opened, Some(date), at, kind);
            }
            (Entry::Intervention(i), G::f_rationale) => {
                let text = self.text(&next()?);
                self.set(&mut i.rationale, Some(text), at, kind);
            }
            (Entry::Medication(m), G::f_dose) => {
                let first = next()?;
                if first.as_rule() == G::ident {
                    self.diagnostics.push(
                        Diagnostic::new(
                            Rule::Syntax,
                            self.span(&first),
                            "a medication's own `dose` is its starting dose and names no medication",
                        )
                        .with_help(format!(
                            "write `dose \"…\"` here; a later change of dose goes in a session or review as `dose {} \"…\"`",
                            m.id.value
                        )),
                    );
                } else {
                    let text = self.text(&first);
                    self.set(&mut m.dose, Some(text), at, kind);
                }
            }
            (Entry::Medication(m), G::f_consent) => {
                let date = self.date(&next()?);
                self.set(&mut m.consent, Some(date), at, kind);
            }
            (Entry::Medication(m), G::f_started) => {
                let date = self.date(&next()?);
                self.set(&mut m.started, Some(date), at, kind);
            }
            (Entry::Medication(m), G::f_stopped) => {
                let date = self.date(&next()?);
                self.set(&mut m.stopped, Some(date), at, kind);
            }
            (Entry::Medication(m), G::f_prescriber) => {
                let text = self.text(&next()?);
                self.set(&mut m.prescriber, Some(text), at, kind);
            }
            (Entry::Medication(m), G::f_monitor) => {
                let text = self.text(&next()?);
                self.set(&mut m.monitor, Some(text), at, kind);
            }
            (Entry::Measure(m), G::f_range) => {
                let low = self.number(&next()?);
                let high = self.number(&next()?);
                let range = Spanned::new((low.value, high.value), low.span.to(high.span));
                if low.value > high.value {
                    self.diagnostics.push(
                        Diagnostic::new(
                            Rule::Syntax,
                            range.span,
                            "the range's lowest score is above its highest",
                        )
                        .with_help(format!(
                            "write it lowest first: `range {}..{}`",
                            high.value, low.value
                        )),
                    );
                }
                // A reversed range is reported once, above, and not kept:
                // otherwise every score would be reported outside it too.
                let ordered = (low.value <= high.value).then_some(range);
                self.set(&mut m.range, ordered, at, kind);
            }
            (Entry::Measure(m), G::f_better) => {
                let word = self.word(&next()?);
                self.set(&mut m.better, word, at, kind);
            }
            (Entry::Measure(m), G::f_reliable_change) => {
                let number = self.number(&next()?);
                self.set(&mut m.reliable_change, Some(number), at, kind);
            }
            (Entry::Session(s), G::f_used) => {
                let intervention = self.ident(&next()?);
                let response = v.next().map(|r| self.text(&r));
                s.used.push(Used {
                    span: at,
                    intervention,
                    response,
                });
            }
            (Entry::Session(s), G::f_progress) => {
                let goal = self.ident(&next()?);
                let indicator = self.text(&next()?);
                s.progress.push(Progress {
                    span: at,
                    goal,
                    indicator,
                });
            }
            (Entry::Session(s), G::f_score) => {
                let measure = self.ident(&next()?);
                let value = self.number(&next()?);
                let after = v.next().map(|a| self.number(&a));
                s.scores.push(Score {
                    span: at,
                    measure,
                    value,
                    after,
                });
            }
            (Entry::Session(s), G::f_risk) => {
                let rating = self.risk(at, &mut v)?;
                self.set(&mut s.risk, rating, at, kind);
            }
            (Entry::Session(s), G::f_attendance) => {
                let word = self.word(&next()?);
                self.set(&mut s.attendance, word, at, kind);
            }
            (Entry::Session(s), G::f_assessment) => {
                let text = self.text(&next()?);
                self.set(&mut s.assessment, Some(text), at, kind);
            }
            (Entry::Session(s), G::f_dose) => {
                if let Some(change) = self.dose_change(at, &mut v)? {
                    s.doses.push(change);
                }
            }
            (Entry::Session(s), G::f_note) => s.notes.push(self.text(&next()?)),
            (Entry::Session(s), G::f_homework) => s.homework.push(self.text(&next()?)),
            (Entry::Session(s), G::f_minutes) => {
                let number = self.number(&next()?);
                self.set(&mut s.minutes, Some(number), at, kind);
            }
            (Entry::Session(s), G::f_format) => {
                let word = self.word(&next()?);
                self.set(&mut s.format, word, at, kind);
            }
            (Entry::Review(r), G::f_status) => r.statuses.extend(self.status(at, &mut v)?),
            (Entry::Review(r), G::f_revise) => r.revisions.extend(self.revision(at, &mut v)?),
            (Entry::Review(r), G::f_risk) => {
                let rating = self.risk(at, &mut v)?;
                self.set(&mut r.risk, rating, at, kind);
            }
            (Entry::Review(r), G::f_dose) => {
                if let Some(change) = self.dose_change(at, &mut v)? {
                    r.doses.push(change);
                }
            }
            (Entry::Discharge(d), G::f_status) => d.statuses.extend(self.status(at, &mut v)?),
            (Entry::Discharge(d), G::f_revise) => d.revisions.extend(self.revision(at, &mut v)?),
            (Entry::Discharge(d), G::f_risk) => {
                let rating = self.risk(at, &mut v)?;
                self.set(&mut d.risk, rating, at, kind);
            }
            (Entry::Discharge(d), G::f_referral) => d.referrals.push(self.text(&next()?)),
            (Entry::Discharge(d), G::f_note) => d.notes.push(self.text(&next()?)),
            (Entry::Review(r), G::f_stop) => {
                let target = self.ident(&next()?);
                let reason = v.next().map(|n| self.text(&n));
                r.stops.push(Stop {
                    span: at,
                    target,
                    reason,
                });
            }
            (Entry::Review(r), G::f_stage) => {
                let word = self.word(&next()?);
                self.set(&mut r.stage, word, at, kind);
            }
            (Entry::Review(r), G::f_next) => {
                let date = self.date(&next()?);
                self.set(&mut r.next, Some(date), at, kind);
            }
            (Entry::Review(r), G::f_note) => r.notes.push(self.text(&next()?)),
            (Entry::Event(e), G::f_note) => e.notes.push(self.text(&next()?)),
            (Entry::Event(e), G::f_risk) => {
                let rating = self.risk(at, &mut v)?;
                self.set(&mut e.risk, rating, at, kind);
            }
            (Entry::SafetyPlan(p), G::f_warning_signs) => {
                let text = self.text(&next()?);
                self.set(&mut p.warning_signs, Some(text), at, kind);
            }
            (Entry::SafetyPlan(p), G::f_coping) => {
                let text = self.text(&next()?);
                self.set(&mut p.coping, Some(text), at, kind);
            }
            (Entry::SafetyPlan(p), G::f_contacts) => {
                let text = self.text(&next()?);
                self.set(&mut p.contacts, Some(text), at, kind);
            }
            (Entry::SafetyPlan(p), G::f_means_safety) => {
                let text = self.text(&next()?);
                self.set(&mut p.means_safety, Some(text), at, kind);
            }
            _ => self.misplaced(kind, at)?,
        }
        Ok(())
    }

    /// `risk LEVEL ["reason"]`; `None` when the level is not a risk level
    /// (already reported).
    fn risk<'i>(
        &mut self,
        at: Span,
        v: &mut impl Iterator<Item = P<'i>>,
    ) -> Result<Option<RiskRating>, Malformed> {
        let level = self.word(&v.next().ok_or(Malformed(at))?);
        let reason = v.next().map(|r| self.text(&r));
        Ok(level.map(|level| RiskRating {
            span: at,
            level,
            reason,
        }))
    }

    /// A `measure` line of a goal or objective, added to `measures`; a
    /// second target for the same measure is an error.
    fn measure<'i>(
        &mut self,
        measures: &mut Vec<GoalMeasure>,
        at: Span,
        v: &mut impl Iterator<Item = P<'i>>,
    ) -> Result<(), Malformed> {
        let mut next = || v.next().ok_or(Malformed(at));
        let measure = self.ident(&next()?);
        let baseline = self.number(&next()?);
        let target = self.target(next()?)?;
        let sustained = match v.next() {
            Some(pair) => {
                let extent = values(pair).next().ok_or(Malformed(at))?;
                self.extent(extent)?
            }
            None => None,
        };
        if measures.iter().any(|m| m.measure.value == measure.value) {
            self.diagnostics.push(
                Diagnostic::new(
                    Rule::Syntax,
                    measure.span,
                    format!("a second target for `{}`", measure.value),
                )
                .with_help(
                    "keep one `measure` line per measure; to change a target later, use \
                     `revise` in a review",
                ),
            );
            return Ok(());
        }
        measures.push(GoalMeasure {
            span: at,
            measure,
            baseline,
            target,
            sustained,
        });
        Ok(())
    }

    /// `status ID ACHIEVEMENT ["…"]`; `None` when the status is not one.
    fn status<'i>(
        &mut self,
        at: Span,
        v: &mut impl Iterator<Item = P<'i>>,
    ) -> Result<Option<StatusUpdate>, Malformed> {
        let goal = self.ident(&v.next().ok_or(Malformed(at))?);
        let status = self.word(&v.next().ok_or(Malformed(at))?);
        let note = v.next().map(|n| self.text(&n));
        Ok(status.map(|status| StatusUpdate {
            span: at,
            goal,
            status,
            note,
        }))
    }

    /// `revise ID target [MEASURE] CMP N`, `revise ID due DATE` or `revise
    /// ID course N UNIT`; `None` when the course is not a valid length.
    fn revision<'i>(
        &mut self,
        at: Span,
        v: &mut impl Iterator<Item = P<'i>>,
    ) -> Result<Option<Revision>, Malformed> {
        let id = self.ident(&v.next().ok_or(Malformed(at))?);
        let what = v.next().ok_or(Malformed(at))?;
        let rule = what.as_rule();
        let mut parts = values(what);
        let mut part = || parts.next().ok_or(Malformed(at));
        let change = match rule {
            G::revise_target => {
                let first = part()?;
                let (measure, target) = match first.as_rule() {
                    G::ident => (Some(self.ident(&first)), part()?),
                    _ => (None, first),
                };
                Change::Target {
                    measure,
                    target: self.target(target)?,
                }
            }
            G::revise_course => {
                let Some(extent) = self.extent(part()?)? else {
                    return Ok(None);
                };
                Change::Course(extent)
            }
            _ => Change::Due(self.date(&part()?)),
        };
        Ok(Some(Revision {
            span: at,
            id,
            change,
        }))
    }

    /// `dose MED "…"` in a session or review; the medication must be named.
    fn dose_change<'i>(
        &mut self,
        at: Span,
        v: &mut impl Iterator<Item = P<'i>>,
    ) -> Result<Option<DoseChange>, Malformed> {
        let first = v.next().ok_or(Malformed(at))?;
        if first.as_rule() != G::ident {
            self.diagnostics.push(
                Diagnostic::new(
                    Rule::Syntax,
                    self.span(&first),
                    "a change of dose names the medication it changes",
                )
                .with_help("write it as `dose M1 \"100 mg daily\"`, with the medication's id"),
            );
            return Ok(None);
        }
        let dose = self.text(&v.next().ok_or(Malformed(at))?);
        Ok(Some(DoseChange {
            span: at,
            medication: self.ident(&first),
            dose,
        }))
    }

    /// Reports a field line that belongs to another kind of entry.
    pub(super) fn misplaced(&mut self, kind: &str, at: Span) -> Result<(), Malformed> {
        let keyword = keyword_at(self.source, at);
        let syntax = vocabulary::field(keyword).ok_or(Malformed(at))?;
        let what = vocabulary::entry(kind).map_or("this entry", |e| e.article);
        let owners: Vec<&str> = syntax
            .entries
            .iter()
            .filter_map(|e| vocabulary::entry(e).map(|e| e.article))
            .collect();
        let allowed: Vec<&str> = vocabulary::fields_of(kind).collect();
        self.diagnostics.push(
            Diagnostic::new(
                Rule::Syntax,
                Span::new(at.start, at.start + keyword.len()),
                format!("`{keyword}` is not a field of {what}"),
            )
            .with_help(format!(
                "`{keyword}` belongs to {}; {what} may hold: {}",
                owners.join(" or "),
                allowed.join(", ")
            )),
        );
        Ok(())
    }
}
