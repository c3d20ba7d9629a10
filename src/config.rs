//! Configuration: `careplan.toml`, found by walking up from each checked
//! file, or named with `--config FILE`.
//!
//! ```toml
//! [rules]
//! consent-missing = "error"        # error | warning | info | off
//!
//! [review]
//! every = "90 days"                # cadence of plans that set none
//!
//! [measures.HAM-D]                 # a measure every plan may use
//! name = "Hamilton Depression Rating Scale"
//! range = [0, 52]
//! better = "lower"
//! reliable-change = 5
//! bands = [{ from = 0, label = "normal" }, { from = 8, label = "mild" }]
//!
//! [modalities]
//! schema-therapy = ["imagery-rescripting", "chair-work"]
//!
//! [drugs]
//! ssri = ["zimelidine"]            # ssri snri tca maoi other-antidepressant serotonergic
//!
//! [consent]
//! require = ["schema-therapy imagery-rescripting"]
//!
//! [privacy]
//! client-id-pattern = "C-####"     # `#` a digit, `@` a letter, `*` anything
//!
//! [templates]
//! folder = "templates"             # the clinic's own templates for `careplan new`
//! ```
//!
//! Every mistake (an unknown key, rule, severity or class, a bad value) is
//! a [`ConfigError`] naming the file, line and column.

use crate::ast::Duration;
use crate::catalogue::{Band, Catalogue, DrugClass, MeasureInfo, Selector};
use crate::check::CheckOptions;
use crate::diagnostic::Severity;
use crate::rule::Rule;
use crate::rules::IdPattern;
use crate::span::LineIndex;
use crate::suggest::did_you_mean;
use crate::words::{Better, Unit};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The configuration file's name.
pub const FILE_NAME: &str = "careplan.toml";

/// A mistake in a configuration file, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {message}{}", path.display(), help.as_ref().map(|h| format!("\n  help: {h}")).unwrap_or_default())]
pub struct ConfigError {
    /// The configuration file.
    pub path: PathBuf,
    /// 1-based line of the mistake.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

/// A loaded configuration: what it changes from the defaults.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file it was read from, if any.
    pub path: Option<PathBuf>,
    severities: BTreeMap<Rule, Option<Severity>>,
    review: Option<Duration>,
    measures: Vec<MeasureInfo>,
    modalities: Vec<(String, Vec<String>)>,
    drugs: Vec<(String, DrugClass)>,
    consent: Vec<Selector>,
    client_id_pattern: Option<IdPattern>,
    templates: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    review: Option<RawReview>,
    #[serde(default)]
    measures: BTreeMap<String, Spanned<RawMeasure>>,
    #[serde(default)]
    modalities: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    drugs: BTreeMap<Spanned<String>, Vec<String>>,
    consent: Option<RawConsent>,
    privacy: Option<RawPrivacy>,
    templates: Option<RawTemplates>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplates {
    folder: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPrivacy {
    client_id_pattern: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReview {
    every: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawMeasure {
    name: String,
    range: Spanned<(f64, f64)>,
    better: Option<Spanned<String>>,
    reliable_change: Option<Spanned<f64>>,
    remission_below: Option<f64>,
    bands: Option<Spanned<Vec<RawBand>>>,
    loinc: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    from: f64,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConsent {
    require: Vec<Spanned<String>>,
}

/// Builds errors that point into one configuration text.
struct Reader<'a> {
    path: &'a Path,
    text: &'a str,
    index: LineIndex,
}

impl Reader<'_> {
    fn error(
        &self,
        at: Range<usize>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> ConfigError {
        let position = self.index.line_col(self.text, at.start);
        ConfigError {
            path: self.path.to_owned(),
            line: position.line,
            column: position.column,
            message: message.into(),
            help,
        }
    }
}

impl Config {
    /// Reads the configuration file at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let unreadable = |message: String| ConfigError {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message,
            help: None,
        };
        let bytes = crate::workspace::read_bytes(path, crate::workspace::CONFIG_LIMIT)
            .map_err(|e| unreadable(format!("cannot read the configuration: {e}")))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            unreadable(
                "the configuration is not UTF-8 text; save it with the UTF-8 encoding".to_owned(),
            )
        })?;
        Config::parse(path, &text)
    }

