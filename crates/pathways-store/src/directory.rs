//! The community directory's rows: imports that upsert by `(source, external_id)` and retire what a source no
//! longer lists, the listings the search index is built from, and the version that tells an index it is behind.

use std::collections::{HashMap, HashSet};

use sea_orm::sea_query::{Expr, ExprTrait as _};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::entities::{dir_location, dir_organization, dir_service, dir_service_at_location, directory_state};
use crate::{Result, now};

/// Rows per multi-row INSERT (SQLite allows 32,766 bound parameters; the widest table has 14 columns).
const CHUNK: usize = 500;

/// An HSDS object as a source gives it, with the id it has there.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceDoc {
    pub external_id: String,
    pub name: String,
    pub doc: serde_json::Value,
}

/// A place as a source gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceLocation {
    pub external_id: String,
    pub name: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub approximate: bool,
    pub postal_code: Option<String>,
    pub doc: serde_json::Value,
}

/// A service (or meeting) with its organization and the places it is offered at.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceRecord {
    pub organization: SourceDoc,
    pub service: SourceDoc,
    pub is_meeting: bool,
    pub time_zone: Option<String>,
    pub locations: Vec<SourceLocation>,
}

/// What an import did to the services of a source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub retired: u64,
}

fn hash(doc: &serde_json::Value) -> String {
    hex::encode(Sha256::digest(doc.to_string().as_bytes()))
}

/// Puts our ids into a document (HSDS ids are the ids the directory serves them under).
fn with_ids(mut doc: serde_json::Value, ids: &[(&str, Uuid)]) -> serde_json::Value {
    if let Some(o) = doc.as_object_mut() {
        for (k, v) in ids {
            o.insert((*k).to_owned(), serde_json::Value::String(v.to_string()));
        }
    }
    doc
}

struct Known {
    id: Uuid,
    hash: String,
    retired: bool,
}

/// Applies a whole source's listing in the caller's transaction: adds what is new, updates what changed, leaves
/// the rest, and retires the services and places the source no longer lists. Records are applied in order; a
/// later record with an external id already seen in this run replaces the earlier one.
pub async fn import_source(db: &impl ConnectionTrait, source: &str, records: &[SourceRecord]) -> Result<ImportCounts> {
    import_source_with_progress(db, source, records, &mut |_, _, _| {}).await
}

/// What an import is doing, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportStep {
    /// Comparing records with what the source listed before (and updating what changed).
    Comparing,
    /// Writing new rows.
    Writing,
}

