//! `careplan summary PATH`: one plan's summary, or a caseload table for a
//! directory of plans.

use super::configs::Configs;
use super::{Outcome, date_arg, fail, report, system_today};
use careplan::summary::{self, CaseRow, Summary};
use careplan::workspace::{self, Contents};
use careplan::{Analysis, CheckOptions, check};
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// Options of `careplan summary`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A plan file, or a directory for the caseload of every plan below it
    path: PathBuf,
    /// Show the plan as it stood on this date (YYYY-MM-DD) [default: --today]
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<Date>,
    /// The date plans are judged on (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    today: Option<Date>,
    /// How to print it
    #[arg(long, value_enum, default_value_t = Style::Text)]
    format: Style,
    /// Show only the newest N sessions in the plan's "Sessions" section [default: all]
    #[arg(long, value_name = "N")]
    sessions: Option<usize>,
    /// Use this configuration instead of the `careplan.toml` found above the plans
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// The summary formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Style {
    /// Plain text for the terminal
    Text,
    /// Markdown, to paste into a record
    Markdown,
    /// One self-contained HTML page with charts
    Html,
    /// JSON with a stable shape
    Json,
}

/// Prints the summary or the caseload.
pub fn run(args: &Args) -> Outcome {
    let today = args.today.unwrap_or_else(system_today);
    let as_of = args.as_of.unwrap_or(today);
    let mut configs = match Configs::new(today, args.config.as_deref()) {
        Ok(configs) => configs,
        Err(error) => return fail(error),
    };
    if args.path.is_dir() {
        return caseload(args, &mut configs, as_of);
    }
    let options = match configs.for_file(&args.path) {
        Ok(options) => options,
        Err(error) => return fail(error),
    };
    let (mut summary, analysis) = match one(&args.path, options, as_of) {
        Ok(done) => done,
        Err(outcome) => return outcome,
    };
    if let Some(newest) = args.sessions {
        summary.session_log.truncate(newest);
    }
    let text = match args.format {
        Style::Text => summary::text::render(&summary),
        Style::Markdown => summary::markdown::render(&summary),
        Style::Json => summary::json::render(&summary),
        Style::Html => {
            let measures = options.catalogue.measures_for(&analysis.document);
            summary::html::render(&summary, &measures)
        }
    };
    print!("{text}");
    Outcome::Clean
}

/// Reads, checks and summarises one plan; the analysis comes along for the
/// HTML charts, which need the plan's measures.
fn one(path: &Path, options: &CheckOptions, as_of: Date) -> Result<(Summary, Analysis), Outcome> {
    let display = workspace::shown(path);
    match workspace::read(path) {
        Ok(Contents::Text(source)) => {
            let analysis = check(&source, options);
            let summary = summary::summarize(&display, &source, &analysis, options, as_of);
            Ok((summary, analysis))
        }
        Ok(Contents::NotText { finding, shown }) => {
            report(&display, &shown, &[finding]);
            anstream::eprintln!("careplan: error: {display} was not summarised: it is not text");
            Err(Outcome::Failed)
        }
        Err(error) => Err(fail(error)),
    }
}

fn caseload(args: &Args, configs: &mut Configs, as_of: Date) -> Outcome {
    let files = match workspace::discover(std::slice::from_ref(&args.path)) {
        Ok(files) => files,
        Err(error) => return fail(error),
    };
    let mut rows = Vec::new();
    let mut outcome = Outcome::Clean;
    for path in &files {
        let options = match configs.for_file(path) {
            Ok(options) => options,
            Err(error) => return fail(error),
        };
        match one(path, options, as_of) {
            Ok((summary, _)) => rows.push(CaseRow::of(&summary)),
            Err(failed) => outcome = outcome.max(failed),
        }
    }
    CaseRow::urgency_order(&mut rows);
    let text = match args.format {
        Style::Text => summary::text::caseload(&rows, as_of),
        Style::Markdown => summary::markdown::caseload(&rows, as_of),
        Style::Json => summary::json::caseload(&rows, as_of),
        Style::Html => summary::html::caseload(&rows, as_of),
    };
    print!("{text}");
    outcome
}
