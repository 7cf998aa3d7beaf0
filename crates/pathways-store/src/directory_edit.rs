//! Staff work on the directory: listings made or changed here (each save kept as a version with its author),
//! verification dates, retiring and restoring, and the queue of corrections the public suggests. Every change
//! moves the directory's version so search indexes rebuild.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait as _, Func};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::directory::bump_version;
use crate::entities::{
    dir_correction, dir_location, dir_organization, dir_service, dir_service_at_location, dir_service_version,
};
use crate::persons::Page;
use crate::{Result, now};

/// Listings made in Pathways (not imported) have this source.
pub const LOCAL: &str = "local";

/// Which listings a staff list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    Active,
    /// Not verified since this date.
    StaleBefore(NaiveDate),
    WithCorrections,
    Retired,
}

/// A listing on the staff list.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub service: dir_service::Model,
    pub open_corrections: u64,
}

pub async fn list(
    db: &impl ConnectionTrait,
    search: Option<&str>,
    filter: Filter,
    page: u64,
    per_page: u64,
) -> Result<Page<Row>> {
    let mut q = dir_service::Entity::find();
    q = match filter {
        Filter::Active => q.filter(dir_service::Column::RetiredAt.is_null()),
        Filter::Retired => q.filter(dir_service::Column::RetiredAt.is_not_null()),
        Filter::StaleBefore(d) => q
            .filter(dir_service::Column::RetiredAt.is_null())
            .filter(dir_service::Column::LastVerifiedOn.is_null().or(dir_service::Column::LastVerifiedOn.lte(d))),
        Filter::WithCorrections => {
            let ids: Vec<Uuid> = dir_correction::Entity::find()
                .filter(dir_correction::Column::Status.eq("open"))
                .select_only()
                .column(dir_correction::Column::ServiceId)
                .distinct()
                .into_tuple()
                .all(db)
                .await?;
            q.filter(dir_service::Column::Id.is_in(ids))
        }
    };
    if let Some(s) = search.map(str::trim).filter(|s| !s.is_empty()) {
        let pattern = format!("%{}%", s.to_lowercase().replace(['%', '_'], ""));
        q = q.filter(Expr::expr(Func::lower(Expr::col(dir_service::Column::Name))).like(pattern));
    }
    let paginator =
        q.order_by_asc(dir_service::Column::Name).order_by_asc(dir_service::Column::Id).paginate(db, per_page);
    let total = paginator.num_items().await?;
    let services = paginator.fetch_page(page.saturating_sub(1)).await?;
    let ids: Vec<Uuid> = services.iter().map(|s| s.id).collect();
    let counts: Vec<(Uuid, i64)> = if ids.is_empty() {
        Vec::new()
    } else {
        dir_correction::Entity::find()
            .filter(dir_correction::Column::Status.eq("open"))
            .filter(dir_correction::Column::ServiceId.is_in(ids))
            .select_only()
            .column(dir_correction::Column::ServiceId)
            .column_as(dir_correction::Column::Id.count(), "n")
            .group_by(dir_correction::Column::ServiceId)
            .into_tuple()
            .all(db)
            .await?
    };
    let items = services
        .into_iter()
        .map(|service| {
            let open =
                counts.iter().find(|(id, _)| *id == service.id).map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0));
            Row { service, open_corrections: open }
        })
        .collect();
    Ok(Page { items, total, page, per_page })
}

