//! The perception-of-care survey (issue 17; migration m0025): one-time codes for a shared tablet (only their
//! SHA-256 kept) and responses linked to no person or account. The report reads the responses of one
//! organization and period, never one by one on a page.

use chrono::{DateTime, NaiveDate, Utc};
use pathways_domain::{AccountId, OrgId};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::Result;
use crate::entities::{perception_code, perception_response};

/// Keeps a new code (by its hash) for `org`, usable until `expires_at`.
pub async fn issue_code(
    db: &impl ConnectionTrait,
    org: OrgId,
    by: AccountId,
    code_hash: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<()> {
    perception_code::ActiveModel {
        id: Set(Uuid::now_v7()),
        org_id: Set(org.as_uuid()),
        code_hash: Set(code_hash.to_owned()),
        created_by_account_id: Set(Some(by.as_uuid())),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The organization of a code that can still be used (unused, not expired).
pub async fn usable(db: &impl ConnectionTrait, code_hash: &str, now: DateTime<Utc>) -> Result<Option<OrgId>> {
    Ok(perception_code::Entity::find()
        .filter(perception_code::Column::CodeHash.eq(code_hash))
        .filter(perception_code::Column::UsedAt.is_null())
        .filter(perception_code::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
        .map(|c| OrgId::from_uuid(c.org_id)))
}

/// Uses a code: one conditional update, so two tablets sending the same code at once use it once. The
/// organization when it was usable; `None` otherwise.
pub async fn redeem(db: &impl ConnectionTrait, code_hash: &str, now: DateTime<Utc>) -> Result<Option<OrgId>> {
    let org = usable(db, code_hash, now).await?;
    let Some(org) = org else { return Ok(None) };
    let r = perception_code::Entity::update_many()
        .col_expr(perception_code::Column::UsedAt, Expr::value(now))
        .filter(perception_code::Column::CodeHash.eq(code_hash))
        .filter(perception_code::Column::UsedAt.is_null())
        .filter(perception_code::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    Ok((r.rows_affected == 1).then_some(org))
}

/// A response as kept.
pub struct NewResponse<'a> {
    pub org: OrgId,
    pub submitted_on: NaiveDate,
    /// `portal` or `tablet`.
    pub channel: &'static str,
    pub locale: &'a str,
    pub answers: &'a str,
    pub comment: Option<&'a str>,
}

pub async fn record(db: &impl ConnectionTrait, r: NewResponse<'_>) -> Result<()> {
    // The id's time and `created_at` are the day only (the rest of the id is random): a response's row tells no
    // more about when it was given than its day, so it cannot be matched with an audit event's or a session's time.
    let day_start = r.submitted_on.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    let secs = u64::try_from(day_start.timestamp()).unwrap_or(0);
    let id = Uuid::new_v7(uuid::Timestamp::from_unix(uuid::NoContext, secs, 0));
    perception_response::ActiveModel {
        id: Set(id),
        org_id: Set(r.org.as_uuid()),
        submitted_on: Set(r.submitted_on),
        channel: Set(r.channel.to_owned()),
        locale: Set(r.locale.to_owned()),
        answers: Set(r.answers.to_owned()),
        comment: Set(r.comment.map(str::to_owned)),
        created_at: Set(day_start),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The answers and comments of `org`'s responses submitted in `[from, to)`, in no particular person's order
/// (by day, then id: the order they came in, which says nothing about who).
pub async fn responses(
    db: &impl ConnectionTrait,
    org: OrgId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(String, Option<String>)>> {
    Ok(perception_response::Entity::find()
        .filter(perception_response::Column::OrgId.eq(org.as_uuid()))
        .filter(perception_response::Column::SubmittedOn.gte(from))
        .filter(perception_response::Column::SubmittedOn.lt(to))
        .order_by_asc(perception_response::Column::SubmittedOn)
        .order_by_asc(perception_response::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.answers, r.comment))
        .collect())
}
