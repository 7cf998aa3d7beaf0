//! The audit trail: append inside the caller's transaction, and verify the hash chain.
//!
//! Appending reads the last link and writes the next, so appends must be serialized: on PostgreSQL a
//! transaction-scoped advisory lock does it (several server processes may share one database); on SQLite the
//! single writing connection already does. The `seq` primary key is the last line of defence: a fork in the
//! chain would be a duplicate key.

use chrono::{DateTime, Utc};
use pathways_domain::audit::{
    AuditAction, AuditKey, AuditOutcome, ChainBreak, ChainFields, ChainVerifier, Checkpoint, GENESIS_HASH, chain_hash,
    keyed_chain_hash,
};
use pathways_domain::throttle::Failures;
use pathways_domain::{AccountId, OrgId, PersonId};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use crate::entities::audit_event;
use crate::{Result, now};

/// The audit key of this process (issue 23): set once at start from the secret configuration. Process-wide
/// because every append — inside any use case's transaction, from any door — must use it, and one deployment
/// has one key. Unset, events are hashed with plain SHA-256 as before.
static KEY: std::sync::OnceLock<AuditKey> = std::sync::OnceLock::new();

/// Keys every event this process appends from now on. A second call with another key is refused.
pub fn use_key(key: AuditKey) -> Result<()> {
    KEY.set(key).map_err(|_| crate::StoreError::Invalid("the audit key is set once per process".into()))
}

/// The key events are appended with, if any.
pub fn key() -> Option<&'static AuditKey> {
    KEY.get()
}

/// Whether the chain's last event is keyed: a process without the key must then not append (its plain events
/// would break the chain).
pub async fn head_is_keyed(db: &impl ConnectionTrait) -> Result<bool> {
    let last: Option<bool> = audit_event::Entity::find()
        .select_only()
        .column(audit_event::Column::Keyed)
        .order_by_desc(audit_event::Column::Seq)
        .limit(1)
        .into_tuple()
        .one(db)
        .await?;
    Ok(last.unwrap_or(false))
}

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

/// Takes the chain's lock for the rest of `tx` now, before anything else the transaction locks (PostgreSQL: the
/// transaction-scoped advisory lock every append takes; SQLite: nothing — its writes are serialized already). A
/// transaction that will append and also lock rows another appender updates takes it first, so the two always
/// lock in the same order (the consent gate and a revocation).
pub async fn lock_chain(tx: &DatabaseTransaction) -> Result<()> {
    if tx.get_database_backend() == DbBackend::Postgres {
        tx.execute_raw(sea_orm::Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [AUDIT_LOCK_KEY.into()],
        ))
        .await?;
    }
    Ok(())
}

/// Appends an event to the chain within `tx`; it commits or rolls back with the change it records.
pub async fn append(tx: &DatabaseTransaction, actor: &Actor, entry: AuditEntry) -> Result<()> {
    append_many(tx, &[(actor, &entry)]).await
}

/// Appends several events, in order, with one read of the chain's end and one insert.
pub async fn append_many(tx: &DatabaseTransaction, events: &[(&Actor, &AuditEntry)]) -> Result<()> {
    if events.is_empty() {
        return Ok(());
    }
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
    let (mut seq, mut prev_hash) = last.unwrap_or((0, GENESIS_HASH.to_owned()));
    let at = now();
    let mut rows = Vec::with_capacity(events.len());
    for (actor, entry) in events {
        seq += 1;
        let mut row = audit_event::Model {
            seq,
            id: Uuid::now_v7(),
            occurred_at: at,
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
            detail: entry.detail.clone(),
            prev_hash: prev_hash.clone(),
            hash: String::new(),
            keyed: KEY.get().is_some(),
        };
        row.hash = hash_of(&row);
        prev_hash = row.hash.clone();
        rows.push(audit_event::ActiveModel::from(row));
    }
    for chunk in rows.chunks(500) {
        audit_event::Entity::insert_many(chunk.to_vec()).exec(tx).await?;
    }
    Ok(())
}

