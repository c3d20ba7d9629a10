//! The command interpreter: what the session answers to each entry and
//! `:command`, as text to print.

use super::input::Input;
use super::show;
use super::{Added, Session};
use crate::emit::{Totals, human, plural};
use crate::parse::date;
use crate::rule::Rule;
use crate::suggest::did_you_mean;
use crate::summary;
use std::fmt::Write as _;
use std::path::Path;

/// A command's name, arguments and what it does, for `:help` and completion.
#[derive(Debug)]
pub struct CommandInfo {
    /// The command as typed (`:save`).
    pub name: &'static str,
    /// Its arguments (`[FILE]`).
    pub args: &'static str,
    /// What it does.
    pub help: &'static str,
}

/// Every command, in the order `:help` lists them.
pub const COMMANDS: &[CommandInfo] = &[
    CommandInfo {
        name: ":help",
        args: "",
        help: "this list",
    },
    CommandInfo {
        name: ":load",
        args: "FILE",
        help: "replace the plan with a file's",
    },
    CommandInfo {
        name: ":save",
        args: "[FILE]",
        help: "save the plan, formatted, to its file or to FILE",
    },
    CommandInfo {
        name: ":check",
        args: "",
        help: "every finding about the plan",
    },
    CommandInfo {
        name: ":summary",
        args: "[text|markdown|json]",
        help: "the plan's summary as of the :as-of date",
    },
    CommandInfo {
        name: ":show",
        args: "ID",
        help: "a goal, objective, intervention, medication, measure or concern: its links and history",
    },
    CommandInfo {
        name: ":goals",
        args: "",
        help: "every goal with its objectives and targets as of the :as-of date",
    },
    CommandInfo {
        name: ":timeline",
        args: "",
        help: "the dated entries in date order",
    },
    CommandInfo {
        name: ":as-of",
        args: "[DATE|today]",
        help: "the date :summary, :show and :goals describe (alone: show it)",
    },
    CommandInfo {
        name: ":today",
        args: "[DATE]",
        help: "the date the plan is judged on (alone: show it)",
    },
    CommandInfo {
        name: ":undo",
        args: "",
        help: "remove the last entry added in this session",
    },
    CommandInfo {
        name: ":rules",
        args: "",
        help: "every rule with its code, severity and summary",
    },
    CommandInfo {
        name: ":explain",
        args: "NAME",
        help: "what a rule checks, why, an example and the fix",
    },
    CommandInfo {
        name: ":quit",
        args: "",
        help: "leave (asks once if there are unsaved changes); Ctrl-D too",
    },
];

/// What the session answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reply {
    /// The text to print (each line ends with a line break; findings carry
    /// ANSI colours when the session is styled).
    pub text: String,
    /// Whether the session is over.
    pub quit: bool,
    /// What went wrong, if anything: a script's exit code follows it.
    pub failure: Option<Failure>,
}

/// What went wrong with one input, worst last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Failure {
    /// A command was mistyped or could not do what was asked.
    Command,
    /// An entry was not added: it has syntax errors.
    Rejected,
    /// `:save` failed: the plan's changes are not on disk.
    Unsaved,
}

impl Reply {
    fn say(text: impl Into<String>) -> Reply {
        let mut text = text.into();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        Reply {
            text,
            quit: false,
            failure: None,
        }
    }

    fn error(message: impl std::fmt::Display) -> Reply {
        Reply::say(format!("error: {message}")).failing(Failure::Command)
    }

    fn failing(mut self, failure: Failure) -> Reply {
        self.failure = Some(failure);
        self
    }
}

impl Session {
    /// Answers one complete input: adds an entry, or runs a command.
    pub fn enter(&mut self, input: Input) -> Reply {
        match input {
            Input::Entry(text) => self.entry(&text),
            Input::Command(line) => self.execute(&line),
        }
    }

