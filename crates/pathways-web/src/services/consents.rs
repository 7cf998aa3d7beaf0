//! Consents under 42 CFR Part 2 (issue 7): the use cases the consent pages (`/me/consents`,
//! `/persons/{id}/consents`) and the API (`/api/v1/persons/{id}/consents`, `/api/v1/consents/{id}/revoke`) share.
//! A consent is built from what was entered ([`ConsentInput`]) into a [`ConsentDocument`] carrying the statements
//! Pathways writes in the signer's language, and checked element by element (§2.31) before it is kept.

use std::collections::HashSet;

use chrono::NaiveDate;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::consent::{
    ALLY_CATEGORIES, Category, ConsentDocument, Element, Expiry, Recipient, Statements, validate,
};
use pathways_domain::ids::ConsentId;
use pathways_domain::text::FieldError;
use pathways_domain::{AccountId, OrgId, PersonId};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::consents::{self, RevokedVia, Signed};
use pathways_store::model::{Account, Consent, ConsentScan, Person, ScanVersion};
use pathways_store::{accounts, orgs};
use uuid::Uuid;

use crate::access::{PersonRead, PersonTx, audit_alone, open_person, read_person, read_scope};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::i18n::Tr;
use crate::state::AppState;

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

/// What the consent form needs about the person: the program's name, the person's allies, the names they may sign
/// with.
pub struct Context {
    pub program: String,
    pub allies: Vec<Account>,
    pub person_names: [String; 2],
}

async fn context(db: &impl pathways_store::ConnectionTrait, record: &Person) -> WebResult<Context> {
    let program = orgs::find(db, OrgId::from_uuid(record.org_id)).await?.map(|o| o.name);
    let allies = accounts::allies_of(db, PersonId::from_uuid(record.id)).await?;
    Ok(Context {
        program: program.unwrap_or_default(),
        allies,
        person_names: [record.preferred_name.clone(), record.legal_name.clone().unwrap_or_default()],
    })
}

/// Everything the consents page shows.
pub struct Overview {
    pub person: Person,
    /// Newest first: in force, ended or revoked.
    pub consents: Vec<Consent>,
    pub context: Context,
    /// The consents with a scan of their paper form.
    pub scans: HashSet<Uuid>,
    /// Every scan uploaded (issue 23): per consent the current one first, then those it replaced, newest first;
    /// with the uploader's name.
    pub scan_history: Vec<(ScanVersion, String)>,
}

/// A person's consents, the program and allies the form offers, and which consents have a scan.
pub async fn overview(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<Overview> {
    let PersonTx { tx, scope, record } = open_person(state, ctx, caller, person, AuditAction::ConsentRead).await?;
    let list = consents::list(&tx, &scope, person).await?;
    let context = context(&tx, &record).await?;
    let ids: Vec<Uuid> = list.iter().map(|m| m.id).collect();
    let scans = consents::with_scans(&tx, &ids).await?;
    let mut scan_history = Vec::new();
    let mut names: std::collections::HashMap<Uuid, String> = std::collections::HashMap::new();
    for v in consents::scan_history(&tx, &ids).await? {
        let name = match names.get(&v.uploaded_by) {
            Some(n) => n.clone(),
            None => {
                let found = accounts::find(&tx, AccountId::from_uuid(v.uploaded_by)).await?;
                let n = found.map(|a| a.display_name).unwrap_or_default();
                names.insert(v.uploaded_by, n.clone());
                n
            }
        };
        scan_history.push((v, name));
    }
    tx.commit().await?;
    Ok(Overview { person: record, consents: list, context, scans, scan_history })
}

/// A person's consents, newest first (the API).
pub async fn list(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<Vec<Consent>> {
    let PersonRead { scope, .. } = read_person(state, ctx, caller, person, AuditAction::ConsentRead).await?;
    Ok(consents::list(state.store.reader(), &scope, person).await?)
}

/// Checks and keeps a consent for a person the caller may reach, with its audit event in the same transaction.
/// The person signs their own (`is_self`: the typed name must be theirs, confirmed); staff record a signed paper
/// form. A consent missing a §2.31 element is refused (`WebError::Invalid`, one field per missing element) and
/// nothing is kept — rolling back also takes back the gate's audit event.
pub async fn give(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    input: &ConsentInput,
    is_self: bool,
) -> WebResult<(Consent, ConsentDocument)> {
    let PersonTx { tx, scope, record } = open_person(state, ctx, caller, person, AuditAction::ConsentCreate).await?;
    let cx = context(&tx, &record).await?;
    let signer = if is_self {
        Signer::Person { names: [cx.person_names[0].as_str(), cx.person_names[1].as_str()] }
    } else {
        Signer::Staff
    };
    let name = record.legal_name.clone().unwrap_or_else(|| record.preferred_name.clone());
    let t = ctx.t();
    let doc = document(input, &name, &cx.program, &cx.allies, signer, &t, crate::clock::today())
        .map_err(WebError::Invalid)?;
    let signed = if is_self { Signed::Electronic } else { Signed::Paper };
    let saved = consents::create(&tx, &scope, person, &doc, signed, caller.account, pathways_store::now()).await?;
    tx.commit().await?;
    Ok((saved, doc))
}

/// Revokes a consent of a person the caller may reach (404 for a consent that is not theirs or already revoked),
/// in force for the very next request, with its audit event in the same transaction. `is_self`: the person, in
/// their portal; otherwise staff, on the person's written request.
pub async fn revoke(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    consent: ConsentId,
    is_self: bool,
) -> WebResult<Consent> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::ConsentRevoke).await?;
    let id = consent.as_uuid();
    if consents::of_person(&tx, &scope, person, id).await?.is_none() {
        return Err(WebError::NotFound);
    }
    let via = if is_self { RevokedVia::Portal } else { RevokedVia::WrittenRequest };
    let done = consents::revoke(&tx, person, id, caller.account, via, pathways_store::now())
        .await?
        .ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(done)
}

