//! Hover: what the thing under the cursor means. On a finding, its rule's
//! documentation; on a goal's or objective's id, how it stands today; on
//! another id, what `:show` tells in the REPL; on a measure, its range,
//! bands and source; on a drug, its class and warnings; on a date, its
//! weekday and how far it is from today.

use super::Open;
use super::navigation::word_at;
use crate::analytics::{GoalOutcome, goal_outcomes};
use crate::ast::Entry;
use crate::catalogue::{Drug, MeasureInfo};
use crate::diagnostic::Diagnostic;
use crate::summary::{met, number, target};
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};
use std::fmt::Write as _;

/// What to show over `position`, if anything is known about it.
pub fn hover(open: &Open<'_>, position: Position) -> Option<Hover> {
    let text = open.text();
    let offset = open.offset(position);
    let findings: Vec<&Diagnostic> = open
        .session
        .check()
        .iter()
        .filter(|d| d.span.start <= offset && (offset < d.span.end || offset == d.span.start))
        .collect();
    if let Some(first) = findings.first() {
        let shown: Vec<String> = findings.iter().map(|d| finding(d)).collect();
        return Some(markdown(shown.join("\n\n---\n\n"), open, first.span));
    }
    let word = word_at(text, offset)?;
    let id = word.text(text);
    let analysis = open.session.analysis();
    let catalogue = &open.session.options().catalogue;
    let defined = analysis
        .document
        .entries
        .iter()
        .find(|e| e.id().is_some_and(|i| i.value == id));
    let shown = match defined {
        Some(Entry::Goal(_) | Entry::Objective(_)) => aim(open, id),
        Some(_) => open
            .session
            .show(id)
            .ok()
            .map(|s| format!("```text\n{}```", s)),
        None => None,
    }
    .or_else(|| {
        catalogue
            .measures_for(&analysis.document)
            .get(id)
            .map(measure)
    })
    .or_else(|| catalogue.drug(id).map(drug))
    .or_else(|| date(id, open.session.as_of()))?;
    Some(markdown(shown, open, word))
}

fn markdown(value: String, open: &Open<'_>, span: crate::span::Span) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(open.range(span)),
    }
}

/// A finding with its rule's documentation.
fn finding(d: &Diagnostic) -> String {
    let rule = d.rule;
    let meta = rule.meta();
    let mut out = format!(
        "**{}** ({}, {}): {}\n\n{}",
        rule.name(),
        rule.code(),
        d.severity,
        meta.summary,
        d.message
    );
    if let Some(help) = &d.help {
        let _ = write!(out, "\n\nhelp: {help}");
    }
    let _ = write!(out, "\n\n{}", meta.doc.trim());
    out
}

/// A goal or objective as it stands today: targets with the latest score
/// and its band, status, due date, and what serves it.
fn aim(open: &Open<'_>, id: &str) -> Option<String> {
    let analysis = open.session.analysis();
    let document = &analysis.document;
    let today = open.session.as_of();
    let measures = open.session.options().catalogue.measures_for(document);
    let aim = document.aims().find(|a| a.id().value == id)?;
    let mut out = format!("**{} {id}** \"{}\"\n\n", aim.noun(), aim.text().value);
    let outcomes = goal_outcomes(document, &analysis.record, &measures, today);
    match outcomes.iter().find(|o| o.id == id) {
        Some(outcome) => standing(&mut out, outcome, today),
        None => {
            let _ = writeln!(out, "not set yet on {today}");
        }
    }
    let serving: Vec<String> = analysis
        .record
        .treatments
        .iter()
        .filter(|t| analysis.record.serves(t, id))
        .map(|t| {
            let what = match document.entries.get(t.entry) {
                Some(Entry::Intervention(i)) => match &i.technique {
                    Some(tech) => format!("{} {}", i.modality.value, tech.value),
                    None => i.modality.value.to_string(),
                },
                Some(Entry::Medication(m)) => m.drug.value.clone(),
                _ => String::new(),
            };
            let stopped = if t.is_active_on(today) {
                ""
            } else {
                ", not active"
            };
            format!("`{}` ({what}{stopped})", t.id)
        })
        .collect();
    if serving.is_empty() {
        out.push_str("\nno intervention or medication serves it\n");
    } else {
        let _ = writeln!(out, "\nserved by {}", serving.join(", "));
    }
    let steps: Vec<String> = document
        .objectives_of(id)
        .map(|o| format!("`{}`", o.id.value))
        .collect();
    if !steps.is_empty() {
        let _ = writeln!(out, "\nobjectives {}", steps.join(", "));
    }
    Some(out)
}

