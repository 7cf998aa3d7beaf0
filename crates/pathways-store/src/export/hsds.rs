//! Clean HSDS 3.0 objects from the directory's rows, for `pathways export hsds` and the HSDS API (`/api/hsds/…`).
//!
//! A row's document is cleaned by [`super::clean`] (only HSDS keys, no nulls or empty values, every nested object
//! with a stable id), then the columns are laid over it, since they are what the directory serves: the row's id and
//! organization, its name, a place's coordinates. What HSDS has no field for is left out (the IANA time zone: a
//! schedule gets `timezone`, the zone's standard UTC offset in hours, and its times stay on the local wall clock).
//!
//! A service's `service_at_locations` come from the directory's links, each with its full `location`; a full service
//! (`GET /api/hsds/services/{id}`) also has its full `organization`. A list shows only the one-to-one fields.

use chrono::{NaiveDate, TimeZone, Utc};
use chrono_tz::{OffsetComponents, Tz};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::clean::{Hooks, Kind, clean, scalars, text};
use super::vocabulary::Vocabularies;
use crate::entities::{dir_location, dir_organization, dir_service, dir_service_at_location};

/// A place a service is offered at: the link and the place.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    pub link: &'a dir_service_at_location::Model,
    pub location: &'a dir_location::Model,
}

/// Finishes attributes (their full taxonomy term, what they link) and schedules (their UTC offset).
struct Finish<'a> {
    vocabularies: &'a Vocabularies<'a>,
    utc_offset: Option<Value>,
}

impl Hooks for Finish<'_> {
    fn finish(&self, kind: Kind, given: &Map<String, Value>, o: &mut Map<String, Value>, parent: Option<(Kind, Uuid)>) {
        match kind {
            Kind::Attribute => {
                // What it describes is where it sits.
                if let Some((parent_kind, parent_id)) = parent {
                    o.insert("link_id".into(), json!(parent_id));
                    if let Some(entity) = entity_name(parent_kind) {
                        o.insert("link_entity".into(), json!(entity));
                    }
                }
                let link_type = o.get("link_type").and_then(text).unwrap_or_default();
                let given_term = given.get("taxonomy_term").and_then(Value::as_object);
                let code = given_term.and_then(|t| t.get("code")).or_else(|| given.get("value")).and_then(text);
                let term = match code {
                    Some(code) => self.vocabularies.term(&link_type, &code, given_term),
                    None => None,
                };
                let term = term.or_else(|| {
                    // A vocabulary of someone else's: the document's term, with an id that follows its code.
                    let mut t = o.get("taxonomy_term")?.clone();
                    if let Some(id) = given_term.and_then(|g| Vocabularies::other_term_id(g, &link_type)) {
                        t["id"] = json!(id);
                    }
                    Some(t)
                });
                if let Some(term) = term {
                    o.insert("taxonomy_term_id".into(), term["id"].clone());
                    o.insert("taxonomy_term".into(), term);
                }
            }
            // The finder reads the times in the service's zone, so the offset says the same.
            Kind::Schedule => {
                if let Some(offset) = &self.utc_offset {
                    o.insert("timezone".into(), offset.clone());
                }
            }
            _ => {}
        }
    }
}

/// What HSDS calls the table an attribute's `link_id` points into.
fn entity_name(kind: Kind) -> Option<&'static str> {
    Some(match kind {
        Kind::Organization => "organization",
        Kind::Service => "service",
        Kind::Location => "location",
        Kind::ServiceAtLocation => "service_at_location",
        Kind::Phone => "phone",
        Kind::Schedule => "schedule",
        Kind::Contact => "contact",
        Kind::Address => "address",
        Kind::Language => "language",
        Kind::Program => "program",
        _ => return None,
    })
}

/// The standard (not daylight-saving) UTC offset of an IANA zone, in hours: HSDS's `schedule.timezone`.
pub fn standard_utc_offset(zone: &str) -> Option<Value> {
    let tz: Tz = zone.parse().ok()?;
    let seconds = tz.offset_from_utc_datetime(&Utc::now().naive_utc()).base_utc_offset().num_seconds();
    Some(if seconds % 3600 == 0 { json!(seconds / 3600) } else { json!(seconds as f64 / 3600.0) })
}

