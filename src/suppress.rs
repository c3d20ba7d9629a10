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
use crate::fix::{Edit, Fix};
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
    /// The edit that takes the name out of its comment (the whole comment,
    /// or its line, when it is the only name).
    removal: Edit,
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
            .with_help("remove the name from the allow comment (or the comment itself)")
            .with_fix(Fix::safe(
                format!("Remove the unused allow of `{}`", allow.rule),
                vec![allow.removal.clone()],
            )),
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
    let listed: Vec<&str> = names.split(',').collect();
    let only = listed.iter().filter(|n| !n.trim().is_empty()).count() == 1;
    for (at_name, name) in listed.iter().enumerate() {
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
                removal: if only {
                    comment_removal(source, index, comment)
                } else {
                    name_removal(&listed, at_name, at(name))
                },
                used: false,
            }),
            None => {
                let names = Rule::ALL.iter().map(|r| r.name());
                let close = did_you_mean(trimmed, names);
                let help = match close {
                    Some(close) => {
                        format!("did you mean `{close}`? `careplan rules` lists every rule")
                    }
                    None => "`careplan rules` lists every rule".to_owned(),
                };
                let mut finding = Diagnostic::new(
                    Rule::Syntax,
                    span,
                    format!("there is no rule `{trimmed}` to allow"),
                )
                .with_help(help);
                if let Some(close) = close {
                    finding = finding.with_fix(Fix::replacement(span, close, true));
                }
                diagnostics.push(finding);
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

/// The edit that deletes `comment`: its whole line when it stands alone,
/// else the comment and the spaces before it.
fn comment_removal(source: &str, index: &LineIndex, comment: &Comment) -> Edit {
    let line = index.line_of(comment.span.start);
    let start = index.line_start(line).unwrap_or(comment.span.start);
    if !comment.trailing {
        let end = index.line_start(line + 1).unwrap_or(source.len());
        return Edit::delete(Span::new(start, end));
    }
    let before = source.get(start..comment.span.start).unwrap_or("");
    let kept = before.trim_end_matches([' ', '\t']).len();
    Edit::delete(Span::new(start + kept, comment.span.end))
}

/// The edit that deletes the `at`-th of a directive's comma-separated
/// `names`, whose text starts at byte `start`, with one of its commas.
fn name_removal(names: &[&str], at: usize, start: usize) -> Edit {
    let len = names.get(at).map_or(0, |n| n.len());
    if at + 1 < names.len() {
        // `a, b` without `a`: take the name and the comma after it, and
        // the spaces that followed the comma.
        let next = names.get(at + 1).copied().unwrap_or("");
        let spaces = next.len() - next.trim_start().len();
        let lead = names.get(at).map_or(0, |n| n.len() - n.trim_start().len());
        Edit::delete(Span::new(start + lead, start + len + 1 + spaces))
    } else {
        // The last name: take the comma before it and the name.
        let trimmed = names.get(at).map_or(0, |n| n.trim_end().len());
        Edit::delete(Span::new(start.saturating_sub(1), start + trimmed))
    }
}

/// The fix that allows `finding`'s rule on its line: the rule's name added
/// to an allow comment already at the end of that line, or a new one there
/// (above the line when it already ends in another comment). Never
/// preferred: it silences a finding rather than resolving it. `comments`
/// are the file's, in source order.
pub fn allow_fix(source: &str, comments: &[Comment], finding: &Diagnostic) -> Fix {
    let name = finding.rule.name();
    // The finding's line, found from where it starts: a file with many
    // findings is not indexed line by line for them.
    let at = finding.span.start.min(source.len());
    let before = source.as_bytes().get(..at).unwrap_or_default();
    let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let rest = source.as_bytes().get(start..).unwrap_or_default();
    let end = start + memchr::memchr(b'\n', rest).unwrap_or(rest.len());
    let text = source.get(start..end).unwrap_or("").trim_end_matches('\r');
    let end = start + text.len();
    let first = comments.partition_point(|c| c.span.start < start);
    let trailing = comments
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| c.span.start <= end)
        .find(|c| c.trailing);
    let edit = match trailing {
        Some(c) if is_allow(c) => Edit::insert(
            c.span.start + 1 + c.text.trim_end().len(),
            format!(", {name}"),
        ),
        Some(_) => {
            let body = text.trim_start_matches([' ', '\t']).len();
            let indent = text.get(..text.len() - body).unwrap_or("");
            Edit::insert(start, format!("{indent}# careplan: allow {name}\n"))
        }
        None => Edit::insert(end, format!("  # careplan: allow {name}")),
    };
    Fix::suggested(format!("Allow `{name}` on this line"), vec![edit])
}

/// Whether `comment` is an allow directive.
fn is_allow(comment: &Comment) -> bool {
    comment
        .text
        .trim_start()
        .strip_prefix(DIRECTIVE)
        .is_some_and(|after| after.trim_start().starts_with("allow"))
}
