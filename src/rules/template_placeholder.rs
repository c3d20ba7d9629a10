//! `template-placeholder`: a plan made from a template still holds a value
//! that only the clinician can decide.

use super::Context;
use super::RuleMeta;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::span::{LineIndex, Span};
use crate::suppress::{covered_line, fill_note};

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A line from a template is marked `# careplan: fill` and still needs the clinician's judgement.",
    doc: r#"## What it does
Flags every line marked with a `# careplan: fill WHAT` comment. `careplan new`
writes such a marker on each line of a plan made from a template whose value
is only a stand-in: a baseline, a target, a due date, a consent date, the
client's id when none was given, the risk level, the prescriber. The marker at
the end of a line covers that line; alone on its line, it covers the next
line that is not a comment (as an allow comment does). The finding names what
the marker asks for.

## Why
A template cannot know this client. Its baselines, targets and dates are
typical values, there so that the plan reads and checks as a whole; left
unchanged, they would pass as clinical decisions nobody made. Each stays a
warning until the clinician has decided it.

## Example
```careplan
goal G1 "Lift low mood" for depression
  measure PHQ-9 baseline 15 target < 10  # careplan: fill the intake PHQ-9 and the agreed target
  due 2027-01-26  # careplan: fill the date agreed with the client
```

## Fix
Write the value decided with the client, then delete the marker:
```careplan
goal G1 "Lift low mood" for depression
  measure PHQ-9 baseline 18 target < 10
  due 2027-02-09
```
"#,
    check: Some(check),
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let markers: Vec<_> = cx
        .document
        .comments
        .iter()
        .filter_map(|c| fill_note(c).map(|note| (c, note)))
        .collect();
    if markers.is_empty() {
        return;
    }
    let index = LineIndex::new(cx.source);
    for (comment, note) in markers {
        let line = covered_line(cx.source, &index, comment);
        let span = placeholder_span(cx, &index, line, comment.span);
        let what = if note.is_empty() {
            "this line".to_owned()
        } else {
            format!("this line ({note})")
        };
        out.push(
            Diagnostic::new(
                Rule::TemplatePlaceholder,
                span,
                format!("{what} still holds the template's stand-in, not a clinical decision"),
            )
            .with_help(
                "replace the stand-in with this client's value, then delete the `# careplan: fill` comment",
            ),
        );
    }
}

/// The text of 0-based `line` without its indent and its trailing comment
/// (the marker, or another); the marker itself when the line is empty.
fn placeholder_span(cx: &Context<'_>, index: &LineIndex, line: usize, marker: Span) -> Span {
    let source = cx.source;
    let Some(start) = index.line_start(line) else {
        return marker;
    };
    let line_end = start + index.line_text(source, line).len();
    let end = cx
        .document
        .comments
        .iter()
        .map(|c| c.span.start)
        .find(|&at| (start..line_end).contains(&at))
        .unwrap_or(line_end);
    let content = source.get(start..end).unwrap_or("");
    let indent = content.len() - content.trim_start().len();
    let trimmed = content.trim();
    if trimmed.is_empty() {
        return marker;
    }
    Span::new(start + indent, start + indent + trimmed.len())
}
