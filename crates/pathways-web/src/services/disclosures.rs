//! What the person can see of who saw their record (issue 7): the accounting of disclosures (every time
//! information went to an ally or another organization on a consent) and the access log (every read and change of
//! their record in the audit trail). Both cover the past three years, newest first; the pages
//! (`/me/disclosures`, `/me/access-log` and staff's) and the API (`/api/v1/persons/{id}/…`) share these.

use chrono::{DateTime, Duration, Utc};
use pathways_domain::PersonId;
use pathways_domain::audit::AuditAction;
use pathways_store::consents::{self, AccessLine};
use pathways_store::model::{Disclosure, Person};

use crate::access::{PersonRead, read_person};
use crate::ctx::{Caller, Ctx};
use crate::error::WebResult;
use crate::state::AppState;

/// How far back both lists go, in years.
pub const YEARS: i64 = 3;

/// The start of the period both lists cover.
pub fn since(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(365 * YEARS + 1)
}

/// One page of a list, and how many there are in all.
pub struct Page<T> {
    pub person: Person,
    pub rows: Vec<T>,
    pub total: u64,
}

/// A page of the person's disclosures, the read audited.
pub async fn disclosures(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    offset: u64,
    limit: u64,
) -> WebResult<Page<Disclosure>> {
    let PersonRead { scope, record } = read_person(state, ctx, caller, person, AuditAction::DisclosureRead).await?;
    let (rows, total) =
        consents::disclosures(state.store.reader(), &scope, person, since(pathways_store::now()), offset, limit)
            .await?;
    Ok(Page { person: record, rows, total })
}

/// A page of the person's access log. The read of the log is itself in the log (committed before the log is read),
/// as the first line the person sees.
pub async fn access_log(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    offset: u64,
    limit: u64,
) -> WebResult<Page<AccessLine>> {
    let PersonRead { record, .. } = read_person(state, ctx, caller, person, AuditAction::AccessLogRead).await?;
    let (rows, total) =
        consents::access_log(state.store.reader(), person, since(pathways_store::now()), offset, limit).await?;
    Ok(Page { person: record, rows, total })
}
