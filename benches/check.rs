//! Throughput of parsing and checking, single-threaded, on generated plans
//! (`tests/integration/generate.rs`, deterministic, so runs compare).
//!
//! `cargo bench` reports time and MB/s for:
//! - `large_file`: one plan with years of weekly sessions (about 1 MB), the
//!   worst case for an editor or CI job (target: full check ≥ 40 MB/s);
//! - `caseload`: a clinic's 1,000 typical plans, one after another;
//! - `large_file::fhir_export`: the FHIR bundle of the large plan, as
//!   `careplan export` builds it after its check (linear in the record:
//!   each resource is found by its id, not by a search of those made).

#[path = "../tests/integration/generate.rs"]
#[allow(dead_code)]
mod generate;

use careplan::{CheckOptions, check, parse};
use divan::Bencher;
use divan::counter::BytesCount;
use std::sync::LazyLock;

fn main() {
    divan::main();
}

fn options() -> CheckOptions {
    CheckOptions::new(jiff::civil::date(2026, 11, 22))
}

/// Options judging `text` on the day after its last dated entry, as a
/// clinician checks a plan: the large plan's decades of weekly sessions run
/// past any fixed date, and would otherwise all be `future-date` findings.
fn options_after(text: &str) -> CheckOptions {
    let last = parse(text)
        .document
        .entries
        .iter()
        .filter_map(|e| e.date()?.value)
        .max();
    match last.and_then(|d| d.tomorrow().ok()) {
        Some(day) => CheckOptions::new(day),
        None => options(),
    }
}

static LARGE: LazyLock<String> = LazyLock::new(|| {
    let mut text = generate::plan(2026, 3_000);
    // About 1 MB: long enough that per-file setup does not flatter the figure.
    while text.len() < 1_000_000 {
        text = generate::plan(2026, text.len() / 250 * 2);
    }
    text
});

static CASELOAD: LazyLock<Vec<String>> = LazyLock::new(|| generate::corpus(1_000));

fn caseload_bytes() -> BytesCount {
    BytesCount::new(CASELOAD.iter().map(String::len).sum::<usize>())
}

#[divan::bench_group(sample_count = 20)]
mod large_file {
    use super::*;

    #[divan::bench]
    fn parse_only(bencher: Bencher) {
        let text = LARGE.as_str();
        bencher
            .counter(BytesCount::of_str(text))
            .bench(|| parse(divan::black_box(text)));
    }

    #[divan::bench]
    fn full_check(bencher: Bencher) {
        let text = LARGE.as_str();
        let options = options_after(text);
        bencher
            .counter(BytesCount::of_str(text))
            .bench(|| check(divan::black_box(text), &options));
    }

    #[divan::bench]
    fn fhir_export(bencher: Bencher) {
        use careplan::export::fhir;
        let text = LARGE.as_str();
        let options = options_after(text);
        let analysis = check(text, &options);
        let measures = options.catalogue.measures_for(&analysis.document);
        let export = fhir::Options::new(options.today);
        bencher
            .counter(BytesCount::of_str(text))
            .bench(|| fhir::bundle(&analysis.document, &analysis.record, &measures, &export));
    }
}

#[divan::bench_group(sample_count = 10)]
mod caseload {
    use super::*;

    #[divan::bench]
    fn parse_only(bencher: Bencher) {
        bencher.counter(caseload_bytes()).bench(|| {
            for text in CASELOAD.iter() {
                divan::black_box(parse(text));
            }
        });
    }

    #[divan::bench]
    fn full_check(bencher: Bencher) {
        let options = options();
        bencher.counter(caseload_bytes()).bench(|| {
            for text in CASELOAD.iter() {
                divan::black_box(check(text, &options));
            }
        });
    }
}
