//! Lowering pest pairs into the typed [`crate::ast`], with spans, reporting
//! what the grammar accepts but the language does not (a field in the wrong
//! entry, a word outside its set, a date not on the calendar). One file per
//! part: headers (`head`), field lines (`fields`) and values (`values`).

mod fields;
mod head;
mod recover;
mod values;

use super::explain;
use super::grammar::Rule as G;
use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::span::{Span, Spanned};
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
    /// The entries whose header was recovered, by index in the document:
    /// their links are kept only where they name a defined id.
    recovered: Vec<usize>,
    /// Where in the file the item being lowered starts: its pairs' spans
    /// count from there.
    base: usize,
}

/// An unclosed `"""` string reported, and the unreadable lines after it.
struct Unclosed {
    /// Its finding, in `diagnostics`.
    finding: usize,
    /// How many lines after it could not be read.
    lines: usize,
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
                | G::k_sustained
                | G::k_per
                | G::k_course
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
    Cadence,
    Attendance,
    DischargeKind
);

/// A missing value the grammar promised: a bug in careplan, reported as a finding.
struct Malformed(Span);

impl<'s> Lowerer<'s> {
    /// A lowerer of `source`'s items from offset `from` on.
    pub(super) fn new(source: &'s str, from: usize) -> Self {
        Lowerer {
            source,
            document: Document {
                entries: Vec::with_capacity(entries_in(source.get(from..).unwrap_or(""))),
                ..Document::default()
            },
            diagnostics: Vec::new(),
            unclosed: None,
            recovered: Vec::new(),
            base: 0,
        }
    }

    /// Where `pair` is in the file.
    fn span(&self, pair: &P<'_>) -> Span {
        let s = pair.as_span();
        Span::new(self.base + s.start(), self.base + s.end())
    }

    /// An id as written, where it is.
    fn ident(&self, pair: &P<'_>) -> Ident {
        Spanned::new(Name::new(pair.as_str()), self.span(pair))
    }

    /// Reports a line that did not parse, unless it follows an unclosed
    /// `"""`, whose text it then is: one mistake, one finding.
    fn unreadable(&mut self, text: &str, explain: impl FnOnce() -> Diagnostic) {
        if self.unclosed.is_some() {
            return self.swallow(text);
        }
        if explain::opens_unclosed(text.lines().next().unwrap_or("")) {
            self.unclosed = Some(Unclosed {
                finding: self.diagnostics.len(),
                lines: 0,
            });
        }
        self.diagnostics.push(explain());
    }

