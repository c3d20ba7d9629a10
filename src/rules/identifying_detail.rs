//! `identifying-detail`: an identifier written into free text.

use super::Context;
use super::RuleMeta;
use super::line_signs;
use crate::ast::Entry;
use crate::diagnostic::{Diagnostic, mask};
use crate::rule::Rule;
use crate::span::Span;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Free text holds an identifier: an e-mail address, a phone number, a date of birth, an SSN, an NHS number or a record number.",
    doc: r#"## What it does
Looks through every line of the file (titles, notes, responses, homework,
progress indicators, reasons, events, safety plans, comments, and lines
careplan could not read; from language version 2 also assessments, doses,
the reasons given with `risk`, discharge criteria, and a discharge's
summary and referrals) for details that identify the client:
- an e-mail address;
- a phone number (10 to 15 digits, written with or without spaces, dashes,
  dots, brackets and a leading `+`, in groups of three digits or more after
  the first; a list of scores such as `16 14 12 11 9 7` is not one), except
  toll-free service numbers (US
  800, 888, 877, 866, 855, 844, 833; UK 0800, 0808), which are crisis and
  help lines, not the client's;
- a date of birth written in a note ("DOB 22/03/1994", "born on 3 March");
- a US Social Security number (`123-45-6789`);
- a UK NHS number (10 digits that pass its modulus-11 check digit);
- a medical record number ("MRN 445566", "record number", "hospital
  number", "patient ID").

A safety plan's `contacts` are not checked: the phone numbers of the people
and crisis lines the client can call are the point of that field. The
finding points at the detail but never repeats it in full, in any output:
it is shown masked (`MRN 44…66`).

## Why
A plan file is shared more widely than the record it comes from: in a
repository, in CI logs, in code review, in summaries and exports. careplan
files identify the client only by a pseudonymous `client` id, so that a file
that leaks reveals no one. The HIPAA Safe Harbor de-identification standard
(45 CFR 164.514(b)(2)) lists these among the eighteen identifiers to remove:
telephone numbers, e-mail addresses, Social Security numbers, medical record
numbers, and all elements of dates (except the year) directly related to an
individual, such as a birth date. The NHS number is the UK's equivalent of a
record number (NHS England, NHS number standard, ISB 0149).

## Example
```careplan
session 2026-09-08
  used I1 "Engaged well"
  note "Called her on 07700 900123 to rearrange; DOB 22/03/1994"
```

## Fix
Remove the identifier from the text. The client's contact details and
identity belong in the clinical record system, which the pseudonymous id
links to:
```careplan
session 2026-09-08
  used I1 "Engaged well"
  note "Called her to rearrange"
```
"#,
    check: Some(check),
};

/// What kind of identifier a detail is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Email,
    Phone,
    BirthDate,
    Ssn,
    NhsNumber,
    RecordNumber,
}

impl Kind {
    fn what(self) -> &'static str {
        match self {
            Kind::Email => "an e-mail address",
            Kind::Phone => "a phone number",
            Kind::BirthDate => "a date of birth",
            Kind::Ssn => "a US Social Security number",
            Kind::NhsNumber => "an NHS number",
            Kind::RecordNumber => "a medical record number",
        }
    }
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Every line of the file is read, so that text careplan could not parse
    // (a line with a syntax error) is searched too; only the contacts of
    // safety plans, which exist to hold phone numbers, are not.
    let exempt: Vec<Span> = cx
        .document
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::SafetyPlan(p) => p.contacts.as_ref().map(|c| c.span),
            _ => None,
        })
        .collect();
    // Contacts are in file order, so one cursor walks them beside the lines.
    let mut contacts = exempt.iter().peekable();
    line_signs::each_line(cx.source, |signs| {
        let (start, end) = (signs.start, signs.end);
        let line = cx.source.get(start..end).unwrap_or("");
        // Every identifier holds a digit or an `@`, and most lines neither.
        if signs.digits == 0 && !signs.at_sign
            || !signs.quoted && structured(line)
            // Details need an `@`, nine digits or a label (see `details`).
            || !signs.at_sign && signs.digits < 9 && !holds_label_stem(line)
        {
            return;
        }
        while contacts.next_if(|e| e.end <= start).is_some() {}
        if contacts.peek().is_some_and(|e| e.start < end) {
            return;
        }
        for (kind, offset, len) in details(line) {
            let shown = line.get(offset..offset + len).unwrap_or("");
            let begin = start + offset;
            out.push(
                Diagnostic::new(
                    Rule::IdentifyingDetail,
                    Span::new(begin, begin + len),
                    format!(
                        "this text holds what looks like {} ({}); identifiers do not belong in a plan file",
                        kind.what(),
                        mask(shown)
                    ),
                )
                .with_help(
                    "remove it: the client is named only by the pseudonymous `client` id, and \
                     their details stay in the clinical record (HIPAA Safe Harbor, 45 CFR \
                     164.514(b)(2))",
                )
                .concealed(),
            );
        }
    });
}

