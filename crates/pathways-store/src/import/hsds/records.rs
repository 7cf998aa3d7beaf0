//! Each HSDS service as a [`SourceRecord`]: its organization, the service itself (every field it came with but its
//! `service_at_locations`, since the places are stored as locations), and its places.
//!
//! - A place's coordinates are checked (HSDS sets no bounds; the specification's own example has latitude 100):
//!   coordinates off the globe are a warning and left out, and a place without usable ones is put at its
//!   physical address's ZIP code centre, marked approximate, when that is a US ZIP code. The place's
//!   `postal_code` is its first physical address's (a postal address is where mail goes, not the place).
//! - The service's time zone is its first place's ZIP code's zone (HSDS has only a fixed UTC offset).
//! - Taxonomy terms whose code or name is a code of the Pathways recovery taxonomy (`Alcoholics Anonymous` →
//!   `alcoholics-anonymous`) add an attribute of link type `category` with that code, so the finder files the
//!   service under it; the source's own attributes stay.
//! - A service is a meeting only when it has a weekly schedule and a category in the mutual-help tree.

use std::collections::HashMap;

use pathways_domain::directory::geo::{GeoError, LatLon};
use pathways_domain::directory::web_address;
use pathways_domain::taxonomy::Taxonomy;
use serde_json::{Map, Value, json};

use super::super::{Rejected, Warning, zip_centre};
use super::Converted;
use super::graph::{Entry, Graph};
use crate::directory::{SourceDoc, SourceLocation, SourceRecord};

/// The top of the recovery taxonomy's tree of meetings.
const MUTUAL_HELP: &str = "mutual-help";

pub(super) fn records(graph: Graph, taxonomy: &Taxonomy) -> Converted {
    let Graph {
        organizations,
        services,
        locations,
        service_organization,
        links,
        terms,
        mut rejected,
        mut warnings,
        ..
    } = graph;
    // A place offered by several services is checked (and warned about) once.
    let mut places: HashMap<&str, (SourceLocation, Option<String>)> = HashMap::new();
    let mut zips = Zips::default();
    let mut records = Vec::new();
    for s in services.iter() {
        let Some(org) = service_organization.get(&s.id).and_then(|id| organizations.get(id)) else {
            let id = service_organization.get(&s.id).map(String::as_str).unwrap_or_default();
            rejected.push(Rejected {
                at: s.at.clone(),
                field: format!("{}organization_id", s.path),
                reason: format!("no organization with id {id} in the data"),
            });
            continue;
        };
        let mut located = Vec::new();
        let mut time_zone = None;
        for location_id in links.get(&s.id).into_iter().flatten() {
            let Some(l) = locations.get(location_id) else {
                warnings.push(Warning {
                    at: s.at.clone(),
                    field: format!("{}service_at_locations", s.path),
                    reason: format!("no location with id {location_id} in the data; this place is skipped"),
                });
                continue;
            };
            let (p, zone) = places.entry(location_id.as_str()).or_insert_with(|| place(l, &mut zips, &mut warnings));
            time_zone = time_zone.or_else(|| zone.clone());
            located.push(p.clone());
        }
        let mut doc = s.doc.clone();
        keep_web_addresses(&mut doc, &s.at, &s.path, &mut warnings);
        let categories = categorize(&mut doc, taxonomy, &terms);
        let weekly = doc.get("schedules").and_then(Value::as_array).into_iter().flatten().any(|sc| {
            text(sc, "freq").is_some_and(|f| f.eq_ignore_ascii_case("weekly")) && text(sc, "byday").is_some()
        });
        let mutual_help = categories.iter().any(|c| taxonomy.lineage(c).iter().any(|l| l == MUTUAL_HELP));
        let mut org_doc = org.doc.clone();
        org_doc.remove("services");
        keep_web_addresses(&mut org_doc, &org.at, &org.path, &mut warnings);
        records.push(SourceRecord {
            organization: SourceDoc { external_id: org.id.clone(), name: name(&org.doc), doc: Value::Object(org_doc) },
            service: SourceDoc { external_id: s.id.clone(), name: name(&s.doc), doc: Value::Object(doc) },
            is_meeting: weekly && mutual_help,
            time_zone,
            locations: located,
        });
    }
    Converted { records, rejected, warnings }
}

