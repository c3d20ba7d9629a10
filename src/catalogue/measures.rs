//! Built-in outcome measures. Ranges, bands and reliable-change values cite
//! their sources.

use crate::words::Better;
use serde::Serialize;

/// An outcome measure: its range, direction and severity bands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeasureInfo {
    /// Its id as written in files (`PHQ-9`).
    pub id: String,
    /// Its full name.
    pub name: String,
    /// Lowest possible score.
    pub min: f64,
    /// Highest possible score.
    pub max: f64,
    /// Which direction is better.
    pub better: Better,
    /// Smallest change beyond measurement error, when published.
    pub reliable_change: Option<f64>,
    /// Scores below this count as remission, when a cut-off is published.
    pub remission_below: Option<f64>,
    /// Severity bands in ascending order of their lower bound.
    pub bands: Vec<Band>,
    /// LOINC code of the total score, when one exists.
    pub loinc: Option<String>,
    /// Where its figures come from (a short citation).
    pub source: String,
    /// Whether the plan file declared it (rather than built in).
    pub declared: bool,
    /// Whether a fall of 50% or more from baseline reads as a response:
    /// true for the symptom scales whose trials define response so
    /// (PHQ-9, GAD-7, PCL-5) and for measures a file or configuration
    /// declares; false for single items, ultra-brief screeners and
    /// in-session ratings, where half of a score of 1 or 2 says nothing.
    pub response: bool,
}

/// A severity band: scores from `from` up to the next band's `from`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Band {
    /// Lowest score in the band.
    pub from: f64,
    /// The band's label (`mild`, `moderate`, ...).
    pub label: String,
}

impl MeasureInfo {
    /// Whether `score` lies within the measure's range.
    pub fn contains(&self, score: f64) -> bool {
        (self.min..=self.max).contains(&score)
    }

    /// The band `score` falls in.
    pub fn band(&self, score: f64) -> Option<&Band> {
        self.bands.iter().rev().find(|b| score >= b.from)
    }
}

/// One built-in measure as a row of the table below.
struct Row {
    id: &'static str,
    name: &'static str,
    range: (f64, f64),
    better: Better,
    reliable_change: Option<f64>,
    remission_below: Option<f64>,
    /// `(lowest score, label)` in ascending order.
    bands: &'static [(f64, &'static str)],
    loinc: Option<&'static str>,
    /// Short citation for the figures.
    source: &'static str,
    /// Whether a 50% fall reads as a response (see [`MeasureInfo::response`]).
    response: bool,
}

