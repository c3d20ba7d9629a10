//! A deterministic generator of realistic careplan files, for the robustness
//! tests and the benchmarks (`benches/check.rs` includes this file with
//! `#[path]`, so it names no `crate::` items).
//!
//! No `rand`: a seeded SplitMix64 keeps every generated text identical on
//! every machine and across dependency updates, so a seed in a failure report
//! reproduces the file.
//!
//! A generated plan follows the language contract and its clinical sense: a
//! pseudonymous client, 1–3 concerns with ICD-10 codes, 2–4 measurable,
//! time-bound goals, catalogue interventions each serving a goal (exposure,
//! trauma narrative and EMDR with consent before first use), sometimes one
//! SSRI, then weekly sessions whose scores trend towards the goals, with a
//! review every 8 weeks that records each goal's status, stops finished
//! psychoeducation and pushes back due dates not yet met.

use jiff::civil::{Date, date};
use serde_json::{Map, Value, json};
use std::fmt::Write;

/// One plan: `sessions` weekly sessions (and the reviews between them) after
/// the plan's definitions. The same `seed` always gives the same text.
pub fn plan(seed: u64, sessions: usize) -> String {
    Generator::new(seed).plan(sessions).careplan
}

/// One plan written in each form the benchmarks compare, with the same
/// content: as careplan text and as typed JSON (each entry an object under
/// its kind: `{"session": {"date": …, "used": [{"id": "I1", …}]}}`), and
/// the entries to write it as a beancount ledger (`ledger.rs`).
pub struct Forms {
    /// The careplan file, as [`plan`] writes it.
    pub careplan: String,
    /// Every entry in typed form, in file order.
    pub entries: Vec<Value>,
}

impl Forms {
    /// The plan as one typed JSON document: `{"entries": [...]}`.
    pub fn json(&self) -> String {
        let mut out = String::from("{\"entries\":[\n");
        for (n, entry) in self.entries.iter().enumerate() {
            if n > 0 {
                out.push_str(",\n");
            }
            out.push_str(&entry.to_string());
        }
        out.push_str("\n]}\n");
        out
    }
}

/// [`plan`] in every form.
pub fn plan_forms(seed: u64, sessions: usize) -> Forms {
    Generator::new(seed).plan(sessions)
}

/// `files` plans of varied seeds and sizes, most of them a few weeks to a
/// few months of sessions long, as a clinic's caseload would be.
pub fn corpus(files: usize) -> Vec<String> {
    corpus_forms(files).map(|forms| forms.careplan).collect()
}

/// [`corpus`] in every form, one plan at a time.
pub fn corpus_forms(files: usize) -> impl Iterator<Item = Forms> {
    (0..files as u64).map(|i| {
        let mut rng = Rng(i ^ 0xC0FF_EE00_5EED_0000);
        let sessions = rng.below(12) + rng.below(30) + rng.below(2) * rng.below(60);
        plan_forms(rng.next(), sessions as usize)
    })
}

