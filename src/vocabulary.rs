//! The language's vocabulary: every entry and field keyword with how it is
//! written. Parse errors, completion and the language reference read it.

/// An entry keyword and its header's form.
#[derive(Debug)]
pub struct EntrySyntax {
    /// The keyword at column 0.
    pub keyword: &'static str,
    /// How the header is written.
    pub usage: &'static str,
    /// What the entry is, for messages (`a goal`).
    pub article: &'static str,
}

/// A field keyword, its form, and the entries that may hold it.
#[derive(Debug)]
pub struct FieldSyntax {
    /// The keyword that starts the indented line.
    pub keyword: &'static str,
    /// How the field is written, shown between backticks in help lines (so
    /// two forms read ``A` or `B``).
    pub usage: &'static str,
    /// Keywords of the entries it belongs to.
    pub entries: &'static [&'static str],
}

/// Every entry, in the order of the language reference.
pub const ENTRIES: &[EntrySyntax] = &[
    EntrySyntax {
        keyword: "plan",
        usage: "plan \"title\"",
        article: "the plan",
    },
    EntrySyntax {
        keyword: "concern",
        usage: "concern ID \"text\"",
        article: "a concern",
    },
    EntrySyntax {
        keyword: "goal",
        usage: "goal ID \"text\" [for CONCERNS]",
        article: "a goal",
    },
    EntrySyntax {
        keyword: "objective",
        usage: "objective ID \"text\" for GOALS",
        article: "an objective",
    },
    EntrySyntax {
        keyword: "intervention",
        usage: "intervention ID MODALITY [TECHNIQUE] [\"title\"] for GOALS",
        article: "an intervention",
    },
    EntrySyntax {
        keyword: "medication",
        usage: "medication ID DRUG for GOALS",
        article: "a medication",
    },
    EntrySyntax {
        keyword: "measure",
        usage: "measure ID \"name\"",
        article: "a measure",
    },
    EntrySyntax {
        keyword: "session",
        usage: "session YYYY-MM-DD",
        article: "a session",
    },
    EntrySyntax {
        keyword: "review",
        usage: "review YYYY-MM-DD",
        article: "a review",
    },
    EntrySyntax {
        keyword: "event",
        usage: "event YYYY-MM-DD crisis|relapse|hospitalization|life-event \"text\"",
        article: "an event",
    },
    EntrySyntax {
        keyword: "safety-plan",
        usage: "safety-plan YYYY-MM-DD",
        article: "a safety plan",
    },
    EntrySyntax {
        keyword: "discharge",
        usage: "discharge YYYY-MM-DD completed|transferred|withdrew|administrative [\"summary\"]",
        article: "the discharge",
    },
];

