//! Reading a session's input: lines of text into complete entries and
//! commands, the same way at a terminal and from a pipe.
//!
//! An entry is typed exactly as in a file, and it stays open while more of it
//! may follow. It ends
//!
//! - at a blank line;
//! - at a new column-0 line: a new entry (which stays open in its turn) or a
//!   `:command`. Column-0 comment lines directly above a new entry go with
//!   it, as in a file; a column-0 comment never ends an entry by itself;
//! - at the end of the input.
//!
//! A line inside an unclosed `"""` string never ends anything: the string's
//! text is taken as written, blank lines and column-0 lines included. A
//! `:command` at column 0 is complete at once; it is one line.
//!
//! So a header alone stays open until a blank line (its fields may follow),
//! and `:check` runs as soon as it is entered.

/// One complete piece of input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// An entry (with any comment lines above it) as written in a file,
    /// ending with a line break.
    Entry(String),
    /// A command line starting with `:`, without its line break and trailing spaces.
    Command(String),
}

/// Collects lines into complete [`Input`]s.
///
/// ```
/// use careplan::session::{Assembler, Input};
/// let mut input = Assembler::default();
/// assert!(input.push("goal G1 \"Fewer panic attacks\"").is_empty());
/// assert!(input.push("  due 2027-01-15").is_empty());
/// let done = input.push("");
/// assert_eq!(done, [Input::Entry("goal G1 \"Fewer panic attacks\"\n  due 2027-01-15\n".into())]);
/// assert_eq!(input.push(":check"), [Input::Command(":check".into())]);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Assembler {
    /// The lines of the entry being typed.
    lines: Vec<String>,
    /// Whether the last line left a `"""` string open.
    in_string: bool,
    /// Whether the pending lines hold more than comments.
    has_content: bool,
}

impl Assembler {
    /// Takes one line (without its line break; a trailing `\r` is dropped)
    /// and returns the inputs it completes, in order: none, the entry it
    /// ends, a command, or both.
    pub fn push(&mut self, line: &str) -> Vec<Input> {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut out = Vec::new();
        if self.in_string {
            self.lines.push(line.to_owned());
            self.in_string = open_string_after(line, true);
            return out;
        }
        if line.trim().is_empty() {
            if !self.lines.is_empty() {
                out.push(self.take());
            }
            return out;
        }
        let column0 = !line.starts_with([' ', '\t']);
        if column0 && line.starts_with(':') {
            if !self.lines.is_empty() {
                out.push(self.take());
            }
            out.push(Input::Command(line.trim_end().to_owned()));
            return out;
        }
        let comment = line.trim_start().starts_with('#');
        if column0 && !comment && self.has_content {
            // A new entry starts. The column-0 comments right above it are its own.
            let keep = self
                .lines
                .iter()
                .rev()
                .take_while(|l| l.starts_with('#'))
                .count();
            let carried = self.lines.split_off(self.lines.len() - keep);
            out.push(self.take());
            self.lines = carried;
        }
        self.lines.push(line.to_owned());
        self.has_content |= !comment;
        self.in_string = open_string_after(line, false);
        out
    }

    /// Ends the input: the entry still open, if any.
    pub fn finish(&mut self) -> Vec<Input> {
        if self.lines.is_empty() {
            Vec::new()
        } else {
            vec![self.take()]
        }
    }

    /// The text of the entry still open (each line with its line break), or
    /// `""` when nothing is pending.
    pub fn pending(&self) -> String {
        join(&self.lines)
    }

    /// Whether no entry is open.
    pub fn is_idle(&self) -> bool {
        self.lines.is_empty()
    }

    fn take(&mut self) -> Input {
        let text = join(&self.lines);
        self.lines.clear();
        self.in_string = false;
        self.has_content = false;
        Input::Entry(text)
    }
}

