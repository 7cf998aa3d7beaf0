//! Self check-ins: the use cases the check-in pages (`/me/checkins`, `/persons/{id}/checkins`) and the API
//! (`/api/v1/persons/{id}/checkins`) share.

use pathways_domain::PersonId;
use pathways_domain::audit::AuditAction;
use pathways_domain::checkin::Checkin;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::model::{self, Person};
use pathways_store::records;

use crate::access::{PersonRead, PersonTx, open_person, read_person};
use crate::ctx::{Caller, Ctx};
use crate::error::WebResult;
use crate::state::AppState;

/// The person and their most recent check-ins.
pub struct Recent {
    pub person: Person,
    /// Newest first.
    pub checkins: Vec<model::Checkin>,
}

/// The person's most recent `limit` check-ins, newest first.
pub async fn list(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId, limit: u64) -> WebResult<Recent> {
    let PersonRead { scope, record } = read_person(state, ctx, caller, person, AuditAction::CheckinRead).await?;
    let checkins = records::checkins(state.store.reader(), &scope, person, limit).await?;
    Ok(Recent { person: record, checkins })
}

/// Stores a check-in and, when the person is not safe, raises an urgent item for their coach — in the same
/// transaction, so one never exists without the other.
pub async fn record(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    c: &Checkin,
) -> WebResult<model::Checkin> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::CheckinCreate).await?;
    let at = pathways_store::now();
    let saved = records::add_checkin(&tx, &scope, person, c, caller.account, at).await?;
    let day = at.with_timezone(&state.config.deployment.time_zone).date_naive();
    pathways_store::outcomes::record_service(&tx, &scope, person, day).await?;
    if c.is_urgent() {
        records::raise_attention(&tx, &scope, person, "unsafe_checkin", true, Some(saved.id)).await?;
        let entry = AuditEntry::person(AuditAction::CheckinCreate, person).detail("urgent_item_raised");
        audit::append(&tx, &ctx.actor(), entry).await?;
    }
    tx.commit().await?;
    Ok(saved)
}
