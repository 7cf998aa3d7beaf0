//! Two-factor sign-in: an account's authenticator secret, its recovery codes, and sign-ins waiting for their
//! second step. Every "use once" rule is one conditional `UPDATE` (the row changes only if it was still unused), so
//! two requests racing with the same code cannot both succeed, on either backend.

use chrono::{DateTime, Utc};
use pathways_domain::{AccountId, OrgId};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use uuid::Uuid;

use crate::entities::{account, pending_sign_in, recovery_code, two_factor};
use crate::{Result, now};

pub use crate::entities::two_factor::Model as TwoFactor;

/// The account's authenticator, confirmed or not.
pub async fn find(db: &impl ConnectionTrait, account: AccountId) -> Result<Option<TwoFactor>> {
    Ok(two_factor::Entity::find_by_id(account.as_uuid()).one(db).await?)
}

/// Starts (or restarts) enrollment with a new secret. A confirmed authenticator is left alone (returns `false`).
pub async fn start(db: &impl ConnectionTrait, account: AccountId, secret_base32: &str) -> Result<bool> {
    if let Some(existing) = find(db, account).await? {
        if existing.confirmed_at.is_some() {
            return Ok(false);
        }
        two_factor::Entity::delete_by_id(account.as_uuid()).exec(db).await?;
    }
    two_factor::ActiveModel {
        account_id: Set(account.as_uuid()),
        secret: Set(secret_base32.to_owned()),
        confirmed_at: Set(None),
        last_used_step: Set(None),
        created_at: Set(now()),
    }
    .insert(db)
    .await?;
    Ok(true)
}

/// Confirms enrollment (the first code was right at `step`) and replaces the recovery codes with these hashes.
pub async fn confirm(db: &impl ConnectionTrait, account: AccountId, step: i64, code_hashes: &[String]) -> Result<bool> {
    let done = two_factor::Entity::update_many()
        .col_expr(two_factor::Column::ConfirmedAt, Expr::value(now()))
        .col_expr(two_factor::Column::LastUsedStep, Expr::value(step))
        .filter(two_factor::Column::AccountId.eq(account.as_uuid()))
        .filter(two_factor::Column::ConfirmedAt.is_null())
        .exec(db)
        .await?
        .rows_affected
        == 1;
    if done {
        replace_recovery_codes(db, account, code_hashes).await?;
    }
    Ok(done)
}

async fn replace_recovery_codes(db: &impl ConnectionTrait, account: AccountId, hashes: &[String]) -> Result<()> {
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::AccountId.eq(account.as_uuid()))
        .exec(db)
        .await?;
    let at = now();
    let rows = hashes.iter().map(|h| recovery_code::ActiveModel {
        id: Set(Uuid::now_v7()),
        account_id: Set(account.as_uuid()),
        code_hash: Set(h.clone()),
        used_at: Set(None),
        created_at: Set(at),
    });
    recovery_code::Entity::insert_many(rows).exec_without_returning(db).await?;
    Ok(())
}

/// Records that the code of `step` was used; `false` when that step (or a later one) was used already.
pub async fn use_step(db: &impl ConnectionTrait, account: AccountId, step: i64) -> Result<bool> {
    Ok(two_factor::Entity::update_many()
        .col_expr(two_factor::Column::LastUsedStep, Expr::value(step))
        .filter(two_factor::Column::AccountId.eq(account.as_uuid()))
        .filter(two_factor::Column::ConfirmedAt.is_not_null())
        .filter(
            Condition::any()
                .add(two_factor::Column::LastUsedStep.is_null())
                .add(two_factor::Column::LastUsedStep.lt(step)),
        )
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// Spends a recovery code; `false` when there is no such unused code for the account.
pub async fn use_recovery_code(db: &impl ConnectionTrait, account: AccountId, code_hash: &str) -> Result<bool> {
    Ok(recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(now()))
        .filter(recovery_code::Column::AccountId.eq(account.as_uuid()))
        .filter(recovery_code::Column::CodeHash.eq(code_hash))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// Unused recovery codes left.
pub async fn recovery_codes_left(db: &impl ConnectionTrait, account: AccountId) -> Result<u64> {
    Ok(recovery_code::Entity::find()
        .filter(recovery_code::Column::AccountId.eq(account.as_uuid()))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?)
}

/// Removes the authenticator and its recovery codes (turned off, or reset by an administrator); `false` when
/// there was none.
pub async fn remove(db: &impl ConnectionTrait, account: AccountId) -> Result<bool> {
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::AccountId.eq(account.as_uuid()))
        .exec(db)
        .await?;
    pending_sign_in::Entity::delete_many()
        .filter(pending_sign_in::Column::AccountId.eq(account.as_uuid()))
        .exec(db)
        .await?;
    Ok(two_factor::Entity::delete_by_id(account.as_uuid()).exec(db).await?.rows_affected == 1)
}

/// The accounts of an organization with a confirmed authenticator, by name (the administrator's reset page).
pub async fn enrolled_in_org(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<account::Model>> {
    let ids: Vec<Uuid> = two_factor::Entity::find()
        .filter(two_factor::Column::ConfirmedAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.account_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(account::Entity::find()
        .filter(account::Column::OrgId.eq(org.as_uuid()))
        .filter(account::Column::Id.is_in(ids))
        .order_by_asc(account::Column::DisplayName)
        .all(db)
        .await?)
}

/// A sign-in waiting for its second step.
pub async fn create_pending(db: &impl ConnectionTrait, token_hash: &str, account: AccountId) -> Result<()> {
    pending_sign_in::ActiveModel {
        token_hash: Set(token_hash.to_owned()),
        account_id: Set(account.as_uuid()),
        created_at: Set(now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The waiting sign-in and its account, if it was started after `since`.
pub async fn find_pending(
    db: &impl ConnectionTrait,
    token_hash: &str,
    since: DateTime<Utc>,
) -> Result<Option<account::Model>> {
    let found = pending_sign_in::Entity::find_by_id(token_hash.to_owned())
        .filter(pending_sign_in::Column::CreatedAt.gte(since))
        .find_also_related(account::Entity)
        .one(db)
        .await?;
    Ok(found.and_then(|(_, a)| a))
}

/// Ends a waiting sign-in (done, abandoned, or expired).
pub async fn delete_pending(db: &impl ConnectionTrait, token_hash: &str) -> Result<()> {
    pending_sign_in::Entity::delete_by_id(token_hash.to_owned()).exec(db).await?;
    Ok(())
}

/// Removes waiting sign-ins started before `before` (housekeeping).
pub async fn delete_pending_before(db: &impl ConnectionTrait, before: DateTime<Utc>) -> Result<u64> {
    Ok(pending_sign_in::Entity::delete_many()
        .filter(pending_sign_in::Column::CreatedAt.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}
