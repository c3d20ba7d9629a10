//! The built-in catalogue of therapy modalities and their techniques.

use serde::Serialize;

/// A therapy modality and the techniques it names.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Modality {
    /// Its name as written in files (`CBT`).
    pub name: String,
    /// Its techniques (`cognitive-restructuring`, ...).
    pub techniques: Vec<String>,
}

/// The built-in modalities: `(name, techniques)`, each with its source.
const BUILTIN: &[(&str, &[&str])] = &[
    // Cognitive behavioural therapy: Beck, Rush, Shaw & Emery (1979),
    // Cognitive Therapy of Depression; J. S. Beck (2011), Cognitive Behavior
    // Therapy: Basics and Beyond. Behavioural activation: Martell, Addis &
    // Jacobson (2001). Problem-solving: D'Zurilla & Nezu (2007). Applied
    // relaxation for generalised anxiety: Öst (1987), Behav Res Ther
    // 25:397-409 (NICE CG113 step 3); worry exposure: Craske & Barlow
    // (2006), Mastery of Your Anxiety and Worry, 2nd ed.; worry time, the
    // stimulus control of worry: Borkovec et al. (1983), Behav Res Ther
    // 21:247-251.
    (
        "CBT",
        &[
            "cognitive-restructuring",
            "behavioral-activation",
            "thought-record",
            "problem-solving",
            "applied-relaxation",
            "worry-exposure",
            "worry-time",
        ],
    ),
    // Dialectical behaviour therapy's four skills modules: Linehan (2015),
    // DBT Skills Training Manual, 2nd ed.
    (
        "DBT",
        &[
            "mindfulness",
            "distress-tolerance",
            "emotion-regulation",
            "interpersonal-effectiveness",
        ],
    ),
    // Acceptance and commitment therapy's six core processes (the
    // "hexaflex"): Hayes, Strosahl & Wilson (2012), Acceptance and
    // Commitment Therapy, 2nd ed.
    (
        "ACT",
        &[
            "defusion",
            "acceptance",
            "values",
            "present-moment",
            "self-as-context",
            "committed-action",
        ],
    ),
    // Mindfulness-based cognitive therapy: Segal, Williams & Teasdale (2002).
    ("MBCT", &[]),
    // Exposure therapies: in vivo and imaginal (Foa, Hembree & Rothbaum,
    // 2007, Prolonged Exposure Therapy for PTSD); interoceptive (Barlow &
    // Craske, Mastery of Your Anxiety and Panic); exposure and response
    // prevention (Foa & Kozak, 1986); virtual reality (Rothbaum et al., 1995).
    (
        "exposure",
        &["in-vivo", "imaginal", "interoceptive", "ERP", "VR"],
    ),
    // Trauma-focused CBT's PRACTICE components: Cohen, Mannarino & Deblinger
    // (2006), Treating Trauma and Traumatic Grief in Children and Adolescents.
    (
        "TF-CBT",
        &[
            "psychoeducation",
            "parenting",
            "relaxation",
            "affective-modulation",
            "cognitive-coping",
            "trauma-narrative",
            "in-vivo",
            "conjoint-sessions",
            "enhancing-safety",
        ],
    ),
    // Interpersonal psychotherapy's four problem areas: Weissman, Markowitz
    // & Klerman (2000), Comprehensive Guide to Interpersonal Psychotherapy.
    (
        "IPT",
        &[
            "grief",
            "role-dispute",
            "role-transition",
            "interpersonal-deficits",
        ],
    ),
    // Psychodynamic psychotherapy: Shedler (2010), Am Psychol 65:98-109.
    ("psychodynamic", &[]),
    // Humanistic, person-centred therapy: Rogers (1951), Client-Centered Therapy.
    ("humanistic", &[]),
    // Eye movement desensitisation and reprocessing: Shapiro (2018), 3rd ed.
    ("EMDR", &[]),
    // Psychoeducation: Lukens & McFarlane (2004), Brief Treat Crisis Interv 4:205-225.
    ("psychoeducation", &[]),
    // Creative arts therapies: Malchiodi (2005), Expressive Therapies.
    ("expressive", &["art", "music", "drama"]),
    // Family therapy: Carr (2012), Family Therapy: Concepts, Process and Practice.
    ("family", &[]),
    // Couples therapy: Gurman, Lebow & Snyder (2015), Clinical Handbook of
    // Couple Therapy, 5th ed.
    ("couples", &[]),
    // Regulation-focused psychotherapy for children: Hoffman, Rice & Prout
    // (2016), Manual of Regulation-Focused Psychotherapy for Children.
    ("RFP-C", &[]),
    // Biofeedback: Schwartz & Andrasik (2016), Biofeedback: A Practitioner's
    // Guide, 4th ed.
    ("biofeedback", &[]),
    // Physiotherapy; manual therapy as one of its core interventions: World
    // Physiotherapy (2019), Description of physical therapy. Thermal agents
    // (heat, ice), electrotherapy (TENS) and mechanical traction: the
    // physical agents of the APTA Guide to Physical Therapist Practice 4.0
    // (2023).
    (
        "physiotherapy",
        &["manual-therapy", "heat", "ice", "TENS", "traction"],
    ),
    // Exercise prescribed as treatment: aerobic and resistance training,
    // ACSM's Guidelines for Exercise Testing and Prescription (11th ed., 2021).
    ("exercise", &["aerobic", "resistance"]),
    // Hydrotherapy (aquatic therapy): Becker (2009), PM&R 1:859-872.
    ("hydrotherapy", &[]),
    // Therapeutic massage: Moyer, Rounds & Hannum (2004), Psychol Bull 130:3-18.
    ("massage", &[]),
    // Motivational interviewing: Miller & Rollnick (2013), Motivational
    // Interviewing, 3rd ed. (its four processes).
    ("MI", &["engaging", "focusing", "evoking", "planning"]),
    // Cognitive processing therapy for PTSD: Resick, Monson & Chard (2017),
    // Cognitive Processing Therapy for PTSD (impact statement, trauma
    // account, challenging questions, the five themes).
    (
        "CPT",
        &["impact-statement", "written-account", "challenging-beliefs"],
    ),
    // CBT for insomnia: Edinger & Carney (2014), Overcoming Insomnia, 2nd
    // ed.; American Academy of Sleep Medicine guideline (Edinger et al.,
    // 2021, J Clin Sleep Med 17:255-262).
    (
        "CBT-I",
        &[
            "sleep-restriction",
            "stimulus-control",
            "sleep-hygiene",
            "cognitive-restructuring",
            "relaxation",
        ],
    ),
    // Schema therapy: Young, Klosko & Weishaar (2003), Schema Therapy.
    (
        "schema",
        &["imagery-rescripting", "chair-work", "limited-reparenting"],
    ),
    // Mentalization-based treatment: Bateman & Fonagy (2016),
    // Mentalization-Based Treatment for Personality Disorders.
    ("MBT", &[]),
    // Parent-child interaction therapy: Eyberg & Funderburk (2011), PCIT
    // Protocol (child-directed and parent-directed interaction); parent
    // training programmes (NICE CG158, 2013: group parent training).
    ("PCIT", &["child-directed", "parent-directed"]),
    ("parent-training", &[]),
    // Family-based treatment for eating disorders (the Maudsley approach):
    // Lock & Le Grange (2013), Treatment Manual for Anorexia Nervosa, 2nd
    // ed.; its three phases.
    (
        "FBT",
        &[
            "weight-restoration",
            "return-of-control",
            "adolescent-issues",
        ],
    ),
    // Speech and language therapy and occupational therapy, as allied
    // health professions (Royal College of Speech and Language Therapists;
    // American Occupational Therapy Association Practice Framework, 4th ed.,
    // 2020).
    (
        "speech-therapy",
        &[
            "articulation",
            "language",
            "fluency",
            "voice",
            "swallowing",
            "AAC",
        ],
    ),
    (
        "occupational-therapy",
        &[
            "ADL-training",
            "graded-activity",
            "sensory",
            "environmental-adaptation",
        ],
    ),
    // Assessment as an intervention, as treatment planners open with it
    // (Jongsma, The Complete Adult Psychotherapy Treatment Planner, 6th ed.,
    // 2021): structured interviews, suicide-risk assessment (APA Practice
    // Guideline for the Psychiatric Evaluation of Adults, 3rd ed., 2016) and
    // psychometric testing.
    (
        "assessment",
        &[
            "structured-interview",
            "risk-assessment",
            "psychometric-testing",
        ],
    ),
    // The therapeutic milieu of inpatient and residential care, a safe
    // environment and observation among its nursing interventions
    // (Townsend & Morgan, 2018, Psychiatric Mental Health Nursing, 9th ed.).
    ("milieu", &["safe-environment", "observation"]),
    // Relaxation training on its own (Bernstein, Borkovec & Hazlett-Stevens,
    // 2000, New Directions in Progressive Relaxation Training).
    (
        "relaxation",
        &["progressive-muscle", "breathing", "imagery"],
    ),
];

