//! `careplan summary FOLDER --format html --out DIR`: the caseload page
//! linking each plan's own page, self-contained, rendered in a browser, and
//! never replacing a file careplan did not write.

use crate::test::{TODAY, Test, root};

/// Writes the examples' caseload and pages into `site/` of a fresh folder.
fn site() -> crate::test::Output {
    Test::new()
        .args(["summary", &root().join("examples").display().to_string()])
        .args(["--format", "html", "--out", "site", "--today", TODAY])
        .run()
}

/// Every `href="…"` target in `html`.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(target, _)| target.to_owned()))
        .collect()
}

#[test]
fn out_writes_the_caseload_page_linking_each_plans_own_page() {
    let out = site().status(0);
    assert!(
        out.stdout.is_empty(),
        "the pages go to the folder, not the terminal"
    );
    assert_eq!(
        out.stderr,
        "careplan: wrote caseload.html and 7 plan pages into site; open site/caseload.html\n"
    );
    let caseload = out.read("site/caseload.html");
    let targets = links(&caseload);
    assert_eq!(targets.len(), 7, "{targets:?}");
    assert!(caseload.contains("<th scope=\"row\"><a href=\"ocd.summary.html\">C-7351</a></th>"));
    for target in &targets {
        // A file beside the caseload page: no scheme, no folder, nothing outside.
        assert!(
            !target.contains(['/', ':', '\\']) && target.ends_with(".summary.html"),
            "{target}"
        );
        let page = out.read(&format!("site/{target}"));
        assert_eq!(
            links(&page),
            ["caseload.html"],
            "{target} links back, and only there"
        );
        assert!(page.contains("<h1>"), "{target}");
    }
    for page in targets.iter().map(String::as_str).chain(["caseload.html"]) {
        let html = out.read(&format!("site/{page}")).to_lowercase();
        for forbidden in [
            "<script", "src=", "url(", "@import", "http:", "https:", "<link", "<img", "<iframe",
        ] {
            assert!(!html.contains(forbidden), "{page} holds `{forbidden}`");
        }
        assert!(html.contains("content-security-policy"), "{page}");
    }
}

#[test]
fn out_replaces_its_own_pages_and_nothing_else() {
    let out = site().status(0);
    let again = out
        .again()
        .args(["summary", &root().join("examples").display().to_string()])
        .args(["--format", "html", "--out", "site", "--today", "2026-12-01"])
        .run()
        .status(0);
    assert!(
        again
            .read("site/caseload.html")
            .contains("Caseload as of 2026-12-01")
    );
    // A file careplan did not write, in the way of a page: nothing is written.
    let notes = "My own notes on OCD\n";
    std::fs::write(again.path("site/ocd.summary.html"), notes).expect("write");
    let refused = again
        .again()
        .args(["summary", &root().join("examples").display().to_string()])
        .args(["--format", "html", "--out", "site", "--today", TODAY])
        .run()
        .status(2);
    assert!(
        refused.stderr.contains(
            "site/ocd.summary.html: this file is not one careplan wrote, so it was not replaced"
        ),
        "{}",
        refused.stderr
    );
    assert_eq!(refused.read("site/ocd.summary.html"), notes);
    assert!(
        refused
            .read("site/caseload.html")
            .contains("Caseload as of 2026-12-01"),
        "no page changed"
    );
}

#[test]
fn out_needs_a_folder_of_plans_and_html() {
    let out = Test::new()
        .args(["summary", &root().join("examples").display().to_string()])
        .args(["--out", "site", "--today", TODAY])
        .run()
        .status(2);
    assert!(
        out.stderr
            .contains("--out writes HTML pages: add `--format html`"),
        "{}",
        out.stderr
    );
    assert!(!out.path("site").exists());
    let one = root().join("examples/ocd.careplan").display().to_string();
    let out = Test::new()
        .args([
            "summary", &one, "--format", "html", "--out", "site", "--today", TODAY,
        ])
        .run()
        .status(2);
    assert!(
        out.stderr.contains("it needs a folder of plans"),
        "{}",
        out.stderr
    );
}

/// The caseload page in headless Chromium: the table and its links are there
/// after rendering, and a screenshot is taken
/// (target/summary-screenshots/caseload.png).
#[test]
#[cfg_attr(
    careplan_no_chromium,
    ignore = "needs Chromium, which is not installed: apt-get install chromium (.ci/run does)"
)]
fn the_caseload_page_renders_in_a_real_browser() {
    let Some(browser) = crate::test::browser() else {
        return;
    };
    let out = site().status(0);
    let shots = root().join("target/summary-screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot folder");
    let html = out.read("site/caseload.html");
    let dom = crate::test::render_page(browser, &html, &shots.join("caseload.png"));
    assert!(
        dom.contains("<th scope=\"col\">Urgency</th>"),
        "caseload table missing"
    );
    assert_eq!(
        dom.matches(".summary.html\">").count(),
        7,
        "a link per plan"
    );
    let page = out.read("site/ocd.summary.html");
    let dom = crate::test::render_page(browser, &page, &shots.join("caseload-ocd.png"));
    assert!(
        dom.contains("<a href=\"caseload.html\">← Caseload</a>"),
        "no link back"
    );
}
