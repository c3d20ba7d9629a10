//! `careplan export PATH --format fhir`: a plan as a FHIR R4 Bundle on
//! standard output.
//!
//! A file with error-level findings is not exported: its findings go to
//! standard error and the run exits 1, so that an integration never imports
//! a record that is missing the entries careplan could not read.

use super::configs::Configs;
use super::{Outcome, date_arg, fail, report, system_today};
use careplan::emit::plural;
use careplan::export::fhir::{self, CLIENT_SYSTEM, ExportError, ICD_10, Options, WriteError};
use careplan::workspace::{self, Contents};
use careplan::{Diagnostic, Severity, check};
use jiff::civil::Date;
use std::io::Write as _;
use std::path::PathBuf;

/// Options of `careplan export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file to export
    path: PathBuf,
    /// The format to export to
    #[arg(long, value_enum)]
    format: FormatArg,
    /// Export the plan as it stood at the end of this day (YYYY-MM-DD) [default: --today]
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<Date>,
    /// The date the file is checked on before export (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    today: Option<Date>,
    /// Use this configuration instead of the `careplan.toml` found above the file
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The identifier system of the client id in the Patient
    #[arg(long, value_name = "URI", default_value = CLIENT_SYSTEM)]
    client_system: String,
    /// The code system of concerns' `diagnosis` codes
    #[arg(long, value_name = "URI", default_value = ICD_10)]
    diagnosis_system: String,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum FormatArg {
    /// A FHIR R4 Bundle (type collection), as JSON
    Fhir,
}

/// Checks the file, then prints its export.
pub fn run(args: &Args) -> Outcome {
    let display = workspace::shown(&args.path);
    if args.path.is_dir() {
        return fail(format!(
            "{display} is a directory: export takes one plan file"
        ));
    }
    let today = args.today.unwrap_or_else(system_today);
    let as_of = args.as_of.unwrap_or(today);
    let mut options = match Configs::new(today, args.config.as_deref())
        .and_then(|mut configs| configs.for_file(&args.path).cloned())
    {
        Ok(options) => options,
        Err(error) => return fail(error),
    };
    options.for_export = true;
    let source = match workspace::read(&args.path) {
        Ok(Contents::Text(text)) => text,
        Ok(Contents::NotText { finding, shown }) => return refuse(&display, &shown, &[finding]),
        Err(error) => return fail(error),
    };
    let analysis = check(&source, &options);
    let errors: Vec<Diagnostic> = analysis
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        return refuse(&display, &source, &errors);
    }
    let measures = options.catalogue.measures_for(&analysis.document);
    let export = Options {
        as_of,
        client_system: args.client_system.clone(),
        diagnosis_system: args.diagnosis_system.clone(),
    };
    match fhir::exportable(&analysis.document, &analysis.record, &measures, &export) {
        Ok(()) => {}
        Err(error @ ExportError::BeforeOpened { .. }) => {
            return fail(format!("--as-of: {error}"));
        }
        Err(error) => {
            anstream::eprintln!("careplan: error: {display}: {error}");
            return Outcome::Failed;
        }
    }
    if analysis
        .document
        .plan()
        .is_none_or(|plan| plan.client.is_none())
    {
        anstream::eprintln!(
            "careplan: warning: {display}: the plan has no `client`, so the Patient has no identifier"
        );
    }
    // Each resource is written as it is made: the bundle, many times the
    // plan's size for a long plan, is never held whole.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = fhir::write_json(
        &analysis.document,
        &analysis.record,
        &measures,
        &export,
        &mut out,
    );
    match written {
        Ok(()) => {}
        Err(WriteError::Json(error)) if error.is_io() => return Outcome::Unusable,
        Err(error) => return fail(error),
    }
    if writeln!(out).and_then(|()| out.flush()).is_err() {
        return Outcome::Unusable;
    }
    // The run ends here and the process with it: the system takes back the
    // plan's tree and record whole, faster than they are freed piece by
    // piece (a tenth of a long plan's export).
    std::mem::forget((analysis.document, analysis.record, source));
    Outcome::Clean
}

/// Prints the error-level findings that stop the export; exit 1.
fn refuse(path: &str, source: &str, errors: &[Diagnostic]) -> Outcome {
    report(path, source, errors);
    anstream::eprintln!(
        "careplan: error: {path} was not exported: {} (run `careplan check {path}`)",
        plural(errors.len(), "error", "errors")
    );
    Outcome::Failed
}
