//! Plans and notes published by others, transcribed under
//! tests/fixtures/real/: each checks with no error on the date its header
//! names, and its findings are exactly the ones its README explains.

use crate::test::{Test, root};

/// The date a real plan names in its header: `# Check with --today DATE`.
fn check_date(text: &str) -> Option<&str> {
    text.lines()
        .find_map(|l| l.split("--today ").nth(1))
        .and_then(|rest| rest.split_whitespace().next())
}

/// `rule line:col message` for each finding in human output.
fn findings(stdout: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = stdout.lines();
    while let Some(line) = lines.next() {
        let Some((severity, rest)) = line.split_once('[') else {
            continue;
        };
        if !matches!(severity, "error" | "warning" | "info") {
            continue;
        }
        let Some((rule, message)) = rest.split_once("]: ") else {
            continue;
        };
        let at = lines
            .next()
            .and_then(|l| l.rsplit(".careplan:").next())
            .unwrap_or("?");
        out.push(format!("{severity} {rule} {at} {message}"));
    }
    out
}

#[test]
fn published_plans_check_without_error_and_with_the_findings_explained() {
    let dir = root().join("tests/fixtures/real");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/real")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "careplan"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "at least five published plans");
    let readme = std::fs::read_to_string(dir.join("README.md")).expect("README");
    let mut report = String::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let text = std::fs::read_to_string(path).expect("read fixture");
        assert!(text.contains("# Source:"), "{name} cites its source");
        assert!(readme.contains(name), "the README describes {name}");
        let today = check_date(&text).unwrap_or_else(|| panic!("{name} names its check date"));
        let out = Test::new()
            .args(["check", "--today", today])
            .args([path.to_str().unwrap_or("")])
            .run();
        let found = findings(&out.stdout);
        assert!(
            found.iter().all(|f| !f.starts_with("error")),
            "{name} has errors:\n{}",
            out.stdout
        );
        report.push_str(&format!("{name} (--today {today})\n"));
        for finding in found {
            report.push_str(&format!("  {finding}\n"));
        }
    }
    insta::assert_snapshot!("real-plans", report);
}
