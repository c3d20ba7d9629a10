//! The side-by-side comparison through real processes: the `careplan`
//! binary's check on one thread and on two, a serde_json typed parse with
//! the same cross-reference check (`benches/support/typed.rs`), bean-check
//! and `cat` (each when installed), on the same generated content written
//! as careplan files, typed JSON and beancount ledgers. `benches/README.md`
//! explains it; `benches/compare.sh` runs it with `benches/check.rs`.
//!
//! `cargo bench --bench compare` prints one table. Settings, from the
//! environment: `CAREPLAN_BENCH_MB` (the big file's size, default 2),
//! `CAREPLAN_BENCH_FILES` (how many files, default 1,000),
//! `CAREPLAN_BENCH_RUNS` (the best of how many runs, default 3; bean-check
//! runs once), `CAREPLAN_BENCH_DIR` (where to write the corpus, kept there;
//! default a fresh folder under cargo's target, removed after) and
//! `CAREPLAN_BENCH_BEAN_CHECK=1` (run bean-check too, which takes minutes).
//!
//! Peak memory is read from `/proc/self/status` (`VmHWM`) by this program
//! run again as a small separate process (`compare --peak careplan|json
//! PATH...`) that does one tool's work and nothing else: careplan's is what
//! `careplan check --jobs 1` does (read, check, render the findings).

#[path = "support/corpus.rs"]
mod corpus;
#[path = "../tests/integration/generate.rs"]
#[allow(dead_code)]
mod generate;
#[path = "../tests/integration/ledger.rs"]
mod ledger;
#[path = "support/typed.rs"]
mod typed;

use corpus::{day_after, env_number, sized};

use careplan::workspace::{self, Contents};
use careplan::{CheckOptions, check, emit};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// The date the many files are judged on.
const TODAY: &str = "2026-11-22";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.split_first() {
        Some((flag, rest)) if flag == "--peak" => peak(rest),
        _ => compare(),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("compare: {error}");
            ExitCode::FAILURE
        }
    }
}

/// One of the two workloads, written in every form.
struct Workload {
    name: &'static str,
    /// The careplan files, the JSON files, and what bean-check reads.
    careplan: Vec<PathBuf>,
    json: Vec<PathBuf>,
    ledger: PathBuf,
    /// The date careplan judges it on.
    today: String,
    /// What `careplan check` is given: the file, or the folder.
    target: PathBuf,
}

impl Workload {
    fn bytes(paths: &[PathBuf]) -> u64 {
        paths
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum()
    }
}

