//! `unused-allow`: an allow comment that silences nothing. The suppression
//! pass reports it (see `crate::suppress`); this file holds its metadata.

use super::RuleMeta;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A `# careplan: allow` comment names a rule with no finding on its line.",
    doc: r#"## What it does
Flags a rule name in a `# careplan: allow NAME` comment when that rule has
no finding on the line the comment covers. At the end of a line the comment
covers that line; alone on its line it covers the next line that is not a
comment. Allows for rules turned `off` in `careplan.toml` are not flagged.

## Why
An allow records a clinical judgement: "this plateau is expected", "consent
was taken verbally and is in the paper record". When the plan changes and
the finding goes away, a stale allow would silently hide the next, different
problem on that line, one that nobody has judged.

## Example
```careplan
session 2026-10-06
  used I2 "Completed the third step"  # careplan: allow missing-response
```
The line records a response, so `missing-response` cannot fire there.

## Fix
Remove the name from the comment, or the whole comment:
```careplan
session 2026-10-06
  used I2 "Completed the third step"
```
"#,
    check: None,
};
