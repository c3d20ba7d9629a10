//! `careplan repl [FILE]`: build and amend a plan interactively.
//!
//! A thin shell over [`careplan::session`]: at a terminal, rustyline edits
//! the input (a `Validator` keeps an entry open while it may go on, Tab
//! completes, keywords are coloured, a hint shows the rest of a known id);
//! with piped input, the same lines are read one by one and the same
//! answers printed, without prompts, so sessions can be scripted.
//!
//! Privacy: no history is kept unless `--history FILE` names one, and that
//! file is made owner-only (0600). Nothing else is written but the files the
//! user saves to.

use super::configs::Configs;
use super::{Outcome, date_arg, fail, system_today};
use careplan::session::{
    Assembler, Class, CompletionKind, Failure, Input, Reply, Session, complete, highlight,
    is_complete, split,
};
use jiff::civil::Date;
use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::FileHistory;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{CompletionType, Config, Context, Editor, Helper};
use std::borrow::Cow;
use std::io::{BufRead, IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};

/// Options of `careplan repl`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A plan file to load (or, when it does not exist yet, to create with `:save`)
    file: Option<PathBuf>,
    /// The date the plan is judged on (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    today: Option<Date>,
    /// Use this configuration instead of the `careplan.toml` found above the file
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Keep the lines typed at a terminal in FILE, readable by you alone (none is kept otherwise)
    #[arg(long, value_name = "FILE")]
    history: Option<PathBuf>,
}

/// Runs a session until `:quit`, Ctrl-D or the end of the input.
pub fn run(args: &Args) -> Outcome {
    let today = args.today.unwrap_or_else(system_today);
    let mut configs = match Configs::new(today, args.config.as_deref()) {
        Ok(configs) => configs,
        Err(error) => return fail(error),
    };
    let near = args
        .file
        .clone()
        .unwrap_or_else(|| PathBuf::from("session.careplan"));
    let options = match configs.for_file(&near) {
        Ok(options) => options.clone(),
        Err(error) => return fail(error),
    };
    let mut session = Session::new(options);
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let styled = interactive
        && anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never;
    session.set_styled(styled);
    if let Some(file) = &args.file {
        match session.start(file) {
            Ok(reply) => print(&reply),
            Err(error) => return fail(error),
        }
    }
    let result = if interactive {
        terminal(session, styled, args.history.as_deref()).map(|()| Outcome::Clean)
    } else {
        piped(session)
    };
    match result {
        Ok(outcome) => outcome,
        Err(error) => fail(error),
    }
}

/// A script's exit code after its worst failure: 2 when a `:save` failed
/// (the plan is not on disk), 1 when an entry was rejected or a command
/// failed, 0 otherwise.
fn outcome(worst: Option<Failure>) -> Outcome {
    match worst {
        None => Outcome::Clean,
        Some(Failure::Command | Failure::Rejected) => Outcome::Failed,
        Some(Failure::Unsaved) => Outcome::Unusable,
    }
}

/// Prints a reply as it is (its colours were decided by the session).
fn print(reply: &Reply) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(reply.text.as_bytes());
    let _ = out.flush();
}

/// Reads piped input line by line and answers each complete input; the
/// outcome follows the worst failure.
fn piped(mut session: Session) -> Result<Outcome, String> {
    let mut input = Assembler::default();
    let mut worst = None;
    let mut stdin = std::io::stdin().lock();
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        let read = stdin
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("cannot read the input: {e}"))?;
        if read == 0 {
            break;
        }
        number += 1;
        let Ok(text) = std::str::from_utf8(&line) else {
            println!("error: line {number} of the input is not UTF-8 text; it was skipped");
            worst = worst.max(Some(Failure::Rejected));
            continue;
        };
        let text = text.strip_suffix('\n').unwrap_or(text);
        for done in input.push(text) {
            let reply = session.enter(done);
            print(&reply);
            worst = worst.max(reply.failure);
            if reply.quit {
                return Ok(outcome(worst));
            }
        }
    }
    for done in input.finish() {
        let reply = session.enter(done);
        print(&reply);
        worst = worst.max(reply.failure);
        if reply.quit {
            return Ok(outcome(worst));
        }
    }
    print(&session.end_of_input());
    Ok(outcome(worst))
}

