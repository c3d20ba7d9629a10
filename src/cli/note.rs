//! `careplan note FILE`: a session of the record as a progress note.

use super::configs::Configs;
use super::{Outcome, date_arg, fail, report, system_today};
use careplan::note::{self, Note, Style};
use careplan::workspace::{self, Contents};
use careplan::{Severity, check};
use jiff::civil::Date;
use std::path::PathBuf;

/// Options of `careplan note`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file
    path: PathBuf,
    /// The session to write up (YYYY-MM-DD) [default: the latest attended session]
    #[arg(long, value_name = "DATE", value_parser = date_arg, conflicts_with = "all")]
    date: Option<Date>,
    /// Write one note per session, oldest first
    #[arg(long)]
    all: bool,
    /// The note's layout
    #[arg(long, value_enum, default_value_t = Layout::Soap)]
    style: Layout,
    /// How to print it
    #[arg(long, value_enum, default_value_t = super::summary::Style::Text)]
    format: super::summary::Style,
    /// The date plans are judged on (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    today: Option<Date>,
    /// Use this configuration instead of the `careplan.toml` found above the plan
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// The note layouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Layout {
    /// Subjective, Objective, Assessment, Plan
    Soap,
    /// Data, Assessment, Plan
    Dap,
    /// Behaviour, Intervention, Response, Plan
    Birp,
    /// Goals, Intervention, Response, Plan
    Girp,
}

impl Layout {
    fn style(self) -> Style {
        match self {
            Layout::Soap => Style::Soap,
            Layout::Dap => Style::Dap,
            Layout::Birp => Style::Birp,
            Layout::Girp => Style::Girp,
        }
    }
}

/// Prints the note (or, with `--all`, every session's note).
pub fn run(args: &Args) -> Outcome {
    let today = args.today.unwrap_or_else(system_today);
    let mut configs = match Configs::new(today, args.config.as_deref()) {
        Ok(configs) => configs,
        Err(error) => return fail(error),
    };
    let options = match configs.for_file(&args.path) {
        Ok(options) => options,
        Err(error) => return fail(error),
    };
    let display = workspace::shown(&args.path);
    let source = match workspace::read(&args.path) {
        Ok(Contents::Text(source)) => source,
        Ok(Contents::NotText { finding, shown }) => {
            report(&display, &shown, &[finding]);
            return fail(format!("{display} was not written up: it is not text"));
        }
        Err(error) => return fail(error),
    };
    let analysis = check(&source, options);
    let entries = if args.all {
        note::every(&analysis.record)
    } else {
        match note::select(&analysis.document, &analysis.record, args.date) {
            Ok(entries) => entries,
            Err(error) => return fail(format!("{display}: {error}")),
        }
    };
    if entries.is_empty() {
        return fail(format!("{display}: {}", note::NoteError::NoSessions));
    }
    let errors = analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 {
        anstream::eprintln!(
            "careplan: warning: {display} has {} with the record; the note may be incomplete\n  = help: run `careplan check {display}`",
            careplan::diagnostic::plural(errors, "error", "errors")
        );
    }
    let notes: Vec<Note> = entries
        .into_iter()
        .filter_map(|entry| note::build(&display, &source, &analysis, options, entry))
        .collect();
    let style = args.style.style();
    let text = match args.format {
        super::summary::Style::Text => note::text::render(&notes, style),
        super::summary::Style::Markdown => note::markdown::render(&notes, style),
        super::summary::Style::Html => note::html::render(&notes, style),
        super::summary::Style::Json => note::json::render(&notes, style),
    };
    print!("{text}");
    Outcome::Clean
}
