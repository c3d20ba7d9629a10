//! Templates for `careplan new`: a plan to start from, for a common
//! condition and the guideline it follows.
//!
//! A template is a `.careplan` file with two header comments,
//! `# description: …` (one line: what it is for) and `# guideline: …`
//! (what it follows), and three kinds of stand-in that [`fill`] replaces:
//! `{{client}}`, `{{opened}}` and `{{opened + N days|weeks|months}}` (or
//! `-`). Every value the clinician must decide carries a
//! `# careplan: fill WHAT` marker, which `check` reports as
//! `template-placeholder` until it is deleted. careplan ships the
//! [`builtin`] templates; a clinic adds its own in the folder its
//! `careplan.toml` names (`[templates] folder`), read by [`clinic`].

mod fill;

pub use fill::{Fill, STAND_IN_CLIENT, fill};

use crate::suggest::did_you_mean;
use crate::workspace::{self, Contents, WorkspaceError};
use std::path::{Path, PathBuf};

/// The built-in templates' names and texts, in the order they are listed.
const BUILTIN: &[(&str, &str)] = &[
    (
        "depression-cbt",
        include_str!("../../templates/depression-cbt.careplan"),
    ),
    (
        "depression-ssri",
        include_str!("../../templates/depression-ssri.careplan"),
    ),
    ("gad-cbt", include_str!("../../templates/gad-cbt.careplan")),
    ("gad-act", include_str!("../../templates/gad-act.careplan")),
    (
        "panic-cbt",
        include_str!("../../templates/panic-cbt.careplan"),
    ),
    (
        "ptsd-cpt",
        include_str!("../../templates/ptsd-cpt.careplan"),
    ),
    ("ocd-erp", include_str!("../../templates/ocd-erp.careplan")),
    (
        "adolescent-dbt",
        include_str!("../../templates/adolescent-dbt.careplan"),
    ),
    (
        "low-back-pain",
        include_str!("../../templates/low-back-pain.careplan"),
    ),
];

/// Where a template comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Shipped with careplan.
    BuiltIn,
    /// The clinic's own, from this file.
    Clinic(PathBuf),
}

/// A template: its name, what it is for, the guideline it follows, its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// The name `--template` takes: the file's name without `.careplan`.
    pub name: String,
    /// One line: what the template is for (its `# description:` comment).
    pub description: String,
    /// The guideline it follows (its `# guideline:` comment).
    pub guideline: String,
    /// The template's text, stand-ins and markers included.
    pub text: String,
    /// Where it comes from.
    pub origin: Origin,
}

/// Why a template could not be found, read or filled.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// No template has the name.
    #[error("there is no template `{name}`{}\n  = help: `careplan new --list` lists the templates", close.as_ref().map(|c| format!("; did you mean `{c}`?")).unwrap_or_default())]
    Unknown {
        /// The name asked for.
        name: String,
        /// The closest name, for did-you-mean.
        close: Option<String>,
    },
    /// The clinic's templates folder, or a template in it, could not be read.
    #[error("{0}\n  = help: the folder is named by `[templates] folder` in careplan.toml")]
    Unreadable(#[from] WorkspaceError),
    /// A clinic template is not text.
    #[error("{}: this template is not UTF-8 text; save it with the UTF-8 encoding", workspace::shown(.0))]
    NotText(PathBuf),
    /// A stand-in in `{{…}}` that careplan does not know, or one left open.
    #[error("{template}:{line}:{column}: {message}\n  = help: {}", fill::HELP)]
    StandIn {
        /// The template's name.
        template: String,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// `--client` is not an identifier.
    #[error(
        "`{0}` cannot be a client id: write a letter, then letters, digits, `-`, `_` or `.` (such as C-1042), never the client's name"
    )]
    BadClient(String),
    /// A due date would fall outside the calendar careplan reads.
    #[error(
        "template `{0}`: a date it sets from the opening date falls outside the calendar; choose another `--opened` date"
    )]
    OutOfCalendar(String),
}