/// Edits input at a terminal with rustyline.
fn terminal(session: Session, styled: bool, history: Option<&Path>) -> Result<(), String> {
    let config = Config::builder()
        .auto_add_history(false)
        .history_ignore_dups(true)
        .map_err(|e| e.to_string())?
        // Circular: Tab fills in a candidate and cycles on. rustyline's List
        // display overwrites its list when the entry spans several lines.
        .completion_type(CompletionType::Circular)
        .build();
    let mut editor: Editor<Terminal, FileHistory> =
        Editor::with_config(config).map_err(|e| format!("cannot use the terminal: {e}"))?;
    editor.set_helper(Some(Terminal { session, styled }));
    if let Some(path) = history {
        owner_only(path)?;
        editor
            .load_history(path)
            .map_err(|e| format!("cannot read the history {}: {e}", path.display()))?;
    }
    println!(
        "careplan repl: type entries as in a plan file (a blank line ends one); \
         :help lists the commands, :quit leaves."
    );
    let mut pending = String::new();
    loop {
        let read = editor.readline_with_initial("> ", (&pending, ""));
        pending.clear();
        let inputs = match read {
            Ok(buffer) => {
                if history.is_some() && !buffer.trim().is_empty() {
                    let _ = editor.add_history_entry(buffer.trim_end());
                }
                let (done, open) = split(&buffer);
                pending = open;
                done
            }
            // Ctrl-C drops the entry being typed.
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => vec![Input::Command(":quit".to_owned())],
            Err(error) => return Err(format!("cannot read the terminal: {error}")),
        };
        let Some(helper) = editor.helper_mut() else {
            return Err("the line editor lost its session".to_owned());
        };
        let mut quit = false;
        for input in inputs {
            let reply = helper.session.enter(input);
            print(&reply);
            quit |= reply.quit;
            if quit {
                break;
            }
        }
        if let Some(path) = history {
            editor
                .save_history(path)
                .map_err(|e| format!("cannot write the history {}: {e}", path.display()))?;
        }
        if quit {
            return Ok(());
        }
    }
}

/// Creates the history file readable and writable by its owner alone, or
/// makes an existing one so.
fn owner_only(path: &Path) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot open the history {}: {e}", path.display());
    let mut open = std::fs::OpenOptions::new();
    open.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
        open.mode(0o600);
        let file = open.open(path).map_err(fail)?;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(fail)?;
    }
    #[cfg(not(unix))]
    open.open(path).map_err(fail)?;
    Ok(())
}

/// rustyline's view of the session: completion, hints, colours and when
/// Enter submits.
struct Terminal {
    session: Session,
    styled: bool,
}

impl Helper for Terminal {}

impl Completer for Terminal {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let before = line.get(..pos).unwrap_or(line);
        let completion = complete(before, &self.session);
        Ok((completion.start, completion.candidates))
    }
}

impl Hinter for Terminal {
    type Hint = String;

    /// The rest of a known id, when the cursor is at the end of one.
    fn hint(&self, line: &str, pos: usize, _: &Context<'_>) -> Option<String> {
        if pos < line.len() {
            return None;
        }
        let completion = complete(line, &self.session);
        if completion.kind != CompletionKind::Id {
            return None;
        }
        completion.common_rest(line.get(completion.start..)?)
    }
}

impl Validator for Terminal {
    /// Enter submits a complete entry or command; otherwise it starts a new line.
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        Ok(if is_complete(ctx.input()) {
            ValidationResult::Valid(None)
        } else {
            ValidationResult::Incomplete
        })
    }
}

impl Highlighter for Terminal {
    fn highlight<'l>(&self, line: &'l str, _: usize) -> Cow<'l, str> {
        if !self.styled {
            return Cow::Borrowed(line);
        }
        let mut out = String::with_capacity(line.len() * 2);
        let mut at = 0;
        for (range, class) in highlight(line, &self.session) {
            let (Some(plain), Some(text)) = (line.get(at..range.start), line.get(range.clone()))
            else {
                continue;
            };
            out.push_str(plain);
            out.push_str(colour(class));
            out.push_str(text);
            out.push_str("\x1b[0m");
            at = range.end;
        }
        out.push_str(line.get(at..).unwrap_or(""));
        Cow::Owned(out)
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.styled {
            Cow::Owned(format!("\x1b[2m{hint}\x1b[0m"))
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _: &str, _: usize, _: CmdKind) -> bool {
        self.styled
    }
}

/// The ANSI colour of a syntax class.
fn colour(class: Class) -> &'static str {
    match class {
        Class::Keyword => "\x1b[1;34m",
        Class::Field => "\x1b[36m",
        Class::Id => "\x1b[33m",
        Class::Word => "\x1b[34m",
        Class::Date | Class::Number => "\x1b[35m",
        Class::Str => "\x1b[32m",
        Class::Comment => "\x1b[2m",
        Class::Command => "\x1b[1;36m",
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::owner_only;
    use std::os::unix::fs::PermissionsExt as _;

    fn mode(path: &std::path::Path) -> u32 {
        std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0)
    }

    #[test]
    fn the_history_file_is_created_owner_only() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("history");
        owner_only(&path).expect("created");
        assert_eq!(mode(&path), 0o600);
    }

    #[test]
    fn an_open_history_file_is_made_owner_only() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("history");
        std::fs::write(&path, "goal G1\n").expect("written");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        owner_only(&path).expect("tightened");
        assert_eq!(mode(&path), 0o600);
        assert_eq!(
            std::fs::read_to_string(&path).ok().as_deref(),
            Some("goal G1\n")
        );
    }
}
