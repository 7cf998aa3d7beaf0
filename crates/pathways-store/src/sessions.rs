//! Server-side sessions, looked up by the SHA-256 of the cookie's token.

use chrono::{DateTime, Utc};
use pathways_domain::AccountId;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr,
};

use crate::entities::{account, session};
use crate::{Result, now};

pub async fn create(
    db: &impl ConnectionTrait,
    account: AccountId,
    token_hash: &str,
    csrf_token: &str,
) -> Result<session::Model> {
    let at = now();
    Ok(session::ActiveModel {
        token_hash: Set(token_hash.to_owned()),
        account_id: Set(account.as_uuid()),
        csrf_token: Set(csrf_token.to_owned()),
        created_at: Set(at),
        last_seen_at: Set(at),
    }
    .insert(db)
    .await?)
}

/// The session and its account, if the session exists (one query: every signed-in request asks this).
pub async fn find(db: &impl ConnectionTrait, token_hash: &str) -> Result<Option<(session::Model, account::Model)>> {
    let found = session::Entity::find_by_id(token_hash.to_owned()).find_also_related(account::Entity).one(db).await?;
    Ok(found.and_then(|(s, a)| a.map(|a| (s, a))))
}

pub async fn touch(db: &impl ConnectionTrait, token_hash: &str, at: DateTime<Utc>) -> Result<()> {
    session::Entity::update_many()
        .col_expr(session::Column::LastSeenAt, Expr::value(at))
        .filter(session::Column::TokenHash.eq(token_hash))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn delete(db: &impl ConnectionTrait, token_hash: &str) -> Result<()> {
    session::Entity::delete_by_id(token_hash.to_owned()).exec(db).await?;
    Ok(())
}

/// Removes sessions that can no longer be used (housekeeping).
pub async fn delete_started_before(db: &impl ConnectionTrait, before: DateTime<Utc>) -> Result<u64> {
    Ok(session::Entity::delete_many().filter(session::Column::CreatedAt.lt(before)).exec(db).await?.rows_affected)
}

/// Ends every session of an account (a password set with a reset link). Returns how many ended.
pub async fn delete_for_account(db: &impl ConnectionTrait, account: AccountId) -> Result<u64> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::AccountId.eq(account.as_uuid()))
        .exec(db)
        .await?
        .rows_affected)
}
