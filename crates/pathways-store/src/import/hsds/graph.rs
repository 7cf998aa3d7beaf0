//! The HSDS objects of one import, keyed by id. HSDS repeats a record wherever it belongs (the same phone under
//! an organization, a location, a contact and a service; the same service in a full service, its organization's
//! `services` and a service at location), so each is merged into what was met before: keys it lacked are added,
//! lists of objects are joined by `id`, and where both give a value the first met (in file order) stays.
//!
//! Services, organizations and places must have an id that is a UUID (they are keyed by it) and services and
//! organizations a name; a record without is rejected here, with the path of the field inside its record.

use std::collections::HashMap;

use serde_json::{Map, Value};
use uuid::Uuid;

use super::super::{Rejected, Warning};

/// A merged object and where it was first met (its record, and the path inside it: `service_at_locations[0].`).
#[derive(Debug)]
pub(super) struct Entry {
    pub id: String,
    pub doc: Map<String, Value>,
    pub at: String,
    pub path: String,
}

/// Objects by id, in the order first met.
#[derive(Debug, Default)]
pub(super) struct Keyed {
    entries: Vec<Entry>,
    index: HashMap<String, usize>,
}

impl Keyed {
    fn merge(&mut self, id: &str, doc: Map<String, Value>, at: &str, path: &str) {
        match self.index.get(id) {
            Some(&i) => merge_maps(&mut self.entries[i].doc, doc),
            None => {
                self.index.insert(id.to_owned(), self.entries.len());
                self.entries.push(Entry { id: id.to_owned(), doc, at: at.to_owned(), path: path.to_owned() });
            }
        }
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index.get(id).map(|&i| &self.entries[i])
    }

    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter()
    }
}

/// Adds what `from` has and `into` lacks (see the module's doc).
pub(super) fn merge_maps(into: &mut Map<String, Value>, from: Map<String, Value>) {
    for (k, v) in from {
        match into.get_mut(&k) {
            Some(have) => merge_values(have, v),
            None => {
                into.insert(k, v);
            }
        }
    }
}

fn merge_values(into: &mut Value, from: Value) {
    match (into, from) {
        (Value::Object(a), Value::Object(b)) => merge_maps(a, b),
        (Value::Array(a), Value::Array(b)) => {
            if a.is_empty() {
                *a = b;
                return;
            }
            for item in b {
                let Some(id) = item.get("id").and_then(Value::as_str).map(str::to_owned) else { continue };
                match a.iter_mut().find(|x| x.get("id").and_then(Value::as_str) == Some(id.as_str())) {
                    Some(have) => merge_values(have, item),
                    None => a.push(item),
                }
            }
        }
        (have, from) if have.is_null() => *have = from,
        _ => {}
    }
}

/// A place a service is offered at: the location's id, and the location when the link nests it.
struct Place {
    location_id: String,
    location: Option<Map<String, Value>>,
}

/// Which HSDS object a top-level JSON object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Service,
    Organization,
    Location,
    ServiceAtLocation,
    TaxonomyTerm,
    /// The API's other answers (`base.json`, a taxonomy): nothing for the directory.
    Passed,
    Unknown,
}

/// Keys only a service has.
const SERVICE_KEYS: &[&str] = &[
    "status",
    "service_at_locations",
    "program_id",
    "interpretation_services",
    "application_process",
    "fees_description",
    "eligibility_description",
    "wait_time",
    "accreditations",
    "licenses",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "assurer_email",
    "service_areas",
    "cost_options",
    "required_documents",
];

/// Keys only an organization has.
const ORGANIZATION_KEYS: &[&str] = &[
    "services",
    "website",
    "tax_status",
    "tax_id",
    "year_incorporated",
    "legal_status",
    "logo",
    "parent_organization_id",
    "organization_identifiers",
    "programs",
    "locations",
];

