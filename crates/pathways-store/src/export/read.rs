//! The rows an export or the HSDS API shows: active services (never a retired one) with their organization and
//! their active places, organizations, places; by page for the API and in id order, chunk by chunk, for an export.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait as _, Func, LikeExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use uuid::Uuid;

use super::hsds::Place;
use crate::Result;
use crate::entities::{dir_location, dir_organization, dir_service, dir_service_at_location};

/// Largest number of ids in one `IN (…)`.
const CHUNK: usize = 500;

/// A service with what its HSDS object needs.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub service: dir_service::Model,
    pub organization: Option<dir_organization::Model>,
    /// Its active places, each with the link to it.
    pub places: Vec<(dir_service_at_location::Model, dir_location::Model)>,
    /// Treatment programs (bed counts) listed as this service.
    pub capacities: Vec<crate::entities::treatment_program::Model>,
    /// Recovery residences listed as this service (issue 19).
    pub residences: Vec<crate::entities::residence::Model>,
}

impl Loaded {
    pub fn places(&self) -> Vec<Place<'_>> {
        self.places.iter().map(|(link, location)| Place { link, location }).collect()
    }

    /// Adds its bed counts to its HSDS object as `capacities` (HSDS 3.1's `service_capacity`; 3.0 objects allow
    /// the extra property), when it has any, and the facts of the recovery residences listed as it as HSDS 3.0
    /// `attributes` beside the document's own ([`super::hsds::residence_attributes`]). `today`: the deployment's
    /// date (a residence's certificate is valid through a local date, as on the board), never UTC's.
    pub fn add_beds_and_residence_facts(
        &self,
        service: &mut serde_json::Value,
        today: chrono::NaiveDate,
        v: &super::Vocabularies<'_>,
    ) {
        let Some(o) = service.as_object_mut() else { return };
        let mut list = super::hsds::capacities(self.service.id, &self.capacities);
        list.extend(self.residences.iter().filter_map(|r| super::hsds::residence_capacity(self.service.id, r, today)));
        if !list.is_empty() {
            o.insert("capacities".into(), serde_json::Value::Array(list));
        }
        let facts: Vec<serde_json::Value> = self
            .residences
            .iter()
            .flat_map(|r| super::hsds::residence_attributes(self.service.id, r, today, v))
            .collect();
        if facts.is_empty() {
            return;
        }
        match o.get_mut("attributes") {
            Some(serde_json::Value::Array(attributes)) => attributes.extend(facts),
            _ => {
                o.insert("attributes".into(), serde_json::Value::Array(facts));
            }
        }
    }
}

/// Which services a list shows.
#[derive(Clone, Debug, Default)]
pub struct ServiceFilter {
    /// Words the name contains (any case).
    pub search: Option<String>,
    pub organization_id: Option<Uuid>,
    /// Changed at or after.
    pub modified_after: Option<DateTime<Utc>>,
    pub meetings_only: bool,
}

/// A 1-based page of `per_page` rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub page: u64,
    pub per_page: u64,
}

