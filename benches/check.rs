//! Throughput of careplan beside a serde_json baseline, single-threaded and
//! in-process, on the same generated content (`tests/integration/generate.rs`,
//! deterministic, so runs compare). `benches/README.md` explains the suite;
//! `benches/compare.rs` times the real binary, its threads and its memory.
//!
//! `cargo bench --bench check` reports time and MB/s for:
//! - `big_file`: one plan with decades of weekly sessions, about
//!   `CAREPLAN_BENCH_MB` megabytes (default 2): careplan's parse alone, its
//!   full check, and `serde_json_check`, a typed serde parse of the same
//!   plan as JSON with the cross-reference check of its ids
//!   (`benches/support/typed.rs`); the MB/s of each counts its own bytes;
//! - `big_file::fhir_export`: the FHIR bundle of that plan, made and
//!   written as JSON as `careplan export` writes it after its check
//!   (linear in the record);
//! - `many_files`: `CAREPLAN_BENCH_FILES` typical plans (default 1,000), one
//!   after another, the same three ways;
//! - `repl_entry`: one entry added in the REPL to a 1 MB plan: a session
//!   dated in the middle of the plan, with few findings and with thousands
//!   (the plan judged on a day before most of its sessions: each is a
//!   `future-date` finding), and today's session appended at the end (in
//!   each, the plan around the entry is not parsed again).

#[path = "support/corpus.rs"]
mod corpus;
#[path = "../tests/integration/generate.rs"]
#[allow(dead_code)]
mod generate;
#[path = "support/typed.rs"]
mod typed;

use corpus::{day_after, env_number, sized};

use careplan::session::Session;
use careplan::{CheckOptions, check, parse};
use divan::Bencher;
use divan::counter::BytesCount;
use std::sync::LazyLock;

fn main() {
    divan::main();
}

/// The size of the big file in megabytes, from `CAREPLAN_BENCH_MB`.
fn big_megabytes() -> f64 {
    env_number("CAREPLAN_BENCH_MB", 2.0)
}

/// How many files `many_files` checks, from `CAREPLAN_BENCH_FILES`.
fn many_files() -> usize {
    env_number("CAREPLAN_BENCH_FILES", 1_000.0) as usize
}

/// Options judging `text` on the day after its last dated entry.
fn options_after(text: &str) -> CheckOptions {
    CheckOptions::new(day_after(text))
}

/// A form of the content: careplan's text and the typed JSON of the same.
struct Both<T> {
    careplan: T,
    json: T,
}

static BIG: LazyLock<Both<String>> = LazyLock::new(|| {
    let forms = sized((big_megabytes() * 1e6) as usize);
    Both {
        json: forms.json(),
        careplan: forms.careplan,
    }
});

static MANY: LazyLock<Both<Vec<String>>> = LazyLock::new(|| {
    let (careplan, json) = generate::corpus_forms(many_files())
        .map(|forms| (forms.careplan.clone(), forms.json()))
        .unzip();
    Both { careplan, json }
});

fn bytes(texts: &[String]) -> BytesCount {
    BytesCount::new(texts.iter().map(String::len).sum::<usize>())
}

#[divan::bench_group(sample_count = 10)]
mod big_file {
    use super::*;

    #[divan::bench]
    fn careplan_parse(bencher: Bencher) {
        let text = BIG.careplan.as_str();
        bencher
            .counter(BytesCount::of_str(text))
            .bench(|| parse(divan::black_box(text)));
    }

    #[divan::bench]
    fn careplan_check(bencher: Bencher) {
        let text = BIG.careplan.as_str();
        let options = options_after(text);
        bencher
            .counter(BytesCount::of_str(text))
            .bench(|| check(divan::black_box(text), &options));
    }

    #[divan::bench]
    fn serde_json_check(bencher: Bencher) {
        let json = BIG.json.as_str();
        assert_eq!(typed::check(json).ok(), Some(0), "the typed form reads");
        bencher
            .counter(BytesCount::of_str(json))
            .bench(|| typed::check(divan::black_box(json)));
    }