/// [`import_source`], telling `progress` what it is doing and how far along it is (done of total: records while
/// comparing, rows while writing).
pub async fn import_source_with_progress(
    db: &impl ConnectionTrait,
    source: &str,
    records: &[SourceRecord],
    progress: &mut (dyn FnMut(ImportStep, usize, usize) + Send),
) -> Result<ImportCounts> {
    let at = now();
    let mut counts = ImportCounts::default();
    let orgs: HashMap<String, Known> = dir_organization::Entity::find()
        .filter(dir_organization::Column::Source.eq(source))
        .select_only()
        .columns([
            dir_organization::Column::ExternalId,
            dir_organization::Column::Id,
            dir_organization::Column::ContentHash,
            dir_organization::Column::RetiredAt,
        ])
        .into_tuple::<(String, Uuid, String, Option<chrono::DateTime<chrono::Utc>>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(e, id, hash, r)| (e, Known { id, hash, retired: r.is_some() }))
        .collect();
    let mut services: HashMap<String, Known> = dir_service::Entity::find()
        .filter(dir_service::Column::Source.eq(source))
        .select_only()
        .columns([
            dir_service::Column::ExternalId,
            dir_service::Column::Id,
            dir_service::Column::ContentHash,
            dir_service::Column::RetiredAt,
        ])
        .into_tuple::<(String, Uuid, String, Option<chrono::DateTime<chrono::Utc>>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(e, id, hash, r)| (e, Known { id, hash, retired: r.is_some() }))
        .collect();
    let mut locations: HashMap<String, Known> = dir_location::Entity::find()
        .filter(dir_location::Column::Source.eq(source))
        .select_only()
        .columns([
            dir_location::Column::ExternalId,
            dir_location::Column::Id,
            dir_location::Column::ContentHash,
            dir_location::Column::RetiredAt,
        ])
        .into_tuple::<(String, Uuid, String, Option<chrono::DateTime<chrono::Utc>>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(e, id, hash, r)| (e, Known { id, hash, retired: r.is_some() }))
        .collect();
    let service_ids: HashSet<Uuid> = services.values().map(|k| k.id).collect();
    let mut links: HashSet<(Uuid, Uuid)> = if service_ids.is_empty() {
        HashSet::new()
    } else {
        dir_service_at_location::Entity::find()
            .select_only()
            .columns([dir_service_at_location::Column::ServiceId, dir_service_at_location::Column::LocationId])
            .into_tuple::<(Uuid, Uuid)>()
            .all(db)
            .await?
            .into_iter()
            .filter(|(s, _)| service_ids.contains(s))
            .collect()
    };

    let mut org_ids: HashMap<String, Uuid> = orgs.iter().map(|(k, v)| (k.clone(), v.id)).collect();
    let mut org_done: HashSet<String> = HashSet::new();
    let mut new_orgs = Vec::new();
    let mut new_locations = Vec::new();
    let mut new_services = Vec::new();
    let mut new_links = Vec::new();
    let mut seen_services: HashSet<String> = HashSet::new();
    let mut seen_locations: HashSet<String> = HashSet::new();

    for (done, r) in records.iter().enumerate() {
        if done % 256 == 0 {
            progress(ImportStep::Comparing, done, records.len());
        }
        // The organization: once per run.
        let o = &r.organization;
        if org_done.insert(o.external_id.clone()) {
            let h = hash(&o.doc);
            match orgs.get(&o.external_id) {
                Some(k) if k.hash == h && !k.retired => {}
                Some(k) => {
                    dir_organization::ActiveModel {
                        id: Set(k.id),
                        name: Set(o.name.clone()),
                        doc: Set(with_ids(o.doc.clone(), &[("id", k.id)])),
                        content_hash: Set(h),
                        retired_at: Set(None),
                        updated_at: Set(at),
                        ..Default::default()
                    }
                    .update(db)
                    .await?;
                }
                None => {
                    let id = Uuid::now_v7();
                    org_ids.insert(o.external_id.clone(), id);
                    new_orgs.push(dir_organization::ActiveModel {
                        id: Set(id),
                        source: Set(source.to_owned()),
                        external_id: Set(o.external_id.clone()),
                        name: Set(o.name.clone()),
                        doc: Set(with_ids(o.doc.clone(), &[("id", id)])),
                        content_hash: Set(h),
                        retired_at: Set(None),
                        updated_at: Set(at),
                        pathways_org_id: Set(None),
                    });
                }
            }
        }
        let Some(&org_id) = org_ids.get(&o.external_id) else { continue };

        // Its places.
        let mut location_ids = Vec::new();
        for l in &r.locations {
            seen_locations.insert(l.external_id.clone());
            let h = hash(&l.doc);
            let id = match locations.get(&l.external_id) {
                Some(k) if k.hash == h && !k.retired => k.id,
                Some(k) => {
                    dir_location::ActiveModel {
                        id: Set(k.id),
                        organization_id: Set(Some(org_id)),
                        name: Set(l.name.clone()),
                        latitude: Set(l.latitude),
                        longitude: Set(l.longitude),
                        approximate: Set(l.approximate),
                        postal_code: Set(l.postal_code.clone()),
                        doc: Set(with_ids(l.doc.clone(), &[("id", k.id), ("organization_id", org_id)])),
                        content_hash: Set(h),
                        retired_at: Set(None),
                        updated_at: Set(at),
                        ..Default::default()
                    }
                    .update(db)
                    .await?;
                    k.id
                }
                None => {
                    let id = Uuid::now_v7();
                    locations.insert(l.external_id.clone(), Known { id, hash: h.clone(), retired: false });
                    new_locations.push(dir_location::ActiveModel {
                        id: Set(id),
                        organization_id: Set(Some(org_id)),
                        source: Set(source.to_owned()),
                        external_id: Set(l.external_id.clone()),
                        name: Set(l.name.clone()),
                        latitude: Set(l.latitude),
                        longitude: Set(l.longitude),
                        approximate: Set(l.approximate),
                        postal_code: Set(l.postal_code.clone()),
                        doc: Set(with_ids(l.doc.clone(), &[("id", id), ("organization_id", org_id)])),
                        content_hash: Set(h),
                        retired_at: Set(None),
                        updated_at: Set(at),
                    });
                    id
                }
            };
            location_ids.push(id);
        }

        // The service.
        let s = &r.service;
        seen_services.insert(s.external_id.clone());
        let h = hash(&serde_json::json!([&s.doc, r.is_meeting, &r.time_zone, org_id]));
        let service_id = match services.get(&s.external_id) {
            Some(k) if k.hash == h && !k.retired => {
                counts.unchanged += 1;
                k.id
            }
            Some(k) => {
                counts.updated += 1;
                dir_service::ActiveModel {
                    id: Set(k.id),
                    organization_id: Set(org_id),
                    name: Set(s.name.clone()),
                    is_meeting: Set(r.is_meeting),
                    time_zone: Set(r.time_zone.clone()),
                    doc: Set(with_ids(s.doc.clone(), &[("id", k.id), ("organization_id", org_id)])),
                    content_hash: Set(h),
                    retired_at: Set(None),
                    updated_at: Set(at),
                    ..Default::default()
                }
                .update(db)
                .await?;
                k.id
            }
            None => {
                counts.added += 1;
                let id = Uuid::now_v7();
                services.insert(s.external_id.clone(), Known { id, hash: h.clone(), retired: false });
                new_services.push(dir_service::ActiveModel {
                    id: Set(id),
                    organization_id: Set(org_id),
                    source: Set(source.to_owned()),
                    external_id: Set(s.external_id.clone()),
                    name: Set(s.name.clone()),
                    is_meeting: Set(r.is_meeting),
                    time_zone: Set(r.time_zone.clone()),
                    doc: Set(with_ids(s.doc.clone(), &[("id", id), ("organization_id", org_id)])),
                    content_hash: Set(h),
                    last_verified_on: Set(Some(at.date_naive())),
                    retired_at: Set(None),
                    updated_at: Set(at),
                });
                id
            }
        };
        for location_id in location_ids {
            if links.insert((service_id, location_id)) {
                let id = Uuid::now_v7();
                new_links.push(dir_service_at_location::ActiveModel {
                    id: Set(id),
                    service_id: Set(service_id),
                    location_id: Set(location_id),
                    doc: Set(serde_json::json!({
                        "id": id, "service_id": service_id, "location_id": location_id
                    })),
                });
            }
        }
    }

    progress(ImportStep::Comparing, records.len(), records.len());
    let mut writing = Writing {
        done: 0,
        total: new_orgs.len() + new_locations.len() + new_services.len() + new_links.len(),
        progress,
    };
    insert_chunks(db, new_orgs, &mut writing).await?;
    insert_chunks(db, new_locations, &mut writing).await?;
    insert_chunks(db, new_services, &mut writing).await?;
    insert_chunks(db, new_links, &mut writing).await?;

    let gone: Vec<Uuid> =
        services.iter().filter(|(e, k)| !k.retired && !seen_services.contains(*e)).map(|(_, k)| k.id).collect();
    counts.retired = gone.len() as u64;
    for chunk in gone.chunks(CHUNK) {
        dir_service::Entity::update_many()
            .col_expr(dir_service::Column::RetiredAt, Expr::value(at))
            .filter(dir_service::Column::Id.is_in(chunk.iter().copied()))
            .exec(db)
            .await?;
    }
    let gone: Vec<Uuid> =
        locations.iter().filter(|(e, k)| !k.retired && !seen_locations.contains(*e)).map(|(_, k)| k.id).collect();
    for chunk in gone.chunks(CHUNK) {
        dir_location::Entity::update_many()
            .col_expr(dir_location::Column::RetiredAt, Expr::value(at))
            .filter(dir_location::Column::Id.is_in(chunk.iter().copied()))
            .exec(db)
            .await?;
    }
    if counts.added + counts.updated + counts.retired > 0 {
        bump_version(db).await?;
    }
    Ok(counts)
}

