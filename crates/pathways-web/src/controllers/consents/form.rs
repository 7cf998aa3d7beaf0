//! The consent form as posted (pages) or sent (API), turned into a [`ConsentDocument`] with the statements
//! Pathways writes in the signer's language, and the standard texts shown beside it.

use chrono::NaiveDate;
use pathways_domain::consent::{Category, ConsentDocument, Element, Expiry, Recipient, Statements, validate};
use pathways_domain::text::FieldError;
use pathways_domain::{AccountId, OrgId};
use pathways_store::model::Account;

use crate::i18n::Tr;

/// The categories an ally may be given (never notes, encounter summaries or referral packets).
pub const ALLY_CATEGORIES: [Category; 3] =
    [Category::RecoveryPlan, Category::CheckinsAssessments, Category::AttendanceEngagement];

/// The consent as entered, before any check.
#[derive(Clone, Debug, Default)]
pub struct ConsentInput {
    /// `ally`, `organization`, `person` or `general`.
    pub recipient_kind: String,
    /// For an ally: their account id.
    pub ally: String,
    /// For an organization or a person: the name.
    pub recipient_name: String,
    /// For an organization on Pathways: its id.
    pub recipient_org: Option<OrgId>,
    pub categories: Vec<String>,
    pub purpose: String,
    pub tpo: bool,
    /// `date`, `event` or `none`.
    pub expiry_kind: String,
    pub expires_on: String,
    pub expiry_event: String,
    pub signature: String,
    pub signed_on: String,
    /// The signer confirmed (the person) or the paper form is on file (staff).
    pub confirmed: bool,
}

/// The statements Pathways writes into every consent, in the signer's language.
pub fn statements(t: &Tr, program: &str) -> Statements {
    Statements {
        right_to_revoke: t.get("consent-statement-right-to-revoke"),
        how_to_revoke: t.arg("consent-statement-how-to-revoke", "program", program),
        reliance: t.get("consent-statement-reliance"),
        hipaa_redisclosure: t.get("consent-statement-hipaa-redisclosure"),
        refusal_effect: t.get("consent-statement-refusal-effect"),
    }
}

/// Who signs, and how.
#[derive(Clone, Copy, Debug)]
pub enum Signer<'a> {
    /// The person in their portal: the typed name must be theirs, and confirmed.
    Person { names: [&'a str; 2] },
    /// Staff recording a signed paper form: the date it was signed, and the form on file.
    Staff,
}

/// Builds and checks the document. Problems are named by their §2.31 element (field `element`, code
/// `required`), so the page and the API say which element is missing.
pub fn document(
    input: &ConsentInput,
    person_name: &str,
    program: &str,
    allies: &[Account],
    signer: Signer<'_>,
    t: &Tr,
    today: NaiveDate,
) -> Result<ConsentDocument, Vec<FieldError>> {
    let mut extra = Vec::new();
    let mut categories = Vec::new();
    for c in &input.categories {
        match Category::parse(c) {
            Some(c) if !categories.contains(&c) => categories.push(c),
            Some(_) => {}
            None => extra.push(Element::Information),
        }
    }
    let recipient = match input.recipient_kind.as_str() {
        "ally" => {
            let ally = allies.iter().find(|a| a.id.to_string() == input.ally);
            if ally.is_some() && categories.iter().any(|c| !ALLY_CATEGORIES.contains(c)) {
                extra.push(Element::Information);
            }
            ally.map(|a| Recipient::Ally { account: AccountId::from_uuid(a.id), name: a.display_name.clone() })
                .unwrap_or(Recipient::Person { name: String::new() })
        }
        "organization" => {
            Recipient::Organization { org: input.recipient_org, name: input.recipient_name.trim().to_owned() }
        }
        "person" => Recipient::Person { name: input.recipient_name.trim().to_owned() },
        "general" => Recipient::General,
        _ => Recipient::Person { name: String::new() },
    };
    let expiry = match input.expiry_kind.as_str() {
        "date" => match NaiveDate::parse_from_str(input.expires_on.trim(), "%Y-%m-%d") {
            Ok(d) => Expiry::On(d),
            Err(_) => Expiry::Event(String::new()),
        },
        "event" => Expiry::Event(input.expiry_event.trim().to_owned()),
        "none" => Expiry::None,
        _ => Expiry::Event(String::new()),
    };
    let (signature, signed_on) = match signer {
        Signer::Person { names } => {
            let matches = names.iter().any(|n| pathways_domain::consent::signature_matches(&input.signature, n));
            let signature = if matches && input.confirmed { input.signature.trim().to_owned() } else { String::new() };
            (signature, Some(today))
        }
        Signer::Staff => {
            let on = NaiveDate::parse_from_str(input.signed_on.trim(), "%Y-%m-%d").ok();
            let signature = if input.confirmed { t.get("consent-paper-signature") } else { String::new() };
            (signature, on)
        }
    };
    let doc = ConsentDocument {
        person_name: person_name.to_owned(),
        disclosing_party: program.to_owned(),
        categories,
        recipient,
        purpose: input.purpose.trim().to_owned(),
        tpo: input.tpo,
        statements: statements(t, program),
        expiry,
        signature,
        signed_on,
    };
    let mut missing = validate(&doc, today).err().unwrap_or_default();
    missing.extend(extra);
    missing.sort();
    missing.dedup();
    if missing.is_empty() {
        Ok(doc)
    } else {
        Err(missing.into_iter().map(|e| FieldError::new(e.as_str(), "required")).collect())
    }
}

/// A consent's categories in the reader's words.
pub fn categories_words(t: &Tr, categories: &[Category]) -> String {
    categories.iter().map(|c| t.get(&category_key(*c))).collect::<Vec<_>>().join(", ")
}

/// The message key of a category's name.
pub fn category_key(c: Category) -> String {
    format!("consent-category-{}", c.as_str().replace('_', "-"))
}

/// The recipient in the reader's words.
pub fn recipient_words(t: &Tr, r: &Recipient) -> String {
    match r {
        Recipient::Ally { name, .. } | Recipient::Organization { name, .. } | Recipient::Person { name } => {
            name.clone()
        }
        Recipient::General => t.get("consent-general-designation"),
    }
}

/// The expiry in the reader's words.
pub fn expiry_words(t: &Tr, e: &Expiry) -> String {
    match e {
        Expiry::On(d) => t.arg("consent-expires-on", "date", &d.to_string()),
        Expiry::Event(ev) => t.arg("consent-expires-event", "event", ev),
        Expiry::None => t.get("consent-expires-never"),
    }
}