fn object(doc: &Value) -> Map<String, Value> {
    doc.as_object().cloned().unwrap_or_default()
}

fn cleaned(kind: Kind, doc: Map<String, Value>, id: Uuid, hooks: &Finish<'_>) -> Map<String, Value> {
    let slot = format!("{kind:?}");
    match clean(kind, &Value::Object(doc), id, &slot, hooks) {
        Some(Value::Object(o)) => o,
        // Only objects that lack what can't be filled are dropped, and the callers fill those in.
        _ => Map::from_iter([("id".to_owned(), json!(id))]),
    }
}

/// An organization with what its document nests (phones, contacts, …), without its services.
pub fn organization(row: &dir_organization::Model, v: &Vocabularies<'_>) -> Value {
    let mut doc = object(&row.doc);
    doc.insert("id".into(), json!(row.id));
    doc.insert("name".into(), json!(row.name));
    Value::Object(cleaned(Kind::Organization, doc, row.id, &Finish { vocabularies: v, utc_offset: None }))
}

/// A place with its addresses.
pub fn location(row: &dir_location::Model, v: &Vocabularies<'_>) -> Value {
    let mut doc = object(&row.doc);
    doc.insert("id".into(), json!(row.id));
    match row.organization_id {
        Some(org) => doc.insert("organization_id".into(), json!(org)),
        None => doc.remove("organization_id"),
    };
    if let Some(name) = row.name.as_deref().filter(|n| !n.trim().is_empty()) {
        doc.insert("name".into(), json!(name));
    }
    if let (Some(lat), Some(lon)) = (row.latitude, row.longitude) {
        doc.insert("latitude".into(), json!(lat));
        doc.insert("longitude".into(), json!(lon));
    }
    let mut out = cleaned(Kind::Location, doc, row.id, &Finish { vocabularies: v, utc_offset: None });
    if let Some(Value::Array(addresses)) = out.get_mut("addresses") {
        for address in addresses.iter_mut() {
            complete_from_zip(address, row.postal_code.as_deref());
        }
        // An address with no street, town or ZIP code (a source gave only coordinates) says nothing.
        addresses.retain(|a| ["address_1", "city", "postal_code"].iter().any(|k| a.get(*k).and_then(text).is_some()));
        if addresses.is_empty() {
            out.remove("addresses");
        }
    }
    Value::Object(out)
}

/// HSDS requires an address's town, state and ZIP code; a source that gave one line (`formatted_address`) leaves
/// them empty, and the ZIP code (the address's, else the place's) tells the town and state.
fn complete_from_zip(address: &mut Value, place_zip: Option<&str>) {
    let blank = |a: &Value, key: &str| a.get(key).and_then(text).is_none();
    if blank(address, "postal_code")
        && let Some(zip) = place_zip.filter(|z| !z.trim().is_empty())
    {
        address["postal_code"] = json!(zip.trim());
    }
    if !blank(address, "city") && !blank(address, "state_province") {
        return;
    }
    let Some(z) = crate::import::zip_code(address["postal_code"].as_str().unwrap_or_default()) else { return };
    if blank(address, "city") {
        address["city"] = json!(z.city);
    }
    if blank(address, "state_province") {
        address["state_province"] = json!(z.state);
    }
}

/// The unit bed counts are in (a fixed id, so the same unit every export).
const BED_UNIT_ID: &str = "6a2f8d0e-4b1c-4e7a-9d3f-0c5b8e1a2f64";

/// A service's treatment-program bed counts as HSDS 3.1 `service_capacity` objects: what a caller can
/// be offered now (none while there is a waitlist, never a held bed) of the licensed beds, and when it was
/// counted.
pub fn capacities(service_id: Uuid, programs: &[crate::entities::treatment_program::Model]) -> Vec<Value> {
    programs
        .iter()
        .map(|p| {
            let count = |n: i32| u32::try_from(n).unwrap_or(0);
            let counts = pathways_domain::access_line::BedCount {
                licensed: count(p.licensed_beds),
                open: count(p.open_beds),
                waitlist: count(p.waitlist),
            };
            json!({
                "id": p.id,
                "service_id": service_id,
                "unit": {"id": BED_UNIT_ID, "name": "bed", "scheme": "pathways", "identifier": "bed"},
                "available": counts.available(count(p.held)),
                "maximum": counts.licensed,
                "description": format!("{} (level of care {}); waitlist {}", p.name, p.level, counts.waitlist),
                "updated": p.updated_at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
            })
        })
        .collect()
}

