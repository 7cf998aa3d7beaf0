//! Treatment capacity and bed holds (issue 6): the public board, a provider's counts, holding a bed and closing a
//! hold — the use cases the `/capacity` and `/programs` pages and the API (`/api/v1/capacity`, `…/programs/{id}/…`,
//! `…/reservations/{id}/…`) share. The rules are `pathways_domain::access_line` and `pathways_domain::access`
//! (who may touch which program); the atomic steps are `pathways_store::capacity`. A program or hold the caller
//! may not touch is not found: the answer reveals nothing.

use pathways_domain::access::{may_close_hold, may_reserve_bed, may_update_capacity};
use pathways_domain::access_line::capacity::HoldError;
use pathways_domain::access_line::{BedCount, Change, Freshness, HoldState};
use pathways_domain::ids::{CallId, HoldId, ProgramId};
use pathways_domain::text::FieldError;
use pathways_store::capacity::{self, BoardFilter, ProgramView, Reservation};
use pathways_store::model::BedHold;

use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// The programs a filter selects, with their counts and freshness (public: no personal data).
pub async fn board(state: &AppState, filter: &BoardFilter) -> WebResult<Vec<ProgramView>> {
    let now = pathways_store::now();
    Ok(capacity::board(state.store.reader(), filter, now, state.config.capacity_stale_after()).await?)
}

/// The regions the programs name, for the board's filter.
pub async fn regions(state: &AppState) -> WebResult<Vec<String>> {
    // The deployment's regions in their configured order, then any other a program names.
    let mut names: Vec<String> = state.config.deployment.region_names().map(str::to_owned).collect();
    for r in capacity::regions(state.store.reader()).await? {
        if !names.iter().any(|n| n.eq_ignore_ascii_case(&r)) {
            names.push(r);
        }
    }
    Ok(names)
}

/// The caller's organization's programs and the beds held at them (soonest expiry first), for the provider's page.
pub async fn programs_of(state: &AppState, caller: &Caller) -> WebResult<(Vec<ProgramView>, Vec<BedHold>)> {
    let now = pathways_store::now();
    let db = state.store.reader();
    let programs = capacity::programs_of(db, caller.org, now, state.config.capacity_stale_after()).await?;
    let ids: Vec<uuid::Uuid> = programs.iter().map(|p| p.id).collect();
    let holds = capacity::live_holds(db, &ids, now).await?;
    Ok((programs, holds))
}

/// A change of a program's counts: all of them given (the API), or one step from the page.
pub enum CountsUpdate {
    /// The open beds and the waitlist; the licensed beds unchanged when `None`.
    Set { licensed: Option<i64>, open: i64, waitlist: i64 },
    /// One more or one fewer, "still right", or both numbers typed (`Change::parse`); what the page could not
    /// read is named once the program is known to be the caller's.
    Step(Result<Change, Vec<FieldError>>),
}

/// The page's change, read from its button and numbers; a "set" without both numbers, or an unknown button, is
/// named on `open_beds`.
pub fn step_of(change: &str, open_beds: &str, waitlist: &str) -> CountsUpdate {
    let number = |s: &str| s.trim().parse::<i64>().ok();
    CountsUpdate::Step(Change::parse(change, number(open_beds), number(waitlist)).ok_or_else(|| {
        let code = if change == "set" { "required" } else { "unknown-choice" };
        vec![FieldError::new("open_beds", code)]
    }))
}

/// Updates a program's counts (`may_update_capacity`: the program organization's provider staff and
/// administrators), audited in the same transaction. The program as it now stands.
pub async fn update_counts(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    program: ProgramId,
    update: CountsUpdate,
) -> WebResult<ProgramView> {
    let now = pathways_store::now();
    let stale_after = state.config.capacity_stale_after();
    let id = program.as_uuid();
    let current =
        capacity::program_view(state.store.reader(), id, now, stale_after).await?.ok_or(WebError::NotFound)?;
    if !may_update_capacity(&caller.principal, current.organization) {
        return Err(WebError::NotFound);
    }
    let counts = match update {
        CountsUpdate::Set { licensed, open, waitlist } => {
            let licensed = licensed.unwrap_or(i64::from(current.counts.licensed));
            BedCount::new(licensed, open, waitlist)
        }
        CountsUpdate::Step(step) => current.counts.apply(step.map_err(WebError::Invalid)?),
    }
    .map_err(WebError::Invalid)?;
    let tx = state.store.begin().await?;
    let saved = capacity::update_counts(&tx, &ctx.actor(), Some(caller.org), id, counts, now)
        .await?
        .ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(ProgramView { freshness: Freshness::of(saved.updated_at, now, stale_after), ..saved })
}

/// Holds a bed at a program for a call (`may_reserve_bed`): the hold, or no bed left and the programs at the same
/// level that have one.
pub async fn reserve_bed(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    program: ProgramId,
    call: Option<CallId>,
) -> WebResult<Reservation> {
    let now = pathways_store::now();
    let id = program.as_uuid();
    let view = capacity::program_view(state.store.reader(), id, now, state.config.capacity_stale_after()).await?;
    let view = view.ok_or(WebError::NotFound)?;
    if !may_reserve_bed(&caller.principal, view.organization) {
        return Err(WebError::NotFound);
    }
    let tx = state.store.begin().await?;
    let answer =
        capacity::reserve(&tx, &ctx.actor(), id, call.map(|c| c.as_uuid()), now, state.config.bed_hold()).await?;
    tx.commit().await?;
    answer.ok_or(WebError::NotFound)
}

/// A closed hold, or why it could not close (expired, or already closed), with its program.
pub struct ClosedHold {
    pub program: ProgramId,
    pub outcome: Result<BedHold, HoldError>,
}

/// The person arrived (`Admitted`) or the bed is given back (`Released`): whoever may hold a bed at the program,
/// and its own staff (`may_close_hold`).
pub async fn close_hold(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    hold: HoldId,
    to: HoldState,
) -> WebResult<ClosedHold> {
    let now = pathways_store::now();
    let db = state.store.reader();
    let program_id = capacity::program_of_hold(db, hold.as_uuid()).await?.ok_or(WebError::NotFound)?;
    let program = capacity::program_view(db, program_id, now, state.config.capacity_stale_after()).await?;
    let program = program.ok_or(WebError::NotFound)?;
    if !may_close_hold(&caller.principal, program.organization) {
        return Err(WebError::NotFound);
    }
    let tx = state.store.begin().await?;
    let closed = capacity::close_hold(&tx, &ctx.actor(), hold.as_uuid(), to, now).await?;
    tx.commit().await?;
    Ok(ClosedHold { program: ProgramId::from_uuid(program_id), outcome: closed.ok_or(WebError::NotFound)? })
}
