//! An interactive session: a plan built and amended entry by entry, with the
//! checker answering each one. `careplan repl` is a thin terminal shell over
//! it; everything it does is here and works without a terminal.
//!
//! The session keeps the plan as **text**: the loaded file's text followed
//! by the entries typed, each after a blank line, so comments and layout
//! survive. After every change the whole text is checked again.
//!
//! ```
//! use careplan::CheckOptions;
//! use careplan::session::Session;
//! let mut session = Session::new(CheckOptions::new(jiff::civil::date(2026, 11, 22)));
//! session.add_entry("plan \"Low mood\"\n  opened 2026-09-01\n").unwrap();
//! session.add_entry("goal G1 \"Sleep through the night\"\n  due 2027-01-15\n").unwrap();
//! // An intervention that names no goal is flagged as soon as it is added.
//! let added = session.add_entry("intervention I1 CBT \"Sleep hygiene\"\n").unwrap();
//! assert!(added.findings.iter().any(|d| d.rule.name() == "unlinked-intervention"));
//! // A line the grammar cannot read is rejected and not added.
//! assert!(session.add_entry("goal G2\n").is_err());
//! session.undo();
//! assert!(!session.text().contains("I1"));
//! ```

mod annotate;
mod changes;
mod commands;
mod complete;
mod highlight;
mod input;
mod semantic;
mod sets;
mod show;
mod skeleton;
mod tokens;

pub use annotate::{Hint, Lens, hints, lenses};
pub use commands::{COMMANDS, CommandInfo, Failure, Reply};
pub use complete::{Completion, CompletionKind, complete};
pub use highlight::{Class, highlight};
pub use input::{Assembler, Input, is_complete, split};
pub use semantic::{IdKind, Piece, semantic};
pub use skeleton::{Part, session_skeleton};
pub(crate) use tokens::{Kind as TokenKind, tokens};

use crate::ast::Entry;
use crate::check::{Analysis, CheckOptions, check, check_parsed};
use crate::diagnostic::Diagnostic;
use crate::emit::{FileReport, human};
use crate::format::{FormatError, format};
use crate::parse::{Parsed, parse, parse_inserted};
use crate::rule::Rule;
use crate::span::{LineIndex, Span};
use crate::summary::{self, Summary};
use crate::workspace::{self, Contents, WorkspaceError};
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// A plan being built and amended, checked after every change.
#[derive(Clone, Debug)]
pub struct Session {
    /// The plan's text: what was loaded, then every entry added.
    text: String,
    /// The entries added since the last load, oldest first, for `undo`.
    added: Vec<Appended>,
    /// The file the plan was loaded from or last saved to.
    file: Option<PathBuf>,
    /// What that file held when it was loaded or saved (`None`: it did not
    /// exist), to notice when someone else changes it.
    on_disk: Option<Vec<u8>>,
    /// The text as it was when last loaded or saved.
    saved: String,
    options: CheckOptions,
    as_of: Option<Date>,
    analysis: Analysis,
    /// The line starts of `text`, kept with it for `line_of`.
    lines: LineIndex,
    styled: bool,
    /// A command that was refused once because it would discard unsaved
    /// changes; entering it again goes ahead.
    confirm: Option<String>,
    /// The first line of each entry not added, for the end of a script.
    rejected: Vec<String>,
}

/// One entry added to the text.
#[derive(Clone, Debug)]
struct Appended {
    /// What was inserted: the entry and its separating blank line.
    inserted: Span,
    /// The entry itself.
    span: Span,
}

/// An entry the session accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct Added {
    /// Where it stands in [`Session::text`].
    pub span: Span,
    /// What it is, for messages: `goal G1`, `session 2026-10-01`.
    pub what: String,
    /// The findings it brought: those about the entry itself, and those
    /// elsewhere in the plan that were not there before it (a duplicate id
    /// it clashes with, a plan-wide rule it now breaks). Spans point into
    /// [`Session::text`].
    pub findings: Vec<Diagnostic>,
    /// Findings that were there before the entry and are gone with it (the
    /// goal that now has an intervention).
    pub resolved: Vec<Diagnostic>,
}

