//! `careplan summary`: every format for every example, `--as-of`, the
//! caseload, a self-contained HTML page, and the page in a real browser.

use crate::test::{TODAY, Test, repo_file, root};

const EXAMPLES: &[&str] = &[
    "adolescent-dbt",
    "depression-ipt",
    "low-back-pain",
    "ocd",
    "panic-disorder",
    "ptsd",
];

fn summary(example: &str, format: &str, extra: &[&str]) -> String {
    let path = root().join(format!("examples/{example}.careplan"));
    let mut args = vec![
        "summary".to_owned(),
        path.display().to_string(),
        "--today".to_owned(),
        TODAY.to_owned(),
        "--format".to_owned(),
        format.to_owned(),
    ];
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    let out = Test::new().args(args).run().status(0);
    // The path is machine-specific; the snapshots name the example instead.
    out.stdout.replace(&root().display().to_string(), "<repo>")
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
    assert_eq!(rows.len(), 7, "{}", out.stdout);
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
    for example in EXAMPLES {
        let html = summary(example, "html", &[]);
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
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    let Some(browser) = browser else {
        assert!(
            std::env::var_os("CAREPLAN_REQUIRE_BROWSER").is_none(),
            "CAREPLAN_REQUIRE_BROWSER is set but no Chromium was found"
        );
        eprintln!("skipped: no Chromium on this machine (.ci/run installs it)");
        return;
    };
    let shots = root().join("target/summary-screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot folder");
    // Two examples at a time: each launches the browser twice.
    for pair in EXAMPLES.chunks(2) {
        std::thread::scope(|scope| {
            for example in pair {
                scope.spawn(|| render_in(browser, example, &shots));
            }
        });
    }
}

/// Renders one example's page in `browser`, checks the DOM, screenshots it.
fn render_in(browser: &str, example: &str, shots: &std::path::Path) {
    {
        let html = summary(example, "html", &[]);
        let dir = crate::test::scratch();
        let page = dir.path().join("summary.html");
        std::fs::write(&page, &html).expect("write page");
        let url = format!("file://{}", page.display());
        let run = |extra: &[String]| {
            let mut command = std::process::Command::new(browser);
            command.args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1000,2400",
            ]);
            command.arg(format!(
                "--user-data-dir={}",
                dir.path().join("profile").display()
            ));
            command.args(extra).arg(&url);
            command.output().expect("run the browser")
        };
        let dom = run(&["--dump-dom".to_owned()]);
        let dom = String::from_utf8_lossy(&dom.stdout);
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
        let shot = shots.join(format!("{example}.png"));
        run(&[format!("--screenshot={}", shot.display())]);
        let size = std::fs::metadata(&shot).map_or(0, |m| m.len());
        assert!(
            size > 10_000,
            "{example}: the screenshot is empty ({size} bytes)"
        );
    }
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
