//! Brand names of the built-in drugs, so a file that names a drug by its
//! brand (`"Zoloft"`, `"Effexor XR"`) is read as the generic drug.

/// Brand names of the built-in drugs, lower case: `(brand, generic name)`.
///
/// Files should name drugs generically; these let careplan say which generic
/// name a brand stands for. US brands as in each drug's FDA prescribing
/// information (DailyMed), UK brands as in the BNF's medicinal forms.
const BRANDS: &[(&str, &str)] = &[
    ("prozac", "fluoxetine"),
    ("sarafem", "fluoxetine"),
    ("zoloft", "sertraline"),
    ("lustral", "sertraline"),
    ("celexa", "citalopram"),
    ("cipramil", "citalopram"),
    ("lexapro", "escitalopram"),
    ("cipralex", "escitalopram"),
    ("paxil", "paroxetine"),
    ("seroxat", "paroxetine"),
    ("luvox", "fluvoxamine"),
    ("faverin", "fluvoxamine"),
    ("effexor", "venlafaxine"),
    ("pristiq", "desvenlafaxine"),
    ("cymbalta", "duloxetine"),
    ("fetzima", "levomilnacipran"),
    ("savella", "milnacipran"),
    ("anafranil", "clomipramine"),
    ("tofranil", "imipramine"),
    ("pamelor", "nortriptyline"),
    ("nardil", "phenelzine"),
    ("parnate", "tranylcypromine"),
    ("marplan", "isocarboxazid"),
    ("emsam", "selegiline"),
    ("wellbutrin", "bupropion"),
    ("zyban", "bupropion"),
    ("remeron", "mirtazapine"),
    ("desyrel", "trazodone"),
    ("trintellix", "vortioxetine"),
    ("brintellix", "vortioxetine"),
    ("viibryd", "vilazodone"),
    ("valdoxan", "agomelatine"),
    ("spravato", "esketamine"),
    ("ultram", "tramadol"),
    ("nucynta", "tapentadol"),
    ("demerol", "meperidine"),
    ("imitrex", "sumatriptan"),
    ("imigran", "sumatriptan"),
    ("maxalt", "rizatriptan"),
    ("zomig", "zolmitriptan"),
    ("zyvox", "linezolid"),
    ("buspar", "buspirone"),
    ("aurorix", "moclobemide"),
    ("manerix", "moclobemide"),
    ("edronax", "reboxetine"),
    ("prothiaden", "dosulepin"),
    ("ludiomil", "maprotiline"),
    ("auvelity", "dextromethorphan-bupropion"),
    ("exxua", "gepirone"),
    ("seroquel", "quetiapine"),
    ("abilify", "aripiprazole"),
    ("rexulti", "brexpiprazole"),
    ("vraylar", "cariprazine"),
    ("reagila", "cariprazine"),
    ("latuda", "lurasidone"),
    ("caplyta", "lumateperone"),
    ("symbyax", "olanzapine-fluoxetine"),
    ("zyprexa", "olanzapine"),
    ("risperdal", "risperidone"),
    ("invega", "paliperidone"),
    ("geodon", "ziprasidone"),
    ("haldol", "haloperidol"),
    ("clozaril", "clozapine"),
    ("denzapine", "clozapine"),
    ("zaponex", "clozapine"),
    ("versacloz", "clozapine"),
    ("fazaclo", "clozapine"),
    ("lithobid", "lithium"),
    ("priadel", "lithium"),
    ("camcolit", "lithium"),
    ("liskonum", "lithium"),
    ("eskalith", "lithium"),
    ("depakote", "valproate"),
    ("epilim", "valproate"),
    ("episenta", "valproate"),
    ("dyzantil", "valproate"),
    ("convulex", "valproate"),
    ("belvo", "valproate"),
    ("depakene", "valproate"),
    ("depakine", "valproate"),
    ("lamictal", "lamotrigine"),
    ("tegretol", "carbamazepine"),
    ("oxycontin", "oxycodone"),
    ("subutex", "buprenorphine"),
    ("suboxone", "buprenorphine"),
    ("xanax", "alprazolam"),
    ("klonopin", "clonazepam"),
    ("rivotril", "clonazepam"),
    ("valium", "diazepam"),
    ("ativan", "lorazepam"),
    ("ambien", "zolpidem"),
    ("stilnoct", "zolpidem"),
    ("lunesta", "eszopiclone"),
    ("neurontin", "gabapentin"),
    ("lyrica", "pregabalin"),
    ("adderall", "amphetamine"),
    ("vyvanse", "lisdexamfetamine"),
    ("elvanse", "lisdexamfetamine"),
    ("ritalin", "methylphenidate"),
    ("concerta", "methylphenidate"),
    ("flexeril", "cyclobenzaprine"),
    ("azilect", "rasagiline"),
    ("xadago", "safinamide"),
    ("sivextro", "tedizolid"),
    ("ketalar", "ketamine"),
    // Added with the sympathomimetics, the QT-prolonging antipsychotics
    // and the other drugs with a known risk of torsades (FDA labels and the
    // BNF, as above).
    ("sudafed", "pseudoephedrine"),
    ("largactil", "chlorpromazine"),
    ("thorazine", "chlorpromazine"),
    ("melleril", "thioridazine"),
    ("mellaril", "thioridazine"),
    ("orap", "pimozide"),
    ("dolmatil", "sulpiride"),
    ("solian", "amisulpride"),
    ("aricept", "donepezil"),
    ("zofran", "ondansetron"),
    ("motilium", "domperidone"),
    // UK brands (BNF medicinal forms) and the long-acting injections' brands
    // (FDA labels; BNF, "Antipsychotic depot injections"), added after the
    // clinical review of December 2026 found them unrecognised.
    ("efexor", "venlafaxine"),
    ("zispin", "mirtazapine"),
    ("molipaxin", "trazodone"),
    ("zydol", "tramadol"),
    ("oramorph", "morphine"),
    ("zomorph", "morphine"),
    ("sevredol", "morphine"),
    ("mst", "morphine"),
    ("dhc", "dihydrocodeine"),
    ("solpadol", "codeine"),
    ("zapain", "codeine"),
    ("butrans", "buprenorphine"),
    ("transtec", "buprenorphine"),
    ("espranor", "buprenorphine"),
    ("buvidal", "buprenorphine"),
    ("sublocade", "buprenorphine"),
    ("physeptone", "methadone"),
    ("methadose", "methadone"),
    ("dolophine", "methadone"),
    ("xeplion", "paliperidone"),
    ("trevicta", "paliperidone"),
    ("zypadhera", "olanzapine"),
    ("aristada", "aripiprazole"),
    ("clopixol", "zuclopenthixol"),
    ("depixol", "flupentixol"),
    ("fluanxol", "flupentixol"),
    ("modecate", "fluphenazine"),
    ("strattera", "atomoxetine"),
    ("equasym", "methylphenidate"),
    ("medikinet", "methylphenidate"),
    ("xaggitin", "methylphenidate"),
    ("delmosart", "methylphenidate"),
    ("xenidate", "methylphenidate"),
    // The drugs with a known risk of torsades added with them (FDA labels;
    // BNF medicinal forms).
    ("klaricid", "clarithromycin"),
    ("biaxin", "clarithromycin"),
    ("erythrocin", "erythromycin"),
    ("erythroped", "erythromycin"),
    ("zithromax", "azithromycin"),
    ("tavanic", "levofloxacin"),
    ("levaquin", "levofloxacin"),
    ("avelox", "moxifloxacin"),
    ("ciproxin", "ciprofloxacin"),
    ("cipro", "ciprofloxacin"),
    ("diflucan", "fluconazole"),
    ("plaquenil", "hydroxychloroquine"),
    ("xomolix", "droperidol"),
    ("inapsine", "droperidol"),
];

/// The generic name of the built-in drug sold as `brand` (any case).
pub fn generic_of_brand(brand: &str) -> Option<&'static str> {
    BRANDS
        .iter()
        .find(|(b, _)| b.eq_ignore_ascii_case(brand.trim()))
        .map(|&(_, generic)| generic)
}

#[cfg(test)]
mod tests {
    use super::{BRANDS, generic_of_brand};

    #[test]
    fn every_brand_names_a_built_in_drug() {
        let drugs = super::super::drugs::builtin();
        for (brand, generic) in BRANDS {
            assert_eq!(*brand, brand.to_lowercase());
            assert!(
                drugs.iter().any(|d| d.name == *generic),
                "{brand}: {generic} is built in"
            );
        }
        assert_eq!(generic_of_brand("Zoloft"), Some("sertraline"));
        assert_eq!(generic_of_brand("sertraline"), None);
    }
}