/// Every field, grouped by the first entry that holds it.
pub const FIELDS: &[FieldSyntax] = &[
    FieldSyntax {
        keyword: "client",
        usage: "client ID",
        entries: &["plan"],
    },
    FieldSyntax {
        keyword: "born",
        usage: "born YYYY-MM-DD",
        entries: &["plan"],
    },
    FieldSyntax {
        keyword: "clinician",
        usage: "clinician \"name\"",
        entries: &["plan"],
    },
    FieldSyntax {
        keyword: "prescriber",
        usage: "prescriber \"name\"",
        entries: &["plan", "medication"],
    },
    FieldSyntax {
        keyword: "opened",
        usage: "opened YYYY-MM-DD",
        entries: &["plan", "goal", "objective", "intervention"],
    },
    FieldSyntax {
        keyword: "orientation",
        usage: "orientation MODALITY",
        entries: &["plan"],
    },
    FieldSyntax {
        keyword: "integration",
        usage: "integration assimilative|theoretical|common-factors|eclectic",
        entries: &["plan"],
    },
    FieldSyntax {
        keyword: "rationale",
        usage: "rationale \"text\"",
        entries: &["plan", "intervention"],
    },
    FieldSyntax {
        keyword: "stage",
        usage: "stage STAGE",
        entries: &["plan", "goal", "review"],
    },
    FieldSyntax {
        keyword: "care",
        usage: "care single|concurrent|sequential|maintenance",
        entries: &["plan"],
    },
    FieldSyntax {
        keyword: "review",
        usage: "review every N days|weeks|months",
        entries: &["plan"],
    },
    FieldSyntax {
        keyword: "risk",
        usage: "risk low|moderate|high [\"reason\"]",
        entries: &["plan", "session", "review", "event", "discharge"],
    },
    FieldSyntax {
        keyword: "discharge-criteria",
        usage: "discharge-criteria \"what must be true to end the episode\"",
        entries: &["plan"],
    },
    FieldSyntax {
        keyword: "diagnosis",
        usage: "diagnosis CODE",
        entries: &["concern"],
    },
    FieldSyntax {
        keyword: "since",
        usage: "since YYYY-MM-DD",
        entries: &["concern"],
    },
    FieldSyntax {
        keyword: "measure",
        usage: "measure MEASURE baseline N target <|<=|>|>=|= N [sustained N sessions|days|weeks|months]",
        entries: &["goal", "objective"],
    },
    FieldSyntax {
        keyword: "due",
        usage: "due YYYY-MM-DD",
        entries: &["goal", "objective"],
    },
    FieldSyntax {
        keyword: "frequency",
        usage: "frequency daily|weekly|fortnightly|monthly|\"description\"` or `frequency N per day|week|month",
        entries: &["intervention"],
    },
    FieldSyntax {
        keyword: "course",
        usage: "course N sessions|days|weeks|months",
        entries: &["intervention"],
    },
    FieldSyntax {
        keyword: "consent",
        usage: "consent YYYY-MM-DD",
        entries: &["intervention", "medication"],
    },
    FieldSyntax {
        keyword: "dose",
        usage: "dose \"dose and schedule\"` or `dose MEDICATION \"dose and schedule\"",
        entries: &["medication", "session", "review"],
    },
    FieldSyntax {
        keyword: "started",
        usage: "started YYYY-MM-DD",
        entries: &["medication"],
    },
    FieldSyntax {
        keyword: "stopped",
        usage: "stopped YYYY-MM-DD",
        entries: &["medication"],
    },
    FieldSyntax {
        keyword: "monitor",
        usage: "monitor \"what is monitored\"",
        entries: &["medication"],
    },
    FieldSyntax {
        keyword: "range",
        usage: "range MIN..MAX",
        entries: &["measure"],
    },
    FieldSyntax {
        keyword: "better",
        usage: "better lower|higher",
        entries: &["measure"],
    },
    FieldSyntax {
        keyword: "reliable-change",
        usage: "reliable-change N",
        entries: &["measure"],
    },
    FieldSyntax {
        keyword: "used",
        usage: "used INTERVENTION \"client response\"",
        entries: &["session"],
    },
    FieldSyntax {
        keyword: "progress",
        usage: "progress GOAL \"indicator\"",
        entries: &["session"],
    },
    FieldSyntax {
        keyword: "score",
        usage: "score MEASURE N [-> N]",
        entries: &["session"],
    },
    FieldSyntax {
        keyword: "note",
        usage: "note \"text\"",
        entries: &["session", "review", "event", "discharge"],
    },
    FieldSyntax {
        keyword: "homework",
        usage: "homework \"text\"",
        entries: &["session"],
    },
    FieldSyntax {
        keyword: "minutes",
        usage: "minutes N",
        entries: &["session"],
    },
    FieldSyntax {
        keyword: "format",
        usage: "format in-person|telehealth|group|family",
        entries: &["session"],
    },
    FieldSyntax {
        keyword: "attendance",
        usage: "attendance attended|no-show|cancelled|late-cancelled",
        entries: &["session"],
    },
    FieldSyntax {
        keyword: "assessment",
        usage: "assessment \"the clinician's assessment\"",
        entries: &["session"],
    },
    FieldSyntax {
        keyword: "status",
        usage: "status GOAL ACHIEVEMENT [\"note\"]",
        entries: &["review", "discharge"],
    },
    FieldSyntax {
        keyword: "revise",
        usage: "revise GOAL target [MEASURE] CMP N`, `revise GOAL due YYYY-MM-DD` or `revise INTERVENTION course N sessions|days|weeks|months",
        entries: &["review", "discharge"],
    },
    FieldSyntax {
        keyword: "stop",
        usage: "stop ID [\"reason\"]",
        entries: &["review"],
    },
    FieldSyntax {
        keyword: "next",
        usage: "next YYYY-MM-DD",
        entries: &["review"],
    },
    FieldSyntax {
        keyword: "warning-signs",
        usage: "warning-signs \"text\"",
        entries: &["safety-plan"],
    },
    FieldSyntax {
        keyword: "coping",
        usage: "coping \"text\"",
        entries: &["safety-plan"],
    },
    FieldSyntax {
        keyword: "contacts",
        usage: "contacts \"text\"",
        entries: &["safety-plan"],
    },
    FieldSyntax {
        keyword: "means-safety",
        usage: "means-safety \"text\"",
        entries: &["safety-plan"],
    },
    FieldSyntax {
        keyword: "referral",
        usage: "referral \"where care goes next\"",
        entries: &["discharge"],
    },
];

/// The entry with `keyword`.
pub fn entry(keyword: &str) -> Option<&'static EntrySyntax> {
    ENTRIES.iter().find(|e| e.keyword == keyword)
}

/// The field with `keyword`.
pub fn field(keyword: &str) -> Option<&'static FieldSyntax> {
    FIELDS.iter().find(|f| f.keyword == keyword)
}

/// The field keywords an entry may hold, in reference order.
pub fn fields_of(entry: &str) -> impl Iterator<Item = &'static str> + '_ {
    FIELDS
        .iter()
        .filter(move |f| f.entries.contains(&entry))
        .map(|f| f.keyword)
}
