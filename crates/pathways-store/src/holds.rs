//! Holding a bed: one mechanism for every kind of bed — a treatment program's (`capacity`, the access line) and a
//! recovery residence's (`housing`, a referral) — parameterised by the two tables it works on ([`HoldKind`]).
//!
//! - **Taking a bed** is one conditional update, `held = held + 1 WHERE id = ? AND beds - held > 0 AND …` (the
//!   kind adds its own conditions: no waitlist, a valid certificate). Both databases serialize updates of one row,
//!   so however many requests race, across processes, exactly as many succeed as there were beds. The hold row
//!   and its audit event follow in the same transaction (the caller's): [`reserve`], the one way a hold is made.
//! - **Closing a hold** (admitted, released, expired) is a conditional update of the hold from `held`; only the
//!   request that moved it returns the bed (`held - 1`), and an admission takes it (`beds - 1`).
//! - **Expiry needs no timer**: before each hold, each hold change and each report, the holds past their time are
//!   marked expired (each by that conditional update, so two racing expiries free one bed once), and reads subtract
//!   the ones still to mark ([`overdue`]).
//!
//! The rules of a hold's life (how long, which moves are allowed) are `pathways_domain::access_line::capacity`'s.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use pathways_domain::access_line::capacity::{Hold, HoldError, HoldState};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use sea_orm::sea_query::{Expr, ExprTrait as _};
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait,
    IntoActiveModel, QueryFilter, QuerySelect, Set,
};
use uuid::Uuid;

use crate::Result;
use crate::audit::{self, Actor, AuditEntry};
use crate::entities::{bed_hold, residence, residence_hold, treatment_program};

/// A kind of bed that can be held: the table of holds and the table of places (with their bed counts).
pub trait HoldKind {
    /// The holds (`id`, the place's id, `state`, `expires_at`, `closed_at`, `closed_by_account_id`).
    type Hold: EntityTrait;
    /// The places (`id`, the beds that can be offered, `held`).
    type Place: EntityTrait;
    const ID: <Self::Hold as EntityTrait>::Column;
    const PLACE_OF_HOLD: <Self::Hold as EntityTrait>::Column;
    const STATE: <Self::Hold as EntityTrait>::Column;
    const EXPIRES_AT: <Self::Hold as EntityTrait>::Column;
    const CLOSED_AT: <Self::Hold as EntityTrait>::Column;
    const CLOSED_BY: <Self::Hold as EntityTrait>::Column;
    const PLACE_ID: <Self::Place as EntityTrait>::Column;
    /// The beds a person can be offered before holds (open beds, available beds).
    const BEDS: <Self::Place as EntityTrait>::Column;
    const HELD: <Self::Place as EntityTrait>::Column;
    /// A new hold row, as [`reserve`] inserts it.
    type Row: ActiveModelTrait<Entity = Self::Hold> + ActiveModelBehavior + Send;
    /// The hold table's name in audit events.
    const TABLE: &'static str;
    /// The place table's name in audit events (a hold refused names its place), and the place's name in a new
    /// hold's detail (`program=…`, `residence=…`).
    const PLACE_TABLE: &'static str;
    const PLACE_KEY: &'static str;
    const CREATE: AuditAction;
    const CLOSE: AuditAction;

    /// The row of hold `id` at `place`, asked for by `from` (the kind's own link: an access-line call, a
    /// referral), made by account `by`.
    fn row(id: Uuid, place: Uuid, from: Option<Uuid>, hold: &Hold, by: Option<Uuid>) -> Self::Row;
}

/// A treatment program's beds (the access line).
pub struct ProgramBeds;

impl HoldKind for ProgramBeds {
    type Hold = bed_hold::Entity;
    type Place = treatment_program::Entity;
    const ID: bed_hold::Column = bed_hold::Column::Id;
    const PLACE_OF_HOLD: bed_hold::Column = bed_hold::Column::ProgramId;
    const STATE: bed_hold::Column = bed_hold::Column::State;
    const EXPIRES_AT: bed_hold::Column = bed_hold::Column::ExpiresAt;
    const CLOSED_AT: bed_hold::Column = bed_hold::Column::ClosedAt;
    const CLOSED_BY: bed_hold::Column = bed_hold::Column::ClosedByAccountId;
    const PLACE_ID: treatment_program::Column = treatment_program::Column::Id;
    const BEDS: treatment_program::Column = treatment_program::Column::OpenBeds;
    const HELD: treatment_program::Column = treatment_program::Column::Held;
    type Row = bed_hold::ActiveModel;
    const TABLE: &'static str = "bed_hold";
    const PLACE_TABLE: &'static str = "treatment_program";
    const PLACE_KEY: &'static str = "program";
    const CREATE: AuditAction = AuditAction::BedHoldCreate;
    const CLOSE: AuditAction = AuditAction::BedHoldClose;