/// Whether `line`, which holds no string or comment, holds no free text
/// either: a date, score or code after its keyword (`session 2026-09-08`,
/// `score PHQ-9 14`, `due 2027-03-01`).
fn structured(line: &str) -> bool {
    // A `match`, not a search of a list: it runs for every line with a digit.
    matches!(
        first_word(line),
        "session" | "review" | "safety-plan" | "opened" | "born" | "due" | "started"
            | "stopped" | "since" | "consent" | "next" | "score" | "minutes" | "range"
            | "measure" | "reliable-change" | "diagnosis" | "client" | "format" | "risk"
            | "stage" | "status" | "revise" | "stop" | "used" | "frequency" | "better"
            | "care" | "orientation" | "integration" | "discharge" | "attendance" | "course"
    )
}

/// The first word of `line`, split at white space: read as bytes when it
/// is ASCII between spaces, tabs and line breaks, as nearly every line's
/// is, else with Unicode's white space (a no-break space splits words too).
fn first_word(line: &str) -> &str {
    let trimmed = line.trim_start_matches([' ', '\t']);
    let ascii_end = trimmed.bytes().position(|b| !b.is_ascii_graphic());
    match ascii_end.map(|at| trimmed.split_at(at)) {
        Some((word, rest)) if !word.is_empty() && rest.starts_with([' ', '\t', '\n', '\r']) => {
            word
        }
        None => trimmed,
        _ => line.split_whitespace().next().unwrap_or(""),
    }
}

/// The identifiers in `text`: their kind, byte offset and length.
fn details(text: &str) -> Vec<(Kind, usize, usize)> {
    let mut found = Vec::new();
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    let at_sign = memchr::memchr(b'@', text.as_bytes()).is_some();
    if digits == 0 && !at_sign {
        return found;
    }
    // Labelled details first: a record number or a birth date named as such,
    // looked for where a word starts, in text that holds a label at all.
    if holds_label_stem(text) {
        let lower = text.to_ascii_lowercase();
        let starts = lower.char_indices().filter(|&(at, c)| {
            c.is_ascii_alphabetic()
                && !lower
                    .get(..at)
                    .and_then(|b| b.chars().next_back())
                    .is_some_and(char::is_alphanumeric)
        });
        for (at, _) in starts {
            let rest = lower.get(at..).unwrap_or("");
            let labels = RECORD_LABELS
                .iter()
                .map(|l| (l, Kind::RecordNumber))
                .chain(SSN_LABELS.iter().map(|l| (l, Kind::Ssn)))
                .chain(BIRTH_LABELS.iter().map(|l| (l, Kind::BirthDate)));
            for (label, kind) in labels {
                let ends_word = !rest
                    .get(label.len()..)
                    .and_then(|after| after.chars().next())
                    .is_some_and(char::is_alphanumeric);
                if rest.starts_with(label)
                    && ends_word
                    && let Some((start, len)) = labelled_value(text, at + label.len(), kind)
                {
                    found.push((kind, start, len));
                }
            }
        }
    }
    if at_sign {
        for (start, word) in words(text) {
            if word.contains('@') && is_email(word) {
                found.push((Kind::Email, start, word.len()));
            }
        }
    }
    // Every bare identifier has nine digits or more (a Social Security
    // number nine, an NHS number ten, a phone number ten to fifteen): text
    // with fewer (`I3`, `score 14`, `2026-03-02`) holds none, nor does a
    // shorter run.
    let runs = if digits >= 9 { digit_runs(text) } else { Vec::new() };
    for (start, len) in runs {
        let run = text.get(start..start + len).unwrap_or("");
        if run.bytes().filter(u8::is_ascii_digit).count() < 9 {
            continue;
        }
        let digits: Vec<u8> = run.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
        let groups = groups(run);
        let kind = if is_ssn(run) {
            Kind::Ssn
        } else if has_date(run) {
            continue;
        } else if digits.len() == 10
            && matches!(groups.as_slice(), [10] | [3, 3, 4])
            && nhs_check(&digits)
        {
            Kind::NhsNumber
        } else if (10..=15).contains(&digits.len()) && phone_layout(run, &groups) && !service_line(&digits)
        {
            Kind::Phone
        } else {
            continue;
        };
        found.push((kind, start, len));
    }
    // One finding per place: a labelled detail wins over the bare number in it.
    found.sort_by_key(|&(_, start, len)| (start, std::cmp::Reverse(len)));
    let mut kept: Vec<(Kind, usize, usize)> = Vec::new();
    for detail in found {
        if kept.last().is_none_or(|&(_, start, len)| detail.1 >= start + len) {
            kept.push(detail);
        }
    }
    kept
}

