//! Parser tests: every entry and field, comments, line endings, strings,
//! error positions and recovery.

use careplan::ast::{Change, Entry, Frequency};
use careplan::span::{LineIndex, Span};
use careplan::words::{
    Achievement, Attendance, Cadence, Comparator, DischargeKind, EventKind, ExtentUnit, Per, Risk,
    SessionFormat, Stage,
};
use careplan::{Rule, parse};

fn contract_example() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/contract-example.careplan"
    ))
    .expect("contract example")
}

/// Every finding as `line:col rule: message`.
fn findings(source: &str) -> Vec<String> {
    let index = LineIndex::new(source);
    parse(source)
        .diagnostics
        .iter()
        .map(|d| {
            let at = index.line_col(source, d.span.start);
            format!("{}:{} {}: {}", at.line, at.column, d.rule, d.message)
        })
        .collect()
}

const EVERY_FIELD: &str = r#"plan "Every field"
  client C-7
  born 1990-04-12
  clinician "A. Rivera, LCSW"
  prescriber "K. Osei, MD"
  opened 2026-09-01
  orientation CBT
  integration assimilative
  rationale "Why \"this\" plan"
  stage contemplation
  care concurrent
  review every 8 weeks
  risk low
concern panic "Panic attacks"
  diagnosis F41.0
  since 2026-06-01
measure attacks "Attacks per week"
  range 0..50
  better lower
  reliable-change 2.5
goal G1 "Fewer attacks" for panic
  measure attacks baseline 4 target <= 1
  due 2027-01-15
  opened 2026-09-02
  stage action
intervention I1 exposure interoceptive "Spinning" for G1
  frequency weekly
  consent 2026-09-08
  opened 2026-09-08
  rationale "Fear of sensations"
intervention I2 psychoeducation for G1
  frequency "twice a week"
medication M1 sertraline for G1, G1
  dose "50 mg daily"
  started 2026-09-10
  stopped 2026-11-01
  prescriber "K. Osei, MD"
  monitor "sleep, agitation"
medication M2 "St John's wort" for G1
session 2026-09-15
  used I1 "Tolerated it"
  used I2
  progress G1 "Stayed with it"
  score SUDS 80 -> 50
  score attacks 3
  risk moderate
  note "One"
  note """
    Two lines,
      kept indented
    """
  homework "Practise daily"
  minutes 50
  format telehealth
safety-plan 2026-09-15
  warning-signs "Pacing"
  coping "Breathing"
  contacts "Sister; crisis line"
  means-safety "Medication locked away"
review 2026-10-27
  status G1 improving "Fewer attacks"
  revise G1 target < 2
  revise G1 due 2027-02-01
  stop I2 "Done"
  stage action
  next 2026-12-22
  note "Reviewed"
event 2026-11-02 crisis "Panic at work"
  note "Went home"
"#;