fn text(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The name the graph checked is there.
fn name(doc: &Map<String, Value>) -> String {
    doc.get("name").and_then(Value::as_str).unwrap_or_default().trim().to_owned()
}

fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// ZIP code centres met so far ([`zip_centre`] looks through every US ZIP code each time).
#[derive(Default)]
struct Zips(HashMap<String, Option<(f64, f64, String)>>);

impl Zips {
    fn centre(&mut self, zip: &str) -> Option<(f64, f64, String)> {
        self.0.entry(zip.to_owned()).or_insert_with(|| zip_centre(zip)).clone()
    }
}

/// A location as a place, with the time zone of its ZIP code.
fn place(l: &Entry, zips: &mut Zips, warnings: &mut Vec<Warning>) -> (SourceLocation, Option<String>) {
    let mut doc = l.doc.clone();
    let mut warn = |field: &str, reason: String| {
        warnings.push(Warning { at: l.at.clone(), field: format!("{}{field}", l.path), reason });
    };
    let given = (doc.get("latitude").filter(|v| !v.is_null()), doc.get("longitude").filter(|v| !v.is_null()));
    let coordinates = match (number(given.0), number(given.1)) {
        (Some(lat), Some(lon)) => match LatLon::new(lat, lon) {
            Ok(p) => Some(p),
            Err(e) => {
                let field = if matches!(e, GeoError::LongitudeOutOfRange(_)) { "longitude" } else { "latitude" };
                warn(field, format!("{e}; the place is kept without coordinates"));
                None
            }
        },
        (None, None) if given.0.is_none() && given.1.is_none() => None,
        _ => {
            warn(
                "latitude",
                "latitude and longitude are not both numbers; the place is kept without coordinates".into(),
            );
            None
        }
    };
    if coordinates.is_none() {
        doc.remove("latitude");
        doc.remove("longitude");
    }
    keep_web_addresses(&mut doc, &l.at, &l.path, warnings);
    let value = Value::Object(doc);
    let address = value
        .get("addresses")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        // HSDS requires the type; a source that leaves it out most likely means where the place is.
        .find(|a| text(a, "address_type").is_none_or(|t| t.eq_ignore_ascii_case("physical")));
    let postal_code = address.and_then(|a| text(a, "postal_code"));
    let in_us = address
        .and_then(|a| text(a, "country"))
        .is_none_or(|c| ["US", "USA"].contains(&c.to_ascii_uppercase().as_str()));
    let centre = postal_code.as_deref().filter(|_| in_us).and_then(|z| zips.centre(z));
    let (latitude, longitude, approximate) = match (coordinates, &centre) {
        (Some(p), _) => (Some(p.lat()), Some(p.lon()), false),
        (None, Some((lat, lon, _))) => (Some(*lat), Some(*lon), true),
        (None, None) => (None, None, false),
    };
    let location = SourceLocation {
        external_id: l.id.clone(),
        name: text(&value, "name"),
        latitude,
        longitude,
        approximate,
        postal_code,
        doc: value,
    };
    (location, centre.map(|(_, _, zone)| zone))
}

/// The HSDS 3.0 fields that hold a link a page may show (`service.url`, `organization.website`, `location.url`,
/// `accessibility.url`, `schedule.schedule_link`), at any depth of a document.
const LINK_FIELDS: [&str; 3] = ["url", "website", "schedule_link"];

/// Leaves out every link field that is not an `http(s)://` address with a host (issue 23: a `javascript:` link is
/// never stored), with a warning naming the record and the field; the rest of the record is kept.
fn keep_web_addresses(doc: &mut Map<String, Value>, at: &str, path: &str, warnings: &mut Vec<Warning>) {
    for key in LINK_FIELDS {
        let bad = match doc.get(key) {
            Some(Value::String(s)) => !s.trim().is_empty() && web_address(s).is_none(),
            Some(Value::Null) | None => false,
            Some(_) => true,
        };
        if bad && let Some(v) = doc.remove(key) {
            warnings.push(Warning {
                at: at.to_owned(),
                field: format!("{path}{key}"),
                reason: format!("must be a web address starting with https://; got {v}; it is left out"),
            });
        }
    }
    for (key, value) in doc.iter_mut() {
        match value {
            Value::Object(inner) => keep_web_addresses(inner, at, &format!("{path}{key}."), warnings),
            Value::Array(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    if let Value::Object(inner) = item {
                        keep_web_addresses(inner, at, &format!("{path}{key}[{i}]."), warnings);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Lower case words joined by hyphens: the shape of a recovery taxonomy code.
fn kebab(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-").to_lowercase()
}

/// Adds a `category` attribute for each taxonomy term that names a recovery taxonomy code; returns every category
/// the service has (the source's own `category` attributes too).
fn categorize(
    doc: &mut Map<String, Value>,
    taxonomy: &Taxonomy,
    terms: &HashMap<String, Map<String, Value>>,
) -> Vec<String> {
    let attributes: Vec<Value> = doc.get("attributes").and_then(Value::as_array).cloned().unwrap_or_default();
    let mut have = Vec::new();
    let mut found = Vec::new();
    for a in &attributes {
        let term = match a.get("taxonomy_term") {
            Some(t @ Value::Object(_)) => Some(t.clone()),
            _ => text(a, "taxonomy_term_id")
                .and_then(|id| terms.get(&id.to_ascii_lowercase()))
                .cloned()
                .map(Value::Object),
        };
        let term = term.unwrap_or(Value::Null);
        if text(a, "link_type").as_deref() == Some("category") {
            if let Some(code) = text(&term, "code").or_else(|| text(a, "value")) {
                have.push(code);
            }
            continue;
        }
        for given in [text(&term, "code"), text(&term, "name")].into_iter().flatten() {
            let code = kebab(&given);
            if taxonomy.term(&code).is_some() && !found.contains(&code) {
                found.push(code);
            }
        }
    }
    let mut added = Vec::new();
    for code in found {
        if have.contains(&code) {
            continue;
        }
        if let Some(t) = taxonomy.term(&code) {
            added.push(json!({
                "link_type": "category",
                "link_entity": "service",
                "value": code,
                "taxonomy_term": {
                    "code": code,
                    "name": t.en,
                    "description": if t.description_en.is_empty() { &t.en } else { &t.description_en },
                    "taxonomy": taxonomy.taxonomy.name,
                },
            }));
        }
        have.push(code);
    }
    if !added.is_empty() {
        let mut all = attributes;
        all.extend(added);
        doc.insert("attributes".into(), Value::Array(all));
    }
    have
}
