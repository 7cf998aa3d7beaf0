//! Closed-loop referrals (issue 7). The statuses and who may move them are `pathways_domain::referral`; here
//! they are kept. A referral is visible to the two organizations at its ends only; the receiving one reads the
//! packet, never the rest of the record.

use chrono::{DateTime, Duration, Utc};
use pathways_domain::referral::{Side, Status};
use pathways_domain::{AccountId, OrgId, PersonId};
use sea_orm::sea_query::{Expr, ExprTrait as _};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use crate::Result;
use crate::entities::{dir_organization, dir_service, referral, referral_event};

/// A directory service and its organization (not retired).
pub async fn service_target(
    db: &impl ConnectionTrait,
    service: Uuid,
) -> Result<Option<(dir_service::Model, dir_organization::Model)>> {
    let Some(s) =
        dir_service::Entity::find_by_id(service).filter(dir_service::Column::RetiredAt.is_null()).one(db).await?
    else {
        return Ok(None);
    };
    let o = dir_organization::Entity::find_by_id(s.organization_id).one(db).await?;
    Ok(o.map(|o| (s, o)))
}

/// Services (not meetings, not retired) whose name contains `words`, by name, for choosing where to refer.
pub async fn search_services(db: &impl ConnectionTrait, words: &str, limit: u64) -> Result<Vec<dir_service::Model>> {
    let words = words.trim();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let pattern = format!("%{}%", words.to_lowercase().replace(['%', '_'], ""));
    Ok(dir_service::Entity::find()
        .filter(dir_service::Column::RetiredAt.is_null())
        .filter(dir_service::Column::IsMeeting.eq(false))
        .filter(Expr::expr(sea_orm::sea_query::Func::lower(Expr::col(dir_service::Column::Name))).like(pattern))
        .order_by_asc(dir_service::Column::Name)
        .limit(crate::rows(limit))
        .all(db)
        .await?)
}