fn classify(o: &Map<String, Value>, file: &str) -> Kind {
    let has = |keys: &[&str]| keys.iter().any(|k| o.contains_key(*k));
    if o.contains_key("location_type") {
        Kind::Location
    } else if o.get("service").is_some_and(Value::is_object)
        || (o.get("location").is_some_and(Value::is_object) && !o.contains_key("name"))
    {
        Kind::ServiceAtLocation
    } else if has(SERVICE_KEYS) || o.get("organization").is_some_and(Value::is_object) {
        Kind::Service
    } else if has(ORGANIZATION_KEYS) {
        Kind::Organization
    } else if has(&["code", "taxonomy_detail", "taxonomy_id", "term_uri", "parent_id"]) {
        Kind::TaxonomyTerm
    } else if has(&["openapi_url", "version"]) {
        Kind::Passed
    } else {
        // An object with too little to tell (`{"id": …, "name": …}`): the file's name says what it lists.
        let stem = file.to_ascii_lowercase();
        if stem.starts_with("service_at_location") {
            Kind::ServiceAtLocation
        } else if stem.starts_with("service") {
            Kind::Service
        } else if stem.starts_with("organization") {
            Kind::Organization
        } else if stem.starts_with("location") {
            Kind::Location
        } else if stem.starts_with("taxonomy_term") {
            Kind::TaxonomyTerm
        } else if stem.starts_with("taxonom") {
            Kind::Passed
        } else {
            Kind::Unknown
        }
    }
}

fn reject(at: &str, path: &str, field: &str, reason: impl Into<String>) -> Rejected {
    Rejected { at: at.to_owned(), field: format!("{path}{field}"), reason: reason.into() }
}

/// A key's UUID, written the one way (lowercase, hyphenated): `Ok(None)` when the key is absent.
fn uuid_at(o: &Map<String, Value>, key: &str, at: &str, path: &str) -> Result<Option<String>, Rejected> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => match Uuid::try_parse(s.trim()) {
            Ok(u) if s.trim().len() == 36 => Ok(Some(u.to_string())),
            _ => Err(reject(at, path, key, format!("not a UUID: {s:?}"))),
        },
        Some(other) => Err(reject(at, path, key, format!("not a UUID: {other}"))),
    }
}

fn required_id(o: &Map<String, Value>, at: &str, path: &str, what: &str) -> Result<String, Rejected> {
    uuid_at(o, "id", at, path)?.ok_or_else(|| reject(at, path, "id", format!("missing: every {what} needs an id")))
}

fn required_name(o: &Map<String, Value>, at: &str, path: &str, what: &str) -> Result<(), Rejected> {
    match o.get("name") {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(()),
        Some(Value::String(_)) | None | Some(Value::Null) => {
            Err(reject(at, path, "name", format!("missing: every {what} needs a name")))
        }
        Some(other) => Err(reject(at, path, "name", format!("not text: {other}"))),
    }
}

/// Everything met in the input, merged by id, and what was rejected or odd on the way.
#[derive(Debug, Default)]
pub(super) struct Graph {
    pub organizations: Keyed,
    pub services: Keyed,
    pub locations: Keyed,
    /// Service id → its organization's id (the first one named).
    pub service_organization: HashMap<String, String>,
    /// Service id → the ids of the places it is offered at, in the order met.
    pub links: HashMap<String, Vec<String>>,
    /// Taxonomy terms by id, for attributes that give only `taxonomy_term_id`.
    pub terms: HashMap<String, Map<String, Value>>,
    /// Services at locations that name their service by id, linked once everything is read.
    pending: Vec<(Map<String, Value>, String, String)>,
    pub rejected: Vec<Rejected>,
    pub warnings: Vec<Warning>,
}

impl Graph {
    pub fn warn(&mut self, at: &str, field: impl Into<String>, reason: impl Into<String>) {
        self.warnings.push(Warning { at: at.to_owned(), field: field.into(), reason: reason.into() });
    }

    /// A whole JSON file: one object, an array of them, an API page, or a tabular package as JSON.
    pub fn json_file(&mut self, file: &str, value: Value) {
        let items = match value {
            Value::Array(items) => items,
            Value::Object(mut o) => match o.remove("contents") {
                Some(Value::Array(items)) => items,
                Some(other) => {
                    o.insert("contents".into(), other);
                    vec![Value::Object(o)]
                }
                None if !o.is_empty() && o.keys().all(|k| k.to_ascii_lowercase().ends_with(".csv")) => {
                    super::tabular::Tables::from_json(file, o, self).join(self);
                    return;
                }
                None => vec![Value::Object(o)],
            },
            other => vec![other],
        };
        for (i, item) in items.into_iter().enumerate() {
            self.json_item(file, &format!("{file} record {i}"), item);
        }
    }

