//! Nothing lost, nothing unbounded: links, owners, devices, sizes, exit
//! codes and leftovers, through the real binary.

use crate::test::{TODAY, Test, repo_file};
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};

/// A plan that is valid but not in the canonical layout.
const MESSY: &str = "plan   \"Low mood\"\n  client C-1\n  opened 2026-09-01\n";
/// [`MESSY`] formatted.
const TIDY: &str = "plan \"Low mood\"\n  client C-1\n  opened 2026-09-01\n";

#[test]
fn fmt_writes_through_a_symbolic_link_and_keeps_it() {
    let test = Test::new().file("records/c-1.careplan", MESSY);
    std::os::unix::fs::symlink("records/c-1.careplan", test.root().join("c-1.careplan"))
        .expect("symlink");
    let out = test.args(["fmt", "c-1.careplan"]).run().status(0);
    let link = std::fs::symlink_metadata(out.path("c-1.careplan")).expect("link");
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(out.read("records/c-1.careplan"), TIDY);
    let leftovers: Vec<_> = std::fs::read_dir(out.path("records"))
        .expect("folder")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
}

#[test]
fn the_repl_saves_through_a_symbolic_link() {
    let test = Test::new().file("records/c-1.careplan", TIDY);
    std::os::unix::fs::symlink("records/c-1.careplan", test.root().join("c-1.careplan"))
        .expect("symlink");
    let out = test
        .args(["repl", "--today", TODAY, "c-1.careplan"])
        .stdin("concern mood \"Low mood\"\n\n:save\n")
        .run()
        .status(0);
    let link = std::fs::symlink_metadata(out.path("c-1.careplan")).expect("link");
    assert!(link.file_type().is_symlink(), "{}", out.stdout);
    assert!(
        out.read("records/c-1.careplan").contains("concern mood"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_file_with_several_hard_links_is_not_rewritten() {
    let test = Test::new().file("c-1.careplan", MESSY);
    std::fs::hard_link(
        test.root().join("c-1.careplan"),
        test.root().join("copy.careplan"),
    )
    .expect("hard link");
    let out = test.args(["fmt", "c-1.careplan"]).run().status(2);
    assert!(
        out.stderr
            .contains("c-1.careplan: this file has 2 hard links"),
        "{}",
        out.stderr
    );
    assert_eq!(out.read("c-1.careplan"), MESSY);
    assert_eq!(out.read("copy.careplan"), MESSY);
}

#[test]
fn a_rewritten_file_keeps_its_owner_group_and_permissions() {
    let test = Test::new().file("c-1.careplan", MESSY);
    let path = test.root().join("c-1.careplan");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    // Giving a file away needs root, as CI runs; elsewhere the owner is ours.
    let root = is_root();
    if root {
        std::os::unix::fs::chown(&path, Some(4321), Some(4322)).expect("chown");
    } else {
        eprintln!("note: not root, so the owner is not changed before the test");
    }
    let before = std::fs::metadata(&path).expect("metadata");
    let out = test.args(["fmt", "c-1.careplan"]).run().status(0);
    let after = std::fs::metadata(out.path("c-1.careplan")).expect("metadata");
    assert_eq!(out.read("c-1.careplan"), TIDY);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    assert_eq!(after.mode() & 0o7777, 0o640);
}

/// Whether this process runs as root (uid 0), read from /proc.
fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .find(|l| l.starts_with("Uid:"))
            .and_then(|l| l.split_whitespace().nth(1))
            == Some("0")
    })
}

