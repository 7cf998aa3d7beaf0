//! The community directory kept by staff (directory editors and administrators): the list of listings, a listing
//! and its history, adding and editing a listing (each save a version, audited, the finder rebuilt), verifying,
//! retiring and restoring, and the corrections the public suggests (`/find/{id}/corrections`) and staff close —
//! the use cases the `/directory` and `/find` pages share.

use pathways_domain::access::may_edit_directory;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::directory::listing::{ListingEdit, RawListing};
use pathways_domain::ids::{CorrectionId, ServiceId};
use pathways_domain::text::FieldError;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::directory_edit::{self, Author, Filter, Row, Save};
use pathways_store::model::{DirCorrection, DirLocation, DirOrganization, DirService, DirServiceVersion};
use pathways_store::persons::Page;
use serde_json::{Value, json};

use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::extract::ListingAction;
use crate::finder::taxonomy;
use crate::state::AppState;

/// Only those who keep the directory change it (403 otherwise).
fn editor_only(caller: &Caller) -> WebResult<()> {
    if may_edit_directory(&caller.principal) { Ok(()) } else { Err(WebError::Forbidden) }
}

fn author(caller: &Caller) -> Author {
    Author { account: Some(caller.account.as_uuid()), name: caller.display_name.clone() }
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or_default().trim().to_owned()
}

/// One page of the staff list: listings matching a search, in one of the list's slices.
pub async fn listings(
    state: &AppState,
    search: &str,
    filter: Filter,
    page: u64,
    per_page: u64,
) -> WebResult<Page<Row>> {
    Ok(directory_edit::list(state.store.reader(), Some(search), filter, page, per_page).await?)
}

/// A stored listing: the service, its organization and places (retired or not).
pub struct Listing {
    pub service: DirService,
    pub organization: Option<DirOrganization>,
    pub places: Vec<DirLocation>,
}

/// A listing by its id (404 when there is none).
pub async fn listing(state: &AppState, id: ServiceId) -> WebResult<Listing> {
    let (service, organization, places) =
        directory_edit::find(state.store.reader(), id.as_uuid()).await?.ok_or(WebError::NotFound)?;
    Ok(Listing { service, organization, places })
}

/// A listing's history: every saved version, newest first, and its open corrections.
pub struct History {
    pub service: DirService,
    pub versions: Vec<DirServiceVersion>,
    pub corrections: Vec<DirCorrection>,
}

/// A listing's history (404 when there is none).
pub async fn history(state: &AppState, id: ServiceId) -> WebResult<History> {
    let db = state.store.reader();
    let (service, _, _) = directory_edit::find(db, id.as_uuid()).await?.ok_or(WebError::NotFound)?;
    let versions = directory_edit::versions(db, id.as_uuid()).await?;
    let corrections = directory_edit::open_corrections(db, 500)
        .await?
        .into_iter()
        .filter(|(c, _)| c.service_id == id.as_uuid())
        .map(|(c, _)| c)
        .collect();
    Ok(History { service, versions, corrections })
}

/// The corrections waiting for review, oldest first (at most 500), each with its listing's name.
pub async fn open_corrections(state: &AppState) -> WebResult<Vec<(DirCorrection, String)>> {
    Ok(directory_edit::open_corrections(state.store.reader(), 500).await?)
}

/// Parses the form against the shipped taxonomy.
/// A listing without a time zone is in `default_tz` (the deployment's).
pub fn parse(raw: &RawListing, default_tz: chrono_tz::Tz) -> Result<ListingEdit, Vec<FieldError>> {
    let tax = taxonomy();
    ListingEdit::parse(
        raw,
        default_tz,
        |c| tax.term(c).is_some(),
        |a| a.split_once(':').is_some_and(|(v, c)| tax.attribute(v, c).is_some()),
    )
}

