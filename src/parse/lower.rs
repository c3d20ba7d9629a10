//! Lowering pest pairs into the typed [`crate::ast`], with spans, reporting
//! what the grammar accepts but the language does not (a field in the wrong
//! entry, a word outside its set, a date not on the calendar).

use super::explain;
use super::grammar::Rule as G;
use super::text;
use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::span::{Span, Spanned};
use crate::suggest::did_you_mean;
use crate::vocabulary;
use crate::words::*;
use pest::iterators::{Pair, Pairs};

type P<'i> = Pair<'i, G>;

/// Collects entries, comments and findings while walking the parse tree.
pub(super) struct Lowerer<'s> {
    source: &'s str,
    pub(super) document: Document,
    pub(super) diagnostics: Vec<Diagnostic>,
    /// A `"""` string left open by a bad line: the lines after it that do
    /// not parse are its text, not mistakes of their own.
    unclosed: Option<Unclosed>,
}

/// An unclosed `"""` string reported, and the unreadable lines after it.
struct Unclosed {
    /// Its finding, in `diagnostics`.
    finding: usize,
    /// How many lines after it could not be read.
    lines: usize,
}

fn span(pair: &P<'_>) -> Span {
    let s = pair.as_span();
    Span::new(s.start(), s.end())
}

fn ident(pair: &P<'_>) -> Ident {
    Spanned::new(pair.as_str().to_owned(), span(pair))
}

/// The value pairs of a field or header, mid-line keywords left out.
fn values<'i>(pair: P<'i>) -> impl Iterator<Item = P<'i>> {
    pair.into_inner().filter(|p| {
        !matches!(
            p.as_rule(),
            G::k_for
                | G::k_comma
                | G::k_every
                | G::k_baseline
                | G::k_target
                | G::k_due
                | G::k_to
                | G::k_arrow
        )
    })
}

/// Reads a value of a closed word set from its string form.
trait Word: Sized + Copy {
    const WORDS: &'static [&'static str];
    const WHAT: &'static str;
    fn from_word(word: &str) -> Option<Self>;
}

macro_rules! impl_word {
    ($($t:ty),+) => {$(
        impl Word for $t {
            const WORDS: &'static [&'static str] = <$t>::WORDS;
            const WHAT: &'static str = <$t>::WHAT;
            fn from_word(word: &str) -> Option<Self> {
                <$t>::from_word(word)
            }
        }
    )+};
}
impl_word!(
    Stage,
    Achievement,
    Integration,
    Care,
    Risk,
    Better,
    SessionFormat,
    EventKind,
    Cadence
);

/// A missing value the grammar promised: a bug in careplan, reported as a finding.
struct Malformed(Span);

impl<'s> Lowerer<'s> {
    pub(super) fn new(source: &'s str) -> Self {
        Lowerer {
            source,
            document: Document::default(),
            diagnostics: Vec::new(),
            unclosed: None,
        }
    }

    /// Reports a line that did not parse, unless it follows an unclosed
    /// `"""`, whose text it then is: one mistake, one finding.
    fn unreadable(&mut self, text: &str, explain: impl FnOnce() -> Diagnostic) {
        if let Some(unclosed) = &mut self.unclosed {
            unclosed.lines += text.lines().filter(|l| !l.trim().is_empty()).count();
            return;
        }
        if explain::opens_unclosed(text.lines().next().unwrap_or("")) {
            self.unclosed = Some(Unclosed {
                finding: self.diagnostics.len(),
                lines: 0,
            });
        }
        self.diagnostics.push(explain());
    }

    /// Ends the text of an unclosed `"""`, at the next entry that parses or
    /// the end of the file, saying how many lines it took.
    fn close_unclosed(&mut self) {
        let Some(Unclosed { finding, lines }) = self.unclosed.take() else {
            return;
        };
        if let Some(d) = self.diagnostics.get_mut(finding)
            && lines > 0
        {
            d.message.push_str(&format!(
                "; the {} after it, up to the next entry, could not be read",
                crate::diagnostic::plural(lines, "line", "lines")
            ));
        }
    }

