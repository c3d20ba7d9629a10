//! Tab completion by context: what may be typed where the cursor stands.
//!
//! | where | candidates |
//! |---|---|
//! | column 0, first word | entry keywords; commands after `:` |
//! | an indented line, first word | the fields of the entry being typed |
//! | `goal ID "…" for …` | concerns |
//! | `objective ID "…" for …` | goals |
//! | `intervention ID …` | modalities, then the modality's techniques, then goals and objectives after `for` |
//! | `medication ID …` | drugs, then goals and objectives after `for` |
//! | `event DATE`, `discharge DATE` | event kinds, discharge types |
//! | `used`, `stop` | interventions and medications |
//! | `dose` in a session or review | medications |
//! | `progress`, `status`, `revise` | goals and objectives (and interventions for `revise`); then statuses after `status ID`; `target`/`due` after `revise GOAL`, `course` after `revise INTERVENTION`; the goal's measures after `revise GOAL target` |
//! | `score`, a goal's or objective's `measure` | measures; then `baseline`, `target`, `sustained` and its units |
//! | `stage`, `risk`, `care`, `format`, `attendance`, `frequency` (`N per week`), `course` (`N sessions`), … | the words of the value set at that place ([`super::sets`]) |
//! | `:explain`, `:show`, `:summary` | rule names, ids, formats |
//! | `:load`, `:save` | folders and `*.careplan` files |

use super::Session;
use super::commands::COMMANDS;
use super::sets;
use super::tokens::{Kind, Token, tokens};
use crate::rule::Rule;
use crate::vocabulary::{self, ENTRIES, FIELDS};
use std::path::Path;

/// What a completion offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    /// Nothing fits here (inside a string or comment, or a free value).
    Nothing,
    /// Entry keywords at column 0.
    Entry,
    /// Field keywords of the entry being typed.
    Field,
    /// REPL commands.
    Command,
    /// Ids the plan defines (goals, interventions, measures, concerns).
    Id,
    /// Words of a closed set (statuses, stages, modalities, `for`, ...).
    Word,
    /// Rule names.
    Rule,
    /// File paths.
    Path,
}

/// The candidates for the word before the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// Where the word being completed starts (a byte offset in the text
    /// given); a candidate replaces the text from here to the cursor.
    pub start: usize,
    /// What the candidates are.
    pub kind: CompletionKind,
    /// Every candidate that starts with the word typed so far (matched
    /// case-insensitively when none matches exactly), in a useful order.
    pub candidates: Vec<String>,
}

impl Completion {
    /// What all candidates share beyond the word typed so far: the text a
    /// hint can show after the cursor.
    pub fn common_rest(&self, typed: &str) -> Option<String> {
        let first = self.candidates.first()?;
        let mut common = first.len();
        for other in self.candidates.iter().skip(1) {
            common = common.min(
                first
                    .char_indices()
                    .zip(other.chars())
                    .find(|((_, a), b)| a != b)
                    .map_or(first.len().min(other.len()), |((i, _), _)| i),
            );
        }
        let shared = first.get(..common)?;
        let rest = shared.strip_prefix(typed)?;
        (!rest.is_empty()).then(|| rest.to_owned())
    }
}