/// A listing with its organization and places, retired or not (staff see both).
pub async fn find(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<(dir_service::Model, Option<dir_organization::Model>, Vec<dir_location::Model>)>> {
    let Some(s) = dir_service::Entity::find_by_id(id).one(db).await? else { return Ok(None) };
    let org = dir_organization::Entity::find_by_id(s.organization_id).one(db).await?;
    let ids: Vec<Uuid> = dir_service_at_location::Entity::find()
        .filter(dir_service_at_location::Column::ServiceId.eq(id))
        .select_only()
        .column(dir_service_at_location::Column::LocationId)
        .into_tuple()
        .all(db)
        .await?;
    let places = if ids.is_empty() {
        Vec::new()
    } else {
        dir_location::Entity::find().filter(dir_location::Column::Id.is_in(ids)).all(db).await?
    };
    Ok(Some((s, org, places)))
}

/// What a staff save writes.
#[derive(Clone, Debug, PartialEq)]
pub struct Save {
    pub name: String,
    pub organization: String,
    /// The HSDS service object (ids are filled in here).
    pub doc: serde_json::Value,
    pub time_zone: String,
    pub is_meeting: bool,
    /// The place, if it has one.
    pub place: Option<Place>,
}

/// A listing's place as staff give it.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: Option<String>,
    pub latitude: f64,
    pub longitude: f64,
    /// At the ZIP code's centre, not the door.
    pub approximate: bool,
    pub postal_code: Option<String>,
    /// The HSDS location object.
    pub doc: serde_json::Value,
}

/// Who saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    pub account: Option<Uuid>,
    pub name: String,
}

async fn organization_for(db: &impl ConnectionTrait, name: &str) -> Result<Uuid> {
    let key = name.trim().to_lowercase();
    if let Some(o) = dir_organization::Entity::find()
        .filter(dir_organization::Column::Source.eq(LOCAL))
        .filter(dir_organization::Column::ExternalId.eq(key.clone()))
        .one(db)
        .await?
    {
        return Ok(o.id);
    }
    let id = Uuid::now_v7();
    dir_organization::ActiveModel {
        id: Set(id),
        source: Set(LOCAL.into()),
        external_id: Set(key),
        name: Set(name.trim().to_owned()),
        doc: Set(serde_json::json!({"id": id, "name": name.trim(), "description": name.trim()})),
        content_hash: Set(String::new()),
        retired_at: Set(None),
        updated_at: Set(now()),
        pathways_org_id: Set(None),
    }
    .insert(db)
    .await?;
    Ok(id)
}

async fn next_version(db: &impl ConnectionTrait, service: Uuid) -> Result<i32> {
    let last: Option<i32> = dir_service_version::Entity::find()
        .filter(dir_service_version::Column::ServiceId.eq(service))
        .select_only()
        .column_as(dir_service_version::Column::Version.max(), "v")
        .into_tuple::<Option<i32>>()
        .one(db)
        .await?
        .flatten();
    Ok(last.unwrap_or(0) + 1)
}

