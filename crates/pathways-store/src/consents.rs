//! Consents under 42 CFR Part 2 and the accounting of disclosures (issue 7). The rules are
//! `pathways_domain::consent`; here they are kept and asked.
//!
//! The gate reads the consents in the same transaction as the disclosure it permits, with no cache: a revocation
//! is in force for the very next request. On PostgreSQL the consents read for a disclosure are locked `FOR
//! SHARE`, so a revocation (an `UPDATE` of the row) waits for a disclosure in flight and a disclosure that starts
//! after the revocation commits sees it revoked; on SQLite every write transaction is serialized already.

use chrono::{DateTime, NaiveDate, Utc};
use pathways_domain::access::PersonScope;
use pathways_domain::consent::{Category, ConsentDocument, ConsentFacts, Expiry, Receiver, Recipient, permits};
use pathways_domain::{AccountId, PersonId};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;
use uuid::Uuid;

use crate::entities::{consent, disclosure};
use crate::{Result, StoreError};

/// How a consent was signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signed {
    /// By the person in their portal (typed name, confirmed).
    Electronic,
    /// On paper; staff recorded it from the signed form.
    Paper,
}

impl Signed {
    pub const fn as_str(self) -> &'static str {
        match self {
            Signed::Electronic => "electronic",
            Signed::Paper => "paper",
        }
    }
}

fn categories_text(c: &[Category]) -> String {
    c.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(",")
}

/// The categories of a stored list.
pub fn categories_of(text: &str) -> Vec<Category> {
    text.split(',').filter_map(Category::parse).collect()
}

/// Keeps a consent the caller has validated (`pathways_domain::consent::validate`).
pub async fn create(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    doc: &ConsentDocument,
    signed: Signed,
    by: AccountId,
    now: DateTime<Utc>,
) -> Result<consent::Model> {
    let (kind, account, org) = match &doc.recipient {
        Recipient::Ally { account, .. } => ("ally", Some(account.as_uuid()), None),
        Recipient::Organization { org, .. } => ("organization", None, org.map(|o| o.as_uuid())),
        Recipient::Person { .. } => ("person", None, None),
        Recipient::General => ("general", None, None),
    };
    let (expires_on, expiry_event) = match &doc.expiry {
        Expiry::On(d) => (Some(*d), None),
        Expiry::Event(e) => (None, Some(e.clone())),
        Expiry::None => (None, None),
    };
    let signed_on = doc.signed_on.ok_or_else(|| StoreError::Invalid("a consent without its date signed".into()))?;
    Ok(consent::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person.as_uuid()),
        org_id: Set(scope.org.as_uuid()),
        document: Set(serde_json::to_value(doc).map_err(|e| StoreError::Invalid(e.to_string()))?),
        categories: Set(categories_text(&doc.categories)),
        recipient_kind: Set(kind.into()),
        recipient_account_id: Set(account),
        recipient_org_id: Set(org),
        tpo: Set(doc.tpo),
        expires_on: Set(expires_on),
        expiry_event: Set(expiry_event),
        signature_kind: Set(signed.as_str().into()),
        signed_on: Set(signed_on),
        recorded_at: Set(now),
        recorded_by: Set(by.as_uuid()),
        ended_at: Set(None),
        revoked_at: Set(None),
        revoked_by: Set(None),
        revoked_via: Set(None),
    }
    .insert(db)
    .await?)
}

/// The document of a stored consent.
pub fn document(m: &consent::Model) -> Result<ConsentDocument> {
    serde_json::from_value(m.document.clone()).map_err(|e| StoreError::Invalid(format!("consent {}: {e}", m.id)))
}

/// What the gate needs of a stored consent.
pub fn facts(m: &consent::Model) -> Result<ConsentFacts> {
    Ok(facts_of(m, document(m)?))
}

/// What the gate needs of a stored consent whose document is already read.
pub fn facts_of(m: &consent::Model, doc: ConsentDocument) -> ConsentFacts {
    ConsentFacts {
        categories: categories_of(&m.categories),
        recipient: doc.recipient,
        tpo: m.tpo,
        expiry: doc.expiry,
        ended: m.ended_at.is_some(),
        revoked: m.revoked_at.is_some(),
    }
}