/// The built-in measures, one row each, with the source of every figure.
const BUILTIN: &[Row] = &[
    // Patient Health Questionnaire-9: nine items scored 0-3, total 0-27.
    // Bands 5/10/15/20: Kroenke, Spitzer & Williams (2001), "The PHQ-9",
    // J Gen Intern Med 16:606-613. Reliable change 6: the NHS Talking
    // Therapies for anxiety and depression manual (NHS England), which
    // counts a change of 6 or more as reliable. LOINC 44261-6: "PHQ-9 total
    // score [Reported]". Remission below 5 (the "minimal" band): Kroenke,
    // Spitzer, Williams & Löwe (2010), Gen Hosp Psychiatry 32:345-359.
    Row {
        id: "PHQ-9",
        name: "Patient Health Questionnaire-9",
        range: (0.0, 27.0),
        better: Better::Lower,
        reliable_change: Some(6.0),
        remission_below: Some(5.0),
        bands: &[
            (0.0, "minimal"),
            (5.0, "mild"),
            (10.0, "moderate"),
            (15.0, "moderately severe"),
            (20.0, "severe"),
        ],
        loinc: Some("44261-6"),
        source: "Kroenke, Spitzer & Williams 2001; reliable change: NHS Talking Therapies manual",
        response: true,
    },
    // PHQ-9 item 9, "thoughts that you would be better off dead, or of
    // hurting yourself in some way", scored 0-3 (Kroenke, Spitzer &
    // Williams 2001, J Gen Intern Med 16:606-613). LOINC 44260-8. Any score
    // of 1 or more is a positive response that calls for a suicide-risk
    // assessment: Simon, Rutter, Peterson, Oliver, Whiteside, Operskalski &
    // Ludman (2013), "Does response on the PHQ-9 Depression Questionnaire
    // predict subsequent suicide attempt or suicide death?", Psychiatr Serv
    // 64:1195-1202. A single item: no severity bands, no reliable change.
    Row {
        id: "PHQ-9-item9",
        name: "PHQ-9 item 9 (thoughts of death or self-harm)",
        range: (0.0, 3.0),
        better: Better::Lower,
        reliable_change: None,
        remission_below: None,
        bands: &[],
        loinc: Some("44260-8"),
        source: "Kroenke, Spitzer & Williams 2001; positive from 1: Simon et al. 2013",
        response: false,
    },
    // Generalized Anxiety Disorder-7: seven items scored 0-3, total 0-21.
    // Bands 5/10/15: Spitzer, Kroenke, Williams & Löwe (2006), "A brief
    // measure for assessing generalized anxiety disorder", Arch Intern Med
    // 166:1092-1097. Reliable change 4: the NHS Talking Therapies manual.
    // LOINC 70274-6: "GAD-7 total score [Reported.PHQ]". Remission below 5:
    // a score in Spitzer et al.'s "minimal anxiety" band (0-4), read as
    // remission as the PHQ-9's minimal band is. Sources differ: NHS Talking
    // Therapies counts "recovery" as moving below caseness, a GAD-7 below 8
    // (with a PHQ-9 below 10); that is a different criterion (no longer a
    // clinical case, not free of symptoms), and careplan does not report it
    // as remission. careplan follows the minimal band.
    Row {
        id: "GAD-7",
        name: "Generalized Anxiety Disorder-7",
        range: (0.0, 21.0),
        better: Better::Lower,
        reliable_change: Some(4.0),
        remission_below: Some(5.0),
        bands: &[
            (0.0, "minimal"),
            (5.0, "mild"),
            (10.0, "moderate"),
            (15.0, "severe"),
        ],
        loinc: Some("70274-6"),
        source: "Spitzer, Kroenke, Williams & Löwe 2006; reliable change: NHS Talking Therapies manual",
        response: true,
    },
    // Patient Health Questionnaire-2: the PHQ-9's first two items, total 0-6;
    // a positive screen from 3: Kroenke, Spitzer & Williams (2003), Med Care
    // 41:1284-1292. LOINC 55758-7: "PHQ-2 total score [Reported]".
    Row {
        id: "PHQ-2",
        name: "Patient Health Questionnaire-2",
        range: (0.0, 6.0),
        better: Better::Lower,
        reliable_change: None,
        remission_below: None,
        bands: &[(0.0, "negative screen"), (3.0, "positive screen")],
        loinc: Some("55758-7"),
        source: "Kroenke, Spitzer & Williams 2003",
        response: false,
    },
    // Generalized Anxiety Disorder-2: the GAD-7's first two items, total 0-6;
    // a positive screen from 3: Kroenke, Spitzer, Williams, Monahan & Löwe
    // (2007), Ann Intern Med 146:317-325. No LOINC code: 69725-0 is the
    // GAD-7's first item, not a GAD-2 total.
    Row {
        id: "GAD-2",
        name: "Generalized Anxiety Disorder-2",
        range: (0.0, 6.0),
        better: Better::Lower,
        reliable_change: None,
        remission_below: None,
        bands: &[(0.0, "negative screen"), (3.0, "positive screen")],
        loinc: None,
        source: "Kroenke, Spitzer, Williams, Monahan & Löwe 2007",
        response: false,
    },
    // PTSD Checklist for DSM-5: twenty items scored 0-4, total 0-80
    // (Weathers, Litz, Keane, Palmieri, Marx & Schnurr, 2013, National
    // Center for PTSD). Cut-off: the National Center for PTSD's "Using the
    // PTSD Checklist for DSM-5" guide says a score between 31 and 33
    // indicates probable PTSD across samples (Bovin et al., 2016, Psychol
    // Assess 28:1379-1391); careplan's band starts at 33, the top of that
    // range and the cut-point the Center first proposed, so 31 and 32 read
    // as below it. Change: the same guide gives 5-10 points as a reliable
    // change (from the PCL for DSM-IV) and 10 points as the least
    // clinically meaningful change; Marx et al. (2022, Psychol Assess
    // 34:197-203) computed reliable change indices of 15 and 18 in two
    // samples of male veterans. careplan's reliable change is 10, reliable
    // and clinically meaningful by the Center's figures; the rules that
    // judge change (plateau, reliable-deterioration,
    // goal-reopened-without-review) use it. No LOINC code is used here.
    Row {
        id: "PCL-5",
        name: "PTSD Checklist for DSM-5",
        range: (0.0, 80.0),
        better: Better::Lower,
        reliable_change: Some(10.0),
        remission_below: None,
        bands: &[(0.0, "below cut-off"), (33.0, "probable PTSD")],
        loinc: None,
        source: "Weathers et al. 2013; cut-off (31-33, careplan takes 33): National Center for PTSD, Bovin et al. 2016; change of 10 (clinically meaningful; reliable 5-10): National Center for PTSD",
        response: true,
    },
    // Subjective Units of Distress Scale, 0-100: Wolpe (1969), The Practice
    // of Behavior Therapy. A within-client rating: no published bands.
    Row {
        id: "SUDS",
        name: "Subjective Units of Distress Scale",
        range: (0.0, 100.0),
        better: Better::Lower,
        reliable_change: None,
        remission_below: None,
        bands: &[],
        loinc: None,
        source: "Wolpe 1969",
        response: false,
    },
    // Outcome Rating Scale: four 10 cm visual analogue lines, total 0-40,
    // higher is better. Clinical cut-off 25 (adults) and reliable change 5:
    // Miller, Duncan, Brown, Sparks & Claud (2003), J Brief Ther 2:91-100.
    // The cut-off is lower for adults than for young people: see
    // [`YOUNG_ORS`], applied by the client's age.
    Row {
        id: "ORS",
        name: "Outcome Rating Scale",
        range: (0.0, 40.0),
        better: Better::Higher,
        reliable_change: Some(5.0),
        remission_below: None,
        bands: &[(0.0, "clinical range"), (25.0, "non-clinical range")],
        loinc: None,
        source: ORS_SOURCE,
        response: false,
    },
    // Session Rating Scale: four 10 cm lines rating the alliance, total 0-40,
    // higher is better; below 36 flags a possible alliance problem: Duncan,
    // Miller, Sparks, Claud, Reynolds, Brown & Johnson (2003), J Brief Ther
    // 3:3-12.
    Row {
        id: "SRS",
        name: "Session Rating Scale",
        range: (0.0, 40.0),
        better: Better::Higher,
        reliable_change: None,
        remission_below: None,
        bands: &[(0.0, "possible alliance concern"), (36.0, "good alliance")],
        loinc: None,
        source: "Duncan, Miller, Sparks, Claud, Reynolds, Brown & Johnson 2003",
        response: false,
    },
];

