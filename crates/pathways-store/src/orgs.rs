//! Organizations.

use pathways_domain::OrgId;
use pathways_domain::org::{OrgKind, Slug};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::organization;
use crate::{Result, StoreError, now};

pub async fn create(db: &impl ConnectionTrait, slug: &Slug, name: &str, kind: OrgKind) -> Result<organization::Model> {
    organization::ActiveModel {
        id: Set(OrgId::new().as_uuid()),
        slug: Set(slug.as_str().to_owned()),
        name: Set(name.to_owned()),
        kind: Set(kind.as_str().to_owned()),
        region: Set(None),
        created_at: Set(now()),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_insert(e, "slug", "slug"))
}

pub async fn find_by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<Option<organization::Model>> {
    Ok(organization::Entity::find().filter(organization::Column::Slug.eq(slug)).one(db).await?)
}

pub async fn find(db: &impl ConnectionTrait, id: OrgId) -> Result<Option<organization::Model>> {
    Ok(organization::Entity::find_by_id(id.as_uuid()).one(db).await?)
}

pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<organization::Model>> {
    Ok(organization::Entity::find().order_by_asc(organization::Column::Name).all(db).await?)
}