/// SplitMix64 (Steele, Lea & Flood 2014): tiny and good enough to vary text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A number in `low..=high`.
    fn range(&mut self, low: i64, high: i64) -> i64 {
        low + (self.next() % (high - low + 1) as u64) as i64
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// A measure a goal can be scored on.
struct MeasureSpec {
    id: &'static str,
    /// The declared name; `None` for a built-in measure.
    name: Option<&'static str>,
    low: i64,
    high: i64,
    higher_better: bool,
}

const fn builtin(id: &'static str, high: i64) -> MeasureSpec {
    MeasureSpec {
        id,
        name: None,
        low: 0,
        high,
        higher_better: false,
    }
}

const fn declared(
    id: &'static str,
    name: &'static str,
    high: i64,
    higher_better: bool,
) -> MeasureSpec {
    MeasureSpec {
        id,
        name: Some(name),
        low: 0,
        high,
        higher_better,
    }
}

const PHQ9: MeasureSpec = builtin("PHQ-9", 27);
const GAD7: MeasureSpec = builtin("GAD-7", 21);
const SLEEP: MeasureSpec = declared("sleep", "Hours slept, average per night", 14, true);

/// A goal as a clinician would word it for a concern.
struct GoalSpec {
    text: &'static str,
    measure: MeasureSpec,
    baseline: (i64, i64),
    comparator: &'static str,
    target: (i64, i64),
}

/// An intervention from the catalogue; `consent` marks those that need one.
struct Treatment {
    modality: &'static str,
    technique: Option<&'static str>,
    title: &'static str,
    consent: bool,
}

const fn treat(
    modality: &'static str,
    technique: Option<&'static str>,
    title: &'static str,
    consent: bool,
) -> Treatment {
    Treatment {
        modality,
        technique,
        title,
        consent,
    }
}

/// A presenting concern: its wording, ICD-10 code, goals and treatments.
struct ConcernSpec {
    id: &'static str,
    title: &'static str,
    text: &'static str,
    code: &'static str,
    goals: [GoalSpec; 2],
    treatments: &'static [Treatment],
    psychoeducation: &'static str,
}

const CONCERNS: &[ConcernSpec] = &[
    ConcernSpec {
        id: "mood",
        title: "Low mood after a job loss",
        text: "Low mood and loss of interest since losing a job",
        code: "F32.1",
        goals: [
            GoalSpec {
                text: "Lift low mood",
                measure: PHQ9,
                baseline: (12, 19),
                comparator: "<",
                target: (5, 10),
            },
            GoalSpec {
                text: "Back to valued activities",
                measure: declared("activities", "Valued activities in the past week", 30, true),
                baseline: (0, 3),
                comparator: ">=",
                target: (5, 8),
            },
        ],
        treatments: &[
            treat(
                "CBT",
                Some("behavioral-activation"),
                "Activity scheduling",
                false,
            ),
            treat(
                "CBT",
                Some("cognitive-restructuring"),
                "Challenging hopeless thoughts",
                false,
            ),
            treat("ACT", Some("values"), "Values and committed steps", false),
            treat(
                "IPT",
                Some("role-transition"),
                "Adjusting to life after the job",
                false,
            ),
        ],
        psychoeducation: "Depression and the activity cycle",
    },
    ConcernSpec {
        id: "worry",
        title: "generalised worry",
        text: "Constant worry about work, money and health",
        code: "F41.1",
        goals: [
            GoalSpec {
                text: "Worry less, and less intensely",
                measure: GAD7,
                baseline: (10, 17),
                comparator: "<",
                target: (5, 8),
            },
            GoalSpec {
                text: "Sleep through most nights",
                measure: declared("wakings", "Nights woken by worry, past week", 7, false),
                baseline: (4, 6),
                comparator: "<=",
                target: (1, 2),
            },
        ],
        treatments: &[
            treat("CBT", Some("thought-record"), "Worry diary", false),
            treat("ACT", Some("defusion"), "Unhooking from worries", false),
            treat("MBCT", None, "Eight-week mindfulness course", false),
            treat("DBT", Some("mindfulness"), "Wise-mind practice", false),
        ],
        psychoeducation: "What worry does and does not do",
    },
    ConcernSpec {
        id: "panic",
        title: "Panic disorder with agoraphobia",
        text: "Panic attacks three to four times a week; avoids buses",
        code: "F41.0",
        goals: [
            GoalSpec {
                text: "Fewer panic attacks",
                measure: declared("attacks", "Panic attacks in the past week", 50, false),
                baseline: (3, 8),
                comparator: "<=",
                target: (1, 1),
            },
            GoalSpec {
                text: "Ride the bus to work again",
                measure: declared("avoidance", "Situations avoided this week", 20, false),
                baseline: (5, 9),
                comparator: "<=",
                target: (1, 2),
            },
        ],
        treatments: &[
            treat(
                "exposure",
                Some("interoceptive"),
                "Interoceptive exposure",
                true,
            ),
            treat("exposure", Some("in-vivo"), "Graded bus hierarchy", true),
            treat(
                "CBT",
                Some("cognitive-restructuring"),
                "Catastrophic misreadings",
                false,
            ),
        ],
        psychoeducation: "The panic cycle",
    },
    ConcernSpec {
        id: "trauma",
        title: "post-traumatic stress after an assault",
        text: "Nightmares and intrusive memories since an assault",
        code: "F43.10",
        goals: [
            GoalSpec {
                text: "Fewer intrusive memories",
                measure: declared(
                    "intrusions",
                    "Intrusive memories in the past week",
                    70,
                    false,
                ),
                baseline: (8, 14),
                comparator: "<=",
                target: (2, 3),
            },
            GoalSpec {
                text: "Feel calm enough at home to rest",
                measure: GAD7,
                baseline: (10, 15),
                comparator: "<",
                target: (6, 8),
            },
        ],
        treatments: &[
            treat("TF-CBT", Some("trauma-narrative"), "Trauma narrative", true),
            treat("EMDR", None, "Reprocessing the assault memory", true),
            treat(
                "TF-CBT",
                Some("relaxation"),
                "Grounding and breathing",
                false,
            ),
            treat("exposure", Some("imaginal"), "Imaginal exposure", true),
        ],
        psychoeducation: "Common reactions to trauma",
    },
    ConcernSpec {
        id: "outbursts",
        title: "emotional outbursts under stress",
        text: "Intense emotions and outbursts when overwhelmed",
        code: "F43.25",
        goals: [
            GoalSpec {
                text: "Ride out strong emotions without outbursts",
                measure: declared(
                    "outbursts-per-week",
                    "Outbursts in the past week",
                    30,
                    false,
                ),
                baseline: (3, 6),
                comparator: "<=",
                target: (1, 1),
            },
            GoalSpec {
                text: "Use a skill when distressed",
                measure: declared("skills", "Days a skill was used, past week", 7, true),
                baseline: (0, 2),
                comparator: ">=",
                target: (5, 6),
            },
        ],
        treatments: &[
            treat(
                "DBT",
                Some("distress-tolerance"),
                "TIPP and self-soothing",
                false,
            ),
            treat(
                "DBT",
                Some("emotion-regulation"),
                "Naming and checking emotions",
                false,
            ),
            treat(
                "DBT",
                Some("interpersonal-effectiveness"),
                "DEAR MAN at home",
                false,
            ),
        ],
        psychoeducation: "The emotion wave",
    },
    ConcernSpec {
        id: "grief",
        title: "prolonged grief",
        text: "Grief and withdrawal since the death of a parent",
        code: "F43.21",
        goals: [
            GoalSpec {
                text: "Carry the loss and lift mood",
                measure: PHQ9,
                baseline: (12, 18),
                comparator: "<",
                target: (7, 10),
            },
            GoalSpec {
                text: "See friends again",
                measure: declared(
                    "meetups",
                    "Meetings with friends in the past week",
                    30,
                    true,
                ),
                baseline: (0, 1),
                comparator: ">=",
                target: (3, 4),
            },
        ],
        treatments: &[
            treat("IPT", Some("grief"), "Mourning and new attachments", false),
            treat("humanistic", None, "Person-centred sessions", false),
            treat("expressive", Some("art"), "Memory box", false),
        ],
        psychoeducation: "Grief is not a straight line",
    },
];

const CLINICIANS: &[&str] = &[
    "A. Rivera, LCSW",
    "M. Chen, PsyD",
    "S. Okafor, LPC",
    "J. Lindqvist, LMFT",
    "R. Haddad, PhD",
    "J. Müller, PhD",
    "E. Novak, LCSW",
];
const PRESCRIBERS: &[&str] = &[
    "K. Osei, MD",
    "L. Moreau, PMHNP",
    "Ş. Yılmaz, MD",
    "D. Silva, MD",
];
const DRUGS: &[(&str, &str)] = &[
    ("sertraline", "50 mg daily"),
    ("escitalopram", "10 mg daily"),
    ("fluoxetine", "20 mg each morning"),
];
const RESPONSES: &[&str] = &[
    "Engaged; named three early cues",
    "Completed the exercise with support",
    "Tolerated it well; distress eased by the end",
    "Hesitant at first, then joined in",
    "Brought a filled-in worksheet",
    "Found it hard today; agreed to try again",
    "Noticed the pattern without prompting",
    "Practised twice in session",
    "Said it felt more manageable than last week",
    "Tearful but stayed with it",
    "Linked it to a situation at home",
    "Asked for a written summary",
];
const NOTES: &[&str] = &[
    "Slept better this week",
    "Argument with partner on Sunday; recovered by Monday",
    "Back at the gym twice",
    "Cancelled plans once, kept two",
    "Work interview booked for next month",
    "Quoted her sister: \\\"you seem lighter\\\"",
    "Used the breathing card on the train",
    "Mentioned café visits with a neighbour",
    "Weekend was difficult; anniversary of the loss",
    "Reports no side effects",
];
const HOMEWORK: &[&str] = &[
    "Two scheduled activities a day",
    "Thought record after each low moment",
    "Ten minutes of mindfulness each morning",
    "One step up the hierarchy, twice",
    "Spin in the chair for 60 s, daily",
    "Call one friend",
    "Write a page of the narrative",
    "Keep the sleep diary",
];
const COMMENTS: &[&str] = &[
    "supervisor reviewed this session",
    "rescheduled from Tuesday",
    "interpreter present",
    "see letter to GP",
    "TODO: send the worksheet",
    "client asked for earlier slot next time",
];
const INDICATORS: &[&str] = &[
    "Did the planned activity on three days",
    "Stayed on the bus for two stops",
    "Used a skill instead of shouting",
    "Noticed the worry and let it pass",
    "Went to the market alone",
];

/// A goal while the sessions are written.
struct GoalState {
    id: String,
    spec: &'static GoalSpec,
    baseline: i64,
    target: i64,
    /// Where the scores settle once treatment has worked.
    settle: i64,
    /// Sessions until the scores settle.
    horizon: i64,
    due: Date,
    achieved: bool,
    last: i64,
}

impl GoalState {
    /// The goal's score at session `n`, with a little noise, within range.
    fn score(&self, n: i64, rng: &mut Rng) -> i64 {
        let step = n.min(self.horizon);
        let trend = self.baseline + (self.settle - self.baseline) * step / self.horizon;
        let value = trend + rng.range(-1, 1);
        let m = &self.spec.measure;
        // Never above the baseline's severity by more than one point.
        let (low, high) = if m.higher_better {
            ((self.baseline - 1).max(m.low), m.high)
        } else {
            (m.low, (self.baseline + 1).min(m.high))
        };
        value.clamp(low, high)
    }

    fn met(&self, value: i64) -> bool {
        match self.spec.comparator {
            "<" => value < self.target,
            "<=" => value <= self.target,
            ">" => value > self.target,
            _ => value >= self.target,
        }
    }
}

/// An intervention while the sessions are written.
struct TreatmentState {
    id: String,
    spec: &'static Treatment,
    psychoeducation: bool,
    stopped: bool,
}

struct Generator {
    rng: Rng,
    out: String,
    indent: &'static str,
    /// The typed form of every entry written so far.
    entries: Vec<Value>,
}

/// Appends one formatted line to the generator's text.
macro_rules! put {
    ($g:expr, $($arg:tt)*) => {{
        writeln!($g.out, $($arg)*).unwrap()
    }};
}

fn days(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().days(n)).unwrap()
}

