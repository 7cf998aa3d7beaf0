//! Access line calls and rides (issue 6). A call holds personal data: every function takes the caller's
//! organization and finds nothing of another's; every read of a call and every change writes an audit event in
//! its transaction (the web layer opens it). The rules (the suggestion, ride statuses, queue order) are
//! `pathways_domain::access_line`.

use chrono::{DateTime, Duration, Utc};
use pathways_domain::OrgId;
use pathways_domain::access_line::call::{Call, Ride};
use pathways_domain::access_line::figures::{Share, Spread};
use pathways_domain::access_line::transport::{RideError, RideStatus, queue_key};
use pathways_domain::access_line::triage::Suggestion;
use pathways_domain::access_line::{HoldState, LevelOfCare};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::directory::geo::LatLon;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use crate::Result;
use crate::audit::{self, Actor, AuditEntry};
use crate::entities::{access_call, bed_hold, capacity_look, transport_request, treatment_program};

/// How long after a call its follow-up is due.
pub const FOLLOW_UP_AFTER: Duration = Duration::days(1);

/// The outcomes a follow-up call can record.
pub const FOLLOW_UP_OUTCOMES: [&str; 3] = ["connected", "not_connected", "no_answer"];

fn reason_code(r: impl serde::Serialize) -> Option<String> {
    serde_json::to_value(r).ok().and_then(|v| v.as_str().map(str::to_owned))
}

/// Records a call and its suggestion; its follow-up is due a day later.
pub async fn create_call(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    call: &Call,
    place: Option<LatLon>,
    suggestion: &Suggestion,
    now: DateTime<Utc>,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    let reasons: Vec<String> = suggestion.reasons.iter().filter_map(reason_code).collect();
    access_call::ActiveModel {
        id: Set(id),
        organization_id: Set(org.as_uuid()),
        operator_account_id: Set(actor.account.map(|a| a.as_uuid())),
        caller_type: Set(call.caller_type.as_str().to_owned()),
        first_name: Set(call.first_name.clone()),
        callback: Set(call.callback.clone()),
        place: Set(call.place.clone()),
        latitude: Set(place.map(|p| p.lat())),
        longitude: Set(place.map(|p| p.lon())),
        answers: Set(serde_json::to_value(&call.answers).unwrap_or_default()),
        suggested_level: Set(suggestion.level.map(|l| l.code().to_owned())),
        reasons: Set(reasons.join(",")),
        chosen_level: Set(suggestion.level.map(|l| l.code().to_owned())),
        status: Set("open".to_owned()),
        created_at: Set(now),
        follow_up_due_at: Set(now + FOLLOW_UP_AFTER),
        follow_up_done_at: Set(None),
        follow_up_outcome: Set(None),
        person_id: Set(None),
    }
    .insert(tx)
    .await?;
    audit::append(
        tx,
        actor,
        AuditEntry::new(AuditAction::AccessCallCreate, AuditOutcome::Success).on("access_call", id),
    )
    .await?;
    Ok(id)
}

/// One call of the organization, its read audited.
pub async fn read_call(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: Uuid,
) -> Result<Option<access_call::Model>> {
    let found = access_call::Entity::find_by_id(id)
        .filter(access_call::Column::OrganizationId.eq(org.as_uuid()))
        .one(tx)
        .await?;
    if found.is_some() {
        audit::append(
            tx,
            actor,
            AuditEntry::new(AuditAction::AccessCallRead, AuditOutcome::Success).on("access_call", id),
        )
        .await?;
    }
    Ok(found)
}

/// The organization's recent calls (newest first) and the follow-ups due by `now`; the list read audited.
pub async fn console_lists(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    now: DateTime<Utc>,
) -> Result<(Vec<access_call::Model>, Vec<access_call::Model>)> {
    let recent = access_call::Entity::find()
        .filter(access_call::Column::OrganizationId.eq(org.as_uuid()))
        .filter(access_call::Column::CreatedAt.gt(now - Duration::days(2)))
        .order_by_desc(access_call::Column::CreatedAt)
        .limit(50)
        .all(tx)
        .await?;
    let due = access_call::Entity::find()
        .filter(access_call::Column::OrganizationId.eq(org.as_uuid()))
        .filter(access_call::Column::FollowUpDoneAt.is_null())
        .filter(access_call::Column::FollowUpDueAt.lte(now))
        .order_by_asc(access_call::Column::FollowUpDueAt)
        .limit(100)
        .all(tx)
        .await?;
    audit::append(
        tx,
        actor,
        AuditEntry::new(AuditAction::AccessCallRead, AuditOutcome::Success).detail(format!(
            "list recent={} due={}",
            recent.len(),
            due.len()
        )),
    )
    .await?;
    Ok((recent, due))
}

