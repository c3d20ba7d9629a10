//! Data flows one way: each module of the library uses only the modules
//! below it in [`LAYERS`], so text → parse → AST → interpret → rules →
//! emit, renderers and the REPL, with no loop.

/// The library's modules, lowest first.
const LAYERS: &[&str] = &[
    "span",
    "suggest",
    "words",
    "rule",
    "fix",
    "diagnostic",
    "vocabulary",
    "ast",
    "parse",
    "interpret",
    "catalogue",
    "analytics",
    "suppress",
    "rules",
    "check",
    "workspace",
    "config",
    "template",
    "emit",
    "format",
    "summary",
    "note",
    "export",
    "session",
    "server",
];

/// The modules `text` names as `crate::MODULE`, comments and tests aside.
fn uses(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut found = Vec::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or("");
        for (at, _) in line.match_indices("crate::") {
            let rest = &line[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push(name);
            }
        }
    }
    found
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_uses_only_the_modules_below_it() {
    let src = crate::test::root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for path in files {
        let relative = path.strip_prefix(&src).expect("under src/");
        let top = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .map(|c| c.trim_end_matches(".rs").to_owned())
            .unwrap_or_default();
        // The binary's shell and the crate root stand above everything.
        let Some(level) = LAYERS.iter().position(|l| *l == top) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("source");
        for used in uses(&text) {
            match LAYERS.iter().position(|l| *l == used) {
                Some(other) if other > level => {
                    wrong.push(format!("{} uses crate::{used}", relative.display()));
                }
                _ => {}
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the flow:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_library_module_has_a_layer() {
    let lib = crate::test::repo_file("src/lib.rs");
    for line in lib.lines() {
        if let Some(name) = line
            .strip_prefix("pub mod ")
            .and_then(|l| l.strip_suffix(';'))
        {
            assert!(
                LAYERS.contains(&name),
                "src/lib.rs: `{name}` has no place in LAYERS"
            );
        }
    }
}
