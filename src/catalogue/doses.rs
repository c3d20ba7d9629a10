//! The labelled maximum daily doses that `dose-above-maximum` checks, and
//! reading the daily amount in milligrams from a `dose` line
//! (`"50 mg twice daily"` is 100 mg a day).
//!
//! Where the regulators' labels disagree, careplan takes the highest adult
//! maximum any of them allows for any licensed use, so that a finding means
//! the dose is above every label; except where a regulator lowered a
//! maximum for a named harm (QT prolongation with citalopram and
//! escitalopram), where it takes the lower one and the earlier age.

/// A lower maximum from an age on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Older {
    /// The age, in whole years, from which it applies.
    pub from_age: i16,
    /// The maximum, mg a day.
    pub mg: f64,
    /// Where it comes from, as messages cite it.
    pub source: &'static str,
}

/// A release form with its own maximum, recognised by a word of the drug's
/// name or of the dose line (`SR` in `bupropion SR`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Form {
    /// The words, lower case, any one of which names the form.
    pub words: &'static [&'static str],
    /// The form as messages name it (`sustained-release`).
    pub name: &'static str,
    /// The maximum, mg a day.
    pub mg: f64,
    /// Where it comes from.
    pub source: &'static str,
    /// A lower maximum of this form for older clients (else the drug's).
    pub older: Option<Older>,
}

/// One drug's labelled maximum daily dose for adults.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MaxDose {
    /// The generic name, as the drug table holds it.
    pub drug: &'static str,
    /// The maximum, mg a day.
    pub mg: f64,
    /// Where it comes from.
    pub source: &'static str,
    /// A lower maximum for older clients.
    pub older: Option<Older>,
    /// Release forms whose maximum differs; a name with no form word is the
    /// immediate-release product (a prescription names a modified-release
    /// form when it means one: BNF, "Prescription writing").
    pub forms: &'static [Form],
}

/// The maximum that applies to a medication, and why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limit {
    /// The maximum, mg a day.
    pub mg: f64,
    /// Where it comes from.
    pub source: &'static str,
    /// The form it is the maximum of, when the form decides it.
    pub form: Option<&'static str>,
    /// The age from which it applies, when age decides it.
    pub from_age: Option<i16>,
}