impl Generator {
    fn new(seed: u64) -> Self {
        let mut rng = Rng(seed);
        let indent = match rng.below(10) {
            0..=6 => "  ",
            7 | 8 => "    ",
            _ => "\t",
        };
        Generator {
            rng,
            out: String::new(),
            indent,
            entries: Vec::new(),
        }
    }

    /// Starts the typed form of an entry of `kind` with `fields`.
    fn typed(&mut self, kind: &str, fields: Value) {
        self.entries.push(json!({ kind: fields }));
    }

    /// The fields of the entry whose typed form is being written.
    fn fields(&mut self) -> &mut Map<String, Value> {
        self.entries
            .last_mut()
            .and_then(|entry| entry.as_object_mut()?.values_mut().next()?.as_object_mut())
            .expect("an entry is being written")
    }

    /// Sets a field of the entry being written.
    fn set(&mut self, key: &str, value: impl Into<Value>) {
        self.fields().insert(key.to_owned(), value.into());
    }

    /// Adds an item to a list field of the entry being written.
    fn add(&mut self, key: &str, value: Value) {
        let list = self.fields().entry(key).or_insert_with(|| json!([]));
        if let Some(list) = list.as_array_mut() {
            list.push(value);
        }
    }

    /// A random calendar date in `year_low..=year_high`.
    fn date_in(&mut self, year_low: i64, year_high: i64) -> Date {
        let year = self.rng.range(year_low, year_high) as i16;
        let month = self.rng.range(1, 12) as i8;
        let day = self.rng.range(1, 28) as i8;
        date(year, month, day)
    }