    /// What to say when the input ends (end of a piped script): the session
    /// is over; unsaved changes are mentioned, not kept.
    pub fn end_of_input(&mut self) -> Reply {
        let mut text = String::new();
        if !self.rejected.is_empty() {
            let _ = writeln!(
                text,
                "{} not added (fix and enter again): {}",
                plural(self.rejected.len(), "entry was", "entries were"),
                self.rejected
                    .iter()
                    .map(|r| format!("`{r}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        if self.is_modified() {
            text.push_str("the input ended: the plan's changes were not saved\n");
        }
        Reply {
            text,
            quit: true,
            failure: None,
        }
    }

    fn entry(&mut self, text: &str) -> Reply {
        self.confirm = None;
        let word = text.trim();
        if let Some(command) = COMMANDS.iter().find(|c| c.name.get(1..) == Some(word)) {
            return Reply::error(format!(
                "`{word}` is not an entry; commands start with a colon: `{}`",
                command.name
            ));
        }
        match self.add_entry(text) {
            Ok(added) => Reply::say(self.added_text(&added)),
            Err(rejected) => {
                let count = rejected.errors.len();
                let mut out = format!(
                    "not added: {}; fix it and enter it again\n",
                    plural(count, "syntax error", "syntax errors")
                );
                out.push_str(&self.render_rejected(&rejected));
                let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
                self.rejected.push(header.trim().to_owned());
                Reply::say(out).failing(Failure::Rejected)
            }
        }
    }

    fn added_text(&self, added: &Added) -> String {
        if added.what == "nothing" {
            return String::new();
        }
        let line = self.line_of(added.span.start);
        let mut out = format!("added {} (line {line})", added.what);
        if added.findings.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, ": {}", counts(&added.findings));
            out.push_str(&self.render(&added.findings));
        }
        for d in &added.resolved {
            let _ = writeln!(
                out,
                "resolved {}[{}] on line {}: {}",
                d.severity,
                d.rule.name(),
                self.line_of(d.span.start),
                d.message
            );
        }
        out
    }

    /// Runs one `:command` line.
    pub fn execute(&mut self, line: &str) -> Reply {
        let line = line.trim();
        let (name, arg) = match line.split_once(char::is_whitespace) {
            Some((name, arg)) => (name, arg.trim()),
            None => (line, ""),
        };
        let confirmed = self.confirm.take().is_some_and(|c| c == line);
        let takes = COMMANDS
            .iter()
            .find(|c| c.name == name)
            .map(|c| !c.args.is_empty());
        if takes == Some(false) && !arg.is_empty() {
            return Reply::error(format!("`{name}` takes no arguments"));
        }
        match name {
            ":help" => Reply::say(help()),
            ":load" => self.load_command(line, arg, confirmed),
            ":save" => self.save_command(arg),
            ":check" => Reply::say(self.check_text()),
            ":summary" => self.summary_command(arg),
            ":show" if arg.is_empty() => Reply::error("`:show` needs an id, as in `:show G1`"),
            ":show" => match show::show(self, arg) {
                Ok(text) => Reply::say(text),
                Err(message) => Reply::error(message),
            },
            ":goals" => Reply::say(show::goals(self)),
            ":timeline" => Reply::say(show::timeline(self)),
            ":as-of" => self.as_of_command(arg),
            ":today" => self.today_command(arg),
            ":undo" => match self.undo() {
                Some(removed) => {
                    let first = removed.lines().find(|l| !l.starts_with('#')).unwrap_or("");
                    Reply::say(format!("removed `{}`", first.trim_end()))
                }
                None => Reply::say("nothing to undo: no entry was added since the plan was loaded"),
            },
            ":rules" => Reply::say(Rule::table()),
            ":explain" => explain(arg),
            ":quit" if self.is_modified() && !confirmed => {
                self.confirm = Some(line.to_owned());
                Reply::say(
                    "the plan has unsaved changes: `:save [FILE]` keeps them; \
                     `:quit` again (or Ctrl-D) leaves without saving",
                )
            }
            ":quit" => Reply {
                text: String::new(),
                quit: true,
                failure: None,
            },
            _ => {
                let hint = did_you_mean(name, COMMANDS.iter().map(|c| c.name))
                    .map_or_else(String::new, |close| format!("did you mean `{close}`? "));
                Reply::error(format!(
                    "unknown command `{name}`: {hint}`:help` lists the commands"
                ))
            }
        }
    }

    fn load_command(&mut self, line: &str, arg: &str, confirmed: bool) -> Reply {
        if arg.is_empty() {
            return Reply::error("`:load` needs a file, as in `:load plans/c-1042.careplan`");
        }
        if self.is_modified() && !confirmed {
            self.confirm = Some(line.to_owned());
            return Reply::say(
                "the plan has unsaved changes: `:save [FILE]` keeps them; \
                 the same `:load` again discards them",
            );
        }
        let path = Path::new(arg);
        match self.load(path) {
            Ok(_) => Reply::say(self.loaded_text(path)),
            Err(error) => Reply::error(error),
        }
    }

    /// Opens `path` as the session's file (see [`Session::open`]) and says
    /// what it holds, or that `:save` will create it.
    pub fn start(&mut self, path: &Path) -> Result<Reply, super::SessionError> {
        Ok(Reply::say(if self.open(path)? {
            self.loaded_text(path)
        } else {
            format!(
                "new plan: {} does not exist yet; `:save` creates it",
                crate::workspace::shown(path)
            )
        }))
    }

    fn loaded_text(&self, path: &Path) -> String {
        let count = self.check().len();
        let entries = self.analysis().document.entries.len();
        let mut out = format!(
            "loaded {}: {}",
            crate::workspace::shown(path),
            plural(entries, "entry", "entries")
        );
        if count == 0 {
            out.push_str(", no findings\n");
        } else {
            let _ = writeln!(out, "; {}", counts(self.check()));
            out.push_str(&self.render(self.check()));
        }
        out
    }

    fn save_command(&mut self, arg: &str) -> Reply {
        let path = (!arg.is_empty()).then(|| Path::new(arg));
        match self.save(path) {
            Ok(saved) if saved.formatted => {
                Reply::say(format!("saved {}", crate::workspace::shown(&saved.path)))
            }
            Ok(saved) => Reply::say(format!(
                "saved {} as written, not formatted: it has syntax errors (`:check` shows them)",
                crate::workspace::shown(&saved.path)
            )),
            Err(error) => Reply::error(error).failing(Failure::Unsaved),
        }
    }

    fn check_text(&self) -> String {
        let mut totals = Totals::default();
        totals.add(self.check());
        let mut out = self.render(self.check());
        let _ = writeln!(out, "{}", human::totals(&totals, 0));
        out
    }

    fn summary_command(&self, arg: &str) -> Reply {
        let summary = self.summary();
        match arg {
            "" | "text" => Reply::say(summary::text::render(&summary)),
            "markdown" => Reply::say(summary::markdown::render(&summary)),
            "json" => Reply::say(summary::json::render(&summary)),
            other => {
                let formats = ["text", "markdown", "json"];
                let hint = did_you_mean(other, formats)
                    .map_or_else(String::new, |close| format!("did you mean `{close}`? "));
                Reply::error(format!(
                    "no summary format `{other}`: {hint}choose text, markdown or json"
                ))
            }
        }
    }

    fn as_of_command(&mut self, arg: &str) -> Reply {
        match arg {
            "" => {}
            "today" => self.set_as_of(None),
            text => match date(text) {
                Ok(d) => self.set_as_of(Some(d)),
                Err(message) => return Reply::error(message),
            },
        }
        let follows = if self.as_of.is_none() {
            " (today's date, as `:today` sets it)"
        } else {
            ""
        };
        Reply::say(format!(
            ":summary, :show and :goals show the plan as of {}{follows}",
            self.as_of()
        ))
    }

    fn today_command(&mut self, arg: &str) -> Reply {
        if !arg.is_empty() {
            match date(arg) {
                Ok(d) => self.set_today(d),
                Err(message) => return Reply::error(message),
            }
            let findings = self.check();
            let found = if findings.is_empty() {
                "no findings".to_owned()
            } else {
                counts(findings)
            };
            return Reply::say(format!(
                "the plan is judged on {} from now on: {found}",
                self.today()
            ));
        }
        Reply::say(format!("the plan is judged on {}", self.today()))
    }
}

fn help() -> String {
    let mut out = String::from(
        "Type entries as in a plan file: the header at column 0, its fields indented below.\n\
         A blank line ends an entry (so does the next column-0 line); it is checked at once,\n\
         and an entry with a syntax error is not added.\n\n",
    );
    let width = COMMANDS
        .iter()
        .map(|c| c.name.len() + c.args.len() + 1)
        .max()
        .unwrap_or(0);
    for c in COMMANDS {
        let usage = format!("{} {}", c.name, c.args);
        let _ = writeln!(out, "  {:width$}  {}", usage.trim_end(), c.help);
    }
    out.push_str(
        "\nTab completes keywords, fields, ids and words (press it again for the next one);\n\
         Ctrl-C drops the entry being typed.\n",
    );
    out
}

fn explain(name: &str) -> Reply {
    if name.is_empty() {
        return Reply::error("`:explain` needs a rule, as in `:explain unlinked-intervention`");
    }
    let Some(rule) = Rule::from_name(name) else {
        let hint = Rule::closest(name).map_or_else(
            || "`:rules` lists them all".to_owned(),
            |close| format!("did you mean `{close}`?"),
        );
        return Reply::error(format!("there is no rule `{name}`: {hint}"));
    };
    Reply::say(rule.explanation())
}

/// `1 error, 2 warnings` for a list of findings (only the kinds present).
fn counts(findings: &[crate::Diagnostic]) -> String {
    let mut totals = Totals::default();
    totals.add(findings);
    let parts = [
        (totals.errors, "error", "errors"),
        (totals.warnings, "warning", "warnings"),
        (totals.infos, "info", "info"),
    ];
    parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| plural(*n, one, many))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CheckOptions;

