//! The audit trail: append inside the caller's transaction, and verify the hash chain.
//!
//! Appending reads the last link and writes the next, so appends must be serialized: on PostgreSQL a
//! transaction-scoped advisory lock does it (several server processes may share one database); on SQLite the
//! single writing connection already does. The `seq` primary key is the last line of defence: a fork in the
//! chain would be a duplicate key.

use chrono::{DateTime, Utc};
use pathways_domain::audit::{
    AuditAction, AuditOutcome, ChainBreak, ChainFields, ChainVerifier, GENESIS_HASH, chain_hash,
};
use pathways_domain::{AccountId, OrgId, PersonId};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::entities::audit_event;
use crate::{Result, now};

/// An arbitrary constant naming the audit chain's advisory lock.
const AUDIT_LOCK_KEY: i64 = 0x5041_5448_5741_5953; // "PATHWAYS"

/// Who is acting and from where: the part of an audit event that comes from the request.
#[derive(Clone, Debug, Default)]
pub struct Actor {
    pub account: Option<AccountId>,
    pub role: Option<String>,
    pub org: Option<OrgId>,
    pub request_id: Option<String>,
    pub client_addr: Option<String>,
}

/// One event to append.
#[derive(Clone, Debug)]
pub struct AuditEntry {
    pub action: AuditAction,
    pub outcome: AuditOutcome,
    pub subject_person: Option<PersonId>,
    pub entity: Option<&'static str>,
    pub entity_id: Option<Uuid>,
    /// Never personal data: counts, field names, reasons.
    pub detail: Option<String>,
}

impl AuditEntry {
    pub fn new(action: AuditAction, outcome: AuditOutcome) -> Self {
        Self { action, outcome, subject_person: None, entity: None, entity_id: None, detail: None }
    }

    pub fn person(action: AuditAction, person: PersonId) -> Self {
        Self {
            subject_person: Some(person),
            entity: Some("person"),
            entity_id: Some(person.as_uuid()),
            ..Self::new(action, AuditOutcome::Success)
        }
    }

    pub fn on(mut self, entity: &'static str, id: Uuid) -> Self {
        self.entity = Some(entity);
        self.entity_id = Some(id);
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

/// Appends an event to the chain within `tx`; it commits or rolls back with the change it records.
pub async fn append(tx: &DatabaseTransaction, actor: &Actor, entry: AuditEntry) -> Result<()> {
    if tx.get_database_backend() == DbBackend::Postgres {
        tx.execute_raw(sea_orm::Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [AUDIT_LOCK_KEY.into()],
        ))
        .await?;
    }
    let last: Option<(i64, String)> = audit_event::Entity::find()
        .select_only()
        .column(audit_event::Column::Seq)
        .column(audit_event::Column::Hash)
        .order_by_desc(audit_event::Column::Seq)
        .limit(1)
        .into_tuple()
        .one(tx)
        .await?;
    let (prev_seq, prev_hash) = last.unwrap_or((0, GENESIS_HASH.to_owned()));

    let mut row = audit_event::Model {
        seq: prev_seq + 1,
        id: Uuid::now_v7(),
        occurred_at: now(),
        actor_account_id: actor.account.map(|a| a.as_uuid()),
        actor_role: actor.role.clone(),
        org_id: actor.org.map(|o| o.as_uuid()),
        action: entry.action.as_str().to_owned(),
        outcome: entry.outcome.as_str().to_owned(),
        subject_person_id: entry.subject_person.map(|p| p.as_uuid()),
        entity: entry.entity.map(str::to_owned),
        entity_id: entry.entity_id,
        request_id: actor.request_id.clone(),
        client_addr: actor.client_addr.clone(),
        detail: entry.detail,
        prev_hash,
        hash: String::new(),
    };
    row.hash = hash_of(&row);
    audit_event::ActiveModel::from(row).insert(tx).await?;
    Ok(())
}

fn hash_of(row: &audit_event::Model) -> String {
    let strings = RowStrings::of(row);
    chain_hash(&row.prev_hash, &strings.fields(row))
}

/// The text forms of a row's ids, owned so that [`ChainFields`] can borrow them.
struct RowStrings {
    id: String,
    actor: Option<String>,
    org: Option<String>,
    subject: Option<String>,
    entity_id: Option<String>,
}

impl RowStrings {
    fn of(row: &audit_event::Model) -> Self {
        Self {
            id: row.id.to_string(),
            actor: row.actor_account_id.map(|u| u.to_string()),
            org: row.org_id.map(|u| u.to_string()),
            subject: row.subject_person_id.map(|u| u.to_string()),
            entity_id: row.entity_id.map(|u| u.to_string()),
        }
    }