/// Where the adult ORS figures come from.
const ORS_SOURCE: &str = "Miller, Duncan, Brown, Sparks & Claud 2003; cut-off 28 for ages 13-17 \
                          and 32 for ages 6-12: Duncan, Sparks, Miller, Bohanske & Claud 2006";

/// The ORS clinical cut-off for young clients, by the age they have
/// reached: `(from age, cut-off)`, youngest first. Duncan, Sparks, Miller,
/// Bohanske & Claud (2006), "Giving youth a voice", J Brief Ther 5:71-87:
/// 32 for children aged 6 to 12 (on the Child ORS, scored the same way) and
/// 28 for adolescents aged 13 to 17. No cut-off is published below 6 (the
/// Young Child ORS has no norms), so a younger client's scores are shown
/// without a band. From 18 the adult row's 25 applies.
const YOUNG_ORS: &[(i16, Option<f64>)] = &[(0, None), (6, Some(32.0)), (13, Some(28.0))];

/// The built-in ORS as it applies to a client `age` years old, when that
/// differs from the adult figures: `None` for an adult, or when `known` is
/// not the built-in ORS (a configuration's own ORS keeps its own bands).
pub(super) fn ors_for_age(known: &MeasureInfo, age: i16) -> Option<MeasureInfo> {
    if age >= 18 || known.id != "ORS" || known.declared || known.source != ORS_SOURCE {
        return None;
    }
    let &(_, cut) = YOUNG_ORS.iter().rev().find(|(from, _)| age >= *from)?;
    let bands = cut.map_or_else(Vec::new, |cut| {
        vec![
            Band {
                from: 0.0,
                label: "clinical range".to_owned(),
            },
            Band {
                from: cut,
                label: "non-clinical range".to_owned(),
            },
        ]
    });
    Some(MeasureInfo {
        bands,
        ..known.clone()
    })
}