/// `%words%` for LIKE, lowercase, with LIKE's own characters escaped by `\`.
fn contains(words: &str) -> LikeExpr {
    let escaped = words.trim().to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

fn active_services(filter: &ServiceFilter) -> Select<dir_service::Entity> {
    let mut q = dir_service::Entity::find().filter(dir_service::Column::RetiredAt.is_null());
    if let Some(words) = filter.search.as_deref().filter(|w| !w.trim().is_empty()) {
        q = q.filter(
            Expr::expr(Func::lower(Expr::col((dir_service::Entity, dir_service::Column::Name)))).like(contains(words)),
        );
    }
    if let Some(org) = filter.organization_id {
        q = q.filter(dir_service::Column::OrganizationId.eq(org));
    }
    if let Some(after) = filter.modified_after {
        q = q.filter(dir_service::Column::UpdatedAt.gte(after));
    }
    if filter.meetings_only {
        q = q.filter(dir_service::Column::IsMeeting.eq(true));
    }
    q
}

/// One page of active services in name order, and how many there are in all.
pub async fn services_page(
    db: &impl ConnectionTrait,
    filter: &ServiceFilter,
    paging: Paging,
    with_places: bool,
) -> Result<(u64, Vec<Loaded>)> {
    let total = active_services(filter).count(db).await?;
    let rows = active_services(filter)
        .order_by_asc(dir_service::Column::Name)
        .order_by_asc(dir_service::Column::Id)
        .offset(crate::rows(paging.page.saturating_sub(1).saturating_mul(paging.per_page)))
        .limit(crate::rows(paging.per_page))
        .all(db)
        .await?;
    Ok((total, load(db, rows, with_places).await?))
}

/// Active services after `after` in id order (the next chunk of an export), with their places.
pub async fn services_after(
    db: &impl ConnectionTrait,
    filter: &ServiceFilter,
    after: Option<Uuid>,
    limit: u64,
) -> Result<Vec<Loaded>> {
    let mut q = active_services(filter);
    if let Some(after) = after {
        q = q.filter(dir_service::Column::Id.gt(after));
    }
    let rows = q.order_by_asc(dir_service::Column::Id).limit(limit).all(db).await?;
    load(db, rows, true).await
}

/// One active service with its organization and places.
pub async fn find_service(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<Loaded>> {
    let row = dir_service::Entity::find_by_id(id).filter(dir_service::Column::RetiredAt.is_null()).one(db).await?;
    Ok(load(db, row.into_iter().collect(), true).await?.pop())
}

/// The active services of an organization, in name order.
pub async fn services_of(db: &impl ConnectionTrait, organization_id: Uuid, with_places: bool) -> Result<Vec<Loaded>> {
    let filter = ServiceFilter { organization_id: Some(organization_id), ..ServiceFilter::default() };
    let rows = active_services(&filter)
        .order_by_asc(dir_service::Column::Name)
        .order_by_asc(dir_service::Column::Id)
        .all(db)
        .await?;
    load(db, rows, with_places).await
}

fn active_organizations(search: Option<&str>) -> Select<dir_organization::Entity> {
    let mut q = dir_organization::Entity::find().filter(dir_organization::Column::RetiredAt.is_null());
    if let Some(words) = search.filter(|w| !w.trim().is_empty()) {
        let name = Expr::col((dir_organization::Entity, dir_organization::Column::Name));
        q = q.filter(Expr::expr(Func::lower(name)).like(contains(words)));
    }
    q
}

/// One page of active organizations in name order, and how many there are in all.
pub async fn organizations_page(
    db: &impl ConnectionTrait,
    search: Option<&str>,
    paging: Paging,
) -> Result<(u64, Vec<dir_organization::Model>)> {
    let total = active_organizations(search).count(db).await?;
    let rows = active_organizations(search)
        .order_by_asc(dir_organization::Column::Name)
        .order_by_asc(dir_organization::Column::Id)
        .offset(crate::rows(paging.page.saturating_sub(1).saturating_mul(paging.per_page)))
        .limit(crate::rows(paging.per_page))
        .all(db)
        .await?;
    Ok((total, rows))
}

/// Active organizations after `after` in id order.
pub async fn organizations_after(
    db: &impl ConnectionTrait,
    after: Option<Uuid>,
    limit: u64,
) -> Result<Vec<dir_organization::Model>> {
    let mut q = active_organizations(None);
    if let Some(after) = after {
        q = q.filter(dir_organization::Column::Id.gt(after));
    }
    Ok(q.order_by_asc(dir_organization::Column::Id).limit(limit).all(db).await?)
}

/// One active organization.
pub async fn find_organization(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<dir_organization::Model>> {
    Ok(dir_organization::Entity::find_by_id(id).filter(dir_organization::Column::RetiredAt.is_null()).one(db).await?)
}

/// Active places after `after` in id order.
pub async fn locations_after(
    db: &impl ConnectionTrait,
    after: Option<Uuid>,
    limit: u64,
) -> Result<Vec<dir_location::Model>> {
    let mut q = dir_location::Entity::find().filter(dir_location::Column::RetiredAt.is_null());
    if let Some(after) = after {
        q = q.filter(dir_location::Column::Id.gt(after));
    }
    Ok(q.order_by_asc(dir_location::Column::Id).limit(limit).all(db).await?)
}

/// The organizations and (when asked) the active places of some services, in a few queries.
async fn load(db: &impl ConnectionTrait, rows: Vec<dir_service::Model>, with_places: bool) -> Result<Vec<Loaded>> {
    let mut org_ids: Vec<Uuid> = rows.iter().map(|s| s.organization_id).collect();
    org_ids.sort_unstable();
    org_ids.dedup();
    let mut orgs: HashMap<Uuid, dir_organization::Model> = HashMap::new();
    for chunk in org_ids.chunks(CHUNK) {
        let found = dir_organization::Entity::find()
            .filter(dir_organization::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?;
        orgs.extend(found.into_iter().map(|o| (o.id, o)));
    }
    let mut links: HashMap<Uuid, Vec<dir_service_at_location::Model>> = HashMap::new();
    let mut places: HashMap<Uuid, dir_location::Model> = HashMap::new();
    if with_places {
        let service_ids: Vec<Uuid> = rows.iter().map(|s| s.id).collect();
        for chunk in service_ids.chunks(CHUNK) {
            let found = dir_service_at_location::Entity::find()
                .filter(dir_service_at_location::Column::ServiceId.is_in(chunk.iter().copied()))
                .order_by_asc(dir_service_at_location::Column::Id)
                .all(db)
                .await?;
            for l in found {
                links.entry(l.service_id).or_default().push(l);
            }
        }
        let mut location_ids: Vec<Uuid> = links.values().flatten().map(|l| l.location_id).collect();
        location_ids.sort_unstable();
        location_ids.dedup();
        for chunk in location_ids.chunks(CHUNK) {
            let found = dir_location::Entity::find()
                .filter(dir_location::Column::Id.is_in(chunk.iter().copied()))
                .filter(dir_location::Column::RetiredAt.is_null())
                .all(db)
                .await?;
            places.extend(found.into_iter().map(|l| (l.id, l)));
        }
    }
    let mut capacities: HashMap<Uuid, Vec<crate::entities::treatment_program::Model>> = HashMap::new();
    if with_places {
        use crate::entities::treatment_program;
        let service_ids: Vec<Uuid> = rows.iter().map(|s| s.id).collect();
        for chunk in service_ids.chunks(CHUNK) {
            let found = treatment_program::Entity::find()
                .filter(treatment_program::Column::ServiceId.is_in(chunk.iter().copied()))
                .order_by_asc(treatment_program::Column::Name)
                .all(db)
                .await?;
            for p in found {
                if let Some(s) = p.service_id {
                    capacities.entry(s).or_default().push(p);
                }
            }
        }
    }
    let mut residences: HashMap<Uuid, Vec<crate::entities::residence::Model>> = HashMap::new();
    if with_places {
        use crate::entities::residence;
        let service_ids: Vec<Uuid> = rows.iter().map(|s| s.id).collect();
        for chunk in service_ids.chunks(CHUNK) {
            let found = residence::Entity::find()
                .filter(residence::Column::ServiceId.is_in(chunk.iter().copied()))
                .order_by_asc(residence::Column::Name)
                .all(db)
                .await?;
            for r in found {
                if let Some(s) = r.service_id {
                    residences.entry(s).or_default().push(r);
                }
            }
        }
    }
    Ok(rows
        .into_iter()
        .map(|service| {
            let organization = orgs.get(&service.organization_id).cloned();
            let places = links
                .remove(&service.id)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|link| places.get(&link.location_id).cloned().map(|place| (link, place)))
                .collect();
            let capacities = capacities.remove(&service.id).unwrap_or_default();
            let residences = residences.remove(&service.id).unwrap_or_default();
            Loaded { service, organization, places, capacities, residences }
        })
        .collect())
}
