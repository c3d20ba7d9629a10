//! What the fuzz targets assert for one input, shared by the targets in
//! `fuzz/` and by the replay of the inputs they once found
//! (`tests/fixtures/fuzz/TARGET/`), so that a fixed crash stays fixed.

use careplan::emit::{FileReport, Placed, Totals, github, human, json, sarif};
use careplan::export::fhir;
use careplan::session::{Assembler, Session, complete, highlight};
use careplan::{CheckOptions, Severity, check, summary};
use jiff::civil::date;

/// Any text through everything a plan file reaches: parsing, the replay,
/// every rule, every findings format, every summary format and the FHIR
/// export. Nothing may panic, and every finding must point inside the text.
pub fn check_everything(text: &str) {
    let today = date(2026, 11, 22);
    let options = CheckOptions::new(today);
    let analysis = check(text, &options);
    spans_inside(text, &analysis.diagnostics);

    let report = FileReport {
        path: "fuzz.careplan",
        source: text,
        diagnostics: &analysis.diagnostics,
    };
    let mut totals = Totals::default();
    totals.add(&analysis.diagnostics);
    human::render(&report, true);
    let files = [Placed::new(&report)];
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
            assert!(bundle.to_json().is_ok(), "a bundle serialises");
        }
    }
}

/// Asserts that every finding's span lies inside `text`, on character
/// boundaries.
pub fn spans_inside(text: &str, diagnostics: &[careplan::Diagnostic]) {
    for d in diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{d:?} lies outside a text of {} bytes",
            text.len()
        );
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }
}

/// Any input typed at the REPL, line by line (`:load` and `:save` aside:
/// they touch files), then completion and highlighting at every point of
/// each line, which must stay inside it.
pub fn repl(typed: &str) {
    let mut session = Session::new(CheckOptions::new(date(2026, 11, 22)));
    let mut input = Assembler::default();
    for line in typed.lines() {
        let command = line.trim_start();
        if command.starts_with(":l") || command.starts_with(":sa") {
            continue;
        }
        for done in input.push(line) {
            session.enter(done);
        }
    }
    for done in input.finish() {
        session.enter(done);
    }
    for line in typed.lines() {
        for (at, _) in line.char_indices().chain([(line.len(), ' ')]) {
            let before = line.get(..at).unwrap_or_default();
            let completion = complete(before, &session);
            assert!(completion.start <= before.len());
            for (range, _) in highlight(before, &session) {
                assert!(before.get(range).is_some());
            }
        }
    }
}