/// A bed held for one of the line's calls, still held: the hold, its call and its program's name.
#[derive(Clone, Debug)]
pub struct LineHold {
    pub hold: bed_hold::Model,
    pub call: Uuid,
    pub program: String,
}

/// The beds held for the organization's calls that are still held at `now` and expire by `until`, soonest first;
/// the list read audited.
pub async fn expiring_holds(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<LineHold>> {
    let calls = access_call::Entity::find()
        .select_only()
        .column(access_call::Column::Id)
        .filter(access_call::Column::OrganizationId.eq(org.as_uuid()));
    let holds = bed_hold::Entity::find()
        .filter(bed_hold::Column::State.eq(HoldState::Held.as_str()))
        .filter(bed_hold::Column::ExpiresAt.gt(now))
        .filter(bed_hold::Column::ExpiresAt.lte(until))
        .filter(bed_hold::Column::CallId.in_subquery(sea_orm::QueryTrait::into_query(calls)))
        .order_by_asc(bed_hold::Column::ExpiresAt)
        .limit(100)
        .all(tx)
        .await?;
    let programs: std::collections::HashMap<Uuid, String> = treatment_program::Entity::find()
        .filter(treatment_program::Column::Id.is_in(holds.iter().map(|h| h.program_id)))
        .all(tx)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    audit::append(
        tx,
        actor,
        AuditEntry::new(AuditAction::AccessCallRead, AuditOutcome::Success)
            .detail(format!("list expiring_holds={}", holds.len())),
    )
    .await?;
    Ok(holds
        .into_iter()
        .filter_map(|hold| {
            let call = hold.call_id?;
            let program = programs.get(&hold.program_id).cloned().unwrap_or_default();
            Some(LineHold { hold, call, program })
        })
        .collect())
}

/// The operator's choice of level (`None`: no bed is needed).
pub async fn choose_level(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: Uuid,
    level: Option<LevelOfCare>,
) -> Result<bool> {
    let r = access_call::Entity::update_many()
        .col_expr(access_call::Column::ChosenLevel, Expr::value(level.map(|l| l.code().to_owned())))
        .filter(access_call::Column::Id.eq(id))
        .filter(access_call::Column::OrganizationId.eq(org.as_uuid()))
        .exec(tx)
        .await?;
    if r.rows_affected == 1 {
        audit::append(
            tx,
            actor,
            AuditEntry::new(AuditAction::AccessCallUpdate, AuditOutcome::Success)
                .on("access_call", id)
                .detail(format!("level={}", level.map_or("none", LevelOfCare::code))),
        )
        .await?;
    }
    Ok(r.rows_affected == 1)
}

/// The follow-up call's outcome (one of [`FOLLOW_UP_OUTCOMES`]).
pub async fn record_follow_up(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: Uuid,
    outcome: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    let r = access_call::Entity::update_many()
        .col_expr(access_call::Column::FollowUpDoneAt, Expr::value(now))
        .col_expr(access_call::Column::FollowUpOutcome, Expr::value(outcome.to_owned()))
        .col_expr(access_call::Column::Status, Expr::value("closed"))
        .filter(access_call::Column::Id.eq(id))
        .filter(access_call::Column::OrganizationId.eq(org.as_uuid()))
        .exec(tx)
        .await?;
    if r.rows_affected == 1 {
        audit::append(
            tx,
            actor,
            AuditEntry::new(AuditAction::AccessCallUpdate, AuditOutcome::Success)
                .on("access_call", id)
                .detail(format!("follow_up={outcome}")),
        )
        .await?;
    }
    Ok(r.rows_affected == 1)
}

/// With the person's agreement, makes a person record from the call (first name and callback number) assigned to
/// `coach`, in the line's organization, and links it. `None`: no such call, or it is anonymous or linked already.
pub async fn make_person(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: Uuid,
    coach: pathways_domain::AccountId,
    today: chrono::NaiveDate,
) -> Result<Option<pathways_domain::PersonId>> {
    let Some(call) = access_call::Entity::find_by_id(id)
        .filter(access_call::Column::OrganizationId.eq(org.as_uuid()))
        .filter(access_call::Column::PersonId.is_null())
        .one(tx)
        .await?
    else {
        return Ok(None);
    };
    let Some(name) = call.first_name.clone() else { return Ok(None) };
    let raw = pathways_domain::person::RawPerson {
        preferred_name: name,
        phone: call.callback.clone().unwrap_or_default(),
        ..Default::default()
    };
    let details = pathways_domain::person::PersonDetails::parse(&raw, today)
        .map_err(|e| crate::StoreError::Invalid(format!("the call's details do not make a person record: {e:?}")))?;
    let person = crate::persons::insert(tx, org, &details, Some(coach)).await?;
    let person_id = pathways_domain::PersonId::from_uuid(person.id);
    access_call::Entity::update_many()
        .col_expr(access_call::Column::PersonId, Expr::value(person.id))
        .filter(access_call::Column::Id.eq(id))
        .exec(tx)
        .await?;
    audit::append(
        tx,
        actor,
        AuditEntry::person(AuditAction::PersonCreate, person_id).detail("from an access line call"),
    )
    .await?;
    audit::append(
        tx,
        actor,
        AuditEntry::new(AuditAction::AccessCallUpdate, AuditOutcome::Success)
            .on("access_call", id)
            .detail("person record made"),
    )
    .await?;
    Ok(Some(person_id))
}

/// The holds made for a call, newest first.
pub async fn holds_of_call(db: &impl ConnectionTrait, call: Uuid) -> Result<Vec<bed_hold::Model>> {
    Ok(bed_hold::Entity::find()
        .filter(bed_hold::Column::CallId.eq(call))
        .order_by_desc(bed_hold::Column::CreatedAt)
        .all(db)
        .await?)
}

/// Which call a ride is for, the bed held for it, and the destination's level of care (which orders the queue).
#[derive(Clone, Copy, Debug)]
pub struct RideFor {
    pub call: Uuid,
    pub hold: Option<Uuid>,
    pub level: Option<LevelOfCare>,
}

/// Requests a ride for a call of the organization (`None`: no such call).
pub async fn request_ride(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    target: RideFor,
    ride: &Ride,
    now: DateTime<Utc>,
) -> Result<Option<transport_request::Model>> {
    let RideFor { call, hold, level } = target;
    let exists = access_call::Entity::find_by_id(call)
        .filter(access_call::Column::OrganizationId.eq(org.as_uuid()))
        .select_only()
        .column(access_call::Column::Id)
        .into_tuple::<Uuid>()
        .one(tx)
        .await?;
    if exists.is_none() {
        return Ok(None);
    }
    let model = transport_request::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(org.as_uuid()),
        call_id: Set(call),
        hold_id: Set(hold),
        level: Set(level.map(|l| l.code().to_owned())),
        pickup: Set(ride.pickup.clone()),
        destination: Set(ride.destination.clone()),
        notes: Set(ride.notes.clone()),
        within_hours: Set(i32::try_from(ride.within_hours).unwrap_or(24)),
        status: Set(RideStatus::Requested.as_str().to_owned()),
        requested_at: Set(now),
        assigned_at: Set(None),
        en_route_at: Set(None),
        picked_up_at: Set(None),
        delivered_at: Set(None),
        closed_at: Set(None),
        reason: Set(None),
    }
    .insert(tx)
    .await?;
    audit::append(
        tx,
        actor,
        AuditEntry::new(AuditAction::TransportChange, AuditOutcome::Success)
            .on("transport_request", model.id)
            .detail("requested"),
    )
    .await?;
    Ok(Some(model))
}

