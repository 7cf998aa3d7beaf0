//! Treatment capacity and bed holds (issue 6). The rules are `pathways_domain::access_line`; this module keeps
//! the rows and makes the one step that must be atomic atomic:
//!
//! Holding a bed is `store::holds`, the one mechanism shared with the recovery residences' beds (`store::housing`).
//!
//! **A reservation is one conditional update.** `held = held + 1 WHERE id = ? AND waitlist = 0 AND open_beds -
//! held > 0` changes one row or none. Both databases serialize updates of one row (SQLite has one writer;
//! PostgreSQL re-checks the condition on the row's newest version after a concurrent update commits), so however
//! many requests race, across however many server processes, exactly as many succeed as there were beds. The hold
//! row is inserted only after the update changed the row, in the same transaction, with its audit event.
//!
//! **Expired holds free their beds without a timer.** Before each reservation, each hold change and each board
//! read, holds past their expiry are marked expired (each by a conditional update, so two racing expiries free
//! one bed once) and their beds returned; a board read on the read connection subtracts the ones still to mark.
//! Every change writes an audit event in its transaction.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use pathways_domain::OrgId;
use pathways_domain::access_line::LevelOfCare;
use pathways_domain::access_line::capacity::{BedCount, Freshness, HoldError, HoldState, listing_order};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::directory::geo::{LatLon, haversine_miles};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::Result;
use crate::audit::{self, Actor, AuditEntry};
use crate::entities::{bed_hold, treatment_program};
use crate::holds::{self, ProgramBeds, Stored};

/// A program to add.
#[derive(Clone, Debug)]
pub struct NewProgram {
    pub organization: OrgId,
    pub service_id: Option<Uuid>,
    pub name: String,
    pub level: LevelOfCare,
    pub populations: Vec<String>,
    pub region: Option<String>,
    pub place: Option<LatLon>,
    pub counts: BedCount,
}

/// A program as the board, the console and the API show it.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramView {
    pub id: Uuid,
    pub organization: OrgId,
    pub service_id: Option<Uuid>,
    pub name: String,
    pub level: Option<LevelOfCare>,
    pub populations: Vec<String>,
    pub region: Option<String>,
    pub place: Option<LatLon>,
    pub counts: BedCount,
    /// Live holds.
    pub held: u32,
    /// What a caller can be offered now.
    pub available: u32,
    pub updated_at: DateTime<Utc>,
    pub freshness: Freshness,
    /// From the place asked about, when one was given and the program has a place.
    pub distance_mi: Option<f64>,
}

/// What a board or console lists.
#[derive(Clone, Debug, Default)]
pub struct BoardFilter {
    pub level: Option<LevelOfCare>,
    pub population: Option<String>,
    pub near: Option<LatLon>,
    /// Only programs with a bed to offer.
    pub available_only: bool,
    pub exclude: Option<Uuid>,
    pub limit: Option<usize>,
    /// Only programs in this region (as the programs name it, any case).
    pub region: Option<String>,
}

/// The answer to a reservation.
#[derive(Clone, Debug, PartialEq)]
pub enum Reservation {
    Held(bed_hold::Model),
    /// No bed left (or a waitlist): other programs at the same level with a bed, nearest and freshest first.
    NoBed {
        alternatives: Vec<ProgramView>,
    },
}

