//! Invitations to the person's portal: a link token and a short code, stored as hashes, single-use, expiring.

use chrono::{DateTime, Utc};
use pathways_domain::access::PersonScope;
use pathways_domain::{AccountId, PersonId};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::entities::invite;
use crate::{Result, now};

pub async fn create(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    token_hash: &str,
    code_hash: &str,
    by: AccountId,
    expires_at: DateTime<Utc>,
) -> Result<invite::Model> {
    Ok(invite::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person.as_uuid()),
        org_id: Set(scope.org.as_uuid()),
        token_hash: Set(token_hash.to_owned()),
        code_hash: Set(code_hash.to_owned()),
        created_by_account_id: Set(by.as_uuid()),
        created_at: Set(now()),
        expires_at: Set(expires_at),
        used_at: Set(None),
        kind: Set("person".into()),
        ally_name: Set(None),
        relationship: Set(None),
        attempts: Set(0),
    }
    .insert(db)
    .await?)
}

/// An ally invitation the person makes for a family member or friend: the same link and code, kind `ally`.
pub async fn create_for_ally(
    db: &impl ConnectionTrait,
    person: &crate::entities::person::Model,
    hashes: (&str, &str),
    ally: (&str, Option<&str>),
    by: AccountId,
    expires_at: DateTime<Utc>,
) -> Result<invite::Model> {
    Ok(invite::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person.id),
        org_id: Set(person.org_id),
        token_hash: Set(hashes.0.to_owned()),
        code_hash: Set(hashes.1.to_owned()),
        created_by_account_id: Set(by.as_uuid()),
        created_at: Set(now()),
        expires_at: Set(expires_at),
        used_at: Set(None),
        kind: Set("ally".into()),
        ally_name: Set(Some(ally.0.to_owned())),
        relationship: Set(ally.1.map(str::to_owned)),
        attempts: Set(0),
    }
    .insert(db)
    .await?)
}

/// A person's ally invitations not yet used or expired, newest first.
pub async fn pending_for_allies(db: &impl ConnectionTrait, person: PersonId) -> Result<Vec<invite::Model>> {
    use sea_orm::QueryOrder;
    Ok(invite::Entity::find()
        .filter(invite::Column::PersonId.eq(person.as_uuid()))
        .filter(invite::Column::Kind.eq("ally"))
        .filter(invite::Column::UsedAt.is_null())
        .filter(invite::Column::ExpiresAt.gt(now()))
        .order_by_desc(invite::Column::CreatedAt)
        .all(db)
        .await?)
}

/// An unused, unexpired invitation whose link token or code hashes to `hash`.
pub async fn find_usable(db: &impl ConnectionTrait, hash: &str) -> Result<Option<invite::Model>> {
    Ok(invite::Entity::find()
        .filter(Condition::any().add(invite::Column::TokenHash.eq(hash)).add(invite::Column::CodeHash.eq(hash)))
        .filter(invite::Column::UsedAt.is_null())
        .filter(invite::Column::ExpiresAt.gt(now()))
        .one(db)
        .await?)
}

/// Uses the invitation up; false when it was already used (a second tab, a replay).
pub async fn mark_used(db: &impl ConnectionTrait, id: Uuid) -> Result<bool> {
    let r = invite::Entity::update_many()
        .col_expr(invite::Column::UsedAt, Expr::value(now()))
        .filter(invite::Column::Id.eq(id))
        .filter(invite::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

/// Counts one refused try on an invitation; when that reaches the limit the invitation is used up (whoever
/// made it issues a new one). Returns whether it can still be tried.
pub async fn count_refusal(db: &impl ConnectionTrait, id: Uuid) -> Result<bool> {
    invite::Entity::update_many()
        .col_expr(invite::Column::Attempts, Expr::col(invite::Column::Attempts).add(1))
        .filter(invite::Column::Id.eq(id))
        .exec(db)
        .await?;
    let row = invite::Entity::find_by_id(id).one(db).await?;
    let Some(row) = row else { return Ok(false) };
    if pathways_domain::credentials::invite_may_try(row.attempts) {
        return Ok(true);
    }
    mark_used(db, id).await?;
    Ok(false)
}

/// The preferred name of the person an invitation was made for: the name their new portal account shows.
pub async fn invited_person_name(db: &impl ConnectionTrait, invite: &invite::Model) -> Result<String> {
    let person = crate::entities::person::Entity::find_by_id(invite.person_id).one(db).await?;
    Ok(person.map(|p| p.preferred_name).unwrap_or_default())
}