/// A person's consents, newest first.
pub async fn list(db: &impl ConnectionTrait, scope: &PersonScope, person: PersonId) -> Result<Vec<consent::Model>> {
    Ok(consent::Entity::find()
        .filter(consent::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(consent::Column::PersonId.eq(person.as_uuid()))
        .order_by_desc(consent::Column::RecordedAt)
        .order_by_desc(consent::Column::Id)
        .all(db)
        .await?)
}

/// One consent of a person in scope.
pub async fn find(db: &impl ConnectionTrait, scope: &PersonScope, id: Uuid) -> Result<Option<consent::Model>> {
    let mut q = consent::Entity::find_by_id(id).filter(consent::Column::OrgId.eq(scope.org.as_uuid()));
    if let Some(p) = scope.only_person {
        q = q.filter(consent::Column::PersonId.eq(p.as_uuid()));
    }
    Ok(q.one(db).await?)
}

/// One consent of this person, in scope.
pub async fn of_person(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    id: Uuid,
) -> Result<Option<consent::Model>> {
    Ok(find(db, scope, id).await?.filter(|c| c.person_id == person.as_uuid()))
}

/// How a revocation arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevokedVia {
    /// The person, in their portal.
    Portal,
    /// Staff, on the person's written request.
    WrittenRequest,
}

