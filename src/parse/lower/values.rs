//! Values inside headers and fields: strings, dates, numbers, words of a
//! closed set, targets and durations.

use super::{Lowerer, Malformed, P, Word, values};
use crate::ast::*;
use crate::diagnostic::{Diagnostic, Fix};
use crate::parse::{explain, text};
use crate::rule::Rule;
use crate::span::Spanned;
use crate::suggest::did_you_mean;
use crate::words::*;

impl Lowerer<'_> {
    pub(super) fn text(&mut self, pair: &P<'_>) -> Text {
        let raw = pair.as_str();
        let at = self.span(pair);
        if raw.starts_with("\"\"\"") {
            self.diagnostics
                .extend(explain::swallowed_entry(raw, at.start));
        }
        Spanned::new(text::decode(raw), at)
    }

    pub(super) fn date(&mut self, pair: &P<'_>) -> DateLit {
        let span = self.span(pair);
        match text::date(pair.as_str()) {
            Ok(date) => Spanned::new(Some(date), span),
            Err(why) => {
                self.diagnostics.push(
                    Diagnostic::new(Rule::InvalidDate, span, why)
                        .with_help("write a real calendar date as YYYY-MM-DD"),
                );
                Spanned::new(None, span)
            }
        }
    }

    pub(super) fn number(&mut self, pair: &P<'_>) -> Number {
        let value = number_value(pair.as_str());
        if !value.is_finite() {
            self.diagnostics.push(
                Diagnostic::new(
                    Rule::Syntax,
                    self.span(pair),
                    "this number is too large to read",
                )
                .with_help("check it for a slip of the keyboard: scores are small numbers"),
            );
        }
        Spanned::new(value, self.span(pair))
    }

    pub(super) fn word<T: Word>(&mut self, pair: &P<'_>) -> Option<Spanned<T>> {
        let written = pair.as_str();
        if let Some(value) = T::from_word(written) {
            return Some(Spanned::new(value, self.span(pair)));
        }
        let mut help = format!("use one of: {}", T::WORDS.join(", "));
        let close = did_you_mean(written, T::WORDS.iter().copied());
        if let Some(close) = close {
            help = format!("did you mean `{close}`? {help}");
        }
        self.diagnostics.push(
            Diagnostic::new(
                Rule::Syntax,
                self.span(pair),
                format!("unknown {} `{written}`", T::WHAT),
            )
            .with_help(help)
            .with_fixes(close.map(|c| Fix::respelling(self.span(pair), written, c))),
        );
        None
    }

    pub(super) fn goals(&self, pair: Option<P<'_>>) -> Vec<Ident> {
        pair.map(|p| values(p).map(|g| self.ident(&g)).collect())
            .unwrap_or_default()
    }

    pub(super) fn target(&mut self, pair: P<'_>) -> Result<Target, Malformed> {
        let within = self.span(&pair);
        let mut inner = pair.into_inner();
        let comparator = inner.next().ok_or(Malformed(within))?;
        let value = inner.next().ok_or(Malformed(within))?;
        Ok(Target {
            span: within,
            comparator: Comparator::from_word(comparator.as_str()).ok_or(Malformed(within))?,
            value: self.number(&value).value,
        })
    }

    pub(super) fn duration(&mut self, pair: P<'_>) -> Result<Option<Duration>, Malformed> {
        let within = self.span(&pair);
        let mut inner = pair.into_inner();
        let amount = inner.next().ok_or(Malformed(within))?;
        let unit = inner.next().ok_or(Malformed(within))?;
        let unit = Unit::from_word_or_singular(unit.as_str()).ok_or(Malformed(within))?;
        Ok(self
            .count(
                &amount,
                "a duration",
                "write it like `8 weeks`, `90 days` or `3 months`",
            )
            .map(|amount| Duration { amount, unit }))
    }

    /// `N sessions|days|weeks|months`: a course or how long a target holds.
    pub(super) fn extent(&mut self, pair: P<'_>) -> Result<Option<Spanned<Extent>>, Malformed> {
        let within = self.span(&pair);
        let mut inner = pair.into_inner();
        let amount = inner.next().ok_or(Malformed(within))?;
        let unit = inner.next().ok_or(Malformed(within))?;
        let unit = ExtentUnit::from_word_or_singular(unit.as_str()).ok_or(Malformed(within))?;
        Ok(self
            .count(
                &amount,
                "a length",
                "write it like `12 sessions`, `6 weeks` or `3 months`",
            )
            .map(|amount| Spanned::new(Extent { amount, unit }, within)))
    }

    /// `N per day|week|month` as a frequency.
    pub(super) fn rate(&mut self, pair: P<'_>) -> Result<Option<Spanned<Frequency>>, Malformed> {
        let within = self.span(&pair);
        let mut parts = values(pair);
        let times = parts.next().ok_or(Malformed(within))?;
        let per = parts.next().ok_or(Malformed(within))?;
        let per = Per::from_word(per.as_str()).ok_or(Malformed(within))?;
        Ok(self
            .count(&times, "how many times", "write it like `2 per week`")
            .map(|times| Spanned::new(Frequency::Rate { times, per }, within)))
    }

    /// A count written as `number`: a whole number above zero, else a
    /// finding that says `what` must be one, with `example` as its help.
    fn count(&mut self, pair: &P<'_>, what: &str, example: &str) -> Option<u32> {
        match pair.as_str().parse::<u32>() {
            Ok(amount) if amount > 0 => Some(amount),
            _ => {
                self.diagnostics.push(
                    Diagnostic::new(
                        Rule::Syntax,
                        self.span(pair),
                        format!("{what} is a whole number above zero"),
                    )
                    .with_help(example),
                );
                None
            }
        }
    }
}

/// The value of a `number` token (`-`? digits, then `.` and digits or not).
///
/// Short numbers are read exactly without the general float parser: their
/// digits form an integer below 2^53 and the power of ten dividing it is
/// exact, so one correctly rounded division gives the same `f64` as
/// `str::parse` would.
fn number_value(text: &str) -> f64 {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let count = whole.len() + fraction.len();
    if !(1..=15).contains(&count) || whole.is_empty() {
        return text.parse().unwrap_or(f64::NAN);
    }
    let mut mantissa: u64 = 0;
    for &d in whole.as_bytes().iter().chain(fraction.as_bytes()) {
        if !d.is_ascii_digit() {
            return text.parse().unwrap_or(f64::NAN);
        }
        mantissa = mantissa * 10 + u64::from(d - b'0');
    }
    const POWERS: [f64; 15] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
    ];
    let Some(power) = POWERS.get(fraction.len()) else {
        return text.parse().unwrap_or(f64::NAN);
    };
    let value = mantissa as f64 / power;
    if negative { -value } else { value }
}

#[cfg(test)]
mod tests {
    use super::number_value;

    /// The fast path reads every number exactly as the general float parser does.
    #[test]
    pub(super) fn numbers_read_as_str_parse_reads_them() {
        for text in [
            "0",
            "7",
            "-3",
            "0.1",
            "0.3",
            "12.75",
            "-0.05",
            "999999999999999",
            "99999999999999.9",
            "1234567890123456",
            "0.000000000000001",
            "1.00000000000000001",
            "27",
            "2.5",
        ] {
            let expected: f64 = text.parse().unwrap_or(f64::NAN);
            assert_eq!(number_value(text).to_bits(), expected.to_bits(), "{text}");
        }
    }
}