/// A recovery residence's beds as an HSDS 3.1 `service_capacity` (issue 19): the beds a person can be offered now
/// (reported less live holds) of its total, when it last reported, and what a person choosing a house needs —
/// its NARR level (the kind of support, not a ranking), who it serves, whether people on medication for opioid use
/// disorder are welcome, the weekly cost and the certificate. `None` while the certificate is not valid on
/// `today`: as on the public board, an uncertified house is not offered.
pub fn residence_capacity(service_id: Uuid, r: &crate::entities::residence::Model, today: NaiveDate) -> Option<Value> {
    use pathways_domain::housing::{NarrLevel, Population};
    let cert = listed_certificate(r, today)?;
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    let level = NarrLevel::parse(&r.level).map_or_else(
        || r.level.clone(),
        |l| {
            let kind = match l {
                NarrLevel::PeerRun => "peer-run",
                NarrLevel::Monitored => "monitored",
                NarrLevel::Supervised => "supervised",
                NarrLevel::ServiceProvider => "service provider",
            };
            format!("NARR level {} ({kind})", l.code())
        },
    );
    let serves: Vec<&str> = Population::parse_list(&r.populations)
        .into_iter()
        .map(|p| match p {
            Population::Men => "men",
            Population::Women => "women",
            Population::WomenWithChildren => "women with children",
            Population::Lgbtq => "LGBTQ+ people",
            Population::YoungAdults => "young adults",
        })
        .collect();
    let mut description = format!("Recovery residence {}: {level}", r.name);
    if !serves.is_empty() {
        description.push_str(&format!("; serves {}", serves.join(", ")));
    }
    description.push_str(if r.accepts_moud {
        "; welcomes residents on medication for opioid use disorder"
    } else {
        "; does not accept residents on medication for opioid use disorder"
    });
    if let Some(cost) = r.cost_per_week {
        description.push_str(&format!("; ${cost} a week"));
    }
    description.push_str(&format!("; certified by {} (no. {}) until {}", cert.body, cert.number, cert.expires_on));
    let updated = r.reported_at.unwrap_or(r.updated_at);
    Some(json!({
        "id": r.id,
        "service_id": service_id,
        "unit": {"id": BED_UNIT_ID, "name": "bed", "scheme": "pathways", "identifier": "bed"},
        "available": count(r.available_beds).saturating_sub(count(r.held)),
        "maximum": count(r.total_beds),
        "description": description,
        "updated": updated.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
    }))
}

/// A residence's certificate while it is valid on `today` (the deployment's date); `None` when it has none or it
/// lapsed: as on the public board, such a house is not offered.
fn listed_certificate(
    r: &crate::entities::residence::Model,
    today: NaiveDate,
) -> Option<pathways_domain::housing::Certification> {
    use pathways_domain::housing::Certification;
    let cert = match (&r.cert_body, &r.cert_number, r.cert_expires_on) {
        (Some(body), Some(number), Some(expires_on)) => {
            Some(Certification { body: body.clone(), number: number.clone(), expires_on })
        }
        _ => None,
    };
    Certification::status(cert.as_ref(), today).listed().then_some(cert).flatten()
}

