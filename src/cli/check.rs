//! `careplan check PATH...`: check plan files and report what is found.

use super::configs::Configs;
use super::jobs::Jobs;
use super::{Outcome, date_arg, fail, plan_files, system_today};
use careplan::emit::{FileReport, Format, Placed, Totals, github, human, json, sarif};
use careplan::workspace::{self, Contents, WorkspaceError};
use careplan::{CheckOptions, Diagnostic, check};
use jiff::civil::Date;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Options of `careplan check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan files, or directories to search for `*.careplan` files [default: .]
    paths: Vec<PathBuf>,
    /// The date plans are judged on (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    today: Option<Date>,
    /// How to print findings.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// Use this configuration for every file, instead of the `careplan.toml`
    /// found above each one.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Make findings of this severity fail the run too.
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<Deny>,
    /// Apply the fixes that change nothing clinical (spelling of keywords
    /// and rule names, curly quotes, indentation, unused allows), write
    /// each file back, and report what is left
    #[arg(long)]
    fix: bool,
    #[command(flatten)]
    jobs: Jobs,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum FormatArg {
    /// Findings with source lines, for people
    Human,
    /// One JSON document (stable shape)
    Json,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// GitHub Actions annotations
    Github,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Self {
        match arg {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Github => Format::Github,
        }
    }
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Deny {
    /// Warnings fail the run (exit 1), as errors do
    Warnings,
}

/// One file's outcome as its worker hands it back, with what `--fix`
/// changed in it (said on standard error, in file order).
struct Done {
    checked: Checked,
    fixed: String,
}

/// One file's findings as its worker hands them back: rendered for people,
/// or placed for a machine format. The file's text is not kept.
enum Checked {
    /// Rendered for people, with the findings for the totals.
    Human(String, Vec<Diagnostic>),
    /// Placed at their lines and columns, for a machine format.
    Placed(Placed),
    /// The file could not be read.
    Unread(WorkspaceError),
}

/// Checks every file, prints the findings and the totals.
pub fn run(args: &Args) -> Outcome {
    let files = match plan_files(&args.paths) {
        Ok(files) => files,
        Err(outcome) => return outcome,
    };
    if files.is_empty() {
        // A CI job pointed at the wrong folder must fail, not pass.
        let named: Vec<String> = args.paths.iter().map(|p| workspace::shown(p)).collect();
        let under = if named.is_empty() {
            ".".to_owned()
        } else {
            named.join(", ")
        };
        return fail(format!(
            "no *.careplan files under {under}\n  = help: name the folder that holds the plan files, or a plan file itself"
        ));
    }
    let today = args.today.unwrap_or_else(system_today);
    let mut configs = match Configs::new(today, args.config.as_deref()) {
        Ok(configs) => configs,
        Err(error) => return fail(error),
    };
    let (options, unloaded) = configs.for_files(&files);
    let format = Format::from(args.format);
    // Rendered with colour; `anstream` strips it when stdout is not a
    // terminal or NO_COLOR is set.
    let mut out = anstream::stdout().lock();
    let mut totals = Totals::default();
    let mut outcome = Outcome::Clean;
    let mut placed = Vec::new();
    let mut unread = 0;
    let work: Vec<(&PathBuf, &CheckOptions)> = files.iter().zip(options).collect();
    let only = work.len() == 1;
    args.jobs.in_order(
        &work,
        |(path, options)| one(path, options, format, args.fix, only),
        |done| match done.checked {
            Checked::Human(text, diagnostics) => {
                anstream::eprint!("{}", done.fixed);
                totals.add(&diagnostics);
                let _ = write!(out, "{text}");
            }
            Checked::Placed(file) => {
                anstream::eprint!("{}", done.fixed);
                totals.add(&file.diagnostics);
                placed.push(file);
            }
            Checked::Unread(error) => {
                outcome = outcome.max(fail(error));
                unread += 1;
            }
        },
    );
    if let Some(error) = unloaded {
        return fail(error);
    }
    let denied = match args.deny {
        Some(Deny::Warnings) => totals.warnings,
        None => 0,
    };
    let rendered = match format {
        Format::Human if totals.errors == 0 && denied > 0 => format!(
            "{}; failed: warnings are denied (--deny warnings)\n",
            human::totals(&totals, unread)
        ),
        Format::Human => format!("{}\n", human::totals(&totals, unread)),
        Format::Json => json::render(&placed, &totals),
        Format::Sarif => sarif::render(&placed),
        Format::Github => github::render(&placed),
    };
    let _ = write!(out, "{rendered}");
    if totals.errors + denied > 0 {
        outcome = outcome.max(Outcome::Failed);
    }
    outcome
}

/// Reads and checks one file (applying the safe fixes first with `fix`),
/// and renders or places its findings. The `only` file of a run keeps its
/// tree to the process's end.
fn one(path: &Path, options: &CheckOptions, format: Format, fix: bool, only: bool) -> Done {
    let unread = |error| Done {
        checked: Checked::Unread(error),
        fixed: String::new(),
    };
    let mut fixed = String::new();
    let (source, diagnostics) = match workspace::read(path) {
        Ok(Contents::Text(text)) if fix => match super::fix::fixed(path, text, options) {
            Ok(done) => {
                fixed = done.report;
                (done.text, done.diagnostics)
            }
            Err(error) => return unread(error),
        },
        Ok(Contents::Text(text)) => {
            let analysis = check(&text, options);
            if only {
                // The system takes the tree's memory back whole when the
                // process ends, which it does once these findings are
                // printed: freeing a long plan's tree piece by piece, and
                // glibc then merging those pieces when the record is freed,
                // was a seventh of its check. Files of a run of several are
                // freed, so that memory stays bounded.
                std::mem::forget(analysis.document);
            }
            (text, analysis.diagnostics)
        }
        Ok(Contents::NotText { finding, shown }) => (shown, vec![finding]),
        Err(error) => return unread(error),
    };
    let path = workspace::shown(path);
    let file = FileReport {
        path: &path,
        source: &source,
        diagnostics: &diagnostics,
    };
    let checked = if format == Format::Human {
        Checked::Human(human::render(&file, true), diagnostics)
    } else {
        Checked::Placed(Placed::new(&file))
    };
    Done { checked, fixed }
}