/// Writes the corpus into `dir`: one big plan and many typical ones.
fn write_corpus(dir: &Path, megabytes: f64, files: usize) -> Result<[Workload; 2], String> {
    let write = |path: &Path, text: &str| {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let big_dir = dir.join("big");
    let forms = sized((megabytes * 1e6) as usize);
    let (plan, json, ledger) = (
        big_dir.join("plan.careplan"),
        big_dir.join("plan.json"),
        big_dir.join("plan.beancount"),
    );
    write(&plan, &forms.careplan)?;
    write(&json, &forms.json())?;
    write(&ledger, &forms.beancount("Plan"))?;
    let big = Workload {
        name: "one big file",
        today: day_after(&forms.careplan).to_string(),
        target: plan.clone(),
        careplan: vec![plan],
        json: vec![json],
        ledger,
    };

    let many_dir = dir.join("many");
    let (mut careplan, mut json) = (Vec::new(), Vec::new());
    for (n, forms) in generate::corpus_forms(files).enumerate() {
        let (plan, typed) = (
            many_dir.join(format!("careplan/p{n:05}.careplan")),
            many_dir.join(format!("json/p{n:05}.json")),
        );
        write(&plan, &forms.careplan)?;
        write(&typed, &forms.json())?;
        let book = format!("P{n:05}");
        write(
            &many_dir.join(format!("beancount/p{n:05}.beancount")),
            &forms.beancount(&book),
        )?;
        careplan.push(plan);
        json.push(typed);
    }
    let ledger = many_dir.join("ledger.beancount");
    write(&ledger, "include \"beancount/*.beancount\"\n")?;
    let many = Workload {
        name: "many files",
        today: TODAY.to_owned(),
        target: many_dir.join("careplan"),
        careplan,
        json,
        ledger,
    };
    Ok([big, many])
}

/// The shortest wall-clock time of `runs` runs of `command`, which must
/// succeed (or, for `careplan check`, exit 1 on findings), and the last
/// run's standard output.
fn best(runs: usize, mut command: impl FnMut() -> Command) -> Result<(Duration, String), String> {
    let mut fastest = Duration::MAX;
    let mut printed = String::new();
    for _ in 0..runs.max(1) {
        let mut command = command();
        let started = Instant::now();
        let out = command
            .stdin(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| format!("{command:?}: {e}"))?;
        let took = started.elapsed();
        if !matches!(out.status.code(), Some(0 | 1)) {
            return Err(format!(
                "{command:?} failed ({}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        fastest = fastest.min(took);
        printed = String::from_utf8_lossy(&out.stdout).into_owned();
    }
    Ok((fastest, printed))
}

/// Whether `program` runs here.
fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// What was measured for one workload.
struct Row {
    careplan_bytes: u64,
    json_bytes: u64,
    largest: u64,
    one_thread: Duration,
    two_threads: Duration,
    serde_json: Duration,
    careplan_peak: u64,
    serde_json_peak: u64,
    bean_check: Option<Duration>,
    cat: Option<Duration>,
}

fn compare() -> Result<(), String> {
    let megabytes = env_number("CAREPLAN_BENCH_MB", 2.0);
    let files = env_number("CAREPLAN_BENCH_FILES", 1_000.0) as usize;
    let runs = env_number("CAREPLAN_BENCH_RUNS", 3.0) as usize;
    let kept = std::env::var_os("CAREPLAN_BENCH_DIR").map(PathBuf::from);
    let scratch;
    let dir = match &kept {
        Some(dir) => dir.clone(),
        None => {
            scratch = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR"))
                .map_err(|e| format!("a scratch folder: {e}"))?;
            scratch.path().to_owned()
        }
    };
    eprintln!(
        "compare: writing a {megabytes} MB plan and {files} plans, each as careplan, JSON and beancount, into {}",
        dir.display()
    );
    let workloads = write_corpus(&dir, megabytes, files)?;
    let careplan = env!("CARGO_BIN_EXE_careplan");
    let me = std::env::current_exe().map_err(|e| format!("this program's path: {e}"))?;
    // bean-check takes minutes over the many files: compare.sh asks for it.
    let wanted = std::env::var_os("CAREPLAN_BENCH_BEAN_CHECK").is_some_and(|v| v == "1");
    let bean_check = wanted && installed("bean-check");
    let cat = installed("cat");
    let mut rows = Vec::new();
    for load in &workloads {
        eprintln!("compare: {}", load.name);
        let check = |jobs: &'static str| {
            move || {
                let mut command = Command::new(careplan);
                command
                    .args(["check", "--jobs", jobs, "--today", &load.today])
                    .arg(&load.target)
                    .stdout(Stdio::null());
                command
            }
        };
        let (one_thread, _) = best(runs, check("1"))?;
        let (two_threads, _) = best(runs, check("2"))?;
        let peak_of = |tool: &str, paths: &[PathBuf]| {
            best(runs, || {
                let mut command = Command::new(&me);
                command
                    .args(["--peak", tool, "--today", &load.today])
                    .args(paths)
                    .stdout(Stdio::piped());
                command
            })
        };
        let (serde_json, printed) = peak_of("json", &load.json)?;
        let serde_json_peak = printed.trim().parse().unwrap_or(0);
        let (_, printed) = peak_of("careplan", &load.careplan)?;
        let careplan_peak = printed.trim().parse().unwrap_or(0);
        let bean_check = match bean_check {
            true => Some(
                best(1, || {
                    let mut command = Command::new("bean-check");
                    // Its cache of an earlier run's parse would flatter it.
                    command
                        .arg(&load.ledger)
                        .env("BEANCOUNT_DISABLE_LOAD_CACHE", "1")
                        .stdout(Stdio::null());
                    command
                })?
                .0,
            ),
            false => None,
        };
        let cat = match cat {
            true => Some(
                best(runs, || {
                    let mut command = Command::new("cat");
                    command.args(&load.careplan).stdout(Stdio::null());
                    command
                })?
                .0,
            ),
            false => None,
        };
        rows.push(Row {
            careplan_bytes: Workload::bytes(&load.careplan),
            json_bytes: Workload::bytes(&load.json),
            largest: load
                .careplan
                .iter()
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
                .max()
                .unwrap_or(0),
            one_thread,
            two_threads,
            serde_json,
            careplan_peak,
            serde_json_peak,
            bean_check,
            cat,
        });
    }
    print!("{}", table(&rows, runs, files));
    if !wanted {
        println!("bean-check: skipped (CAREPLAN_BENCH_BEAN_CHECK=1 runs it, as compare.sh does)");
    } else if !bean_check {
        println!("bean-check: not installed, skipped (`apt-get install beancount`)");
    }
    if kept.is_some() {
        println!("The corpus is kept in {}.", dir.display());
    }
    Ok(())
}

fn megabytes(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn mebibytes(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// The measurements as a Markdown table, with what they mean.
fn table(rows: &[Row], runs: usize, files: usize) -> String {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let mut out = format!(
        "\n## careplan side by side ({files} files; best of {runs} runs; {threads} cores)\n\n\
         | | one big file | many files |\n|---|---|---|\n"
    );
    let mut line = |label: &str, cell: &dyn Fn(&Row) -> String| {
        let cells: Vec<String> = rows.iter().map(cell).collect();
        out.push_str(&format!("| {label} | {} |\n", cells.join(" | ")));
    };
    let rate = |bytes: u64, took: Duration| megabytes(bytes) / took.as_secs_f64();
    line("careplan bytes (JSON bytes)", &|r| {
        format!(
            "{:.1} MB ({:.1} MB)",
            megabytes(r.careplan_bytes),
            megabytes(r.json_bytes)
        )
    });
    line("careplan check --jobs 1", &|r| {
        format!(
            "{:.3} s, {:.0} MB/s",
            r.one_thread.as_secs_f64(),
            rate(r.careplan_bytes, r.one_thread)
        )
    });
    line("serde_json typed parse + cross-references", &|r| {
        format!(
            "{:.3} s, {:.0} MB/s",
            r.serde_json.as_secs_f64(),
            rate(r.json_bytes, r.serde_json)
        )
    });
    line("careplan ÷ serde_json (time; target ≤ 1.5)", &|r| {
        format!(
            "{:.2}×",
            r.one_thread.as_secs_f64() / r.serde_json.as_secs_f64()
        )
    });
    line("careplan check --jobs 2", &|r| {
        format!(
            "{:.3} s: {:.2}× --jobs 1's speed",
            r.two_threads.as_secs_f64(),
            r.one_thread.as_secs_f64() / r.two_threads.as_secs_f64()
        )
    });
    line(
        "peak RSS careplan (target: ≤ 2× largest file + 32 MiB)",
        &|r| {
            format!(
                "{:.1} MiB ({:.1}× the largest file; target ≤ {:.1} MiB)",
                mebibytes(r.careplan_peak * 1024),
                (r.careplan_peak * 1024) as f64 / r.largest.max(1) as f64,
                mebibytes(2 * r.largest) + 32.0
            )
        },
    );
    line("peak RSS serde_json", &|r| {
        format!("{:.1} MiB", mebibytes(r.serde_json_peak * 1024))
    });
    line("bean-check (careplan ÷ it)", &|r| match r.bean_check {
        Some(t) => format!(
            "{:.2} s ({:.3}×)",
            t.as_secs_f64(),
            r.one_thread.as_secs_f64() / t.as_secs_f64()
        ),
        None => "not run".to_owned(),
    });
    line("cat of the careplan files", &|r| match r.cat {
        Some(t) => format!(
            "{:.3} s, {:.0} MB/s",
            t.as_secs_f64(),
            rate(r.careplan_bytes, t)
        ),
        None => "not installed".to_owned(),
    });
    out.push('\n');
    out
}

/// The child: one tool's work on `paths`, then its peak resident memory in
/// KiB on standard output.
fn peak(args: &[String]) -> Result<(), String> {
    let [tool, flag, today, paths @ ..] = args else {
        return Err("usage: compare --peak careplan|json --today DATE PATH...".to_owned());
    };
    if flag != "--today" {
        return Err(format!("expected --today, found {flag}"));
    }
    match tool.as_str() {
        "careplan" => {
            let today = careplan::parse::date(today)?;
            let options = CheckOptions::new(today);
            for path in paths {
                let path = Path::new(path);
                let Ok(Contents::Text(source)) = workspace::read(path) else {
                    return Err(format!("{}: not a readable plan", path.display()));
                };
                let analysis = check(&source, &options);
                let shown = workspace::shown(path);
                let file = emit::FileReport {
                    path: &shown,
                    source: &source,
                    diagnostics: &analysis.diagnostics,
                };
                std::hint::black_box(emit::human::render(&file, true));
            }
        }
        "json" => {
            for path in paths {
                let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
                match typed::check(&text) {
                    Ok(0) => {}
                    Ok(n) => return Err(format!("{path}: {n} cross-reference problems")),
                    Err(error) => return Err(format!("{path}: {error}")),
                }
            }
        }
        other => return Err(format!("unknown tool {other}")),
    }
    let status = std::fs::read_to_string("/proc/self/status").map_err(|e| e.to_string())?;
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .ok_or("no VmHWM in /proc/self/status")?;
    println!("{peak}");
    Ok(())
}