    /// Reads configuration `text`; `path` is named in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let reader = Reader {
            path,
            text,
            index: LineIndex::new(text),
        };
        let raw: Raw = toml::from_str(text).map_err(|e| {
            reader.error(
                e.span().unwrap_or(0..0),
                e.message().trim_end().to_owned(),
                Some(format!(
                    "see docs/configuration.md for what {FILE_NAME} may hold"
                )),
            )
        })?;
        let mut config = Config {
            path: Some(path.to_owned()),
            ..Config::default()
        };
        for (name, severity) in &raw.rules {
            let rule = Rule::from_name(name.get_ref()).ok_or_else(|| {
                let close = did_you_mean(name.get_ref(), Rule::ALL.iter().map(|r| r.name()));
                reader.error(
                    name.span(),
                    format!("there is no rule `{}`", name.get_ref()),
                    Some(close.map_or_else(
                        || "`careplan rules` lists every rule".to_owned(),
                        |c| format!("did you mean `{c}`?"),
                    )),
                )
            })?;
            let level = match severity.get_ref().as_str() {
                "error" => Some(Severity::Error),
                "warning" => Some(Severity::Warning),
                "info" => Some(Severity::Info),
                "off" => None,
                other => {
                    return Err(reader.error(
                        severity.span(),
                        format!("`{other}` is not a severity"),
                        Some("use \"error\", \"warning\", \"info\" or \"off\"".to_owned()),
                    ));
                }
            };
            if rule.is_reading() && level != Some(Severity::Error) {
                return Err(reader.error(
                    severity.span(),
                    format!(
                        "`{rule}` cannot be turned off or lowered: its findings are text careplan \
                         could not read, and nothing in that text was checked"
                    ),
                    Some(format!(
                        "remove this line and fix what `{rule}` reports (`careplan explain {rule}`)"
                    )),
                ));
            }
            config.severities.insert(rule, level);
        }
        if let Some(review) = &raw.review {
            let every = review.every.get_ref();
            config.review = Some(duration(every).ok_or_else(|| {
                reader.error(
                    review.every.span(),
                    format!("`{every}` is not a duration"),
                    Some("write it like \"90 days\", \"12 weeks\" or \"3 months\"".to_owned()),
                )
            })?);
        }
        for (id, spanned) in &raw.measures {
            config.measures.push(measure(&reader, id, spanned)?);
        }
        config.modalities = raw.modalities.into_iter().collect();
        for (class, names) in &raw.drugs {
            let Some(parsed) = DrugClass::from_word(class.get_ref()) else {
                return Err(reader.error(
                    class.span(),
                    format!("`{}` is not a drug class", class.get_ref()),
                    Some(format!("use one of: {}", DrugClass::WORDS.join(", "))),
                ));
            };
            config
                .drugs
                .extend(names.iter().map(|n| (n.to_lowercase(), parsed)));
        }
        if let Some(pattern) = raw
            .privacy
            .as_ref()
            .and_then(|p| p.client_id_pattern.as_ref())
        {
            config.client_id_pattern = Some(IdPattern::new(pattern.get_ref()).ok_or_else(|| {
                reader.error(
                    pattern.span(),
                    "the client-id pattern is empty",
                    Some("write the id with stand-ins, such as \"C-####\" (`#` a digit, `@` a letter, `*` anything)".to_owned()),
                )
            })?);
        }
        if let Some(templates) = &raw.templates {
            let folder = templates.folder.get_ref();
            if folder.trim().is_empty() {
                return Err(reader.error(
                    templates.folder.span(),
                    "the templates folder is empty",
                    Some("name the folder of the clinic's templates, such as \"templates\" (relative to this file)".to_owned()),
                ));
            }
            let base = path.parent().unwrap_or(Path::new(""));
            config.templates = Some(base.join(folder));
        }
        for selector in raw.consent.iter().flat_map(|c| &c.require) {
            let parsed = Selector::parse(selector.get_ref()).ok_or_else(|| {
                reader.error(
                    selector.span(),
                    format!("`{}` is not a modality with an optional technique", selector.get_ref()),
                    Some("write \"MODALITY\" or \"MODALITY TECHNIQUE\", such as \"EMDR\" or \"TF-CBT trauma-narrative\"".to_owned()),
                )
            })?;
            config.consent.push(parsed);
        }
        Ok(config)
    }

    /// The folder of the clinic's own templates (`[templates] folder`),
    /// relative to the configuration file's folder.
    pub fn templates_folder(&self) -> Option<&Path> {
        self.templates.as_deref()
    }

    /// The nearest `careplan.toml` in `dir` or a folder above it.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }

    /// Check options judging plans on `today` with this configuration.
    pub fn options(&self, today: jiff::civil::Date) -> CheckOptions {
        let mut options = CheckOptions::new(today);
        options.severities.clone_from(&self.severities);
        if let Some(review) = self.review {
            options.default_review = review;
        }
        options
            .client_id_pattern
            .clone_from(&self.client_id_pattern);
        self.extend(&mut options.catalogue);
        options
    }

    fn extend(&self, catalogue: &mut Catalogue) {
        for measure in &self.measures {
            catalogue.add_measure(measure.clone());
        }
        for (name, techniques) in &self.modalities {
            catalogue.add_modality(name, techniques);
        }
        for (name, class) in &self.drugs {
            catalogue.add_drug(name, *class);
        }
        for selector in &self.consent {
            catalogue.add_consent(selector.clone());
        }
    }
}