/// How many new rows an import has written, of how many.
struct Writing<'a> {
    done: usize,
    total: usize,
    progress: &'a mut (dyn FnMut(ImportStep, usize, usize) + Send),
}

async fn insert_chunks<A>(db: &impl ConnectionTrait, rows: Vec<A>, writing: &mut Writing<'_>) -> Result<()>
where
    A: ActiveModelTrait + Send,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(CHUNK).collect();
        let n = chunk.len();
        <A::Entity as EntityTrait>::insert_many(chunk).exec(db).await?;
        writing.done += n;
        (writing.progress)(ImportStep::Writing, writing.done, writing.total);
    }
    Ok(())
}

/// Moves the directory's version (in the transaction of the change).
pub async fn bump_version(db: &impl ConnectionTrait) -> Result<()> {
    directory_state::Entity::update_many()
        .col_expr(directory_state::Column::Version, Expr::col(directory_state::Column::Version).add(1))
        .filter(directory_state::Column::Id.eq(1))
        .exec(db)
        .await?;
    Ok(())
}

/// The directory's version: an index built at this version is current.
pub async fn version(db: &impl ConnectionTrait) -> Result<i64> {
    Ok(directory_state::Entity::find_by_id(1).one(db).await?.map_or(0, |s| s.version))
}

