//! Consent under 42 CFR Part 2 (issue 7), as revised in 2024: what a written consent must say (§2.31), when a
//! consent is in force, and whether the consents in force permit one disclosure. Pure: the store keeps consents,
//! the web layer asks [`permits`] on every disclosure — never a cached answer.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{AccountId, OrgId};

/// The kinds of information a consent may name. Counseling notes need a consent of their own (§2.31(b)): a
/// consent naming them names nothing else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// The recovery plan: goals and progress on their steps (never notes).
    RecoveryPlan,
    /// Check-ins and assessments: dates, BARC-10 totals, check-up dates (never the check-in's words).
    CheckinsAssessments,
    /// Attendance and engagement: check-ups done, meetings attended, contact.
    AttendanceEngagement,
    /// What a referral carries: name, contact, the service referred to, the reason.
    ReferralInformation,
    /// Encounter summaries (the kind and date of each contact, not its private notes).
    EncounterSummaries,
    /// Counseling notes: only by a consent that names nothing else.
    CounselingNotes,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::RecoveryPlan,
        Category::CheckinsAssessments,
        Category::AttendanceEngagement,
        Category::ReferralInformation,
        Category::EncounterSummaries,
        Category::CounselingNotes,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Category::RecoveryPlan => "recovery_plan",
            Category::CheckinsAssessments => "checkins_assessments",
            Category::AttendanceEngagement => "attendance_engagement",
            Category::ReferralInformation => "referral_information",
            Category::EncounterSummaries => "encounter_summaries",
            Category::CounselingNotes => "counseling_notes",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Who may receive the information.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Recipient {
    /// A family member or friend with an ally account.
    Ally { account: AccountId, name: String },
    /// An organization, by name; `org` when it is on Pathways.
    Organization { org: Option<OrgId>, name: String },
    /// A named individual without an account.
    Person { name: String },
    /// The general designation a treatment, payment and health care operations consent may use: "my treating
    /// providers, health plans, third-party payers, and people helping to operate this program".
    General,
}

impl Recipient {
    fn named(&self) -> bool {
        match self {
            Recipient::Ally { name, .. } | Recipient::Organization { name, .. } | Recipient::Person { name } => {
                !name.trim().is_empty()
            }
            Recipient::General => true,
        }
    }
}

/// When the consent ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Expiry {
    /// The end of this day.
    On(NaiveDate),
    /// An event, e.g. "end of treatment"; staff record when it happened.
    Event(String),
    /// No end: allowed only for a treatment, payment and health care operations consent.
    None,
}

/// The statements a consent must make. Pathways writes them (in the person's language); the document keeps
/// the words shown, and the validator checks each is there.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statements {
    /// The right to revoke in writing, at any time.
    pub right_to_revoke: String,
    /// How to revoke.
    pub how_to_revoke: String,
    /// Revocation does not undo what was done relying on the consent.
    pub reliance: String,
    /// TPO only: recipients covered by HIPAA may redisclose as HIPAA permits.
    pub hipaa_redisclosure: String,
    /// TPO only: what happens if the person refuses to sign.
    pub refusal_effect: String,
}

/// A consent as presented for signature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentDocument {
    /// The person's name.
    pub person_name: String,
    /// Who may disclose: the program or organization.
    pub disclosing_party: String,
    pub categories: Vec<Category>,
    pub recipient: Recipient,
    pub purpose: String,
    /// A consent for treatment, payment and health care operations.
    pub tpo: bool,
    pub statements: Statements,
    pub expiry: Expiry,
    /// The typed name (signed in the portal) or a note that the paper form is on file.
    pub signature: String,
    pub signed_on: Option<NaiveDate>,
}

/// An element §2.31 requires, named when it is missing or wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Element {
    PersonName,
    DisclosingParty,
    Information,
    Recipient,
    Purpose,
    RightToRevoke,
    HowToRevoke,
    Reliance,
    Expiration,
    Signature,
    DateSigned,
    HipaaRedisclosure,
    RefusalEffect,
}