/// Reads `"N days|weeks|months"` (singular units too).
fn duration(text: &str) -> Option<Duration> {
    let mut words = text.split_whitespace();
    let amount = words.next()?.parse::<u32>().ok().filter(|n| *n > 0)?;
    let unit = Unit::from_word_or_singular(words.next()?)?;
    words.next().is_none().then_some(Duration { amount, unit })
}

fn measure(
    reader: &Reader<'_>,
    id: &str,
    spanned: &Spanned<RawMeasure>,
) -> Result<MeasureInfo, ConfigError> {
    let raw = spanned.get_ref();
    let (min, max) = *raw.range.get_ref();
    if min >= max {
        return Err(reader.error(
            raw.range.span(),
            format!("measure `{id}`: the range's lowest score is not below its highest"),
            Some("write it lowest first, such as `range = [0, 27]`".to_owned()),
        ));
    }
    let better = match raw.better.as_ref() {
        None => Better::Lower,
        Some(word) => Better::from_word(word.get_ref()).ok_or_else(|| {
            reader.error(
                word.span(),
                format!("`{}` is not a direction", word.get_ref()),
                Some("use \"lower\" or \"higher\"".to_owned()),
            )
        })?,
    };
    if let Some(change) = &raw.reliable_change
        && !(*change.get_ref() > 0.0 && *change.get_ref() < max - min)
    {
        return Err(reader.error(
            change.span(),
            format!("measure `{id}`: reliable change must be above 0 and below the range's width"),
            None,
        ));
    }
    let bands = raw
        .bands
        .as_ref()
        .map_or(&[][..], |b| b.get_ref().as_slice());
    let ordered = bands
        .windows(2)
        .all(|w| w.first().map(|a| a.from) < w.get(1).map(|b| b.from));
    if let Some(spanned) = &raw.bands
        && (!ordered || bands.iter().any(|b| b.from < min || b.from > max))
    {
        return Err(reader.error(
            spanned.span(),
            format!("measure `{id}`: bands must start within the range, lowest first"),
            None,
        ));
    }
    Ok(MeasureInfo {
        id: id.to_owned(),
        name: raw.name.clone(),
        min,
        max,
        better,
        reliable_change: raw.reliable_change.as_ref().map(|c| *c.get_ref()),
        remission_below: raw.remission_below,
        bands: bands
            .iter()
            .map(|b| Band {
                from: b.from,
                label: b.label.clone(),
            })
            .collect(),
        loinc: raw.loinc.clone(),
        source: format!("{} ({FILE_NAME})", reader.path.display()),
        declared: false,
        response: true,
    })
}
