//! The caseload view: one row per plan, most urgent first.

use super::{AttendanceLine, ReviewLine, RiskLine, Summary, number};
use crate::words::Risk;
use jiff::civil::Date;
use serde::Serialize;

/// One plan in the caseload view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CaseRow {
    /// The file's path.
    pub path: String,
    /// Pseudonymous client id.
    pub client: Option<String>,
    /// When the episode began.
    pub opened: Option<Date>,
    /// Sessions held.
    pub sessions: usize,
    /// The latest attended session's date.
    pub last_seen: Option<Date>,
    /// Appointments by attendance, with the attendance rate.
    pub attendance: AttendanceLine,
    /// The discharge date, when the episode has ended: the row is then
    /// neither overdue nor urgent.
    pub discharged: Option<Date>,
    /// How urgently the plan needs attention: the caseload's order.
    pub urgency: Urgency,
    /// Why, in a few words (`risk high`, `PHQ-9 22`, `risk never assessed`,
    /// `completed`).
    pub why: Option<String>,
    /// The latest score of each measure the plan's goals use, then of PHQ-9
    /// and GAD-7 when they are scored but no goal uses them.
    pub measures: Vec<LatestScore>,
    /// Latest PHQ-9 with band and trend.
    pub phq9: Option<LatestScore>,
    /// Latest GAD-7 with band and trend.
    pub gad7: Option<LatestScore>,
    /// The next review (none once discharged).
    pub review: Option<ReviewLine>,
    /// Risk as last assessed, with when and where.
    pub risk: Option<RiskLine>,
    /// Error-level findings.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
}

/// How urgently a plan in the caseload needs attention, most urgent first.
///
/// The order follows what a clinician triaging a caseload looks at first:
/// imminent risk of suicide (high risk recorded; a positive PHQ-9 item 9,
/// which predicts later attempts, Simon et al., 2013, Psychiatr Serv
/// 64:1195; a PHQ-9 total of 20 or more, the "severe" band, Kroenke et al.,
/// 2001), then risk that is moderate or was never assessed (an unassessed
/// client is not a low-risk one: Joint Commission NPSG.15.01.01 asks for a
/// screen of every client treated for a behavioural-health condition), then
/// records careplan could not fully read, then overdue reviews. Discharged
/// episodes come last: care has ended, so nothing in them is overdue or
/// urgent (language version 2, "discharge").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    /// High risk, a positive PHQ-9 item 9, or a PHQ-9 of 20 or more.
    Urgent,
    /// Moderate risk, or risk never assessed.
    Risk,
    /// The file has error-level findings.
    Errors,
    /// The review is overdue.
    Overdue,
    /// Nothing above.
    Routine,
    /// The episode is discharged.
    Discharged,
}

/// The lowest PHQ-9 total in the "severe" band (Kroenke, Spitzer &
/// Williams, 2001, J Gen Intern Med 16:606-613).
const PHQ9_SEVERE: f64 = 20.0;

/// A measure's latest score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LatestScore {
    /// The measure's id.
    pub measure: String,
    /// The score.
    pub value: f64,
    /// Its date.
    pub date: Date,
    /// Its severity band.
    pub band: Option<String>,
    /// The trend of the latest scores.
    pub trend: Option<crate::analytics::Trend>,
}

impl CaseRow {
    /// The caseload row of one summary.
    pub fn of(summary: &Summary) -> CaseRow {
        let latest = |id: &str| {
            let series = summary.measures.iter().find(|m| m.measure == id)?;
            let reading = series.latest()?;
            Some(LatestScore {
                measure: id.to_owned(),
                value: reading.value,
                date: reading.date,
                band: reading.band.clone(),
                trend: series.trend,
            })
        };
        let mut shown: Vec<&str> = Vec::new();
        let goal_measures = summary
            .goals
            .iter()
            .chain(&summary.objectives)
            .flat_map(|g| &g.targets);
        for id in goal_measures
            .map(|t| t.measure.measure.as_str())
            .chain(["PHQ-9", "GAD-7"])
        {
            if !shown.contains(&id) {
                shown.push(id);
            }
        }
        let measures: Vec<LatestScore> = shown.iter().filter_map(|id| latest(id)).collect();
        let phq9 = latest("PHQ-9");
        let item9 = latest("PHQ-9-item9").is_some_and(|s| s.value >= 1.0);
        let overdue = summary.review.as_ref().map_or(0, |r| r.days_overdue);
        let risk = summary.risk.as_ref().map(|r| r.level);
        let discharge = summary.discharge.as_ref().map(|d| d.kind_word().to_owned());
        let (urgency, why) = match (risk, &phq9) {
            _ if discharge.is_some() => (Urgency::Discharged, discharge),
            (Some(Risk::High), _) => (Urgency::Urgent, Some("risk high".to_owned())),
            _ if item9 => (Urgency::Urgent, Some("PHQ-9 item 9 positive".to_owned())),
            (_, Some(p)) if p.value >= PHQ9_SEVERE => {
                (Urgency::Urgent, Some(format!("PHQ-9 {}", number(p.value))))
            }
            (Some(Risk::Moderate), _) => (Urgency::Risk, Some("risk moderate".to_owned())),
            (None, _) => (Urgency::Risk, Some("risk never assessed".to_owned())),
            _ if summary.findings.errors > 0 => (Urgency::Errors, None),
            _ if overdue > 0 => (Urgency::Overdue, None),
            _ => (Urgency::Routine, None),
        };
        CaseRow {
            path: summary.path.clone(),
            client: summary.client.clone(),
            opened: summary.opened,
            sessions: summary.sessions,
            last_seen: summary.last_session,
            attendance: summary.attendance,
            discharged: summary.discharge.as_ref().map(|d| d.date),
            urgency,
            why,
            measures,
            phq9,
            gad7: latest("GAD-7"),
            review: summary.review.clone(),
            risk: summary.risk.clone(),
            errors: summary.findings.errors,
            warnings: summary.findings.warnings,
        }
    }

