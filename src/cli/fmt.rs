//! `careplan fmt PATH...`: rewrite plan files in the canonical layout.

use super::jobs::Jobs;
use super::{Outcome, fail, plan_files, rendered, report, show};
use careplan::format::{FormatError, format};
use careplan::workspace::{self, Contents, WorkspaceError};
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// Options of `careplan fmt`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan files or directories (every `*.careplan` below); `-` reads
    /// standard input and writes the result to standard output [default: .]
    paths: Vec<PathBuf>,
    /// Change nothing; exit 1 naming each file that is not formatted
    #[arg(long)]
    check: bool,
    /// Change nothing; print a unified diff of what would change
    #[arg(long)]
    diff: bool,
    /// The path to name in messages about standard input
    #[arg(long, value_name = "PATH")]
    stdin_filepath: Option<PathBuf>,
    #[command(flatten)]
    jobs: Jobs,
}

/// Formats the named files, or standard input.
pub fn run(args: &Args) -> Outcome {
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        if args.paths.len() > 1 {
            return fail("`-` (standard input) cannot be combined with other paths");
        }
        return stdin(args);
    }
    let files = match plan_files(&args.paths) {
        Ok(files) => files,
        Err(outcome) => return outcome,
    };
    let mut outcome = Outcome::Clean;
    let mut changed = 0;
    let mut unread = 0;
    args.jobs.in_order(
        &files,
        |path| one(args, path),
        |(display, formatted)| match formatted.shown(args, &display) {
            Ok(true) => changed += 1,
            Ok(false) => {}
            Err(failed) => {
                unread += 1;
                outcome = outcome.max(failed);
            }
        },
    );
    let verb = if args.check || args.diff {
        "would reformat"
    } else {
        "reformatted"
    };
    // Files that could not be read or parsed were not judged at all: say
    // so, rather than let "0 of 1" read as "already formatted".
    let skipped = match unread {
        0 => String::new(),
        n => format!("; {n} could not be formatted (see above)"),
    };
    anstream::eprintln!(
        "{verb} {changed} of {}{skipped}",
        careplan::emit::plural(files.len(), "file", "files")
    );
    if (args.check || args.diff) && changed > 0 {
        outcome = outcome.max(Outcome::Failed);
    }
    outcome
}

/// What became of one file, for [`Formatted::shown`] to tell in file order.
enum Formatted {
    /// Already formatted.
    Unchanged,
    /// Not formatted: rewritten, or (with `--diff`) this diff would do it.
    Changed(Option<String>),
    /// Not text: its finding, rendered.
    NotText(String),
    /// Syntax errors, rendered: the file was left as it was.
    Unreadable(String),
    /// It could not be read or written.
    Failed(WorkspaceError),
}

impl Formatted {
    /// Prints what became of the file `display`; `Ok(true)` when it is (or
    /// would be) changed.
    fn shown(self, args: &Args, display: &str) -> Result<bool, Outcome> {
        match self {
            Formatted::Unchanged => Ok(false),
            Formatted::Changed(Some(diff)) => {
                print!("{diff}");
                Ok(true)
            }
            Formatted::Changed(None) => {
                if args.check {
                    println!("{display}: not formatted");
                }
                Ok(true)
            }
            Formatted::NotText(findings) => {
                show(&findings);
                Err(Outcome::Failed)
            }
            Formatted::Unreadable(findings) => {
                show(&findings);
                anstream::eprintln!(
                    "careplan: {display} was left unchanged: fix its syntax errors first"
                );
                Err(Outcome::Failed)
            }
            Formatted::Failed(error) => Err(fail(error)),
        }
    }
}

/// Formats one file (unless `--check` or `--diff`), printing nothing: the
/// path as shown and what became of it.
fn one(args: &Args, path: &Path) -> (String, Formatted) {
    let display = workspace::shown(path);
    let source = match workspace::read(path) {
        Ok(Contents::Text(text)) => text,
        Ok(Contents::NotText { finding, shown }) => {
            let findings = rendered(&display, &shown, &[finding]);
            return (display, Formatted::NotText(findings));
        }
        Err(error) => return (display, Formatted::Failed(error)),
    };
    let formatted = match format(&source) {
        Ok(formatted) => formatted,
        Err(FormatError(errors)) => {
            let findings = rendered(&display, &source, &errors);
            return (display, Formatted::Unreadable(findings));
        }
    };
    let done = if formatted == source {
        Formatted::Unchanged
    } else if args.diff {
        Formatted::Changed(Some(diff(&display, &source, &formatted)))
    } else if args.check {
        Formatted::Changed(None)
    } else if let Err(error) = workspace::write_atomic(path, &formatted) {
        Formatted::Failed(error)
    } else {
        Formatted::Changed(None)
    };
    (display, done)
}

/// Formats standard input to standard output.
fn stdin(args: &Args) -> Outcome {
    let display = args
        .stdin_filepath
        .as_ref()
        .map_or_else(|| "<stdin>".to_owned(), |p| workspace::shown(p));
    let mut bytes = Vec::new();
    let limit = workspace::PLAN_LIMIT.bytes;
    if let Err(error) = std::io::stdin().take(limit + 1).read_to_end(&mut bytes) {
        return fail(format!("{display}: {error}"));
    }
    if bytes.len() as u64 > limit {
        return fail(format!(
            "{display}: the input is larger than {} MiB, the most careplan reads; it is not a plan",
            limit / (1024 * 1024)
        ));
    }
    let source = match workspace::contents(bytes) {
        Contents::Text(text) => text,
        Contents::NotText { finding, shown } => {
            report(&display, &shown, &[finding]);
            return Outcome::Failed;
        }
    };
    match format(&source) {
        Ok(formatted) => {
            if args.diff {
                print!("{}", diff(&display, &source, &formatted));
            } else if !args.check {
                print!("{formatted}");
            }
            if (args.check || args.diff) && formatted != source {
                return Outcome::Failed;
            }
            Outcome::Clean
        }
        Err(FormatError(errors)) => {
            report(&display, &source, &errors);
            // An editor replaces the buffer with what we print: give it back
            // unchanged rather than nothing.
            if !args.check && !args.diff {
                print!("{source}");
            }
            Outcome::Failed
        }
    }
}

/// A unified diff from `before` to `after`.
fn diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(path, path)
        .to_string()
}
