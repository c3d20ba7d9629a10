//! Tells the tests which real components this machine has (Chromium for the
//! HTML summary, tmux for the REPL at a terminal), so that `cargo test`
//! reports a test whose component is missing as ignored, with the reason
//! and the install command, instead of passing without having run. With
//! `CAREPLAN_REQUIRE_BROWSER` or `CAREPLAN_REQUIRE_TMUX` set (as `.ci/run`
//! sets them), the test runs regardless and fails if the component is
//! missing. The library and the binary are not affected.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=PATH");
    for (cfg, required, programs) in [
        (
            "careplan_no_chromium",
            "CAREPLAN_REQUIRE_BROWSER",
            &["chromium", "chromium-browser", "google-chrome"][..],
        ),
        ("careplan_no_tmux", "CAREPLAN_REQUIRE_TMUX", &["tmux"][..]),
    ] {
        println!("cargo::rerun-if-env-changed={required}");
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        if std::env::var_os(required).is_none() && !programs.iter().any(|p| on_path(p)) {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}

/// Whether an executable called `program` is in a folder of `PATH`.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}