/// Marks a directory organization as being on Pathways: referrals to its services arrive in `org`'s inbox.
pub async fn link_directory_org(db: &impl ConnectionTrait, dir_org: Uuid, org: Option<OrgId>) -> Result<bool> {
    let r = dir_organization::Entity::update_many()
        .col_expr(dir_organization::Column::PathwaysOrgId, Expr::value(org.map(|o| o.as_uuid())))
        .filter(dir_organization::Column::Id.eq(dir_org))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

/// A referral to keep.
#[derive(Clone, Debug)]
pub struct NewReferral {
    pub person: PersonId,
    pub from_org: OrgId,
    pub to_org: Option<OrgId>,
    pub service: Uuid,
    pub service_name: String,
    pub to_name: String,
    pub reason: String,
    pub consent: Uuid,
    pub packet: serde_json::Value,
    pub by: AccountId,
}

/// Keeps a new referral (status `requested`) and its first event.
pub async fn create(db: &impl ConnectionTrait, n: NewReferral, now: DateTime<Utc>) -> Result<referral::Model> {
    let saved = referral::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(n.person.as_uuid()),
        from_org_id: Set(n.from_org.as_uuid()),
        to_org_id: Set(n.to_org.map(|o| o.as_uuid())),
        service_id: Set(n.service),
        service_name: Set(n.service_name),
        to_name: Set(n.to_name),
        reason: Set(n.reason),
        status: Set(Status::Requested.as_str().into()),
        status_reason: Set(None),
        consent_id: Set(n.consent),
        packet: Set(n.packet),
        created_by: Set(n.by.as_uuid()),
        created_at: Set(now),
        received_at: Set(None),
        answered_at: Set(None),
        closed_at: Set(None),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    event(db, saved.id, None, Status::Requested, (n.by, n.from_org), None, now).await?;
    Ok(saved)
}

async fn event(
    db: &impl ConnectionTrait,
    referral: Uuid,
    from: Option<Status>,
    to: Status,
    by: (AccountId, OrgId),
    note: Option<String>,
    at: DateTime<Utc>,
) -> Result<()> {
    referral_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        referral_id: Set(referral),
        at: Set(at),
        from_status: Set(from.map(|s| s.as_str().to_owned())),
        to_status: Set(to.as_str().into()),
        by_account_id: Set(by.0.as_uuid()),
        by_org_id: Set(by.1.as_uuid()),
        note: Set(note),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A referral one of whose ends is the caller's organization, and which end that is. On the sending side the
/// person must also be within the caller's scope (a coach follows their own caseload's referrals); the receiving
/// side sees the packet whoever the person is, and whoever sent a referral follows it. Anything else is not
/// found.
pub async fn find_for_caller(
    db: &impl ConnectionTrait,
    principal: &pathways_domain::access::Principal,
    id: Uuid,
) -> Result<Option<(referral::Model, Side)>> {
    let Some((r, side)) = find_for(db, principal.org, id).await? else { return Ok(None) };
    if side == Side::Receiver {
        return Ok(Some((r, side)));
    }
    // Whoever sent it follows it (an access-line operator refers from a call without reaching the record).
    if r.created_by == principal.account.as_uuid() {
        return Ok(Some((r, side)));
    }
    let Some(scope) = pathways_domain::access::PersonScope::of(principal) else { return Ok(None) };
    let reachable = crate::persons::find(db, &scope, PersonId::from_uuid(r.person_id)).await?.is_some();
    Ok(reachable.then_some((r, side)))
}

/// A referral one of whose ends is `org`, and which end that is. Anything else is not found.
pub async fn find_for(db: &impl ConnectionTrait, org: OrgId, id: Uuid) -> Result<Option<(referral::Model, Side)>> {
    let found = referral::Entity::find_by_id(id)
        .filter(
            Condition::any()
                .add(referral::Column::FromOrgId.eq(org.as_uuid()))
                .add(referral::Column::ToOrgId.eq(org.as_uuid())),
        )
        .one(db)
        .await?;
    Ok(found.map(|r| {
        let side = if r.to_org_id == Some(org.as_uuid()) { Side::Receiver } else { Side::Sender };
        (r, side)
    }))
}

/// Which box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Box {
    Sent,
    Received,
}

/// An organization's sent or received referrals since `since`, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    org: OrgId,
    which: Box,
    since: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<referral::Model>> {
    let column = match which {
        Box::Sent => referral::Column::FromOrgId,
        Box::Received => referral::Column::ToOrgId,
    };
    Ok(referral::Entity::find()
        .filter(column.eq(org.as_uuid()))
        .filter(referral::Column::CreatedAt.gte(since))
        .order_by_desc(referral::Column::CreatedAt)
        .limit(crate::rows(limit))
        .all(db)
        .await?)
}

/// A person's referrals (the sending organization's view).
pub async fn for_person(db: &impl ConnectionTrait, org: OrgId, person: PersonId) -> Result<Vec<referral::Model>> {
    Ok(referral::Entity::find()
        .filter(referral::Column::FromOrgId.eq(org.as_uuid()))
        .filter(referral::Column::PersonId.eq(person.as_uuid()))
        .order_by_desc(referral::Column::CreatedAt)
        .all(db)
        .await?)
}

/// A referral's status changes, oldest first.
pub async fn events(db: &impl ConnectionTrait, id: Uuid) -> Result<Vec<referral_event::Model>> {
    Ok(referral_event::Entity::find()
        .filter(referral_event::Column::ReferralId.eq(id))
        .order_by_asc(referral_event::Column::At)
        .order_by_asc(referral_event::Column::Id)
        .all(db)
        .await?)
}

/// Moves a referral from `from` to `to` (already checked by `pathways_domain::referral::transition`), stamping
/// when it was received, answered and closed. `None` when its status is no longer `from` (someone else moved it
/// first).
pub async fn move_to(
    db: &impl ConnectionTrait,
    id: Uuid,
    from: Status,
    to: Status,
    by: (AccountId, OrgId),
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<Option<referral::Model>> {
    let mut q = referral::Entity::update_many()
        .col_expr(referral::Column::Status, Expr::value(to.as_str()))
        .col_expr(referral::Column::UpdatedAt, Expr::value(now));
    if reason.is_some() {
        q = q.col_expr(referral::Column::StatusReason, Expr::value(reason.clone()));
    }
    // Answering without acknowledging first counts as received at the same moment.
    if matches!(to, Status::Received | Status::Accepted | Status::Rejected) {
        q = q.col_expr(
            referral::Column::ReceivedAt,
            Expr::from(sea_orm::sea_query::Func::coalesce([Expr::col(referral::Column::ReceivedAt), Expr::value(now)])),
        );
    }
    if matches!(to, Status::Accepted | Status::Rejected) {
        q = q.col_expr(referral::Column::AnsweredAt, Expr::value(now));
    }
    if to.is_final() {
        q = q.col_expr(referral::Column::ClosedAt, Expr::value(now));
    }
    let done =
        q.filter(referral::Column::Id.eq(id)).filter(referral::Column::Status.eq(from.as_str())).exec(db).await?;
    if done.rows_affected != 1 {
        return Ok(None);
    }
    event(db, id, Some(from), to, by, reason, now).await?;
    Ok(referral::Entity::find_by_id(id).one(db).await?)
}

/// The loop's figures for one box since `since`: how many, acknowledged within 30 minutes and within a day,
/// completed, still waiting more than 48 hours.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Figures {
    pub referrals: u64,
    pub acknowledged_30_min: u64,
    pub acknowledged_1_day: u64,
    pub completed: u64,
    pub waiting_too_long: u64,
}

/// The figures of one box's referrals (all of them since the period's start, as [`list`] reads them).
pub fn figures(rows: &[referral::Model], now: DateTime<Utc>) -> Figures {
    let mut f = Figures { referrals: rows.len() as u64, ..Figures::default() };
    for r in rows {
        let acked = r.received_at.map(|at| at - r.created_at);
        f.acknowledged_30_min += u64::from(acked.is_some_and(|d| d <= Duration::minutes(30)));
        f.acknowledged_1_day += u64::from(acked.is_some_and(|d| d <= Duration::days(1)));
        f.completed += u64::from(r.status == Status::Completed.as_str());
        let status = Status::parse(&r.status).unwrap_or(Status::Requested);
        f.waiting_too_long += u64::from(pathways_domain::referral::waiting_too_long(status, r.created_at, now));
    }
    f
}