    fn fields<'a>(&'a self, row: &'a audit_event::Model) -> ChainFields<'a> {
        ChainFields {
            seq: row.seq,
            id: &self.id,
            occurred_at_micros: row.occurred_at.timestamp_micros(),
            actor_account: self.actor.as_deref(),
            actor_role: row.actor_role.as_deref(),
            org: self.org.as_deref(),
            action: &row.action,
            outcome: &row.outcome,
            subject_person: self.subject.as_deref(),
            entity: row.entity.as_deref(),
            entity_id: self.entity_id.as_deref(),
            request_id: row.request_id.as_deref(),
            client_addr: row.client_addr.as_deref(),
            detail: row.detail.as_deref(),
        }
    }
}

/// The result of walking the whole chain.
#[derive(Debug)]
pub struct Verification {
    pub checked: u64,
    pub broken: Option<ChainBreak>,
}

/// Recomputes the whole chain in pages, and names the first broken row.
pub async fn verify(db: &impl ConnectionTrait) -> Result<Verification> {
    let mut verifier = ChainVerifier::default();
    let mut after = 0i64;
    loop {
        let page = audit_event::Entity::find()
            .filter(audit_event::Column::Seq.gt(after))
            .order_by_asc(audit_event::Column::Seq)
            .limit(5_000)
            .all(db)
            .await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for row in &page {
            let strings = RowStrings::of(row);
            if let Err(broken) = verifier.check(&strings.fields(row), &row.prev_hash, &row.hash) {
                return Ok(Verification { checked: verifier.checked(), broken: Some(broken) });
            }
        }
    }
    Ok(Verification { checked: verifier.checked(), broken: None })
}

/// Failed sign-ins for an account, and from an address, since `since`: the inputs of sign-in throttling.
pub async fn recent_sign_in_failures(
    db: &impl ConnectionTrait,
    account: Option<AccountId>,
    client_addr: Option<&str>,
    since: DateTime<Utc>,
) -> Result<(u64, u64)> {
    let failed = [AuditAction::SignInFailed.as_str(), AuditAction::SignInThrottled.as_str()];
    let base = || {
        audit_event::Entity::find()
            .filter(audit_event::Column::Action.is_in(failed))
            .filter(audit_event::Column::OccurredAt.gte(since))
    };
    let by_account = match account {
        Some(a) => base().filter(audit_event::Column::EntityId.eq(a.as_uuid())).count(db).await?,
        None => 0,
    };
    let by_addr = match client_addr {
        Some(addr) => base().filter(audit_event::Column::ClientAddr.eq(addr)).count(db).await?,
        None => 0,
    };
    Ok((by_account, by_addr))
}

/// The most recent events, newest first (for the admin's view and for tests).
pub async fn recent(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<audit_event::Model>> {
    Ok(audit_event::Entity::find().order_by_desc(audit_event::Column::Seq).limit(limit).all(db).await?)
}

/// Failed attempts at `action` from an address since `since` (throttling of guessable codes).
pub async fn failures_from_address(
    db: &impl ConnectionTrait,
    action: AuditAction,
    client_addr: Option<&str>,
    since: DateTime<Utc>,
) -> Result<u64> {
    let Some(addr) = client_addr else { return Ok(0) };
    Ok(audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action.as_str()))
        .filter(audit_event::Column::Outcome.eq(AuditOutcome::Failed.as_str()))
        .filter(audit_event::Column::ClientAddr.eq(addr))
        .filter(audit_event::Column::OccurredAt.gte(since))
        .count(db)
        .await?)
}
