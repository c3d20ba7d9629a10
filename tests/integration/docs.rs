//! docs/rules.md is generated from the rules' own documentation, so the two
//! can never disagree. Run with `UPDATE_DOCS=1` to rewrite it.

use careplan::Rule;
use careplan::catalogue::Catalogue;
use std::fmt::Write as _;

fn rules_markdown() -> String {
    let mut out = String::from(
        "# careplan rules\n\n\
         <!-- Generated from the rules' documentation by `UPDATE_DOCS=1 cargo test docs`; do not edit. -->\n\n\
         Every finding names its rule. Severities are the defaults. `careplan check` exits 1 when any\n\
         finding is an error.\n\n\
         | code | name | severity | finds |\n|---|---|---|---|\n",
    );
    for rule in Rule::ALL {
        let m = rule.meta();
        let _ = writeln!(
            out,
            "| {} | [`{}`](#{}) | {} | {} |",
            rule.code(),
            rule.name(),
            rule.name(),
            rule.default_severity(),
            m.summary
        );
    }
    for rule in Rule::ALL {
        let m = rule.meta();
        let doc = m.doc.replace("\n## ", "\n### ");
        let doc = doc
            .strip_prefix("## ")
            .map_or(doc.clone(), |d| format!("### {d}"));
        let _ = write!(
            out,
            "\n## {}\n\n`{}` · default severity: **{}**\n\n{}\n",
            rule.name(),
            rule.code(),
            rule.default_severity(),
            doc.trim_end()
        );
    }
    out
}

#[test]
fn rules_reference_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let expected = rules_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &expected).expect("write docs/rules.md");
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/rules.md is out of date: run `UPDATE_DOCS=1 cargo test docs` and commit it"
    );
}

fn number(n: f64) -> String {
    format!("{n}")
}

/// The built-in catalogue as Markdown tables.
fn catalogue_markdown() -> String {
    let catalogue = Catalogue::builtin();
    let mut out = String::from(
        "### Measures\n\n| id | name | range | better | severity bands | reliable change | source |\n|---|---|---|---|---|---|---|\n",
    );
    for m in catalogue.measures() {
        let bands: Vec<String> = m
            .bands
            .iter()
            .enumerate()
            .map(|(i, band)| {
                let upper = m.bands.get(i + 1).map_or(m.max, |next| next.from - 1.0);
                format!("{} {}–{}", band.label, number(band.from), number(upper))
            })
            .collect();
        let _ = writeln!(
            out,
            "| `{}` | {} | {}–{} | {} | {} | {} | {} |",
            m.id,
            m.name,
            number(m.min),
            number(m.max),
            m.better,
            if bands.is_empty() {
                "—".to_owned()
            } else {
                bands.join(", ")
            },
            m.reliable_change.map_or("—".to_owned(), number),
            m.source
        );
    }
    out.push_str("\n### Modalities and techniques\n\n| modality | techniques |\n|---|---|\n");
    for m in catalogue.modalities() {
        let techniques: Vec<String> = m.techniques.iter().map(|t| format!("`{t}`")).collect();
        let techniques = if techniques.is_empty() {
            "—".to_owned()
        } else {
            techniques.join(", ")
        };
        let _ = writeln!(out, "| `{}` | {} |", m.name, techniques);
    }
    out
}

#[test]
fn language_reference_catalogue_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/language.md");
    let text = std::fs::read_to_string(path).expect("docs/language.md");
    let (start, end) = ("<!-- catalogue:start -->\n", "<!-- catalogue:end -->");
    let (Some(a), Some(b)) = (text.find(start), text.find(end)) else {
        panic!("docs/language.md lacks the catalogue markers");
    };
    let expected = format!(
        "{}{start}{}{}",
        &text[..a],
        catalogue_markdown(),
        &text[b..]
    );
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &expected).expect("write docs/language.md");
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/language.md's catalogue is out of date: run `UPDATE_DOCS=1 cargo test docs` and commit it"
    );
}
