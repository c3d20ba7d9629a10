//! A fluent builder that runs the real `careplan` binary in a temporary
//! directory holding the files a test writes.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use tempfile::TempDir;

/// The date every test judges plans on, as the command line takes it.
pub const TODAY: &str = "2026-11-22";
/// [`TODAY`] as a date, for tests of the library.
pub const TODAY_DATE: jiff::civil::Date = jiff::civil::date(2026, 11, 22);

/// One run of the binary: its files, arguments and input.
pub struct Test {
    dir: TempDir,
    args: Vec<String>,
    stdin: Vec<u8>,
    env: Vec<(String, String)>,
}

/// What a run printed and how it ended.
pub struct Output {
    /// The exit code.
    pub status: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// The temporary directory the run used (kept alive for inspection).
    dir: TempDir,
}

/// A fresh, empty directory for a test, under cargo's target folder rather
/// than the system's: careplan looks for `careplan.toml` in every folder
/// above a plan, and a stray one in `/tmp` would change what tests see.
pub fn scratch() -> TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temporary directory")
}

impl Test {
    /// A run in a fresh, empty temporary directory.
    pub fn new() -> Self {
        Test {
            dir: scratch(),
            args: Vec::new(),
            stdin: Vec::new(),
            env: Vec::new(),
        }
    }

    /// Writes `contents` to `path` (relative to the directory), creating folders.
    pub fn file(self, path: &str, contents: impl AsRef<[u8]>) -> Self {
        let full = self.dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(full, contents).expect("write test file");
        self
    }

    /// Adds command-line arguments.
    pub fn args<I: IntoIterator<Item = S>, S: Into<String>>(mut self, args: I) -> Self {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// The temporary directory's path, before the run.
    pub fn root(&self) -> &std::path::Path {
        self.dir.path()
    }

    /// Feeds `input` to standard input.
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Self {
        self.stdin = input.into();
        self
    }

    /// Sets an environment variable for the run.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    /// Runs the binary and collects its output.
    pub fn run(self) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_careplan"));
        command
            .args(&self.args)
            .current_dir(self.dir.path())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in &self.env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("run careplan");
        if let Some(mut pipe) = child.stdin.take() {
            pipe.write_all(&self.stdin).expect("write stdin");
        }
        let out = child.wait_with_output().expect("careplan finishes");
        Output {
            status: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            dir: self.dir,
        }
    }
}

impl Output {
    /// Asserts the exit code, showing the output when it differs.
    pub fn status(self, expected: i32) -> Self {
        assert_eq!(
            self.status, expected,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Another run in the same directory, seeing what this one left there.
    pub fn again(self) -> Test {
        Test {
            dir: self.dir,
            args: Vec::new(),
            stdin: Vec::new(),
            env: Vec::new(),
        }
    }

    /// A path inside the run's directory.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// The text of a file in the run's directory.
    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).expect("file in the test directory")
    }
}

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file of the repository, read as text.
pub fn repo_file(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative)).expect("repository file")
}

/// The headless browser the HTML tests render pages in; `None` (the test
/// then passes, saying it skipped) when none is installed, unless
/// CAREPLAN_REQUIRE_BROWSER is set (as `.ci/run` does after installing it).
pub fn browser() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    if found.is_none() {
        assert!(
            std::env::var_os("CAREPLAN_REQUIRE_BROWSER").is_none(),
            "CAREPLAN_REQUIRE_BROWSER is set but no Chromium was found"
        );
        eprintln!("skipped: no Chromium on this machine (.ci/run installs it)");
    }
    found
}

/// Renders `html` in headless `browser` with networking off: returns the
/// DOM after rendering and writes a screenshot to `shot` (for people to
/// look at), asserting it is not empty.
pub fn render_page(browser: &str, html: &str, shot: &std::path::Path) -> String {
    let dir = scratch();
    let page = dir.path().join("page.html");
    std::fs::write(&page, html).expect("write page");
    let url = format!("file://{}", page.display());
    let run = |extra: &[String]| {
        let mut command = Command::new(browser);
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
    let dom = String::from_utf8_lossy(&dom.stdout).into_owned();
    run(&[format!("--screenshot={}", shot.display())]);
    let size = std::fs::metadata(shot).map_or(0, |m| m.len());
    assert!(
        size > 10_000,
        "{}: the screenshot is empty ({size} bytes)",
        shot.display()
    );
    dom
}