/// The table. Sources: each drug's FDA prescribing information (DailyMed,
/// section 2, "Dosage and administration") and the BNF's dose for adults
/// (bnf.nice.org.uk, 2025).
const TABLE: &[MaxDose] = &[
    // FDA Drug Safety Communication of 24 August 2011, revised 28 March
    // 2012: no more than 40 mg a day (QT prolongation), 20 mg a day for
    // patients older than 60. MHRA Drug Safety Update, December 2011: 40 mg,
    // 20 mg over 65. careplan takes the FDA's lower age.
    MaxDose {
        drug: "citalopram",
        mg: 40.0,
        source: "FDA Drug Safety Communication 2011, revised 2012; MHRA Drug Safety Update, December 2011",
        older: Some(Older {
            from_age: 60,
            mg: 20.0,
            source: "FDA Drug Safety Communication 2011, revised 2012; the MHRA's age is 65",
        }),
        forms: &[],
    },
    // FDA label (Lexapro): 20 mg. MHRA Drug Safety Update, December 2011,
    // and the EU SmPC: 10 mg over 65 (QT prolongation). The FDA label
    // recommends 10 mg for most elderly patients without making it a
    // maximum; careplan follows the MHRA.
    MaxDose {
        drug: "escitalopram",
        mg: 20.0,
        source: "FDA label (Lexapro); MHRA Drug Safety Update, December 2011",
        older: Some(Older {
            from_age: 65,
            mg: 10.0,
            source: "MHRA Drug Safety Update, December 2011; EU SmPC",
        }),
        forms: &[],
    },
    // FDA label (Zoloft): 200 mg; BNF: 200 mg.
    MaxDose {
        drug: "sertraline",
        mg: 200.0,
        source: "FDA label (Zoloft); BNF",
        older: None,
        forms: &[],
    },
    // FDA label (Prozac): 80 mg (depression, OCD). The BNF's maximum is
    // 60 mg; careplan takes the higher.
    MaxDose {
        drug: "fluoxetine",
        mg: 80.0,
        source: "FDA label (Prozac); the BNF's maximum is 60 mg",
        older: None,
        forms: &[],
    },
    // FDA label (Paxil): 50 mg for depression, 60 mg for OCD and panic
    // disorder; BNF the same. Paxil CR: 62.5 mg for depression, 75 mg for
    // panic disorder. Elderly: Paxil, 2.x "should not exceed 40 mg/day";
    // Paxil CR, "should not exceed 50 mg/day"; BNF, elderly, 40 mg a day.
    // Neither label gives an age; careplan takes the BNF's elderly, 65.
    MaxDose {
        drug: "paroxetine",
        mg: 60.0,
        source: "FDA label (Paxil), for OCD and panic disorder; BNF",
        older: Some(Older {
            from_age: 65,
            mg: 40.0,
            source: "FDA label (Paxil), elderly patients; BNF, elderly",
        }),
        forms: &[Form {
            words: &["cr", "er", "xr", "mr", "controlled", "extended", "modified"],
            name: "controlled-release",
            mg: 75.0,
            source: "FDA label (Paxil CR), for panic disorder",
            older: Some(Older {
                from_age: 65,
                mg: 50.0,
                source: "FDA label (Paxil CR), elderly patients",
            }),
        }],
    },
    // FDA label (Effexor, immediate release): 225 mg for outpatients,
    // 375 mg for severely depressed inpatients; Effexor XR: 225 mg. BNF:
    // 375 mg, both forms. careplan does not know the setting, and takes
    // 375 mg.
    MaxDose {
        drug: "venlafaxine",
        mg: 375.0,
        source: "FDA label (Effexor), for severely depressed inpatients; BNF",
        older: None,
        forms: &[],
    },
    // FDA label (Cymbalta): 120 mg; BNF: 120 mg for generalised anxiety
    // disorder (60 mg for depression).
    MaxDose {
        drug: "duloxetine",
        mg: 120.0,
        source: "FDA label (Cymbalta); BNF, for generalised anxiety disorder",
        older: None,
        forms: &[],
    },
    // FDA label (Remeron): 45 mg; BNF: 45 mg.
    MaxDose {
        drug: "mirtazapine",
        mg: 45.0,
        source: "FDA label (Remeron); BNF",
        older: None,
        forms: &[],
    },
    // FDA labels: Wellbutrin (immediate release) 450 mg, Wellbutrin SR
    // 400 mg, Wellbutrin XL 450 mg (seizure risk rises above them); Zyban
    // (sustained release, for stopping smoking) 300 mg. "Extended-release"
    // alone names both the SR and the XL tablets in US generic labelling,
    // so only `SR`, "sustained" and Zyban select a lower maximum.
    MaxDose {
        drug: "bupropion",
        mg: 450.0,
        source: "FDA labels (Wellbutrin, Wellbutrin XL)",
        older: None,
        forms: &[
            Form {
                words: &["zyban"],
                name: "Zyban",
                mg: 300.0,
                source: "FDA label (Zyban)",
                older: None,
            },
            Form {
                words: &["sr", "sustained"],
                name: "sustained-release",
                mg: 400.0,
                source: "FDA label (Wellbutrin SR)",
                older: None,
            },
        ],
    },
    // FDA labels: Seroquel 750 mg for schizophrenia, 800 mg for bipolar
    // mania; Seroquel XR 800 mg. BNF: 750 mg and 800 mg.
    MaxDose {
        drug: "quetiapine",
        mg: 800.0,
        source: "FDA labels (Seroquel, Seroquel XR), for bipolar mania; BNF",
        older: None,
        forms: &[],
    },
];

/// Every drug's labelled maximum, in the table's order.
pub fn maxima() -> &'static [MaxDose] {
    TABLE
}

/// The labelled maximum of the drug called `drug` (its generic name).
pub fn maximum(drug: &str) -> Option<&'static MaxDose> {
    TABLE.iter().find(|m| m.drug.eq_ignore_ascii_case(drug))
}

impl MaxDose {
    /// The maximum for a medication written `written` with dose line `dose`
    /// (whose words may name its form), for a client of `age` (when known).
    pub fn limit(&self, written: &str, dose: &str, age: Option<i16>) -> Limit {
        let words: Vec<String> = words(&format!("{written} {dose}")).collect();
        let mut limit = Limit {
            mg: self.mg,
            source: self.source,
            form: None,
            from_age: None,
        };
        let mut older = self.older;
        if let Some(form) = self
            .forms
            .iter()
            .find(|f| words.iter().any(|w| f.words.contains(&w.as_str())))
        {
            limit = Limit {
                mg: form.mg,
                source: form.source,
                form: Some(form.name),
                from_age: None,
            };
            older = form.older.or(older);
        }
        if let (Some(older), Some(age)) = (older, age)
            && age >= older.from_age
            && older.mg < limit.mg
        {
            limit = Limit {
                mg: older.mg,
                source: older.source,
                form: limit.form,
                from_age: Some(older.from_age),
            };
        }
        limit
    }
}

