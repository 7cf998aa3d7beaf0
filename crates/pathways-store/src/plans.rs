//! Recovery plans as immutable versions. A save names the version it was made from; if another save got there
//! first, the caller gets the current version back instead (never a lost update). The unique
//! `(person_id, version)` index settles a race that the read-then-insert can't see.

use pathways_domain::access::PersonScope;
use pathways_domain::plan::{PlanContent, check_version};
use pathways_domain::{AccountId, PersonId};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, SqlErr,
};
use uuid::Uuid;

use crate::entities::plan_version;
use crate::{Result, StoreError, now};

/// One version of a plan, parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanRecord {
    pub version: i32,
    pub content: PlanContent,
    pub author_account_id: Uuid,
    pub author_kind: String,
    pub restored_from: Option<i32>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl TryFrom<plan_version::Model> for PlanRecord {
    type Error = StoreError;
    fn try_from(m: plan_version::Model) -> Result<Self> {
        let content = serde_json::from_value(m.content)
            .map_err(|e| StoreError::Invalid(format!("plan version {} of a person cannot be read: {e}", m.version)))?;
        Ok(Self {
            version: m.version,
            content,
            author_account_id: m.author_account_id,
            author_kind: m.author_kind,
            restored_from: m.restored_from,
            created_at: m.created_at,
        })
    }
}

fn scoped(scope: &PersonScope, person: PersonId) -> sea_orm::Select<plan_version::Entity> {
    plan_version::Entity::find()
        .filter(plan_version::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(plan_version::Column::PersonId.eq(person.as_uuid()))
}

pub async fn current(db: &impl ConnectionTrait, scope: &PersonScope, person: PersonId) -> Result<Option<PlanRecord>> {
    scoped(scope, person)
        .order_by_desc(plan_version::Column::Version)
        .one(db)
        .await?
        .map(PlanRecord::try_from)
        .transpose()
}

/// The current version and its author's display name, in one query (the plan page).
pub async fn current_with_author(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
) -> Result<Option<(PlanRecord, Option<String>)>> {
    let found = scoped(scope, person)
        .order_by_desc(plan_version::Column::Version)
        .find_also_related(crate::entities::account::Entity)
        .one(db)
        .await?;
    match found {
        Some((m, author)) => Ok(Some((PlanRecord::try_from(m)?, author.map(|a| a.display_name)))),
        None => Ok(None),
    }
}

pub async fn version(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    v: i32,
) -> Result<Option<PlanRecord>> {
    scoped(scope, person)
        .filter(plan_version::Column::Version.eq(v))
        .one(db)
        .await?
        .map(PlanRecord::try_from)
        .transpose()
}

/// Every version, newest first.
pub async fn versions(db: &impl ConnectionTrait, scope: &PersonScope, person: PersonId) -> Result<Vec<PlanRecord>> {
    scoped(scope, person)
        .order_by_desc(plan_version::Column::Version)
        .all(db)
        .await?
        .into_iter()
        .map(PlanRecord::try_from)
        .collect()
}

pub enum SaveOutcome {
    Saved(PlanRecord),
    /// Someone saved first; here is what they saved (`None`: the plan was not found at all).
    Stale(Option<Box<PlanRecord>>),
}

/// Who saves, and whether it restores an earlier version.
pub struct Author {
    pub account: AccountId,
    pub kind: &'static str,
    pub restored_from: Option<i32>,
}

/// Saves `content` as the version after `from_version` (0 for a first plan).
pub async fn save(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    from_version: i32,
    content: &PlanContent,
    author: Author,
) -> Result<SaveOutcome> {
    let current = current(db, scope, person).await?;
    let current_version = current.as_ref().map_or(0, |c| c.version);
    if check_version(current_version, from_version).is_err() {
        return Ok(SaveOutcome::Stale(current.map(Box::new)));
    }
    let json = serde_json::to_value(content).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let row = plan_version::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person.as_uuid()),
        org_id: Set(scope.org.as_uuid()),
        version: Set(current_version + 1),
        content: Set(json),
        author_account_id: Set(author.account.as_uuid()),
        author_kind: Set(author.kind.to_owned()),
        restored_from: Set(author.restored_from),
        review_date: Set(content.review_date),
        created_at: Set(now()),
    };
    match row.insert(db).await {
        Ok(m) => {
            crate::summary::refresh(db, person).await?;
            Ok(SaveOutcome::Saved(m.try_into()?))
        }
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Ok(SaveOutcome::Stale(current_plan_box(db, scope, person).await?))
        }
        Err(e) => Err(e.into()),
    }
}

async fn current_plan_box(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
) -> Result<Option<Box<PlanRecord>>> {
    Ok(current(db, scope, person).await?.map(Box::new))
}