#[test]
fn every_entry_and_field_is_read() {
    let parsed = parse(EVERY_FIELD);
    assert_eq!(parsed.diagnostics, vec![], "{:?}", findings(EVERY_FIELD));
    let doc = &parsed.document;
    let plan = doc.plan().expect("plan");
    assert_eq!(plan.client.as_ref().map(|c| c.value.as_str()), Some("C-7"));
    assert_eq!(
        plan.rationale.as_ref().map(|r| r.value.as_str()),
        Some("Why \"this\" plan")
    );
    assert_eq!(
        plan.stage.as_ref().map(|s| s.value),
        Some(Stage::Contemplation)
    );
    assert_eq!(
        plan.review_every.as_ref().map(|d| d.value.to_string()),
        Some("8 weeks".into())
    );
    assert_eq!(plan.risk.as_ref().map(|r| r.level.value), Some(Risk::Low));

    let measure = doc.measures().next().expect("measure");
    assert_eq!(measure.range.as_ref().map(|r| r.value), Some((0.0, 50.0)));
    assert_eq!(measure.reliable_change.as_ref().map(|r| r.value), Some(2.5));

    let goal = doc.goals().next().expect("goal");
    let target = goal.measures.first().expect("goal measure").target;
    assert_eq!((target.comparator, target.value), (Comparator::AtMost, 1.0));
    assert_eq!(goal.concerns[0].value, "panic");

    let interventions: Vec<_> = doc.interventions().collect();
    assert_eq!(
        interventions[0]
            .technique
            .as_ref()
            .map(|t| t.value.as_str()),
        Some("interoceptive")
    );
    assert_eq!(
        interventions[0].title.as_ref().map(|t| t.value.as_str()),
        Some("Spinning")
    );
    assert_eq!(
        interventions[0].frequency.as_ref().map(|f| f.value.clone()),
        Some(Frequency::Cadence(Cadence::Weekly))
    );
    assert_eq!(interventions[1].technique, None, "`for` is not a technique");
    assert_eq!(interventions[1].goals.len(), 1);

    let meds: Vec<_> = doc.medications().collect();
    assert_eq!(meds[0].goals.len(), 2);
    assert_eq!(meds[1].drug.value, "St John's wort");

    let session = doc.sessions().next().expect("session");
    assert_eq!(session.used.len(), 2);
    assert_eq!(session.used[1].response, None);
    assert_eq!(
        session.scores[0].after.as_ref().map(|a| a.value),
        Some(50.0)
    );
    assert_eq!(session.notes[1].value, "Two lines,\n  kept indented");
    assert_eq!(
        session.format.as_ref().map(|f| f.value),
        Some(SessionFormat::Telehealth)
    );

    let review = doc.reviews().next().expect("review");
    assert_eq!(review.statuses[0].status.value, Achievement::Improving);
    assert!(
        matches!(review.revisions[0].change, Change::Target { target: t, .. } if t.value == 2.0)
    );
    assert!(matches!(review.revisions[1].change, Change::Due(_)));
    assert_eq!(review.stops[0].target.value, "I2");

    let event = doc.events().next().expect("event");
    assert_eq!(event.kind.value, EventKind::Crisis);
    assert_eq!(event.notes.len(), 1);
    let safety = doc.safety_plans().next().expect("safety plan");
    assert!(safety.means_safety.is_some());
}

#[test]
fn contract_example_parses_without_findings() {
    let parsed = parse(&contract_example());
    assert_eq!(parsed.diagnostics, vec![]);
    assert_eq!(parsed.document.entries.len(), 13);
    assert_eq!(parsed.document.comments.len(), 1);
    assert!(parsed.document.comments[0].trailing);
}

#[test]
fn crlf_bom_tabs_and_odd_spacing_mean_the_same() {
    let tidy = parse(&contract_example()).document;
    let messy = contract_example()
        .replace("\n  ", "\n\t ")
        .replace("used I1 ", "used\t\tI1   ")
        .replace('\n', "\r\n");
    let messy = format!("\u{FEFF}{messy}");
    let parsed = parse(&messy);
    assert_eq!(parsed.diagnostics, vec![]);
    assert_eq!(parsed.document.entries.len(), tidy.entries.len());
    let responses = |d: &careplan::ast::Document| -> Vec<String> {
        d.sessions()
            .flat_map(|s| {
                s.used
                    .iter()
                    .filter_map(|u| u.response.clone())
                    .map(|r| r.value)
            })
            .collect()
    };
    assert_eq!(responses(&parsed.document), responses(&tidy));
    assert_eq!(parsed.document.comments[0].text, " second session");
}