    /// Lowers the `file` pair's children.
    pub(super) fn file(&mut self, pairs: Pairs<'_, G>) {
        for pair in pairs {
            match pair.as_rule() {
                G::comment => self.comment(&pair),
                G::bad_entry => {
                    let first = pair.as_str().lines().next().unwrap_or("");
                    let start = span(&pair).start;
                    self.unreadable(pair.as_str(), || explain::bad_entry(first, start));
                }
                G::EOI => self.close_unclosed(),
                _ => {
                    self.close_unclosed();
                    self.entry(pair);
                }
            }
        }
    }

    fn comment(&mut self, pair: &P<'_>) {
        let span = span(pair);
        let line_start = self
            .source
            .get(..span.start)
            .and_then(|s| s.rfind('\n'))
            .map_or(0, |i| i + 1);
        let before = self.source.get(line_start..span.start).unwrap_or("");
        let text = pair
            .as_str()
            .strip_prefix('#')
            .unwrap_or("")
            .trim_end_matches('\r');
        self.document.comments.push(Comment {
            text: text.to_owned(),
            span,
            trailing: !before.trim_start_matches('\u{FEFF}').trim().is_empty(),
        });
    }

    fn malformed(&mut self, Malformed(span): Malformed) {
        self.diagnostics.push(
            Diagnostic::new(
                Rule::Syntax,
                span,
                "careplan could not read this part of the entry",
            )
            .with_help("this is a bug in careplan; please report it with the line that caused it"),
        );
    }

    fn entry(&mut self, pair: P<'_>) {
        // The grammar takes trailing blank lines into the entry; its span does not.
        let start = pair.as_span().start();
        let entry_span = Span::new(start, start + pair.as_str().trim_end().len());
        let mut inner = pair.into_inner();
        let Some(head) = inner.next() else {
            return self.malformed(Malformed(entry_span));
        };
        let mut entry = match self.head(head, entry_span) {
            Ok(Some(entry)) => entry,
            Ok(None) => return,
            Err(m) => return self.malformed(m),
        };
        for item in inner {
            match item.as_rule() {
                G::comment => self.comment(&item),
                G::bad_field => {
                    let start = span(&item).start;
                    let keyword = entry.keyword();
                    self.unreadable(item.as_str(), || {
                        explain::bad_field(item.as_str(), start, keyword)
                    });
                }
                _ => {
                    if let Err(m) = self.field(&mut entry, item) {
                        self.malformed(m);
                    }
                }
            }
        }
        self.document.entries.push(entry);
    }

    fn text(&mut self, pair: &P<'_>) -> Text {
        let raw = pair.as_str();
        let at = span(pair);
        if raw.starts_with("\"\"\"") {
            self.diagnostics
                .extend(explain::swallowed_entry(raw, at.start));
        }
        Spanned::new(text::decode(raw), at)
    }

    fn date(&mut self, pair: &P<'_>) -> DateLit {
        let span = span(pair);
        match text::date(pair.as_str()) {
            Ok(date) => Spanned::new(Some(date), span),
            Err(why) => {
                self.diagnostics.push(
                    Diagnostic::new(Rule::InvalidDate, span, why)
                        .with_help("write a real calendar date as YYYY-MM-DD"),
                );
                Spanned::new(None, span)
            }
        }
    }

    fn number(&mut self, pair: &P<'_>) -> Number {
        let value = number_value(pair.as_str());
        if !value.is_finite() {
            self.diagnostics.push(
                Diagnostic::new(Rule::Syntax, span(pair), "this number is too large to read")
                    .with_help("check it for a slip of the keyboard: scores are small numbers"),
            );
        }
        Spanned::new(value, span(pair))
    }