    fn row(id: Uuid, place: Uuid, call: Option<Uuid>, hold: &Hold, by: Option<Uuid>) -> Self::Row {
        bed_hold::ActiveModel {
            id: Set(id),
            program_id: Set(place),
            call_id: Set(call),
            state: Set(HoldState::Held.as_str().to_owned()),
            created_at: Set(hold.created_at),
            expires_at: Set(hold.expires_at),
            closed_at: Set(None),
            created_by_account_id: Set(by),
            closed_by_account_id: Set(None),
        }
    }
}

/// A recovery residence's beds (a referral).
pub struct ResidenceBeds;

impl HoldKind for ResidenceBeds {
    type Hold = residence_hold::Entity;
    type Place = residence::Entity;
    const ID: residence_hold::Column = residence_hold::Column::Id;
    const PLACE_OF_HOLD: residence_hold::Column = residence_hold::Column::ResidenceId;
    const STATE: residence_hold::Column = residence_hold::Column::State;
    const EXPIRES_AT: residence_hold::Column = residence_hold::Column::ExpiresAt;
    const CLOSED_AT: residence_hold::Column = residence_hold::Column::ClosedAt;
    const CLOSED_BY: residence_hold::Column = residence_hold::Column::ClosedByAccountId;
    const PLACE_ID: residence::Column = residence::Column::Id;
    const BEDS: residence::Column = residence::Column::AvailableBeds;
    const HELD: residence::Column = residence::Column::Held;
    type Row = residence_hold::ActiveModel;
    const TABLE: &'static str = "residence_hold";
    const PLACE_TABLE: &'static str = "residence";
    const PLACE_KEY: &'static str = "residence";
    const CREATE: AuditAction = AuditAction::ResidenceHoldCreate;
    const CLOSE: AuditAction = AuditAction::ResidenceHoldClose;

    fn row(id: Uuid, place: Uuid, referral: Option<Uuid>, hold: &Hold, by: Option<Uuid>) -> Self::Row {
        residence_hold::ActiveModel {
            id: Set(id),
            residence_id: Set(place),
            referral_id: Set(referral),
            state: Set(HoldState::Held.as_str().to_owned()),
            created_at: Set(hold.created_at),
            expires_at: Set(hold.expires_at),
            closed_at: Set(None),
            created_by_account_id: Set(by),
            closed_by_account_id: Set(None),
        }
    }
}

/// Takes a bed at `place` if one is left and `also` holds (the kind's own conditions): whether it did. The only
/// way a bed is held.
pub async fn take<K: HoldKind>(tx: &DatabaseTransaction, place: Uuid, also: Condition) -> Result<bool> {
    let taken = K::Place::update_many()
        .col_expr(K::HELD, Expr::col(K::HELD).add(1))
        .filter(K::PLACE_ID.eq(place))
        .filter(Expr::col(K::BEDS).sub(Expr::col(K::HELD)).gt(0))
        .filter(also)
        .exec(tx)
        .await?
        .rows_affected;
    Ok(taken == 1)
}

/// Holds a bed at `place` for `hold_for` if one is left and `also` holds ([`take`]), asked for by `from` (the
/// kind's link), and records it: the hold row and its `K::CREATE` event in the caller's transaction. `None`: no
/// bed left, recorded as a failed `K::CREATE` event on the place.
pub async fn reserve<K: HoldKind>(
    tx: &DatabaseTransaction,
    actor: &Actor,
    place: Uuid,
    from: Option<Uuid>,
    also: Condition,
    now: DateTime<Utc>,
    hold_for: Duration,
) -> Result<Option<<K::Hold as EntityTrait>::Model>>
where
    <K::Hold as EntityTrait>::Model: IntoActiveModel<K::Row>,
{
    if !take::<K>(tx, place, also).await? {
        let entry = AuditEntry::new(K::CREATE, AuditOutcome::Failed).on(K::PLACE_TABLE, place).detail("no bed left");
        audit::append(tx, actor, entry).await?;
        return Ok(None);
    }
    let id = Uuid::now_v7();
    let hold = Hold::new(now, hold_for);
    let model = K::row(id, place, from, &hold, actor.account.map(|a| a.as_uuid())).insert(tx).await?;
    let entry =
        AuditEntry::new(K::CREATE, AuditOutcome::Success).on(K::TABLE, id).detail(format!("{}={place}", K::PLACE_KEY));
    audit::append(tx, actor, entry).await?;
    Ok(Some(model))
}