#[test]
fn comments_are_kept_with_their_position() {
    let source = "# about the client\nplan \"P\"  # title\n  # about opened\n  opened 2026-09-01\n# between fields\n  client C-1\n\n# before the goal\ngoal G1 \"x\"\n";
    let parsed = parse(source);
    assert_eq!(parsed.diagnostics, vec![]);
    let comments: Vec<(&str, bool)> = parsed
        .document
        .comments
        .iter()
        .map(|c| (c.text.as_str(), c.trailing))
        .collect();
    assert_eq!(
        comments,
        [
            (" about the client", false),
            (" title", true),
            (" about opened", false),
            (" between fields", false),
            (" before the goal", false),
        ]
    );
    // The column-0 comment between fields stays inside the plan.
    let plan = parsed.document.plan().expect("plan");
    assert!(plan.client.is_some());
    assert!(plan.span.end < source.find("# before").unwrap_or(0));
}

#[test]
fn column_zero_comments_stay_in_the_entry_when_a_field_follows() {
    // A column-0 comment, then an indented comment and a blank line, then a
    // field: all of it is still the session's.
    let source = "plan \"P\"\n  opened 2026-09-01\n\nsession 2026-09-08\n  used I1 \"ok\"\n# note\n  # more\n\n  score PHQ-9 3\n# before the review\nreview 2026-10-01\n";
    let parsed = parse(source);
    assert_eq!(parsed.diagnostics, vec![]);
    let session = parsed.document.sessions().next().expect("session");
    assert_eq!(session.scores.len(), 1);
    assert_eq!(parsed.document.reviews().count(), 1);
    assert!(session.span.end < source.find("# before").unwrap_or(0));
}

#[test]
fn errors_name_line_column_and_what_was_expected() {
    let source = r#"plan "P"
  opened 2026-09-01
  opened 2026-09-02
  risk hgh
  mesure PHQ-9
goal G1 "x"
  measure PHQ-9 baselin 4 target < 1
  due 2026-02-30
sesion 2026-09-08
  used I1 "x"
session 2026-09-09
  used I1 Engaged
  note "not closed
  note "bad \t"
  score PHQ-9 16 ->
  due 2027-01-01
    client C-1
"#;
    assert_eq!(
        findings(source),
        [
            "3:3 syntax: the plan has a second `opened` line",
            "4:8 syntax: unknown risk level `hgh`",
            "5:3 syntax: unknown field `mesure` in the plan",
            "7:17 syntax: expected `baseline`, found `baselin`",
            "8:7 invalid-date: `2026-02-30` is not on the calendar: February 2026 has 28 days",
            "9:1 syntax: unknown entry `sesion`",
            "12:11 syntax: expected a quoted string, a comment or the end of the line, found `Engaged`",
            "13:8 syntax: this string is not closed: add `\"` before the end of the line (use `\"\"\"` for text over several lines)",
            "14:8 syntax: unknown escape `\\t` in a string: use `\\\"`, `\\\\` or `\\n`",
            "15:20 syntax: expected a number, found the end of the line",
            "16:3 syntax: `due` is not a field of a session",
            "17:5 syntax: `client` is not a field of a session",
        ]
    );
}

#[test]
fn a_reversed_range_is_reported_once_not_at_every_score() {
    let source = "plan \"P\"\n  opened 2026-09-01\nmeasure sh \"Self-harm days\"\n  range 7..0\nsession 2026-09-08\n  score sh 3\n  score sh 5\n";
    let options = careplan::CheckOptions::new(crate::test::TODAY_DATE);
    let rules: Vec<String> = careplan::check(source, &options)
        .diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.rule, d.message))
        .collect();
    assert!(
        rules.contains(&"syntax: the range's lowest score is above its highest".to_owned()),
        "{rules:?}"
    );
    assert!(
        !rules.iter().any(|r| r.starts_with("score-out-of-range")),
        "{rules:?}"
    );
}

