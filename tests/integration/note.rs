//! `careplan note`: every style for every session of every example, the
//! formats, which session is written up, the short note of a missed
//! session, and a self-contained HTML page in a real browser.

use crate::test::{TODAY, Test, root};

const EXAMPLES: &[&str] = &[
    "adolescent-dbt",
    "collaborative-care",
    "depression-ipt",
    "low-back-pain",
    "ocd",
    "panic-disorder",
    "ptsd",
];

const STYLES: &[&str] = &["soap", "dap", "birp", "girp"];

/// The collaborative-care example: a no-show on 2026-08-24, a crisis
/// session with high risk and a revised safety plan on 2026-08-26, a dose
/// change on 2026-08-04.
const COLLABORATIVE: &str = "examples/collaborative-care.careplan";

/// Runs `careplan note` on the repository file `file` with `extra`.
fn note(file: &str, extra: &[&str]) -> crate::test::Output {
    let mut args = vec![
        "note".to_owned(),
        root().join(file).display().to_string(),
        "--today".to_owned(),
        TODAY.to_owned(),
    ];
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    Test::new().args(args).run()
}

/// The note's standard output, with the machine-specific path replaced.
fn shown(file: &str, extra: &[&str]) -> String {
    let out = note(file, extra).status(0);
    out.stdout.replace(&root().display().to_string(), "<repo>")
}

#[test]
fn every_style_for_every_session_of_every_example() {
    for example in EXAMPLES {
        for style in STYLES {
            insta::assert_snapshot!(
                format!("note-{example}-{style}"),
                shown(
                    &format!("examples/{example}.careplan"),
                    &["--all", "--style", style]
                )
            );
        }
    }
}

#[test]
fn every_format_for_a_crisis_a_dose_change_a_no_show_and_a_session_score() {
    for (name, file, date) in [
        ("crisis", COLLABORATIVE, "2026-08-26"),
        ("dose", COLLABORATIVE, "2026-08-04"),
        ("no-show", COLLABORATIVE, "2026-08-24"),
        ("suds", "examples/ocd.careplan", "2026-07-21"),
    ] {
        for format in ["text", "markdown", "html", "json"] {
            insta::assert_snapshot!(
                format!("note-{name}-{format}"),
                shown(
                    file,
                    &["--date", date, "--format", format, "--style", "birp"]
                )
            );
        }
    }
}

/// Without `--date` the latest attended session is written up.
#[test]
fn the_default_is_the_latest_attended_session() {
    let latest = shown(COLLABORATIVE, &[]);
    assert!(latest.contains("session of 2026-11-16"), "{latest}");
    assert!(latest.starts_with("SOAP progress note: "), "{latest}");
    assert_eq!(latest, shown(COLLABORATIVE, &["--date", "2026-11-16"]));
}

/// A date without a session is a usage error naming the sessions either
/// side of it, with their attendance.
#[test]
fn a_date_without_a_session_names_the_nearest_ones() {
    let out = note(COLLABORATIVE, &["--date", "2026-08-25"]).status(2);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains(
            "there is no session on 2026-08-25\n  = help: the nearest sessions are on 2026-08-24 (no-show) and 2026-08-26"
        ),
        "{}",
        out.stderr
    );
    let before = note(COLLABORATIVE, &["--date", "2026-01-01"]).status(2);
    assert!(
        before
            .stderr
            .contains("the nearest sessions are on 2026-07-06\n"),
        "{}",
        before.stderr
    );
    note(COLLABORATIVE, &["--date", "2026-08-25", "--all"]).status(2);
}

/// A plan without sessions has no note to write, and says so.
#[test]
fn a_plan_without_sessions_says_there_is_no_note() {
    let out = Test::new()
        .file(
            "plan.careplan",
            "plan \"No sessions yet\"\n  client C-1\n  opened 2026-09-01\n",
        )
        .args(["note", "plan.careplan", "--today", TODAY])
        .run()
        .status(2);
    assert!(
        out.stderr.contains("the plan records no session"),
        "{}",
        out.stderr
    );
}

/// A session whose attendance careplan could not read is never guessed to
/// have been attended: no note is written for it, and the summary counts it
/// neither as attended nor as missed.
#[test]
fn an_unreadable_attendance_is_not_taken_for_attended() {
    let plan = "plan \"Low mood\"\n  client C-1\n  opened 2026-09-01\n\n\
                concern mood \"Low mood\"\n\n\
                goal G1 \"Lift low mood\" for mood\n  measure PHQ-9 baseline 16 target < 5\n  due 2027-03-01\n\n\
                intervention I1 CBT behavioral-activation for G1\n\n\
                session 2026-09-08\n  used I1 \"Planned two walks\"\n  score PHQ-9 16\n\n\
                session 2026-09-15\n  attendance no show\n";
    let out = Test::new()
        .file("plan.careplan", plan)
        .args([
            "note",
            "plan.careplan",
            "--date",
            "2026-09-15",
            "--today",
            TODAY,
        ])
        .run()
        .status(2);
    assert!(
        out.stderr
            .contains("could not read whether the client came to the session on 2026-09-15"),
        "{}",
        out.stderr
    );
    let summary = out
        .again()
        .args(["summary", "plan.careplan", "--today", TODAY])
        .run();
    assert!(
        summary.stdout.contains("1 session, the last on 2026-09-08")
            && summary.stdout.contains("attendance 100% (1 of 1)"),
        "{}",
        summary.stdout
    );
}

