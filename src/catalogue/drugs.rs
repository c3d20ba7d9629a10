//! Drugs careplan knows by generic name, by class: antidepressants,
//! antipsychotics, mood stabilisers, opioids, benzodiazepines and z-drugs,
//! gabapentinoids, stimulants, and other agents that raise serotonin. The
//! medication safety rules read this table; names as written in files are
//! read by [`super::names`].

use serde::Serialize;

/// A drug's class, as the medication rules need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DrugClass {
    /// Selective serotonin reuptake inhibitor.
    Ssri,
    /// Serotonin-noradrenaline reuptake inhibitor.
    Snri,
    /// Tricyclic antidepressant.
    Tca,
    /// Monoamine oxidase inhibitor.
    Maoi,
    /// Any other antidepressant (bupropion, mirtazapine, trazodone, ...).
    OtherAntidepressant,
    /// Antipsychotic (first or second generation).
    Antipsychotic,
    /// Mood stabiliser (lithium, valproate, lamotrigine, carbamazepine).
    MoodStabiliser,
    /// Opioid analgesic or opioid-use-disorder treatment.
    Opioid,
    /// Benzodiazepine.
    Benzodiazepine,
    /// Z-drug hypnotic (zolpidem, zopiclone, eszopiclone, zaleplon).
    ZDrug,
    /// Gabapentinoid (gabapentin, pregabalin).
    Gabapentinoid,
    /// Stimulant (amphetamines, methylphenidate).
    Stimulant,
    /// Sympathomimetic amine: the decongestants pseudoephedrine,
    /// phenylephrine and ephedrine, and the anorectic phentermine.
    Sympathomimetic,
    /// None of the above, but raises serotonin (triptans, linezolid, ...).
    Serotonergic,
    /// Known, and none of the above (ketamine, donepezil, ondansetron).
    Other,
}

impl DrugClass {
    /// Every class, as written in configuration.
    pub const WORDS: &'static [&'static str] = &[
        "ssri",
        "snri",
        "tca",
        "maoi",
        "other-antidepressant",
        "antipsychotic",
        "mood-stabiliser",
        "opioid",
        "benzodiazepine",
        "z-drug",
        "gabapentinoid",
        "stimulant",
        "sympathomimetic",
        "serotonergic",
        "other",
    ];

    const ALL: [DrugClass; 15] = [
        DrugClass::Ssri,
        DrugClass::Snri,
        DrugClass::Tca,
        DrugClass::Maoi,
        DrugClass::OtherAntidepressant,
        DrugClass::Antipsychotic,
        DrugClass::MoodStabiliser,
        DrugClass::Opioid,
        DrugClass::Benzodiazepine,
        DrugClass::ZDrug,
        DrugClass::Gabapentinoid,
        DrugClass::Stimulant,
        DrugClass::Sympathomimetic,
        DrugClass::Serotonergic,
        DrugClass::Other,
    ];

    /// The class written `word` in configuration.
    pub fn from_word(word: &str) -> Option<Self> {
        let at = Self::WORDS.iter().position(|w| *w == word)?;
        Self::ALL.get(at).copied()
    }

    /// The class's word, as configuration writes it (`ssri`).
    pub fn word(self) -> &'static str {
        let at = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Self::WORDS.get(at).copied().unwrap_or("other")
    }

    /// Whether drugs of this class are antidepressants.
    pub fn is_antidepressant(self) -> bool {
        matches!(
            self,
            DrugClass::Ssri
                | DrugClass::Snri
                | DrugClass::Tca
                | DrugClass::Maoi
                | DrugClass::OtherAntidepressant
        )
    }

    /// Whether a drug added to this class by configuration raises
    /// serotonin unless the catalogue says otherwise: the serotonergic
    /// antidepressant classes, and `serotonergic` itself.
    pub fn serotonergic_by_default(self) -> bool {
        matches!(
            self,
            DrugClass::Ssri
                | DrugClass::Snri
                | DrugClass::Tca
                | DrugClass::Maoi
                | DrugClass::Serotonergic
        )
    }
}

