//! Command-line parsing and dispatch. Each subcommand lives in its own file
//! and only calls the library; nothing here knows the language.

mod check;
mod configs;
mod export;
mod fix;
mod fmt;
mod jobs;
mod lsp;
mod new;
mod note;
mod repl;
mod rules;
mod summary;

use clap::{Parser, Subcommand};
use jiff::civil::Date;
use std::process::ExitCode;

/// careplan: check, summarise and format plain-text treatment plans.
#[derive(Debug, Parser)]
#[command(name = "careplan", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check plan files and report findings.
    Check(check::Args),
    /// Rewrite plan files in the canonical layout (or check that they are).
    Fmt(fmt::Args),
    /// Summarise a plan (or, for a directory, the caseload) as text, Markdown, HTML or JSON.
    Summary(summary::Args),
    /// Start a new plan from a template (`--list` shows the templates).
    New(new::Args),
    /// Write a session of the record as a progress note (SOAP, DAP, BIRP or GIRP).
    Note(note::Args),
    /// Export a plan to a health-record format (FHIR R4), as it stood on a date.
    Export(export::Args),
    /// Build and amend a plan interactively, checked as you type.
    Repl(repl::Args),
    /// Serve editors over the Language Server Protocol on standard input and output.
    Lsp,
    /// List every rule with its code, default severity and summary.
    Rules,
    /// Print a rule's documentation: what it checks, why, an example, the fix.
    Explain {
        /// The rule's name (`unlinked-intervention`) or code (`CP002`).
        rule: String,
    },
}

/// How a run ended: the process's exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Nothing failed.
    Clean = 0,
    /// A finding failed the run.
    Failed = 1,
    /// The command could not run: a wrong option, a missing path, an unreadable file.
    Unusable = 2,
}

/// Runs the command line and returns its exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let outcome = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Summary(args) => summary::run(&args),
        Command::New(args) => new::run(&args),
        Command::Note(args) => note::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Repl(args) => repl::run(&args),
        Command::Lsp => lsp::run(),
        Command::Rules => rules::list(),
        Command::Explain { rule } => rules::explain(&rule),
    };
    ExitCode::from(outcome as u8)
}

/// Reads a `--today`-style date option, checked against the calendar.
pub fn date_arg(text: &str) -> Result<Date, String> {
    careplan::parse::date(text)
}

/// Prints a one-line error to stderr.
pub fn fail(message: impl std::fmt::Display) -> Outcome {
    anstream::eprintln!("careplan: error: {message}");
    Outcome::Unusable
}

/// The plan files below `paths` (the current directory when none is
/// named); a missing path ends the command.
pub fn plan_files(paths: &[std::path::PathBuf]) -> Result<Vec<std::path::PathBuf>, Outcome> {
    let current = [std::path::PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &current[..]
    } else {
        paths
    };
    careplan::workspace::discover(paths).map_err(|error| match &error {
        // `careplan check plan.careplan 2026-11-22`: the date was meant for --today.
        careplan::workspace::WorkspaceError::NotFound(path)
            if path.to_str().is_some_and(|p| date_arg(p).is_ok()) =>
        {
            fail(format!(
                "{error}\n  = help: to judge plans as of a date, write `--today {}`",
                path.display()
            ))
        }
        _ => fail(error),
    })
}

/// Prints findings to standard error, as `careplan check` shows them.
pub fn report(path: &str, source: &str, diagnostics: &[careplan::Diagnostic]) {
    show(&rendered(path, source, diagnostics));
}

/// Findings rendered as `careplan check` shows them, with colour (which
/// [`show`] strips when standard error is not a terminal).
pub fn rendered(path: &str, source: &str, diagnostics: &[careplan::Diagnostic]) -> String {
    let file = careplan::emit::FileReport {
        path,
        source,
        diagnostics,
    };
    careplan::emit::human::render(&file, true)
}

/// Prints rendered findings to standard error.
pub fn show(findings: &str) {
    use std::io::Write as _;
    let _ = write!(anstream::stderr(), "{findings}");
}

/// The system's local date, for rules about what is overdue.
pub fn system_today() -> Date {
    jiff::Zoned::now().date()
}