/// The words of `text`, lower case, split at anything but a letter or digit.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// How often a dose is taken, by the words that say it; the longest phrase
/// that matches wins (`twice daily` over `daily`). Latin abbreviations as the BNF lists
/// them ("Latin abbreviations", od, bd, tds, qds, nocte, mane) and their US
/// forms (qd, bid, tid, qid, qhs).
const FREQUENCIES: &[(&str, u8)] = &[
    ("two times a day", 2),
    ("two times per day", 2),
    ("three times a day", 3),
    ("three times per day", 3),
    ("four times a day", 4),
    ("four times per day", 4),
    ("2 times a day", 2),
    ("2 times per day", 2),
    ("3 times a day", 3),
    ("3 times per day", 3),
    ("4 times a day", 4),
    ("4 times per day", 4),
    ("once a day", 1),
    ("once per day", 1),
    ("twice a day", 2),
    ("twice per day", 2),
    ("two times daily", 2),
    ("three times daily", 3),
    ("four times daily", 4),
    ("2 times daily", 2),
    ("3 times daily", 3),
    ("4 times daily", 4),
    ("in the morning", 1),
    ("in the evening", 1),
    ("once daily", 1),
    ("twice daily", 2),
    ("two times", 2),
    ("three times", 3),
    ("four times", 4),
    ("2 times", 2),
    ("3 times", 3),
    ("4 times", 4),
    ("a day", 1),
    ("per day", 1),
    ("each day", 1),
    ("every day", 1),
    ("at night", 1),
    ("each night", 1),
    ("every night", 1),
    ("at bedtime", 1),
    ("each morning", 1),
    ("every morning", 1),
    ("each evening", 1),
    ("every evening", 1),
    ("once", 1),
    ("daily", 1),
    ("nightly", 1),
    ("nocte", 1),
    ("bedtime", 1),
    ("mane", 1),
    ("od", 1),
    ("qd", 1),
    ("qam", 1),
    ("qpm", 1),
    ("qhs", 1),
    ("twice", 2),
    ("thrice", 3),
    ("bd", 2),
    ("bid", 2),
    ("tds", 3),
    ("tid", 3),
    ("qds", 4),
    ("qid", 4),
];

/// Words that stop a dose line being read: doses not taken every day
/// (weekly, every other day, as needed or required, up to), doses by the
/// hour, several doses added together (`and`, `plus`, `x`), and counts of
/// tablets (`two tablets`, `half`).
const UNREAD: &[&str] = &[
    "weekly",
    "fortnightly",
    "monthly",
    "hourly",
    "hour",
    "hours",
    "hrs",
    "prn",
    "alternate",
    "other",
    "needed",
    "required",
    "up",
    "and",
    "plus",
    "x",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "half",
    "double",
];

/// Words for a stretch of time after `for` (`for 7 days`), which says how
/// long, not how much.
const SPELLS: &[&str] = &["day", "days", "week", "weeks", "month", "months"];