/// One drug by generic name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Drug {
    /// Its generic name, lower case (`sertraline`).
    pub name: String,
    /// Its class.
    pub class: DrugClass,
    /// Whether it raises serotonin enough to count toward serotonin syndrome.
    pub serotonergic: bool,
    /// Whether its label carries the FDA boxed warning on suicidal thoughts
    /// and behaviours in children, adolescents and young adults (every
    /// antidepressant, and the antipsychotics licensed for depression).
    pub suicidality_warning: bool,
    /// Whether it inhibits monoamine oxidase enough to need an MAOI's
    /// washout before and after other serotonergic drugs.
    pub mao_inhibitor: bool,
    /// Whether CredibleMeds lists it as having a known risk of torsades de
    /// pointes, a dangerous heart rhythm that QT prolongation can trigger.
    pub qt_known_risk: bool,
}

/// The built-in drugs: `(generic name, class, serotonergic)`.
///
/// Names are generic (INN or USAN), in lower case; files may write them in
/// any case. `serotonergic` marks agents that raise synaptic serotonin enough
/// to count toward serotonin syndrome (toxicity) when combined: Boyer &
/// Shannon (2005), "The serotonin syndrome", N Engl J Med 352:1112-1120,
/// Table 1 "Drugs and interactions associated with the serotonin syndrome",
/// and the serotonin-syndrome warnings in each drug's FDA prescribing
/// information. Classes follow Stahl's Essential Psychopharmacology (5th ed.,
/// 2021) and the BNF's chapter 4.3 groupings.
const BUILTIN: &[(&str, DrugClass, bool)] = &[
    // Selective serotonin reuptake inhibitors: all serotonergic (Boyer &
    // Shannon 2005, Table 1; Stahl 2021, ch. 7).
    ("citalopram", DrugClass::Ssri, true),
    ("escitalopram", DrugClass::Ssri, true),
    ("fluoxetine", DrugClass::Ssri, true),
    ("fluvoxamine", DrugClass::Ssri, true),
    ("paroxetine", DrugClass::Ssri, true),
    ("sertraline", DrugClass::Ssri, true),
    // Serotonin-noradrenaline reuptake inhibitors: all serotonergic (Boyer &
    // Shannon 2005 name venlafaxine; FDA labels of each carry the
    // serotonin-syndrome warning). Milnacipran is licensed in the US for
    // fibromyalgia only, but is an SNRI all the same.
    ("venlafaxine", DrugClass::Snri, true),
    ("desvenlafaxine", DrugClass::Snri, true),
    ("duloxetine", DrugClass::Snri, true),
    ("levomilnacipran", DrugClass::Snri, true),
    ("milnacipran", DrugClass::Snri, true),
    // Tricyclic antidepressants (Stahl 2021, ch. 7; BNF 4.3.1). Boyer &
    // Shannon 2005 name clomipramine; every TCA's FDA prescribing information
    // carries the class serotonin-syndrome warning, and the BNF lists TCAs
    // with SSRIs as raising the risk, so all count. (Gillman 2007, Br J
    // Pharmacol 151:737-748, argues only clomipramine and imipramine are
    // potent enough to cause severe toxicity; the warning errs on the side
    // of caution.)
    ("amitriptyline", DrugClass::Tca, true),
    ("nortriptyline", DrugClass::Tca, true),
    ("imipramine", DrugClass::Tca, true),
    ("desipramine", DrugClass::Tca, true),
    ("clomipramine", DrugClass::Tca, true),
    ("doxepin", DrugClass::Tca, true),
    ("trimipramine", DrugClass::Tca, true),
    ("protriptyline", DrugClass::Tca, true),
    ("amoxapine", DrugClass::Tca, true),
    // The UK's tricyclics (BNF 4.3.1): dosulepin (dothiepin) and lofepramine.
    ("dosulepin", DrugClass::Tca, true),
    ("lofepramine", DrugClass::Tca, true),
    // Monoamine oxidase inhibitors: the most dangerous partners of any other
    // serotonergic drug (Boyer & Shannon 2005, Table 1: phenelzine,
    // moclobemide, isocarboxazid; BNF 4.3.2). Selegiline as the transdermal
    // antidepressant (and MAO-B selectivity is lost at higher doses).
    ("phenelzine", DrugClass::Maoi, true),
    ("tranylcypromine", DrugClass::Maoi, true),
    ("isocarboxazid", DrugClass::Maoi, true),
    ("selegiline", DrugClass::Maoi, true),
    ("moclobemide", DrugClass::Maoi, true),
    // Other antidepressants (Stahl 2021, ch. 7). Trazodone and nefazodone:
    // Boyer & Shannon 2005, Table 1; mirtazapine, vortioxetine, vilazodone
    // and gepirone (a 5-HT1A agonist, FDA 2023): serotonin-syndrome warning
    // in their FDA prescribing information; dextromethorphan-bupropion
    // (FDA 2022) through its dextromethorphan. Not serotonergic: bupropion
    // (noradrenaline-dopamine reuptake inhibitor), agomelatine (melatonin
    // agonist, 5-HT2C antagonist), esketamine (NMDA antagonist), and the
    // noradrenergic maprotiline, mianserin and reboxetine (BNF 4.3.4).
    ("bupropion", DrugClass::OtherAntidepressant, false),
    ("mirtazapine", DrugClass::OtherAntidepressant, true),
    ("trazodone", DrugClass::OtherAntidepressant, true),
    ("nefazodone", DrugClass::OtherAntidepressant, true),
    ("vortioxetine", DrugClass::OtherAntidepressant, true),
    ("vilazodone", DrugClass::OtherAntidepressant, true),
    ("gepirone", DrugClass::OtherAntidepressant, true),
    (
        "dextromethorphan-bupropion",
        DrugClass::OtherAntidepressant,
        true,
    ),
    ("agomelatine", DrugClass::OtherAntidepressant, false),
    ("esketamine", DrugClass::OtherAntidepressant, false),
    ("maprotiline", DrugClass::OtherAntidepressant, false),
    ("mianserin", DrugClass::OtherAntidepressant, false),
    ("reboxetine", DrugClass::OtherAntidepressant, false),
    // Antipsychotics (Stahl 2021, ch. 5; BNF 4.2.1). Olanzapine-fluoxetine
    // is serotonergic through its fluoxetine.
    ("quetiapine", DrugClass::Antipsychotic, false),
    ("aripiprazole", DrugClass::Antipsychotic, false),
    ("brexpiprazole", DrugClass::Antipsychotic, false),
    ("cariprazine", DrugClass::Antipsychotic, false),
    ("lurasidone", DrugClass::Antipsychotic, false),
    ("lumateperone", DrugClass::Antipsychotic, false),
    ("olanzapine-fluoxetine", DrugClass::Antipsychotic, true),
    ("olanzapine", DrugClass::Antipsychotic, false),
    ("risperidone", DrugClass::Antipsychotic, false),
    ("paliperidone", DrugClass::Antipsychotic, false),
    ("ziprasidone", DrugClass::Antipsychotic, false),
    ("haloperidol", DrugClass::Antipsychotic, false),
    ("clozapine", DrugClass::Antipsychotic, false),
    // First-generation antipsychotics still prescribed, with a known risk
    // of torsades (BNF 4.2.1; see QT_KNOWN_RISK), and the benzamides used
    // in the UK. Amisulpride is listed so that its name, which contains
    // sulpiride's, is read as itself.
    ("chlorpromazine", DrugClass::Antipsychotic, false),
    ("thioridazine", DrugClass::Antipsychotic, false),
    ("pimozide", DrugClass::Antipsychotic, false),
    ("sulpiride", DrugClass::Antipsychotic, false),
    ("amisulpride", DrugClass::Antipsychotic, false),
    // First-generation antipsychotics given mostly as depot injections in
    // the UK: zuclopenthixol (Clopixol), flupentixol (Depixol; Fluanxol by
    // mouth) and fluphenazine (Modecate) (BNF, "Antipsychotic drugs" and
    // "Antipsychotic depot injections"). None is counted for torsades: none
    // is in careplan's table of CredibleMeds' known-risk category (see
    // QT_KNOWN_RISK), which the next check against crediblemeds.org confirms.
    ("zuclopenthixol", DrugClass::Antipsychotic, false),
    ("flupentixol", DrugClass::Antipsychotic, false),
    ("fluphenazine", DrugClass::Antipsychotic, false),
    // Mood stabilisers (BNF 4.2.3; NICE CG185). Lithium raises serotonin:
    // Boyer & Shannon 2005, Table 1.
    ("lithium", DrugClass::MoodStabiliser, true),
    ("valproate", DrugClass::MoodStabiliser, false),
    ("lamotrigine", DrugClass::MoodStabiliser, false),
    ("carbamazepine", DrugClass::MoodStabiliser, false),
    // Opioids. Serotonergic: Boyer & Shannon 2005, Table 1 (meperidine,
    // fentanyl, tramadol) and the FDA Drug Safety Communication of
    // 22 March 2016, which put serotonin-syndrome warnings on every opioid
    // label and names tramadol, tapentadol, methadone, meperidine and
    // fentanyl as the opioids most cases involve; careplan counts those
    // five, and pentazocine, which Boyer & Shannon 2005, Table 1, lists
    // (the others' serotonergic effect is weak: Baldo & Rose 2020,
    // Br J Anaesth 124:44-62). Every opioid counts as a CNS depressant
    // (FDA boxed warning with benzodiazepines, 31 August 2016).
    ("tramadol", DrugClass::Opioid, true),
    ("tapentadol", DrugClass::Opioid, true),
    ("meperidine", DrugClass::Opioid, true),
    ("methadone", DrugClass::Opioid, true),
    ("fentanyl", DrugClass::Opioid, true),
    ("oxycodone", DrugClass::Opioid, false),
    ("hydrocodone", DrugClass::Opioid, false),
    ("morphine", DrugClass::Opioid, false),
    ("codeine", DrugClass::Opioid, false),
    ("buprenorphine", DrugClass::Opioid, false),
    ("pentazocine", DrugClass::Opioid, true),
    ("hydromorphone", DrugClass::Opioid, false),
    ("oxymorphone", DrugClass::Opioid, false),
    ("dihydrocodeine", DrugClass::Opioid, false),
    // Benzodiazepines and z-drugs (BNF 4.1.1, 4.1.2), gabapentinoids (FDA
    // Drug Safety Communication of 19 December 2019 on respiratory
    // depression with opioids).
    ("alprazolam", DrugClass::Benzodiazepine, false),
    ("clonazepam", DrugClass::Benzodiazepine, false),
    ("diazepam", DrugClass::Benzodiazepine, false),
    ("lorazepam", DrugClass::Benzodiazepine, false),
    ("temazepam", DrugClass::Benzodiazepine, false),
    ("oxazepam", DrugClass::Benzodiazepine, false),
    ("chlordiazepoxide", DrugClass::Benzodiazepine, false),
    ("clobazam", DrugClass::Benzodiazepine, false),
    ("nitrazepam", DrugClass::Benzodiazepine, false),
    ("midazolam", DrugClass::Benzodiazepine, false),
    ("zolpidem", DrugClass::ZDrug, false),
    ("zopiclone", DrugClass::ZDrug, false),
    ("eszopiclone", DrugClass::ZDrug, false),
    ("zaleplon", DrugClass::ZDrug, false),
    ("gabapentin", DrugClass::Gabapentinoid, false),
    ("pregabalin", DrugClass::Gabapentinoid, false),
    // Stimulants. Amphetamines raise serotonin release: serotonin-syndrome
    // warning in the FDA prescribing information of amphetamine,
    // dextroamphetamine and lisdexamfetamine (class labelling, 2017);
    // methylphenidate's label has none.
    ("amphetamine", DrugClass::Stimulant, true),
    ("dextroamphetamine", DrugClass::Stimulant, true),
    ("lisdexamfetamine", DrugClass::Stimulant, true),
    ("methamphetamine", DrugClass::Stimulant, true),
    ("methylphenidate", DrugClass::Stimulant, false),
    ("dexmethylphenidate", DrugClass::Stimulant, false),
    // Atomoxetine treats ADHD but is a noradrenaline reuptake inhibitor,
    // not a stimulant (BNF, "Attention deficit hyperactivity disorder";
    // Strattera, FDA label, section 12.1), and raises no serotonin. Its
    // label contraindicates it with an MAOI or within 14 days of stopping
    // one (Strattera, section 4): a rule that pairs MAOIs with it picks it
    // out by name, as `maoi-combination` does bupropion.
    ("atomoxetine", DrugClass::Other, false),
    // Sympathomimetic amines, contraindicated with MAOIs for the
    // hypertensive crisis they can cause: the decongestants in cold and
    // hay-fever remedies (pseudoephedrine, phenylephrine, ephedrine: the
    // contraindications of the phenelzine (Nardil), tranylcypromine
    // (Parnate) and selegiline (Emsam) FDA labels; BNF, "Sympathomimetics",
    // interactions with MAOIs) and the anorectic phentermine (Adipex-P, FDA
    // label, section 4). None raises serotonin.
    ("pseudoephedrine", DrugClass::Sympathomimetic, false),
    ("phenylephrine", DrugClass::Sympathomimetic, false),
    ("ephedrine", DrugClass::Sympathomimetic, false),
    ("phentermine", DrugClass::Sympathomimetic, false),
    // Cough suppressant: Boyer & Shannon 2005, Table 1.
    ("dextromethorphan", DrugClass::Serotonergic, true),
    // Triptans: FDA Public Health Advisory of 19 July 2006 on triptans with
    // SSRIs or SNRIs; Boyer & Shannon 2005, Table 1 (sumatriptan).
    ("sumatriptan", DrugClass::Serotonergic, true),
    ("rizatriptan", DrugClass::Serotonergic, true),
    ("zolmitriptan", DrugClass::Serotonergic, true),
    ("naratriptan", DrugClass::Serotonergic, true),
    ("eletriptan", DrugClass::Serotonergic, true),
    ("almotriptan", DrugClass::Serotonergic, true),
    ("frovatriptan", DrugClass::Serotonergic, true),
    // MAO-inhibiting anti-infectives and dye: FDA Drug Safety
    // Communications of 26 July 2011 (linezolid; methylene blue) with
    // serotonergic psychiatric drugs; Boyer & Shannon 2005, Table 1
    // (linezolid); tedizolid is a weaker, reversible MAO inhibitor (FDA
    // label 2014, 12.2). The antiparkinsonian MAO-B inhibitors rasagiline
    // and safinamide, and procarbazine, carry MAOI interaction warnings in
    // their FDA labels.
    ("linezolid", DrugClass::Serotonergic, true),
    ("tedizolid", DrugClass::Serotonergic, true),
    ("methylene blue", DrugClass::Serotonergic, true),
    ("rasagiline", DrugClass::Serotonergic, true),
    ("safinamide", DrugClass::Serotonergic, true),
    ("procarbazine", DrugClass::Serotonergic, true),
    // careplan departs from Boyer & Shannon 2005, Table 1, for valproate
    // (no serotonergic mechanism; isolated reports) and the antiemetics
    // ondansetron, granisetron and metoclopramide (below).
    // Buspirone, tryptophan and St John's wort (Hypericum perforatum):
    // Boyer & Shannon 2005, Table 1; cyclobenzaprine: serotonin-syndrome
    // warning in its FDA label (2021). Ondansetron is left out: its place
    // on serotonin-syndrome lists is debated (FDA 2014 label change for
    // 5-HT3 antagonists versus few convincing cases).
    ("buspirone", DrugClass::Serotonergic, true),
    ("tryptophan", DrugClass::Serotonergic, true),
    ("cyclobenzaprine", DrugClass::Serotonergic, true),
    ("st john's wort", DrugClass::Serotonergic, true),
    // Ketamine is its own drug, an anaesthetic NMDA antagonist, not a
    // misspelt esketamine.
    ("ketamine", DrugClass::Other, false),
    // Drugs often taken beside psychiatric ones that carry a known risk of
    // torsades (see QT_KNOWN_RISK): donepezil for dementia, and the
    // antiemetics ondansetron and domperidone.
    ("donepezil", DrugClass::Other, false),
    ("ondansetron", DrugClass::Other, false),
    ("domperidone", DrugClass::Other, false),
    // Anti-infectives and others with a known risk of torsades that are
    // often prescribed beside psychiatric drugs (see QT_KNOWN_RISK): the
    // macrolides, the fluoroquinolones, fluconazole, hydroxychloroquine,
    // and droperidol, a butyrophenone the BNF lists as an antiemetic and
    // that is given for acute agitation, counted here as other rather than
    // as a regular antipsychotic. Each label warns of QT prolongation
    // (Biaxin, Erythrocin, Zithromax, Levaquin, Avelox, Cipro, Diflucan,
    // Plaquenil, Inapsine: FDA labels, section 5 or Warnings).
    ("clarithromycin", DrugClass::Other, false),
    ("erythromycin", DrugClass::Other, false),
    ("azithromycin", DrugClass::Other, false),
    ("levofloxacin", DrugClass::Other, false),
    ("moxifloxacin", DrugClass::Other, false),
    ("ciprofloxacin", DrugClass::Other, false),
    ("fluconazole", DrugClass::Other, false),
    ("hydroxychloroquine", DrugClass::Other, false),
    ("droperidol", DrugClass::Other, false),
];