/// The rides of some calls, oldest first.
pub async fn rides_of_call(db: &impl ConnectionTrait, call: Uuid) -> Result<Vec<transport_request::Model>> {
    Ok(transport_request::Entity::find()
        .filter(transport_request::Column::CallId.eq(call))
        .order_by_asc(transport_request::Column::RequestedAt)
        .all(db)
        .await?)
}

/// The organization's transport queue: rides not yet over, withdrawal management first, then residential, then
/// other, and within a class the longest wait first. The read is audited (rides name pickup places).
pub async fn transport_queue(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
) -> Result<Vec<transport_request::Model>> {
    let open: Vec<&str> = RideStatus::ALL.iter().filter(|s| !s.is_final()).map(|s| s.as_str()).collect();
    let mut rides = transport_request::Entity::find()
        .filter(transport_request::Column::OrganizationId.eq(org.as_uuid()))
        .filter(transport_request::Column::Status.is_in(open))
        .all(tx)
        .await?;
    rides.sort_by_key(|r| queue_key(r.level.as_deref().and_then(LevelOfCare::parse), r.requested_at));
    audit::append(
        tx,
        actor,
        AuditEntry::new(AuditAction::TransportChange, AuditOutcome::Success)
            .detail(format!("queue read={}", rides.len())),
    )
    .await?;
    Ok(rides)
}

