//! `careplan repl`: scripted sessions through piped stdin, and a real
//! terminal (tmux) for completion, multi-line entries and the history file.

use crate::test::{TODAY, Test, repo_file, root};

/// Runs a piped session in a directory holding `files`.
fn session(files: &[(&str, &str)], args: &[&str], script: &str) -> crate::test::Output {
    let mut test = Test::new();
    for (path, contents) in files {
        test = test.file(path, contents);
    }
    test.args(["repl", "--today", TODAY])
        .args(args.iter().copied())
        .stdin(script)
        .run()
}

const PLAN: &str = r#"plan "Low mood after a move"
  client c-3001
  clinician "T. Okafor"
  opened 2026-09-01

concern C1 "Low mood"

goal G1 "Depression in remission" for C1
  measure PHQ-9 baseline 16 target < 5
  due 2027-01-15
"#;

#[test]
fn build_a_plan_see_a_finding_fix_it_save_and_check() {
    let script = format!(
        "{PLAN}
intervention I1 CBT behavioral-activation \"Activity scheduling\"
  frequency weekly

:undo
intervention I1 CBT behavioral-activation \"Activity scheduling\" for C1
  frequency weekly

:undo
intervention I1 CBT behavioral-activation \"Activity scheduling\" for G1
  frequency weekly

session 2026-09-08
  used I1 \"Planned two walks, took one\"
  score PHQ-9 15

:save c-3001.careplan
:quit
"
    );
    let out = session(&[], &[], &script).status(0);
    insta::assert_snapshot!("build-fix-save", out.stdout);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let saved = out.read("c-3001.careplan");
    assert!(
        saved
            .contains("intervention I1 CBT behavioral-activation \"Activity scheduling\" for G1\n")
    );
    assert!(
        !saved.contains("scheduling\" for C1"),
        "the undone entry was saved:\n{saved}"
    );
    Test::new()
        .file("c-3001.careplan", &saved)
        .args(["check", "--today", TODAY, "c-3001.careplan"])
        .run()
        .status(0);
    // Saved in the canonical layout: formatting it changes nothing.
    Test::new()
        .file("c-3001.careplan", &saved)
        .args(["fmt", "--check", "c-3001.careplan"])
        .run()
        .status(0);
}