/// The built-in templates.
pub fn builtin() -> Vec<Template> {
    BUILTIN
        .iter()
        .map(|(name, text)| Template::new(name, text, Origin::BuiltIn))
        .collect()
}

/// The clinic's templates: every `*.careplan` file directly in `folder`,
/// sorted by name.
pub fn clinic(folder: &Path) -> Result<Vec<Template>, TemplateError> {
    let listing = std::fs::read_dir(folder).map_err(|e| WorkspaceError::io(folder, e))?;
    let mut paths = Vec::new();
    for entry in listing {
        let path = entry.map_err(|e| WorkspaceError::io(folder, e))?.path();
        if path.extension().is_some_and(|e| e == workspace::EXTENSION) && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    let mut found = Vec::new();
    for path in paths {
        let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let name = name.to_owned();
        match workspace::read(&path)? {
            Contents::Text(text) => found.push(Template::new(&name, &text, Origin::Clinic(path))),
            Contents::NotText { .. } => return Err(TemplateError::NotText(path)),
        }
    }
    Ok(found)
}

/// Every template a plan can start from: the built-in ones and, when
/// `folder` is named, the clinic's. A clinic template with a built-in
/// one's name replaces it, so a clinic can adapt a template to its service.
pub fn available(folder: Option<&Path>) -> Result<Vec<Template>, TemplateError> {
    let mut templates = builtin();
    if let Some(folder) = folder {
        for own in clinic(folder)? {
            match templates.iter_mut().find(|t| t.name == own.name) {
                Some(shipped) => *shipped = own,
                None => templates.push(own),
            }
        }
    }
    Ok(templates)
}

/// The template called `name` among `templates`.
pub fn find<'a>(templates: &'a [Template], name: &str) -> Result<&'a Template, TemplateError> {
    templates
        .iter()
        .find(|t| t.name == name)
        .ok_or_else(|| TemplateError::Unknown {
            name: name.to_owned(),
            close: did_you_mean(name, templates.iter().map(|t| t.name.as_str())).map(str::to_owned),
        })
}

/// The list `careplan new --list` prints: each template's name and
/// description, the guideline it follows beneath, and a clinic template's file.
pub fn listing(templates: &[Template]) -> String {
    let width = templates.iter().map(|t| t.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for template in templates {
        out.push_str(&format!(
            "{:width$}  {}\n",
            template.name, template.description
        ));
        out.push_str(&format!("{:width$}  follows {}\n", "", template.guideline));
        if let Origin::Clinic(path) = &template.origin {
            out.push_str(&format!(
                "{:width$}  the clinic's, from {}\n",
                "",
                workspace::shown(relative(path))
            ));
        }
    }
    out
}

/// `path` below the current folder when it is there, as a user named it.
fn relative(path: &Path) -> &Path {
    std::env::current_dir()
        .ok()
        .and_then(|here| path.strip_prefix(here).ok())
        .unwrap_or(path)
}

impl Template {
    /// Where the template is, for messages: a clinic template's file, or
    /// `the built-in template NAME`.
    pub fn place(&self) -> String {
        match &self.origin {
            Origin::Clinic(path) => workspace::shown(relative(path)),
            Origin::BuiltIn => format!("the built-in template `{}`", self.name),
        }
    }

    fn new(name: &str, text: &str, origin: Origin) -> Self {
        let header = |key: &str| {
            text.lines()
                .take_while(|l| l.starts_with('#') || l.trim().is_empty())
                .find_map(|l| l.strip_prefix('#')?.trim().strip_prefix(key))
                .map(|rest| rest.trim().to_owned())
                .filter(|rest| !rest.is_empty())
        };
        Template {
            name: name.to_owned(),
            description: header("description:").unwrap_or_else(|| "(no description)".to_owned()),
            guideline: header("guideline:").unwrap_or_else(|| "no guideline named".to_owned()),
            text: text.to_owned(),
            origin,
        }
    }
}
