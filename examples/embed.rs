//! Embedding careplan: parse a plan, replay its record, check it and print
//! the findings, all through the library. Run with `cargo run --example embed`.

use careplan::emit::{FileReport, human};
use careplan::{CheckOptions, check, interpret, parse};

const PLAN: &str = r#"plan "Low mood after a job loss"
  client C-1042
  opened 2026-09-01
  review every 8 weeks

concern mood "Low mood since losing a job in June"
  diagnosis F32.1

goal G1 "Lift low mood" for mood
  measure PHQ-9 baseline 16 target < 5
  due 2027-03-01

intervention I1 CBT behavioral-activation "Activity scheduling" for G1
intervention I2 psychoeducation "Depression and activity"

session 2026-09-08
  used I1 "Planned three activities"
  score PHQ-9 16

session 2026-09-22
  used I1
  score PHQ-9 12

review 2026-10-27
  status G1 improving
  next 2026-12-22
"#;

fn main() {
    // 1. Parse: a typed syntax tree with spans, plus syntax findings.
    let parsed = parse(PLAN);
    println!(
        "parsed {} entries and {} comments",
        parsed.document.entries.len(),
        parsed.document.comments.len()
    );

    // 2. Interpret: replay the record and ask what the plan looked like on a date.
    let record = interpret(&parsed.document);
    let day = jiff::civil::date(2026, 9, 30);
    let state = record.state_on(day);
    for goal in &state.goals {
        for target in &goal.targets {
            println!(
                "on {day}, goal {} had latest {} score {:?} against target {} (met: {})",
                goal.id,
                target.measure,
                target.latest.map(|(_, score)| score),
                target.target,
                target.met,
            );
        }
    }

    // 3. Check: every rule, judged as of a fixed "today".
    let today = jiff::civil::date(2026, 11, 22);
    let analysis = check(PLAN, &CheckOptions::new(today));
    for finding in &analysis.diagnostics {
        println!("{} {}: {}", finding.severity, finding.rule, finding.message);
    }

    // 4. Render the findings the way `careplan check` does.
    let report = FileReport {
        path: "c-1042.careplan",
        source: PLAN,
        diagnostics: &analysis.diagnostics,
    };
    print!("{}", human::render(&report, false));
}
