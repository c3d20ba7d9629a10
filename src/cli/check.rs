//! `careplan check PATH...`: check plan files and report what is found.

use super::{Outcome, date_arg, fail, system_today};
use careplan::emit::{FileReport, Totals, human};
use careplan::workspace::{self, Contents};
use careplan::{CheckOptions, check};
use jiff::civil::Date;
use std::io::Write as _;
use std::path::PathBuf;

/// Options of `careplan check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan files, or directories to search for `*.careplan` files [default: .]
    paths: Vec<PathBuf>,
    /// The date plans are judged on (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    today: Option<Date>,
}

/// Checks every file, prints the findings and the totals.
pub fn run(args: &Args) -> Outcome {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let files = match workspace::discover(&paths) {
        Ok(files) => files,
        Err(error) => return fail(error),
    };
    if files.is_empty() {
        anstream::eprintln!("careplan: warning: no *.careplan files found");
    }
    let options = CheckOptions::new(args.today.unwrap_or_else(system_today));
    // Rendered with colour; `anstream` strips it when stdout is not a
    // terminal or NO_COLOR is set.
    let mut out = anstream::stdout().lock();
    let mut totals = Totals::default();
    let mut outcome = Outcome::Clean;
    for path in &files {
        let (source, diagnostics) = match workspace::read(path) {
            Ok(Contents::Text(text)) => {
                let analysis = check(&text, &options);
                (text, analysis.diagnostics)
            }
            Ok(Contents::NotText(finding)) => (String::new(), vec![finding]),
            Err(error) => {
                outcome = outcome.max(fail(error));
                continue;
            }
        };
        totals.add(&diagnostics);
        let display = path.display().to_string();
        let report = FileReport {
            path: &display,
            source: &source,
            diagnostics: &diagnostics,
        };
        let _ = write!(out, "{}", human::render(&report, true));
    }
    let _ = writeln!(out, "{}", human::totals(&totals));
    if totals.errors > 0 {
        outcome = outcome.max(Outcome::Failed);
    }
    outcome
}