/// The built-in measures.
pub(super) fn builtin() -> Vec<MeasureInfo> {
    BUILTIN
        .iter()
        .map(|row| MeasureInfo {
            id: row.id.to_owned(),
            name: row.name.to_owned(),
            min: row.range.0,
            max: row.range.1,
            better: row.better,
            reliable_change: row.reliable_change,
            remission_below: row.remission_below,
            bands: row
                .bands
                .iter()
                .map(|&(from, label)| Band {
                    from,
                    label: label.to_owned(),
                })
                .collect(),
            loinc: row.loinc.map(str::to_owned),
            source: row.source.to_owned(),
            declared: false,
            response: row.response,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(id: &str) -> MeasureInfo {
        builtin()
            .into_iter()
            .find(|m| m.id == id)
            .unwrap_or_else(|| panic!("{id} is built in"))
    }

    fn band(id: &str, score: f64) -> Option<String> {
        measure(id).band(score).map(|b| b.label.clone())
    }

    #[test]
    fn phq9_bands_change_at_their_published_cut_points() {
        assert_eq!(band("PHQ-9", 0.0).as_deref(), Some("minimal"));
        assert_eq!(band("PHQ-9", 4.0).as_deref(), Some("minimal"));
        assert_eq!(band("PHQ-9", 5.0).as_deref(), Some("mild"));
        assert_eq!(band("PHQ-9", 14.0).as_deref(), Some("moderate"));
        assert_eq!(band("PHQ-9", 15.0).as_deref(), Some("moderately severe"));
        assert_eq!(band("PHQ-9", 19.0).as_deref(), Some("moderately severe"));
        assert_eq!(band("PHQ-9", 20.0).as_deref(), Some("severe"));
        assert_eq!(band("PHQ-9", 27.0).as_deref(), Some("severe"));
    }

    #[test]
    fn gad7_and_screens_band_at_their_cut_offs() {
        assert_eq!(band("GAD-7", 9.0).as_deref(), Some("mild"));
        assert_eq!(band("GAD-7", 15.0).as_deref(), Some("severe"));
        assert_eq!(band("PHQ-2", 2.0).as_deref(), Some("negative screen"));
        assert_eq!(band("GAD-2", 3.0).as_deref(), Some("positive screen"));
        assert_eq!(band("PCL-5", 32.0).as_deref(), Some("below cut-off"));
        assert_eq!(band("PCL-5", 33.0).as_deref(), Some("probable PTSD"));
        assert_eq!(band("ORS", 24.5).as_deref(), Some("clinical range"));
        assert_eq!(band("SUDS", 50.0), None);
    }

    #[test]
    fn the_ors_cut_off_follows_the_clients_age() {
        let ors = measure("ORS");
        let cut = |age: i16| {
            ors_for_age(&ors, age).map(|m| m.bands.iter().map(|b| b.from).collect::<Vec<_>>())
        };
        assert_eq!(cut(18), None, "adults keep 25");
        assert_eq!(cut(17), Some(vec![0.0, 28.0]));
        assert_eq!(cut(13), Some(vec![0.0, 28.0]));
        assert_eq!(cut(12), Some(vec![0.0, 32.0]));
        assert_eq!(cut(6), Some(vec![0.0, 32.0]));
        assert_eq!(cut(5), Some(vec![]), "no cut-off is published under 6");
        let configured = MeasureInfo {
            source: "careplan.toml".to_owned(),
            ..ors.clone()
        };
        assert_eq!(ors_for_age(&configured, 10), None);
    }

    #[test]
    fn phq9_item9_is_scored_0_to_3_lower_better_without_bands() {
        let item9 = measure("PHQ-9-item9");
        assert!(item9.contains(0.0) && item9.contains(3.0) && !item9.contains(4.0));
        assert_eq!(item9.better, Better::Lower);
        assert_eq!(item9.loinc.as_deref(), Some("44260-8"));
        assert!(item9.bands.is_empty());
    }

    #[test]
    fn ranges_hold_their_ends_and_nothing_beyond() {
        let phq9 = measure("PHQ-9");
        assert!(phq9.contains(0.0) && phq9.contains(27.0));
        assert!(!phq9.contains(-1.0) && !phq9.contains(28.0));
        assert!(measure("SUDS").contains(100.0));
        assert!(!measure("GAD-7").contains(22.0));
        assert_eq!(measure("ORS").better, Better::Higher);
        assert_eq!(measure("SRS").better, Better::Higher);
    }

    #[test]
    fn the_table_is_consistent() {
        let all = builtin();
        for (i, m) in all.iter().enumerate() {
            assert!(m.min < m.max, "{}: empty range", m.id);
            assert!(
                all.iter().skip(i + 1).all(|other| other.id != m.id),
                "{} is listed twice",
                m.id
            );
            assert!(
                m.bands.windows(2).all(|w| w[0].from < w[1].from),
                "{}: bands out of order",
                m.id
            );
            assert!(
                m.bands.iter().all(|b| m.contains(b.from)),
                "{}: a band starts outside the range",
                m.id
            );
            assert!(
                m.reliable_change
                    .is_none_or(|rc| rc > 0.0 && rc < m.max - m.min),
                "{}: implausible reliable change",
                m.id
            );
        }
    }
}
