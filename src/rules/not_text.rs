//! `not-text`: the file is not UTF-8 text. The command line reports it when
//! it reads a file; this file holds the rule's metadata and documentation.

use super::RuleMeta;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "The file is not plain UTF-8 text.",
    doc: r#"## What it does
Flags a `.careplan` file that is not plain text in UTF-8: most often a
word-processor document (Word, Pages, RTF) or a PDF saved with a `.careplan`
name, or a text file saved in an older encoding. The finding points at the
first character that is not UTF-8 (shown as `�`) or at the first NUL.

## Why
careplan reads plain text only. A word-processor file holds its words inside
formatting data, so nothing in it can be read or checked, and the plan would
silently go unchecked.

This rule is always an error: `careplan.toml` cannot turn it off or lower it,
and an allow comment cannot silence it, because nothing in the text it
reports was checked.

## Example
A file `c-1042.careplan` that was written in a word processor and saved in
its own format. Opened in a plain-text editor it shows unreadable characters
instead of lines such as:
```careplan
plan "Panic disorder with agoraphobia"
  opened 2026-09-01
```

## Fix
Open the file in a plain-text editor (or choose "Save as plain text" in the
word processor), select the UTF-8 encoding, and save it again under the
`.careplan` name.
"#,
    check: None,
};
