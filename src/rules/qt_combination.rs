//! `qt-combination`: two drugs with a known risk of torsades de pointes
//! taken at the same time.

use super::Context;
use super::RuleMeta;
use super::pairs::{self, Hazard};
use crate::catalogue::Drug;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

pub(crate) const META: RuleMeta = RuleMeta {
    summary: "Two drugs with a known risk of torsades de pointes are taken at the same time.",
    doc: r#"## What it does
Flags a medication with a known risk of torsades de pointes when another
such drug is active on the same day. careplan counts the drugs in the
"Known Risk of TdP" category of the CredibleMeds QTdrugs list (AZCERT,
crediblemeds.org) in careplan's own table, compiled on 2 December 2026:
citalopram, escitalopram, haloperidol, chlorpromazine, thioridazine,
pimozide, sulpiride, methadone, donepezil, ondansetron and domperidone, and
the drugs often prescribed beside them: the macrolides clarithromycin,
erythromycin and azithromycin, the fluoroquinolones levofloxacin,
moxifloxacin and ciprofloxacin, fluconazole, hydroxychloroquine and
droperidol. The table was compiled without access to crediblemeds.org, so
which dated revision of the list it matches is unverified; CredibleMeds
revises the list about monthly, and every catalogue review checks each
entry against it again. Amisulpride is not counted until its category is
confirmed there. Drugs in its "possible" and "conditional" categories
(quetiapine, ziprasidone, the tricyclics, ...) are not counted: their risk
depends on the dose, an overdose or other conditions. The header of the one
that started later is flagged (the later one in the file when both start the
same day), naming the other and the first day both were taken. One drug
under two names is not a combination. Two antipsychotics, or two SSRIs
(citalopram and escitalopram), are reported by `duplicate-therapy`, and two
serotonergic drugs (citalopram and methadone) by `serotonergic-combination`;
those findings name the QT risk too.

## Why
These drugs prolong the QT interval and are clearly associated with
torsades de pointes, a ventricular arrhythmia that can cause sudden death,
even when taken as recommended (CredibleMeds' definition of the category);
two together prolong it further. The MHRA made citalopram and escitalopram
contraindicated with other drugs that prolong the QT interval (Drug Safety
Update, December 2011), and citalopram's FDA label contraindicates it with
pimozide (Celexa, section 4); methadone's label warns of QT prolongation
and torsades (Dolophine, section 5), as do those of the macrolides,
fluoroquinolones, fluconazole and hydroxychloroquine (Biaxin, Zithromax,
Levaquin, Avelox, Cipro, Diflucan, Plaquenil) and droperidol's boxed
warning (Inapsine). When such a combination is needed, an
ECG before and after the start, and potassium and magnesium kept normal,
make it safer (AHA/ACCF scientific statement on drug-induced torsades,
Drew et al., 2010, Circulation 121:1047-1060).

## Example
```careplan
medication M1 citalopram for G1
  started 2026-06-01
medication M2 ondansetron for G2
  started 2026-09-01
```

## Fix
Choose a drug without the risk where one will do (for nausea, say, an
antiemetic not on the list), or record the date one was stopped. If the
combination is intended, say what is watched and acknowledge it:
```careplan
medication M2 ondansetron for G2  # careplan: allow qt-combination
  started 2026-09-01
  monitor "ECG (QTc) before and a week after starting; potassium and magnesium"
```
"#,
    check: Some(check),
};

/// What two drugs with a known risk of torsades risk together.
pub(super) const HAZARD: Hazard = Hazard {
    harm: "torsades de pointes, a dangerous heart rhythm (each is on the CredibleMeds \
           known-risk list)",
    watch: "the QT interval (an ECG before and after the start; potassium and magnesium)",
};

/// Whether the pair is two drugs with a known risk of torsades.
pub(super) fn concerns(a: &Drug, b: &Drug) -> bool {
    a.qt_known_risk && b.qt_known_risk
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let drugs = cx.medications_taken();
    let rule = Rule::QtCombination;
    for together in pairs::overlaps(&drugs, rule, None, out) {
        out.push(
            together.diagnostic(
                format!(
                    "{} taken from {}; each has a known risk of torsades de pointes \
                     (CredibleMeds), a heart rhythm that can cause sudden death, and together \
                     they prolong the QT interval further{}",
                    together.are_all(),
                    together.from,
                    together.also(),
                ),
            )
            .with_help(together.if_intended()),
        );
    }
}