    fn session() -> Session {
        Session::new(CheckOptions::new(jiff::civil::date(2026, 11, 22)))
    }

    #[test]
    fn quit_warns_once_about_unsaved_changes() {
        let mut s = session();
        assert!(s.execute(":quit").quit, "nothing to lose: quits at once");
        let mut s = session();
        let added = s.enter(Input::Entry("plan \"x\"\n  opened 2026-01-01\n".into()));
        assert!(
            added.text.starts_with("added the plan (line 1)"),
            "{}",
            added.text
        );
        let first = s.execute(":quit");
        assert!(!first.quit && first.text.contains("unsaved"));
        assert!(s.execute(":quit").quit);
        // Anything in between asks again.
        let mut s = session();
        let _ = s.enter(Input::Entry("plan \"x\"\n".into()));
        assert!(!s.execute(":quit").quit);
        let _ = s.execute(":goals");
        assert!(!s.execute(":quit").quit);
    }

    #[test]
    fn unknown_commands_and_arguments() {
        let mut s = session();
        let reply = s.execute(":chek");
        assert!(
            reply.text.contains("did you mean `:check`?"),
            "{}",
            reply.text
        );
        assert!(s.execute(":undo now").text.contains("takes no arguments"));
        assert!(s.execute(":summary xml").text.contains("choose text"));
        assert!(s.execute(":as-of 2026-02-30").text.starts_with("error: "));
        let reply = s.enter(Input::Entry("quit\n".into()));
        assert!(reply.text.contains("`:quit`"), "{}", reply.text);
    }

    #[test]
    fn help_lists_every_command() {
        let text = help();
        for c in COMMANDS {
            assert!(text.contains(c.name), "{}", c.name);
        }
    }
}
