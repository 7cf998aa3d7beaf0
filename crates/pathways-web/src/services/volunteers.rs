//! Volunteers and Recovery Friendly designations (issue 20): a center's roster of volunteers who agreed to be
//! listed and the hours they log (`/community/volunteers`, the center's staff: `runs_community_center`), and the
//! public list of designated workplaces and communities (`/recovery-friendly`), recorded by administrators and
//! supervisors (`may_record_designations`). Rules: `pathways_domain::community::volunteers`.

use pathways_domain::access::{may_record_designations, runs_community_center};
use pathways_domain::community::volunteers::{Designation, Hours, Volunteer};
use pathways_domain::text::FieldError;
use pathways_store::volunteers::{self, DesignationRow, HoursEntry, RosterEntry};
use uuid::Uuid;

use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// How many logged entries the roster page lists.
pub const RECENT_HOURS: u64 = 50;

fn may_run(caller: &Caller) -> WebResult<()> {
    if runs_community_center(&caller.principal) { Ok(()) } else { Err(WebError::Forbidden) }
}

/// The caller's center's roster (each volunteer with their hours in all) and its latest logged hours.
pub async fn roster(state: &AppState, caller: &Caller) -> WebResult<(Vec<RosterEntry>, Vec<HoursEntry>)> {
    may_run(caller)?;
    let db = state.store.reader();
    Ok((volunteers::roster(db, caller.org).await?, volunteers::recent_hours(db, caller.org, RECENT_HOURS).await?))
}

/// Adds a volunteer who agreed to be listed to the caller's center's roster; audited in its transaction.
pub async fn add_volunteer(state: &AppState, ctx: &Ctx, caller: &Caller, v: &Volunteer) -> WebResult<()> {
    may_run(caller)?;
    let tx = state.store.begin().await?;
    volunteers::add_volunteer(&tx, &ctx.actor(), caller.org, v, pathways_store::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Logs hours for one of the caller's center's volunteers; a volunteer not on its roster is a field error.
pub async fn log_hours(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    volunteer: Option<Uuid>,
    h: &Hours,
) -> WebResult<()> {
    may_run(caller)?;
    let unknown = || WebError::Invalid(vec![FieldError::new("volunteer", "unknown-choice")]);
    let volunteer = volunteer.ok_or_else(unknown)?;
    let tx = state.store.begin().await?;
    if !volunteers::log_hours(&tx, &ctx.actor(), caller.org, volunteer, h, pathways_store::now()).await? {
        return Err(unknown());
    }
    tx.commit().await?;
    Ok(())
}

/// Whether the caller may record designations (403 otherwise).
pub fn may_record(caller: &Caller) -> WebResult<()> {
    if may_record_designations(&caller.principal) { Ok(()) } else { Err(WebError::Forbidden) }
}

/// Records a designation on the public list; audited in its transaction.
pub async fn add_designation(state: &AppState, ctx: &Ctx, caller: &Caller, d: &Designation) -> WebResult<()> {
    may_record(caller)?;
    let tx = state.store.begin().await?;
    volunteers::add_designation(&tx, &ctx.actor(), caller.org, d, pathways_store::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// The public list: every designation not withdrawn nor lapsed (a program's past its renewal day), newest first.
pub async fn designations(state: &AppState) -> WebResult<Vec<DesignationRow>> {
    Ok(volunteers::designations(state.store.reader(), crate::services::naloxone::today(state)).await?)
}