/// The built-in modalities.
pub(super) fn builtin() -> Vec<Modality> {
    BUILTIN
        .iter()
        .map(|&(name, techniques)| Modality {
            name: name.to_owned(),
            techniques: techniques.iter().map(|&t| t.to_owned()).collect(),
        })
        .collect()
}

impl Modality {
    /// Whether `technique` is one of this modality's techniques.
    pub fn has_technique(&self, technique: &str) -> bool {
        self.techniques.iter().any(|t| t == technique)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn modality(name: &str) -> Modality {
        builtin()
            .into_iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| panic!("{name} is built in"))
    }

    #[test]
    fn the_contract_catalogue_is_built_in() {
        for name in [
            "CBT",
            "DBT",
            "ACT",
            "MBCT",
            "exposure",
            "TF-CBT",
            "IPT",
            "psychodynamic",
            "humanistic",
            "EMDR",
            "psychoeducation",
            "expressive",
            "family",
            "couples",
            "RFP-C",
            "biofeedback",
            "physiotherapy",
            "exercise",
            "hydrotherapy",
            "massage",
        ] {
            modality(name);
        }
        assert!(modality("CBT").has_technique("behavioral-activation"));
        assert!(modality("exposure").has_technique("interoceptive"));
        assert!(modality("TF-CBT").has_technique("trauma-narrative"));
        assert!(modality("IPT").has_technique("role-transition"));
        assert!(modality("expressive").has_technique("music"));
        assert!(!modality("CBT").has_technique("in-vivo"));
        // The modalities clinicians use beyond the contract's list.
        for name in [
            "MI",
            "CPT",
            "CBT-I",
            "schema",
            "MBT",
            "PCIT",
            "parent-training",
            "FBT",
            "speech-therapy",
            "occupational-therapy",
            "relaxation",
            "assessment",
            "milieu",
        ] {
            modality(name);
        }
        // A GAD plan's relaxation is CBT's applied relaxation, not TF-CBT's.
        assert!(modality("CBT").has_technique("applied-relaxation"));
    }

    #[test]
    fn tf_cbt_has_the_nine_practice_components() {
        assert_eq!(modality("TF-CBT").techniques.len(), 9);
    }

    #[test]
    fn names_and_techniques_are_listed_once() {
        let all = builtin();
        for (i, m) in all.iter().enumerate() {
            assert!(
                all.iter().skip(i + 1).all(|o| o.name != m.name),
                "{} twice",
                m.name
            );
            for (j, t) in m.techniques.iter().enumerate() {
                assert!(
                    !m.techniques.iter().skip(j + 1).any(|o| o == t),
                    "{}: {t} twice",
                    m.name
                );
            }
        }
    }
}