    #[divan::bench]
    fn fhir_export(bencher: Bencher) {
        use careplan::export::fhir;
        let text = BIG.careplan.as_str();
        let options = options_after(text);
        let analysis = check(text, &options);
        let measures = options.catalogue.measures_for(&analysis.document);
        let export = fhir::Options::new(options.today);
        bencher.counter(BytesCount::of_str(text)).bench(|| {
            let out = std::io::sink();
            fhir::write_json(
                &analysis.document,
                &analysis.record,
                &measures,
                &export,
                out,
            )
        });
    }
}

#[divan::bench_group(sample_count = 10)]
mod many_files {
    use super::*;

    #[divan::bench]
    fn careplan_parse(bencher: Bencher) {
        bencher.counter(bytes(&MANY.careplan)).bench(|| {
            for text in &MANY.careplan {
                divan::black_box(parse(text));
            }
        });
    }

    #[divan::bench]
    fn careplan_check(bencher: Bencher) {
        let options = CheckOptions::new(jiff::civil::date(2026, 11, 22));
        bencher.counter(bytes(&MANY.careplan)).bench(|| {
            for text in &MANY.careplan {
                divan::black_box(check(text, &options));
            }
        });
    }

    #[divan::bench]
    fn serde_json_check(bencher: Bencher) {
        bencher.counter(bytes(&MANY.json)).bench(|| {
            for json in &MANY.json {
                divan::black_box(typed::check(json).ok());
            }
        });
    }
}

/// One REPL entry on a 1 MB plan: the entry is parsed, placed by its date,
/// the plan checked again and its findings compared with those before.
#[divan::bench_group(sample_count = 20)]
mod repl_entry {
    use super::*;

    static PLAN: LazyLock<String> = LazyLock::new(|| sized(1_000_000).careplan);

    /// A session dated in the middle of the plan, so that every entry after
    /// it moves (and so does every finding about them).
    fn entry(text: &str) -> String {
        let dates: Vec<_> = parse(text)
            .document
            .entries
            .iter()
            .filter_map(|e| e.date()?.value)
            .collect();
        let middle = dates.get(dates.len() / 2).copied();
        let day = middle.unwrap_or(jiff::civil::date(2026, 1, 1));
        format!("session {day}\n  used I1 \"Practised the skill\"\n  minutes 50\n")
    }

    /// The next session, dated the day after the plan's last entry: it is
    /// appended at the end, as a clinician records today's session.
    fn next(text: &str) -> String {
        let day = day_after(text);
        format!("session {day}\n  used I1 \"Practised the skill\"\n  minutes 50\n")
    }

    /// Times `entry` on the plan judged with `options`, which must give
    /// the plan `findings` findings or more.
    fn add(bencher: Bencher, options: CheckOptions, findings: usize, entry: &str) {
        let text = PLAN.as_str();
        assert!(check(text, &options).diagnostics.len() >= findings);
        bencher
            .with_inputs(|| Session::of_text(text.to_owned(), options.clone()))
            .bench_local_refs(|session| divan::black_box(session.add_entry(entry).is_ok()));
    }

    #[divan::bench]
    fn few_findings(bencher: Bencher) {
        add(bencher, options_after(&PLAN), 0, &entry(&PLAN));
    }

    /// Today's session at the end of the plan: the plan above it, read
    /// cleanly before, is not parsed again.
    #[divan::bench]
    fn appended(bencher: Bencher) {
        add(bencher, options_after(&PLAN), 0, &next(&PLAN));
    }

    #[divan::bench]
    fn thousands_of_findings(bencher: Bencher) {
        // A year after the first session: every later one is in the future.
        let opened = parse(&PLAN)
            .document
            .entries
            .iter()
            .find_map(|e| e.date()?.value);
        let day = opened.and_then(|d| d.checked_add(jiff::Span::new().days(365)).ok());
        let options = CheckOptions::new(day.unwrap_or(jiff::civil::date(2000, 1, 1)));
        add(bencher, options, 4_000, &entry(&PLAN));
    }
}