/// Services per page of [`Snapshot::next_page`]: enough to keep the round trips few, few enough that a page of
/// documents stays a few megabytes.
pub const SNAPSHOT_PAGE: u64 = 2_000;

/// One active service as the search index reads it: the columns it needs, its document as JSON text (parsed
/// and dropped by the reader, one at a time), and its active places.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SnapshotService {
    pub id: Uuid,
    /// Its organization's name (empty when the organization is retired).
    pub organization: String,
    pub name: String,
    pub is_meeting: bool,
    pub time_zone: Option<String>,
    /// The HSDS document, as JSON text.
    pub doc: String,
    /// Whether the service is linked to any place at all, retired ones included (a service with no place is
    /// online-only).
    pub linked: bool,
    /// Its active places, by id.
    pub places: Vec<SnapshotPlace>,
}

/// An active place of a [`SnapshotService`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SnapshotPlace {
    pub id: Uuid,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub approximate: bool,
    pub postal_code: Option<String>,
    /// The HSDS document, as JSON text.
    pub doc: String,
}

/// A read of the active directory for the search index, a page of services at a time, so the whole
/// directory's documents are never in memory at once. The ids of the active services are read first and the
/// pages fetched by id (`IN`, a primary-key lookup on both databases): paging by `ORDER BY id LIMIT` instead
/// left PostgreSQL sorting the rest of the table for every page when its statistics were missing.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// The directory's version when the read began.
    pub version: i64,
    organizations: HashMap<Uuid, String>,
    ids: Vec<Uuid>,
    next: usize,
}