    fn word<T: Word>(&mut self, pair: &P<'_>) -> Option<Spanned<T>> {
        let written = pair.as_str();
        if let Some(value) = T::from_word(written) {
            return Some(Spanned::new(value, span(pair)));
        }
        let mut help = format!("use one of: {}", T::WORDS.join(", "));
        if let Some(close) = did_you_mean(written, T::WORDS.iter().copied()) {
            help = format!("did you mean `{close}`? {help}");
        }
        self.diagnostics.push(
            Diagnostic::new(
                Rule::Syntax,
                span(pair),
                format!("unknown {} `{written}`", T::WHAT),
            )
            .with_help(help),
        );
        None
    }

    fn goals(&self, pair: Option<P<'_>>) -> Vec<Ident> {
        pair.map(|p| values(p).map(|g| ident(&g)).collect())
            .unwrap_or_default()
    }

    fn target(&mut self, pair: P<'_>) -> Result<Target, Malformed> {
        let within = span(&pair);
        let mut inner = pair.into_inner();
        let comparator = inner.next().ok_or(Malformed(within))?;
        let value = inner.next().ok_or(Malformed(within))?;
        Ok(Target {
            span: within,
            comparator: Comparator::from_word(comparator.as_str()).ok_or(Malformed(within))?,
            value: self.number(&value).value,
        })
    }

    fn duration(&mut self, pair: P<'_>) -> Result<Option<Duration>, Malformed> {
        let within = span(&pair);
        let mut inner = pair.into_inner();
        let amount = inner.next().ok_or(Malformed(within))?;
        let unit = inner.next().ok_or(Malformed(within))?;
        let unit = Unit::from_word_or_singular(unit.as_str()).ok_or(Malformed(within))?;
        match amount.as_str().parse::<u32>() {
            Ok(amount) if amount > 0 => Ok(Some(Duration { amount, unit })),
            _ => {
                self.diagnostics.push(
                    Diagnostic::new(
                        Rule::Syntax,
                        span(&amount),
                        "a duration is a whole number above zero",
                    )
                    .with_help("write it like `8 weeks`, `90 days` or `3 months`"),
                );
                Ok(None)
            }
        }
    }

    /// The entry a header starts, with no fields yet; `None` when the header
    /// holds a word outside its set (already reported).
    fn head(&mut self, head: P<'_>, span_: Span) -> Result<Option<Entry>, Malformed> {
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

    /// Puts `value` in a single-valued slot; a second line for it is an error.
    fn set<T>(&mut self, slot: &mut Option<T>, value: Option<T>, field: Span, entry: &str) {
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
        }
    }