/// Completes the word before the cursor. `before` is all the text typed so
/// far up to the cursor: at a terminal, the whole entry being edited, so the
/// entry a field belongs to is known.
///
/// ```
/// use careplan::CheckOptions;
/// use careplan::session::{Session, complete};
/// let mut session = Session::new(CheckOptions::new(jiff::civil::date(2026, 11, 22)));
/// session.add_entry("goal G1 \"Fewer panic attacks\"\n").unwrap();
/// let completion = complete("intervention I1 CBT \"Restructuring\" for G", &session);
/// assert_eq!(completion.candidates, ["G1"]);
/// ```
pub fn complete(before: &str, session: &Session) -> Completion {
    let all = tokens(before);
    let (word, start) = match all.last() {
        Some(t) if matches!(t.kind, Kind::Str | Kind::Comment) && t.range.end == before.len() => {
            if t.open || t.kind == Kind::Comment {
                return nothing(before.len());
            }
            ("", before.len())
        }
        Some(t) if t.kind == Kind::Word && t.range.end == before.len() => {
            (t.text(before), t.range.start)
        }
        _ => ("", before.len()),
    };
    let line = before.matches('\n').count();
    let current: Vec<&Token> = all
        .iter()
        .filter(|t| t.line == line && t.range.start < start)
        .collect();
    let line_text = before.rsplit('\n').next().unwrap_or("");
    let indented = line_text.starts_with([' ', '\t']);
    let words: Vec<&str> = current.iter().map(|t| t.text(before)).collect();
    let (kind, candidates) = if !indented && (word.starts_with(':') || line_text.starts_with(':')) {
        command(&words, word)
    } else if indented {
        field(&words, entry_keyword(&all, before, line), session)
    } else {
        header(&current, before, session)
    };
    Completion {
        start,
        kind,
        candidates: filter(candidates, word),
    }
}

fn nothing(at: usize) -> Completion {
    Completion {
        start: at,
        kind: CompletionKind::Nothing,
        candidates: Vec::new(),
    }
}

/// Keeps the candidates that start with `word`, exactly or else ignoring case.
fn filter(candidates: Vec<String>, word: &str) -> Vec<String> {
    let mut seen = foldhash::HashSet::default();
    let unique: Vec<String> = candidates
        .into_iter()
        .filter(|c| seen.insert(c.clone()))
        .collect();
    let exact: Vec<String> = unique
        .iter()
        .filter(|c| c.starts_with(word))
        .cloned()
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    let lower = word.to_lowercase();
    unique
        .into_iter()
        .filter(|c| c.to_lowercase().starts_with(&lower))
        .collect()
}

fn owned(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| (*w).to_owned()).collect()
}

/// The keyword of the entry the cursor's line belongs to: the nearest
/// column-0 word starting a line above it.
fn entry_keyword<'a>(all: &[Token], before: &'a str, line: usize) -> Option<&'a str> {
    all.iter()
        .rev()
        .filter(|t| t.line < line && t.first && !t.indented && t.kind == Kind::Word)
        .map(|t| t.text(before))
        .find(|w| !w.starts_with(':'))
}

fn command(words: &[&str], word: &str) -> (CompletionKind, Vec<String>) {
    let Some(name) = words.first() else {
        let names = COMMANDS.iter().map(|c| c.name.to_owned()).collect();
        return (CompletionKind::Command, names);
    };
    if words.len() > 1 {
        return (CompletionKind::Nothing, Vec::new());
    }
    match *name {
        ":explain" => (
            CompletionKind::Rule,
            Rule::ALL.iter().map(|r| r.name().to_owned()).collect(),
        ),
        ":load" | ":save" => (CompletionKind::Path, paths(word)),
        ":summary" => (CompletionKind::Word, owned(&["text", "markdown", "json"])),
        ":as-of" => (CompletionKind::Word, owned(&["today"])),
        _ => (CompletionKind::Nothing, Vec::new()),
    }
}

