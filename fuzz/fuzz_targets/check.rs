//! Any text, through everything a plan file reaches: parsing, the replay,
//! every rule, every findings format, every summary format and the FHIR
//! export. Nothing may panic, and every finding must point inside the text.

#![no_main]

use careplan::emit::{FileReport, Totals, github, human, json, sarif};
use careplan::export::fhir;
use careplan::{CheckOptions, Severity, check, summary};
use jiff::civil::date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let today = date(2026, 11, 22);
    let options = CheckOptions::new(today);
    let analysis = check(text, &options);
    for d in &analysis.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{d:?}"
        );
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }

    let report = FileReport {
        path: "fuzz.careplan",
        source: text,
        diagnostics: &analysis.diagnostics,
    };
    let files = [report];
    let mut totals = Totals::default();
    totals.add(&analysis.diagnostics);
    human::render(&files[0], true);
    json::render(&files, &totals);
    sarif::render(&files);
    github::render(&files);

    let measures = options.catalogue.measures_for(&analysis.document);
    for as_of in [date(2020, 1, 1), today] {
        let s = summary::summarize("fuzz.careplan", text, &analysis, &options, as_of);
        summary::text::render(&s);
        summary::markdown::render(&s);
        summary::json::render(&s);
        summary::html::render(&s, &measures);
    }

    if analysis
        .diagnostics
        .iter()
        .all(|d| d.severity != Severity::Error)
    {
        let export = fhir::Options::new(today);
        if let Ok(bundle) = fhir::bundle(&analysis.document, &analysis.record, &measures, &export) {
            bundle.to_json().expect("a bundle serialises");
        }
    }
});