/// An entry the session refused: it has syntax errors.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    /// The text the errors' spans point into: the session's text with the
    /// entry appended, so their line numbers are the ones the entry would
    /// have had.
    pub source: String,
    /// The syntax errors.
    pub errors: Vec<Diagnostic>,
}

/// Why a file could not be loaded or saved.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// `save` without a file name, and none was loaded.
    #[error("this plan has no file yet: name one, as in `:save plans/c-1042.careplan`")]
    NoFile,
    /// The file changed on disk since it was loaded or saved.
    #[error(
        "{} changed on disk since this session loaded or saved it; it was not overwritten \
         (save under another name, or `:load` it again to start from what it holds now)",
        crate::workspace::shown(.0)
    )]
    ChangedOnDisk(PathBuf),
    /// Saving under a new name would overwrite a file the session never loaded.
    #[error(
        "{} already exists and this session did not load it; it was not overwritten \
         (choose another name, or `:load` it first)",
        crate::workspace::shown(.0)
    )]
    Exists(PathBuf),
    /// The file is not UTF-8 text.
    #[error("{}: {}", crate::workspace::shown(.0), .1)]
    NotText(PathBuf, String),
    /// Reading or writing failed.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
}

/// A file that was saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// Where.
    pub path: PathBuf,
    /// Whether the text was formatted; `false` when syntax errors (from a
    /// loaded file) kept the formatter from running and the text was saved
    /// as it is.
    pub formatted: bool,
}

impl Session {
    /// An empty session judging the plan with `options` (its `today` is the
    /// date the plan is judged on).
    pub fn new(options: CheckOptions) -> Self {
        let analysis = check("", &options);
        Session {
            text: String::new(),
            added: Vec::new(),
            file: None,
            on_disk: None,
            saved: String::new(),
            options,
            as_of: None,
            analysis,
            lines: LineIndex::new(""),
            styled: false,
            confirm: None,
            rejected: Vec::new(),
        }
    }

    /// A session over `text` as an editor holds it: checked with
    /// `options`, with no file and nothing to undo.
    pub fn of_text(text: String, options: CheckOptions) -> Self {
        let analysis = check(&text, &options);
        let lines = LineIndex::new(&text);
        Session {
            text,
            analysis,
            lines,
            ..Session::new(options)
        }
    }

    /// What `:show ID` prints: the definition of `id` with its links and
    /// history as of the session's date, or why there is none.
    pub fn show(&self, id: &str) -> Result<String, String> {
        show::show(self, id)
    }

    /// The plan's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The file the plan was loaded from or last saved to.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The name findings are shown under: the file, or `<session>`.
    pub fn display_name(&self) -> String {
        self.file
            .as_ref()
            .map_or_else(|| "<session>".to_owned(), |f| crate::workspace::shown(f))
    }

    /// The check of the whole text as it stands.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// Every finding about the plan, in source order.
    pub fn check(&self) -> &[Diagnostic] {
        &self.analysis.diagnostics
    }

    /// The options the plan is checked with.
    pub fn options(&self) -> &CheckOptions {
        &self.options
    }

    /// The date the plan is judged on (overdue reviews and goals).
    pub fn today(&self) -> Date {
        self.options.today
    }

    /// Judges the plan on `today` from now on.
    pub fn set_today(&mut self, today: Date) {
        self.options.today = today;
        self.recheck();
    }

    /// The date summaries, goals and `show` describe: the one set with
    /// [`Session::set_as_of`], else [`Session::today`].
    pub fn as_of(&self) -> Date {
        self.as_of.unwrap_or(self.options.today)
    }

    /// Sets the date summaries and goals describe; `None` follows `today`.
    pub fn set_as_of(&mut self, as_of: Option<Date>) {
        self.as_of = as_of;
    }

    /// Whether the text differs from what was last loaded or saved.
    pub fn is_modified(&self) -> bool {
        self.text != self.saved
    }

    /// How many entries [`Session::undo`] can remove.
    pub fn undoable(&self) -> usize {
        self.added.len()
    }

    /// Whether rendered findings carry ANSI colours (off by default).
    pub fn set_styled(&mut self, styled: bool) {
        self.styled = styled;
    }