/// Words after the header's keyword, for an entry being typed at column 0.
fn header(current: &[&Token], before: &str, session: &Session) -> (CompletionKind, Vec<String>) {
    let Some(keyword) = current.first().map(|t| t.text(before)) else {
        let keywords = ENTRIES.iter().map(|e| e.keyword.to_owned()).collect();
        return (CompletionKind::Entry, keywords);
    };
    let ids = Ids::of(session);
    let for_at = current
        .iter()
        .position(|t| t.kind == Kind::Word && t.text(before) == "for");
    if let Some(at) = for_at {
        // After `for`, ids separated by commas: complete right after `for` or a comma.
        let last = current.last().map(|t| (t.kind, t.text(before)));
        let expects_id = current.len() == at + 1 || matches!(last, Some((Kind::Comma, _)));
        if !expects_id {
            return (CompletionKind::Nothing, Vec::new());
        }
        return match keyword {
            "goal" => (CompletionKind::Id, ids.concerns),
            "objective" => (CompletionKind::Id, ids.goals),
            "intervention" | "medication" => (CompletionKind::Id, ids.aims()),
            _ => (CompletionKind::Nothing, Vec::new()),
        };
    }
    let after_string = current.last().is_some_and(|t| t.kind == Kind::Str);
    let position = current.len();
    let catalogue = &session.options().catalogue;
    let words: Vec<&str> = current.iter().map(|t| t.text(before)).collect();
    if let Some(set) = sets::next(None, &words) {
        return (CompletionKind::Word, owned(set));
    }
    match (keyword, position) {
        ("goal" | "objective", _) if after_string => (CompletionKind::Word, owned(&["for"])),
        ("intervention", 2) => (
            CompletionKind::Word,
            catalogue
                .modalities()
                .iter()
                .map(|m| m.name.clone())
                .collect(),
        ),
        ("intervention", 3) => {
            let modality = current.get(2).map_or("", |t| t.text(before));
            let mut words: Vec<String> = catalogue
                .modality(modality)
                .map(|m| m.techniques.clone())
                .unwrap_or_default();
            words.push("for".to_owned());
            (CompletionKind::Word, words)
        }
        ("intervention", 4..) => (CompletionKind::Word, owned(&["for"])),
        ("medication", 2) => (
            CompletionKind::Word,
            catalogue.drugs().iter().map(|d| d.name.clone()).collect(),
        ),
        ("medication", 3..) => (CompletionKind::Word, owned(&["for"])),
        _ => (CompletionKind::Nothing, Vec::new()),
    }
}

/// The words of a field line inside an entry.
fn field(words: &[&str], entry: Option<&str>, session: &Session) -> (CompletionKind, Vec<String>) {
    let Some(keyword) = words.first() else {
        let fields: Vec<String> = match entry.filter(|e| vocabulary::entry(e).is_some()) {
            Some(entry) => vocabulary::fields_of(entry).map(str::to_owned).collect(),
            None => FIELDS.iter().map(|f| f.keyword.to_owned()).collect(),
        };
        return (CompletionKind::Field, fields);
    };
    if let Some(set) = sets::next(Some(entry.unwrap_or("")), words) {
        return (CompletionKind::Word, owned(set));
    }
    let ids = Ids::of(session);
    let position = words.len();
    let set = |words: &[&str]| (CompletionKind::Word, owned(words));
    let document = &session.analysis().document;
    let named = words.get(1).copied().unwrap_or("");
    match (*keyword, position) {
        ("used" | "stop", 1) => (CompletionKind::Id, ids.treatments),
        ("dose", 1) if matches!(entry, Some("session" | "review")) => {
            (CompletionKind::Id, ids.medications)
        }
        ("progress" | "status", 1) => (CompletionKind::Id, ids.aims()),
        ("revise", 1) => {
            let mut ids_here = ids.aims();
            ids_here.extend(ids.interventions);
            (CompletionKind::Id, ids_here)
        }
        // A course is an intervention's; a target and a due date, a goal's.
        ("revise", 2) if document.interventions().any(|i| i.id.value == named) => set(&["course"]),
        ("revise", 2) => set(&["target", "due"]),
        // The measure whose target changes, when the goal has several.
        ("revise", 3) if words.get(2) == Some(&"target") => (
            CompletionKind::Id,
            document
                .aims()
                .find(|a| a.id().value == named)
                .map(|a| {
                    a.measures()
                        .iter()
                        .map(|m| m.measure.value.to_string())
                        .collect()
                })
                .unwrap_or_default(),
        ),
        ("score", 1) => (CompletionKind::Id, ids.measures),
        ("measure", 1) if matches!(entry, Some("goal" | "objective")) => {
            (CompletionKind::Id, ids.measures)
        }
        ("orientation", 1) => (
            CompletionKind::Word,
            session
                .options()
                .catalogue
                .modalities()
                .iter()
                .map(|m| m.name.clone())
                .collect(),
        ),
        _ => (CompletionKind::Nothing, Vec::new()),
    }
}

