//! Locator details (issue 5): the other ways to reach a person and the people who know where they are, kept for
//! outreach with the person's consent — the use cases of the locator pages (`/persons/{id}/locator`,
//! `/me/locator`). A detail added by the person or by staff, and one withdrawn, are audited in their transaction.

use pathways_domain::audit::AuditAction;
use pathways_domain::ids::LocatorId;
use pathways_domain::outreach::Locator;
use pathways_domain::{PersonId, PrincipalKind};
use pathways_store::locators;
use pathways_store::model::{LocatorContact, Person};

use crate::access::{PersonTx, open_person};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// The person and their current details.
pub struct Details {
    pub person: Person,
    /// Oldest consent first.
    pub details: Vec<LocatorContact>,
}

/// The person's current locator details.
pub async fn list(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<Details> {
    let PersonTx { tx, scope, record } = open_person(state, ctx, caller, person, AuditAction::LocatorRead).await?;
    let details = locators::list(&tx, &scope, person).await?;
    tx.commit().await?;
    Ok(Details { person: record, details })
}

/// Keeps a detail the person consented to (checked by `parse_locator`).
pub async fn add(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId, locator: Locator) -> WebResult<()> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::LocatorUpdate).await?;
    let kind = if caller.kind == PrincipalKind::Person { "person" } else { "staff" };
    locators::add(&tx, &scope, person, locator, (caller.account, kind), pathways_store::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Withdraws a current detail (kept, marked removed, for the record); 404 when there is no such current detail.
pub async fn remove(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    detail: LocatorId,
) -> WebResult<()> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::LocatorUpdate).await?;
    if !locators::remove(&tx, &scope, person, detail.as_uuid(), caller.account, pathways_store::now()).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}