fn count(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn uncount(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

/// Adds a program.
pub async fn create_program(
    tx: &DatabaseTransaction,
    actor: &Actor,
    p: &NewProgram,
    now: DateTime<Utc>,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    treatment_program::ActiveModel {
        id: Set(id),
        organization_id: Set(p.organization.as_uuid()),
        service_id: Set(p.service_id),
        name: Set(p.name.clone()),
        level: Set(p.level.code().to_owned()),
        populations: Set(p.populations.join(",")),
        region: Set(p.region.clone()),
        latitude: Set(p.place.map(|l| l.lat())),
        longitude: Set(p.place.map(|l| l.lon())),
        licensed_beds: Set(count(p.counts.licensed)),
        open_beds: Set(count(p.counts.open)),
        waitlist: Set(count(p.counts.waitlist)),
        held: Set(0),
        updated_at: Set(now),
        updated_by_account_id: Set(actor.account.map(|a| a.as_uuid())),
    }
    .insert(tx)
    .await?;
    audit::append(
        tx,
        actor,
        AuditEntry::new(AuditAction::CapacityUpdate, AuditOutcome::Success)
            .on("treatment_program", id)
            .detail("created"),
    )
    .await?;
    Ok(id)
}

/// A provider's update of its program's counts. `org`: the organization the caller may update (`None`: any, for
/// administrators). Another organization's program is not found.
pub async fn update_counts(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: Option<OrgId>,
    program: Uuid,
    counts: BedCount,
    now: DateTime<Utc>,
) -> Result<Option<ProgramView>> {
    let mut q = treatment_program::Entity::update_many()
        .col_expr(treatment_program::Column::LicensedBeds, Expr::value(count(counts.licensed)))
        .col_expr(treatment_program::Column::OpenBeds, Expr::value(count(counts.open)))
        .col_expr(treatment_program::Column::Waitlist, Expr::value(count(counts.waitlist)))
        .col_expr(treatment_program::Column::UpdatedAt, Expr::value(now))
        .col_expr(treatment_program::Column::UpdatedByAccountId, Expr::value(actor.account.map(|a| a.as_uuid())))
        .filter(treatment_program::Column::Id.eq(program));
    if let Some(org) = org {
        q = q.filter(treatment_program::Column::OrganizationId.eq(org.as_uuid()));
    }
    if q.exec(tx).await?.rows_affected == 0 {
        return Ok(None);
    }
    audit::append(
        tx,
        actor,
        AuditEntry::new(AuditAction::CapacityUpdate, AuditOutcome::Success)
            .on("treatment_program", program)
            .detail(format!("licensed={} open={} waitlist={}", counts.licensed, counts.open, counts.waitlist)),
    )
    .await?;
    expire_holds(tx, now, Some(program)).await?;
    program_view(tx, program, now, Duration::hours(8)).await
}

/// Marks the holds past their expiry (of one program, or all) expired and returns their beds; how many.
pub async fn expire_holds(tx: &DatabaseTransaction, now: DateTime<Utc>, program: Option<Uuid>) -> Result<u64> {
    holds::expire::<ProgramBeds>(tx, now, program).await
}

/// Holds a bed at `program` for `hold_for`, or says there is none and where else to look. `None`: no such
/// program.
pub async fn reserve(
    tx: &DatabaseTransaction,
    actor: &Actor,
    program: Uuid,
    call: Option<Uuid>,
    now: DateTime<Utc>,
    hold_for: Duration,
) -> Result<Option<Reservation>> {
    let Some(row) = treatment_program::Entity::find_by_id(program).one(tx).await? else { return Ok(None) };
    expire_holds(tx, now, Some(program)).await?;
    let no_waitlist = Condition::all().add(treatment_program::Column::Waitlist.eq(0));
    if let Some(model) = holds::reserve::<ProgramBeds>(tx, actor, program, call, no_waitlist, now, hold_for).await? {
        return Ok(Some(Reservation::Held(model)));
    }
    let filter = BoardFilter {
        level: LevelOfCare::parse(&row.level),
        near: place(&row),
        available_only: true,
        exclude: Some(program),
        limit: Some(5),
        ..BoardFilter::default()
    };
    let alternatives = board(tx, &filter, now, Duration::hours(8)).await?;
    Ok(Some(Reservation::NoBed { alternatives }))
}

/// Confirms an admission or releases a bed. `None`: no such hold; `Some(Err)`: it can't change (expired, or
/// already closed).
pub async fn close_hold(
    tx: &DatabaseTransaction,
    actor: &Actor,
    id: Uuid,
    to: HoldState,
    now: DateTime<Utc>,
) -> Result<Option<std::result::Result<bed_hold::Model, HoldError>>> {
    let Some(row) = bed_hold::Entity::find_by_id(id).one(tx).await? else { return Ok(None) };
    let stored =
        Stored { id, place: row.program_id, state: &row.state, created_at: row.created_at, expires_at: row.expires_at };
    if let Err(e) = holds::close::<ProgramBeds>(tx, actor, stored, to, now, to.as_str().to_owned()).await? {
        return Ok(Some(Err(e)));
    }
    Ok(bed_hold::Entity::find_by_id(id).one(tx).await?.map(Ok))
}

fn place(row: &treatment_program::Model) -> Option<LatLon> {
    row.latitude.zip(row.longitude).and_then(|(lat, lon)| LatLon::new(lat, lon).ok())
}

fn view(
    row: treatment_program::Model,
    overdue: u32,
    near: Option<LatLon>,
    now: DateTime<Utc>,
    stale_after: Duration,
) -> ProgramView {
    let counts = BedCount {
        licensed: uncount(row.licensed_beds),
        open: uncount(row.open_beds),
        waitlist: uncount(row.waitlist),
    };
    let held = uncount(row.held).saturating_sub(overdue);
    let place = place(&row);
    ProgramView {
        id: row.id,
        organization: OrgId::from_uuid(row.organization_id),
        service_id: row.service_id,
        level: LevelOfCare::parse(&row.level),
        populations: row.populations.split(',').map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect(),
        region: row.region,
        name: row.name,
        place,
        available: counts.available(held),
        counts,
        held,
        updated_at: row.updated_at,
        freshness: Freshness::of(row.updated_at, now, stale_after),
        distance_mi: near.zip(place).map(|(a, b)| haversine_miles(a, b)),
    }
}

/// Holds past their expiry not yet marked, per program (a read must not count them).
async fn overdue_holds(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<HashMap<Uuid, u32>> {
    holds::overdue::<ProgramBeds>(db, now).await
}

/// One program.
pub async fn program_view(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
    stale_after: Duration,
) -> Result<Option<ProgramView>> {
    let Some(row) = treatment_program::Entity::find_by_id(id).one(db).await? else { return Ok(None) };
    let overdue = overdue_holds(db, now).await?.get(&id).copied().unwrap_or(0);
    Ok(Some(view(row, overdue, None, now, stale_after)))
}

/// Programs, filtered (without a level, those with beds), fresh counts first, then nearest, then newest.
pub async fn board(
    db: &impl ConnectionTrait,
    f: &BoardFilter,
    now: DateTime<Utc>,
    stale_after: Duration,
) -> Result<Vec<ProgramView>> {
    let mut q = treatment_program::Entity::find().order_by_asc(treatment_program::Column::Name);
    if let Some(level) = f.level {
        q = q.filter(treatment_program::Column::Level.eq(level.code()));
    }
    if let Some(id) = f.exclude {
        q = q.filter(treatment_program::Column::Id.ne(id));
    }
    let overdue = overdue_holds(db, now).await?;
    let mut out: Vec<ProgramView> = q
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let o = overdue.get(&row.id).copied().unwrap_or(0);
            view(row, o, f.near, now, stale_after)
        })
        // Without a level asked for, the levels with beds (what "open beds" means); outpatient levels and opioid
        // treatment programs (whose counts are intake openings) when asked for by level.
        .filter(|p| f.level.is_some() || p.level.is_some_and(LevelOfCare::has_beds))
        .filter(|p| f.region.as_ref().is_none_or(|r| p.region.as_deref().is_some_and(|pr| pr.eq_ignore_ascii_case(r))))
        .filter(|p| !f.available_only || p.available > 0)
        .filter(|p| match &f.population {
            Some(want) => p.populations.is_empty() || p.populations.iter().any(|x| x == want),
            None => true,
        })
        .collect();
    out.sort_by(|a, b| listing_order((a.freshness, a.distance_mi), (b.freshness, b.distance_mi)));
    if let Some(n) = f.limit {
        out.truncate(n);
    }
    Ok(out)
}

/// An organization's programs, by name (the provider's page).
pub async fn programs_of(
    db: &impl ConnectionTrait,
    org: OrgId,
    now: DateTime<Utc>,
    stale_after: Duration,
) -> Result<Vec<ProgramView>> {
    let overdue = overdue_holds(db, now).await?;
    Ok(treatment_program::Entity::find()
        .filter(treatment_program::Column::OrganizationId.eq(org.as_uuid()))
        .order_by_asc(treatment_program::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let o = overdue.get(&row.id).copied().unwrap_or(0);
            view(row, o, None, now, stale_after)
        })
        .collect())
}

