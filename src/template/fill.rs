//! Filling a template's stand-ins: the client's id and the dates set from
//! the opening date.

use super::{Template, TemplateError};
use jiff::civil::Date;

/// The client id written when none is given: it has a digit, so it is not
/// read as a name, and it is marked for the clinician to replace.
pub const STAND_IN_CLIENT: &str = "C-0000";

/// The stand-ins careplan knows, for the help of an error.
pub(super) const HELP: &str =
    "a template may use `{{client}}`, `{{opened}}` and `{{opened + N days|weeks|months}}` (or `-`)";

/// What a new plan is filled with.
#[derive(Clone, Debug)]
pub struct Fill {
    /// The client's pseudonymous id; `None` writes [`STAND_IN_CLIENT`] and marks it.
    pub client: Option<String>,
    /// The date the episode opens.
    pub opened: Date,
}

/// The text of a new plan: `template` with `{{client}}` replaced by the
/// client's id (or the stand-in id, marked `# careplan: fill`), `{{opened}}`
/// by the opening date and `{{opened + N unit}}` by a date that long after it.
pub fn fill(template: &Template, fill: &Fill) -> Result<String, TemplateError> {
    if let Some(client) = &fill.client
        && !is_identifier(client)
    {
        return Err(TemplateError::BadClient(client.clone()));
    }
    let mut out = String::with_capacity(template.text.len());
    for (number, line) in template.text.split_inclusive('\n').enumerate() {
        let (body, ending) = split_ending(line);
        let mut filled = String::new();
        let mut rest = body;
        let mut client_here = false;
        while let Some((before, after)) = rest.split_once("{{") {
            filled.push_str(before);
            let error = |message: String| TemplateError::StandIn {
                template: template.place(),
                line: number + 1,
                column: body.chars().count() - rest.chars().count() + before.chars().count() + 1,
                message,
            };
            let Some((inner, tail)) = after.split_once("}}") else {
                return Err(error("`{{` is not closed by `}}`".to_owned()));
            };
            let inner = inner.trim();
            if inner == "client" {
                client_here = true;
                filled.push_str(fill.client.as_deref().unwrap_or(STAND_IN_CLIENT));
            } else {
                let date = date(inner, fill.opened)
                    .ok_or_else(|| {
                        error(format!(
                            "`{{{{{inner}}}}}` is not a stand-in careplan knows"
                        ))
                    })?
                    .ok_or_else(|| TemplateError::OutOfCalendar(template.name.clone()))?;
                filled.push_str(&date.to_string());
            }
            rest = tail;
        }
        filled.push_str(rest);
        if client_here && fill.client.is_none() {
            mark_client(&mut out, &mut filled);
        }
        out.push_str(&filled);
        out.push_str(ending);
    }
    Ok(out)
}

/// Marks the line that received the stand-in client id: at its end, or,
/// when it already ends in a comment, on a line of its own above it.
fn mark_client(out: &mut String, line: &mut String) {
    const MARK: &str = "# careplan: fill the client's pseudonymous id";
    if line.contains('#') {
        let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
        out.push_str(&format!("{indent}{MARK}\n"));
    } else {
        line.push_str("  ");
        line.push_str(MARK);
    }
}

/// A line's text and its line ending (`\n`, `\r\n` or none).
fn split_ending(line: &str) -> (&str, &str) {
    let body = line.trim_end_matches(['\n', '\r']);
    (body, line.get(body.len()..).unwrap_or(""))
}

/// The date a stand-in names: `Some(None)` when it is a date stand-in
/// whose date falls off the calendar, `None` when it is no stand-in.
fn date(inner: &str, opened: Date) -> Option<Option<Date>> {
    let rest = inner.strip_prefix("opened")?.trim();
    if rest.is_empty() {
        return Some(Some(opened));
    }
    let (sign, rest) = match rest.split_at_checked(1)? {
        ("+", rest) => (1, rest),
        ("-", rest) => (-1, rest),
        _ => return None,
    };
    let mut words = rest.split_whitespace();
    let amount: i64 = words.next()?.parse().ok().filter(|n| *n > 0)?;
    let unit = words.next()?;
    if words.next().is_some() {
        return None;
    }
    let amount = sign * amount;
    let span = match unit.trim_end_matches('s') {
        "day" => jiff::Span::new().try_days(amount),
        "week" => jiff::Span::new().try_weeks(amount),
        "month" => jiff::Span::new().try_months(amount),
        _ => return None,
    };
    // The language's dates have four-digit years.
    Some(
        span.ok()
            .and_then(|span| opened.checked_add(span).ok())
            .filter(|d| (1..=9999).contains(&d.year())),
    )
}

/// Whether `text` is an identifier of the language: a letter, then
/// letters, digits, `-`, `_` or `.`.
fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(char::is_alphabetic)
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}