/// The amount a day, in mg, that a dose line `text` gives, when it can be
/// read without guessing: an amount in mg at its start (`50 mg`, `37.5mg`,
/// `200 mg/day`) and one clear frequency (`daily`, `at night`, `twice
/// daily`, `bd`, `three times a day`). Anything else is not read: another
/// unit, a range, a second amount, a dose not taken every day, or no
/// frequency at all (`"150 mg"`).
pub fn daily_mg(text: &str) -> Option<f64> {
    let lower = text.trim().to_lowercase();
    let digits = lower
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(lower.len());
    let amount: f64 = lower.get(..digits)?.parse().ok()?;
    if !amount.is_finite() || amount <= 0.0 {
        return None;
    }
    let rest = lower.get(digits..)?.trim_start();
    let rest = rest
        .strip_prefix("milligrams")
        .or_else(|| rest.strip_prefix("milligram"))
        .or_else(|| rest.strip_prefix("mg"))?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let (per_day, rest) = match rest.strip_prefix('/') {
        Some(unit) => {
            let unit_end = unit
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(unit.len());
            match unit.get(..unit_end)? {
                "day" | "d" => (true, unit.get(unit_end..)?),
                _ => return None,
            }
        }
        None => (false, rest),
    };
    // `b.d.` is `bd`; every other mark separates words.
    let spaced: String = rest.chars().filter(|&c| c != '.').collect();
    let words: Vec<String> = words(&spaced).collect();
    let mut multipliers = Vec::new();
    let mut at = 0;
    while let Some(word) = words.get(at) {
        if word == "for"
            && words.get(at + 1).is_some_and(|n| {
                n == "a" || n.chars().all(char::is_numeric) || UNREAD.contains(&n.as_str())
            })
            && words
                .get(at + 2)
                .is_some_and(|u| SPELLS.contains(&u.as_str()))
        {
            at += 3;
            continue;
        }
        let matched = FREQUENCIES
            .iter()
            .map(|(phrase, times)| (phrase.split(' ').count(), phrase, *times))
            .filter(|(_, phrase, _)| {
                phrase
                    .split(' ')
                    .enumerate()
                    .all(|(i, p)| words.get(at + i).is_some_and(|w| w == p))
            })
            .max_by_key(|(length, _, _)| *length);
        if let Some((length, _, times)) = matched {
            multipliers.push(times);
            at += length;
            continue;
        }
        let after_every = at > 0
            && words
                .get(at - 1)
                .is_some_and(|w| w == "every" || w == "a" || w == "per" || w == "each");
        if UNREAD.contains(&word.as_str())
            || word.chars().any(char::is_numeric)
            || word == "every"
            || (after_every && SPELLS.contains(&word.as_str()))
            || word == "fortnight"
        {
            return None;
        }
        at += 1;
    }
    if per_day {
        return Some(amount);
    }
    let first = *multipliers.first()?;
    multipliers
        .iter()
        .all(|&m| m == first)
        .then(|| amount * f64::from(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn daily_amounts_are_read_from_clear_dose_lines() {
        for (dose, mg) in [
            ("50 mg daily", 50.0),
            ("50mg twice daily", 100.0),
            ("150 mg at night", 150.0),
            ("37.5 mg once daily", 37.5),
            ("200 mg bd", 400.0),
            ("200 mg b.d.", 400.0),
            ("100 mg three times a day", 300.0),
            ("100 mg TDS", 300.0),
            ("25 mg QDS", 100.0),
            ("300 mg/day", 300.0),
            ("300 mg/day in divided doses", 300.0),
            ("300 mg per day", 300.0),
            ("20 mg in the morning", 20.0),
            ("15 mg nocte", 15.0),
            ("60 mg daily for 2 weeks", 60.0),
            ("450 mg XL once daily", 450.0),
            ("300 mg daily in divided doses", 300.0),
            ("  40 MG DAILY", 40.0),
            ("50 mg daily with food", 50.0),
            ("100 mg twice a day", 200.0),
        ] {
            assert_eq!(daily_mg(dose), Some(mg), "{dose}");
        }
    }

    #[test]
    fn unclear_dose_lines_are_not_guessed() {
        for dose in [
            "150 mg",
            "150 mg XL",
            "10 mcg daily",
            "1 g daily",
            "5 ml daily",
            "50-100 mg daily",
            "50 to 100 mg daily",
            "25 mg daily for 7 days, then 50 mg daily",
            "50 mg in the morning and at night",
            "50 mg morning and night",
            "100 mg weekly",
            "100 mg every other day",
            "5 mg every 6 hours as needed",
            "50 mg up to four times a day",
            "50 mg x 2 daily",
            "50 mg two tablets daily",
            "20 mg daily; 40 mg from week 4",
            "one tablet daily",
            "as directed",
            "",
            "0 mg daily",
            "50 mg/kg daily",
            "25 mg twice daily at night",
            "150 mg monthly",
            "150 mg every 4 weeks",
            "20 mg a week",
        ] {
            assert_eq!(daily_mg(dose), None, "{dose}");
        }
    }

    #[test]
    fn limits_follow_form_and_age() {
        let citalopram = maximum("citalopram").map(|m| m.limit("citalopram", "", Some(64)));
        assert_eq!(
            citalopram.map(|l| (l.mg, l.from_age)),
            Some((20.0, Some(60)))
        );
        let adult = maximum("Citalopram").map(|m| m.limit("citalopram", "", Some(59)));
        assert_eq!(adult.map(|l| l.mg), Some(40.0));
        let unknown_age = maximum("escitalopram").map(|m| m.limit("escitalopram", "", None));
        assert_eq!(unknown_age.map(|l| l.mg), Some(20.0));
        let sr = maximum("bupropion").map(|m| m.limit("bupropion SR", "200 mg bd", None));
        assert_eq!(
            sr.map(|l| (l.mg, l.form)),
            Some((400.0, Some("sustained-release")))
        );
        let xl = maximum("bupropion").map(|m| m.limit("Wellbutrin XL", "", None));
        assert_eq!(xl.map(|l| l.mg), Some(450.0));
        let zyban = maximum("bupropion").map(|m| m.limit("Zyban", "", None));
        assert_eq!(zyban.map(|l| l.mg), Some(300.0));
        let cr = maximum("paroxetine").map(|m| m.limit("Paxil CR", "", None));
        assert_eq!(cr.map(|l| l.mg), Some(75.0));
        assert_eq!(maximum("lithium"), None);
    }

    #[test]
    fn every_row_names_a_built_in_drug_and_cites_a_source() {
        let drugs = super::super::drugs::builtin();
        for row in TABLE {
            assert!(drugs.iter().any(|d| d.name == row.drug), "{}", row.drug);
            assert!(!row.source.is_empty() && row.mg > 0.0, "{}", row.drug);
        }
    }
}