impl Element {
    pub const fn as_str(self) -> &'static str {
        match self {
            Element::PersonName => "person_name",
            Element::DisclosingParty => "disclosing_party",
            Element::Information => "information",
            Element::Recipient => "recipient",
            Element::Purpose => "purpose",
            Element::RightToRevoke => "right_to_revoke",
            Element::HowToRevoke => "how_to_revoke",
            Element::Reliance => "reliance",
            Element::Expiration => "expiration",
            Element::Signature => "signature",
            Element::DateSigned => "date_signed",
            Element::HipaaRedisclosure => "hipaa_redisclosure",
            Element::RefusalEffect => "refusal_effect",
        }
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Checks that a consent has every element §2.31 requires, naming each one missing or wrong, in the order of
/// [`Element`]. `today` bounds the date signed (not in the future) and an expiry date (not already past).
pub fn validate(d: &ConsentDocument, today: NaiveDate) -> Result<(), Vec<Element>> {
    let mut missing = Vec::new();
    if blank(&d.person_name) {
        missing.push(Element::PersonName);
    }
    if blank(&d.disclosing_party) {
        missing.push(Element::DisclosingParty);
    }
    let notes_with_others = d.categories.contains(&Category::CounselingNotes) && d.categories.len() > 1;
    if d.categories.is_empty() || notes_with_others {
        missing.push(Element::Information);
    }
    // The general designation is for treatment, payment and operations consents only (§2.31(a)(4)(ii)).
    if !d.recipient.named() || (d.recipient == Recipient::General && !d.tpo) {
        missing.push(Element::Recipient);
    }
    if blank(&d.purpose) {
        missing.push(Element::Purpose);
    }
    let s = &d.statements;
    if blank(&s.right_to_revoke) {
        missing.push(Element::RightToRevoke);
    }
    if blank(&s.how_to_revoke) {
        missing.push(Element::HowToRevoke);
    }
    if blank(&s.reliance) {
        missing.push(Element::Reliance);
    }
    let expiry_ok = match &d.expiry {
        Expiry::On(date) => *date >= today,
        Expiry::Event(event) => !blank(event),
        Expiry::None => d.tpo,
    };
    if !expiry_ok {
        missing.push(Element::Expiration);
    }
    if blank(&d.signature) {
        missing.push(Element::Signature);
    }
    if d.signed_on.is_none_or(|on| on > today) {
        missing.push(Element::DateSigned);
    }
    if d.tpo && blank(&s.hipaa_redisclosure) {
        missing.push(Element::HipaaRedisclosure);
    }
    if d.tpo && blank(&s.refusal_effect) {
        missing.push(Element::RefusalEffect);
    }
    if missing.is_empty() { Ok(()) } else { Err(missing) }
}

/// Whether a typed signature is the signer's name: the same words, ignoring case, spacing and accents' case.
pub fn signature_matches(typed: &str, name: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ");
    !blank(typed) && norm(typed) == norm(name)
}

/// Who is asking to receive information, as the gate sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Receiver<'a> {
    Ally(AccountId),
    /// An organization — on Pathways (`org`) or known only by its name — for a purpose of treatment (a referral)
    /// or not.
    Organization {
        org: Option<OrgId>,
        name: &'a str,
        treatment: bool,
    },
}

/// Whether two organization names are the same name (case, spacing and punctuation aside).
pub fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let kept: String = s.chars().filter(|c| c.is_alphanumeric() || c.is_whitespace()).collect();
        kept.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}

/// What the gate needs to know of one stored consent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentFacts {
    pub categories: Vec<Category>,
    pub recipient: Recipient,
    pub tpo: bool,
    pub expiry: Expiry,
    /// The expiry event was recorded as having happened.
    pub ended: bool,
    pub revoked: bool,
}

/// Whether a consent is in force on `today`: not revoked, not ended, not past its expiry date.
pub fn in_force(c: &ConsentFacts, today: NaiveDate) -> bool {
    !c.revoked
        && !c.ended
        && match &c.expiry {
            Expiry::On(date) => today <= *date,
            Expiry::Event(_) | Expiry::None => true,
        }
}

/// Whether one consent covers giving `category` to `receiver` today.
pub fn covers(c: &ConsentFacts, receiver: Receiver<'_>, category: Category, today: NaiveDate) -> bool {
    let to_them = match (receiver, &c.recipient) {
        (Receiver::Ally(a), Recipient::Ally { account, .. }) => a == *account,
        (Receiver::Organization { org: Some(org), .. }, Recipient::Organization { org: Some(o), .. }) => org == *o,
        // A consent naming an organization that is not on Pathways covers it by its name.
        (Receiver::Organization { name, .. }, Recipient::Organization { org: None, name: named }) => {
            same_name(name, named)
        }
        // The general designation covers treating providers, for treatment (a TPO consent).
        (Receiver::Organization { treatment: true, .. }, Recipient::General) => c.tpo,
        _ => false,
    };
    to_them && c.categories.contains(&category) && in_force(c, today)
}

/// The first of `consents` that permits giving `category` to `receiver` today, by its index.
pub fn permits(
    consents: &[ConsentFacts],
    receiver: Receiver<'_>,
    category: Category,
    today: NaiveDate,
) -> Option<usize> {
    consents.iter().position(|c| covers(c, receiver, category, today))
}

/// The categories an ally (a family member or friend the person invited) may be given: never counseling notes,
/// encounter summaries or referral packets, which are for providers.
pub const ALLY_CATEGORIES: [Category; 3] =
    [Category::RecoveryPlan, Category::CheckinsAssessments, Category::AttendanceEngagement];

/// Checks an uploaded scan of a paper consent: present, at most [`MAX_SCAN_BYTES`], and a PDF, PNG or JPEG by its
/// first bytes. The content type to keep it with, or the problem (field `file`).
pub fn check_scan(bytes: Option<&[u8]>) -> Result<&'static str, crate::text::FieldError> {
    use crate::text::FieldError;
    match bytes {
        None | Some([]) => Err(FieldError::new("file", "required")),
        Some(b) if b.len() > MAX_SCAN_BYTES => Err(FieldError::new("file", "too-large")),
        Some(b) => scan_type(b).ok_or(FieldError::new("file", "not-a-scan")),
    }
}

/// The largest scan of a paper consent kept, in bytes (the server refuses larger requests anyway).
pub const MAX_SCAN_BYTES: usize = 900 * 1024;

/// The type of an uploaded scan of a paper consent, from its first bytes (never from its name or the browser's
/// word): a PDF, a PNG or a JPEG; anything else is refused.
pub fn scan_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