/// Marks the holds past their expiry (at one place, or all) expired and returns their beds, each with its audit
/// event; how many.
pub async fn expire<K: HoldKind>(tx: &DatabaseTransaction, now: DateTime<Utc>, place: Option<Uuid>) -> Result<u64> {
    let mut q = K::Hold::find().filter(K::STATE.eq(HoldState::Held.as_str())).filter(K::EXPIRES_AT.lte(now));
    if let Some(p) = place {
        q = q.filter(K::PLACE_OF_HOLD.eq(p));
    }
    let due: Vec<(Uuid, Uuid)> = q.select_only().columns([K::ID, K::PLACE_OF_HOLD]).into_tuple().all(tx).await?;
    let mut expired = 0;
    for (id, place) in due {
        if close_row::<K>(tx, id, place, HoldState::Expired, None, now, Some(now)).await? {
            expired += 1;
            let entry = AuditEntry::new(K::CLOSE, AuditOutcome::Success).on(K::TABLE, id).detail("expired");
            audit::append(tx, &Actor::default(), entry).await?;
        }
    }
    Ok(expired)
}

/// Moves a hold from held to `to` if it is still held (and, unless `expired_by` is given, not yet expired), and
/// returns its bed; an admission takes the bed (the beds go down by one too). Whether it moved.
async fn close_row<K: HoldKind>(
    tx: &DatabaseTransaction,
    id: Uuid,
    place: Uuid,
    to: HoldState,
    by: Option<Uuid>,
    now: DateTime<Utc>,
    expired_by: Option<DateTime<Utc>>,
) -> Result<bool> {
    let mut q = K::Hold::update_many()
        .col_expr(K::STATE, Expr::value(to.as_str()))
        .col_expr(K::CLOSED_AT, Expr::value(now))
        .col_expr(K::CLOSED_BY, Expr::value(by))
        .filter(K::ID.eq(id))
        .filter(K::STATE.eq(HoldState::Held.as_str()));
    q = match expired_by {
        Some(at) => q.filter(K::EXPIRES_AT.lte(at)),
        None => q.filter(K::EXPIRES_AT.gt(now)),
    };
    if q.exec(tx).await?.rows_affected != 1 {
        return Ok(false);
    }
    K::Place::update_many()
        .col_expr(K::HELD, Expr::col(K::HELD).sub(1))
        .filter(K::PLACE_ID.eq(place))
        .filter(K::HELD.gt(0))
        .exec(tx)
        .await?;
    if to == HoldState::Admitted {
        K::Place::update_many()
            .col_expr(K::BEDS, Expr::col(K::BEDS).sub(1))
            .filter(K::PLACE_ID.eq(place))
            .filter(K::BEDS.gt(0))
            .exec(tx)
            .await?;
    }
    Ok(true)
}

/// What closing needs of a stored hold.
#[derive(Clone, Copy, Debug)]
pub struct Stored<'a> {
    pub id: Uuid,
    pub place: Uuid,
    pub state: &'a str,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// Confirms an admission or releases a bed, as the domain's rule allows (`Err`: expired — the expiry is marked —
/// or already closed, also when another request closed it first), with its audit event (`detail`: the move, and
/// what asked for it if not the hold's own page).
pub async fn close<K: HoldKind>(
    tx: &DatabaseTransaction,
    actor: &Actor,
    hold: Stored<'_>,
    to: HoldState,
    now: DateTime<Utc>,
    detail: String,
) -> Result<std::result::Result<(), HoldError>> {
    let stored = HoldState::parse(hold.state).unwrap_or(HoldState::Released);
    let rule = Hold { created_at: hold.created_at, expires_at: hold.expires_at, stored };
    if let Err(e) = rule.close(to, now) {
        expire::<K>(tx, now, Some(hold.place)).await?;
        return Ok(Err(e));
    }
    if !close_row::<K>(tx, hold.id, hold.place, to, actor.account.map(|a| a.as_uuid()), now, None).await? {
        return Ok(Err(HoldError::Closed));
    }
    let entry = AuditEntry::new(K::CLOSE, AuditOutcome::Success).on(K::TABLE, hold.id).detail(detail);
    audit::append(tx, actor, entry).await?;
    Ok(Ok(()))
}

/// Holds past their expiry not yet marked, per place (a read must not count them).
pub async fn overdue<K: HoldKind>(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<HashMap<Uuid, u32>> {
    let rows: Vec<Uuid> = K::Hold::find()
        .filter(K::STATE.eq(HoldState::Held.as_str()))
        .filter(K::EXPIRES_AT.lte(now))
        .select_only()
        .column(K::PLACE_OF_HOLD)
        .into_tuple()
        .all(db)
        .await?;
    let mut out = HashMap::new();
    for p in rows {
        *out.entry(p).or_insert(0) += 1;
    }
    Ok(out)
}