#[test]
fn devices_and_named_pipes_are_refused_and_the_other_paths_still_checked() {
    let test = Test::new().file(
        "good.careplan",
        repo_file("examples/panic-disorder.careplan"),
    );
    let fifo = test.root().join("pipe.careplan");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let out = test
        .args([
            "check",
            "--today",
            TODAY,
            "/dev/zero",
            "pipe.careplan",
            "good.careplan",
        ])
        .run()
        .status(2);
    assert!(
        out.stderr
            .contains("/dev/zero: this is a device, not a plan file"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("pipe.careplan: this is a named pipe (FIFO), not a plan file"),
        "{}",
        out.stderr
    );
    assert_eq!(
        out.stdout,
        "checked 1 file: no problems found in them; 2 files could not be read (see above)\n"
    );

    let config = out
        .again()
        .args([
            "check",
            "--today",
            TODAY,
            "--config",
            "/dev/urandom",
            "good.careplan",
        ])
        .run()
        .status(2);
    assert!(
        config.stderr.contains("/dev/urandom: this is a device"),
        "{}",
        config.stderr
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let test = Test::new();
    let big = std::fs::File::create(test.root().join("huge.careplan")).expect("create");
    // Sparse: no disk is used, but the file reports its length.
    big.set_len(careplan::workspace::PLAN_LIMIT.bytes + 1)
        .expect("set_len");
    let out = test.args(["check", "huge.careplan"]).run().status(2);
    assert!(
        out.stderr.contains(
            "huge.careplan: this file is larger than 64 MiB, the most careplan reads of a plan file"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(
        out.stdout,
        "checked 0 files; 1 file could not be read (see above)\n"
    );
}

#[test]
fn a_piped_repl_whose_save_fails_exits_2() {
    let out = Test::new()
        .args(["repl", "--today", TODAY])
        .stdin(format!("{TIDY}\n:save missing/c-1.careplan\n"))
        .run()
        .status(2);
    assert!(
        out.stdout.contains("error: missing: no such folder"),
        "{}",
        out.stdout
    );
}

#[test]
fn stale_temporary_files_are_removed_by_the_next_write() {
    let test = Test::new()
        .file("c-1.careplan", MESSY)
        .file(".careplan-old123.tmp", "plan text of a killed write")
        .file(".careplan-new456.tmp", "a write under way")
        .file("notes.tmp", "someone else's");
    let old = std::fs::File::options()
        .write(true)
        .open(test.root().join(".careplan-old123.tmp"))
        .expect("open");
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    old.set_modified(hour_ago).expect("set mtime");
    let out = test.args(["fmt", "c-1.careplan"]).run().status(0);
    assert!(
        !out.path(".careplan-old123.tmp").exists(),
        "the stale file stays"
    );
    assert!(
        out.path(".careplan-new456.tmp").exists(),
        "a recent one was removed"
    );
    assert!(out.path("notes.tmp").exists());
}

#[test]
fn an_unclosed_string_over_many_lines_is_one_finding() {
    let mut plan = String::from(
        "plan \"Low mood\"\n  opened 2026-09-01\n\nsession 2026-09-08\n  note \"\"\"\n",
    );
    for n in 0..5000 {
        plan.push_str(&format!("Line {n}: the client said more.\n"));
    }
    let out = Test::new()
        .file("c-1.careplan", plan)
        .args([
            "check",
            "--today",
            TODAY,
            "--format",
            "json",
            "c-1.careplan",
        ])
        .run()
        .status(1);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let syntax: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["name"] == "syntax")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert_eq!(
        syntax,
        [
            "this multi-line string is never closed with `\"\"\"`; the 5000 lines after it, up to the next entry, could not be read"
        ]
    );
}

#[test]
fn the_human_output_shows_at_most_100_findings_per_file() {
    let mut plan = String::from("plan \"Low mood\"\n  opened 2026-09-01\n\nsession 2026-09-08\n");
    for _ in 0..130 {
        plan.push_str("  used I9 \"x\"\n");
    }
    let out = Test::new()
        .file("c-1.careplan", &plan)
        .args(["check", "--today", TODAY, "c-1.careplan"])
        .run()
        .status(1);
    assert_eq!(out.stdout.matches("error[unknown-reference]").count(), 100);
    assert!(
        out.stdout.contains(
            "c-1.careplan: 30 more findings not shown (the first 100 are above); fix those \
             first, or list every one with `--format json`"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("checked 1 file: 130 errors"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_utf16_file_is_named_as_such() {
    let text = "plan \"Low mood\"\n  opened 2026-09-01\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let without_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let out = Test::new()
        .file("le.careplan", bytes)
        .file("be.careplan", without_bom)
        .args(["check", "--today", TODAY, "."])
        .run()
        .status(1);
    assert_eq!(
        out.stdout
            .matches("it is saved as UTF-16 (which some editors call \"Unicode\"), not UTF-8")
            .count(),
        2,
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("1 | plan \"Low mood\""),
        "{}",
        out.stdout
    );
}

#[test]
fn summary_of_a_file_that_is_not_text_points_at_line_and_column() {
    let out = Test::new()
        .file(
            "c-1.careplan",
            b"plan \"Low mood\"\n  clinician \"J. M\xfcller\"\n",
        )
        .args(["summary", "--today", TODAY, "c-1.careplan"])
        .run()
        .status(1);
    assert!(
        out.stderr.contains("--> c-1.careplan:2:18"),
        "{}",
        out.stderr
    );
}

#[test]
fn odd_characters_in_paths_are_escaped_not_lost() {
    use std::os::unix::ffi::OsStrExt as _;
    let test = Test::new();
    let broken = "plan \"x\"\n  opened 2026-09-01\n  gibberish\n";
    std::fs::write(test.root().join("a\nb.careplan"), broken).expect("write");
    let latin1 = std::ffi::OsStr::from_bytes(b"M\xfcller.careplan");
    std::fs::write(test.root().join(latin1), broken).expect("write");
    let human = test.args(["check", "--today", TODAY, "."]).run().status(1);
    assert!(
        human.stdout.contains("--> a\\nb.careplan:3:3"),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("--> M\\xFCller.careplan:3:3"),
        "{}",
        human.stdout
    );
    let json = human
        .again()
        .args(["check", "--today", TODAY, "--format", "json", "."])
        .run()
        .status(1);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let paths: Vec<&str> = value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert!(paths.contains(&"M\\xFCller.careplan"), "{paths:?}");
    assert!(paths.contains(&"a\\nb.careplan"), "{paths:?}");
}

#[test]
fn a_read_only_file_is_not_rewritten() {
    let test = Test::new().file("c-1.careplan", MESSY);
    let path = test.root().join("c-1.careplan");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = test.args(["fmt", "c-1.careplan"]).run().status(2);
    assert!(
        out.stderr.contains("c-1.careplan: this file is read-only"),
        "{}",
        out.stderr
    );
    assert_eq!(out.read("c-1.careplan"), MESSY);
}