    /// Orders rows most urgent first, by [`Urgency`]; within each, higher
    /// risk, then the most overdue review, then more errors and warnings,
    /// then by client id.
    pub fn urgency_order(rows: &mut [CaseRow]) {
        rows.sort_by(|a, b| {
            let key = |r: &CaseRow| {
                (
                    r.urgency,
                    std::cmp::Reverse(r.risk.as_ref().map(|k| k.level)),
                    std::cmp::Reverse(r.review.as_ref().map_or(0, |v| v.days_overdue)),
                    std::cmp::Reverse(r.errors),
                    std::cmp::Reverse(r.warnings),
                )
            };
            key(a)
                .cmp(&key(b))
                .then_with(|| a.client.cmp(&b.client))
                .then_with(|| a.path.cmp(&b.path))
        });
    }
}

/// The caseload table's column headings, in the order of [`case_cells`].
pub(super) const CASE_HEADERS: [&str; 11] = [
    "client",
    "opened",
    "sessions",
    "last seen",
    "attendance",
    "measures",
    "review",
    "risk",
    "urgency",
    "errors",
    "warnings",
];

/// The column of [`CASE_HEADERS`] holding the review.
pub(super) const CASE_REVIEW: usize = 6;

/// The columns of [`CASE_HEADERS`] holding counts.
pub(super) const CASE_COUNTS: [usize; 4] = [2, 4, 9, 10];

/// The cells of one caseload row, as text.
pub(super) fn case_cells(r: &CaseRow) -> Vec<String> {
    let score = |s: &LatestScore| {
        let mut text = format!("{} {}", s.measure, number(s.value));
        if let Some(b) = &s.band {
            text.push(' ');
            text.push_str(b);
        }
        if let Some(t) = s.trend {
            text.push_str(", ");
            text.push_str(t.as_str());
        }
        text
    };
    let measures = match r.measures.as_slice() {
        [] => "—".to_owned(),
        scores => scores.iter().map(score).collect::<Vec<_>>().join("; "),
    };
    let review = match (r.discharged, &r.review) {
        (Some(date), _) => format!("discharged {date}"),
        (None, Some(v)) if v.days_overdue > 0 => format!("OVERDUE {} d", v.days_overdue),
        (None, Some(v)) => format!("due {}", v.due),
        (None, None) => "—".to_owned(),
    };
    let urgency = match (r.urgency, &r.why) {
        (Urgency::Urgent, Some(why)) => format!("URGENT: {why}"),
        (Urgency::Errors, _) => "errors in the file".to_owned(),
        (Urgency::Overdue, _) => "review overdue".to_owned(),
        (Urgency::Discharged, Some(how)) => format!("discharged, {how}"),
        (_, Some(why)) => why.clone(),
        (_, None) => "—".to_owned(),
    };
    let date = |d: Option<Date>| d.map_or_else(|| "—".to_owned(), |d| d.to_string());
    vec![
        r.client.clone().unwrap_or_else(|| r.path.clone()),
        date(r.opened),
        r.sessions.to_string(),
        date(r.last_seen),
        r.attendance
            .rate
            .map_or_else(|| "—".to_owned(), |p| format!("{}%", number(p.round()))),
        measures,
        review,
        r.risk
            .as_ref()
            .map_or_else(|| "never assessed".to_owned(), |k| k.level.to_string()),
        urgency,
        r.errors.to_string(),
        r.warnings.to_string(),
    ]
}
