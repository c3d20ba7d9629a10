//! The benches' shared corpus helpers: a plan of a given size, the day to
//! judge it on, and the sizes the environment sets.

use super::generate;
use careplan::parse;
use jiff::civil::Date;

/// One plan of about `bytes` bytes, in every form.
pub fn sized(bytes: usize) -> generate::Forms {
    let mut sessions = 100;
    loop {
        let forms = generate::plan_forms(2026, sessions);
        if forms.careplan.len() >= bytes {
            return forms;
        }
        sessions = (sessions * bytes / forms.careplan.len().max(1)).max(sessions + 1);
    }
}

/// The day after the last dated entry of `text`, as a clinician checks a
/// plan: the big plan's decades of weekly sessions run past any fixed
/// date, and would otherwise all be `future-date` findings.
pub fn day_after(text: &str) -> Date {
    let last = parse(text)
        .document
        .entries
        .iter()
        .filter_map(|e| e.date()?.value)
        .max();
    let day = last.and_then(|d| d.tomorrow().ok());
    day.unwrap_or(jiff::civil::date(2026, 11, 22))
}

/// The positive number in the environment variable `name`, or `default`.
pub fn env_number(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|v: &f64| *v > 0.0)
        .unwrap_or(default)
}