/// Moves a ride to a new status, stamping its time. `None`: no such ride of the organization.
pub async fn change_ride(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: Uuid,
    to: RideStatus,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<std::result::Result<transport_request::Model, RideError>>> {
    let Some(ride) = transport_request::Entity::find_by_id(id)
        .filter(transport_request::Column::OrganizationId.eq(org.as_uuid()))
        .one(tx)
        .await?
    else {
        return Ok(None);
    };
    let from = RideStatus::parse(&ride.status).unwrap_or(RideStatus::Cancelled);
    if let Err(e) = from.change(to, reason) {
        return Ok(Some(Err(e)));
    }
    let stamp = match to {
        RideStatus::Assigned => transport_request::Column::AssignedAt,
        RideStatus::EnRoute => transport_request::Column::EnRouteAt,
        RideStatus::PickedUp => transport_request::Column::PickedUpAt,
        RideStatus::Delivered => transport_request::Column::DeliveredAt,
        RideStatus::Requested | RideStatus::Cancelled | RideStatus::NoShow => transport_request::Column::ClosedAt,
    };
    let mut q = transport_request::Entity::update_many()
        .col_expr(transport_request::Column::Status, Expr::value(to.as_str()))
        .col_expr(stamp, Expr::value(now))
        .filter(transport_request::Column::Id.eq(id))
        // Only from the status it was read in: two operators pressing at once move it once.
        .filter(transport_request::Column::Status.eq(from.as_str()));
    if let Some(r) = reason.map(str::trim).filter(|r| !r.is_empty()) {
        q = q.col_expr(transport_request::Column::Reason, Expr::value(r.chars().take(300).collect::<String>()));
    }
    if q.exec(tx).await?.rows_affected != 1 {
        return Ok(Some(Err(RideError::NotNext { from: from.as_str(), to: to.as_str() })));
    }
    audit::append(
        tx,
        actor,
        AuditEntry::new(AuditAction::TransportChange, AuditOutcome::Success)
            .on("transport_request", id)
            .detail(to.as_str()),
    )
    .await?;
    Ok(transport_request::Entity::find_by_id(id).one(tx).await?.map(Ok))
}

/// Notes that the console showed these programs' counts for a call, and whether each was stale.
pub async fn record_looks(
    tx: &DatabaseTransaction,
    org: OrgId,
    call: Uuid,
    shown: &[(Uuid, bool)],
    now: DateTime<Utc>,
) -> Result<()> {
    if shown.is_empty() {
        return Ok(());
    }
    let rows = shown.iter().map(|&(program, stale)| capacity_look::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(org.as_uuid()),
        program_id: Set(program),
        call_id: Set(Some(call)),
        at: Set(now),
        stale: Set(stale),
    });
    capacity_look::Entity::insert_many(rows).exec(tx).await?;
    Ok(())
}

/// The line's figures over a period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineFigures {
    pub calls: usize,
    pub call_to_hold: Spread,
    pub call_to_pickup: Spread,
    pub call_to_admission: Spread,
    /// Detox rides picked up within four hours of being asked for, of those asked for at least four hours ago or
    /// picked up already.
    pub detox_pickups_within_4h: Share,
    /// Counts shown to an operator that were stale then.
    pub stale_looks: Share,
    pub follow_ups_connected: Share,
}

