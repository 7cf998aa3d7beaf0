//! Person records: the use cases the staff pages (`/persons…`) and the API (`/api/v1/persons…`) share — the list
//! in the caller's reach, adding a person, changing one (with the choice of assigned coach), one person's page,
//! and resolving an item that needed the coach's attention.

use std::collections::HashMap;

use pathways_domain::access::{PersonReach, may_assign_coach, may_create_person, person_reach};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::ids::AttentionItemId;
use pathways_domain::person::{PersonDetails, RawPerson};
use pathways_domain::text::FieldError;
use pathways_domain::{AccountId, PersonId, Role};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::model::Person;
use pathways_store::persons::{self, Page};
use pathways_store::{ConnectionTrait, accounts, records};
use uuid::Uuid;

use super::summary::{self, RecordSummary};
use crate::access::{PersonRead, PersonTx, ScopeTx, open_person, open_scope, read_person, read_scope};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// The assigned coach a save asks for.
#[derive(Clone, Copy, Debug)]
pub enum CoachChoice<'a> {
    /// Leave the assigned coach as it is.
    Keep,
    /// The form's choice (`""`: none). Ignored when the caller may not assign coaches (the coach's own form has
    /// no such field).
    Offered(&'a str),
    /// Asked for by name (`""`: none); a field error when the caller may not assign coaches.
    Asked(&'a str),
}

/// A save that was refused: what the person's fields and the coach's choice got wrong, every one of them.
pub type Invalid = Vec<FieldError>;

/// A page of the persons in the caller's reach (a coach's caseload, or the organization), matching `search`.
pub async fn list(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    search: Option<&str>,
    page: u64,
    per_page: u64,
) -> WebResult<Page<Person>> {
    let scope = read_scope(state, ctx, caller, AuditAction::PersonList).await?;
    let found = persons::list(state.store.reader(), &scope, search, page, per_page).await?;
    let entry =
        AuditEntry::new(AuditAction::PersonList, AuditOutcome::Success).detail(format!("shown={}", found.items.len()));
    crate::access::audit_read(state, ctx, entry).await?;
    Ok(found)
}

/// The organization's coaches by account id (their display names).
pub async fn coach_names(state: &AppState, caller: &Caller) -> WebResult<HashMap<Uuid, String>> {
    let coaches = accounts::list_staff(state.store.reader(), caller.org, Role::Coach).await?;
    Ok(coaches.into_iter().map(|a| (a.id, a.display_name)).collect())
}

/// The coaches the caller may choose from as (id, name), when the caller may assign coaches at all.
pub async fn coach_choices(state: &AppState, caller: &Caller) -> WebResult<Option<Vec<(String, String)>>> {
    if !may_assign_coach(&caller.principal) {
        return Ok(None);
    }
    let coaches = accounts::list_staff(state.store.reader(), caller.org, Role::Coach).await?;
    Ok(Some(coaches.into_iter().map(|a| (a.id.to_string(), a.display_name)).collect()))
}

/// Whether the caller may add persons; a refusal is audited (the page answers 403 before showing the form).
pub async fn may_add(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<()> {
    if may_create_person(&caller.principal) {
        return Ok(());
    }
    let entry =
        AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail(AuditAction::PersonCreate.as_str());
    crate::access::audit_alone(state, ctx, entry).await?;
    Err(WebError::Forbidden)
}

/// Adds a person. A coach's new person is assigned to the coach; admins and supervisors choose (or leave none).
pub async fn create(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    raw: &RawPerson,
    coach: CoachChoice<'_>,
) -> WebResult<Result<Person, Invalid>> {
    let ScopeTx { tx, .. } = open_scope(state, ctx, caller, AuditAction::PersonCreate).await?;
    if !may_create_person(&caller.principal) {
        return Err(WebError::Forbidden);
    }
    let details = PersonDetails::parse(raw, crate::clock::today());
    let coach = chosen_coach(&tx, caller, coach).await?;
    let (details, coach) = match (details, coach) {
        (Ok(d), Ok(c)) => (d, c),
        (d, c) => return Ok(Err(both(d, c))),
    };
    let coach = match (coach, person_reach(&caller.principal)) {
        (Some(chosen), _) => chosen,
        (None, PersonReach::Assigned) => Some(caller.account),
        (None, _) => None,
    };
    let created = persons::insert(&tx, caller.org, &details, coach).await?;
    audit::append(&tx, &ctx.actor(), AuditEntry::person(AuditAction::PersonCreate, PersonId::from_uuid(created.id)))
        .await?;
    tx.commit().await?;
    Ok(Ok(created))
}

/// A refused change: the record as it stands, and what was wrong.
pub struct Refused {
    pub record: Person,
    pub errors: Invalid,
}

/// Changes a person: `change` turns the fields as they stand into the fields wanted, and the result is checked as
/// a whole. A refused change writes nothing; the attempt (which read the record) is audited as failed.
pub async fn update(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: PersonId,
    change: impl FnOnce(RawPerson) -> RawPerson,
    coach: CoachChoice<'_>,
) -> WebResult<Result<Person, Refused>> {
    let PersonTx { tx, scope, record } = open_person(state, ctx, caller, id, AuditAction::PersonUpdate).await?;
    let raw = change(persons::details_of(&record).to_raw());
    let details = PersonDetails::parse(&raw, crate::clock::today());
    let coach = chosen_coach(&tx, caller, coach).await?;
    match (details, coach) {
        (Ok(details), Ok(coach)) => {
            let updated = persons::update(&tx, &scope, id, &details, coach).await?.ok_or(WebError::NotFound)?;
            tx.commit().await?;
            Ok(Ok(updated))
        }
        (d, c) => {
            // Nothing changes: the transaction (and its "updated" event) is rolled back, and the attempt, which
            // still read the record, is audited as failed on its own.
            drop(tx);
            crate::access::audit_failed(state, ctx, AuditAction::PersonUpdate, id, "invalid").await?;
            Ok(Err(Refused { record, errors: both(d, c) }))
        }
    }
}

fn both<A, B>(details: Result<A, Vec<FieldError>>, coach: Result<B, FieldError>) -> Invalid {
    let mut errors = details.err().unwrap_or_default();
    errors.extend(coach.err());
    errors
}

/// The assigned coach a save asks for: `Ok(None)` means "leave it as it is".
async fn chosen_coach(
    db: &impl ConnectionTrait,
    caller: &Caller,
    choice: CoachChoice<'_>,
) -> WebResult<Result<Option<Option<AccountId>>, FieldError>> {
    let invalid = || Ok(Err(FieldError::new("assigned_coach", "invalid-coach")));
    let may_assign = may_assign_coach(&caller.principal);
    let chosen = match choice {
        CoachChoice::Keep => return Ok(Ok(None)),
        CoachChoice::Offered(_) if !may_assign => return Ok(Ok(None)),
        CoachChoice::Asked(_) if !may_assign => return invalid(),
        CoachChoice::Offered(c) | CoachChoice::Asked(c) => c.trim(),
    };
    if chosen.is_empty() {
        return Ok(Ok(Some(None)));
    }
    let Ok(id) = chosen.parse::<AccountId>() else { return invalid() };
    match accounts::find(db, id).await? {
        Some(a)
            if a.org_id == caller.org.as_uuid()
                && a.role.as_deref() == Some(Role::Coach.as_str())
                && a.disabled_at.is_none() =>
        {
            Ok(Ok(Some(Some(id))))
        }
        _ => invalid(),
    }
}

/// One person.
pub async fn get(state: &AppState, ctx: &Ctx, caller: &Caller, id: PersonId) -> WebResult<Person> {
    let PersonRead { record, .. } = read_person(state, ctx, caller, id, AuditAction::PersonRead).await?;
    Ok(record)
}

/// What a person's page shows staff.
pub struct Overview {
    pub person: Person,
    pub summary: RecordSummary,
    /// No account is linked to the person yet, so they can be invited.
    pub can_invite: bool,
    /// The person has a portal account and the caller may give them a password reset link.
    pub can_reset: bool,
    pub coach: Option<String>,
}

/// A person's page: the record, its recovery summary, the assigned coach's name, and whether the person could be
/// invited to their portal.
pub async fn overview(state: &AppState, ctx: &Ctx, caller: &Caller, id: PersonId) -> WebResult<Overview> {
    let PersonRead { record, scope } = read_person(state, ctx, caller, id, AuditAction::PersonRead).await?;
    let db = state.store.reader();
    let summary = summary::of(db, &scope, id).await?;
    let account = accounts::find_for_person(db, id).await?;
    let can_invite = account.is_none();
    let can_reset = account.is_some_and(|a| a.disabled_at.is_none())
        && pathways_domain::access::may_issue_person_reset(&caller.principal);
    let coach = match record.assigned_coach_id {
        Some(c) => accounts::find(db, c.into()).await?.map(|a| a.display_name),
        None => None,
    };
    Ok(Overview { person: record, summary, can_invite, can_reset, coach })
}

/// Marks an open attention item of the person handled by the caller; 404 when there is no such open item.
pub async fn resolve_attention(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    item: AttentionItemId,
) -> WebResult<()> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::AttentionResolve).await?;
    if !records::resolve_attention(&tx, &scope, person, item.as_uuid(), caller.account).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}