#[test]
fn quotes_from_word_processors_and_inner_quotes_are_explained() {
    let source = "plan \"P\"\n  opened 2026-09-01\nsession 2026-09-08\n  note \u{201C}One scratch\u{201D}\n  note \"He said \"fine\" today\"\n";
    let helps: Vec<String> = parse(source)
        .diagnostics
        .iter()
        .map(|d| format!("{} / {}", d.message, d.help.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        helps,
        [
            "this is a curly quote, as word processors write them; careplan's strings use straight quotes / replace “ and ” with \" (turn off \"smart quotes\" in the editor)",
            "expected the end of the line after the string, found `fine` / a quote inside a string is written `\\\"`, as in `note \"He said \\\"fine\\\" today\"`",
        ]
    );
}

#[test]
fn a_number_too_large_to_read_is_an_error_at_the_number() {
    let digits = "9".repeat(400);
    let source =
        format!("plan \"P\"\n  opened 2026-09-01\nsession 2026-09-08\n  score PHQ-9 {digits}\n");
    assert_eq!(
        findings(&source),
        ["4:15 syntax: this number is too large to read"]
    );
}

#[test]
fn an_ambiguous_frequency_is_not_guessed() {
    let source =
        "plan \"P\"\n  opened 2026-09-01\nintervention I1 CBT \"x\"\n  frequency biweekly\n";
    assert_eq!(
        findings(source),
        ["4:13 syntax: the frequency `biweekly` is ambiguous"]
    );
}

#[test]
fn an_unclosed_multi_line_string_is_named_where_it_opens() {
    // No `"""` after it anywhere: the line itself is reported.
    let never =
        "plan \"P\"\n  opened 2026-09-01\nsession 2026-09-08\n  note \"\"\"\n  Arrived anxious.\n";
    // The lines after it are its text, not mistakes of their own: one finding.
    assert_eq!(
        findings(never),
        [
            "4:8 syntax: this multi-line string is never closed with `\"\"\"`; the 1 line after it, up to the next entry, could not be read"
        ]
    );
    // A later note's `"""` closes it: the session between is swallowed,
    // and the finding says so where the string opens.
    let swallowed = "plan \"P\"\n  opened 2026-09-01\nsession 2026-09-08\n  note \"\"\"\n  Arrived anxious.\n\nsession 2026-09-15\n  note \"\"\"\n  Calm.\n  \"\"\"\n";
    assert_eq!(
        findings(swallowed)[0],
        "4:8 syntax: this multi-line string runs on over `session 2026-09-15`, 3 lines further down, which reads as the start of an entry"
    );
}

#[test]
fn one_bad_entry_does_not_hide_the_rest() {
    let source = "plan \"P\"\n  opened 2026-09-01\ngoal G1 \"x\" fr panic\n  due 2027-01-01\ngoal G2 \"y\"\n  due 2027-01-01\nsession 2026-09-08\n  used I1 \"ok\"\n";
    let parsed = parse(source);
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(parsed.diagnostics[0].rule, Rule::Syntax);
    let kinds: Vec<&str> = parsed.document.entries.iter().map(Entry::keyword).collect();
    // The damaged goal is kept as far as its header can be read.
    assert_eq!(kinds, ["plan", "goal", "goal", "session"]);
    assert_eq!(
        findings(source)[0],
        "3:13 syntax: expected `for`, a comment or the end of the line, found `fr`"
    );
}

#[test]
fn misplaced_lines_get_specific_advice() {
    let source =
        "  used I1 \"x\"\nplan \"P\"\n  opened 2026-09-01\n  session 2026-09-08\nused I1 \"x\"\n";
    assert_eq!(
        findings(source),
        [
            "1:3 syntax: this indented line is not under any entry",
            "4:3 syntax: `session` starts an entry, but it is indented; entry headers start at column 0",
            "5:1 syntax: `used` is a field, but it stands at column 0 where an entry starts",
        ]
    );
}

#[test]
fn empty_and_blank_files_parse_to_nothing() {
    for source in ["", "\n\n", "   ", "# only a comment", "\u{FEFF}"] {
        let parsed = parse(source);
        assert_eq!(parsed.diagnostics, vec![], "{source:?}");
        assert!(parsed.document.entries.is_empty());
    }
}

/// The fixture holding every construct of language version 2.
fn every_v2() -> String {
    crate::test::repo_file("tests/fixtures/every-construct-v2.careplan")
}

#[test]
fn every_v2_entry_and_field_is_read_with_its_span() {
    let source = every_v2();
    let parsed = parse(&source);
    let at = |span: careplan::span::Span| span.text(&source).to_owned();
    let syntax: Vec<&careplan::Diagnostic> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.rule == Rule::Syntax)
        .collect();
    assert!(syntax.is_empty(), "{:?}", findings(&source));
    let doc = &parsed.document;

    let plan = doc.plan().expect("plan");
    let risk = plan.risk.as_ref().expect("plan risk");
    assert_eq!(at(risk.span), "risk moderate \"Passive thoughts of death\"");
    assert_eq!(
        risk.reason.as_ref().map(|r| r.value.as_str()),
        Some("Passive thoughts of death")
    );
    let criteria: Vec<&str> = plan
        .discharge_criteria
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(
        criteria,
        [
            "Pain below 3 for four weeks",
            "Back at work\n  three days a week"
        ]
    );

    // A goal with two targets, one sustained.
    let goal = doc.goals().next().expect("goal");
    assert_eq!(goal.measures.len(), 2);
    let pain = &goal.measures[0];
    assert_eq!(
        at(pain.span),
        "measure NPRS baseline 7 target <= 3 sustained 4 weeks"
    );
    let sustained = pain.sustained.as_ref().expect("sustained");
    assert_eq!(
        (sustained.value.amount, sustained.value.unit),
        (4, ExtentUnit::Weeks)
    );
    assert_eq!(at(sustained.span), "4 weeks");
    assert_eq!(goal.measures[1].sustained, None);

    // Objectives: header, goals served, several measures, due, opened.
    let objectives: Vec<_> = doc.objectives().collect();
    assert_eq!(objectives.len(), 2);
    let o1 = objectives[0];
    assert_eq!(at(o1.header), "objective O1 \"Walk 30 minutes\" for G1");
    assert_eq!(at(o1.id.span), "O1");
    assert_eq!(o1.text.value, "Walk 30 minutes");
    assert_eq!(
        o1.goals
            .iter()
            .map(|g| g.value.as_str())
            .collect::<Vec<_>>(),
        ["G1"]
    );
    assert_eq!(
        o1.measures[0].sustained.as_ref().map(|s| s.value.unit),
        Some(ExtentUnit::Sessions)
    );
    assert_eq!(at(o1.due.as_ref().expect("due").span), "2026-12-01");
    assert_eq!(
        o1.opened
            .as_ref()
            .and_then(|d| d.value)
            .map(|d| d.to_string()),
        Some("2026-09-08".to_owned())
    );
    let o2 = objectives[1];
    assert_eq!(
        o2.goals.iter().map(|g| at(g.span)).collect::<Vec<_>>(),
        ["G1", "G2"]
    );
    assert_eq!(o2.measures.len(), 2);
    assert_eq!(
        o2.measures[1]
            .sustained
            .as_ref()
            .map(|s| (s.value.amount, s.value.unit)),
        Some((10, ExtentUnit::Days))
    );
    assert_eq!(
        doc.objectives_of("G2")
            .map(|o| o.id.value.as_str())
            .collect::<Vec<_>>(),
        ["O2"]
    );

    // Interventions: a rate and a course; a medication's consent.
    let interventions: Vec<_> = doc.interventions().collect();
    let frequency = interventions[0].frequency.as_ref().expect("frequency");
    assert_eq!(
        frequency.value,
        Frequency::Rate {
            times: 2,
            per: Per::Week
        }
    );
    assert_eq!(at(frequency.span), "2 per week");
    let course = interventions[0].course.as_ref().expect("course");
    assert_eq!(
        (course.value.amount, course.value.unit),
        (12, ExtentUnit::Sessions)
    );
    assert_eq!(at(course.span), "12 sessions");
    assert_eq!(
        interventions[1].course.as_ref().map(|c| c.value.unit),
        Some(ExtentUnit::Weeks)
    );
    assert_eq!(
        interventions[0]
            .goals
            .iter()
            .map(|g| g.value.as_str())
            .collect::<Vec<_>>(),
        ["O1", "G1"]
    );
    let medication = doc.medications().next().expect("medication");
    assert_eq!(
        at(medication.consent.as_ref().expect("consent").span),
        "2026-09-08"
    );

    // Sessions: attendance, assessment, risk with a reason, a dose change.
    let sessions: Vec<_> = doc.sessions().collect();
    let first = sessions[0];
    assert_eq!(
        first.attendance.as_ref().map(|a| a.value),
        Some(Attendance::Attended)
    );
    assert!(first.attended());
    assert_eq!(
        first.assessment.as_ref().map(|a| at(a.span)),
        Some("\"Deconditioned; motivated\"".to_owned())
    );
    let risk = first.risk.as_ref().expect("session risk");
    assert_eq!(
        (
            risk.level.value,
            risk.reason.as_ref().map(|r| r.value.as_str())
        ),
        (Risk::Moderate, Some("No plan or intent"))
    );
    let dose = &first.doses[0];
    assert_eq!(at(dose.span), "dose M1 \"25 mg daily\"");
    assert_eq!(
        (dose.medication.value.as_str(), dose.dose.value.as_str()),
        ("M1", "25 mg daily")
    );
    let missed: Vec<Option<Attendance>> = sessions[1..]
        .iter()
        .map(|s| s.attendance.as_ref().map(|a| a.value))
        .collect();
    assert_eq!(
        missed,
        [Some(Attendance::NoShow), Some(Attendance::LateCancelled)]
    );
    assert!(!sessions[1].attended());
    assert_eq!(
        at(sessions[2].attendance.as_ref().expect("attendance").span),
        "late-cancelled"
    );

    // A review: a target revised for a named measure and for the only
    // one, a course revised, a dose, a risk.
    let review = doc.reviews().next().expect("review");
    let changes: Vec<String> = review
        .revisions
        .iter()
        .map(|r| match &r.change {
            Change::Target { measure, target } => format!(
                "{} target {} {}",
                r.id.value,
                measure.as_ref().map_or("-", |m| m.value.as_str()),
                target.value
            ),
            Change::Due(d) => format!("{} due {}", r.id.value, at(d.span)),
            Change::Course(c) => format!("{} course {}", r.id.value, at(c.span)),
        })
        .collect();
    assert_eq!(
        changes,
        [
            "G1 target NPRS 2",
            "O1 target - 40",
            "I1 course 16 sessions",
            "O2 due 2027-01-15"
        ]
    );
    assert_eq!(at(review.revisions[0].span), "revise G1 target NPRS <= 2");
    assert_eq!(review.doses[0].dose.value, "100 mg daily");
    assert_eq!(review.risk.as_ref().map(|r| r.level.value), Some(Risk::Low));

    // An event with a risk.
    let event = doc.events().next().expect("event");
    assert_eq!(
        event.risk.as_ref().map(|r| at(r.span)),
        Some("risk high \"Said she would take her tablets\"".to_owned())
    );

    // The discharge: type, summary, statuses, revise, referrals, risk, note.
    let discharge = doc.discharges().next().expect("discharge");
    assert_eq!(
        at(discharge.header),
        "discharge 2027-01-11 transferred \"Moved to another area\""
    );
    assert_eq!(
        discharge.kind.as_ref().map(|k| (k.value, at(k.span))),
        Some((DischargeKind::Transferred, "transferred".to_owned()))
    );
    assert_eq!(
        discharge.summary.as_ref().map(|s| s.value.as_str()),
        Some("Moved to another area")
    );
    assert_eq!(
        discharge
            .statuses
            .iter()
            .map(|s| (s.goal.value.as_str(), s.status.value))
            .collect::<Vec<_>>(),
        [
            ("G1", Achievement::Improving),
            ("O1", Achievement::Achieved)
        ]
    );
    assert!(matches!(
        &discharge.revisions[0].change,
        Change::Target { measure: Some(m), .. } if m.value == "PHQ-9-item9"
    ));
    assert_eq!(discharge.referrals.len(), 2);
    assert_eq!(
        discharge.risk.as_ref().map(|r| r.level.value),
        Some(Risk::Low)
    );
    assert_eq!(discharge.notes[0].value, "Summary sent");
}