/// Group commit for the audit events of reads. A read's event must be durable before its data leaves the
/// server, but a commit (an fsync) per read would serialize every page view behind the disk. Requests hand
/// their event to one task that writes everything waiting in a single transaction, then answers each request;
/// each still waits for its own event to be committed. Changes don't come here: their events are written in
/// the same transaction as the change.
#[derive(Clone, Debug)]
pub struct AuditBatcher {
    queue: tokio::sync::mpsc::Sender<Job>,
}

#[derive(Debug)]
struct Job {
    actor: Actor,
    entry: AuditEntry,
    done: tokio::sync::oneshot::Sender<std::result::Result<(), String>>,
}

/// The most events one commit carries.
const BATCH: usize = 512;

impl AuditBatcher {
    /// Starts the writer task on the current Tokio runtime.
    pub fn spawn(store: crate::Store) -> Self {
        let (queue, mut rx) = tokio::sync::mpsc::channel::<Job>(8 * BATCH);
        tokio::spawn(async move {
            while let Some(first) = rx.recv().await {
                let mut jobs = vec![first];
                while jobs.len() < BATCH {
                    match rx.try_recv() {
                        Ok(job) => jobs.push(job),
                        Err(_) => break,
                    }
                }
                let result = write_batch(&store, &jobs).await.map_err(|e| e.to_string());
                for job in jobs {
                    let _ = job.done.send(result.clone());
                }
            }
        });
        Self { queue }
    }

    /// Records an event and returns once it is committed.
    pub async fn record(&self, actor: Actor, entry: AuditEntry) -> Result<()> {
        let (done, wait) = tokio::sync::oneshot::channel();
        self.queue
            .send(Job { actor, entry, done })
            .await
            .map_err(|_| crate::StoreError::Invalid("the audit writer has stopped".into()))?;
        match wait.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(crate::StoreError::Invalid(format!("audit write failed: {e}"))),
            Err(_) => Err(crate::StoreError::Invalid("the audit writer has stopped".into())),
        }
    }
}

async fn write_batch(store: &crate::Store, jobs: &[Job]) -> Result<()> {
    let tx = store.begin().await?;
    let events: Vec<(&Actor, &AuditEntry)> = jobs.iter().map(|j| (&j.actor, &j.entry)).collect();
    append_many(&tx, &events).await?;
    tx.commit().await?;
    Ok(())
}

fn hash_of(row: &audit_event::Model) -> String {
    let strings = RowStrings::of(row);
    match KEY.get() {
        Some(key) => keyed_chain_hash(key, &row.prev_hash, &strings.fields(row)),
        None => chain_hash(&row.prev_hash, &strings.fields(row)),
    }
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
    /// The last event checked: its `seq` and stored hash (0 and the genesis hash for an empty trail).
    pub head: (i64, String),
    /// The first keyed event, if the chain is keyed.
    pub keyed_from: Option<i64>,
}

/// Recomputes the whole chain in pages (keyed events with `key`), and names the first broken row.
pub async fn verify(db: &impl ConnectionTrait, key: Option<&AuditKey>) -> Result<Verification> {
    let mut verifier = ChainVerifier::with_key(key.cloned());
    let mut after = 0i64;
    let mut broken = None;
    'pages: loop {
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
            if let Err(b) = verifier.check(&strings.fields(row), &row.prev_hash, &row.hash, row.keyed) {
                broken = Some(b);
                break 'pages;
            }
        }
    }
    let (seq, hash) = verifier.head();
    Ok(Verification {
        checked: verifier.checked(),
        broken,
        head: (seq, hash.to_owned()),
        keyed_from: verifier.keyed_from(),
    })
}

/// The chain's head as a checkpoint (after verifying the whole chain: a checkpoint of a broken chain would vouch
/// for it). `Err` names the break.
pub async fn checkpoint(
    db: &impl ConnectionTrait,
    key: &AuditKey,
) -> Result<std::result::Result<Checkpoint, ChainBreak>> {
    let v = verify(db, Some(key)).await?;
    if let Some(b) = v.broken {
        return Ok(Err(b));
    }
    Ok(Ok(Checkpoint { seq: v.head.0, hash: v.head.1, taken_at: now().to_rfc3339() }))
}