/// The ids a plan defines, by what they name, in file order.
struct Ids {
    goals: Vec<String>,
    objectives: Vec<String>,
    interventions: Vec<String>,
    medications: Vec<String>,
    treatments: Vec<String>,
    measures: Vec<String>,
    concerns: Vec<String>,
}

impl Ids {
    fn of(session: &Session) -> Ids {
        let document = &session.analysis().document;
        let ids = |it: &mut dyn Iterator<Item = &crate::ast::Name>| {
            it.map(|n| n.to_string()).collect::<Vec<_>>()
        };
        let measures = session.options().catalogue.measures_for(document);
        let interventions = ids(&mut document.interventions().map(|i| &i.id.value));
        let medications = ids(&mut document.medications().map(|m| &m.id.value));
        Ids {
            goals: ids(&mut document.goals().map(|g| &g.id.value)),
            objectives: ids(&mut document.objectives().map(|o| &o.id.value)),
            treatments: interventions.iter().chain(&medications).cloned().collect(),
            interventions,
            medications,
            measures: measures.iter().map(|m| m.id.clone()).collect(),
            concerns: ids(&mut document.concerns().map(|c| &c.id.value)),
        }
    }

    /// Goals, then objectives: what `for`, `status` and `revise` name.
    fn aims(&self) -> Vec<String> {
        self.goals.iter().chain(&self.objectives).cloned().collect()
    }
}

