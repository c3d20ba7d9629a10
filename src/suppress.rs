//! Suppressions: `# careplan: allow NAME[, NAME]` silences the named rules
//! on one line.
//!
//! At the end of a line, the comment covers that line. Alone on its line,
//! it covers the next line that is not itself a comment, so several allows
//! can stand above one line. A finding is covered when it starts on a
//! covered line. An allow that covers no finding is reported
//! (`unused-allow`), and a name that is no rule is a `syntax` error.
//!
//! `# careplan: fill WHAT` is the other directive: it marks a line of a plan
//! made from a template that still needs the clinician's judgement (rule
//! `template-placeholder`), and covers lines the same way. It allows nothing.

use crate::ast::Comment;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::span::{LineIndex, Span};
use crate::suggest::did_you_mean;

/// The directive's prefix, after `#` and spaces.
const DIRECTIVE: &str = "careplan:";

/// The word after `careplan:` that marks a template placeholder.
const FILL: &str = "fill";

/// What a `# careplan: fill WHAT` comment asks the clinician to decide
/// (`WHAT`, empty when it says nothing more), or `None` for any other comment.
pub fn fill_note(comment: &Comment) -> Option<&str> {
    let after = comment.text.trim_start().strip_prefix(DIRECTIVE)?;
    let rest = after.trim_start().strip_prefix(FILL)?;
    match rest.chars().next() {
        None => Some(""),
        Some(c) if c.is_whitespace() || c == ':' => Some(rest.trim_start_matches(':').trim()),
        Some(_) => None,
    }
}

/// One rule allowed on one line.
#[derive(Clone, Debug)]
struct Allow {
    rule: Rule,
    /// The 0-based line it covers.
    line: usize,
    /// Where the rule's name is written.
    span: Span,
    used: bool,
}

/// Removes the findings that allow comments cover, and adds findings for
/// malformed and unused allows. `enabled` says which rules are turned on:
/// an allow for a rule that is off is never reported as unused.
/// `allowable` says which rules an allow may silence: the others' findings
/// stay (an allow naming a reading rule is itself a `syntax` error).
pub fn apply(
    source: &str,
    comments: &[Comment],
    diagnostics: &mut Vec<Diagnostic>,
    enabled: impl Fn(Rule) -> bool,
    allowable: impl Fn(Rule) -> bool,
) {
    let directive = |c: &Comment| c.text.trim_start().starts_with("careplan");
    if !comments.iter().any(directive) {
        return;
    }
    let index = LineIndex::new(source);
    let mut allows = Vec::new();
    for comment in comments {
        read(source, &index, comment, &mut allows, diagnostics);
    }
    if allows.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        let line = index.line_of(d.span.start);
        let mut covered = false;
        for allow in allows
            .iter_mut()
            .filter(|a| a.rule == d.rule && a.line == line)
        {
            allow.used = true;
            covered = true;
        }
        !covered || !allowable(d.rule)
    });
    for allow in allows.iter().filter(|a| !a.used && enabled(a.rule)) {
        diagnostics.push(
            Diagnostic::new(
                Rule::UnusedAllow,
                allow.span,
                format!(
                    "`{}` is allowed here, but line {} has no {} finding",
                    allow.rule,
                    allow.line + 1,
                    allow.rule
                ),
            )
            .with_help("remove the name from the allow comment (or the comment itself)"),
        );
    }
}

/// Reports `# careplan allow RULE`, a directive without its colon, which
/// would otherwise be an ordinary comment that silently allows nothing.
fn missing_colon(comment: &Comment, diagnostics: &mut Vec<Diagnostic>) {
    let mut words = comment.text.split_whitespace();
    if words.next() != Some("careplan") || words.next() != Some("allow") {
        return;
    }
    let rules: Vec<&str> = words.collect();
    diagnostics.push(
        Diagnostic::new(
            Rule::Syntax,
            comment.span,
            "this reads as an allow comment, but `careplan` has no colon after it, so it \
             allows nothing",
        )
        .with_help(format!(
            "write it as `# careplan: allow {}`",
            if rules.is_empty() {
                "RULE-NAME".to_owned()
            } else {
                rules.join(" ")
            }
        )),
    );
}

/// Reads one comment's allows, if it is a directive.
fn read(
    source: &str,
    index: &LineIndex,
    comment: &Comment,
    allows: &mut Vec<Allow>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if fill_note(comment).is_some() {
        return;
    }
    let text = comment.text.as_str();
    let Some(after) = text.trim_start().strip_prefix(DIRECTIVE) else {
        missing_colon(comment, diagnostics);
        return;
    };
    // Offsets within the comment: `#` is one byte before `text`.
    let at =
        |inner: &str| comment.span.start + 1 + (inner.as_ptr() as usize - text.as_ptr() as usize);
    let Some(names) = after.trim_start().strip_prefix("allow") else {
        let word = after.split_whitespace().next().unwrap_or("");
        let start = if word.is_empty() {
            at(after)
        } else {
            at(after.trim_start())
        };
        diagnostics.push(
            Diagnostic::new(
                Rule::Syntax,
                Span::new(start, start + word.len()),
                format!("unknown careplan directive `{word}`"),
            )
            .with_help("write it as `# careplan: allow RULE-NAME`, for example `# careplan: allow plateau` (or `# careplan: fill WHAT` on a template's placeholder)"),
        );
        return;
    };
    let line = covered_line(source, index, comment);
    for name in names.split(',') {
        let trimmed = name.trim();
        let start = at(name) + (name.len() - name.trim_start().len());
        let span = Span::new(start, start + trimmed.len());
        if trimmed.is_empty() {
            continue;
        }
        match Rule::from_name(trimmed) {
            Some(rule) if rule.is_reading() => diagnostics.push(
                Diagnostic::new(
                    Rule::Syntax,
                    span,
                    format!(
                        "`{rule}` findings cannot be allowed: careplan could not read that \
                         text, so nothing in it was checked"
                    ),
                )
                .with_help(format!(
                    "fix what the `{rule}` finding points at and remove `{rule}` from this \
                     comment (`careplan explain {rule}`)"
                )),
            ),
            Some(rule) => allows.push(Allow {
                rule,
                line,
                span,
                used: false,
            }),
            None => {
                let names = Rule::ALL.iter().map(|r| r.name());
                let help = match did_you_mean(trimmed, names) {
                    Some(close) => {
                        format!("did you mean `{close}`? `careplan rules` lists every rule")
                    }
                    None => "`careplan rules` lists every rule".to_owned(),
                };
                diagnostics.push(
                    Diagnostic::new(
                        Rule::Syntax,
                        span,
                        format!("there is no rule `{trimmed}` to allow"),
                    )
                    .with_help(help),
                );
            }
        }
    }
}

/// The 0-based line a directive comment covers: its own line at the end of
/// one, else the next line that is not a comment.
pub(crate) fn covered_line(source: &str, index: &LineIndex, comment: &Comment) -> usize {
    let mut line = index.line_of(comment.span.start);
    if comment.trailing {
        return line;
    }
    loop {
        line += 1;
        let text = index.line_text(source, line);
        if !text.trim_start().starts_with('#') || index.line_start(line).is_none() {
            return line;
        }
    }
}