/// Starts reading the active directory: the version first (so a change during the read makes the index rebuild
/// again), then the organizations' names and the ids of the active services; the services follow page by page
/// ([`Snapshot::next_page`]).
pub async fn snapshot(db: &impl ConnectionTrait) -> Result<Snapshot> {
    let version = version(db).await?;
    let organizations = dir_organization::Entity::find()
        .filter(dir_organization::Column::RetiredAt.is_null())
        .select_only()
        .columns([dir_organization::Column::Id, dir_organization::Column::Name])
        .into_tuple::<(Uuid, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut ids: Vec<Uuid> = dir_service::Entity::find()
        .filter(dir_service::Column::RetiredAt.is_null())
        .select_only()
        .column(dir_service::Column::Id)
        .into_tuple::<Uuid>()
        .all(db)
        .await?;
    ids.sort_unstable();
    Ok(Snapshot { version, organizations, ids, next: 0 })
}

/// A JSON column as its text (both backends keep JSON as text; PostgreSQL's `json` casts to it unchanged).
fn json_text(column: impl sea_orm::sea_query::IntoColumnRef) -> sea_orm::sea_query::FunctionCall {
    sea_orm::sea_query::Func::cast_as(Expr::col(column), "text")
}

impl Snapshot {
    /// How many services the read covers.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The next [`SNAPSHOT_PAGE`] services with their active places, in id order; `None` after the last. A
    /// service retired since the read began is left out.
    pub async fn next_page(&mut self, db: &impl ConnectionTrait) -> Result<Option<Vec<SnapshotService>>> {
        let Some(ids) = self.ids.get(self.next..).filter(|rest| !rest.is_empty()) else { return Ok(None) };
        let ids: Vec<Uuid> = ids.iter().take(SNAPSHOT_PAGE as usize).copied().collect();
        self.next += ids.len();
        let mut rows = dir_service::Entity::find()
            .filter(dir_service::Column::RetiredAt.is_null())
            .filter(dir_service::Column::Id.is_in(ids.iter().copied()))
            .select_only()
            .columns([
                dir_service::Column::Id,
                dir_service::Column::OrganizationId,
                dir_service::Column::Name,
                dir_service::Column::IsMeeting,
                dir_service::Column::TimeZone,
            ])
            .expr_as(json_text(dir_service::Column::Doc), "doc_text")
            .into_tuple::<(Uuid, Uuid, String, bool, Option<String>, String)>()
            .all(db)
            .await?;
        if rows.is_empty() {
            return Ok(Some(Vec::new()));
        }
        rows.sort_unstable_by_key(|r| r.0);
        let ids: Vec<Uuid> = rows.iter().map(|r| r.0).collect();
        let mut links: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for (s, l) in dir_service_at_location::Entity::find()
            .filter(dir_service_at_location::Column::ServiceId.is_in(ids))
            .select_only()
            .columns([dir_service_at_location::Column::ServiceId, dir_service_at_location::Column::LocationId])
            .into_tuple::<(Uuid, Uuid)>()
            .all(db)
            .await?
        {
            links.entry(s).or_default().push(l);
        }
        let mut location_ids: Vec<Uuid> = links.values().flatten().copied().collect();
        location_ids.sort_unstable();
        location_ids.dedup();
        let mut places: HashMap<Uuid, SnapshotPlace> = HashMap::with_capacity(location_ids.len());
        for chunk in location_ids.chunks(CHUNK * 4) {
            let found = dir_location::Entity::find()
                .filter(dir_location::Column::RetiredAt.is_null())
                .filter(dir_location::Column::Id.is_in(chunk.iter().copied()))
                .select_only()
                .columns([
                    dir_location::Column::Id,
                    dir_location::Column::Latitude,
                    dir_location::Column::Longitude,
                    dir_location::Column::Approximate,
                    dir_location::Column::PostalCode,
                ])
                .expr_as(json_text(dir_location::Column::Doc), "doc_text")
                .into_tuple::<(Uuid, Option<f64>, Option<f64>, bool, Option<String>, String)>()
                .all(db)
                .await?;
            for (id, latitude, longitude, approximate, postal_code, doc) in found {
                places.insert(id, SnapshotPlace { id, latitude, longitude, approximate, postal_code, doc });
            }
        }
        let page = rows
            .into_iter()
            .map(|(id, organization_id, name, is_meeting, time_zone, doc)| {
                let linked = links.get(&id).map(Vec::as_slice).unwrap_or_default();
                // A place can be shared by several services.
                let mut here: Vec<SnapshotPlace> = linked.iter().filter_map(|l| places.get(l).cloned()).collect();
                here.sort_by_key(|p| p.id);
                SnapshotService {
                    id,
                    organization: self.organizations.get(&organization_id).cloned().unwrap_or_default(),
                    name,
                    is_meeting,
                    time_zone,
                    doc,
                    linked: !linked.is_empty(),
                    places: here,
                }
            })
            .collect();
        Ok(Some(page))
    }
}

/// One active service with its organization and places (a listing's page).
pub async fn service(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<(dir_service::Model, Option<dir_organization::Model>, Vec<dir_location::Model>)>> {
    let Some(s) = dir_service::Entity::find_by_id(id).filter(dir_service::Column::RetiredAt.is_null()).one(db).await?
    else {
        return Ok(None);
    };
    let org = dir_organization::Entity::find_by_id(s.organization_id).one(db).await?;
    let ids: Vec<Uuid> = dir_service_at_location::Entity::find()
        .filter(dir_service_at_location::Column::ServiceId.eq(id))
        .select_only()
        .column(dir_service_at_location::Column::LocationId)
        .into_tuple::<Uuid>()
        .all(db)
        .await?;
    let places = if ids.is_empty() {
        Vec::new()
    } else {
        dir_location::Entity::find()
            .filter(dir_location::Column::Id.is_in(ids))
            .filter(dir_location::Column::RetiredAt.is_null())
            .all(db)
            .await?
    };
    Ok(Some((s, org, places)))
}