    /// Counts `text` as part of the unclosed `"""` string's text.
    fn swallow(&mut self, text: &str) {
        if let Some(unclosed) = &mut self.unclosed {
            unclosed.lines += text.lines().filter(|l| !l.trim().is_empty()).count();
        }
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

    /// Lowers one grammar `item` read at offset `base` of the file.
    pub(super) fn item(&mut self, item: P<'_>, base: usize) {
        self.base = base;
        for pair in item.into_inner() {
            match pair.as_rule() {
                G::comment => self.comment(&pair),
                G::bad_entry => {
                    let first = pair.as_str().lines().next().unwrap_or("");
                    let start = self.span(&pair).start;
                    self.unreadable(pair.as_str(), || explain::bad_entry(first, start));
                }
                // After an unclosed `"""`, a line that is not a valid
                // entry at column 0 is the string's text.
                G::indented | G::damaged if self.unclosed.is_some() => self.swallow(pair.as_str()),
                G::indented => {
                    self.close_unclosed();
                    self.indented(pair);
                }
                G::damaged => {
                    self.close_unclosed();
                    self.damaged(pair);
                }
                _ => {
                    self.close_unclosed();
                    self.entry(pair);
                }
            }
        }
    }

    /// Ends the file: an unclosed `"""` runs to here, and recovered
    /// headers keep only the links that name a definition.
    pub(super) fn finish(&mut self) {
        self.close_unclosed();
        self.drop_unknown_links();
    }

    /// A damaged header's words after `for` were guessed to be links: the
    /// ones that name no definition are dropped rather than reported, since
    /// the header's one finding already points at the line.
    fn drop_unknown_links(&mut self) {
        if self.recovered.is_empty() {
            return;
        }
        let defined: foldhash::HashSet<Name> = self
            .document
            .entries
            .iter()
            .filter_map(|e| e.id().map(|id| id.value.clone()))
            .collect();
        for &at in &self.recovered {
            let links = match self.document.entries.get_mut(at) {
                Some(Entry::Goal(g)) => &mut g.concerns,
                Some(Entry::Intervention(i)) => &mut i.goals,
                Some(Entry::Medication(m)) => &mut m.goals,
                Some(Entry::Objective(o)) => &mut o.goals,
                _ => continue,
            };
            links.retain(|id| defined.contains(&id.value));
        }
    }

    fn comment(&mut self, pair: &P<'_>) {
        let span = self.span(pair);
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

    /// An entry header indented under the entry above: one finding, and the
    /// entry is read as written.
    fn indented(&mut self, pair: P<'_>) {
        let indent = self.span(&pair).start;
        let Some(entry) = pair.into_inner().next() else {
            return;
        };
        let at = self.span(&entry).start;
        let keyword = entry.as_str().split([' ', '\t']).next().unwrap_or("");
        self.diagnostics.push(
            Diagnostic::new(
                Rule::Syntax,
                Span::new(at, at + keyword.len()),
                format!("`{keyword}` starts an entry, but it is indented; entry headers start at column 0"),
            )
            .with_help("remove the spaces before it (its fields stay indented below it)")
            .with_fix(explain::dedent(indent, at)),
        );
        self.entry(entry);
    }

    /// An entry whose header does not parse: its one finding, then the
    /// entry as far as its header can be recovered, with its fields.
    fn damaged(&mut self, pair: P<'_>) {
        let start = self.span(&pair).start;
        let entry_span = Span::new(start, start + pair.as_str().trim_end().len());
        let mut inner = pair.into_inner();
        let Some(line) = inner.next() else {
            return self.malformed(Malformed(entry_span));
        };
        let text = line.as_str();
        let offset = self.span(&line).start;
        self.unreadable(text, || explain::bad_entry(text, offset));
        let keyword = text.split([' ', '\t', ':']).next().unwrap_or("");
        let Some(keyword) = crate::vocabulary::entry(keyword).map(|e| e.keyword) else {
            return;
        };
        let recovered = recover::head(keyword, text.trim_end_matches('\r'), offset);
        if let Some(entry) = head::entry(recovered, entry_span) {
            self.recovered.push(self.document.entries.len());
            self.fields(entry, inner);
        }
    }

    fn entry(&mut self, pair: P<'_>) {
        // The grammar takes trailing blank lines into the entry; its span does not.
        let start = self.span(&pair).start;
        let entry_span = Span::new(start, start + pair.as_str().trim_end().len());
        let mut inner = pair.into_inner();
        let Some(head) = inner.next() else {
            return self.malformed(Malformed(entry_span));
        };
        let parts = match self.head(head) {
            Ok(Some(parts)) => parts,
            Ok(None) => return,
            Err(m) => return self.malformed(m),
        };
        match head::entry(parts, entry_span) {
            Some(entry) => self.fields(entry, inner),
            None => self.malformed(Malformed(entry_span)),
        }
    }

    /// Reads an entry's field lines into it, and keeps it.
    fn fields(&mut self, mut entry: Entry, inner: Pairs<'_, G>) {
        for item in inner {
            match item.as_rule() {
                G::comment => self.comment(&item),
                G::bad_field => {
                    let line = self.span(&item);
                    let keyword = entry.keyword();
                    let written = item.as_str().split([' ', '\t', ':']).next().unwrap_or("");
                    // The field meant: as written, in another case (`Due`),
                    // or misspelt (`deu`).
                    let fields = || crate::vocabulary::fields_of(keyword);
                    let meant = fields()
                        .find(|f| f.eq_ignore_ascii_case(written))
                        .or_else(|| crate::suggest::did_you_mean(written, fields()));
                    if self.unclosed.is_none()
                        && let Some(field) = meant.and_then(crate::vocabulary::field)
                    {
                        self.document.unread.push(Unread {
                            field: field.keyword,
                            span: line,
                        });
                    }
                    self.unreadable(item.as_str(), || {
                        let indent = self
                            .source
                            .get(..line.start)
                            .and_then(|before| before.rfind('\n'))
                            .map_or(0, |at| at + 1);
                        explain::bad_field(item.as_str(), indent, line.start, keyword)
                    });
                }
                _ => {
                    if let Err(m) = self.field(&mut entry, item) {
                        self.malformed(m);
                    }
                }
            }
        }
        if let Entry::Session(session) = &mut entry {
            self.not_seen(session);
        }
        compact(&mut entry);
        self.document.entries.push(entry);
    }

    /// A session the client did not attend records the appointment only
    /// (language decision 7): its `used`, `score` and `progress` lines are
    /// one finding, at the first of them, and are left out of the tree so
    /// that no rule reads them as if the client had been seen.
    fn not_seen(&mut self, session: &mut Session) {
        let Some(attendance) = session.attendance.as_ref().filter(|_| !session.attended()) else {
            return;
        };
        let lines = session.used.iter().map(|u| u.span);
        let lines = lines.chain(session.scores.iter().map(|s| s.span));
        let lines: Vec<Span> = lines
            .chain(session.progress.iter().map(|p| p.span))
            .collect();
        let Some(first) = lines.iter().min_by_key(|s| s.start).copied() else {
            return;
        };
        let keyword = keyword_at(self.source, first);
        let others = match lines.len().saturating_sub(1) {
            0 => String::new(),
            n => format!(
                ", nor the {} below it",
                crate::diagnostic::plural(
                    n,
                    "other `used`, `score` or `progress` line",
                    "other `used`, `score` and `progress` lines"
                )
            ),
        };
        self.diagnostics.push(
            Diagnostic::new(
                Rule::Syntax,
                first,
                format!(
                    "this session records `attendance {}`: the client was not seen, so it \
                     cannot record `{keyword}`{others}",
                    attendance.value
                ),
            )
            .with_help(
                "if the client was seen, remove the `attendance` line (a session is attended \
                 by default); if not, remove its `used`, `score` and `progress` lines and say \
                 what happened in a `note`",
            ),
        );
        session.used.clear();
        session.scores.clear();
        session.progress.clear();
    }
}

/// About how many entries `source` holds: its lines that start with a
/// letter. The entries are reserved for at once, rather than grown to
/// twice what a long plan needs.
fn entries_in(source: &str) -> usize {
    let bytes = source.as_bytes();
    let starts = memchr::memchr_iter(b'\n', bytes)
        .filter(|&at| bytes.get(at + 1).is_some_and(|b| b.is_ascii_lowercase()));
    starts.count() + 1
}

/// Gives back the room a dated entry's lists grew into: a list holds room
/// for four lines from its first, and sessions, the bulk of a long plan,
/// usually have one or two of each.
fn compact(entry: &mut Entry) {
    match entry {
        Entry::Session(s) => {
            s.used.shrink_to_fit();
            s.progress.shrink_to_fit();
            s.scores.shrink_to_fit();
            s.notes.shrink_to_fit();
            s.doses.shrink_to_fit();
            s.homework.shrink_to_fit();
        }
        Entry::Review(r) => {
            r.statuses.shrink_to_fit();
            r.revisions.shrink_to_fit();
            r.stops.shrink_to_fit();
            r.notes.shrink_to_fit();
            r.doses.shrink_to_fit();
        }
        _ => {}
    }
}

/// The keyword that starts the field line at `field`.
fn keyword_at(source: &str, field: Span) -> &str {
    field.text(source).split([' ', '\t']).next().unwrap_or("")
}
