//! The checker: parses, interprets and runs every rule over one file.

use crate::ast::{Document, Duration};
use crate::catalogue::Catalogue;
use crate::diagnostic::Severity;
use crate::diagnostic::{Diagnostic, Fix};
use crate::interpret::{Record, interpret};
use crate::parse::{Parsed, parse};
use crate::rules::{Context, Rule};
use crate::suppress;
use crate::words::Unit;
use jiff::civil::Date;
use std::collections::BTreeMap;

/// The review cadence of a plan that sets none: every 180 days, the
/// default the language contract sets (`review-overdue`, LANGUAGE.md). It
/// is a ceiling, not a clinical standard: rules that set one differ by
/// service (South Dakota's outpatient mental-health rule, ARSD 67:62:08:08,
/// asks for a review at least every six months; Pennsylvania's inpatient
/// drug and alcohol rule, 28 Pa. Code 709.123(b)(2), every 30 days), so a
/// clinic sets its own with `[review] every` and a plan with `review every`.
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
    /// The clinic's client-id pattern (`[privacy] client-id-pattern`).
    pub client_id_pattern: Option<crate::rules::IdPattern>,
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
            client_id_pattern: None,
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
            None => Some(rule.default_severity()),
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
    check_parsed(source, parse(source), options)
}

/// Interprets and checks `source`, already parsed as `parsed` (which must
/// be its parse: [`crate::parse::parse_inserted`] reuses the parse of the
/// text around an entry added).
pub fn check_parsed(source: &str, parsed: Parsed, options: &CheckOptions) -> Analysis {
    let record = interpret(&parsed.document);
    let mut diagnostics = parsed.diagnostics;
    let cx = Context::new(
        source,
        &parsed.document,
        &record,
        &options.catalogue,
        options.today,
        options.default_review,
        options.client_id_pattern.as_ref(),
    );
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
    for finding in diagnostics.iter_mut().filter(|d| options.allowable(d.rule)) {
        let allow = suppress::allow_fix(source, &parsed.document.comments, finding);
        finding.fixes.push(allow);
    }
    Analysis {
        document: parsed.document,
        record,
        diagnostics,
    }
}

/// The outcome of [`autofix`]: the fixed text, what was changed, and the check
/// of the fixed text.
#[derive(Debug)]
pub struct Fixed {
    /// The text with every safe fix applied (the same text when none was).
    pub text: String,
    /// The title of each fix applied, with its rule, in the order applied.
    pub applied: Vec<(Rule, String)>,
    /// The check of the fixed text: what is left.
    pub analysis: Analysis,
}

/// The most rounds of fixing [`autofix`] runs: a fix deferred because it
/// touched another is applied in the next round, after a re-check.
const FIX_ROUNDS: usize = 8;

/// Applies every safe fix (a fix that changes nothing clinical, see
/// [`crate::fix`]) to `source`, re-checking after each round, and returns
/// the text with what was applied and what is left.
pub fn autofix(source: &str, options: &CheckOptions) -> Fixed {
    let mut text = source.to_owned();
    let mut applied = Vec::new();
    let mut analysis = check(&text, options);
    for _ in 0..FIX_ROUNDS {
        let chosen: Vec<(Rule, &Fix)> = analysis
            .diagnostics
            .iter()
            .filter_map(|d| Some((d.rule, d.fixes.iter().find(|f| f.safe)?)))
            .collect();
        if chosen.is_empty() {
            break;
        }
        let result = crate::fix::apply(&text, chosen.iter().map(|(_, f)| *f));
        if result.taken.is_empty() {
            break;
        }
        for at in result.taken {
            if let Some((rule, fix)) = chosen.get(at) {
                applied.push((*rule, fix.title.clone()));
            }
        }
        text = result.text;
        analysis = check(&text, options);
    }
    Fixed {
        text,
        applied,
        analysis,
    }
}
