//! The access line (issue 6): open a call, choose its level, hold a bed for it, schedule a ride, record the
//! follow-up, make a person record from it, move rides along the transport queue, and the line's figures — the
//! use cases the `/access-line` and `/transport` pages and the API (`/api/v1/transport-…`) share.
//!
//! Calls hold personal data: only the line's own organization reaches them (another's call or ride is not found),
//! only those who work the line (`works_access_line`), and every read and change is audited in its transaction
//! (`pathways_store::access_calls`).

use chrono::Duration;
use pathways_domain::access::{may_see_line_figures, works_access_line};
use pathways_domain::access_line::call::{Call, Ride};
use pathways_domain::access_line::capacity::{EXPIRING_SOON, Hold};
use pathways_domain::access_line::transport::{RideError, RideStatus};
use pathways_domain::access_line::triage::suggest;
use pathways_domain::access_line::{HoldState, LevelOfCare};
use pathways_domain::directory::geo::LatLon;
use pathways_domain::ids::{CallId, ProgramId, RideId};
use pathways_domain::text::FieldError;
use pathways_domain::{AccountId, Role};
use pathways_store::access_calls::{self, FOLLOW_UP_OUTCOMES, LineFigures, LineHold, RideFor};
use pathways_store::capacity::{self, BoardFilter, ProgramView, Reservation};
use pathways_store::model::{self, AccessCall, BedHold};
use uuid::Uuid;

use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// Only those who work the line reach its calls and rides; to anyone else they are not found.
fn line_staff(caller: &Caller) -> WebResult<()> {
    if works_access_line(&caller.principal) { Ok(()) } else { Err(WebError::NotFound) }
}

/// The console's lists: the organization's recent calls (newest first) and the follow-ups due now.
pub struct ConsoleLists {
    pub recent: Vec<AccessCall>,
    pub due: Vec<AccessCall>,
}