async fn keep_version(
    db: &impl ConnectionTrait,
    service: Uuid,
    name: &str,
    doc: &serde_json::Value,
    author: &Author,
    note: Option<String>,
) -> Result<()> {
    let version = next_version(db, service).await?;
    dir_service_version::ActiveModel {
        id: Set(Uuid::now_v7()),
        service_id: Set(service),
        version: Set(version),
        doc: Set(doc.clone()),
        name: Set(name.to_owned()),
        author_account_id: Set(author.account),
        author_name: Set(author.name.clone()),
        note: Set(note),
        created_at: Set(now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

fn with(mut doc: serde_json::Value, pairs: &[(&str, serde_json::Value)]) -> serde_json::Value {
    if let Some(o) = doc.as_object_mut() {
        for (k, v) in pairs {
            o.insert((*k).to_owned(), v.clone());
        }
    }
    doc
}

/// Creates a listing (`id` None) or saves a new version of one; returns its id. The caller's transaction.
pub async fn save(db: &impl ConnectionTrait, id: Option<Uuid>, s: &Save, author: &Author) -> Result<Uuid> {
    let at = now();
    let org = organization_for(db, &s.organization).await?;
    let (service_id, old) = match id {
        Some(id) => match dir_service::Entity::find_by_id(id).one(db).await? {
            Some(old) => (id, Some(old)),
            None => return Err(crate::StoreError::Invalid("no such listing".into())),
        },
        None => (Uuid::now_v7(), None),
    };
    let doc =
        with(s.doc.clone(), &[("id", serde_json::json!(service_id)), ("organization_id", serde_json::json!(org))]);
    match &old {
        Some(old) => {
            if next_version(db, service_id).await? == 1 {
                // The listing as it was before its first edit here (as imported), so the history starts there.
                let who = Author { account: None, name: format!("{} ({})", old.source, old.updated_at.date_naive()) };
                keep_version(db, service_id, &old.name, &old.doc, &who, None).await?;
            }
            dir_service::ActiveModel {
                id: Set(service_id),
                organization_id: Set(org),
                name: Set(s.name.clone()),
                is_meeting: Set(s.is_meeting),
                time_zone: Set(Some(s.time_zone.clone())),
                doc: Set(doc.clone()),
                content_hash: Set(String::new()),
                last_verified_on: Set(Some(at.date_naive())),
                updated_at: Set(at),
                ..Default::default()
            }
            .update(db)
            .await?;
        }
        None => {
            dir_service::ActiveModel {
                id: Set(service_id),
                organization_id: Set(org),
                source: Set(LOCAL.into()),
                external_id: Set(service_id.to_string()),
                name: Set(s.name.clone()),
                is_meeting: Set(s.is_meeting),
                time_zone: Set(Some(s.time_zone.clone())),
                doc: Set(doc.clone()),
                content_hash: Set(String::new()),
                last_verified_on: Set(Some(at.date_naive())),
                retired_at: Set(None),
                updated_at: Set(at),
            }
            .insert(db)
            .await?;
        }
    }
    let linked: Vec<Uuid> = dir_service_at_location::Entity::find()
        .filter(dir_service_at_location::Column::ServiceId.eq(service_id))
        .select_only()
        .column(dir_service_at_location::Column::LocationId)
        .into_tuple()
        .all(db)
        .await?;
    match (&s.place, linked.first()) {
        (Some(Place { name, latitude: lat, longitude: lon, approximate, postal_code: zip, doc: ldoc }), Some(&lid)) => {
            dir_location::ActiveModel {
                id: Set(lid),
                organization_id: Set(Some(org)),
                name: Set(name.clone()),
                latitude: Set(Some(*lat)),
                longitude: Set(Some(*lon)),
                approximate: Set(*approximate),
                postal_code: Set(zip.clone()),
                doc: Set(with(
                    ldoc.clone(),
                    &[("id", serde_json::json!(lid)), ("organization_id", serde_json::json!(org))],
                )),
                content_hash: Set(String::new()),
                retired_at: Set(None),
                updated_at: Set(at),
                ..Default::default()
            }
            .update(db)
            .await?;
        }
        (Some(Place { name, latitude: lat, longitude: lon, approximate, postal_code: zip, doc: ldoc }), None) => {
            let lid = Uuid::now_v7();
            dir_location::ActiveModel {
                id: Set(lid),
                organization_id: Set(Some(org)),
                source: Set(LOCAL.into()),
                external_id: Set(lid.to_string()),
                name: Set(name.clone()),
                latitude: Set(Some(*lat)),
                longitude: Set(Some(*lon)),
                approximate: Set(*approximate),
                postal_code: Set(zip.clone()),
                doc: Set(with(
                    ldoc.clone(),
                    &[("id", serde_json::json!(lid)), ("organization_id", serde_json::json!(org))],
                )),
                content_hash: Set(String::new()),
                retired_at: Set(None),
                updated_at: Set(at),
            }
            .insert(db)
            .await?;
            let link = Uuid::now_v7();
            dir_service_at_location::ActiveModel {
                id: Set(link),
                service_id: Set(service_id),
                location_id: Set(lid),
                doc: Set(serde_json::json!({"id": link, "service_id": service_id, "location_id": lid})),
            }
            .insert(db)
            .await?;
        }
        (None, _) if !linked.is_empty() => {
            dir_service_at_location::Entity::delete_many()
                .filter(dir_service_at_location::Column::ServiceId.eq(service_id))
                .exec(db)
                .await?;
        }
        (None, _) => {}
    }
    keep_version(db, service_id, &s.name, &doc, author, None).await?;
    bump_version(db).await?;
    Ok(service_id)
}

/// Every saved version of a listing, newest first.
pub async fn versions(db: &impl ConnectionTrait, service: Uuid) -> Result<Vec<dir_service_version::Model>> {
    Ok(dir_service_version::Entity::find()
        .filter(dir_service_version::Column::ServiceId.eq(service))
        .order_by_desc(dir_service_version::Column::Version)
        .all(db)
        .await?)
}

/// Marks a listing confirmed today; `false` when there is no such listing.
pub async fn verify(db: &impl ConnectionTrait, id: Uuid, on: NaiveDate) -> Result<bool> {
    let r = dir_service::Entity::update_many()
        .col_expr(dir_service::Column::LastVerifiedOn, Expr::value(on))
        .filter(dir_service::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

/// Retires (`true`) or restores a listing; `false` when there is no such listing.
pub async fn set_retired(db: &impl ConnectionTrait, id: Uuid, retired: bool) -> Result<bool> {
    let at: Option<DateTime<Utc>> = retired.then(now);
    let r = dir_service::Entity::update_many()
        .col_expr(dir_service::Column::RetiredAt, Expr::value(at))
        .filter(dir_service::Column::Id.eq(id))
        .exec(db)
        .await?;
    if r.rows_affected == 1 {
        bump_version(db).await?;
    }
    Ok(r.rows_affected == 1)
}

/// Records a correction from the public for an active listing; `false` when there is no such listing.
pub async fn add_correction(
    db: &impl ConnectionTrait,
    service: Uuid,
    message: &str,
    contact: Option<&str>,
) -> Result<bool> {
    let exists =
        dir_service::Entity::find_by_id(service).filter(dir_service::Column::RetiredAt.is_null()).count(db).await? > 0;
    if !exists {
        return Ok(false);
    }
    dir_correction::ActiveModel {
        id: Set(Uuid::now_v7()),
        service_id: Set(service),
        message: Set(message.to_owned()),
        contact: Set(contact.map(str::to_owned)),
        status: Set("open".into()),
        created_at: Set(now()),
        resolved_at: Set(None),
        resolved_by_account_id: Set(None),
    }
    .insert(db)
    .await?;
    Ok(true)
}

/// Open corrections, oldest first, with their listing's name.
pub async fn open_corrections(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<(dir_correction::Model, String)>> {
    let items = dir_correction::Entity::find()
        .filter(dir_correction::Column::Status.eq("open"))
        .order_by_asc(dir_correction::Column::CreatedAt)
        .limit(crate::rows(limit))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = items.iter().map(|c| c.service_id).collect();
    let names: Vec<(Uuid, String)> = if ids.is_empty() {
        Vec::new()
    } else {
        dir_service::Entity::find()
            .filter(dir_service::Column::Id.is_in(ids))
            .select_only()
            .columns([dir_service::Column::Id, dir_service::Column::Name])
            .into_tuple()
            .all(db)
            .await?
    };
    Ok(items
        .into_iter()
        .map(|c| {
            let name = names.iter().find(|(id, _)| *id == c.service_id).map(|(_, n)| n.clone()).unwrap_or_default();
            (c, name)
        })
        .collect())
}

/// Closes a correction as `resolved` or `dismissed`; `false` when it isn't open.
pub async fn close_correction(db: &impl ConnectionTrait, id: Uuid, status: &str, by: Uuid) -> Result<bool> {
    let r = dir_correction::Entity::update_many()
        .col_expr(dir_correction::Column::Status, Expr::value(status))
        .col_expr(dir_correction::Column::ResolvedAt, Expr::value(now()))
        .col_expr(dir_correction::Column::ResolvedByAccountId, Expr::value(by))
        .filter(dir_correction::Column::Id.eq(id))
        .filter(dir_correction::Column::Status.eq("open"))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}