fn join(lines: &[String]) -> String {
    let mut text = String::new();
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// Splits an edited buffer (lines separated by `\n`, the last one just
/// entered) into the inputs it completes and the text still open.
///
/// ```
/// use careplan::session::{split, Input};
/// let (done, open) = split("goal G1 \"Sleep\"\n  due 2027-01-15\nsession 2026-10-01");
/// assert_eq!(done, [Input::Entry("goal G1 \"Sleep\"\n  due 2027-01-15\n".into())]);
/// assert_eq!(open, "session 2026-10-01\n");
/// ```
pub fn split(buffer: &str) -> (Vec<Input>, String) {
    let mut assembler = Assembler::default();
    let mut done = Vec::new();
    for line in buffer.split('\n') {
        done.extend(assembler.push(line));
    }
    (done, assembler.pending())
}

/// Whether pressing Enter at the end of `buffer` submits it: it completes
/// an entry or a command, or it holds nothing at all. A header alone, an
/// entry whose last line is a field, and an unclosed `"""` string are
/// incomplete: Enter starts a new line.
pub fn is_complete(buffer: &str) -> bool {
    let (done, open) = split(buffer);
    !done.is_empty() || open.is_empty()
}

/// Whether a `"""` string is open at the end of `line`, given whether one
/// was open at its start. `"..."` strings end at the line's end; `#` outside
/// strings starts a comment.
pub(crate) fn open_string_after(line: &str, open: bool) -> bool {
    let mut open = open;
    let mut rest = line;
    loop {
        if open {
            match rest.find("\"\"\"") {
                Some(at) => {
                    rest = rest.get(at + 3..).unwrap_or("");
                    open = false;
                }
                None => return true,
            }
        }
        let Some(at) = rest.find(['"', '#']) else {
            return false;
        };
        let tail = rest.get(at..).unwrap_or("");
        if tail.starts_with('#') {
            return false;
        }
        if let Some(after) = tail.strip_prefix("\"\"\"") {
            rest = after;
            open = true;
            continue;
        }
        // A one-line string: skip to its closing quote, or the line's end.
        let body = tail.get(1..).unwrap_or("");
        let mut escaped = false;
        let mut close = None;
        for (i, c) in body.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    close = Some(i);
                    break;
                }
                _ => {}
            }
        }
        match close {
            Some(i) => rest = body.get(i + 1..).unwrap_or(""),
            None => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str) -> Input {
        Input::Entry(text.to_owned())
    }

    fn feed(lines: &[&str]) -> Vec<Input> {
        let mut a = Assembler::default();
        let mut out = Vec::new();
        for line in lines {
            out.extend(a.push(line));
        }
        out.extend(a.finish());
        out
    }

    #[test]
    fn a_header_waits_for_a_blank_line() {
        let mut a = Assembler::default();
        assert!(a.push("session 2026-10-01").is_empty());
        assert!(!a.is_idle());
        assert_eq!(a.push(""), [entry("session 2026-10-01\n")]);
        assert!(a.is_idle());
        assert!(
            a.push("   ").is_empty(),
            "a blank line with nothing open is nothing"
        );
    }

    #[test]
    fn a_new_column0_line_ends_the_entry_and_keeps_its_comments() {
        let out = feed(&[
            "goal G1 \"a\"",
            "  due 2027-01-01",
            "# about G2",
            "goal G2 \"b\"",
            "goal G3 \"c\"",
        ]);
        assert_eq!(
            out,
            [
                entry("goal G1 \"a\"\n  due 2027-01-01\n"),
                entry("# about G2\ngoal G2 \"b\"\n"),
                entry("goal G3 \"c\"\n"),
            ]
        );
    }

    #[test]
    fn commands_are_complete_at_once_and_end_an_open_entry() {
        let out = feed(&["plan \"x\"", "  opened 2026-01-01", ":check  ", ":quit"]);
        assert_eq!(
            out,
            [
                entry("plan \"x\"\n  opened 2026-01-01\n"),
                Input::Command(":check".into()),
                Input::Command(":quit".into()),
            ]
        );
        // Indented, it is not a command.
        assert_eq!(feed(&["  :check"]), [entry("  :check\n")]);
    }

    #[test]
    fn an_open_triple_string_keeps_blank_and_column0_lines() {
        let out = feed(&[
            "session 2026-10-06",
            "  note \"\"\"",
            "",
            "goal is not a header here",
            "  \"\"\" # closed",
            "  used I1",
            "",
        ]);
        assert_eq!(
            out,
            [entry(
                "session 2026-10-06\n  note \"\"\"\n\ngoal is not a header here\n  \"\"\" # closed\n  used I1\n"
            )]
        );
    }

    #[test]
    fn strings_and_comments_do_not_open_triple_strings() {
        assert!(!open_string_after(r#"  note "say \"\"\" x""#, false));
        assert!(!open_string_after("  # a comment with \"\"\"", false));
        assert!(open_string_after("  note \"\"\"start", false));
        assert!(!open_string_after("  note \"\"\"one line\"\"\"", false));
        assert!(!open_string_after("end\"\"\" ", true));
        assert!(open_string_after("still inside", true));
    }

    #[test]
    fn the_validator_view_of_a_buffer() {
        assert!(is_complete(""));
        assert!(is_complete(":help"));
        assert!(!is_complete("goal G1 \"a\""));
        assert!(!is_complete("goal G1 \"a\"\n  due 2027-01-01"));
        assert!(is_complete("goal G1 \"a\"\n  due 2027-01-01\n"));
        assert!(is_complete("goal G1 \"a\"\nsession 2026-01-01"));
        assert!(!is_complete("session 2026-01-01\n  note \"\"\"\n"));
        assert!(!is_complete("# a comment"));
        let (done, open) = split("goal G1 \"a\"\n:goals");
        assert_eq!(
            done,
            [entry("goal G1 \"a\"\n"), Input::Command(":goals".into())]
        );
        assert_eq!(open, "");
    }
}