#[test]
fn an_entry_with_a_syntax_error_is_rejected_and_not_added() {
    let script = format!("{PLAN}\ngoal G2 \"Sleep\"\n  due 2027-13-01\n  measure\n\n:check\n");
    // A script with a rejected entry fails, and its end names the entry.
    let out = session(&[], &[], &script).status(1);
    insta::assert_snapshot!("syntax-error", out.stdout);
    assert!(
        out.stdout
            .contains("1 entry was not added (fix and enter again): `goal G2 \"Sleep\"`\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_triple_quoted_note_keeps_blank_lines_and_the_entry_open() {
    let note = "  note \"\"\"\n    First line.\n\n  Still the note.\n    \"\"\"\n";
    let script = format!("{PLAN}\nsession 2026-09-08\n{note}\n:timeline\n:save plan.careplan\n");
    let out = session(&[], &[], &script).status(0);
    insta::assert_snapshot!("triple-quoted", out.stdout);
    let saved = out.read("plan.careplan");
    // The note is kept whole, its blank line included (re-indented by the formatter).
    assert!(
        saved.contains("First line.\n\n    Still the note.\n"),
        "{saved}"
    );
}

#[test]
fn as_of_shows_goals_before_and_after_a_review() {
    let plan = repo_file("examples/depression-ipt.careplan");
    let script = ":as-of 2026-08-01\n:goals\n:as-of 2026-11-20\n:goals\n:show G1\n:as-of today\n";
    let out = session(&[("plan.careplan", &plan)], &["plan.careplan"], script).status(0);
    insta::assert_snapshot!("as-of", out.stdout);
}

#[test]
fn loading_a_file_with_errors_shows_them_and_the_session_goes_on() {
    let broken =
        "plan \"Panic\"\n  opened 2026-09-01\n\nintervention I1 CBT \"Exposure\"\n\ngoal G1 oops\n";
    let script =
        ":load broken.careplan\ngoal G2 \"Fewer attacks\"\n  due 2027-01-15\n\n:check\n:save\n";
    let out = session(&[("broken.careplan", broken)], &[], script).status(0);
    insta::assert_snapshot!("load-errors", out.stdout);
    // Saved as written (it has a syntax error, so it is not formatted), entry appended.
    let saved = out.read("broken.careplan");
    assert!(saved.starts_with(broken), "{saved}");
    assert!(
        saved.ends_with("goal G2 \"Fewer attacks\"\n  due 2027-01-15\n"),
        "{saved}"
    );
}

#[test]
fn unknown_commands_get_a_did_you_mean() {
    let out = session(&[], &[], ":chek\n:sumary json\n:explain unlinked\ncheck\n").status(1);
    insta::assert_snapshot!("unknown-command", out.stdout);
}

#[test]
fn quit_warns_once_and_save_never_overwrites_a_file_it_did_not_load() {
    let script = format!("{PLAN}\n:quit\n:save other.careplan\n:quit\n");
    // The refused save leaves the plan unsaved: the script exits 2.
    let out = session(&[("other.careplan", "# someone else's\n")], &[], &script).status(2);
    insta::assert_snapshot!("quit-and-refused-save", out.stdout);
    assert_eq!(out.read("other.careplan"), "# someone else's\n");
}

#[test]
fn a_new_file_is_created_by_save() {
    let script = format!("{PLAN}\n:save\n");
    let out = session(&[], &["new.careplan"], &script).status(0);
    assert!(
        out.stdout
            .starts_with("new plan: new.careplan does not exist yet; `:save` creates it\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with("saved new.careplan\n"),
        "{}",
        out.stdout
    );
    assert_eq!(out.read("new.careplan"), PLAN);
}

#[test]
fn the_end_of_the_input_mentions_unsaved_changes() {
    let out = session(&[], &[], PLAN).status(0);
    assert!(
        out.stdout
            .ends_with("the input ended: the plan's changes were not saved\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_line_that_is_not_text_is_skipped_with_an_error() {
    let mut script = PLAN.as_bytes().to_vec();
    script.extend_from_slice(b"\n\xff\xfe note\n:goals\n");
    let out = Test::new()
        .args(["repl", "--today", TODAY])
        .stdin(script)
        .run()
        .status(1);
    assert!(
        out.stdout
            .contains("error: line 12 of the input is not UTF-8 text; it was skipped\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("G1"), "{}", out.stdout);
}

#[test]
fn a_missing_config_or_unreadable_file_is_a_usage_error() {
    let out = session(&[("dir/.keep", "")], &["dir"], "").status(2);
    assert!(
        out.stderr.starts_with("careplan: error: "),
        "{}",
        out.stderr
    );
    let out = session(&[], &["--config", "nope.toml"], "").status(2);
    assert!(out.stderr.contains("nope.toml"), "{}", out.stderr);
}

/// Without `--history`, a session writes nothing but the files it saves:
/// not in its folder, not in the home folder.
#[test]
fn no_history_is_written_without_history() {
    let test = Test::new().file("home/.keep", "");
    let home = test.root().join("home");
    let home = home.to_str().expect("UTF-8 temporary path").to_owned();
    let script = format!("{PLAN}\n:save plan.careplan\n");
    let out = test
        .args(["repl", "--today", TODAY, "--history", "unused-when-piped"])
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", &format!("{home}/.config"))
        .env("XDG_DATA_HOME", &format!("{home}/.local/share"))
        .env("XDG_STATE_HOME", &format!("{home}/.local/state"))
        .stdin(script)
        .run()
        .status(0);
    let mut found = Vec::new();
    let mut stack = vec![out.path("")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable folder") {
            let path = entry.expect("folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path.strip_prefix(out.path("")).expect("inside").to_owned());
            }
        }
    }
    found.sort();
    let found: Vec<String> = found.iter().map(|p| p.display().to_string()).collect();
    assert_eq!(found, ["home/.keep", "plan.careplan"]);
}

/// A real terminal: Tab completes a goal id after `for`, a multi-line entry
/// is added on a blank line, and `--history` writes an owner-only file.
///
/// Ignored, with the reason, when tmux is absent (see `build.rs`), unless
/// CAREPLAN_REQUIRE_TMUX is set (as
/// `.ci/run` does after installing it).
#[test]
#[cfg_attr(
    careplan_no_tmux,
    ignore = "needs tmux, which is not installed: apt-get install tmux (.ci/run does)"
)]
fn at_a_terminal_tab_completes_and_history_is_owner_only() {
    if std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .map_or(true, |o| !o.status.success())
    {
        assert!(
            std::env::var_os("CAREPLAN_REQUIRE_TMUX").is_none(),
            "CAREPLAN_REQUIRE_TMUX is set but tmux was not found"
        );
        eprintln!("skipped: no tmux on this machine (.ci/run installs it)");
        return;
    }
    let dir = crate::test::scratch();
    std::fs::write(dir.path().join("plan.careplan"), PLAN).expect("plan written");
    let tmux = Tmux::start(dir.path());
    tmux.wait_for("careplan repl: type entries");
    tmux.keys(&[
        "intervention I1 CBT behavioral-activation \"Walks\" for G",
        "Tab",
    ]);
    tmux.wait_for("for G1");
    tmux.keys(&["Enter", "  frequency weekly", "Enter"]);
    tmux.wait_for("frequency weekly");
    tmux.keys(&["Enter"]);
    tmux.wait_for("added intervention I1 (line 12)");
    tmux.keys(&[":quit", "Enter"]);
    tmux.wait_for("the plan has unsaved changes");
    tmux.keys(&[":quit", "Enter"]);
    tmux.wait_for_exit();

    let history = dir.path().join("history");
    let text = std::fs::read_to_string(&history).expect("history written");
    assert!(text.contains("for G1"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&history)
            .expect("history")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

/// A tmux server of its own running `careplan repl` in a detached pane.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(dir: &std::path::Path) -> Tmux {
        let socket = format!("careplan-test-{}", std::process::id());
        let binary = env!("CARGO_BIN_EXE_careplan");
        let command = format!(
            "{binary} repl --today {TODAY} --history history plan.careplan; echo EXITED; sleep 30"
        );
        let tmux = Tmux { socket };
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "120",
            "-y",
            "50",
            "-c",
            dir.to_str().expect("UTF-8 path"),
            &command,
        ]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let out = std::process::Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            let literal = !matches!(*key, "Tab" | "Enter");
            let mut args = vec!["send-keys", "-t", "0"];
            if literal {
                args.push("-l");
            }
            args.push(key);
            self.run(&args);
        }
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "0", "-S", "-100"])
    }

    /// Waits until the screen shows `text` (a generous deadline, so a slow
    /// machine is not a failure; the assertion is about what is shown).
    fn wait_for(&self, text: &str) {
        for _ in 0..300 {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("the terminal never showed {text:?}:\n{}", self.screen());
    }

    fn wait_for_exit(&self) {
        self.wait_for("EXITED");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

#[test]
fn the_readme_documents_the_repl() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    for command in careplan::session::COMMANDS {
        assert!(
            readme.contains(command.name),
            "README misses {}",
            command.name
        );
    }
}

/// A back-dated note goes to its place by date, so the record stays in
/// order (no `out-of-order`), and `:undo` takes it out again.
#[test]
fn a_back_dated_entry_is_placed_by_its_date() {
    let plan = repo_file("tests/fixtures/contract-example.careplan");
    let script =
        "session 2026-09-10\n  used I3 \"Planned two walks\"\n  score PHQ-9 15\n\n:check\n:save\n";
    let out = session(&[("plan.careplan", &plan)], &["plan.careplan"], script).status(0);
    assert!(
        out.stdout.contains("added session 2026-09-10 (line 43)"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("out-of-order"), "{}", out.stdout);
    let saved = out.read("plan.careplan");
    let first = saved.find("session 2026-09-08").unwrap_or(usize::MAX);
    let added = saved.find("session 2026-09-10").unwrap_or(usize::MAX);
    let second = saved.find("session 2026-09-15").unwrap_or(0);
    assert!(first < added && added < second, "{saved}");

    let undone = session(
        &[("plan.careplan", &plan)],
        &["plan.careplan"],
        &format!("{script}:undo\n:save\n"),
    )
    .status(0);
    assert_eq!(undone.read("plan.careplan"), plan);
}

/// An indented comment at the end of an entry belongs to that entry: a
/// back-dated note goes after it, and a column-0 comment above the later
/// entry stays above that entry.
#[test]
fn a_back_dated_entry_leaves_comments_with_their_entries() {
    let plan = "plan \"Low mood\"\n  opened 2026-09-01\n\nsession 2026-09-08\n  note \"a\"\n  # about the first session\n\n# before the third\nsession 2026-09-22\n  note \"c\"\n";
    let out = session(
        &[("plan.careplan", plan)],
        &["plan.careplan"],
        "session 2026-09-15\n  note \"b\"\n\n:save\n",
    )
    .status(0);
    let saved = out.read("plan.careplan");
    let first_comment = saved
        .find("# about the first session")
        .unwrap_or(usize::MAX);
    let added = saved.find("session 2026-09-15").unwrap_or(0);
    let second_comment = saved.find("# before the third").unwrap_or(0);
    assert!(first_comment < added && added < second_comment, "{saved}");
}

/// What the commands of a script printed, from the first line starting
/// with `from` on: the findings printed on loading are the checker's, and
/// tested with the rules.
fn from_line<'a>(stdout: &'a str, from: &str) -> &'a str {
    let at = stdout
        .match_indices(from)
        .find(|(i, _)| *i == 0 || stdout.get(..*i).is_some_and(|b| b.ends_with('\n')))
        .map_or(0, |(i, _)| i);
    stdout.get(at..).unwrap_or(stdout)
}

/// Objectives under their goal with each target met or not (held for how
/// long when sustained); `:show` of an objective, a broad goal, a titrated
/// medication and an intervention with a rate and a course; the timeline
/// with a no-show and the discharge; all as of two dates.
#[test]
fn v2_goals_objectives_doses_and_courses_are_shown() {
    let plan = repo_file("tests/fixtures/contract-example-v2.careplan");
    let script = ":goals\n:show O1\n:show G1\n:show M1\n:show I1\n:timeline\n:as-of 2026-11-25\n:goals\n:show O2\n:show M1\n";
    let out = Test::new()
        .file("plan.careplan", &plan)
        .args(["repl", "--today", "2027-03-01", "plan.careplan"])
        .stdin(script)
        .run();
    insta::assert_snapshot!("v2-show", from_line(&out.stdout, "goals as of"));
}

/// v2 entries typed one by one are accepted, and `:goals` shows the
/// objective under its goal as soon as it is added.
#[test]
fn v2_entries_can_be_typed() {
    let script = format!(
        "{PLAN}
objective O1 \"PHQ-9 below 10 for four weeks\" for G1
  measure PHQ-9 baseline 16 target < 10 sustained 4 weeks
  due 2026-12-15

intervention I1 CBT behavioral-activation \"Activity scheduling\" for O1
  frequency 1 per week
  course 12 sessions

session 2026-09-08
  used I1 \"Planned two walks\"
  score PHQ-9 9

session 2026-09-15
  attendance no-show

session 2026-09-29
  used I1 \"Walked three times\"
  score PHQ-9 8

:goals
discharge 2026-10-06 withdrew \"Moved away\"
  status O1 improving
  referral \"GP\"

:goals
:show I1
"
    );
    let out = session(&[], &[], &script);
    for added in [
        "added objective O1 (line 12)",
        "added intervention I1",
        "added session 2026-09-15",
        "added discharge 2026-10-06",
    ] {
        assert!(out.stdout.contains(added), "{added}:\n{}", out.stdout);
    }
    insta::assert_snapshot!("v2-typed", from_line(&out.stdout, "goals as of"));
}

/// An entry added anywhere in a plan (a session back-dated to the day of
/// each dated entry of the examples, so it goes before the next one)
/// leaves the plan, its record and its findings as checking the whole new
/// text does: the entries after it, kept from the parse before, moved.
#[test]
fn an_entry_added_anywhere_reads_as_the_whole_plan_does() {
    let options = careplan::CheckOptions::new(crate::test::TODAY_DATE);
    for (name, text) in crate::fmt::corpus() {
        if !name.contains("examples") {
            continue;
        }
        let dates: Vec<_> = careplan::parse(&text)
            .document
            .entries
            .iter()
            .filter_map(|e| e.date()?.value)
            .collect();
        assert!(dates.len() > 3, "{name} has a record");
        for date in dates {
            let mut session = careplan::session::Session::of_text(text.clone(), options.clone());
            let entry = format!("session {date}\n  note \"Seen\"\n");
            assert!(session.add_entry(&entry).is_ok(), "{name}: {date}");
            let whole = careplan::check(session.text(), &options);
            let added = session.analysis();
            assert_eq!(added.document, whole.document, "{name}: {date}");
            assert_eq!(added.diagnostics, whole.diagnostics, "{name}: {date}");
        }
    }
}