/// The HSDS service object for a valid form, keeping whatever else the stored object had (fields this form
/// doesn't edit, meeting types, the Meeting Guide original).
pub fn service_doc(edit: &ListingEdit, previous: Option<&Value>) -> Value {
    let mut doc = previous.cloned().filter(Value::is_object).unwrap_or_else(|| json!({}));
    let online = edit.online_url.is_some();
    let attending = match (online, edit.postal_code.is_some() || edit.place.is_some()) {
        (true, true) => "hybrid",
        (true, false) => "online",
        _ => "in person",
    };
    let mut attributes: Vec<Value> = doc
        .get("attributes")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter(|x| text(x, "link_type") == "meeting_type").cloned().collect())
        .unwrap_or_default();
    let tax = taxonomy();
    for c in &edit.categories {
        let (name, description) = tax.term(c).map(|t| (t.en.clone(), t.description_en.clone())).unwrap_or_default();
        attributes.push(json!({"link_type": "category", "link_entity": "service", "value": c,
            "taxonomy_term": {"code": c, "name": name, "description": description, "taxonomy": tax.taxonomy.name}}));
    }
    for a in &edit.attributes {
        attributes.push(json!({"link_type": "attribute", "link_entity": "service", "value": a,
            "taxonomy_term": {"code": a, "name": a, "description": a, "taxonomy": tax.taxonomy.name}}));
    }
    let fields = [
        ("name", json!(edit.name)),
        ("status", json!("active")),
        ("description", json!(edit.description.clone().unwrap_or_default())),
        ("attributes", json!(attributes)),
        (
            "languages",
            json!(edit.languages.iter().map(|l| json!({"code": l, "name": language_name(l)})).collect::<Vec<_>>()),
        ),
        ("phones", json!(edit.phone.iter().map(|p| json!({"number": p, "type": "voice"})).collect::<Vec<_>>())),
        (
            "schedules",
            json!(
                edit.schedule
                    .iter()
                    .map(|s| json!({"freq": "WEEKLY", "wkst": "MO", "interval": 1, "byday": pathways_domain::directory::schedule::byday(s.day),
                    "opens_at": s.start.format("%H:%M").to_string(), "closes_at": s.end.format("%H:%M").to_string(),
                    "attending_type": attending}))
                    .collect::<Vec<_>>()
            ),
        ),
    ];
    if let Some(o) = doc.as_object_mut() {
        for (k, v) in fields {
            o.insert(k.to_owned(), v);
        }
        match edit.online_url.as_ref().or(edit.url.as_ref()) {
            Some(u) => {
                o.insert("url".into(), json!(u));
            }
            None => {
                o.remove("url");
            }
        }
    }
    doc
}

fn language_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "es" => "Spanish",
        other => other,
    }
}

/// The HSDS location for a valid form, placed at its ZIP code's centre when no coordinates were given.
pub fn place(edit: &ListingEdit) -> Option<pathways_store::directory_edit::Place> {
    let (lat, lon, approximate) = match (edit.place, edit.postal_code.as_deref()) {
        (Some(p), _) => (p.lat(), p.lon(), false),
        (None, Some(zip)) => {
            let (lat, lon, _) = pathways_store::import::zip_centre(zip)?;
            (lat, lon, true)
        }
        (None, None) => return None,
    };
    let address = json!({
        "address_1": edit.address.clone().unwrap_or_default(),
        "city": edit.city.clone().unwrap_or_default(),
        "state_province": edit.state.clone().unwrap_or_default(),
        "postal_code": edit.postal_code.clone().unwrap_or_default(),
        "country": "US",
        "address_type": "physical",
    });
    Some(pathways_store::directory_edit::Place {
        name: Some(edit.name.clone()),
        latitude: lat,
        longitude: lon,
        approximate,
        postal_code: edit.postal_code.clone(),
        doc: json!({"location_type": "physical", "name": edit.name, "latitude": lat, "longitude": lon, "addresses": [address]}),
    })
}

