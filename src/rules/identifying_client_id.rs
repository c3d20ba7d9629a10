//! `identifying-client-id`: a `client` id that looks like a name, or does
//! not follow the clinic's id pattern.

use super::Context;
use super::RuleMeta;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "The `client` id looks like a name, or does not match the configured id pattern.",
    doc: r#"## What it does
Flags the plan's `client` id when it looks like a name (it has no digit in
it, as `JaneDoe` or `Smith-J`), or, when `careplan.toml` sets
`client-id-pattern` under `[privacy]`, when it does not match that pattern.

A pattern is the id as written with stand-ins: `#` for one digit, `@` for
one letter, `*` for any run of characters; every other character stands for
itself. `C-####` matches `C-1042`; `@@-######` matches `NW-204118`.

## Why
A plan file names its client only by a pseudonymous id, which the clinical
record system maps to the person, so a file that leaks (in a repository, a
CI log, an export) identifies no one. A name is the first of the HIPAA Safe
Harbor identifiers (45 CFR 164.514(b)(2)(i)(A)); an id that does not follow
the clinic's scheme is often a name, initials or a record number typed in
its place.

## Example
```careplan
plan "Low mood"
  client JaneDoe
  opened 2026-09-01
```

## Fix
Use the pseudonymous id the service gives the client:
```careplan
plan "Low mood"
  client C-1042
  opened 2026-09-01
```
"#,
    check: Some(check),
};

/// A clinic's client-id pattern: `#` one digit, `@` one letter, `*` any run
/// of characters, anything else itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdPattern(String);

impl IdPattern {
    /// The pattern as written; `None` when it is empty.
    pub fn new(pattern: &str) -> Option<IdPattern> {
        (!pattern.is_empty()).then(|| IdPattern(pattern.to_owned()))
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `id` matches the whole pattern.
    pub fn matches(&self, id: &str) -> bool {
        let pattern: Vec<char> = self.0.chars().collect();
        let id: Vec<char> = id.chars().collect();
        matches_at(&pattern, &id)
    }
}

fn matches_at(pattern: &[char], id: &[char]) -> bool {
    match (pattern.split_first(), id.split_first()) {
        (None, None) => true,
        (Some(('*', rest)), _) => {
            (0..=id.len()).any(|skip| id.get(skip..).is_some_and(|tail| matches_at(rest, tail)))
        }
        (Some((p, rest)), Some((c, tail))) => {
            let one = match p {
                '#' => c.is_ascii_digit(),
                '@' => c.is_alphabetic(),
                other => other == c,
            };
            one && matches_at(rest, tail)
        }
        _ => false,
    }
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(client) = cx.document.plan().and_then(|p| p.client.as_ref()) else {
        return;
    };
    let id = client.value.as_str();
    let message = match cx.client_id_pattern {
        Some(pattern) if !pattern.matches(id) => format!(
            "the client id `{id}` does not follow this clinic's pattern `{}`",
            pattern.as_str()
        ),
        Some(_) => return,
        None if !id.chars().any(|c| c.is_ascii_digit()) => {
            format!("the client id `{id}` has no digit in it, so it may be a name")
        }
        None => return,
    };
    out.push(
        Diagnostic::new(Rule::IdentifyingClientId, client.span, message).with_help(
            "use the pseudonymous id your service gives the client (such as `C-1042`), never \
             a name or initials",
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::IdPattern;

    #[test]
    fn patterns_match_whole_ids() {
        let p = IdPattern::new("C-####").expect("a pattern");
        assert!(p.matches("C-1042"));
        assert!(!p.matches("C-104"));
        assert!(!p.matches("C-10421"));
        assert!(!p.matches("c-1042"));
        let q = IdPattern::new("@@-*").expect("a pattern");
        assert!(q.matches("NW-204118"));
        assert!(q.matches("NW-"));
        assert!(!q.matches("N1-2"));
    }
}