/// Folders and `*.careplan` files whose path starts with `word`.
fn paths(word: &str) -> Vec<String> {
    let (dir, prefix) = match word.rfind('/') {
        Some(at) => (
            word.get(..=at).unwrap_or(""),
            word.get(at + 1..).unwrap_or(""),
        ),
        None => ("", word),
    };
    let listing = if dir.is_empty() { "." } else { dir };
    let Ok(entries) = std::fs::read_dir(Path::new(listing)) else {
        return Vec::new();
    };
    let mut found: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            if !name.starts_with(prefix) || (name.starts_with('.') && !prefix.starts_with('.')) {
                return None;
            }
            let is_dir = entry.path().is_dir();
            let plan = Path::new(&name)
                .extension()
                .is_some_and(|e| e == crate::workspace::EXTENSION);
            if is_dir {
                Some(format!("{dir}{name}/"))
            } else if plan {
                Some(format!("{dir}{name}"))
            } else {
                None
            }
        })
        .collect();
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CheckOptions;

    fn session() -> Session {
        let mut session = Session::new(CheckOptions::new(jiff::civil::date(2026, 11, 22)));
        let plan = "plan \"Panic\"\n  opened 2026-09-01\n\n\
                    concern panic \"Attacks\"\n\nconcern mood \"Low\"\n\n\
                    goal G1 \"Fewer attacks\" for panic\n  measure PHQ-9 baseline 16 target < 5\n\n\
                    goal G2 \"Back to work\" for mood\n\n\
                    measure attacks \"Attacks a week\"\n\n\
                    intervention I1 exposure interoceptive \"Drills\" for G1\n\n\
                    medication M1 sertraline for G1\n";
        for entry in plan.split("\n\n") {
            assert!(session.add_entry(entry).is_ok(), "{entry}");
        }
        session
    }

    fn candidates(before: &str) -> Vec<String> {
        complete(before, &session()).candidates
    }

    #[test]
    fn entry_keywords_at_column_0_and_commands_after_a_colon() {
        assert_eq!(candidates("se"), ["session"]);
        assert_eq!(candidates("").len(), ENTRIES.len());
        assert_eq!(candidates(":s"), [":save", ":summary", ":show"]);
        assert_eq!(candidates(":ex"), [":explain"]);
        let done = complete("goal G1 \"x\"\n  due 2027-01-01\nsa", &session());
        assert_eq!(
            (done.kind, done.candidates),
            (CompletionKind::Entry, vec!["safety-plan".to_owned()])
        );
    }

    #[test]
    fn fields_of_the_entry_being_typed() {
        assert_eq!(candidates("session 2026-10-01\n  s"), ["score"]);
        assert_eq!(
            candidates("review 2026-10-01\n  s"),
            ["stage", "status", "stop"]
        );
        let all = candidates("medication M2 sertraline for G1\n  # dose below\n  ");
        assert_eq!(
            all,
            [
                "prescriber",
                "consent",
                "dose",
                "started",
                "stopped",
                "monitor"
            ]
        );
        // No entry above: every field.
        assert_eq!(candidates("  ").len(), FIELDS.len());
    }

    #[test]
    fn ids_where_ids_are_expected() {
        assert_eq!(candidates("intervention I2 CBT \"x\" for "), ["G1", "G2"]);
        assert_eq!(candidates("intervention I2 CBT for G1, g"), ["G1", "G2"]);
        assert_eq!(candidates("medication M2 sertraline for G"), ["G1", "G2"]);
        assert_eq!(candidates("goal G3 \"x\" for "), ["panic", "mood"]);
        assert_eq!(candidates("session 2026-10-01\n  used "), ["I1", "M1"]);
        assert_eq!(candidates("review 2026-10-01\n  stop M"), ["M1"]);
        assert_eq!(candidates("session 2026-10-01\n  progress G"), ["G1", "G2"]);
        assert_eq!(
            candidates("review 2026-10-01\n  revise G2 "),
            ["target", "due"]
        );
        let scores = candidates("session 2026-10-01\n  score ");
        assert_eq!(scores.first().map(String::as_str), Some("attacks"));
        assert!(scores.contains(&"PHQ-9".to_owned()));
        assert_eq!(
            candidates("goal G3 \"x\"\n  measure PH"),
            ["PHQ-9", "PHQ-9-item9", "PHQ-2"]
        );
        let completion = complete("session 2026-10-01\n  used I", &session());
        assert_eq!(
            (completion.start, completion.kind),
            (26, CompletionKind::Id)
        );
    }

    #[test]
    fn words_of_value_sets() {
        assert_eq!(
            candidates("review 2026-10-01\n  status G1 ach"),
            ["achieved"]
        );
        assert_eq!(
            candidates("review 2026-10-01\n  stage pre"),
            ["precontemplation", "preparation"]
        );
        assert_eq!(
            candidates("session 2026-10-01\n  risk "),
            ["low", "moderate", "high"]
        );
        assert_eq!(
            candidates("intervention I2 exp"),
            ["exposure", "expressive"]
        );
        assert_eq!(
            candidates("intervention I2 exposure i"),
            ["in-vivo", "imaginal", "interoceptive"]
        );
        assert_eq!(candidates("intervention I2 exposure in-vivo f"), ["for"]);
        assert_eq!(candidates("event 2026-10-01 c"), ["crisis"]);
        assert_eq!(candidates(":explain unlinked"), ["unlinked-intervention"]);
        assert_eq!(candidates(":summary m"), ["markdown"]);
    }

    #[test]
    fn v2_entries_fields_and_words() {
        let mut session = session();
        for entry in [
            "objective O1 \"Calmer\" for G1\n  measure PHQ-9 baseline 16 target < 10\n  measure attacks baseline 5 target <= 1",
            "intervention I2 CBT \"x\" for O1",
        ] {
            assert!(session.add_entry(entry).is_ok(), "{entry}");
        }
        let candidates = |before: &str| complete(before, &session).candidates;
        assert_eq!(candidates("ob"), ["objective"]);
        assert_eq!(candidates("di"), ["discharge"]);
        assert_eq!(candidates("objective O2 \"x\" f"), ["for"]);
        assert_eq!(candidates("objective O2 \"x\" for "), ["G1", "G2"]);
        assert_eq!(
            candidates("intervention I3 CBT \"x\" for "),
            ["G1", "G2", "O1"]
        );
        assert_eq!(candidates("objective O2 \"x\" for G1\n  s").len(), 0);
        assert_eq!(
            candidates("objective O2 \"x\" for G1\n  "),
            ["opened", "measure", "due"]
        );
        let measure = "objective O2 \"x\" for G1\n  measure PHQ-9 baseline 16 target < 10 ";
        assert_eq!(candidates(measure), ["sustained"]);
        assert_eq!(
            candidates(&format!("{measure}sustained 4 ")),
            ["sessions", "days", "weeks", "months"]
        );
        assert_eq!(
            candidates("discharge 2027-01-11 "),
            ["completed", "transferred", "withdrew", "administrative"]
        );
        assert_eq!(
            candidates("discharge 2027-01-11 completed\n  re"),
            ["revise", "referral"]
        );
        assert_eq!(
            candidates("session 2026-10-01\n  attendance "),
            ["attended", "no-show", "cancelled", "late-cancelled"]
        );
        assert_eq!(candidates("session 2026-10-01\n  dose "), ["M1"]);
        assert_eq!(candidates("intervention I3 CBT\n  frequency 2 "), ["per"]);
        assert_eq!(
            candidates("intervention I3 CBT\n  frequency 2 per w"),
            ["week"]
        );
        assert_eq!(
            candidates("intervention I3 CBT\n  course 12 s"),
            ["sessions"]
        );
        assert_eq!(candidates("review 2026-10-01\n  status O"), ["O1"]);
        assert_eq!(candidates("review 2026-10-01\n  revise I"), ["I1", "I2"]);
        assert_eq!(candidates("review 2026-10-01\n  revise I2 "), ["course"]);
        assert_eq!(
            candidates("review 2026-10-01\n  revise O1 "),
            ["target", "due"]
        );
        assert_eq!(
            candidates("review 2026-10-01\n  revise O1 target "),
            ["PHQ-9", "attacks"]
        );
        assert_eq!(
            candidates("review 2026-10-01\n  revise I2 course 16 "),
            ["sessions", "days", "weeks", "months"]
        );
    }

    #[test]
    fn nothing_inside_strings_comments_or_free_values() {
        assert!(candidates("goal G3 \"for G").is_empty());
        assert!(candidates("session 2026-10-01\n  note \"used I").is_empty());
        assert!(candidates("session 2026-10-01 # used I").is_empty());
        assert!(candidates("session 2026-10-01\n  minutes ").is_empty());
        assert!(candidates("goal G3 \"x\" for panic ").is_empty());
    }

    #[test]
    fn paths_list_folders_and_plan_files() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let base = dir.path().display().to_string();
        std::fs::create_dir(dir.path().join("plans")).expect("folder");
        std::fs::write(dir.path().join("plans/c-1.careplan"), "").expect("file");
        std::fs::write(dir.path().join("plans/notes.txt"), "").expect("file");
        let found = candidates(&format!(":load {base}/pl"));
        assert_eq!(found, [format!("{base}/plans/")]);
        let found = candidates(&format!(":save {base}/plans/"));
        assert_eq!(found, [format!("{base}/plans/c-1.careplan")]);
    }

    #[test]
    fn hints_show_what_the_candidates_share() {
        let completion = complete("session 2026-10-01\n  used I", &session());
        assert_eq!(completion.common_rest("I"), Some("1".to_owned()));
        let completion = complete("session 2026-10-01\n  progress G", &session());
        assert_eq!(completion.common_rest("G"), None);
    }
}
