//! `careplan summary PATH`: one plan's summary, or a caseload table for a
//! directory of plans.

use super::configs::Configs;
use super::jobs::Jobs;
use super::{Outcome, date_arg, fail, rendered, show, system_today};
use careplan::summary::{self, CaseRow, Summary};
use careplan::workspace::{self, Contents, WorkspaceError};
use careplan::{Analysis, CheckOptions, check};
use foldhash::HashMap;
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
    /// With a folder and `--format html`: write the caseload page and one summary page per
    /// plan, linked from it, into DIR (replacing only pages careplan wrote there)
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Use this configuration instead of the `careplan.toml` found above the plans
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(flatten)]
    jobs: Jobs,
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
    if args.out.is_some() {
        return fail(format!(
            "--out writes a caseload's pages, so it needs a folder of plans, and {} is not one\n  = help: name the folder: `careplan summary FOLDER --format html --out DIR`",
            workspace::shown(&args.path)
        ));
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
    summarised(path, options, as_of).map_err(Unsummarised::shown)
}

/// Why a plan was not summarised, told in file order by [`Unsummarised::shown`].
enum Unsummarised {
    /// It is not text: its path and finding, rendered.
    NotText(String, String),
    /// It could not be read.
    Unread(WorkspaceError),
}

impl Unsummarised {
    /// Prints why, and returns the run's outcome.
    fn shown(self) -> Outcome {
        match self {
            Unsummarised::NotText(display, findings) => {
                show(&findings);
                anstream::eprintln!(
                    "careplan: error: {display} was not summarised: it is not text"
                );
                Outcome::Failed
            }
            Unsummarised::Unread(error) => fail(error),
        }
    }
}

/// [`one`], printing nothing.
fn summarised(
    path: &Path,
    options: &CheckOptions,
    as_of: Date,
) -> Result<(Summary, Analysis), Unsummarised> {
    let display = workspace::shown(path);
    match workspace::read(path) {
        Ok(Contents::Text(source)) => {
            let analysis = check(&source, options);
            let summary = summary::summarize(&display, &source, &analysis, options, as_of);
            Ok((summary, analysis))
        }
        Ok(Contents::NotText { finding, shown }) => {
            let findings = rendered(&display, &shown, &[finding]);
            Err(Unsummarised::NotText(display, findings))
        }
        Err(error) => Err(Unsummarised::Unread(error)),
    }
}

/// One plan's line in the caseload, and its page when `--out` writes them.
struct Case {
    row: CaseRow,
    page: Option<(String, String)>,
}

fn caseload(args: &Args, configs: &mut Configs, as_of: Date) -> Outcome {
    if args.out.is_some() && args.format != Style::Html {
        return fail(
            "--out writes HTML pages: add `--format html`, or leave out --out to print the caseload",
        );
    }
    let files = match workspace::discover(std::slice::from_ref(&args.path)) {
        Ok(files) => files,
        Err(error) => return fail(error),
    };
    let names = summary::site::page_names(&args.path, &files);
    let (options, unloaded) = configs.for_files(&files);
    let work: Vec<(&PathBuf, &String, &CheckOptions)> = files
        .iter()
        .zip(&names)
        .zip(options)
        .map(|((path, name), options)| (path, name, options))
        .collect();
    let mut rows = Vec::new();
    let mut pages = Vec::new();
    let mut outcome = Outcome::Clean;
    args.jobs.in_order(
        &work,
        |(path, name, options)| {
            let (mut summary, analysis) = summarised(path, options, as_of)?;
            let row = CaseRow::of(&summary);
            let page = args.out.as_ref().map(|_| {
                if let Some(newest) = args.sessions {
                    summary.session_log.truncate(newest);
                }
                let measures = options.catalogue.measures_for(&analysis.document);
                let html =
                    summary::html::render_in_caseload(&summary, &measures, summary::site::INDEX);
                (name.to_string(), html)
            });
            Ok(Case { row, page })
        },
        |case| match case {
            Ok(Case { row, page }) => {
                if let Some((name, html)) = page {
                    pages.push((row.path.clone(), name, html));
                }
                rows.push(row);
            }
            Err(why) => outcome = outcome.max(Unsummarised::shown(why)),
        },
    );
    if let Some(error) = unloaded {
        return fail(error);
    }
    CaseRow::urgency_order(&mut rows);
    let text = match args.format {
        Style::Text => summary::text::caseload(&rows, as_of),
        Style::Markdown => summary::markdown::caseload(&rows, as_of),
        Style::Json => summary::json::caseload(&rows, as_of),
        Style::Html if args.out.is_none() => summary::html::caseload(&rows, as_of),
        Style::Html => {
            // Each row's page by its path, found once: not a search per row.
            let mut named: HashMap<&str, &str> = HashMap::default();
            for (path, name, _) in &pages {
                named.entry(path).or_insert(name);
            }
            summary::html::caseload_linked(&rows, as_of, |row| {
                named.get(row.path.as_str()).map(|name| (*name).to_owned())
            })
        }
    };
    let Some(dir) = &args.out else {
        print!("{text}");
        return outcome;
    };
    let mut site: Vec<(String, String)> = pages
        .into_iter()
        .map(|(_, name, html)| (name, html))
        .collect();
    site.push((summary::site::INDEX.to_owned(), text));
    if let Err(error) = summary::site::write(dir, &site) {
        return fail(error);
    }
    let index = dir.join(summary::site::INDEX);
    anstream::eprintln!(
        "careplan: wrote {} and {} into {}; open {}",
        summary::site::INDEX,
        careplan::diagnostic::plural(site.len() - 1, "plan page", "plan pages"),
        workspace::shown(dir),
        workspace::shown(&index),
    );
    outcome
}