/// The console's lists, their read audited.
pub async fn console_lists(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<ConsoleLists> {
    line_staff(caller)?;
    let tx = state.store.begin().await?;
    let (recent, due) = access_calls::console_lists(&tx, &ctx.actor(), caller.org, pathways_store::now()).await?;
    tx.commit().await?;
    Ok(ConsoleLists { recent, due })
}

/// The beds held for the line's callers that expire within [`EXPIRING_SOON`], soonest first, for the line's home;
/// the read audited.
pub async fn expiring_holds(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<Vec<LineHold>> {
    line_staff(caller)?;
    let now = pathways_store::now();
    let tx = state.store.begin().await?;
    let holds = access_calls::expiring_holds(&tx, &ctx.actor(), caller.org, now, now + EXPIRING_SOON).await?;
    tx.commit().await?;
    Ok(holds)
}

/// Records a call (already checked by `Call::parse`) with its level-of-care suggestion and the place it names.
pub async fn open_call(state: &AppState, ctx: &Ctx, caller: &Caller, call: &Call) -> WebResult<CallId> {
    line_staff(caller)?;
    let place =
        call.place.as_deref().and_then(|p| crate::places::resolve(p, &state.config.deployment.state)).map(|p| p.point);
    let suggestion = suggest(&call.answers);
    let tx = state.store.begin().await?;
    let id = access_calls::create_call(&tx, &ctx.actor(), caller.org, call, place, &suggestion, pathways_store::now())
        .await?;
    tx.commit().await?;
    Ok(CallId::from_uuid(id))
}

/// A bed held for a call, and its program's name.
pub struct CallHold {
    pub hold: BedHold,
    pub program: String,
}

/// Everything the call's page shows.
pub struct CallFile {
    pub call: AccessCall,
    /// For the chosen level: programs with a bed, nearest fresh first (at most 8). Their counts' freshness is
    /// noted (the line's figures count stale looks).
    pub programs: Vec<ProgramView>,
    pub holds: Vec<CallHold>,
    pub rides: Vec<model::Ride>,
    /// The organization's active coaches (id, name), when a person record may still be made from the call.
    pub coaches: Vec<(Uuid, String)>,
}

/// One call of the caller's organization, its read audited.
pub async fn call_file(state: &AppState, ctx: &Ctx, caller: &Caller, id: CallId) -> WebResult<CallFile> {
    line_staff(caller)?;
    let now = pathways_store::now();
    let stale_after = state.config.capacity_stale_after();
    let tx = state.store.begin().await?;
    let call = access_calls::read_call(&tx, &ctx.actor(), caller.org, id.as_uuid()).await?.ok_or(WebError::NotFound)?;
    tx.commit().await?;
    let db = state.store.reader();
    let chosen = call.chosen_level.as_deref().and_then(LevelOfCare::parse);
    let near = call.latitude.zip(call.longitude).and_then(|(a, b)| LatLon::new(a, b).ok());
    let programs = match chosen {
        Some(level) => {
            let filter = BoardFilter {
                level: Some(level),
                near,
                available_only: true,
                limit: Some(8),
                ..BoardFilter::default()
            };
            capacity::board(db, &filter, now, stale_after).await?
        }
        None => Vec::new(),
    };
    let shown: Vec<(Uuid, bool)> = programs.iter().map(|p| (p.id, p.freshness.stale)).collect();
    if !shown.is_empty() {
        let tx = state.store.begin().await?;
        access_calls::record_looks(&tx, caller.org, id.as_uuid(), &shown, now).await?;
        tx.commit().await?;
    }
    let mut holds = Vec::new();
    for hold in access_calls::holds_of_call(db, id.as_uuid()).await? {
        let program = capacity::program_view(db, hold.program_id, now, stale_after).await?;
        holds.push(CallHold { program: program.map(|p| p.name).unwrap_or_default(), hold });
    }
    let rides = access_calls::rides_of_call(db, id.as_uuid()).await?;
    let may_make_person = call.first_name.is_some() && call.person_id.is_none();
    let coaches = if may_make_person {
        pathways_store::accounts::list_staff(db, caller.org, Role::Coach)
            .await?
            .into_iter()
            .filter(|a| a.disabled_at.is_none())
            .map(|a| (a.id, a.display_name))
            .collect()
    } else {
        Vec::new()
    };
    Ok(CallFile { call, programs, holds, rides, coaches })
}

/// The operator's choice of level for a call (`None`: no bed is needed).
pub async fn choose_level(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    call: CallId,
    level: Option<LevelOfCare>,
) -> WebResult<()> {
    line_staff(caller)?;
    let tx = state.store.begin().await?;
    if !access_calls::choose_level(&tx, &ctx.actor(), caller.org, call.as_uuid(), level).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// Holds a bed at a program for one of the organization's calls (the line serves the whole state): the hold, or no
/// bed left and where else to look.
pub async fn hold_bed(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    call: CallId,
    program: ProgramId,
) -> WebResult<Reservation> {
    line_staff(caller)?;
    let now = pathways_store::now();
    let tx = state.store.begin().await?;
    access_calls::read_call(&tx, &ctx.actor(), caller.org, call.as_uuid()).await?.ok_or(WebError::NotFound)?;
    let answer =
        capacity::reserve(&tx, &ctx.actor(), program.as_uuid(), Some(call.as_uuid()), now, state.config.bed_hold())
            .await?;
    tx.commit().await?;
    answer.ok_or(WebError::NotFound)
}

/// Schedules a ride for a call from its page: to the bed held for the call, if there is one (its level orders the
/// queue), otherwise at the call's chosen level.
pub async fn schedule_ride(state: &AppState, ctx: &Ctx, caller: &Caller, call: CallId, ride: &Ride) -> WebResult<()> {
    line_staff(caller)?;
    let now = pathways_store::now();
    let db = state.store.reader();
    let holds = access_calls::holds_of_call(db, call.as_uuid()).await?;
    let live = holds.iter().find(|h| {
        Hold {
            created_at: h.created_at,
            expires_at: h.expires_at,
            stored: HoldState::parse(&h.state).unwrap_or(HoldState::Released),
        }
        .is_live(now)
    });
    let (hold, level) = match live {
        Some(h) => {
            let p = capacity::program_view(db, h.program_id, now, state.config.capacity_stale_after()).await?;
            (Some(h.id), p.and_then(|p| p.level))
        }
        None => (None, None),
    };
    let tx = state.store.begin().await?;
    let found =
        access_calls::read_call(&tx, &ctx.actor(), caller.org, call.as_uuid()).await?.ok_or(WebError::NotFound)?;
    let level = level.or_else(|| found.chosen_level.as_deref().and_then(LevelOfCare::parse));
    let target = RideFor { call: call.as_uuid(), hold, level };
    access_calls::request_ride(&tx, &ctx.actor(), caller.org, target, ride, now).await?.ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(())
}

/// Requests a ride for one of the organization's calls, as the API names it (the hold and the level given).
pub async fn request_ride(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    target: RideFor,
    ride: &Ride,
) -> WebResult<model::Ride> {
    line_staff(caller)?;
    let tx = state.store.begin().await?;
    let saved = access_calls::request_ride(&tx, &ctx.actor(), caller.org, target, ride, pathways_store::now())
        .await?
        .ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(saved)
}

/// The organization's transport queue (rides not yet over: detox first, then residential, then other; the longest
/// wait first within each), its read audited.
pub async fn transport_queue(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<Vec<model::Ride>> {
    line_staff(caller)?;
    let tx = state.store.begin().await?;
    let rides = access_calls::transport_queue(&tx, &ctx.actor(), caller.org).await?;
    tx.commit().await?;
    Ok(rides)
}

/// Moves a ride on (or cancels it, or marks a no-show, with a reason): the ride, or why it can't (not the next
/// step; no reason given).
pub async fn change_ride(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    ride: RideId,
    to: RideStatus,
    reason: Option<&str>,
) -> WebResult<Result<model::Ride, RideError>> {
    line_staff(caller)?;
    let tx = state.store.begin().await?;
    let changed =
        access_calls::change_ride(&tx, &ctx.actor(), caller.org, ride.as_uuid(), to, reason, pathways_store::now())
            .await?
            .ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(changed)
}

/// The next-day follow-up's outcome (one of `FOLLOW_UP_OUTCOMES`; anything else is named on `reason`).
pub async fn follow_up(state: &AppState, ctx: &Ctx, caller: &Caller, call: CallId, outcome: &str) -> WebResult<()> {
    line_staff(caller)?;
    let outcome = FOLLOW_UP_OUTCOMES
        .iter()
        .find(|o| **o == outcome.trim())
        .ok_or_else(|| WebError::Invalid(vec![FieldError::new("reason", "unknown-choice")]))?;
    let tx = state.store.begin().await?;
    if !access_calls::record_follow_up(&tx, &ctx.actor(), caller.org, call.as_uuid(), outcome, pathways_store::now())
        .await?
    {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// With the person's agreement, a person record from the call, assigned to an active coach of the organization
/// (anyone else is named on `assigned_coach`).
pub async fn make_person(state: &AppState, ctx: &Ctx, caller: &Caller, call: CallId, coach: &str) -> WebResult<()> {
    line_staff(caller)?;
    let coach_error = || WebError::Invalid(vec![FieldError::new("assigned_coach", "invalid-coach")]);
    let coach: Uuid = coach.trim().parse().map_err(|_| coach_error())?;
    let coaches = pathways_store::accounts::list_staff(state.store.reader(), caller.org, Role::Coach).await?;
    if !coaches.iter().any(|a| a.id == coach && a.disabled_at.is_none()) {
        return Err(coach_error());
    }
    let today = pathways_store::now().date_naive();
    let tx = state.store.begin().await?;
    access_calls::make_person(&tx, &ctx.actor(), caller.org, call.as_uuid(), AccountId::from_uuid(coach), today)
        .await?
        .ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(())
}

/// The line's figures over the past 90 days (aggregates only), for those who may see them
/// (`may_see_line_figures`; anyone else: 403).
pub async fn figures(state: &AppState, caller: &Caller) -> WebResult<LineFigures> {
    if !may_see_line_figures(&caller.principal) {
        return Err(WebError::Forbidden);
    }
    let now = pathways_store::now();
    Ok(access_calls::line_figures(state.store.reader(), caller.org, now - Duration::days(90), now).await?)
}
