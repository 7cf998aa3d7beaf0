//! Self check-ins: the person's quick form (`/me/checkin`), and the list for the person and their team.

pub mod create_checkin;
pub mod list_checkins;
pub mod new_checkin;

pub use create_checkin::create_checkin;
pub use list_checkins::list_checkins;
pub use new_checkin::new_checkin;

use pathways_domain::checkin::Checkin;
use pathways_domain::{AccountId, PersonId};
use pathways_store::DatabaseTransaction;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::model;
use pathways_store::records;

use crate::ctx::Ctx;
use crate::error::WebResult;

/// Stores a check-in and, when the person is not safe, raises an urgent item for their coach — in the same
/// transaction, so one never exists without the other.
pub async fn record(
    tx: &DatabaseTransaction,
    ctx: &Ctx,
    scope: &pathways_domain::access::PersonScope,
    person: PersonId,
    c: &Checkin,
    by: AccountId,
) -> WebResult<model::Checkin> {
    let saved = records::add_checkin(tx, scope, person, c, by, pathways_store::now()).await?;
    if c.is_urgent() {
        records::raise_attention(tx, scope, person, "unsafe_checkin", true, Some(saved.id)).await?;
        let entry =
            AuditEntry::person(pathways_domain::audit::AuditAction::CheckinCreate, person).detail("urgent_item_raised");
        audit::append(tx, &ctx.actor(), entry).await?;
    }
    Ok(saved)
}