    /// Adds one field line to `entry`.
    fn field(&mut self, entry: &mut Entry, item: P<'_>) -> Result<(), Malformed> {
        let at = span(&item);
        let kind = entry.keyword();
        let rule = item.as_rule();
        let mut v = values(item);
        let mut next = || v.next().ok_or(Malformed(at));
        match (entry, rule) {
            (Entry::Plan(p), G::f_client) => {
                self.set(&mut p.client, Some(ident(&next()?)), at, kind)
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
                self.set(&mut p.orientation, Some(ident(&next()?)), at, kind);
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
                let value_span = span(&pair);
                let duration = self.duration(pair)?.map(|d| Spanned::new(d, value_span));
                self.set(&mut p.review_every, duration, at, kind);
            }
            (Entry::Plan(p), G::f_risk) => {
                let word = self.word(&next()?);
                self.set(&mut p.risk, word, at, kind);
            }
            (Entry::Concern(c), G::f_diagnosis) => {
                self.set(&mut c.diagnosis, Some(ident(&next()?)), at, kind);
            }
            (Entry::Concern(c), G::f_since) => {
                let date = self.date(&next()?);
                self.set(&mut c.since, Some(date), at, kind);
            }
            (Entry::Goal(g), G::f_measure) => {
                let measure = ident(&next()?);
                let baseline = self.number(&next()?);
                let target = self.target(next()?)?;
                let value = GoalMeasure {
                    span: at,
                    measure,
                    baseline,
                    target,
                };
                self.set(&mut g.measure, Some(value), at, kind);
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
                        span(&pair),
                    )),
                    _ => match Cadence::ambiguity(pair.as_str()) {
                        Some(help) => {
                            self.diagnostics.push(
                                Diagnostic::new(
                                    Rule::Syntax,
                                    span(&pair),
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
                let text = self.text(&next()?);
                self.set(&mut m.dose, Some(text), at, kind);
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
                let intervention = ident(&next()?);
                let response = v.next().map(|r| self.text(&r));
                s.used.push(Used {
                    span: at,
                    intervention,
                    response,
                });
            }
            (Entry::Session(s), G::f_progress) => {
                let goal = ident(&next()?);
                let indicator = self.text(&next()?);
                s.progress.push(Progress {
                    span: at,
                    goal,
                    indicator,
                });
            }
            (Entry::Session(s), G::f_score) => {
                let measure = ident(&next()?);
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
                let word = self.word(&next()?);
                self.set(&mut s.risk, word, at, kind);
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
            (Entry::Review(r), G::f_status) => {
                let goal = ident(&next()?);
                let status = self.word(&next()?);
                let note = v.next().map(|n| self.text(&n));
                if let Some(status) = status {
                    r.statuses.push(StatusUpdate {
                        span: at,
                        goal,
                        status,
                        note,
                    });
                }
            }
            (Entry::Review(r), G::f_revise) => {
                let goal = ident(&next()?);
                let what = next()?;
                let change = match what.as_rule() {
                    G::revise_target => {
                        let target = values(what).next().ok_or(Malformed(at))?;
                        Change::Target(self.target(target)?)
                    }
                    _ => {
                        let date = values(what).next().ok_or(Malformed(at))?;
                        Change::Due(self.date(&date))
                    }
                };
                r.revisions.push(Revision {
                    span: at,
                    goal,
                    change,
                });
            }
            (Entry::Review(r), G::f_stop) => {
                let target = ident(&next()?);
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

    /// Reports a field line that belongs to another kind of entry.
    fn misplaced(&mut self, kind: &str, at: Span) -> Result<(), Malformed> {
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

/// The value of a `number` token (`-`? digits, then `.` and digits or not).
///
/// Short numbers are read exactly without the general float parser: their
/// digits form an integer below 2^53 and the power of ten dividing it is
/// exact, so one correctly rounded division gives the same `f64` as
/// `str::parse` would.
fn number_value(text: &str) -> f64 {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let count = whole.len() + fraction.len();
    if !(1..=15).contains(&count) || whole.is_empty() {
        return text.parse().unwrap_or(f64::NAN);
    }
    let mut mantissa: u64 = 0;
    for &d in whole.as_bytes().iter().chain(fraction.as_bytes()) {
        if !d.is_ascii_digit() {
            return text.parse().unwrap_or(f64::NAN);
        }
        mantissa = mantissa * 10 + u64::from(d - b'0');
    }
    const POWERS: [f64; 15] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
    ];
    let Some(power) = POWERS.get(fraction.len()) else {
        return text.parse().unwrap_or(f64::NAN);
    };
    let value = mantissa as f64 / power;
    if negative { -value } else { value }
}

/// The keyword that starts the field line at `field`.
fn keyword_at(source: &str, field: Span) -> &str {
    field.text(source).split([' ', '\t']).next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::number_value;

    /// The fast path reads every number exactly as the general float parser does.
    #[test]
    fn numbers_read_as_str_parse_reads_them() {
        for text in [
            "0",
            "7",
            "-3",
            "0.1",
            "0.3",
            "12.75",
            "-0.05",
            "999999999999999",
            "99999999999999.9",
            "1234567890123456",
            "0.000000000000001",
            "1.00000000000000001",
            "27",
            "2.5",
        ] {
            let expected: f64 = text.parse().unwrap_or(f64::NAN);
            assert_eq!(number_value(text).to_bits(), expected.to_bits(), "{text}");
        }
    }
}