    fn json_item(&mut self, file: &str, at: &str, item: Value) {
        let Value::Object(o) = item else {
            self.rejected.push(reject(at, "", "record", "not a JSON object"));
            return;
        };
        let taken = match classify(&o, file) {
            Kind::Service => self.service(&o, at, "", None).map(drop),
            Kind::Organization => self.organization(&o, at, ""),
            Kind::Location => self.location(&o, at, ""),
            Kind::ServiceAtLocation => self.service_at_location(o, at, ""),
            Kind::TaxonomyTerm => {
                self.term(o);
                Ok(())
            }
            Kind::Passed => Ok(()),
            Kind::Unknown => {
                self.warn(at, "record", "not an HSDS service, organization, location or service at location; skipped");
                Ok(())
            }
        };
        if let Err(r) = taken {
            self.rejected.push(r);
        }
    }

    pub fn term(&mut self, o: Map<String, Value>) {
        if let Some(Ok(Some(id))) = o.contains_key("id").then(|| uuid_at(&o, "id", "", "")) {
            self.terms.entry(id).or_insert(o);
        }
    }

    /// An organization, with the services and places it nests.
    pub fn organization(&mut self, o: &Map<String, Value>, at: &str, path: &str) -> Result<(), Rejected> {
        let id = required_id(o, at, path, "organization")?;
        required_name(o, at, path, "organization")?;
        let mut doc = o.clone();
        let services = doc.remove("services");
        self.organizations.merge(&id, doc, at, path);
        for (j, l) in o.get("locations").and_then(Value::as_array).into_iter().flatten().enumerate() {
            let p = format!("{path}locations[{j}].");
            match l.as_object().map(|l| (l, required_id(l, at, &p, "location"))) {
                Some((l, Ok(lid))) => self.locations.merge(&lid, l.clone(), at, &p),
                Some((_, Err(r))) => self.warn(at, r.field, format!("{}; this place is skipped", r.reason)),
                None => self.warn(at, p, "not an object; skipped"),
            }
        }
        for (j, s) in services.as_ref().and_then(Value::as_array).into_iter().flatten().enumerate() {
            let p = format!("{path}services[{j}].");
            let taken = match s.as_object() {
                Some(s) => self.service(s, at, &p, Some(&id)).map(drop),
                None => Err(reject(at, &p, "", "not an object")),
            };
            if let Err(r) = taken {
                self.rejected.push(r);
            }
        }
        Ok(())
    }

    /// A location on its own (its services name it by id, or nest it too).
    pub fn location(&mut self, o: &Map<String, Value>, at: &str, path: &str) -> Result<(), Rejected> {
        let id = required_id(o, at, path, "location")?;
        self.locations.merge(&id, o.clone(), at, path);
        Ok(())
    }

    /// A service with its organization and places; returns its id. Nothing of it is kept when it is rejected.
    pub fn service(
        &mut self,
        o: &Map<String, Value>,
        at: &str,
        path: &str,
        organization_hint: Option<&str>,
    ) -> Result<String, Rejected> {
        let id = required_id(o, at, path, "service")?;
        required_name(o, at, path, "service")?;
        let nested = match o.get("organization") {
            Some(Value::Object(org)) => Some(org),
            None | Some(Value::Null) => None,
            Some(other) => return Err(reject(at, path, "organization", format!("not an object: {other}"))),
        };
        let named = uuid_at(o, "organization_id", at, path)?;
        let organization = match nested {
            Some(org) => {
                let p = format!("{path}organization.");
                let nested_id = uuid_at(org, "id", at, &p)?;
                let org_id = nested_id
                    .or_else(|| named.clone())
                    .ok_or_else(|| reject(at, &p, "id", "missing: every organization needs an id".to_owned()))?;
                required_name(org, at, &p, "organization")?;
                let mut doc = org.clone();
                doc.remove("services");
                doc.insert("id".into(), Value::String(org_id.clone()));
                Some((org_id, doc, p))
            }
            None => None,
        };
        let organization_id = named
            .or_else(|| organization.as_ref().map(|(oid, _, _)| oid.clone()))
            .or_else(|| organization_hint.map(str::to_owned))
            .ok_or_else(|| reject(at, path, "organization_id", "missing: the service names no organization"))?;

        let mut places = Vec::new();
        let mut warnings = Vec::new();
        for (j, link) in o.get("service_at_locations").and_then(Value::as_array).into_iter().flatten().enumerate() {
            let p = format!("{path}service_at_locations[{j}].");
            let Some(link) = link.as_object() else {
                return Err(reject(at, &p, "", "not an object"));
            };
            match place(link, at, &p)? {
                Some(place) => places.push(place),
                None => warnings.push(Warning {
                    at: at.to_owned(),
                    field: format!("{p}location_id"),
                    reason: "names no location; this link is skipped".into(),
                }),
            }
        }

        if let Some((oid, doc, p)) = organization {
            self.organizations.merge(&oid, doc, at, &p);
        }
        let mut doc = o.clone();
        doc.remove("service_at_locations");
        self.services.merge(&id, doc, at, path);
        let known = self.service_organization.entry(id.clone()).or_insert_with(|| organization_id.clone());
        if *known != organization_id {
            let first = known.clone();
            self.warn(
                at,
                format!("{path}organization_id"),
                format!("{organization_id}, where it was {first} before; kept {first}"),
            );
        }
        for (j, place) in places.into_iter().enumerate() {
            self.link(&id, place, at, &format!("{path}service_at_locations[{j}].location."));
        }
        self.warnings.extend(warnings);
        Ok(id)
    }

