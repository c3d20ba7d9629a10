//! One mistake, one finding: the contract's example plan (which checks
//! clean) with one typing mistake a clinician makes, each giving exactly
//! one finding, of the rule and at the place a reader would expect.

use careplan::span::LineIndex;
use careplan::{CheckOptions, check};

/// A mistake: its name, the text it replaces, what was typed instead, and
/// the finding it must give (`rule@line:column`).
pub const MISTAKES: &[(&str, &str, &str, &str)] = &[
    (
        "a trailing comma after the last goal",
        "\"Activity scheduling\" for G2",
        "\"Activity scheduling\" for G2,",
        "syntax@32:72",
    ),
    (
        "a trailing comma on an intervention the record uses and stops",
        "\"The panic cycle\" for G1",
        "\"The panic cycle\" for G1,",
        "syntax@28:58",
    ),
    (
        "`for goal G1`",
        "\"The panic cycle\" for G1",
        "\"The panic cycle\" for goal G1",
        "syntax@28:55",
    ),
    (
        "an unquoted goal title",
        "goal G2 \"Lift low mood\" for mood",
        "goal G2 Lift low mood for mood",
        "syntax@24:9",
    ),
    (
        "a title's closing quote left out",
        "\"Activity scheduling\" for G2",
        "\"Activity scheduling for G2",
        "syntax@32:43",
    ),
    (
        "a goal title unquoted, with words after its concern",
        "goal G2 \"Lift low mood\" for mood",
        "goal G2 Lift low mood for mood as agreed",
        "syntax@24:9",
    ),
    (
        "a dose in the medication header",
        "medication M1 sertraline for G2",
        "medication M1 sertraline 50mg for G2",
        "syntax@33:26",
    ),
    (
        "a medication header without `for`",
        "medication M1 sertraline for G2",
        "medication M1 sertraline G2",
        "syntax@33:26",
    ),
    (
        "an intervention header without `for`",
        "\"Activity scheduling\" for G2",
        "\"Activity scheduling\" G2",
        "syntax@32:65",
    ),
    (
        "a goal header without `for`",
        "goal G2 \"Lift low mood\" for mood",
        "goal G2 \"Lift low mood\" mood",
        "syntax@24:25",
    ),
    (
        "an unquoted plan title",
        "plan \"Panic disorder with agoraphobia; low mood\"",
        "plan Panic disorder with agoraphobia; low mood",
        "syntax@1:6",
    ),
    (
        "a due date written day first",
        "  due 2027-01-15",
        "  due 15/01/2027",
        "syntax@23:7",
    ),
    (
        "a target without its comparator",
        "baseline 16 target < 5",
        "baseline 16 target 5",
        "syntax@25:36",
    ),
    (
        "a measure line without `baseline`",
        "measure PHQ-9 baseline 16 target < 5",
        "measure PHQ-9 16 target < 5",
        "syntax@25:17",
    ),
    (
        "a review indented under the session above",
        "review 2026-10-27",
        "  review 2026-10-27",
        "syntax@49:3",
    ),
    (
        "a status word in the past tense",
        "status G1 improving",
        "status G1 improved",
        "syntax@50:13",
    ),
    (
        "single quotes around a response",
        "used I1 \"Engaged; named three bodily cues of panic\"",
        "used I1 'Engaged; named three bodily cues of panic'",
        "syntax@38:11",
    ),
    (
        "a colon after the measure",
        "score PHQ-9 16",
        "score PHQ-9: 16",
        "syntax@39:14",
    ),
    (
        "a consent date written day first",
        "  consent 2026-09-08",
        "  consent 08/09/2026",
        "syntax@30:11",
    ),
    (
        "a date off the calendar",
        "  started 2026-09-10",
        "  started 2026-09-31",
        "invalid-date@35:11",
    ),
    (
        "a second due date",
        "  due 2027-03-01",
        "  due 2027-03-01\n  due 2027-04-01",
        "syntax@27:3",
    ),
    (
        "a name as the client id",
        "  client C-1042",
        "  client \"Sarah Jones\"",
        "syntax@2:10",
    ),
    (
        "a cadence in words",
        "  review every 8 weeks",
        "  review every eight weeks",
        "syntax@11:16",
    ),
    (
        "an ambiguous frequency",
        "  frequency weekly",
        "  frequency biweekly",
        "syntax@31:13",
    ),
    (
        "a next review written day first",
        "  next 2026-12-22",
        "  next 22/12/2026",
        "syntax@54:8",
    ),
    (
        "an unknown risk word",
        "  risk low",
        "  risk minimal",
        "syntax@41:8",
    ),
    (
        "a mistyped intervention id",
        "used I2 \"Tolerated",
        "used l2 \"Tolerated",
        "unknown-reference@44:8",
    ),
    (
        "an impossible score",
        "score PHQ-9 16",
        "score PHQ-9 166",
        "score-out-of-range@39:15",
    ),
    (
        "curly quotes around a goal title",
        "goal G1 \"Fewer panic attacks\" for panic",
        "goal G1 “Fewer panic attacks” for panic",
        "syntax@21:9",
    ),
    (
        "a colon after an intervention's id",
        "intervention I1 psychoeducation",
        "intervention I1: psychoeducation",
        "syntax@28:16",
    ),
    (
        "a colon after `plan`",
        "plan \"Panic disorder",
        "plan: \"Panic disorder",
        "syntax@1:5",
    ),
    (
        "a misspelt due field",
        "  due 2027-01-15",
        "  deu 2027-01-15",
        "syntax@23:3",
    ),
    (
        "a field keyword capitalised",
        "  due 2027-03-01",
        "  Due 2027-03-01",
        "syntax@26:3",
    ),
    (
        "a misspelt field",
        "  diagnosis F41.0",
        "  diagnosys F41.0",
        "syntax@14:3",
    ),
];