/// A part of every label below, starting one of its words: a text with
/// none of them has no label.
const LABEL_STEMS: &[&str] = &[
    "mrn", "record", "hospital", "patient", "nhs", "chi ", "ssn", "social", "dob", "d.o.b",
    "birth", "born",
];

/// Whether one of [`LABEL_STEMS`] starts a word of `text`, in any case:
/// each label holds one where a word starts (`date of birth`). One pass,
/// trying the stems only where a word starts with a stem's letter, and
/// only the stems that start with it: a search for each stem in every line
/// with a digit was a fifth of a big plan's check.
fn holds_label_stem(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut in_word = false;
    for (at, &b) in bytes.iter().enumerate() {
        let class = BYTE_CLASSES.get(usize::from(b)).copied().unwrap_or(0);
        if class & STEM_START != 0 && !in_word {
            let rest = bytes.get(at..).unwrap_or_default();
            let first = b.to_ascii_lowercase();
            let stem_here = LABEL_STEMS.iter().any(|stem| {
                stem.as_bytes().first() == Some(&first)
                    && rest
                        .get(..stem.len())
                        .is_some_and(|part| part.eq_ignore_ascii_case(stem.as_bytes()))
            });
            if stem_here {
                return true;
            }
        }
        in_word = class & ALPHANUMERIC != 0;
    }
    false
}

/// [`BYTE_CLASSES`]: an ASCII letter or digit.
const ALPHANUMERIC: u8 = 1;
/// [`BYTE_CLASSES`]: the first letter of one of [`LABEL_STEMS`], in either case.
const STEM_START: u8 = 2;

/// What each byte is to [`holds_label_stem`] (a `static`: one table in
/// memory, read in place).
static BYTE_CLASSES: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 256 {
        if (b as u8).is_ascii_alphanumeric() {
            classes[b] = ALPHANUMERIC;
        }
        b += 1;
    }
    let mut i = 0;
    while i < LABEL_STEMS.len() {
        if let Some(&first) = LABEL_STEMS[i].as_bytes().first() {
            classes[first as usize] |= STEM_START;
            classes[first.to_ascii_uppercase() as usize] |= STEM_START;
        }
        i += 1;
    }
    classes
};

/// Words that name a record number, lower case.
const RECORD_LABELS: &[&str] = &[
    "mrn",
    "medical record number",
    "record number",
    "record no",
    "hospital number",
    "hospital no",
    "patient id",
    "patient number",
    "nhs number",
    "nhs no",
    "chi number",
];

/// Words that name a Social Security number, lower case.
const SSN_LABELS: &[&str] = &["ssn", "social security number", "social security no"];

/// Words that introduce a date of birth, lower case.
const BIRTH_LABELS: &[&str] = &["dob", "d.o.b", "date of birth", "birth date", "born on", "birthday"];

/// The value after a label ending at `from`: past `:`, `#`, `.` and spaces,
/// a token holding a digit (for a birth date, up to three words, such as
/// `3 March 1994`).
fn labelled_value(text: &str, from: usize, kind: Kind) -> Option<(usize, usize)> {
    let rest = text.get(from..)?;
    let skipped = rest.len() - rest.trim_start_matches([' ', ':', '#', '.', '-', '=']).len();
    let start = from + skipped;
    let value = text.get(start..)?;
    let words = if kind == Kind::BirthDate { 3 } else { 1 };
    let mut end = 0;
    for (i, word) in value.split(' ').take(words).enumerate() {
        let word = word.trim_end_matches([',', ';', ')', '.', '"', '\'']);
        let dated = word.chars().any(|c| c.is_ascii_digit())
            || (kind == Kind::BirthDate && (i > 0 || words > 1) && is_month(word));
        if !dated || word.is_empty() {
            break;
        }
        end = value.find(word).map_or(end, |at| at + word.len());
    }
    let token = value.get(..end)?;
    let digits = token.chars().filter(char::is_ascii_digit).count();
    // A birth date has a date's shape (`22/03/1994`, `3 March 1994`, `March
    // 3, 1994`), not just a number (`her birthday 2 weeks ago`).
    let dated = token.contains(['/', '.', '-'])
        || token.split(' ').any(is_month)
        || value.split(' ').next().is_some_and(is_month);
    let enough = match kind {
        Kind::BirthDate => digits >= 1 && dated,
        Kind::Ssn => digits == 9,
        _ => digits >= 4,
    };
    (end > 0 && enough).then_some((start, end))
}