    fn field(&mut self, text: std::fmt::Arguments<'_>) {
        let indent = self.indent;
        put!(self, "{indent}{text}");
    }

    fn plan(mut self, sessions: usize) -> Forms {
        let crlf = self.rng.chance(10);
        let client = self.rng.range(1000, 9999);
        let born = self.date_in(1955, 2007);
        let opened = self.date_in(2023, 2025);
        let young = opened.year() - born.year() < 26;

        // Concerns: 1-3 distinct kinds; goals: 2-4, each concern's first goal first.
        let mut kinds: Vec<&'static ConcernSpec> = Vec::new();
        let wanted = self.rng.range(1, 3);
        while (kinds.len() as i64) < wanted {
            let kind = self.rng.pick(CONCERNS);
            if !kinds.iter().any(|k| k.id == kind.id) {
                kinds.push(kind);
            }
        }
        let mut goal_specs: Vec<(usize, &'static GoalSpec)> = kinds
            .iter()
            .enumerate()
            .map(|(c, k)| (c, &k.goals[0]))
            .collect();
        let goal_count = self.rng.range(2, 4).max(kinds.len() as i64) as usize;
        for c in (0..kinds.len()).cycle().take(kinds.len() * 2) {
            if goal_specs.len() >= goal_count {
                break;
            }
            if self.rng.chance(70) || kinds.len() == 1 {
                goal_specs.push((c, &kinds[c].goals[1]));
            }
        }
        goal_specs.sort_by_key(|(c, _)| *c);
        let mut goals: Vec<GoalState> = Vec::new();
        for (n, (_, spec)) in goal_specs.iter().enumerate() {
            let baseline = self.rng.range(spec.baseline.0, spec.baseline.1);
            let target = self.rng.range(spec.target.0, spec.target.1);
            let settle = match spec.comparator {
                "<" => target - 1 - self.rng.range(0, 2),
                "<=" => target - self.rng.range(0, 1),
                _ => target + self.rng.range(0, 1),
            }
            .clamp(spec.measure.low, spec.measure.high);
            goals.push(GoalState {
                id: format!("G{}", n + 1),
                spec,
                baseline,
                target,
                settle,
                horizon: self.rng.range(8, 30),
                due: days(opened, 7 * self.rng.range(16, 30)),
                achieved: false,
                last: baseline,
            });
        }

        // Interventions: 1-2 per concern, serving all its goals; sometimes
        // psychoeducation first, stopped at the first review.
        let mut treatments: Vec<(TreatmentState, Vec<String>)> = Vec::new();
        for (c, kind) in kinds.iter().enumerate() {
            let serves: Vec<String> = goal_specs
                .iter()
                .zip(&goals)
                .filter(|((gc, _), _)| *gc == c)
                .map(|(_, g)| g.id.clone())
                .collect();
            let first = self.rng.below(kind.treatments.len() as u64) as usize;
            let count = if self.rng.chance(40) { 2 } else { 1 };
            for k in 0..count.min(kind.treatments.len()) {
                let spec = &kind.treatments[(first + k) % kind.treatments.len()];
                let id = format!("I{}", treatments.len() + 1);
                let state = TreatmentState {
                    id,
                    spec,
                    psychoeducation: false,
                    stopped: false,
                };
                treatments.push((state, serves.clone()));
            }
        }
        const PSYCHOEDUCATION: Treatment = treat("psychoeducation", None, "", false);
        if self.rng.chance(60) {
            let id = format!("I{}", treatments.len() + 1);
            let state = TreatmentState {
                id,
                spec: &PSYCHOEDUCATION,
                psychoeducation: true,
                stopped: false,
            };
            treatments.insert(0, (state, vec![goals[0].id.clone()]));
        }
        let medication = kinds.iter().any(|k| k.id != "outbursts") && self.rng.chance(40);
        let modalities = {
            let mut m: Vec<&str> = treatments.iter().map(|(t, _)| t.spec.modality).collect();
            m.sort_unstable();
            m.dedup();
            m
        };
        let orientation = treatments
            .iter()
            .find(|(t, _)| !t.psychoeducation)
            .map_or("CBT", |(t, _)| t.spec.modality);

        // The plan.
        let title: Vec<&str> = kinds.iter().map(|k| k.title).collect();
        let mut title = title.join("; ");
        if let Some(first) = title.get(..1) {
            title = first.to_uppercase() + title.get(1..).unwrap_or("");
        }
        if self.rng.chance(50) {
            let comment =
                format!("Episode of care for C-{client}. Pseudonymous: no names in this file.");
            put!(self, "# {comment}");
            self.typed("comment", json!({ "text": comment }));
        }
        put!(self, "plan \"{title}\"");
        self.field(format_args!("client C-{client}"));
        self.field(format_args!("born {born}"));
        let clinician = *self.rng.pick(CLINICIANS);
        self.field(format_args!("clinician \"{clinician}\""));
        let prescriber = *self.rng.pick(PRESCRIBERS);
        self.field(format_args!("prescriber \"{prescriber}\""));
        self.field(format_args!("opened {opened}"));
        self.field(format_args!("orientation {orientation}"));
        self.typed(
            "plan",
            json!({
                "title": title,
                "client": format!("C-{client}"),
                "born": born.to_string(),
                "clinician": clinician,
                "prescriber": prescriber,
                "opened": opened.to_string(),
                "orientation": orientation,
            }),
        );
        if modalities.len() > 1 {
            self.field(format_args!("integration assimilative"));
            self.set("integration", "assimilative");
        }
        let rationale = format!(
            "{orientation} frame{}; scores reviewed every eight weeks",
            if medication {
                ", alongside medication"
            } else {
                ""
            }
        );
        self.field(format_args!("rationale \"{rationale}\""));
        let stage = *self.rng.pick(&["contemplation", "preparation", "action"]);
        self.field(format_args!("stage {stage}"));
        let care = if medication { "concurrent" } else { "single" };
        self.field(format_args!("care {care}"));
        self.field(format_args!("review every 8 weeks"));
        self.set("rationale", rationale);
        self.set("stage", stage);
        self.set("care", care);
        self.set("review_every_weeks", 8);
        put!(self, "");

        for kind in &kinds {
            put!(self, "concern {} \"{}\"", kind.id, kind.text);
            self.field(format_args!("diagnosis {}", kind.code));
            self.typed(
                "concern",
                json!({ "id": kind.id, "text": kind.text, "diagnosis": kind.code }),
            );
            if self.rng.chance(50) {
                let since = days(opened, -self.rng.range(30, 400));
                self.field(format_args!("since {since}"));
                self.set("since", since.to_string());
            }
        }
        put!(self, "");

        // Declared measures: those the goals use, else one to track sleep.
        let mut declared: Vec<&'static MeasureSpec> = Vec::new();
        for g in &goals {
            let m = &g.spec.measure;
            if m.name.is_some() && !declared.iter().any(|d| d.id == m.id) {
                declared.push(m);
            }
        }
        let track_sleep = declared.is_empty();
        if track_sleep {
            declared.push(&SLEEP);
        }
        for m in &declared {
            put!(self, "measure {} \"{}\"", m.id, m.name.unwrap_or(m.id));
            self.field(format_args!("range {}..{}", m.low, m.high));
            let better = if m.higher_better { "higher" } else { "lower" };
            self.field(format_args!("better {better}"));
            self.typed(
                "measure",
                json!({
                    "id": m.id,
                    "name": m.name.unwrap_or(m.id),
                    "range": [m.low, m.high],
                    "better": better,
                }),
            );
        }
        put!(self, "");

        for (g, (c, _)) in goals.iter().zip(&goal_specs) {
            let concern = kinds[*c].id;
            put!(self, "goal {} \"{}\" for {concern}", g.id, g.spec.text);
            let (m, b, cmp, t) = (g.spec.measure.id, g.baseline, g.spec.comparator, g.target);
            self.field(format_args!("measure {m} baseline {b} target {cmp} {t}"));
            self.field(format_args!("due {}", g.due));
            self.typed(
                "goal",
                json!({
                    "id": g.id,
                    "text": g.spec.text,
                    "for": concern,
                    "measure": m,
                    "baseline": b,
                    "comparator": cmp,
                    "target": t,
                    "due": g.due.to_string(),
                }),
            );
        }
        put!(self, "");

        let first_session = days(opened, 7);
        for (t, serves) in &treatments {
            let spec = t.spec;
            let mut head = format!("intervention {} {}", t.id, spec.modality);
            if let Some(technique) = spec.technique {
                head = format!("{head} {technique}");
            }
            let title = if t.psychoeducation {
                kinds[0].psychoeducation
            } else {
                spec.title
            };
            self.typed(
                "intervention",
                json!({ "id": t.id, "modality": spec.modality, "for": serves }),
            );
            if let Some(technique) = spec.technique {
                self.set("technique", technique);
            }
            if self.rng.chance(85) {
                head = format!("{head} \"{title}\"");
                self.set("title", title);
            }
            put!(self, "{head} for {}", serves.join(", "));
            if spec.consent {
                self.field(format_args!("consent {first_session}"));
                self.set("consent", first_session.to_string());
            }
            if self.rng.chance(40) {
                self.field(format_args!("frequency weekly"));
                self.set("frequency", "weekly");
            }
        }
        if medication {
            let (drug, dose) = *self.rng.pick(DRUGS);
            let serves = goals
                .iter()
                .find(|g| matches!(g.spec.measure.id, "PHQ-9" | "GAD-7"))
                .unwrap_or(&goals[0]);
            put!(self, "medication M1 {drug} for {}", serves.id);
            self.field(format_args!("dose \"{dose}\""));
            let started = days(opened, self.rng.range(7, 21));
            self.field(format_args!("started {started}"));
            let id = serves.id.clone();
            self.typed(
                "medication",
                json!({
                    "id": "M1",
                    "drug": drug,
                    "for": [id],
                    "dose": dose,
                    "started": started.to_string(),
                }),
            );
            if young || self.rng.chance(30) {
                let monitor = "Suicidal thinking and agitation, weekly for the first month";
                self.field(format_args!("monitor \"{monitor}\""));
                self.set("monitor", monitor);
            }
        }
        put!(self, "");

        // A safety plan before the first session when mood is severe.
        let severe = goals
            .iter()
            .any(|g| g.spec.measure.id == "PHQ-9" && g.baseline >= 17);
        if severe || self.rng.chance(10) {
            let signs = "Staying in bed, not answering the phone";
            let coping = "Walk the dog; music; shower";
            let contacts = "Sister; crisis line 988";
            let means = "Medication kept by partner";
            put!(self, "safety-plan {first_session}");
            self.field(format_args!("warning-signs \"{signs}\""));
            self.field(format_args!("coping \"{coping}\""));
            self.field(format_args!("contacts \"{contacts}\""));
            self.field(format_args!("means-safety \"{means}\""));
            self.typed(
                "safety_plan",
                json!({
                    "date": first_session.to_string(),
                    "warning_signs": signs,
                    "coping": coping,
                    "contacts": contacts,
                    "means_safety": means,
                }),
            );
            put!(self, "");
        }

        let mut treatments: Vec<TreatmentState> = treatments.into_iter().map(|(t, _)| t).collect();
        let mut day = first_session;
        let mut next_review = days(opened, 56);
        let mut reviews = 0;
        let mut stage = stage;
        for n in 0..sessions as i64 {
            if day >= next_review {
                self.review(
                    next_review,
                    n,
                    &mut goals,
                    &mut treatments,
                    reviews,
                    &mut stage,
                );
                reviews += 1;
                next_review = days(next_review, 56);
            }
            self.session(day, n, &goals, &treatments, track_sleep);
            if self.rng.chance(2) {
                let what = *self.rng.pick(&[
                    "Started a new job",
                    "Moved house",
                    "Family wedding abroad",
                    "Partner's surgery",
                ]);
                let note = "Discussed at the next session";
                put!(self, "event {} life-event \"{what}\"", days(day, 1));
                self.field(format_args!("note \"{note}\""));
                self.typed(
                    "event",
                    json!({
                        "date": days(day, 1).to_string(),
                        "type": "life-event",
                        "text": what,
                        "note": note,
                    }),
                );
                put!(self, "");
            }
            // Mostly weekly; now and then a week off.
            day = days(day, if self.rng.chance(8) { 14 } else { 7 });
        }

        let careplan = if crlf {
            self.out.replace('\n', "\r\n")
        } else {
            self.out
        };
        Forms {
            careplan,
            entries: self.entries,
        }
    }

    fn session(
        &mut self,
        day: Date,
        n: i64,
        goals: &[GoalState],
        treatments: &[TreatmentState],
        track_sleep: bool,
    ) {
        if self.rng.chance(4) {
            let comment = *self.rng.pick(COMMENTS);
            put!(self, "# {comment}");
            self.typed("comment", json!({ "text": comment }));
        }
        self.typed("session", json!({ "date": day.to_string() }));
        if self.rng.chance(5) {
            let comment = *self.rng.pick(COMMENTS);
            put!(self, "session {day}  # {comment}");
            self.add("comments", json!(comment));
        } else {
            put!(self, "session {day}");
        }
        let active: Vec<&TreatmentState> = treatments.iter().filter(|t| !t.stopped).collect();
        let mut used: Vec<&TreatmentState> = Vec::new();
        if let Some(p) = active.iter().find(|t| t.psychoeducation).filter(|_| n < 3) {
            used.push(p);
        }
        let others: Vec<&TreatmentState> = active
            .iter()
            .copied()
            .filter(|t| !t.psychoeducation)
            .collect();
        let count = if used.is_empty() && !self.rng.chance(30) {
            1
        } else {
            2
        };
        let wanted = count.min(others.len() + used.len());
        while used.len() < wanted {
            let t = *self.rng.pick(&others);
            if !used.iter().any(|u| u.id == t.id) {
                used.push(t);
            }
        }
        for t in &used {
            let response = *self.rng.pick(RESPONSES);
            self.field(format_args!("used {} \"{response}\"", t.id));
            self.add("used", json!({ "id": t.id, "response": response }));
        }
        if self.rng.chance(20) {
            let goal = &goals[self.rng.below(goals.len() as u64) as usize].id;
            let indicator = *self.rng.pick(INDICATORS);
            self.field(format_args!("progress {goal} \"{indicator}\""));
            let goal = goal.clone();
            self.add("progress", json!({ "goal": goal, "indicator": indicator }));
        }
        let mut scored: Vec<&str> = Vec::new();
        for g in goals {
            let m = &g.spec.measure;
            if scored.contains(&m.id) {
                continue;
            }
            scored.push(m.id);
            let every = if m.name.is_none() { 90 } else { 70 };
            if self.rng.chance(every) {
                let value = g.score(n, &mut self.rng);
                self.field(format_args!("score {} {value}", m.id));
                self.add("scores", json!({ "measure": m.id, "value": value }));
            }
        }
        if track_sleep && self.rng.chance(60) {
            let hours = (5 + n / 6).min(8) + self.rng.range(-1, 0);
            self.field(format_args!("score sleep {hours}"));
            self.add("scores", json!({ "measure": "sleep", "value": hours }));
        }
        if used.iter().any(|t| t.spec.consent) {
            let before = self.rng.range(60, 90);
            let after = before - self.rng.range(10, 40);
            self.field(format_args!("score SUDS {before} -> {after}"));
            self.add(
                "scores",
                json!({ "measure": "SUDS", "value": before, "after": after }),
            );
        }
        if self.rng.chance(30) {
            self.field(format_args!("risk low"));
            self.set("risk", "low");
        }
        if self.rng.chance(5) {
            let inner = format!("{}  ", self.indent);
            let note = *self.rng.pick(NOTES);
            let extra = *self.rng.pick(NOTES);
            self.field(format_args!(
                "note \"\"\"\n{inner}{note}.\n{inner}{extra}.\n{inner}\"\"\""
            ));
            self.set("note", format!("{}.\n{}.", unescape(note), unescape(extra)));
        } else if self.rng.chance(50) {
            let note = *self.rng.pick(NOTES);
            self.field(format_args!("note \"{note}\""));
            self.set("note", unescape(note));
        }
        if self.rng.chance(8) {
            let comment = *self.rng.pick(COMMENTS);
            self.field(format_args!("# {comment}"));
            self.add("comments", json!(comment));
        }
        if self.rng.chance(50) {
            let homework = *self.rng.pick(HOMEWORK);
            self.field(format_args!("homework \"{homework}\""));
            self.set("homework", homework);
        }
        if self.rng.chance(70) {
            let minutes = *self.rng.pick(&[50, 50, 50, 45, 60]);
            self.field(format_args!("minutes {minutes}"));
            self.set("minutes", minutes);
        }
        if self.rng.chance(60) {
            let format = if self.rng.chance(70) {
                "in-person"
            } else {
                "telehealth"
            };
            self.field(format_args!("format {format}"));
            self.set("format", format);
        }
        put!(self, "");
    }

    fn review(
        &mut self,
        day: Date,
        n: i64,
        goals: &mut [GoalState],
        treatments: &mut [TreatmentState],
        reviews: usize,
        stage: &mut &'static str,
    ) {
        put!(self, "review {day}");
        self.typed("review", json!({ "date": day.to_string() }));
        let next = days(day, 56);
        for g in goals.iter_mut() {
            let value = g.score(n, &mut self.rng);
            let status = if g.achieved {
                "sustaining"
            } else if g.met(value) {
                g.achieved = true;
                "achieved"
            } else if g.spec.measure.higher_better == (value > g.last) && value != g.last {
                "improving"
            } else {
                "no-change"
            };
            g.last = value;
            let id = g.id.clone();
            if self.rng.chance(40) {
                let m = g.spec.measure.id;
                self.field(format_args!("status {id} {status} \"{m} now {value}\""));
                let note = format!("{m} now {value}");
                self.add(
                    "statuses",
                    json!({ "goal": &id, "status": status, "note": note }),
                );
            } else {
                self.field(format_args!("status {id} {status}"));
                self.add("statuses", json!({ "goal": &id, "status": status }));
            }
            if !g.achieved && g.due < next {
                g.due = days(g.due, 182);
                self.field(format_args!("revise {id} due {}", g.due));
                let due = g.due.to_string();
                self.add("revisions", json!({ "goal": &id, "due": due }));
            }
        }
        if reviews == 0 && self.rng.chance(30) {
            // Tighten the first PHQ-9 or GAD-7 target once the client is engaged.
            if let Some(g) = goals
                .iter_mut()
                .find(|g| !g.achieved && g.spec.comparator == "<" && g.target > 5)
            {
                g.target -= 1;
                let (id, cmp, target) = (g.id.clone(), g.spec.comparator, g.target);
                self.field(format_args!("revise {id} target {cmp} {target}"));
                self.add(
                    "revisions",
                    json!({ "goal": &id, "comparator": cmp, "target": target }),
                );
            }
        }
        for t in treatments
            .iter_mut()
            .filter(|t| t.psychoeducation && !t.stopped)
        {
            t.stopped = true;
            let id = t.id.clone();
            let reason = "Psychoeducation complete";
            self.field(format_args!("stop {id} \"{reason}\""));
            self.add("stops", json!({ "id": &id, "reason": reason }));
        }
        let new_stage = if goals.iter().all(|g| g.achieved) {
            "maintenance"
        } else {
            "action"
        };
        if new_stage != *stage {
            *stage = new_stage;
            self.field(format_args!("stage {new_stage}"));
            self.set("stage", new_stage);
        }
        if self.rng.chance(30) {
            let note = "Reviewed scores and homework together";
            self.field(format_args!("note \"{note}\""));
            self.set("note", note);
        }
        self.field(format_args!("next {next}"));
        self.set("next", next.to_string());
        put!(self, "");
    }
}

/// A string as the generator writes it in careplan text (`\"` for a
/// quote), as its value.
fn unescape(text: &str) -> String {
    text.replace("\\\"", "\"")
}