/// A no-show gets the short attendance note in every style: what happened,
/// the outreach, the risk in force and the next review, and nothing of a
/// session that did not take place.
#[test]
fn a_no_show_gets_a_short_attendance_note() {
    for style in STYLES {
        let text = shown(COLLABORATIVE, &["--date", "2026-08-24", "--style", style]);
        assert!(text.starts_with("Attendance note: "), "{text}");
        assert!(text.contains("no-show: the client did not come"), "{text}");
        assert!(text.contains("outreach call again tomorrow"), "{text}");
        assert!(
            text.contains("risk not assessed at this session; in force: low"),
            "{text}"
        );
        assert!(text.contains("next review due 2026-08-31"), "{text}");
        for absent in ["Plan\n", "no scores taken", "Subjective"] {
            assert!(!text.contains(absent), "{style}: {absent}\n{text}");
        }
    }
}

/// The crisis session's note shows what a reader of the chart must see:
/// the high risk with its reason, the revised safety plan, each score's
/// change, and the goals the session addressed.
#[test]
fn a_crisis_note_shows_risk_the_safety_plan_and_each_change() {
    let text = shown(COLLABORATIVE, &["--date", "2026-08-26", "--style", "soap"]);
    for expected in [
        "risk high, assessed at this session: \"Plan to overdose",
        "safety plan of 2026-08-26 in force",
        "PHQ-9 23 (severe) · up 7 (worse) from the last score, 16 on 2026-08-17 · up 5 (worse) from baseline 18",
        "60 minutes · in-person",
        "G1 \"Remission: PHQ-9 below 5\"",
        "addressed by I1",
        "next review due 2026-08-31",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    let dose = shown(COLLABORATIVE, &["--date", "2026-08-04"]);
    assert!(
        dose.contains("dose of M1 sertraline from today: \"100 mg daily\" (was \"50 mg daily\")"),
        "{dose}"
    );
}

/// JSON has the documented, versioned shape: the style's sections by part,
/// then the notes.
#[test]
fn json_has_the_documented_versioned_shape() {
    let text = shown(
        COLLABORATIVE,
        &["--all", "--format", "json", "--style", "girp"],
    );
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(json["version"], 1);
    assert_eq!(json["style"], "girp");
    assert_eq!(json["sections"][0]["heading"], "Goals");
    assert_eq!(json["sections"][0]["parts"][0], "goals");
    assert_eq!(json["attendance_sections"][0]["heading"], "Attendance");
    let notes = json["notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 20);
    let missed = notes
        .iter()
        .find(|n| n["date"] == "2026-08-24")
        .expect("the no-show");
    assert_eq!(missed["attendance"], "no-show");
    assert!(missed["number"].is_null());
}

fn pages() -> Vec<(String, String)> {
    EXAMPLES
        .iter()
        .map(|example| {
            (
                (*example).to_owned(),
                shown(
                    &format!("examples/{example}.careplan"),
                    &["--all", "--format", "html"],
                ),
            )
        })
        .collect()
}

/// The HTML page leaks nothing when opened and puts each note of `--all`
/// on a printed page of its own.
#[test]
fn html_is_self_contained() {
    for (example, html) in pages() {
        let lower = html.to_lowercase();
        for forbidden in [
            "<script", "src=", "href=", "url(", "@import", "http:", "https:", "<link", "<img",
            "<iframe",
        ] {
            assert!(
                !lower.contains(forbidden),
                "{example}: the page holds `{forbidden}`"
            );
        }
        assert!(lower.contains("content-security-policy"), "{example}");
        assert!(
            html.contains("article + article { break-before: page;"),
            "{example}"
        );
    }
}

/// Each example's notes render in headless Chromium with every note and
/// section present (screenshots in target/note-screenshots/).
#[test]
#[cfg_attr(
    careplan_no_chromium,
    ignore = "needs Chromium, which is not installed: apt-get install chromium (.ci/run does)"
)]
fn html_renders_in_a_real_browser() {
    let Some(browser) = crate::test::browser() else {
        return;
    };
    let shots = root().join("target/note-screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot folder");
    let pages = pages();
    for pair in pages.chunks(2) {
        std::thread::scope(|scope| {
            for (example, html) in pair {
                let shots = &shots;
                scope.spawn(move || {
                    let dom = crate::test::render_page(
                        browser,
                        html,
                        &shots.join(format!("{example}.png")),
                    );
                    let notes = html.matches("<article>").count();
                    assert!(notes >= 1, "{example}: no note");
                    assert_eq!(dom.matches("<article>").count(), notes, "{example}");
                    assert_eq!(
                        dom.matches("<h2>").count(),
                        html.matches("<h2>").count(),
                        "{example}: sections missing after rendering"
                    );
                });
            }
        });
    }
}