/// The stored hash of the event at `seq`, if it exists.
pub async fn hash_at(db: &impl ConnectionTrait, seq: i64) -> Result<Option<String>> {
    Ok(audit_event::Entity::find()
        .select_only()
        .column(audit_event::Column::Hash)
        .filter(audit_event::Column::Seq.eq(seq))
        .into_tuple()
        .one(db)
        .await?)
}

/// The last event's `seq` (0 for an empty trail).
pub async fn last_seq(db: &impl ConnectionTrait) -> Result<i64> {
    let last: Option<i64> = audit_event::Entity::find()
        .select_only()
        .column(audit_event::Column::Seq)
        .order_by_desc(audit_event::Column::Seq)
        .limit(1)
        .into_tuple()
        .one(db)
        .await?;
    Ok(last.unwrap_or(0))
}

/// Failed sign-ins for a login string (its [`pathways_domain::throttle::login_key`], kept as the event's detail,
/// whether or not an account by that login exists), and from an address, since `since`: the inputs of sign-in
/// throttling. Only failures count: attempts refused for coming too early (`sign_in_throttled`) never do.
pub async fn recent_sign_in_failures(
    db: &impl ConnectionTrait,
    login_key: &str,
    client_addr: Option<&str>,
    since: DateTime<Utc>,
) -> Result<(Failures, Failures)> {
    let by_login = failures(db, audit_event::Column::Detail.eq(login_key), AuditAction::SignInFailed, since).await?;
    let by_addr = match client_addr {
        Some(addr) => failures(db, audit_event::Column::ClientAddr.eq(addr), AuditAction::SignInFailed, since).await?,
        None => Failures::default(),
    };
    Ok((by_login, by_addr))
}

/// Failures of `action` on one entity (say, second-factor codes for an account) since `since`.
pub async fn recent_failures_on(
    db: &impl ConnectionTrait,
    action: AuditAction,
    entity_id: Uuid,
    since: DateTime<Utc>,
) -> Result<Failures> {
    failures(db, audit_event::Column::EntityId.eq(entity_id), action, since).await
}

/// How many failures match, and when the last was. Counting stops at a few hundred: every delay is capped well
/// before that, and the cap bounds the work an attacker can make each attempt cost.
async fn failures(
    db: &impl ConnectionTrait,
    which: sea_orm::sea_query::SimpleExpr,
    action: AuditAction,
    since: DateTime<Utc>,
) -> Result<Failures> {
    let times: Vec<DateTime<Utc>> = audit_event::Entity::find()
        .select_only()
        .column(audit_event::Column::OccurredAt)
        .filter(audit_event::Column::Action.eq(action.as_str()))
        .filter(which)
        .filter(audit_event::Column::OccurredAt.gte(since))
        .order_by_desc(audit_event::Column::OccurredAt)
        .limit(256)
        .into_tuple()
        .all(db)
        .await?;
    Ok(Failures { count: times.len() as u64, last: times.first().copied() })
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

/// How many `action` events with `outcome` since `since`, by the acting account (`by`) or about an account
/// (`on`, the event's entity): the inputs of the account lifecycle's throttles (issue 22).
pub async fn count_account_events(
    db: &impl ConnectionTrait,
    action: AuditAction,
    outcome: AuditOutcome,
    by: Option<AccountId>,
    on: Option<AccountId>,
    since: DateTime<Utc>,
) -> Result<u64> {
    let mut q = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action.as_str()))
        .filter(audit_event::Column::Outcome.eq(outcome.as_str()))
        .filter(audit_event::Column::OccurredAt.gte(since));
    if let Some(a) = by {
        q = q.filter(audit_event::Column::ActorAccountId.eq(a.as_uuid()));
    }
    if let Some(a) = on {
        q = q.filter(audit_event::Column::EntityId.eq(a.as_uuid()));
    }
    Ok(q.count(db).await?)
}