/// Works out the organization's figures for calls since `since` (aggregates only: no personal data leaves).
pub async fn line_figures(
    db: &impl ConnectionTrait,
    org: OrgId,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<LineFigures> {
    let calls = access_call::Entity::find()
        .filter(access_call::Column::OrganizationId.eq(org.as_uuid()))
        .filter(access_call::Column::CreatedAt.gte(since))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = calls.iter().map(|c| c.id).collect();
    let started: std::collections::HashMap<Uuid, DateTime<Utc>> = calls.iter().map(|c| (c.id, c.created_at)).collect();
    let mut holds = Vec::new();
    let mut rides = Vec::new();
    for chunk in ids.chunks(500) {
        holds.extend(
            bed_hold::Entity::find().filter(bed_hold::Column::CallId.is_in(chunk.iter().copied())).all(db).await?,
        );
        rides.extend(
            transport_request::Entity::find()
                .filter(transport_request::Column::CallId.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    let mut first_hold: std::collections::HashMap<Uuid, DateTime<Utc>> = std::collections::HashMap::new();
    let mut admitted: std::collections::HashMap<Uuid, DateTime<Utc>> = std::collections::HashMap::new();
    for h in &holds {
        let Some(call) = h.call_id else { continue };
        first_hold.entry(call).and_modify(|t| *t = (*t).min(h.created_at)).or_insert(h.created_at);
        if h.state == "admitted"
            && let Some(at) = h.closed_at
        {
            admitted.entry(call).and_modify(|t| *t = (*t).min(at)).or_insert(at);
        }
    }
    let since_call = |call: &Uuid, at: DateTime<Utc>| started.get(call).map(|s| at - *s);
    let call_to_hold = Spread::of(first_hold.iter().filter_map(|(c, at)| since_call(c, *at)));
    let call_to_admission = Spread::of(admitted.iter().filter_map(|(c, at)| since_call(c, *at)));
    let call_to_pickup =
        Spread::of(rides.iter().filter_map(|r| r.picked_up_at.and_then(|at| since_call(&r.call_id, at))));
    let detox: Vec<&transport_request::Model> = rides
        .iter()
        .filter(|r| r.level.as_deref().and_then(LevelOfCare::parse).is_some_and(LevelOfCare::is_withdrawal_management))
        .filter(|r| r.status != RideStatus::Cancelled.as_str())
        .collect();
    let four = Duration::hours(4);
    let due: Vec<&&transport_request::Model> =
        detox.iter().filter(|r| r.picked_up_at.is_some() || now - r.requested_at >= four).collect();
    let in_time = due.iter().filter(|r| r.picked_up_at.is_some_and(|p| p - r.requested_at <= four)).count();
    let looks: Vec<bool> = capacity_look::Entity::find()
        .filter(capacity_look::Column::OrganizationId.eq(org.as_uuid()))
        .filter(capacity_look::Column::At.gte(since))
        .select_only()
        .column(capacity_look::Column::Stale)
        .into_tuple()
        .all(db)
        .await?;
    let followed: Vec<&access_call::Model> = calls.iter().filter(|c| c.follow_up_outcome.is_some()).collect();
    let connected = followed.iter().filter(|c| c.follow_up_outcome.as_deref() == Some("connected")).count();
    Ok(LineFigures {
        calls: calls.len(),
        call_to_hold,
        call_to_pickup,
        call_to_admission,
        detox_pickups_within_4h: Share::new(in_time, due.len()),
        stale_looks: Share::new(looks.iter().filter(|s| **s).count(), looks.len()),
        follow_ups_connected: Share::new(connected, followed.len()),
    })
}

/// The person record made from one of `org`'s calls, if one was.
pub async fn person_of_call(
    db: &impl ConnectionTrait,
    org: OrgId,
    call: Uuid,
) -> Result<Option<pathways_domain::PersonId>> {
    Ok(access_call::Entity::find_by_id(call)
        .filter(access_call::Column::OrganizationId.eq(org.as_uuid()))
        .one(db)
        .await?
        .and_then(|c| c.person_id)
        .map(pathways_domain::PersonId::from_uuid))
}
