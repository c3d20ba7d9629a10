//! `careplan summary`: every format for every example, `--as-of`, the
//! caseload, a self-contained HTML page, and the page in a real browser.

use crate::test::{TODAY, Test, repo_file, root};

const EXAMPLES: &[&str] = &[
    "adolescent-dbt",
    "collaborative-care",
    "depression-ipt",
    "low-back-pain",
    "ocd",
    "panic-disorder",
    "ptsd",
];

fn summary(example: &str, format: &str, extra: &[&str]) -> String {
    summary_of(
        &format!("examples/{example}.careplan"),
        TODAY,
        format,
        extra,
    )
}

/// The language contract's version-2 example (LANGUAGE.md), which checks
/// clean on [`V2_TODAY`]: objectives, sustained and several targets, a
/// no-show, a titration, risk at an event, and a discharge on 2027-01-11.
const V2: &str = "tests/fixtures/summary-v2.careplan";
const V2_TODAY: &str = "2027-03-01";

/// The summary of the repository file `file`, judged on `today`.
fn summary_of(file: &str, today: &str, format: &str, extra: &[&str]) -> String {
    let path = root().join(file);
    let mut args = vec![
        "summary".to_owned(),
        path.display().to_string(),
        "--today".to_owned(),
        today.to_owned(),
        "--format".to_owned(),
        format.to_owned(),
    ];
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    let out = Test::new().args(args).run().status(0);
    // The path is machine-specific; the snapshots name the example instead.
    out.stdout.replace(&root().display().to_string(), "<repo>")
}

/// The version-2 example's JSON summary on `as_of`.
fn v2_json(as_of: &str) -> serde_json::Value {
    let text = summary_of(V2, V2_TODAY, "json", &["--as-of", as_of]);
    serde_json::from_str(&text).expect("JSON")
}

#[test]
fn every_format_for_every_example() {
    for example in EXAMPLES {
        for format in ["text", "markdown", "json", "html"] {
            insta::assert_snapshot!(
                format!("summary-{example}-{format}"),
                summary(example, format, &[])
            );
        }
    }
}

/// The version-2 example in every format, mid-episode and after discharge.
#[test]
fn every_format_for_the_v2_example_mid_episode_and_discharged() {
    for format in ["text", "markdown", "json", "html"] {
        insta::assert_snapshot!(
            format!("summary-v2-{format}-2026-11-01"),
            summary_of(V2, V2_TODAY, format, &["--as-of", "2026-11-01"])
        );
        insta::assert_snapshot!(
            format!("summary-v2-{format}-discharged"),
            summary_of(V2, V2_TODAY, format, &[])
        );
    }
}

/// `--as-of` shows the dose, the risk and the statuses of that day: the
/// review of 2026-10-19 raises sertraline to 100 mg and records O1 and O2;
/// the life event of 2026-11-02 assesses risk.
#[test]
fn as_of_shows_the_dose_risk_and_statuses_of_that_day() {
    let before = v2_json("2026-10-18");
    let after = v2_json("2026-10-19");
    let dose = |v: &serde_json::Value| v["summary"]["treatments"][1]["dose"].clone();
    assert_eq!(dose(&before), "50 mg daily");
    assert_eq!(dose(&after), "100 mg daily");
    assert_eq!(
        after["summary"]["treatments"][1]["doses"][1]["date"],
        "2026-10-19"
    );
    let status = |v: &serde_json::Value, i: usize| v["summary"]["objectives"][i]["status"].clone();
    assert!(status(&before, 0).is_null() && status(&before, 1).is_null());
    assert_eq!(status(&after, 0), "improving");
    assert_eq!(status(&after, 1), "in-progress");

    let risk = |v: &serde_json::Value| v["summary"]["risk"].clone();
    let session = risk(&v2_json("2026-11-01"));
    assert_eq!(session["level"], "low");
    assert_eq!(session["assessed_at"], "session");
    assert_eq!(session["date"], "2026-09-14");
    let event = risk(&v2_json("2026-11-02"));
    assert_eq!(event["assessed_at"], "event");
    assert_eq!(event["event"], "life-event");
    assert_eq!(event["date"], "2026-11-02");
    // At the first session risk was moderate, for a reason.
    let first = risk(&v2_json("2026-09-07"));
    assert_eq!(first["level"], "moderate");
    assert_eq!(
        first["reason"],
        "Passive thoughts of death, no plan or intent"
    );
    let text = summary_of(V2, V2_TODAY, "text", &["--as-of", "2026-09-07"]);
    assert!(
        text.contains(
            "risk moderate, assessed at the session of 2026-09-07: \"Passive thoughts of death, no plan or intent\""
        ),
        "{text}"
    );
}

