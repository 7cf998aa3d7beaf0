//! One-time password reset links (issue 22): a link token and a short code, stored as hashes, for one account,
//! usable once for 24 hours. Issuing a new one ends any earlier one for the same account.

use chrono::{DateTime, Utc};
use pathways_domain::{AccountId, OrgId};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::entities::password_reset;
use crate::{Result, now};

/// A new reset (the hashes are the caller's: the raw token and code are shown once and never stored).
pub struct NewReset<'a> {
    pub account: AccountId,
    pub org: OrgId,
    pub token_hash: &'a str,
    pub code_hash: &'a str,
    pub by: Option<AccountId>,
    pub expires_at: DateTime<Utc>,
}

/// Stores a reset and ends the account's earlier unused ones: only the newest link works.
pub async fn create(db: &impl ConnectionTrait, n: NewReset<'_>) -> Result<password_reset::Model> {
    let at = now();
    password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Expr::value(at))
        .filter(password_reset::Column::AccountId.eq(n.account.as_uuid()))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(password_reset::ActiveModel {
        id: Set(Uuid::now_v7()),
        account_id: Set(n.account.as_uuid()),
        org_id: Set(n.org.as_uuid()),
        token_hash: Set(n.token_hash.to_owned()),
        code_hash: Set(n.code_hash.to_owned()),
        created_by: Set(n.by.map(|a| a.as_uuid())),
        created_at: Set(at),
        expires_at: Set(n.expires_at),
        used_at: Set(None),
    }
    .insert(db)
    .await?)
}

/// The reset whose link token hashes to `hash`, whatever its state (the caller asks the domain whether it is
/// still usable).
pub async fn find(db: &impl ConnectionTrait, hash: &str) -> Result<Option<password_reset::Model>> {
    Ok(password_reset::Entity::find().filter(password_reset::Column::TokenHash.eq(hash)).one(db).await?)
}

/// The reset whose short code hashes to `hash`. Kept apart from [`find`]: a code (about 40 bits) may only be tried
/// where tries are counted, never in a link's path.
pub async fn find_by_code(db: &impl ConnectionTrait, hash: &str) -> Result<Option<password_reset::Model>> {
    Ok(password_reset::Entity::find().filter(password_reset::Column::CodeHash.eq(hash)).one(db).await?)
}

/// Uses the reset up; false when it was already used (a second tab, a replay).
pub async fn consume(db: &impl ConnectionTrait, id: Uuid) -> Result<bool> {
    let r = password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Expr::value(now()))
        .filter(password_reset::Column::Id.eq(id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}
