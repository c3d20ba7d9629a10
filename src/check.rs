//! The checker: parses, interprets and runs every rule over one file.

use crate::ast::{Document, Duration, Entry};
use crate::catalogue::{Catalogue, Measures};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity;
use crate::interpret::{Record, interpret};
use crate::parse::parse;
use crate::rules::Rule;
use crate::span::LineIndex;
use crate::suppress;
use crate::words::Unit;
use jiff::civil::Date;
use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::collections::HashMap;

/// The review cadence of a plan that sets none: every 180 days, the
/// language's documented default, and the longest interval many US state
/// Medicaid behavioural-health rules allow between treatment-plan reviews.
pub const DEFAULT_REVIEW: Duration = Duration {
    amount: 180,
    unit: Unit::Days,
};

/// What a check needs beyond the file itself.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// The date the plan is judged on: reviews and goals due before it are overdue.
    pub today: Date,
    /// Built-in knowledge (measures, modalities, drugs), plus what the
    /// configuration adds.
    pub catalogue: Catalogue,
    /// The review cadence of a plan that sets none with `review every`.
    pub default_review: Duration,
    /// Severities that differ from the rules' defaults; `None` turns a rule
    /// off. The reading rules ([`Rule::is_reading`]) stay errors whatever
    /// this says.
    pub severities: BTreeMap<Rule, Option<Severity>>,
    /// Judge the file for an export: the rules that guard one
    /// ([`Rule::guards_export`]) are errors whatever `severities` and allow
    /// comments say.
    pub for_export: bool,
}

impl CheckOptions {
    /// Options judging plans as of `today`, with the built-in catalogue.
    pub fn new(today: Date) -> Self {
        CheckOptions {
            today,
            catalogue: Catalogue::builtin(),
            default_review: DEFAULT_REVIEW,
            severities: BTreeMap::new(),
            for_export: false,
        }
    }

    /// Whether configuration and allow comments may change or silence
    /// `rule`'s findings: not for the reading rules, and not, in a check for
    /// export, for the rules that guard one.
    pub fn allowable(&self, rule: Rule) -> bool {
        !(rule.is_reading() || self.for_export && rule.guards_export())
    }

    /// The severity `rule`'s findings get; `None` when the rule is off.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        if !self.allowable(rule) {
            return Some(Severity::Error);
        }
        match self.severities.get(&rule) {
            Some(configured) => *configured,
            None => Some(rule.meta().severity),
        }
    }
}

/// Everything learned about one file: its tree, its history, its findings.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The parsed file (entries with syntax errors left out).
    pub document: Document,
    /// The replayed history.
    pub record: Record,
    /// Every finding, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses, interprets and checks `source`.
pub fn check(source: &str, options: &CheckOptions) -> Analysis {
    let parsed = parse(source);
    let record = interpret(&parsed.document);
    let mut diagnostics = parsed.diagnostics;
    let cx = Context::new(source, &parsed.document, &record, options);
    for rule in Rule::ALL {
        if let (Some(check), Some(_)) = (rule.meta().check, options.severity(*rule)) {
            check(&cx, &mut diagnostics);
        }
    }
    suppress::apply(
        source,
        &parsed.document.comments,
        &mut diagnostics,
        |rule| options.severity(rule).is_some(),
        |rule| options.allowable(rule),
    );
    diagnostics.retain_mut(|d| match options.severity(d.rule) {
        Some(severity) => {
            d.severity = severity;
            true
        }
        None => false,
    });
    diagnostics.sort_by_key(|d| (d.span.start, d.rule));
    Analysis {
        document: parsed.document,
        record,
        diagnostics,
    }
}

/// What a rule sees: the file, its tree and history, the catalogue, the date.
pub struct Context<'a> {
    /// The file's text.
    pub source: &'a str,
    /// Its syntax tree.
    pub document: &'a Document,
    /// Its replayed history.
    pub record: &'a Record,
    /// The catalogue: modalities, drugs, and known measures.
    pub catalogue: &'a Catalogue,
    /// The measures this file can use, declared and known.
    pub measures: Measures<'a>,
    /// The date the plan is judged on.
    pub today: Date,
    /// The review cadence of a plan that sets none.
    pub default_review: Duration,
    symbols: HashMap<&'a str, Vec<&'a Entry>>,
    /// Built on the first [`Context::line`] call: most checks never need it.
    lines: OnceCell<LineIndex>,
}

impl<'a> Context<'a> {
    /// A context over one file, indexing its definitions by id.
    pub fn new(
        source: &'a str,
        document: &'a Document,
        record: &'a Record,
        options: &'a CheckOptions,
    ) -> Self {
        let mut symbols: HashMap<&str, Vec<&Entry>> = HashMap::new();
        for entry in &document.entries {
            if let Some(id) = entry.id() {
                symbols.entry(id.value.as_str()).or_default().push(entry);
            }
        }
        Context {
            source,
            document,
            record,
            catalogue: &options.catalogue,
            measures: options.catalogue.measures_for(document),
            today: options.today,
            default_review: options.default_review,
            symbols,
            lines: OnceCell::new(),
        }
    }

    /// Every definition of `id`, in file order.
    pub fn definitions(&self, id: &str) -> &[&'a Entry] {
        self.symbols.get(id).map_or(&[], Vec::as_slice)
    }

    /// The first definition of `id`.
    pub fn definition(&self, id: &str) -> Option<&'a Entry> {
        self.definitions(id).first().copied()
    }

    /// The 1-based line number of byte `offset`, for messages that point
    /// at another line ("already defined on line 12").
    pub fn line(&self, offset: usize) -> usize {
        self.lines
            .get_or_init(|| LineIndex::new(self.source))
            .line_of(offset)
            + 1
    }

    /// Every defined id with its definitions, in no particular order.
    pub fn symbols(&self) -> impl Iterator<Item = (&'a str, &[&'a Entry])> {
        self.symbols.iter().map(|(id, defs)| (*id, defs.as_slice()))
    }
}