#[test]
fn the_v2_contract_example_parses_without_syntax_errors() {
    let source = crate::test::repo_file("tests/fixtures/contract-example-v2.careplan");
    let parsed = parse(&source);
    assert_eq!(parsed.diagnostics, vec![], "{:?}", findings(&source));
    assert_eq!(parsed.document.objectives().count(), 2);
    assert_eq!(parsed.document.discharges().count(), 1);
}

/// `plan`, `goal G1`, then `entries`: a plan where v2 lines can go wrong.
fn with_goal(entries: &str) -> String {
    format!("plan \"P\"\n  opened 2026-09-01\ngoal G1 \"Recover\"\n  due 2027-03-31\n{entries}")
}

#[test]
fn v2_mistakes_are_named_with_a_fix() {
    let source = with_goal(concat!(
        "objective O1 \"PHQ-9 below 10\"\n",
        "  measure PHQ-9 baseline 21 target < 10 sustained 4\n",
        "  measure GAD-7 baseline 15 target < 8 sustained 4 wekks\n",
        "intervention I1 CBT \"x\" for G1\n",
        "  frequency 2 per weeks\n",
        "  course 12\n",
        "intervention I2 CBT \"y\" for G1\n",
        "  frequency 2\n",
        "intervention I3 CBT \"z\" for G1\n",
        "  frequency 2x per week\n",
        "intervention I4 CBT \"w\" for G1\n",
        "  frequency 2/week\n",
        "  course 12 visits\n",
        "session 2026-09-08\n",
        "  attendance noshow\n",
        "session 2026-09-15\n",
        "  attendance no show\n",
        "review 2026-10-01\n",
        "  revise G1 target 10\n",
        "  revise I1 course 16\n",
        "review 2026-10-02\n",
        "  revise G1 target\n",
        "discharge 2027-01-11 complted \"Done\"\n",
    ));
    let said: Vec<String> = parse(&source)
        .diagnostics
        .iter()
        .map(|d| {
            let at = LineIndex::new(&source).line_col(&source, d.span.start);
            format!(
                "{}:{} {} / {}",
                at.line,
                at.column,
                d.message,
                d.help.as_deref().unwrap_or("")
            )
        })
        .collect();
    insta::assert_snapshot!(said.join("\n"));
}