    fn link(&mut self, service_id: &str, place: Place, at: &str, path: &str) {
        if let Some(doc) = place.location {
            self.locations.merge(&place.location_id, doc, at, path);
        }
        let links = self.links.entry(service_id.to_owned()).or_default();
        if !links.contains(&place.location_id) {
            links.push(place.location_id);
        }
    }

    /// A service at location: with its `service` nested (as the API gives it), or naming it by `service_id`.
    pub fn service_at_location(&mut self, mut o: Map<String, Value>, at: &str, path: &str) -> Result<(), Rejected> {
        match o.remove("service") {
            Some(Value::Object(service)) => {
                let Some(place) = place(&o, at, path)? else {
                    return Err(reject(at, path, "location_id", "missing: the service at location names no location"));
                };
                let service_id = self.service(&service, at, &format!("{path}service."), None)?;
                self.link(&service_id, place, at, &format!("{path}location."));
                Ok(())
            }
            None | Some(Value::Null) => {
                if uuid_at(&o, "service_id", at, path)?.is_none() {
                    return Err(reject(at, path, "service_id", "missing: the service at location names no service"));
                }
                self.pending.push((o, at.to_owned(), path.to_owned()));
                Ok(())
            }
            Some(other) => Err(reject(at, path, "service", format!("not an object: {other}"))),
        }
    }

    /// Links the services at locations that named their service by id, now that every service is known.
    pub fn resolve(&mut self) {
        for (o, at, path) in std::mem::take(&mut self.pending) {
            let service_id = match uuid_at(&o, "service_id", &at, &path) {
                Ok(Some(id)) => id,
                Ok(None) => continue,
                Err(r) => {
                    self.rejected.push(r);
                    continue;
                }
            };
            if !self.services.contains(&service_id) {
                self.warn(&at, format!("{path}service_id"), format!("no service with id {service_id}; skipped"));
                continue;
            }
            match place(&o, &at, &path) {
                Ok(Some(p)) => self.link(&service_id, p, &at, &format!("{path}location.")),
                Ok(None) => self.warn(&at, format!("{path}location_id"), "names no location; skipped"),
                Err(r) => self.rejected.push(r),
            }
        }
    }
}

/// The place a service at location names: its nested `location`, else its `location_id`.
fn place(link: &Map<String, Value>, at: &str, path: &str) -> Result<Option<Place>, Rejected> {
    let named = uuid_at(link, "location_id", at, path)?;
    match link.get("location") {
        Some(Value::Object(l)) => {
            let p = format!("{path}location.");
            let id = uuid_at(l, "id", at, &p)?
                .or(named)
                .ok_or_else(|| reject(at, &p, "id", "missing: every location needs an id"))?;
            let mut doc = l.clone();
            doc.insert("id".into(), Value::String(id.clone()));
            Ok(Some(Place { location_id: id, location: Some(doc) }))
        }
        None | Some(Value::Null) => Ok(named.map(|location_id| Place { location_id, location: None })),
        Some(other) => Err(reject(at, path, "location", format!("not an object: {other}"))),
    }
}