/// Saves a listing checked by [`parse`] as a new version of `previous` (or a new listing), keeping what the form
/// doesn't edit; audited in the same transaction, then the finder is rebuilt. The listing's id.
pub async fn save_listing(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    previous: Option<&Listing>,
    edit: &ListingEdit,
) -> WebResult<ServiceId> {
    editor_only(caller)?;
    let is_meeting = previous.is_some_and(|l| l.service.is_meeting)
        || edit.categories.iter().any(|c| taxonomy().lineage(c).iter().any(|l| l == "mutual-help"));
    let doc = service_doc(edit, previous.map(|l| &l.service.doc));
    let s = Save {
        name: edit.name.clone(),
        organization: edit.organization.clone(),
        doc,
        time_zone: edit.time_zone.name().to_owned(),
        is_meeting,
        place: place(edit),
    };
    let id = previous.map(|l| l.service.id);
    let tx = state.store.begin().await?;
    let saved = directory_edit::save(&tx, id, &s, &author(caller)).await?;
    audit::append(
        &tx,
        &ctx.actor(),
        AuditEntry::new(AuditAction::DirectoryChange, AuditOutcome::Success)
            .on("dir_service", saved)
            .detail(if id.is_some() { "update" } else { "create" }),
    )
    .await?;
    tx.commit().await?;
    let _ = state.finder.rebuild(&state.store).await;
    Ok(ServiceId::from_uuid(saved))
}

/// Confirms a listing is right today, takes it out of the finder, or puts it back; audited, and the finder is
/// rebuilt when what it shows changed.
pub async fn set_listing_state(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: ServiceId,
    action: ListingAction,
) -> WebResult<()> {
    editor_only(caller)?;
    let tx = state.store.begin().await?;
    let (done, detail) = match action {
        ListingAction::Verify => (directory_edit::verify(&tx, id.as_uuid(), crate::clock::today()).await?, "verify"),
        ListingAction::Retire => (directory_edit::set_retired(&tx, id.as_uuid(), true).await?, "retire"),
        ListingAction::Restore => (directory_edit::set_retired(&tx, id.as_uuid(), false).await?, "restore"),
    };
    if !done {
        return Err(WebError::NotFound);
    }
    audit::append(
        &tx,
        &ctx.actor(),
        AuditEntry::new(AuditAction::DirectoryChange, AuditOutcome::Success)
            .on("dir_service", id.as_uuid())
            .detail(detail),
    )
    .await?;
    tx.commit().await?;
    if action != ListingAction::Verify {
        let _ = state.finder.rebuild(&state.store).await;
    }
    Ok(())
}

/// How staff close a correction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CorrectionClose {
    /// The listing was fixed.
    Resolved,
    /// Nothing needed changing.
    Dismissed,
}

impl CorrectionClose {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "resolved" => Some(Self::Resolved),
            "dismissed" => Some(Self::Dismissed),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Resolved => "resolved",
            Self::Dismissed => "dismissed",
        }
    }
}

/// Closes a correction, audited in the same transaction.
pub async fn close_correction(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: CorrectionId,
    how: CorrectionClose,
) -> WebResult<()> {
    editor_only(caller)?;
    let status = how.as_str();
    let tx = state.store.begin().await?;
    if !directory_edit::close_correction(&tx, id.as_uuid(), status, caller.account.as_uuid()).await? {
        return Err(WebError::NotFound);
    }
    audit::append(
        &tx,
        &ctx.actor(),
        AuditEntry::new(AuditAction::DirectoryChange, AuditOutcome::Success)
            .on("dir_correction", id.as_uuid())
            .detail(status),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Anyone's word that a listing is wrong (already checked by `parse_correction`), waiting in the review queue.
pub async fn suggest_correction(
    state: &AppState,
    id: ServiceId,
    message: &str,
    contact: Option<&str>,
) -> WebResult<()> {
    let tx = state.store.begin().await?;
    if !directory_edit::add_correction(&tx, id.as_uuid(), message, contact).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}
