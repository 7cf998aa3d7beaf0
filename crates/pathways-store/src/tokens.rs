//! Bearer tokens for the API, looked up by the SHA-256 of the token. Each has a scope, an expiry and a last use
//! (the rules are `pathways_domain::token`'s).

use chrono::{DateTime, Utc};
use pathways_domain::AccountId;
use pathways_domain::token::TokenScope;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::entities::{account, api_token};
use crate::{Result, now};

/// A token to keep (only its hash).
pub struct NewToken<'a> {
    pub account: AccountId,
    pub token_hash: &'a str,
    pub label: &'a str,
    pub scope: TokenScope,
    pub expires_at: DateTime<Utc>,
}

pub async fn create(db: &impl ConnectionTrait, new: NewToken<'_>) -> Result<api_token::Model> {
    Ok(api_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        account_id: Set(new.account.as_uuid()),
        token_hash: Set(new.token_hash.to_owned()),
        label: Set(new.label.to_owned()),
        created_at: Set(now()),
        revoked_at: Set(None),
        scope: Set(new.scope.as_str().to_owned()),
        expires_at: Set(Some(new.expires_at)),
        last_used_at: Set(None),
    }
    .insert(db)
    .await?)
}

/// The token with this hash and its account, whatever its state (the caller decides whether it is live, so that
/// an expired token can be told apart from an unknown one in the audit trail).
pub async fn find(db: &impl ConnectionTrait, token_hash: &str) -> Result<Option<(api_token::Model, account::Model)>> {
    let Some(t) = api_token::Entity::find().filter(api_token::Column::TokenHash.eq(token_hash)).one(db).await? else {
        return Ok(None);
    };
    let account = account::Entity::find_by_id(t.account_id).one(db).await?;
    Ok(account.map(|a| (t, a)))
}

/// Records that a token was used at `at`.
pub async fn record_use(db: &impl ConnectionTrait, id: Uuid, at: DateTime<Utc>) -> Result<()> {
    api_token::Entity::update_many()
        .col_expr(api_token::Column::LastUsedAt, Expr::value(at))
        .filter(api_token::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The tokens of one account, or of every account, newest first, each with its account.
pub async fn list(
    db: &impl ConnectionTrait,
    of: Option<AccountId>,
) -> Result<Vec<(api_token::Model, Option<account::Model>)>> {
    let mut q = api_token::Entity::find().order_by_desc(api_token::Column::CreatedAt);
    if let Some(a) = of {
        q = q.filter(api_token::Column::AccountId.eq(a.as_uuid()));
    }
    let tokens = q.all(db).await?;
    let mut ids: Vec<Uuid> = tokens.iter().map(|t| t.account_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let accounts = account::Entity::find().filter(account::Column::Id.is_in(ids)).all(db).await?;
    Ok(tokens
        .into_iter()
        .map(|t| {
            let a = accounts.iter().find(|a| a.id == t.account_id).cloned();
            (t, a)
        })
        .collect())
}

/// Revokes a token (only `owner`'s, when given). `None` when there is no such token (or it is someone else's);
/// the token as it was otherwise — revoking a revoked token changes nothing.
pub async fn revoke(db: &impl ConnectionTrait, id: Uuid, owner: Option<AccountId>) -> Result<Option<api_token::Model>> {
    let Some(t) = api_token::Entity::find_by_id(id).one(db).await? else { return Ok(None) };
    if owner.is_some_and(|o| o.as_uuid() != t.account_id) {
        return Ok(None);
    }
    if t.revoked_at.is_none() {
        api_token::Entity::update_many()
            .col_expr(api_token::Column::RevokedAt, Expr::value(now()))
            .filter(api_token::Column::Id.eq(id))
            .filter(api_token::Column::RevokedAt.is_null())
            .exec(db)
            .await?;
    }
    Ok(Some(t))
}
