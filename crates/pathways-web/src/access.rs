//! Capabilities over person records. A handler never queries a person directly: it opens a gate, which
//! checks the caller's role (403 when the role can't hold person records at all), narrows every query to the
//! caller's scope (404 for anything outside it), and writes the audit event — allowed or denied — in the
//! same transaction as the work that follows. A denial is committed on its own before the error returns.

use pathways_domain::PersonId;
use pathways_domain::access::PersonScope;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_store::DatabaseTransaction;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::model::Person;
use pathways_store::persons;

use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// An open transaction with the caller's scope over person records.
pub struct ScopeTx {
    pub tx: DatabaseTransaction,
    pub scope: PersonScope,
}

/// One person record the caller may reach, with the transaction its audit event is in.
pub struct PersonTx {
    pub tx: DatabaseTransaction,
    pub scope: PersonScope,
    pub record: Person,
}

impl PersonTx {
    pub fn id(&self) -> PersonId {
        PersonId::from_uuid(self.record.id)
    }
}

/// Opens the caller's scope, for lists and for creating records. The audit event for `action` is the
/// handler's to write (it knows the count or the new id).
pub async fn open_scope(state: &AppState, ctx: &Ctx, caller: &Caller, action: AuditAction) -> WebResult<ScopeTx> {
    let tx = state.store.begin().await?;
    match PersonScope::of(&caller.principal) {
        Some(scope) => Ok(ScopeTx { tx, scope }),
        None => Err(deny(
            tx,
            ctx,
            AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail(action.as_str()),
            WebError::Forbidden,
        )
        .await),
    }
}

/// Opens one person's record for `action` (read, update), writing its audit event.
pub async fn open_person(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: PersonId,
    action: AuditAction,
) -> WebResult<PersonTx> {
    let ScopeTx { tx, scope } = open_scope(state, ctx, caller, action).await?;
    match persons::find(&tx, &scope, id).await? {
        Some(record) => {
            audit::append(&tx, &ctx.actor(), AuditEntry::person(action, id)).await?;
            Ok(PersonTx { tx, scope, record })
        }
        None => {
            // The denied attempt names the id asked for, but not as the subject: a person's own access log must
            // not show probes by another organization against an id that may not even be theirs.
            let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
                .on("person", id.as_uuid())
                .detail(action.as_str());
            Err(deny(tx, ctx, entry, WebError::NotFound).await)
        }
    }
}

/// Records a denial in its own committed transaction and returns the error to answer with.
async fn deny(tx: DatabaseTransaction, ctx: &Ctx, entry: AuditEntry, error: WebError) -> WebError {
    let written = async {
        audit::append(&tx, &ctx.actor(), entry).await?;
        tx.commit().await?;
        Ok::<_, pathways_store::StoreError>(())
    }
    .await;
    match written {
        Ok(()) => error,
        Err(e) => WebError::from(e),
    }
}

/// A person record opened for reading; its audit event is already committed.
pub struct PersonRead {
    pub scope: PersonScope,
    pub record: Person,
}

impl PersonRead {
    /// Where the handler reads the rest of the record (a read-only connection).
    pub fn db<'a>(&self, state: &'a AppState) -> &'a pathways_store::DatabaseConnection {
        state.store.reader()
    }
}

/// Opens the caller's scope for reading (lists). The handler records the read's event with [`audit_read`].
pub async fn read_scope(state: &AppState, ctx: &Ctx, caller: &Caller, action: AuditAction) -> WebResult<PersonScope> {
    match PersonScope::of(&caller.principal) {
        Some(scope) => Ok(scope),
        None => {
            audit_read(
                state,
                ctx,
                AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail(action.as_str()),
            )
            .await?;
            Err(WebError::Forbidden)
        }
    }
}

/// Refuses an account that isn't staff (a person's own, an ally's) at the staff door of a person's record
/// (`/persons/{id}/…`), audited like any other denial: the id asked for, not as the subject. Answers 404.
pub async fn refuse_at_staff_door(state: &AppState, ctx: &Ctx, id: PersonId) -> WebError {
    let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
        .on("person", id.as_uuid())
        .detail("staff_door");
    match audit_read(state, ctx, entry).await {
        Ok(()) => WebError::NotFound,
        Err(e) => e,
    }
}

/// Opens one person's record for reading. The read's audit event is committed (by group commit with other
/// reads) before this returns, so no data leaves the server before its event is durable.
pub async fn read_person(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: PersonId,
    action: AuditAction,
) -> WebResult<PersonRead> {
    let scope = read_scope(state, ctx, caller, action).await?;
    match persons::find(state.store.reader(), &scope, id).await? {
        Some(record) => {
            audit_read(state, ctx, AuditEntry::person(action, id)).await?;
            Ok(PersonRead { scope, record })
        }
        None => {
            let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
                .on("person", id.as_uuid())
                .detail(action.as_str());
            audit_read(state, ctx, entry).await?;
            Err(WebError::NotFound)
        }
    }
}