    /// Adds an entry (or several, or only comments) written as in a file.
    ///
    /// The text is parsed on its own first: with a syntax error it is
    /// [`Rejected`] and the plan is unchanged. Otherwise it is added, and
    /// the whole plan is checked again: a dated entry (a session, review,
    /// event or safety plan) goes before the first entry dated after it, so
    /// that a back-dated note keeps the record in date order; anything else
    /// is appended after a blank line.
    pub fn add_entry(&mut self, entry: &str) -> Result<Added, Rejected> {
        let body = entry.trim_end_matches(['\n', '\r', ' ', '\t']);
        if body.trim().is_empty() {
            let end = self.text.len();
            return Ok(Added {
                span: Span::new(end, end),
                what: "nothing".to_owned(),
                findings: Vec::new(),
                resolved: Vec::new(),
            });
        }
        let own_text = format!("{body}\n");
        let own = parse(&own_text);
        let placed = self.place_by_date(&own.document.entries);
        let (at, lead, trail) = match placed {
            Some(at) => (at, "", "\n"),
            None => (self.text.len(), self.separator(), ""),
        };
        let start = at + lead.len();
        let (head, tail) = self.text.split_at(at.min(self.text.len()));
        let candidate = format!("{head}{lead}{body}\n{trail}{tail}");
        let errors: Vec<Diagnostic> = own
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == Rule::Syntax)
            .map(|mut d| {
                d.span = d.span.shift(start);
                d
            })
            .collect();
        if !errors.is_empty() {
            return Err(Rejected {
                source: candidate,
                errors,
            });
        }
        let before = self.analysis.document.entries.len();
        let inserted = Span::new(at, at + lead.len() + own_text.len() + trail.len());
        // The plan around the entry is not read again when it read cleanly
        // (nothing in it can reach into the new text; `parse_inserted`
        // checks the rest): the entries after it only move.
        let analysis = if self
            .analysis
            .diagnostics
            .iter()
            .any(|d| d.rule.is_reading())
        {
            check(&candidate, &self.options)
        } else {
            let earlier = Parsed {
                document: std::mem::take(&mut self.analysis.document),
                diagnostics: Vec::new(),
            };
            let parsed = parse_inserted(earlier, &candidate, inserted);
            check_parsed(&candidate, parsed, &self.options)
        };
        if analysis.document.entries.len() != before + own.document.entries.len() {
            // The plan's own tree may have gone to the new parse.
            self.recheck();
            // The text above swallowed the entry: it ends inside an unclosed `"""`.
            let span = Span::new(start, start + body.lines().next().map_or(0, str::len));
            return Err(Rejected {
                source: candidate,
                errors: vec![
                    Diagnostic::new(
                        Rule::Syntax,
                        span,
                        "this entry could not be added after the plan's text",
                    )
                    .with_help(
                        "the text above ends inside a string that is never closed; \
                         fix the file, then `:load` it again",
                    ),
                ],
            });
        }
        let span = Span::new(start, start + own_text.len());
        let old = std::mem::replace(&mut self.analysis, analysis);
        // The findings before, moved as the text after the insertion moved,
        // so that a finding that only moved is neither new nor resolved.
        let moved: Vec<Diagnostic> = old
            .diagnostics
            .into_iter()
            .map(|mut d| {
                if placed.is_some() && d.span.start >= at {
                    d.span = d.span.shift(inserted.end - inserted.start);
                }
                d
            })
            .collect();
        let (findings, resolved) = changes::compare(&moved, &self.analysis.diagnostics);
        self.added.push(Appended { inserted, span });
        let what = describe(own.document.entries.first(), &own_text);
        self.lines.insert(inserted.start, inserted.text(&candidate));
        self.text = candidate;
        Ok(Added {
            span,
            what,
            findings,
            resolved,
        })
    }

    /// Removes the last entry added since the plan was loaded (entries of a
    /// loaded file cannot be undone) and returns its text.
    pub fn undo(&mut self) -> Option<String> {
        let last = self.added.pop()?;
        let removed = last.span.text(&self.text).to_owned();
        let (start, end) = (last.inserted.start, last.inserted.end);
        if self.text.is_char_boundary(start) && end <= self.text.len() {
            self.text.replace_range(start..end, "");
        }
        self.recheck();
        Some(removed)
    }

    /// Replaces the plan with the file at `path`, checks it and returns its
    /// findings. A file with findings, syntax errors included, is loaded all
    /// the same; the undo history starts afresh.
    pub fn load(&mut self, path: &Path) -> Result<&[Diagnostic], SessionError> {
        let text = match workspace::read(path)? {
            Contents::Text(text) => text,
            Contents::NotText { finding, .. } => {
                return Err(SessionError::NotText(path.to_owned(), finding.message));
            }
        };
        self.on_disk = Some(text.clone().into_bytes());
        self.file = Some(path.to_owned());
        self.saved = text.clone();
        self.text = text;
        self.added.clear();
        self.recheck();
        Ok(&self.analysis.diagnostics)
    }

    /// Loads `path`, or, when nothing is there yet, starts an empty plan
    /// that [`Session::save`] will create there. Returns whether it loaded.
    pub fn open(&mut self, path: &Path) -> Result<bool, SessionError> {
        if std::fs::symlink_metadata(path).is_err() {
            *self = Session {
                file: Some(path.to_owned()),
                styled: self.styled,
                as_of: self.as_of,
                ..Session::new(self.options.clone())
            };
            return Ok(false);
        }
        self.load(path).map(|_| true)
    }

    /// Saves the plan, formatted with [`crate::format::format`] and written
    /// atomically, to `path` or else to the file it came from.
    ///
    /// It never overwrites what it did not write or read: saving to the
    /// session's file is refused when that file changed on disk since it was
    /// loaded or saved, and saving under another name is refused when a file
    /// is already there.
    pub fn save(&mut self, path: Option<&Path>) -> Result<Saved, SessionError> {
        let target = match (path, &self.file) {
            (Some(path), _) => path.to_owned(),
            (None, Some(file)) => file.clone(),
            (None, None) => return Err(SessionError::NoFile),
        };
        let ours = self.file.as_deref().is_some_and(|f| same_path(f, &target));
        let expected = if ours { self.on_disk.as_deref() } else { None };
        let found = match workspace::read_bytes(&target, workspace::PLAN_LIMIT) {
            Ok(bytes) => Some(bytes),
            Err(WorkspaceError::NotFound(_)) => None,
            Err(error) => return Err(error.into()),
        };
        if found.as_deref() != expected {
            return Err(if ours {
                SessionError::ChangedOnDisk(target)
            } else {
                SessionError::Exists(target)
            });
        }
        let (contents, formatted) = match format(&self.text) {
            Ok(formatted) => (formatted, true),
            Err(FormatError(_)) => (self.text.clone(), false),
        };
        workspace::write_atomic(&target, &contents)?;
        self.on_disk = Some(contents.into_bytes());
        self.saved = self.text.clone();
        self.file = Some(target.clone());
        Ok(Saved {
            path: target,
            formatted,
        })
    }

    /// The plan's summary as it stood on [`Session::as_of`].
    pub fn summary(&self) -> Summary {
        summary::summarize(
            &self.display_name(),
            &self.text,
            &self.analysis,
            &self.options,
            self.as_of(),
        )
    }

    /// Renders findings whose spans point into [`Session::text`] as
    /// `careplan check` shows them, with the lines they are about.
    pub fn render(&self, diagnostics: &[Diagnostic]) -> String {
        self.render_in(&self.text, diagnostics)
    }

    /// Renders a rejected entry's errors, with the lines they are about.
    pub fn render_rejected(&self, rejected: &Rejected) -> String {
        self.render_in(&rejected.source, &rejected.errors)
    }

    fn render_in(&self, source: &str, diagnostics: &[Diagnostic]) -> String {
        let name = self.display_name();
        let report = FileReport {
            path: &name,
            source,
            diagnostics,
        };
        human::render(&report, self.styled)
    }

    /// The 1-based line on which byte `offset` of the text stands.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.line_of(offset) + 1
    }

    /// What goes between the text and a new entry: a blank line.
    /// Where a lone dated entry goes to keep the record in date order: the
    /// start of the first entry dated after it (above the comments right
    /// over that entry); `None` to append it.
    fn place_by_date(&self, entries: &[crate::ast::Entry]) -> Option<usize> {
        let [entry] = entries else { return None };
        let date = entry.date().and_then(|d| d.value)?;
        let later = self
            .analysis
            .document
            .entries
            .iter()
            .find(|e| e.date().and_then(|d| d.value).is_some_and(|d| d > date))?;
        // The start of the entry's line (an indented header starts after
        // its spaces), then the column-0 comment lines right above it, which
        // belong to it; an indented comment belongs to the entry above.
        let line_start = |at: usize| {
            self.text
                .get(..at)
                .and_then(|t| t.rfind('\n'))
                .map_or(0, |i| i + 1)
        };
        let mut at = line_start(later.span().start);
        while let Some(end) = at.checked_sub(1) {
            let start = line_start(end);
            if !self.text.get(start..end)?.starts_with('#') {
                break;
            }
            at = start;
        }
        self.text.is_char_boundary(at).then_some(at)
    }

    fn separator(&self) -> &'static str {
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            ""
        } else if self.text.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        }
    }

    fn recheck(&mut self) {
        self.analysis = check(&self.text, &self.options);
        self.lines = LineIndex::new(&self.text);
    }
}

