//! `careplan new FILE --template NAME`: a new plan from a template, and
//! `careplan new --list`: the templates there are.

use super::{Outcome, date_arg, fail, report, system_today};
use careplan::config::Config;
use careplan::template::{self, Fill};
use careplan::{Rule, Severity, check, workspace};
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// Options of `careplan new`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file to write (it must not exist yet)
    #[arg(required_unless_present = "list")]
    path: Option<PathBuf>,
    /// The template to start from (`careplan new --list` shows them)
    #[arg(long, value_name = "NAME", required_unless_present = "list")]
    template: Option<String>,
    /// The client's pseudonymous id [default: a stand-in, marked to fill in]
    #[arg(long, value_name = "ID")]
    client: Option<String>,
    /// The date the episode opens (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    opened: Option<Date>,
    /// List the templates, each with what it is for and the guideline it follows
    #[arg(long, conflicts_with_all = ["path", "template", "client", "opened"])]
    list: bool,
    /// The date the new plan is checked on (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    today: Option<Date>,
    /// Use this configuration instead of the `careplan.toml` found above the new file
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// Writes the new plan, or lists the templates.
pub fn run(args: &Args) -> Outcome {
    let near = args
        .path
        .as_deref()
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let config = match load_config(args.config.as_deref(), near) {
        Ok(config) => config,
        Err(error) => return fail(error),
    };
    let templates = match template::available(config.templates_folder()) {
        Ok(templates) => templates,
        Err(error) => return fail(error),
    };
    if args.list {
        print!("{}", template::listing(&templates));
        return Outcome::Clean;
    }
    let (Some(path), Some(name)) = (&args.path, &args.template) else {
        return fail(
            "name the plan file to write and the template: `careplan new FILE --template NAME`",
        );
    };
    let chosen = match template::find(&templates, name) {
        Ok(chosen) => chosen,
        Err(error) => return fail(error),
    };
    let today = args.today.unwrap_or_else(system_today);
    let fill = Fill {
        client: args.client.clone(),
        opened: args.opened.unwrap_or(today),
    };
    let text = match template::fill(chosen, &fill) {
        Ok(text) => text,
        Err(error) => return fail(error),
    };
    let display = workspace::shown(path);
    let analysis = check(&text, &config.options(today));
    let errors = analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let others: Vec<_> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.rule != Rule::TemplatePlaceholder)
        .cloned()
        .collect();
    if errors > 0 {
        report(&display, &text, &others);
        return fail(format!(
            "the template `{}` does not make a plan that checks: {}, so {display} was not written\n  = help: fix {}",
            chosen.name,
            careplan::diagnostic::plural(errors, "error", "errors"),
            chosen.place(),
        ));
    }
    if let Err(error) = workspace::write_new(path, &text) {
        return fail(error);
    }
    if !others.is_empty() {
        report(&display, &text, &others);
    }
    let placeholders = analysis.diagnostics.len() - others.len();
    anstream::eprintln!(
        "careplan: wrote {display} from the template `{}`; {} the clinician's judgement (marked `# careplan: fill`; `careplan check {display}` lists them)",
        chosen.name,
        careplan::diagnostic::plural(placeholders, "line needs", "lines need"),
    );
    Outcome::Clean
}

/// The configuration named with `--config`, else the `careplan.toml`
/// above the folder the new plan goes in, else none.
fn load_config(fixed: Option<&Path>, near: &Path) -> Result<Config, String> {
    let found = match fixed {
        Some(path) => Some(path.to_owned()),
        None => std::path::absolute(near)
            .ok()
            .and_then(|dir| Config::find(&dir)),
    };
    match found {
        Some(path) => Config::load(&path).map_err(|e| e.to_string()),
        None => Ok(Config::default()),
    }
}