fn is_month(word: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = word.to_ascii_lowercase();
    MONTHS.iter().any(|m| lower.starts_with(m))
}

/// The words of `text` (split at white space), with their offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |word| {
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        (start, word.trim_end_matches([',', ';', ')', '.', ':', '"', '\'']))
    })
}

/// `name@example.org`: something, an `@`, a domain with a dot.
fn is_email(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '<']).trim_end_matches('>');
    let Some((local, domain)) = word.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
}

/// Runs of digits and the separators phone numbers are written with,
/// starting at a digit, `+` or `(`, and ending at a digit.
fn digit_runs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes.get(i).is_some_and(|b| b.is_ascii_digit() || *b == b'+' || *b == b'(');
        let after_word = i > 0 && bytes.get(i - 1).is_some_and(|b| b.is_ascii_alphanumeric());
        if !starts || after_word {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut j = i;
        while let Some(&b) = bytes.get(j) {
            let next = bytes.get(j + 1).copied();
            if b.is_ascii_digit() {
                end = j + 1;
            } else if !matches!(b, b' ' | b'-' | b'.' | b'(' | b')' | b'+')
                // A sentence or an aside goes on: `900123. 2 weeks`,
                // `900123 (2 missed calls)`, `900123 - 2 weeks`.
                || (b == b'.' && next == Some(b' '))
                || (b == b' '
                    && matches!(next, Some(b'(' | b'-'))
                    && j > i
                    && !bytes.get(j + 1..).is_some_and(|rest| rest.starts_with(b"(0)")))
            {
                break;
            }
            j += 1;
        }
        if end > i {
            runs.push((i, end - i));
        }
        i = j.max(i + 1);
    }
    runs
}

/// The lengths of a run's groups of digits, the trunk prefix `(0)` of an
/// international number (`+44 (0)7700 900123`) aside.
fn groups(run: &str) -> Vec<usize> {
    run.replace("(0)", "")
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(str::len)
        .collect()
}

/// Whether a run is laid out as a phone number is: international (`+44
/// 7700 900123`), national with a leading 0 (`07700 900123`, `(020) 7946
/// 0958`), or North American (`(555) 123-4567`, `555-123-4567`,
/// `5551234567`), in groups of three digits or more after the first. Lists
/// of scores, steps, years and doses (`16 14 12 11`, `4500 6200 8100`,
/// `50-100-150-200`) are not.
fn phone_layout(run: &str, groups: &[usize]) -> bool {
    let trunk = run.starts_with(['+', '0']) || run.starts_with("(0");
    let north_american = matches!(groups, [10] | [3, 3, 4] | [1, 3, 3, 4]);
    let grouped = groups.len() <= 5 && groups.iter().skip(1).all(|len| *len >= 3);
    (trunk && grouped) || north_american
}

/// `123-45-6789`.
fn is_ssn(run: &str) -> bool {
    let parts: Vec<&str> = run.split('-').collect();
    matches!(parts.as_slice(), [a, b, c]
        if a.len() == 3 && b.len() == 2 && c.len() == 4
            && run.bytes().all(|x| x.is_ascii_digit() || x == b'-'))
}

/// The NHS number's modulus-11 check: weights 10 down to 2 on the first
/// nine digits; 11 minus the remainder (11 read as 0) is the tenth digit,
/// and a result of 10 is never valid (NHS Digital, NHS number, ISB 0149).
fn nhs_check(digits: &[u8]) -> bool {
    let Some((&last, first)) = digits.split_last() else {
        return false;
    };
    let sum: u32 = first
        .iter()
        .zip((2..=10).rev())
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == u32::from(last)
}

/// Toll-free and UK-wide service numbers: help and crisis lines, not a
/// person's (UK 03 numbers are for public bodies and charities, such as
/// Mind's 0300 123 3393; Ofcom, National Telephone Numbering Plan).
fn service_line(digits: &[u8]) -> bool {
    let text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    let national = text.strip_prefix('1').filter(|_| text.len() == 11).unwrap_or(&text);
    let uk = text.strip_prefix("44").map(|t| format!("0{t}")).unwrap_or_else(|| text.clone());
    ["800", "888", "877", "866", "855", "844", "833"]
        .iter()
        .any(|p| national.len() == 10 && national.starts_with(p))
        || ["0800", "0808", "03"].iter().any(|p| uk.starts_with(p))
}