/// Antipsychotics whose FDA labels carry the antidepressant boxed warning
/// on suicidal thoughts and behaviours because they are licensed for
/// depression (FDA labels, 2024: quetiapine XR, aripiprazole,
/// brexpiprazole, cariprazine, lurasidone, lumateperone,
/// olanzapine-fluoxetine).
const SUICIDALITY_WARNING: &[&str] = &[
    "quetiapine",
    "aripiprazole",
    "brexpiprazole",
    "cariprazine",
    "lurasidone",
    "lumateperone",
    "olanzapine-fluoxetine",
];

/// Drugs other than the MAOI antidepressants that inhibit monoamine
/// oxidase enough to need its washouts (FDA Drug Safety Communications of
/// 26 July 2011 for linezolid and methylene blue; the labels of tedizolid,
/// rasagiline, safinamide and procarbazine).
const MAO_INHIBITORS: &[&str] = &[
    "linezolid",
    "tedizolid",
    "methylene blue",
    "rasagiline",
    "safinamide",
    "procarbazine",
];

/// The built-in drugs with a known risk of torsades de pointes: careplan's
/// table of the "Known Risk of TdP" category of the CredibleMeds QTdrugs
/// list (AZCERT, crediblemeds.org): drugs that prolong the QT interval and
/// are clearly associated with torsades even when taken as recommended.
/// careplan compiled this table on 2 December 2026 without network access,
/// so which dated revision of the CredibleMeds list it matches is
/// unverified; CredibleMeds revises the list about monthly, and every
/// catalogue review must check each entry, and look for new ones, against
/// crediblemeds.org. Each drug's label warns of QT prolongation as well
/// (FDA labels, Warnings or section 5; BNF).
///
/// Drugs in its "possible" or "conditional" categories (quetiapine,
/// ziprasidone, the tricyclics, fluoxetine, ...) are not counted: their risk
/// depends on dose, overdose or other conditions. Amisulpride, whose SmPC
/// (Solian) warns of dose-related QT prolongation, is not counted: its
/// category could not be confirmed offline (a reviewer believes it is
/// known risk), so the next review with access to crediblemeds.org decides.
/// Levosulpiride, not marketed in the UK or US, is not in the catalogue: a
/// file that names it is read as sulpiride, its racemate, and told so by
/// `unknown-drug`. The withdrawn levomethadyl, mesoridazine and cisapride
/// are not in the catalogue.
const QT_KNOWN_RISK: &[&str] = &[
    "citalopram",
    "escitalopram",
    "haloperidol",
    "chlorpromazine",
    "thioridazine",
    "pimozide",
    "sulpiride",
    "methadone",
    "donepezil",
    "ondansetron",
    "domperidone",
    // Added 2 December 2026 after the clinical review (3.3): anti-infectives
    // and droperidol often prescribed beside psychiatric drugs.
    "clarithromycin",
    "erythromycin",
    "azithromycin",
    "levofloxacin",
    "moxifloxacin",
    "ciprofloxacin",
    "fluconazole",
    "hydroxychloroquine",
    "droperidol",
];