/// A recovery residence's facts as HSDS 3.0 `attribute`s of the service it is listed as (issue 19), each with its
/// full term of "Pathways recovery residence facts" ([`Vocabularies::term`], link type
/// [`RESIDENCE_LINK`](super::vocabulary::RESIDENCE_LINK)): its NARR level (value: NARR's numeral; a kind of support,
/// not a ranking), who it serves, whether residents on MOUD are welcome, and its certificate (body, number, last
/// valid day, as values). None while the certificate is not valid on `today`, as on the public board. Each
/// attribute's id follows the residence and the term, so an export is the same twice.
pub fn residence_attributes(
    service_id: Uuid,
    r: &crate::entities::residence::Model,
    today: NaiveDate,
    v: &Vocabularies<'_>,
) -> Vec<Value> {
    use super::vocabulary::RESIDENCE_LINK;
    use pathways_domain::housing::{NarrLevel, Population};
    let Some(cert) = listed_certificate(r, today) else { return Vec::new() };
    let mut facts: Vec<(String, Option<String>)> = Vec::new();
    if let Some(level) = NarrLevel::parse(&r.level) {
        facts.push((format!("narr-level:{}", level.code()), Some(level.code().to_owned())));
    }
    facts.extend(Population::parse_list(&r.populations).into_iter().map(|p| (format!("serves:{}", p.code()), None)));
    let moud = if r.accepts_moud { "moud:welcome" } else { "moud:not-accepted" };
    facts.push((moud.to_owned(), None));
    facts.push(("certification:body".to_owned(), Some(cert.body)));
    facts.push(("certification:number".to_owned(), Some(cert.number)));
    facts.push(("certification:valid-through".to_owned(), Some(cert.expires_on.format("%Y-%m-%d").to_string())));
    facts
        .into_iter()
        .filter_map(|(code, value)| {
            let term = v.term(RESIDENCE_LINK, &code, None)?;
            let mut a = json!({
                "id": Uuid::new_v5(&r.id, code.as_bytes()),
                "link_id": service_id,
                "link_type": RESIDENCE_LINK,
                "link_entity": "service",
                "taxonomy_term_id": term["id"],
                "taxonomy_term": term,
            });
            if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
                a["value"] = json!(value);
            }
            Some(a)
        })
        .collect()
}

/// A service with everything it nests and its places (each with its full location), without its organization.
pub fn service(row: &dir_service::Model, places: &[Place<'_>], v: &Vocabularies<'_>) -> Value {
    let mut doc = object(&row.doc);
    for key in ["organization", "service_at_locations"] {
        doc.remove(key);
    }
    doc.insert("id".into(), json!(row.id));
    doc.insert("organization_id".into(), json!(row.organization_id));
    doc.insert("name".into(), json!(row.name));
    doc.insert("last_modified".into(), json!(row.updated_at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()));
    if let Some(on) = row.last_verified_on {
        doc.insert("assured_date".into(), json!(on.format("%Y-%m-%d").to_string()));
    }
    let utc_offset = row.time_zone.as_deref().and_then(standard_utc_offset);
    let hooks = Finish { vocabularies: v, utc_offset };
    let mut out = cleaned(Kind::Service, doc, row.id, &hooks);
    let links: Vec<Value> = places
        .iter()
        .map(|p| {
            let mut link = object(&p.link.doc);
            link.insert("id".into(), json!(p.link.id));
            link.insert("service_id".into(), json!(row.id));
            link.insert("location_id".into(), json!(p.location.id));
            let mut link = cleaned(Kind::ServiceAtLocation, link, p.link.id, &hooks);
            link.insert("location".into(), location(p.location, v));
            Value::Object(link)
        })
        .collect();
    if !links.is_empty() {
        out.insert("service_at_locations".into(), Value::Array(links));
    }
    Value::Object(out)
}

/// A service as `GET /api/hsds/services/{id}` shows it: everything, its full organization included.
pub fn full_service(
    row: &dir_service::Model,
    org: Option<&dir_organization::Model>,
    places: &[Place<'_>],
    v: &Vocabularies<'_>,
) -> Value {
    let mut s = service(row, places, v);
    if let Some(org) = org {
        s["organization"] = organization(org, v);
    }
    s
}

/// A service in a list: its one-to-one fields and its organization's.
pub fn service_summary(row: &dir_service::Model, org: Option<&dir_organization::Model>, v: &Vocabularies<'_>) -> Value {
    let mut s = scalars(&service(row, &[], v));
    if let Some(org) = org {
        s["organization"] = organization_summary(org, v);
    }
    s
}

/// An organization in a list: its one-to-one fields.
pub fn organization_summary(row: &dir_organization::Model, v: &Vocabularies<'_>) -> Value {
    scalars(&organization(row, v))
}

#[cfg(test)]
mod tests;
