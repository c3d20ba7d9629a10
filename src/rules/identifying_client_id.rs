//! `identifying-client-id`: a `client` id that looks like a name, or does
//! not follow the clinic's id pattern.

use super::Context;
use super::RuleMeta;
use crate::diagnostic::{Diagnostic, mask};
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

    /// Whether `id` matches the whole pattern, in time linear in their
    /// product (no backtracking: `*-*-*-#` on a long id stays fast).
    pub fn matches(&self, id: &str) -> bool {
        let id: Vec<char> = id.chars().collect();
        // `reach[i]`: the pattern read so far can match the first `i` chars.
        let mut reach = vec![false; id.len() + 1];
        if let Some(first) = reach.first_mut() {
            *first = true;
        }
        for p in self.0.chars() {
            let mut next = vec![false; id.len() + 1];
            for i in 0..=id.len() {
                if !reach.get(i).copied().unwrap_or(false) {
                    continue;
                }
                if p == '*' {
                    next.iter_mut().skip(i).for_each(|r| *r = true);
                    break;
                }
                let fits = id.get(i).is_some_and(|c| match p {
                    '#' => c.is_ascii_digit(),
                    '@' => c.is_alphabetic(),
                    other => other == *c,
                });
                if fits && let Some(slot) = next.get_mut(i + 1) {
                    *slot = true;
                }
            }
            reach = next;
        }
        reach.last().copied().unwrap_or(false)
    }
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(client) = cx.document.plan().and_then(|p| p.client.as_ref()) else {
        return;
    };
    let id = client.value.as_str();
    // The id may be a name: it is shown masked, here and in every output.
    let shown = mask(id);
    let message = match cx.client_id_pattern {
        Some(pattern) if !pattern.matches(id) => format!(
            "the client id `{shown}` does not follow this clinic's pattern `{}`",
            pattern.as_str()
        ),
        Some(_) => return,
        None if !id.chars().any(|c| c.is_ascii_digit()) => {
            format!("the client id `{shown}` has no digit in it, so it may be a name")
        }
        None => return,
    };
    out.push(
        Diagnostic::new(Rule::IdentifyingClientId, client.span, message)
            .with_help(
                "use the pseudonymous id your service gives the client (such as `C-1042`), \
                 never a name or initials",
            )
            .concealed(),
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
        let stars = IdPattern::new("*-*-*-*-#").expect("a pattern");
        assert!(!stars.matches(&"a".repeat(3000)), "no backtracking blow-up");
        assert!(stars.matches("a-b-c-d-1"));
    }
}