/// Revokes a consent now. `None` when there is no such consent of this person, or it was revoked already.
pub async fn revoke(
    db: &impl ConnectionTrait,
    person: PersonId,
    id: Uuid,
    by: AccountId,
    via: RevokedVia,
    now: DateTime<Utc>,
) -> Result<Option<consent::Model>> {
    let via = match via {
        RevokedVia::Portal => "portal",
        RevokedVia::WrittenRequest => "written_request",
    };
    let done = consent::Entity::update_many()
        .col_expr(consent::Column::RevokedAt, Expr::value(now))
        .col_expr(consent::Column::RevokedBy, Expr::value(by.as_uuid()))
        .col_expr(consent::Column::RevokedVia, Expr::value(via))
        .filter(consent::Column::Id.eq(id))
        .filter(consent::Column::PersonId.eq(person.as_uuid()))
        .filter(consent::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    if done.rows_affected != 1 {
        return Ok(None);
    }
    Ok(consent::Entity::find_by_id(id).one(db).await?)
}

/// Records that a consent's expiry event ("end of treatment") has happened: it ends now. `None` when there is no
/// such consent of this person ending on an event, or it already ended or was revoked.
pub async fn end_on_event(
    db: &impl ConnectionTrait,
    person: PersonId,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Option<consent::Model>> {
    let done = consent::Entity::update_many()
        .col_expr(consent::Column::EndedAt, Expr::value(now))
        .filter(consent::Column::Id.eq(id))
        .filter(consent::Column::PersonId.eq(person.as_uuid()))
        .filter(consent::Column::ExpiryEvent.is_not_null())
        .filter(consent::Column::EndedAt.is_null())
        .filter(consent::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    if done.rows_affected != 1 {
        return Ok(None);
    }
    Ok(consent::Entity::find_by_id(id).one(db).await?)
}

/// The consent in force that permits giving `category` of `person` to `receiver` today, read in the caller's
/// transaction and locked against a concurrent revocation until it commits (PostgreSQL: `FOR SHARE`).
pub async fn gate(
    db: &impl ConnectionTrait,
    person: PersonId,
    receiver: Receiver<'_>,
    category: Category,
    today: NaiveDate,
) -> Result<Option<consent::Model>> {
    Ok(gate_each(db, person, receiver, &[category], today).await?.pop().map(|(_, c)| c))
}

/// For each of `categories`, the consent in force that permits giving it to `receiver` today (categories no
/// consent permits are left out) — one read of the person's consents, in the caller's transaction, locked as
/// [`gate`] locks them.
pub async fn gate_each(
    db: &impl ConnectionTrait,
    person: PersonId,
    receiver: Receiver<'_>,
    categories: &[Category],
    today: NaiveDate,
) -> Result<Vec<(Category, consent::Model)>> {
    let to = match receiver {
        Receiver::Ally(a) => Condition::all().add(consent::Column::RecipientAccountId.eq(a.as_uuid())),
        Receiver::Organization { org, treatment, .. } => {
            // On Pathways: named by id; anywhere: named by name (compared in the domain); for treatment: the
            // general designation.
            let mut any = Condition::any().add(
                Condition::all()
                    .add(consent::Column::RecipientKind.eq("organization"))
                    .add(consent::Column::RecipientOrgId.is_null()),
            );
            if let Some(org) = org {
                any = any.add(consent::Column::RecipientOrgId.eq(org.as_uuid()));
            }
            if treatment {
                any = any.add(consent::Column::RecipientKind.eq("general"));
            }
            any
        }
    };
    let rows = consent::Entity::find()
        .filter(consent::Column::PersonId.eq(person.as_uuid()))
        .filter(consent::Column::RevokedAt.is_null())
        .filter(consent::Column::EndedAt.is_null())
        .filter(to)
        .order_by_asc(consent::Column::RecordedAt)
        .lock_shared()
        .all(db)
        .await?;
    let facts = rows.iter().map(facts).collect::<Result<Vec<_>>>()?;
    Ok(categories.iter().filter_map(|c| permits(&facts, receiver, *c, today).map(|i| (*c, rows[i].clone()))).collect())
}

/// One disclosure to enter in the accounting.
#[derive(Clone, Debug)]
pub struct NewDisclosure<'a> {
    pub consent: &'a consent::Model,
    pub channel: &'static str,
    pub categories: &'a [Category],
    pub by: Option<AccountId>,
    pub summary: String,
    /// Who received it, when the consent names the recipient only generally (a referral on a TPO consent):
    /// their name and Pathways organization.
    pub to: Option<(String, Option<pathways_domain::OrgId>)>,
}

/// Enters a disclosure in the accounting (in the disclosure's own transaction).
pub async fn record_disclosure(
    db: &impl ConnectionTrait,
    d: NewDisclosure<'_>,
    now: DateTime<Utc>,
) -> Result<disclosure::Model> {
    let doc = document(d.consent)?;
    let named = match &doc.recipient {
        Recipient::Ally { name, .. } | Recipient::Organization { name, .. } | Recipient::Person { name } => {
            name.clone()
        }
        Recipient::General => String::new(),
    };
    let (recipient_name, recipient_org) = match d.to {
        Some((name, org)) => (name, org.map(|o| o.as_uuid()).or(d.consent.recipient_org_id)),
        None => (named, d.consent.recipient_org_id),
    };
    Ok(disclosure::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(d.consent.person_id),
        org_id: Set(d.consent.org_id),
        consent_id: Set(d.consent.id),
        at: Set(now),
        channel: Set(d.channel.into()),
        recipient_kind: Set(d.consent.recipient_kind.clone()),
        recipient_account_id: Set(d.consent.recipient_account_id),
        recipient_org_id: Set(recipient_org),
        recipient_name: Set(recipient_name),
        categories: Set(categories_text(d.categories)),
        purpose: Set(doc.purpose),
        by_account_id: Set(d.by.map(|a| a.as_uuid())),
        summary: Set(d.summary),
    }
    .insert(db)
    .await?)
}

/// A page of a person's disclosures since `since`, newest first, and how many there are in all.
pub async fn disclosures(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    since: DateTime<Utc>,
    offset: u64,
    limit: u64,
) -> Result<(Vec<disclosure::Model>, u64)> {
    let q = disclosure::Entity::find()
        .filter(disclosure::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(disclosure::Column::PersonId.eq(person.as_uuid()))
        .filter(disclosure::Column::At.gte(since));
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_desc(disclosure::Column::At)
        .order_by_desc(disclosure::Column::Id)
        .offset(crate::rows(offset))
        .limit(crate::rows(limit))
        .all(db)
        .await?;
    Ok((rows, total))
}

/// One line of a person's access log: an audit event about their record, with who acted in plain terms.
#[derive(Clone, Debug, Serialize, sea_orm::FromQueryResult)]
pub struct AccessLine {
    pub occurred_at: DateTime<Utc>,
    pub action: String,
    pub outcome: String,
    pub actor_name: Option<String>,
    pub actor_role: Option<String>,
    pub actor_kind: Option<String>,
    pub org_name: Option<String>,
}

/// A page of the audit events about a person's record since `since`, newest first (who, in which role and
/// organization, when, what), and how many there are in all.
pub async fn access_log(
    db: &impl ConnectionTrait,
    person: PersonId,
    since: DateTime<Utc>,
    offset: u64,
    limit: u64,
) -> Result<(Vec<AccessLine>, u64)> {
    use crate::entities::{account, audit_event, organization};
    use sea_orm::{JoinType, RelationDef};
    let to_account: RelationDef = audit_event::Entity::belongs_to(account::Entity)
        .from(audit_event::Column::ActorAccountId)
        .to(account::Column::Id)
        .into();
    let to_org: RelationDef = audit_event::Entity::belongs_to(organization::Entity)
        .from(audit_event::Column::OrgId)
        .to(organization::Column::Id)
        .into();
    let base = audit_event::Entity::find()
        .filter(audit_event::Column::SubjectPersonId.eq(person.as_uuid()))
        .filter(audit_event::Column::OccurredAt.gte(since));
    let total = base.clone().count(db).await?;
    let rows = base
        .select_only()
        .column(audit_event::Column::OccurredAt)
        .column(audit_event::Column::Action)
        .column(audit_event::Column::Outcome)
        .column(audit_event::Column::ActorRole)
        .column_as(Expr::col((account::Entity, account::Column::DisplayName)), "actor_name")
        .column_as(Expr::col((account::Entity, account::Column::Kind)), "actor_kind")
        .column_as(Expr::col((organization::Entity, organization::Column::Name)), "org_name")
        .join(JoinType::LeftJoin, to_account)
        .join(JoinType::LeftJoin, to_org)
        .order_by_desc(audit_event::Column::Seq)
        .offset(crate::rows(offset))
        .limit(crate::rows(limit))
        .into_model::<AccessLine>()
        .all(db)
        .await?;
    Ok((rows, total))
}

/// Keeps the scan of a paper consent as its current one; the caller checked its type and size. A scan it replaces
/// is kept whole among the consent's previous scans (issue 23). Returns the replaced scan's SHA-256 (if any) and the
/// new one's, for the audit event.
pub async fn attach_scan(
    db: &impl ConnectionTrait,
    consent: Uuid,
    content_type: &str,
    bytes: Vec<u8>,
    by: AccountId,
    now: DateTime<Utc>,
) -> Result<(Option<String>, String)> {
    use crate::entities::{consent_scan, consent_scan_previous};
    use sea_orm::sea_query::OnConflict;
    use sha2::Digest as _;
    let sha = hex::encode(sha2::Sha256::digest(&bytes));
    let old = consent_scan::Entity::find_by_id(consent).one(db).await?;
    let old_sha = old.as_ref().map(|o| o.sha256.clone());
    if let Some(o) = old {
        consent_scan_previous::ActiveModel {
            id: Set(Uuid::now_v7()),
            consent_id: Set(o.consent_id),
            content_type: Set(o.content_type),
            bytes: Set(o.bytes),
            size: Set(o.size),
            sha256: Set(o.sha256),
            uploaded_at: Set(o.uploaded_at),
            uploaded_by: Set(o.uploaded_by),
            replaced_at: Set(now),
            replaced_by: Set(by.as_uuid()),
        }
        .insert(db)
        .await?;
    }
    let row = consent_scan::ActiveModel {
        consent_id: Set(consent),
        content_type: Set(content_type.to_owned()),
        size: Set(i32::try_from(bytes.len()).unwrap_or(i32::MAX)),
        bytes: Set(bytes),
        sha256: Set(sha.clone()),
        uploaded_at: Set(now),
        uploaded_by: Set(by.as_uuid()),
    };
    use consent_scan::Column as C;
    consent_scan::Entity::insert(row)
        .on_conflict(
            OnConflict::column(C::ConsentId)
                .update_columns([C::ContentType, C::Bytes, C::Size, C::Sha256, C::UploadedAt, C::UploadedBy])
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok((old_sha, sha))
}

/// One upload of a consent's scan: the current one or one it replaced (never the bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScanVersion {
    pub consent_id: Uuid,
    pub sha256: String,
    pub size: i32,
    pub content_type: String,
    pub uploaded_at: DateTime<Utc>,
    pub uploaded_by: Uuid,
    /// Who replaced it and when; `None` for the current scan.
    pub replaced: Option<(DateTime<Utc>, Uuid)>,
}

/// Every scan of these consents, the current one first, then those it replaced, newest first.
pub async fn scan_history(db: &impl ConnectionTrait, consents: &[Uuid]) -> Result<Vec<ScanVersion>> {
    use crate::entities::{consent_scan, consent_scan_previous};
    if consents.is_empty() {
        return Ok(Vec::new());
    }
    let current: Vec<(Uuid, String, i32, String, DateTime<Utc>, Uuid)> = consent_scan::Entity::find()
        .select_only()
        .columns([
            consent_scan::Column::ConsentId,
            consent_scan::Column::Sha256,
            consent_scan::Column::Size,
            consent_scan::Column::ContentType,
            consent_scan::Column::UploadedAt,
            consent_scan::Column::UploadedBy,
        ])
        .filter(consent_scan::Column::ConsentId.is_in(consents.to_vec()))
        .into_tuple()
        .all(db)
        .await?;
    type Previous = (Uuid, String, i32, String, DateTime<Utc>, Uuid, DateTime<Utc>, Uuid);
    let previous: Vec<Previous> = consent_scan_previous::Entity::find()
        .select_only()
        .columns([
            consent_scan_previous::Column::ConsentId,
            consent_scan_previous::Column::Sha256,
            consent_scan_previous::Column::Size,
            consent_scan_previous::Column::ContentType,
            consent_scan_previous::Column::UploadedAt,
            consent_scan_previous::Column::UploadedBy,
            consent_scan_previous::Column::ReplacedAt,
            consent_scan_previous::Column::ReplacedBy,
        ])
        .filter(consent_scan_previous::Column::ConsentId.is_in(consents.to_vec()))
        .order_by_desc(consent_scan_previous::Column::ReplacedAt)
        .order_by_desc(consent_scan_previous::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut out: Vec<ScanVersion> = current
        .into_iter()
        .map(|(consent_id, sha256, size, content_type, uploaded_at, uploaded_by)| ScanVersion {
            consent_id,
            sha256,
            size,
            content_type,
            uploaded_at,
            uploaded_by,
            replaced: None,
        })
        .collect();
    out.extend(previous.into_iter().map(
        |(consent_id, sha256, size, content_type, uploaded_at, uploaded_by, replaced_at, replaced_by)| ScanVersion {
            consent_id,
            sha256,
            size,
            content_type,
            uploaded_at,
            uploaded_by,
            replaced: Some((replaced_at, replaced_by)),
        },
    ));
    Ok(out)
}

/// The scan of a consent, if one was uploaded.
pub async fn scan(db: &impl ConnectionTrait, consent: Uuid) -> Result<Option<crate::entities::consent_scan::Model>> {
    Ok(crate::entities::consent_scan::Entity::find_by_id(consent).one(db).await?)
}

/// Which of these consents have a scan.
pub async fn with_scans(db: &impl ConnectionTrait, consents: &[Uuid]) -> Result<std::collections::HashSet<Uuid>> {
    use crate::entities::consent_scan::{Column as C, Entity};
    if consents.is_empty() {
        return Ok(std::collections::HashSet::new());
    }
    let ids: Vec<Uuid> = Entity::find()
        .select_only()
        .column(C::ConsentId)
        .filter(C::ConsentId.is_in(consents.to_vec()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids.into_iter().collect())
}