#[test]
fn a_discharge_without_its_type_and_an_objective_without_for() {
    let source = with_goal(
        "objective O1 \"PHQ-9 below 10\"\n  due 2027-01-31\ndischarge 2027-01-11\n  status G1 achieved\n",
    );
    assert_eq!(
        findings(&source),
        [
            "5:1 syntax: this objective does not name the goal it serves",
            "7:1 syntax: this discharge does not say how the episode ended",
        ]
    );
}

#[test]
fn damaged_v2_headers_still_define_their_id_and_date() {
    // An objective whose title is not quoted, a discharge whose type is
    // misspelt, another without one: each one finding, and the entry stays.
    for (entries, errors) in [
        ("objective O1 PHQ-9 below 10 for G1\n  due 2027-01-31\n", 1),
        ("objective O1 \"PHQ-9 below 10\"\n  due 2027-01-31\n", 1),
        (
            "discharge 2027-01-11 complted \"Done\"\n  status G1 achieved\n",
            1,
        ),
        ("discharge 2027-01-11 \"Done\"\n  status G1 achieved\n", 1),
        ("discharge 11/01/2027 completed\n  status G1 achieved\n", 1),
    ] {
        let source = with_goal(entries);
        let parsed = parse(&source);
        assert_eq!(
            parsed.diagnostics.len(),
            errors,
            "{entries}: {:?}",
            findings(&source)
        );
        let doc = &parsed.document;
        if entries.starts_with("objective") {
            let objective = doc.objectives().next().expect("the objective is kept");
            assert_eq!(objective.id.value, "O1", "{entries}");
            assert!(objective.due.is_some(), "{entries}: its fields are read");
        } else {
            let discharge = doc.discharges().next().expect("the discharge is kept");
            assert_eq!(
                discharge.statuses.len(),
                1,
                "{entries}: its fields are read"
            );
            if !entries.contains('/') {
                let record = careplan::interpret(doc);
                assert!(
                    record.discharged_by(jiff::civil::date(2027, 1, 11)),
                    "{entries}: the episode ends on its date"
                );
            }
        }
    }
}