/// Mistakes in the contract's version-2 example (objectives, sustained
/// targets, rates and courses, attendance, the discharge), as [`MISTAKES`].
pub const V2_MISTAKES: &[(&str, &str, &str, &str)] = &[
    (
        "a misspelt attendance word",
        "  attendance no-show",
        "  attendance noshow",
        "syntax@62:14",
    ),
    (
        "`no show` in two words",
        "  attendance no-show",
        "  attendance no show",
        "syntax@62:14",
    ),
    (
        "a plural period in a rate",
        "  frequency 1 per week",
        "  frequency 1 per weeks",
        "syntax@33:19",
    ),
    (
        "a rate without its period",
        "  frequency 1 per week",
        "  frequency 1",
        "syntax@33:13",
    ),
    (
        "a course without its unit",
        "  course 16 sessions",
        "  course 16",
        "syntax@34:10",
    ),
    (
        "a course in visits",
        "  course 16 sessions",
        "  course 16 visits",
        "syntax@34:13",
    ),
    (
        "`sustained 4` without a unit",
        "sustained 4 weeks",
        "sustained 4",
        "syntax@21:51",
    ),
    (
        "a misspelt unit after `sustained`",
        "sustained 3 sessions",
        "sustained 3 sesions",
        "syntax@24:55",
    ),
    (
        "an objective without `for`",
        "objective O2 \"Back at work three days a week\" for G1",
        "objective O2 \"Back at work three days a week\"",
        "syntax@23:1",
    ),
    (
        "an unquoted objective title",
        "objective O2 \"Back at work three days a week\" for G1",
        "objective O2 Back at work three days a week for G1",
        "syntax@23:14",
    ),
    (
        "a misspelt discharge type",
        "discharge 2027-01-11 completed",
        "discharge 2027-01-11 complted",
        "syntax@111:22",
    ),
    (
        "a discharge without its type",
        "discharge 2027-01-11 completed \"",
        "discharge 2027-01-11 \"",
        "syntax@111:1",
    ),
    (
        "an unquoted risk reason",
        "risk moderate \"Passive thoughts of death, no plan or intent\"",
        "risk moderate Passive thoughts of death, no plan or intent",
        "syntax@51:17",
    ),
    (
        "a misspelt referral field",
        "  referral \"GP",
        "  referal \"GP",
        "syntax@115:3",
    ),
    (
        "a dose change without quotes",
        "  dose M1 \"100 mg daily\"",
        "  dose M1 100 mg daily",
        "syntax@72:11",
    ),
];

/// The date the contract's version-2 example checks clean on.
const V2_TODAY: jiff::civil::Date = jiff::civil::date(2027, 3, 1);

/// Every finding of `text`, as `rule@line:column`.
fn findings(text: &str) -> Vec<String> {
    findings_on(text, crate::test::TODAY_DATE)
}

/// Every finding of `text` on `today`, as `rule@line:column`.
fn findings_on(text: &str, today: jiff::civil::Date) -> Vec<String> {
    let index = LineIndex::new(text);
    check(text, &CheckOptions::new(today))
        .diagnostics
        .iter()
        .map(|d| {
            let at = index.line_col(text, d.span.start);
            format!("{}@{}:{}", d.rule, at.line, at.column)
        })
        .collect()
}

#[test]
fn each_mistake_gives_exactly_one_finding() {
    let plan = crate::test::repo_file("tests/fixtures/contract-example.careplan");
    assert_eq!(
        findings(&plan),
        Vec::<String>::new(),
        "the base plan checks clean"
    );
    let mut wrong = Vec::new();
    for (name, from, to, expected) in MISTAKES {
        assert!(plan.contains(from), "{name}: `{from}` is not in the plan");
        let found = findings(&plan.replacen(from, to, 1));
        if found != [*expected] {
            wrong.push(format!("{name}: expected [{expected}], found {found:?}"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn each_v2_mistake_gives_exactly_one_finding() {
    let plan = crate::test::repo_file("tests/fixtures/contract-example-v2.careplan");
    let base = findings_on(&plan, V2_TODAY);
    // The example checks clean once every rule reads version 2; what it
    // still gives is set aside, so each mistake is judged by what it adds.
    assert!(
        !base.iter().any(|f| f.starts_with("syntax@")),
        "the base plan parses: {base:?}"
    );
    let mut wrong = Vec::new();
    for (name, from, to, expected) in V2_MISTAKES {
        assert!(plan.contains(from), "{name}: `{from}` is not in the plan");
        let mut found = findings_on(&plan.replacen(from, to, 1), V2_TODAY);
        for known in &base {
            if let Some(at) = found.iter().position(|f| f == known) {
                found.remove(at);
            }
        }
        if found != [*expected] {
            wrong.push(format!("{name}: expected [{expected}], found {found:?}"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}