fn standing(out: &mut String, outcome: &GoalOutcome, today: jiff::civil::Date) {
    let status = outcome.status.map_or("no status yet", |s| s.as_str());
    let due = match outcome.due {
        Some(due) if due < today && !outcome.status.is_some_and(|s| s.is_closed()) => {
            format!("due {due}, **overdue**")
        }
        Some(due) => format!("due {due}"),
        None => "no due date".to_owned(),
    };
    let _ = writeln!(out, "as of {today}: **{status}**, {due}\n");
    for t in &outcome.targets {
        let latest = match t.measure.latest() {
            Some(r) => {
                let band = r
                    .band
                    .as_ref()
                    .map_or_else(String::new, |b| format!(" ({b})"));
                format!("latest {}{band} on {}", number(r.value), r.date)
            }
            None => "no score yet".to_owned(),
        };
        let progress = match t.progress {
            Some(p) if !t.met => format!(", {}% of the way", number(p.round())),
            _ => String::new(),
        };
        let (target, met) = (target(t), met(t));
        let _ = writeln!(out, "- {target}: {latest}; {met}{progress}");
    }
}

/// A measure: its range and direction, bands, reliable change and source.
fn measure(info: &MeasureInfo) -> String {
    let mut out = format!(
        "**{}**: {}\n\nrange {}..{}, {} is better",
        info.id,
        info.name,
        number(info.min),
        number(info.max),
        info.better.as_str()
    );
    if let Some(bands) = crate::summary::bands(info) {
        let _ = write!(out, "\n\nbands: {bands}");
    }
    if let Some(change) = info.reliable_change {
        let _ = write!(out, "\n\nreliable change: {}", number(change));
    }
    if let Some(below) = info.remission_below {
        let _ = write!(out, "\n\nremission below {}", number(below));
    }
    let source = if info.declared {
        "declared in this plan"
    } else {
        info.source.as_str()
    };
    let _ = write!(out, "\n\nsource: {source}");
    out
}

/// A drug: its class, whether it is serotonergic, its boxed warning.
fn drug(drug: &Drug) -> String {
    let yes = |b: bool| if b { "yes" } else { "no" };
    let mut out = format!(
        "**{}**: {}\n\nserotonergic: {}",
        drug.name,
        drug.class.word(),
        yes(drug.serotonergic)
    );
    if drug.mao_inhibitor {
        out.push_str("\n\nmonoamine oxidase inhibitor: needs a washout before and after other serotonergic drugs");
    }
    if drug.qt_known_risk {
        out.push_str(
            "\n\nknown risk of torsades de pointes (CredibleMeds): prolongs the QT interval",
        );
    }
    if drug.suicidality_warning {
        out.push_str(
            "\n\nboxed warning: suicidal thoughts and behaviours in children, adolescents and young adults",
        );
    }
    out
}

/// A date: its weekday, and how many days before or after `today` it is.
fn date(word: &str, today: jiff::civil::Date) -> Option<String> {
    let date = crate::parse::date(word).ok()?;
    let days = (date - today).get_days();
    let when = match days {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        -1 => "yesterday".to_owned(),
        d if d > 0 => format!("in {d} days"),
        d => format!("{} days ago", -d),
    };
    Some(format!(
        "{}, {when} (today is {today})",
        date.strftime("%A %-d %B %Y")
    ))
}