/// The program a hold is for: the caller then decides with `may_close_hold` against that program's organization.
pub async fn program_of_hold(db: &impl ConnectionTrait, hold: Uuid) -> Result<Option<Uuid>> {
    Ok(bed_hold::Entity::find_by_id(hold).one(db).await?.map(|h| h.program_id))
}

/// The live holds of some programs, soonest expiry first.
pub async fn live_holds(
    db: &impl ConnectionTrait,
    programs: &[Uuid],
    now: DateTime<Utc>,
) -> Result<Vec<bed_hold::Model>> {
    if programs.is_empty() {
        return Ok(Vec::new());
    }
    Ok(bed_hold::Entity::find()
        .filter(bed_hold::Column::ProgramId.is_in(programs.iter().copied()))
        .filter(bed_hold::Column::State.eq(HoldState::Held.as_str()))
        .filter(bed_hold::Column::ExpiresAt.gt(now))
        .order_by_asc(bed_hold::Column::ExpiresAt)
        .all(db)
        .await?)
}

/// The regions programs name, sorted.
pub async fn regions(db: &impl ConnectionTrait) -> Result<Vec<String>> {
    let mut out: Vec<String> = treatment_program::Entity::find()
        .select_only()
        .column(treatment_program::Column::Region)
        .distinct()
        .into_tuple::<Option<String>>()
        .all(db)
        .await?
        .into_iter()
        .flatten()
        .collect();
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests;
