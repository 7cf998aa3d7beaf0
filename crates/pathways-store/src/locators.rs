//! Locator details (issue 5): ways to reach a person and people who know where they are, each with the time the
//! person consented. Callers have already opened the person through the access gate; these functions still
//! filter by the scope's organization, so a detail of another organization is never found.

use chrono::{DateTime, Utc};
use pathways_domain::access::PersonScope;
use pathways_domain::outreach::Locator;
use pathways_domain::{AccountId, PersonId};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::Result;
use crate::entities::locator_contact;

/// The person's current locator details, oldest first (the order they were given).
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
) -> Result<Vec<locator_contact::Model>> {
    Ok(locator_contact::Entity::find()
        .filter(locator_contact::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(locator_contact::Column::PersonId.eq(person.as_uuid()))
        .filter(locator_contact::Column::RemovedAt.is_null())
        .order_by_asc(locator_contact::Column::ConsentedAt)
        .order_by_asc(locator_contact::Column::Id)
        .all(db)
        .await?)
}

/// Keeps a locator detail the person consented to, now.
pub async fn add(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    locator: Locator,
    by: (AccountId, &str),
    now: DateTime<Utc>,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    locator_contact::ActiveModel {
        id: Set(id),
        person_id: Set(person.as_uuid()),
        org_id: Set(scope.org.as_uuid()),
        kind: Set(locator.kind.to_owned()),
        value: Set(locator.value),
        name: Set(locator.name),
        relationship: Set(locator.relationship),
        note: Set(locator.note),
        consented_at: Set(now),
        recorded_by: Set(by.0.as_uuid()),
        recorded_by_kind: Set(by.1.to_owned()),
        removed_at: Set(None),
        removed_by: Set(None),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Removes a current detail of the person (the person withdrew it, or it no longer works). `false` when there
/// is no such current detail in scope.
pub async fn remove(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    id: Uuid,
    by: AccountId,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = locator_contact::Entity::update_many()
        .col_expr(locator_contact::Column::RemovedAt, Expr::value(now))
        .col_expr(locator_contact::Column::RemovedBy, Expr::value(by.as_uuid()))
        .filter(locator_contact::Column::Id.eq(id))
        .filter(locator_contact::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(locator_contact::Column::PersonId.eq(person.as_uuid()))
        .filter(locator_contact::Column::RemovedAt.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}