/// Whether two paths name the same file, as far as can be told without
/// requiring either to exist.
fn same_path(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => std::path::absolute(a).ok() == std::path::absolute(b).ok(),
    }
}

/// An entry in a few words: `goal G1`, `session 2026-10-01`, `the plan`;
/// `source` is the text its spans point into.
pub(crate) fn describe(entry: Option<&Entry>, source: &str) -> String {
    let Some(entry) = entry else {
        return "a comment".to_owned();
    };
    if let Some(id) = entry.id() {
        return format!("{} {}", entry.keyword(), id.value);
    }
    match entry {
        Entry::Plan(_) => "the plan".to_owned(),
        Entry::Event(e) => format!("event {} {}", e.date.span.text(source), e.kind.value),
        other => match other.date() {
            Some(date) => format!("{} {}", other.keyword(), date.span.text(source)),
            None => other.keyword().to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::{Session, SessionError};
    use crate::CheckOptions;

    const PLAN: &str = "plan \"Panic\"\n  opened 2026-09-01\n";

    fn session() -> Session {
        Session::new(CheckOptions::new(jiff::civil::date(2026, 11, 22)))
    }

    #[test]
    fn save_into_a_missing_folder_says_to_create_it() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let folder = dir.path().join("plans");
        let mut session = session();
        session
            .add_entry("plan \"Panic disorder\"\n")
            .expect("added");
        let refused = session
            .save(Some(&folder.join("c-1042.careplan")))
            .expect_err("no folder to save in");
        assert_eq!(
            refused.to_string(),
            format!(
                "{}: no such folder; create it first, or write the file somewhere else",
                folder.display()
            )
        );
        assert!(session.is_modified(), "the plan is still unsaved");
    }

    #[test]
    fn save_refuses_a_file_changed_on_disk_since_it_was_loaded() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("plan.careplan");
        std::fs::write(&path, PLAN).expect("written");
        let mut session = session();
        session.load(&path).expect("loaded");
        session
            .add_entry("goal G1 \"Fewer attacks\"\n")
            .expect("added");
        std::fs::write(&path, "# edited elsewhere\n").expect("written");
        let refused = session.save(None);
        assert!(
            matches!(refused, Err(SessionError::ChangedOnDisk(_))),
            "{refused:?}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).ok().as_deref(),
            Some("# edited elsewhere\n")
        );
        assert!(session.is_modified());
    }

    #[test]
    fn save_writes_the_formatted_plan_and_can_save_again() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("plan.careplan");
        std::fs::write(&path, "plan   \"Panic\"\n    opened 2026-09-01\n").expect("written");
        let mut session = session();
        session.load(&path).expect("loaded");
        session
            .add_entry("goal  G1 \"Fewer attacks\"\n")
            .expect("added");
        let saved = session.save(None).expect("saved");
        assert!(saved.formatted);
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(text, format!("{PLAN}\ngoal G1 \"Fewer attacks\"\n"));
        assert!(!session.is_modified());
        session
            .add_entry("concern C1 \"Panic attacks\"\n")
            .expect("added");
        session
            .save(None)
            .expect("its own last save is not a change on disk");
    }
}
