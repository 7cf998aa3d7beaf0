//! Bearer tokens for the API, looked up by the SHA-256 of the token.

use pathways_domain::AccountId;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::entities::{account, api_token};
use crate::{Result, now};

pub async fn create(
    db: &impl ConnectionTrait,
    account: AccountId,
    token_hash: &str,
    label: &str,
) -> Result<api_token::Model> {
    Ok(api_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        account_id: Set(account.as_uuid()),
        token_hash: Set(token_hash.to_owned()),
        label: Set(label.to_owned()),
        created_at: Set(now()),
        revoked_at: Set(None),
    }
    .insert(db)
    .await?)
}

/// The account behind an unrevoked token.
pub async fn find_account(db: &impl ConnectionTrait, token_hash: &str) -> Result<Option<account::Model>> {
    let Some(t) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(token_hash))
        .filter(api_token::Column::RevokedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(account::Entity::find_by_id(t.account_id).one(db).await?)
}