/// A sustained target whose latest scores meet it says how long it has
/// held, and does not count as met until it has held long enough.
#[test]
fn a_sustained_target_says_how_long_it_has_held() {
    // PHQ-9 9 on 2026-11-09 and 8 on 2026-11-23: two of the four weeks O1
    // needs; workdays 3 once: one of the three sessions O2 needs.
    let text = summary_of(V2, V2_TODAY, "text", &["--as-of", "2026-11-23"]);
    for expected in [
        "latest 8 on 2026-11-23, mild · met, held 2 of 4 weeks · progress 100%",
        "target workdays >= 3 sustained 3 sessions · latest 3 on 2026-11-23 · met, held 1 of 3 sessions · progress 100%",
        "due 2027-02-28 · 1 of 2 targets met · progress 100%, the least",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    let json = v2_json("2026-11-23");
    let o1 = &json["summary"]["objectives"][0];
    assert_eq!(o1["met"], false);
    assert_eq!(o1["targets"][0]["held"]["so_far"], 2);
    let done = v2_json("2026-12-14");
    assert_eq!(done["summary"]["objectives"][0]["met"], true);
}

/// The ORS's clinical cut-off is the one for the client's age when the
/// episode opened: an ORS of 26 is in the clinical range for a 15-year-old
/// (cut-off 28), not for an adult (25); 30 is for an 8-year-old (32).
#[test]
fn an_ors_score_is_banded_by_the_clients_age() {
    let plan = |born: &str, score: u8| {
        format!(
            "plan \"Low mood at school\"\n  client C-5\n  born {born}\n  opened 2026-09-01\n  \
             review every 8 weeks\n  risk low\n\nconcern mood \"Low mood\"\n\n\
             goal G1 \"Enjoys school again\" for mood\n  measure ORS baseline 20 target >= 33\n  \
             due 2027-03-01\n\nintervention I1 CBT behavioral-activation \"Activities\" for G1\n\n\
             session 2026-09-08\n  used I1 \"Planned two activities; managed both\"\n  score ORS {score}\n"
        )
    };
    for (born, score, band) in [
        ("2011-03-01", 26, "latest 26 on 2026-09-08, clinical range"),
        (
            "1990-03-01",
            26,
            "latest 26 on 2026-09-08, non-clinical range",
        ),
        ("2018-03-01", 30, "latest 30 on 2026-09-08, clinical range"),
        (
            "2011-03-01",
            30,
            "latest 30 on 2026-09-08, non-clinical range",
        ),
    ] {
        let out = Test::new()
            .file("plan.careplan", plan(born, score))
            .args(["summary", "--today", TODAY, "plan.careplan"])
            .run()
            .status(0);
        assert!(
            out.stdout.contains(band),
            "born {born}: {band}\n{}",
            out.stdout
        );
    }
}

/// After discharge nothing is overdue: the review line says the episode
/// ended, the JSON has no review due, and interventions ended that day
/// while the medication continues.
#[test]
fn after_discharge_nothing_is_overdue() {
    let text = summary_of(V2, V2_TODAY, "text", &[]);
    assert!(
        text.contains("last review 2026-11-30 · episode discharged on 2027-01-11: no review due"),
        "{text}"
    );
    assert!(!text.contains("OVERDUE"), "{text}");
    assert!(
        text.contains("2026-09-07 to 2027-01-11, ended at discharge"),
        "{text}"
    );
    assert!(
        text.contains("since 2026-09-10, continues after discharge"),
        "{text}"
    );
    let json = v2_json(V2_TODAY);
    assert!(json["summary"]["review"].is_null());
    assert_eq!(json["summary"]["discharge"]["kind"], "completed");
    assert_eq!(json["summary"]["attendance"]["no_shows"], 1);
    // The day before, the episode was open and the review of 2026-11-30
    // had set the next one for the discharge date.
    let open = v2_json("2027-01-10");
    assert!(open["summary"]["discharge"].is_null());
    assert_eq!(open["summary"]["review"]["due"], "2027-01-11");
}

/// Attendance counts every kind of appointment, and its rate leaves out a
/// cancellation made in good time; risk assessed at a crisis says so.
#[test]
fn attendance_and_risk_at_a_crisis_read_as_a_clinician_would() {
    let plan = "plan \"Low mood\"\n  client C-1\n  opened 2026-09-01\n  review every 8 weeks\n  risk low\n\n\
                concern mood \"Low mood\"\n\n\
                goal G1 \"Lift low mood\" for mood\n  measure PHQ-9 baseline 16 target < 5\n  due 2027-03-01\n\n\
                intervention I1 CBT behavioral-activation \"Activity scheduling\" for G1\n  course 6 weeks\n\n\
                session 2026-09-08\n  used I1 \"Planned walks\"\n  score PHQ-9 15\n\n\
                session 2026-09-15\n  attendance no-show\n\n\
                session 2026-09-22\n  attendance cancelled\n\n\
                session 2026-09-29\n  attendance late-cancelled\n\n\
                event 2026-10-02 crisis \"Overdose threatened after an argument\"\n  risk high \"Stated intent, has the means\"\n\n\
                safety-plan 2026-10-02\n  warning-signs \"Arguments\"\n\n\
                session 2026-10-06\n  used I1 \"Safety plan reviewed\"\n  score PHQ-9 17\n\n\
                session 2026-10-13\n  used I1 \"Walked twice\"\n  score PHQ-9 14\n";
    let out = Test::new()
        .file("c-1.careplan", plan)
        .args(["summary", "c-1.careplan", "--today", "2026-10-20"])
        .run()
        .status(0);
    let text = out.stdout;
    for expected in [
        "3 sessions, the last on 2026-10-13 · 6 appointments: 1 no-show, 1 cancelled late, 1 cancelled in good time · attendance 60% (3 of 5)",
        "risk high, assessed at the crisis event of 2026-10-02: \"Stated intent, has the means\"",
        "course 6 weeks, to 2026-10-12",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
}

/// A discharged episode is neither urgent nor overdue in the caseload,
/// even when its last risk was high: it comes last, marked discharged.
#[test]
fn the_caseload_shows_a_discharged_episode_as_discharged() {
    let discharged = repo_file(V2).replace(
        "review at 6 months\"\n  risk low",
        "review at 6 months\"\n  risk high \"Handed over to the GP and crisis team\"",
    );
    let overdue = repo_file("tests/fixtures/rules/review-overdue/fires-no-review.careplan");
    let out = Test::new()
        .file("v2.careplan", discharged)
        .file("late.careplan", overdue)
        .args(["summary", ".", "--today", V2_TODAY])
        .run()
        .status(0);
    let rows: Vec<&str> = out.stdout.lines().skip(3).collect();
    assert_eq!(rows.len(), 2, "{}", out.stdout);
    let last = rows.last().copied().unwrap_or_default();
    assert!(last.starts_with("C-2291"), "{}", out.stdout);
    assert!(last.contains("discharged 2027-01-11"), "{}", out.stdout);
    assert!(last.contains("discharged, completed"), "{}", out.stdout);
    assert!(last.contains(" 89% "), "{}", out.stdout);
    assert!(
        !last.contains("URGENT") && !last.contains("OVERDUE"),
        "{}",
        out.stdout
    );
    let json = Test::new()
        .file("v2.careplan", repo_file(V2))
        .args(["summary", ".", "--today", V2_TODAY, "--format", "json"])
        .run()
        .status(0);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let row = &value["caseload"][0];
    assert_eq!(row["urgency"], "discharged");
    assert_eq!(row["discharged"], "2027-01-11");
    assert!(row["review"].is_null());
}

#[test]
fn as_of_shows_the_plan_before_and_after_a_review() {
    // The OCD plan's first review, on 2026-08-18, records each goal's status
    // and starts cognitive work; the day before, neither had happened.
    let before = summary("ocd", "json", &["--as-of", "2026-08-17"]);
    let after = summary("ocd", "json", &["--as-of", "2026-08-18"]);
    let status = |text: &str| -> Vec<serde_json::Value> {
        let value: serde_json::Value = serde_json::from_str(text).expect("JSON");
        value["summary"]["goals"]
            .as_array()
            .map(|goals| goals.iter().map(|g| g["status"].clone()).collect())
            .unwrap_or_default()
    };
    assert!(
        status(&before).iter().all(serde_json::Value::is_null),
        "{before}"
    );
    assert!(status(&after).iter().all(|s| !s.is_null()), "{after}");
    insta::assert_snapshot!(
        "summary-ocd-as-of-before",
        summary("ocd", "text", &["--as-of", "2026-08-17"])
    );
    insta::assert_snapshot!(
        "summary-ocd-as-of-after",
        summary("ocd", "text", &["--as-of", "2026-08-18"])
    );
}

#[test]
fn a_directory_gives_the_caseload_most_urgent_first() {
    let overdue = repo_file("tests/fixtures/rules/review-overdue/fires-no-review.careplan");
    let mut test = Test::new().file("late.careplan", overdue);
    for example in EXAMPLES {
        test = test.file(
            &format!("{example}.careplan"),
            repo_file(&format!("examples/{example}.careplan")),
        );
    }
    let out = test
        .args(["summary", ".", "--today", TODAY])
        .run()
        .status(0);
    let rows: Vec<&str> = out.stdout.lines().skip(3).collect();
    assert_eq!(rows.len(), EXAMPLES.len() + 1, "{}", out.stdout);
    assert!(
        rows.first().is_some_and(|r| r.contains("OVERDUE")),
        "{}",
        out.stdout
    );
    insta::assert_snapshot!(out.stdout);
}

/// The HTML page must leak nothing when opened: no scripts, no external
/// resources of any kind.
#[test]
fn html_is_self_contained() {
    let pages = EXAMPLES
        .iter()
        .map(|example| ((*example).to_owned(), summary(example, "html", &[])))
        .chain([("v2".to_owned(), summary_of(V2, V2_TODAY, "html", &[]))]);
    for (example, html) in pages {
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
        assert!(html.matches("<svg").count() >= 1, "{example}: no chart");
        assert!(
            html.contains("<th scope=\"col\">Goal</th>"),
            "{example}: no goal table"
        );
    }
}

/// Each chart draws every target set on its measure, one dashed line each,
/// labelled with the goal or objective and how long it must hold, and says
/// so in its description for screen readers.
#[test]
fn html_charts_draw_every_target() {
    let html = summary_of(V2, V2_TODAY, "html", &[]);
    for label in [
        "O1 target &lt; 10 sustained 4 weeks",
        "O2 target &gt;= 3 sustained 3 sessions",
        "O2 target = 0",
    ] {
        assert_eq!(
            html.matches(&format!(">{label}</text>")).count(),
            1,
            "{label} is not drawn once"
        );
        assert!(html.contains(&format!("; {label}.</desc>")), "{label}");
    }
    assert_eq!(html.matches("stroke-dasharray").count(), 3);
}

/// Renders each example's page in headless Chromium: the DOM after
/// rendering holds a chart per measure and the goal table, and a screenshot
/// is taken (in target/summary-screenshots/ for people to look at).
/// Ignored, with the reason, when Chromium is absent (see `build.rs`),
/// unless CAREPLAN_REQUIRE_BROWSER is set
/// (as `.ci/run` does after installing it).
#[test]
#[cfg_attr(
    careplan_no_chromium,
    ignore = "needs Chromium, which is not installed: apt-get install chromium (.ci/run does)"
)]
fn html_renders_in_a_real_browser() {
    let Some(browser) = crate::test::browser() else {
        return;
    };
    let shots = root().join("target/summary-screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot folder");
    let pages: Vec<(String, String)> = EXAMPLES
        .iter()
        .map(|example| ((*example).to_owned(), summary(example, "html", &[])))
        .chain([("v2".to_owned(), summary_of(V2, V2_TODAY, "html", &[]))])
        .collect();
    // Two pages at a time: each launches the browser twice.
    for pair in pages.chunks(2) {
        std::thread::scope(|scope| {
            for (example, html) in pair {
                scope.spawn(|| render_in(browser, example, html, &shots));
            }
        });
    }
}