/// Revokes a consent known only by its id (the API): staff, on the person's written request. A consent of a person
/// outside the caller's reach answers 404, the denial audited.
pub async fn revoke_by_id(state: &AppState, ctx: &Ctx, caller: &Caller, consent: ConsentId) -> WebResult<Consent> {
    let scope = read_scope(state, ctx, caller, AuditAction::ConsentRevoke).await?;
    let Some(found) = consents::find(state.store.reader(), &scope, consent.as_uuid()).await? else {
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
            .on("consent", consent.as_uuid())
            .detail(AuditAction::ConsentRevoke.as_str());
        audit_alone(state, ctx, entry).await?;
        return Err(WebError::NotFound);
    };
    revoke(state, ctx, caller, PersonId::from_uuid(found.person_id), consent, false).await
}

/// Staff record that a consent's expiry event ("end of treatment") has happened: it ends now, as a revocation
/// does.
pub async fn end_on_event(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    consent: ConsentId,
) -> WebResult<()> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::ConsentRevoke).await?;
    let id = consent.as_uuid();
    if consents::of_person(&tx, &scope, person, id).await?.is_none() {
        return Err(WebError::NotFound);
    }
    consents::end_on_event(&tx, person, id, pathways_store::now()).await?.ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(())
}

/// Keeps the scan of a consent signed on paper (already checked by `consent::check_scan`: `content_type` is what
/// its first bytes say). Only a paper consent of a person the caller may reach takes one; anything else is 404.
pub async fn attach_scan(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    consent: ConsentId,
    content_type: &'static str,
    bytes: Vec<u8>,
) -> WebResult<()> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::ConsentScanUpload).await?;
    let id = consent.as_uuid();
    let found = consents::of_person(&tx, &scope, person, id).await?;
    if found.is_none_or(|c| c.signature_kind != "paper") {
        return Err(WebError::NotFound);
    }
    let (old, new) = consents::attach_scan(&tx, id, content_type, bytes, caller.account, pathways_store::now()).await?;
    // Which signed form replaced which, by their hashes: the scans themselves stay out of the trail.
    let entry = AuditEntry::person(AuditAction::ConsentScanUpload, person)
        .on("consent", id)
        .detail(format!("old={} new={new}", old.as_deref().unwrap_or("none")));
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(())
}

/// The scan of one of the person's consents (404 when there is none), the read audited.
pub async fn scan(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    consent: ConsentId,
) -> WebResult<ConsentScan> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::ConsentRead).await?;
    let id = consent.as_uuid();
    let scan = match consents::of_person(&tx, &scope, person, id).await? {
        Some(_) => consents::scan(&tx, id).await?,
        None => None,
    };
    tx.commit().await?;
    scan.ok_or(WebError::NotFound)
}
