//! Encounters, a coach's record of time with a person: the use cases the encounter pages
//! (`/persons/{id}/encounters`) and the API (`/api/v1/persons/{id}/encounters`) share. Notes are given only to
//! readers `may_read_notes` allows.

use std::collections::HashMap;

use pathways_domain::audit::AuditAction;
use pathways_domain::encounter::{self, may_read_notes};
use pathways_domain::{AccountId, PersonId};
use pathways_store::model::{Encounter, Person};
use pathways_store::{accounts, records};
use uuid::Uuid;

use crate::access::{PersonRead, PersonTx, open_person, read_person};
use crate::ctx::{Caller, Ctx};
use crate::error::WebResult;
use crate::state::AppState;

/// The person's encounters as the caller may read them.
pub struct Log {
    pub person: Person,
    /// Newest first, each with whether the caller may read its notes (when not, the notes are removed).
    pub entries: Vec<(Encounter, bool)>,
    /// The authors' display names.
    pub authors: HashMap<Uuid, String>,
}

/// The person's most recent `limit` encounters, newest first.
pub async fn list(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId, limit: u64) -> WebResult<Log> {
    let PersonRead { scope, record } = read_person(state, ctx, caller, person, AuditAction::EncounterRead).await?;
    let db = state.store.reader();
    let list = records::encounters(db, &scope, person, limit).await?;
    let mut authors = HashMap::new();
    for e in &list {
        if !authors.contains_key(&e.author_account_id)
            && let Some(a) = accounts::find(db, e.author_account_id.into()).await?
        {
            authors.insert(e.author_account_id, a.display_name);
        }
    }
    let coach = record.assigned_coach_id.map(AccountId::from_uuid);
    let entries = list
        .into_iter()
        .map(|mut e| {
            let visible = may_read_notes(&caller.principal, AccountId::from_uuid(e.author_account_id), coach);
            if !visible {
                e.notes = None;
            }
            (e, visible)
        })
        .collect();
    Ok(Log { person: record, entries, authors })
}

/// Records an encounter by the caller.
pub async fn record(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    encounter: &encounter::Encounter,
) -> WebResult<Encounter> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::EncounterCreate).await?;
    let saved = records::add_encounter(&tx, &scope, person, encounter, caller.account).await?;
    pathways_store::outcomes::record_service(&tx, &scope, person, saved.occurred_on).await?;
    tx.commit().await?;
    Ok(saved)
}