#[test]
fn every_discharge_type_is_read() {
    for kind in DischargeKind::WORDS {
        let source = with_goal(&format!(
            "discharge 2027-01-11 {kind}\n  status G1 achieved\n  referral \"GP\"\n  note \"x\"\n"
        ));
        let parsed = parse(&source);
        assert_eq!(
            parsed.diagnostics,
            vec![],
            "{kind}: {:?}",
            findings(&source)
        );
        let discharge = parsed.document.discharges().next().expect("discharge");
        assert_eq!(
            discharge.kind.as_ref().map(|k| k.value.as_str()),
            Some(*kind)
        );
        assert_eq!(discharge.summary, None);
    }
}

/// `parse_inserted`, as the REPL uses it for an entry added, reads a file
/// exactly as `parse` does, wherever the text is put in: a session before every
/// written line at column 0 of the examples, the rest of an example after each of
/// its lines, and every example and fixture written twice over,
/// the second copy put in after the first (every entry appended after a
/// whole plan) and the first put in before the second (every entry of a
/// plan moved by a whole plan).
#[test]
fn an_inserted_parse_reads_the_file_as_a_whole_parse_does() {
    let session = "session 2026-03-02\n  used I1 \"Practised the skill\"\n  minutes 50\n\n";
    let mut reused = 0;
    for (name, text) in crate::fmt::corpus() {
        let doubled = format!("{text}\n{text}");
        let copy = text.len() + 1;
        let mut cases = vec![
            (doubled.clone(), Span::new(copy, doubled.len())),
            (doubled.clone(), Span::new(0, copy)),
        ];
        if name.contains("examples") {
            let starts = text.match_indices('\n').map(|(at, _)| at + 1);
            for at in std::iter::once(0).chain(starts) {
                cases.push((text.clone(), Span::new(at, text.len())));
                // Before an indented line the whole text is read again;
                // before a blank line is as after the entry above.
                if !text[at..].starts_with([' ', '\t', '\r', '\n']) {
                    let source = format!("{}{session}{}", &text[..at], &text[at..]);
                    cases.push((source, Span::new(at, at + session.len())));
                }
            }
        }
        for (source, inserted) in cases {
            let earlier = format!("{}{}", &source[..inserted.start], &source[inserted.end..]);
            let before = parse(&earlier);
            reused += usize::from(before.diagnostics.is_empty());
            assert_eq!(
                careplan::parse::parse_inserted(before, &source, inserted),
                parse(&source),
                "{name}, {inserted:?} put in"
            );
        }
    }
    assert!(reused > 600, "the reuse itself is exercised: {reused}");
}