/// Renders one example's page in `browser`, checks the DOM, screenshots it.
fn render_in(browser: &str, example: &str, html: &str, shots: &std::path::Path) {
    let dom = crate::test::render_page(browser, html, &shots.join(format!("{example}.png")));
    let measures = html.matches("<figure>").count();
    assert!(measures >= 1, "{example}: no chart in the page");
    assert_eq!(
        dom.matches("<svg").count(),
        measures,
        "{example}: charts missing after rendering"
    );
    assert!(
        dom.contains("<th scope=\"col\">Goal</th>"),
        "{example}: goal table missing"
    );
    assert!(
        dom.contains("<polyline") || dom.contains("<circle"),
        "{example}: no scores drawn"
    );
}

/// The caseload's order is clinical: imminent risk first (high risk, a
/// PHQ-9 of 20 or more, whether or not risk was assessed), then moderate
/// or unassessed risk, then files with errors, then overdue reviews.
#[test]
fn the_caseload_puts_risk_first_and_an_unassessed_client_above_a_low_risk_one() {
    let plan = |client: &str, risk: &str, phq9: u32, extra: &str| {
        format!(
            "plan \"Low mood\"\n  client {client}\n  opened 2026-09-01\n  review every 8 weeks\n{risk}\n\
             concern mood \"Low mood\"\n\ngoal G1 \"Lift low mood\" for mood\n  measure PHQ-9 baseline 16 target < 5\n  due 2027-03-01\n\n\
             intervention I1 CBT behavioral-activation \"Activity scheduling\" for G1\n\n\
             session 2026-11-01\n  used I1 \"Planned walks\"\n  score PHQ-9 {phq9}\n\n\
             review 2026-11-02\n  status G1 in-progress\n  next 2026-12-20\n{extra}"
        )
    };
    let out = Test::new()
        .file("a.careplan", plan("C-1001", "  risk low", 6, ""))
        .file("b.careplan", plan("C-1002", "", 22, ""))
        .file("c.careplan", plan("C-1003", "  risk moderate", 12, ""))
        .file("d.careplan", plan("C-1004", "", 8, ""))
        .file(
            "e.careplan",
            plan(
                "C-1005",
                "  risk low",
                8,
                "\nsession 2026-11-03\n  gibberish\n",
            ),
        )
        .file("f.careplan", plan("C-1006", "  risk high", 10, ""))
        .args(["summary", ".", "--today", "2026-11-22", "--format", "json"])
        .run()
        .status(0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let rows: Vec<(String, String)> = json["caseload"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["client"].as_str().unwrap_or_default().to_owned(),
                r["urgency"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("C-1006", "urgent"),
        ("C-1002", "urgent"),
        ("C-1003", "risk"),
        ("C-1004", "risk"),
        ("C-1005", "errors"),
        ("C-1001", "routine"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(c, u)| ((*c).to_owned(), (*u).to_owned()))
        .collect();
    assert_eq!(rows, expected, "{}", out.stdout);
    let first = &json["caseload"][0];
    assert_eq!(first["review"]["days_until_due"], 28);
    assert_eq!(first["review"]["days_overdue"], 0);
    assert_eq!(json["caseload"][1]["why"], "PHQ-9 22");
    assert_eq!(json["caseload"][1]["measures"][0]["measure"], "PHQ-9");
}

/// The "Sessions" section lists every session newest first, a missed one
/// with its attendance, and `--sessions N` keeps the newest N.
#[test]
fn the_sessions_section_is_newest_first_and_can_be_limited() {
    let file = "examples/collaborative-care.careplan";
    let all = summary_of(file, TODAY, "text", &[]);
    let section = all
        .split("\nSessions, newest first\n")
        .nth(1)
        .expect("a Sessions section");
    let newest = section
        .find("  2026-11-16 · attended · in-person")
        .expect("newest");
    let missed = section
        .find("  2026-08-24 · no-show\n")
        .expect("the no-show");
    let first = section
        .find("  2026-07-06 · attended · in-person · 45 minutes")
        .expect("first");
    assert!(newest < missed && missed < first, "{section}");
    assert!(
        section.contains("    note: \"Missed the video visit;"),
        "{section}"
    );
    assert!(
        section.contains("    dose of M1 from this session: \"100 mg daily\""),
        "{section}"
    );
    let two = summary_of(file, TODAY, "markdown", &["--sessions", "2"]);
    assert_eq!(two.matches("\n- **2026-").count(), 2, "{two}");
    assert!(
        two.contains("- **2026-11-09 · attended · telehealth · 20 minutes**"),
        "{two}"
    );
    let html = summary_of(file, TODAY, "html", &["--sessions", "1"]);
    assert!(html.contains("<h2 id=\"sessions\">Sessions, newest first</h2>"));
    let listed = html
        .split("<ul class=\"sessions\">")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("the sessions list");
    assert_eq!(listed.matches("<li><strong>").count(), 1, "{listed}");
}

/// A session dated after the discharge is a finding, not part of the
/// record: the summary counts neither it nor its scores.
#[test]
fn entries_after_the_discharge_are_not_part_of_the_record() {
    let mut plan = repo_file(V2);
    plan.push_str("\nsession 2027-01-20\n  used I1 \"Called in to say hello\"\n  score PHQ-9 12\n");
    let out = Test::new()
        .file("plan.careplan", plan)
        .args(["summary", "plan.careplan", "--today", V2_TODAY])
        .run()
        .status(0);
    assert!(
        out.stdout.contains("8 sessions, the last on 2026-12-14")
            && !out.stdout.contains("latest 12 on 2027-01-20")
            && out.stdout.contains("entry-after-discharge"),
        "{}",
        out.stdout
    );
}
