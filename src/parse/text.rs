//! Decoding string literals and checking dates against the calendar.

use jiff::civil::Date;

/// The value of a string literal, quotes included in `raw`.
///
/// `"..."` strings decode `\"`, `\\` and `\n`. `"""` strings are raw: a
/// line break right after the opening quotes and a last line holding only
/// spaces are dropped, and the indentation the lines share is removed.
pub(crate) fn decode(raw: &str) -> String {
    if let Some(body) = raw
        .strip_prefix("\"\"\"")
        .and_then(|r| r.strip_suffix("\"\"\""))
    {
        return dedent(body);
    }
    let body = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(raw);
    // Most strings hold no escape: copy them whole.
    if !body.contains('\\') {
        return body.to_owned();
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn dedent(body: &str) -> String {
    // Spaces at the end of a line of a multi-line string are not part of its
    // text: they cannot be seen, and editors and the formatter drop them.
    let trailing: &[char] = if body.contains('\n') {
        &['\r', ' ', '\t']
    } else {
        &['\r']
    };
    let mut lines: Vec<&str> = body
        .split('\n')
        .map(|l| l.trim_end_matches(trailing))
        .collect();
    if lines.len() > 1 && lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    if lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or_else(|| l.trim_start()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads a `YYYY-MM-DD` date; `Err` explains why it is not on the calendar.
pub fn date(text: &str) -> Result<Date, String> {
    // Fast path for the form the grammar reads, `DDDD-DD-DD`; anything
    // else, and every error, takes the general path below.
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *text.as_bytes()
        && [y0, y1, y2, y3, m0, m1, d0, d1]
            .iter()
            .all(u8::is_ascii_digit)
    {
        let n = |digits: &[u8]| {
            digits
                .iter()
                .fold(0i16, |n, d| n * 10 + i16::from(d - b'0'))
        };
        let month = n(&[m0, m1]) as i8;
        let day = n(&[d0, d1]) as i8;
        if (1..=12).contains(&month)
            && let Ok(date) = Date::new(n(&[y0, y1, y2, y3]), month, day)
        {
            return Ok(date);
        }
    }
    let mut parts = text.splitn(3, '-').map(str::parse::<i16>);
    let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return Err(format!("`{text}` is not a date written YYYY-MM-DD"));
    };
    let (Ok(month), Ok(day)) = (i8::try_from(month), i8::try_from(day)) else {
        return Err(format!("`{text}` is not a date on the calendar"));
    };
    if !(1..=12).contains(&month) {
        return Err(format!(
            "`{text}` has month {month}; months run from 01 to 12"
        ));
    }
    let first =
        Date::new(year, month, 1).map_err(|_| format!("`{text}` is outside the calendar"))?;
    Date::new(year, month, day).map_err(|_| {
        format!(
            "`{text}` is not on the calendar: {} {year} has {} days",
            first.strftime("%B"),
            first.days_in_month()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_and_triple_strings() {
        assert_eq!(decode(r#""say \"hi\"\\n\n""#), "say \"hi\"\\n\n");
        assert_eq!(
            decode("\"\"\"\n    one\n      two\n    \"\"\""),
            "one\n  two"
        );
        assert_eq!(decode("\"\"\"inline\"\"\""), "inline");
        assert_eq!(decode("\"\"\"kept \"\"\""), "kept ");
        assert_eq!(
            decode("\"\"\"g  \n\tt \r\n  \"\"\""),
            "g\n\tt",
            "line ends of a multi-line string are not its text"
        );
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert!(date("2024-02-29").is_ok());
        assert_eq!(
            date("2026-02-30").unwrap_err(),
            "`2026-02-30` is not on the calendar: February 2026 has 28 days"
        );
        assert!(date("2026-13-01").unwrap_err().contains("month 13"));
        assert!(date("2026-00-10").is_err());
    }
}