/// Records a read's audit event and waits until it is committed.
pub async fn audit_read(state: &AppState, ctx: &Ctx, entry: AuditEntry) -> WebResult<()> {
    state.audit.record(ctx.actor(), entry).await.map_err(WebError::from)
}

/// Records a change that did not happen (invalid input, a stale version) against a person, on its own.
pub async fn audit_failed(
    state: &AppState,
    ctx: &Ctx,
    action: AuditAction,
    person: PersonId,
    why: &str,
) -> WebResult<()> {
    let mut entry = AuditEntry::person(action, person).detail(why);
    entry.outcome = AuditOutcome::Failed;
    audit_alone(state, ctx, entry).await
}

/// Writes one audit event in a transaction of its own.
pub async fn audit_alone(state: &AppState, ctx: &Ctx, entry: AuditEntry) -> WebResult<()> {
    let tx = state.store.begin().await?;
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Opens the person record made from one of the caller's organization's access-line calls, for an operator to
/// refer them (`action`'s audit event in the transaction). Operators reach no person record otherwise: only the
/// one their call made, and only through the call. Anyone else: 403; a call without that person: 404.
pub async fn open_person_from_call(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    call: uuid::Uuid,
    id: PersonId,
    action: AuditAction,
) -> WebResult<PersonTx> {
    if !pathways_domain::access::works_access_line(&caller.principal) {
        return Err(WebError::Forbidden);
    }
    let tx = state.store.begin().await?;
    if pathways_store::access_calls::person_of_call(&tx, caller.org, call).await? != Some(id) {
        drop(tx);
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
            .on("access_call", call)
            .detail(action.as_str());
        audit_alone(state, ctx, entry).await?;
        return Err(WebError::NotFound);
    }
    let scope = PersonScope { org: caller.org, assigned_to: None, only_person: Some(id) };
    let Some(record) = persons::find(&tx, &scope, id).await? else { return Err(WebError::NotFound) };
    audit::append(&tx, &ctx.actor(), AuditEntry::person(action, id).detail("via access-line call")).await?;
    Ok(PersonTx { tx, scope, record })
}

/// Opens another person's record in the transaction the gate already opened (a group service names several
/// persons): found within the same scope, its audit event for `action` written in the same transaction. `None`
/// when the caller can't reach them: the transaction is rolled back (nothing of the work is saved) and the denial
/// committed alone, naming the id asked for but not as the subject (as `open_person` does); the caller chooses the
/// error to answer with.
pub async fn also_person(
    state: &AppState,
    ctx: &Ctx,
    tx: DatabaseTransaction,
    scope: &PersonScope,
    id: PersonId,
    action: AuditAction,
) -> WebResult<Option<DatabaseTransaction>> {
    if persons::find(&tx, scope, id).await?.is_some() {
        audit::append(&tx, &ctx.actor(), AuditEntry::person(action, id)).await?;
        return Ok(Some(tx));
    }
    tx.rollback().await?;
    let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
        .on("person", id.as_uuid())
        .detail(action.as_str());
    let alone = state.store.begin().await?;
    match deny(alone, ctx, entry, WebError::NotFound).await {
        WebError::NotFound => Ok(None),
        other => Err(other),
    }
}

/// The actor of what a drop-in kiosk does on a person's record (issue 20): the staff member who opened the kiosk,
/// in the role `kiosk`, of the kiosk's organization — a shared tablet has no session of its own.
pub fn kiosk_actor(ctx: &Ctx, kiosk: pathways_store::community::KioskRef) -> audit::Actor {
    audit::Actor {
        account: Some(kiosk.opened_by),
        role: Some("kiosk".to_owned()),
        org: Some(kiosk.organization),
        request_id: Some(ctx.request_id.clone()),
        client_addr: ctx.client_addr.clone(),
    }
}

/// Opens the record of the person a kiosk check-in code names, for the kiosk to sign them in (issue 20). The
/// kiosk reaches no person record otherwise: only the one person whose code (its hash, `code_hash`) is in force in
/// the kiosk's own organization — another organization's code, a replaced or removed one, names no one (`None`,
/// nothing written: the caller answers as for any wrong code). `action`'s event, on the person and naming the
/// kiosk, is written in the transaction, by [`kiosk_actor`].
pub async fn open_person_at_kiosk(
    state: &AppState,
    ctx: &Ctx,
    kiosk: pathways_store::community::KioskRef,
    code_hash: &str,
    action: AuditAction,
) -> WebResult<Option<PersonTx>> {
    let tx = state.store.begin().await?;
    let Some(id) = pathways_store::kiosk_known::person_by_code(&tx, kiosk.organization, code_hash).await? else {
        return Ok(None);
    };
    let scope = PersonScope { org: kiosk.organization, assigned_to: None, only_person: Some(id) };
    let Some(record) = persons::find(&tx, &scope, id).await? else { return Ok(None) };
    let entry = AuditEntry::person(action, id).on("kiosk", kiosk.id).detail("check_in_code");
    audit::append(&tx, &kiosk_actor(ctx, kiosk), entry).await?;
    Ok(Some(PersonTx { tx, scope, record }))
}