/// Whether a run holds a date written `YYYY-MM-DD` (two dates, a range).
fn has_date(run: &str) -> bool {
    run.as_bytes().windows(10).any(|w| {
        matches!(w, [a, b, c, d, b'-', e, f, b'-', g, h]
            if [a, b, c, d, e, f, g, h].iter().all(|x| x.is_ascii_digit()))
    })
}

#[cfg(test)]
mod tests {
    use super::{Kind, details, first_word};
    use crate::diagnostic::mask;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        details(text)
            .into_iter()
            .map(|(k, at, len)| (k, text.get(at..at + len).unwrap_or("")))
            .collect()
    }

    #[test]
    fn finds_identifiers_in_notes() {
        assert_eq!(kinds("Called on 07700 900123 to rearrange"), [(Kind::Phone, "07700 900123")]);
        assert_eq!(kinds("rang (555) 123-4567"), [(Kind::Phone, "(555) 123-4567")]);
        assert_eq!(kinds("rang +1 555 123 4567"), [(Kind::Phone, "+1 555 123 4567")]);
        assert_eq!(kinds("07700 900123 (2 missed calls)"), [(Kind::Phone, "07700 900123")]);
        assert_eq!(kinds("on 07700 900123. 2 weeks"), [(Kind::Phone, "07700 900123")]);
        assert_eq!(kinds("+44 (0)7700 900123"), [(Kind::Phone, "+44 (0)7700 900123")]);
        assert_eq!(kinds("mail\tjo@example.org\n"), [(Kind::Email, "jo@example.org")]);
        assert_eq!(kinds("DOB March 3, 1994"), [(Kind::BirthDate, "March 3, 1994")]);
        assert_eq!(kinds("SSN 078051120"), [(Kind::Ssn, "078051120")]);
        assert_eq!(kinds("mail jo.bloggs@example.org today"), [(Kind::Email, "jo.bloggs@example.org")]);
        assert_eq!(kinds("DOB 22/03/1994"), [(Kind::BirthDate, "22/03/1994")]);
        assert_eq!(kinds("she was born on 3 March 1994."), [(Kind::BirthDate, "3 March 1994")]);
        assert_eq!(kinds("SSN 123-45-6789"), [(Kind::Ssn, "123-45-6789")]);
        // 943 476 5919 is the NHS number of NHS Digital's examples.
        assert_eq!(kinds("NHS 943 476 5919"), [(Kind::NhsNumber, "943 476 5919")]);
        assert_eq!(kinds("MRN 445566"), [(Kind::RecordNumber, "445566")]);
        assert_eq!(kinds("MRN: 445566, seen"), [(Kind::RecordNumber, "445566")]);
    }

    #[test]
    fn leaves_clinical_numbers_and_help_lines_alone() {
        for text in [
            "PHQ-9 down from 16 to 9 over 2026-09-08 - 2026-10-20",
            "Crisis line 988; Lifeline 1-800-273-8255; Samaritans 116 123",
            "Freephone 0800 123 4567",
            "Walked 3 x 20 minutes, 4 days of 7",
            "Sertraline 50 mg from 2026-09-10",
            "Said the client's dob is unknown",
            "Scores over the block: 16 14 12 11 9 7",
            "PHQ-9 weekly: 18 16 15 12 11",
            "Steps 4500 6200 8100",
            "Titration 50-100-150-200 mg",
            "Previous admissions 2015 2018 2021",
            "Mind 0300 123 3393, SANEline 0300 304 7000",
            "Her birthday 2 weeks ago; birthday 10 days away",
            "mRNA-1273 vaccine given",
            "Seen 2026-09-22 14:30 for 50 minutes",
        ] {
            assert_eq!(kinds(text), [], "{text}");
        }
    }

    #[test]
    fn reads_the_first_word_as_white_space_splits_it() {
        let lines = [
            "", "   \n", "score", "  score PHQ-9 12\n", "\tsession 2026-01-01\r\n",
            "\u{a0}score 3\n", "score\u{a0}3\n", "\u{c}score 3", "\r\nscore 3", "scoreé 3",
            "\"score\" 3", "  used\tI1\n",
        ];
        for line in lines {
            let expected = line.split_whitespace().next().unwrap_or("");
            assert_eq!(first_word(line), expected, "{line:?}");
        }
    }

    #[test]
    fn masks_all_but_the_ends() {
        assert_eq!(mask("445566"), "44…66");
        assert_eq!(mask("07700 900123"), "07…23");
        assert_eq!(mask("1234"), "1…");
        assert_eq!(mask("4821"), "4…");
    }
}
