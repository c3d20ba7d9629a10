//! `syntax`: a line the parser cannot read. The parser reports it; this file
//! holds the rule's metadata and documentation.

use super::RuleMeta;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "A line is not written the way careplan reads it.",
    doc: r#"## What it does
Reports a line careplan cannot read: an unknown entry or field, a missing
word (such as `baseline` in a goal's `measure` line), an unclosed string, an
unknown status or stage word, or a field under an entry that cannot hold it.
The finding gives the line and column, says what was expected there, and shows
how the line is written.

Only the unreadable line is lost: a bad field line skips that line, a bad
entry header skips that entry, and careplan reads on from the next entry.

## Why
A line careplan cannot read is a line no one can rely on: the goal, score or
status it records is missing from the plan's history, from every other check
and from exports. Fixing it keeps the record complete.

This rule is always an error: `careplan.toml` cannot turn it off or lower it,
and an allow comment cannot silence it, because nothing in the text it
reports was checked.

## Example
```careplan
goal G1 "Lift low mood" for mood
  measure PHQ-9 16 target < 5
```
The `measure` line lacks the word `baseline`.

## Fix
Write the line as the help shows:
```careplan
goal G1 "Lift low mood" for mood
  measure PHQ-9 baseline 16 target < 5
```
"#,
    check: None,
};