/// The built-in drugs.
pub(super) fn builtin() -> Vec<Drug> {
    BUILTIN
        .iter()
        .map(|&(name, class, serotonergic)| Drug {
            name: name.to_owned(),
            class,
            serotonergic,
            suicidality_warning: class.is_antidepressant() || SUICIDALITY_WARNING.contains(&name),
            mao_inhibitor: class == DrugClass::Maoi || MAO_INHIBITORS.contains(&name),
            qt_known_risk: QT_KNOWN_RISK.contains(&name),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drug(name: &str) -> Drug {
        builtin()
            .into_iter()
            .find(|d| d.name.eq_ignore_ascii_case(name))
            .unwrap_or_else(|| panic!("{name} is built in"))
    }

    #[test]
    fn names_are_lower_case_and_listed_once() {
        let all = builtin();
        for (i, d) in all.iter().enumerate() {
            assert_eq!(
                d.name,
                d.name.to_lowercase(),
                "{} is not lower case",
                d.name
            );
            assert!(
                all.iter().skip(i + 1).all(|o| o.name != d.name),
                "{} twice",
                d.name
            );
        }
    }

    #[test]
    fn classes_and_serotonergic_flags() {
        assert_eq!(drug("sertraline").class, DrugClass::Ssri);
        assert_eq!(drug("duloxetine").class, DrugClass::Snri);
        assert_eq!(drug("clomipramine").class, DrugClass::Tca);
        assert_eq!(drug("phenelzine").class, DrugClass::Maoi);
        assert_eq!(drug("tramadol").class, DrugClass::Opioid);
        assert!(drug("tramadol").serotonergic);
        assert!(!drug("oxycodone").serotonergic);
        assert!(drug("pentazocine").serotonergic && !drug("valproate").serotonergic);
        for name in ["bupropion", "agomelatine", "esketamine"] {
            assert!(!drug(name).serotonergic, "{name}");
            assert!(drug(name).class.is_antidepressant(), "{name}");
        }
        for d in builtin() {
            if d.class.serotonergic_by_default() {
                assert!(d.serotonergic, "{} should be serotonergic", d.name);
            }
            if d.class.is_antidepressant() {
                assert!(
                    d.suicidality_warning,
                    "{} carries the boxed warning",
                    d.name
                );
            }
        }
        assert!(!drug("lithium").class.is_antidepressant());
        assert!(drug("lithium").serotonergic);
        assert!(drug("quetiapine").suicidality_warning);
        assert!(!drug("haloperidol").suicidality_warning);
        assert!(drug("linezolid").mao_inhibitor && drug("methylene blue").mao_inhibitor);
        assert!(!drug("linezolid").class.is_antidepressant());
        // Ondansetron is known for its QT risk, not counted as serotonergic.
        assert!(!drug("ondansetron").serotonergic && drug("ondansetron").qt_known_risk);
        assert_eq!(drug("pseudoephedrine").class, DrugClass::Sympathomimetic);
        for name in QT_KNOWN_RISK {
            drug(name);
        }
        assert!(!drug("quetiapine").qt_known_risk && !drug("amisulpride").qt_known_risk);
        for name in [
            "clarithromycin",
            "ciprofloxacin",
            "fluconazole",
            "droperidol",
        ] {
            assert!(drug(name).qt_known_risk, "{name}");
            assert_eq!(drug(name).class, DrugClass::Other, "{name}");
        }
    }

    #[test]
    fn multi_word_names_match_as_written_in_files() {
        assert!(drug("St John's wort").serotonergic);
        assert!(drug("Methylene Blue").serotonergic);
        assert!(drug("SERTRALINE").serotonergic);
    }
}
