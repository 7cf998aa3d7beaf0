//! Cleaning a stored document into an HSDS 3.0 object, driven by a table of what each HSDS object may hold.
//!
//! The rules, in plain words (each keeps the object valid against the HSDS 3.0 JSON schemas):
//! - Only keys the schema defines survive; anything else (`x_meeting_guide`, an importer's notes) is dropped.
//! - `null`, and text that is empty after trimming, mean "not known": the key is left out. So is an empty list.
//! - A value of the wrong kind is converted when the meaning is plain (a number written as text becomes a number, a
//!   number in a text field becomes its digits) and dropped otherwise. uuid, uri, email and date-time fields must
//!   read as one, enumerations must be one of their values (any case), or they are dropped.
//! - A required field that is missing gets its default (`status` is `active`, `location_type` `physical`, an
//!   address's `country` `US` and other text empty); an object that can't stand without one (a phone without a
//!   number) is dropped.
//! - Every object gets an `id`: its own when it is a UUID, else a UUIDv5 of its parent's id and its place there
//!   (`phones/0`; attributes by their link type and term code), so the same document always gets the same ids.
//! - A nested object is related by where it sits: it gets its parent's id in the matching key when it has one (a
//!   service's phones get `service_id`, metadata `resource_id`), and keys naming other parents are left out, since
//!   in a document they hold the source's ids, not the ones the export serves (a schedule of a service keeps no
//!   `location_id`). [`Hooks`] may finish an object (an attribute's taxonomy term, a schedule's time zone).

use std::collections::HashSet;

use serde_json::{Map, Number, Value};
use uuid::Uuid;

/// The HSDS objects a document can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Organization,
    Service,
    Location,
    ServiceAtLocation,
    Address,
    Phone,
    Schedule,
    Language,
    Accessibility,
    CostOption,
    ServiceArea,
    Attribute,
    TaxonomyTerm,
    Taxonomy,
    Contact,
    Program,
    Funding,
    OrganizationIdentifier,
    RequiredDocument,
    Metadata,
}

#[derive(Clone, Copy, Debug)]
enum Field {
    Text,
    Uuid,
    Uri,
    Email,
    Number,
    DateTime,
    OneOf(&'static [&'static str]),
    One(Kind),
    Many(Kind),
}

/// What a required field gets when it is missing.
#[derive(Clone, Copy, Debug)]
enum Missing {
    Fill(&'static str),
    DropObject,
}

use Field::{DateTime as Dt, Email, Many, Number as Num, One, OneOf, Text, Uri, Uuid as Id};
use Kind as K;

const TYPES: &[&str] = &["physical", "postal", "virtual"];
const STATUS: &[&str] = &["active", "inactive", "defunct", "temporarily closed"];
const DAYS: &[&str] = &["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const FREQ: &[&str] = &["WEEKLY", "MONTHLY"];
/// Lists most objects may carry.
const TAIL: [(&str, Field); 2] = [("attributes", Many(K::Attribute)), ("metadata", Many(K::Metadata))];

/// An object's fields, and its required fields with what each gets when missing.
type Spec = (Vec<(&'static str, Field)>, &'static [(&'static str, Missing)]);

/// The fields (in HSDS order, `id` first) and required fields of each object: the HSDS 3.0 schemas as a table.
#[rustfmt::skip]
fn spec(kind: Kind) -> Spec {
    let mut f: Vec<(&str, Field)> = match kind {
        K::Organization => vec![
            ("name", Text), ("alternate_name", Text), ("description", Text), ("email", Email), ("website", Uri),
            ("tax_status", Text), ("tax_id", Text), ("year_incorporated", Num), ("legal_status", Text),
            ("logo", Text), ("uri", Uri), ("parent_organization_id", Id), ("funding", Many(K::Funding)),
            ("contacts", Many(K::Contact)), ("phones", Many(K::Phone)), ("locations", Many(K::Location)),
            ("programs", Many(K::Program)), ("organization_identifiers", Many(K::OrganizationIdentifier)),
        ],
        K::Service => vec![
            ("organization_id", Id), ("program_id", Id), ("name", Text), ("alternate_name", Text),
            ("description", Text), ("url", Uri), ("email", Email), ("status", OneOf(STATUS)),
            ("interpretation_services", Text), ("application_process", Text), ("fees_description", Text),
            ("wait_time", Text), ("fees", Text), ("accreditations", Text), ("eligibility_description", Text),
            ("minimum_age", Num), ("maximum_age", Num), ("assured_date", Text), ("assurer_email", Email),
            ("licenses", Text), ("alert", Text), ("last_modified", Dt), ("phones", Many(K::Phone)),
            ("schedules", Many(K::Schedule)), ("service_areas", Many(K::ServiceArea)),
            ("service_at_locations", Many(K::ServiceAtLocation)), ("languages", Many(K::Language)),
            ("organization", One(K::Organization)), ("funding", Many(K::Funding)),
            ("cost_options", Many(K::CostOption)), ("program", One(K::Program)),
            ("required_documents", Many(K::RequiredDocument)), ("contacts", Many(K::Contact)),
        ],
        K::Location => vec![
            ("location_type", OneOf(TYPES)), ("url", Uri), ("organization_id", Id), ("name", Text),
            ("alternate_name", Text), ("description", Text), ("transportation", Text), ("latitude", Num),
            ("longitude", Num), ("external_identifier", Text), ("external_identifier_type", Text),
            ("languages", Many(K::Language)), ("addresses", Many(K::Address)), ("contacts", Many(K::Contact)),
            ("accessibility", Many(K::Accessibility)), ("phones", Many(K::Phone)), ("schedules", Many(K::Schedule)),
        ],
        K::ServiceAtLocation => vec![
            ("service_id", Id), ("location_id", Id), ("description", Text), ("contacts", Many(K::Contact)),
            ("phones", Many(K::Phone)), ("schedules", Many(K::Schedule)), ("location", One(K::Location)),
        ],
        K::Address => vec![
            ("location_id", Id), ("attention", Text), ("address_1", Text), ("address_2", Text), ("city", Text),
            ("region", Text), ("state_province", Text), ("postal_code", Text), ("country", Text),
            ("address_type", OneOf(TYPES)),
        ],
        K::Phone => vec![
            ("location_id", Id), ("service_id", Id), ("organization_id", Id), ("contact_id", Id),
            ("service_at_location_id", Id), ("number", Text), ("extension", Num), ("type", Text),
            ("description", Text), ("languages", Many(K::Language)),
        ],
        K::Schedule => vec![
            ("service_id", Id), ("location_id", Id), ("service_at_location_id", Id), ("valid_from", Text),
            ("valid_to", Text), ("dtstart", Text), ("timezone", Num), ("until", Text), ("count", Num),
            ("wkst", OneOf(DAYS)), ("freq", OneOf(FREQ)), ("interval", Num), ("byday", Text), ("byweekno", Text),
            ("bymonthday", Text), ("byyearday", Text), ("description", Text), ("opens_at", Text),
            ("closes_at", Text), ("schedule_link", Uri), ("attending_type", Text), ("notes", Text),
        ],
        K::Language => vec![
            ("service_id", Id), ("location_id", Id), ("phone_id", Id), ("name", Text), ("code", Text), ("note", Text),
        ],
        K::Accessibility => vec![("location_id", Id), ("description", Text), ("details", Text), ("url", Uri)],
        K::CostOption => vec![
            ("service_id", Id), ("valid_from", Text), ("valid_to", Text), ("option", Text), ("currency", Text),
            ("amount", Num), ("amount_description", Text),
        ],
        K::ServiceArea => vec![
            ("service_id", Id), ("name", Text), ("description", Text), ("extent", Text), ("extent_type", Text),
            ("uri", Text),
        ],
        K::Attribute => vec![
            ("link_id", Id), ("taxonomy_term_id", Id), ("link_type", Text), ("link_entity", Text), ("value", Text),
            ("taxonomy_term", One(K::TaxonomyTerm)), ("metadata", Many(K::Metadata)),
        ],
        K::TaxonomyTerm => vec![
            ("code", Text), ("name", Text), ("description", Text), ("parent_id", Id), ("taxonomy", Text),
            ("taxonomy_detail", One(K::Taxonomy)), ("language", Text), ("taxonomy_id", Id), ("term_uri", Uri),
            ("metadata", Many(K::Metadata)),
        ],
        K::Taxonomy => vec![
            ("name", Text), ("description", Text), ("uri", Uri), ("version", Text), ("metadata", Many(K::Metadata)),
        ],
        K::Contact => vec![
            ("organization_id", Id), ("service_id", Id), ("service_at_location_id", Id), ("location_id", Id),
            ("name", Text), ("title", Text), ("department", Text), ("email", Email), ("phones", Many(K::Phone)),
        ],
        K::Program => vec![("organization_id", Id), ("name", Text), ("alternate_name", Text), ("description", Text)],
        K::Funding => vec![("organization_id", Id), ("service_id", Id), ("source", Text)],
        K::OrganizationIdentifier => vec![
            ("organization_id", Id), ("identifier_scheme", Text), ("identifier_type", Text), ("identifier", Text),
        ],
        K::RequiredDocument => vec![("service_id", Id), ("document", Text), ("uri", Uri)],
        K::Metadata => vec![
            ("resource_id", Id), ("resource_type", Text), ("last_action_date", Text), ("last_action_type", Text),
            ("field_name", Text), ("previous_value", Text), ("replacement_value", Text), ("updated_by", Text),
        ],
    };
    if !matches!(kind, K::Attribute | K::TaxonomyTerm | K::Taxonomy | K::Metadata) {
        f.extend(TAIL);
    }
    f.insert(0, ("id", Id));
    let required: &[(&str, Missing)] = match kind {
        K::Organization => &[("name", Missing::Fill("")), ("description", Missing::Fill(""))],
        K::Service => &[("name", Missing::Fill("")), ("status", Missing::Fill("active"))],
        K::Location => &[("location_type", Missing::Fill("physical"))],
        K::Address => &[
            ("address_1", Missing::Fill("")),
            ("city", Missing::Fill("")),
            ("state_province", Missing::Fill("")),
            ("postal_code", Missing::Fill("")),
            ("country", Missing::Fill("US")),
            ("address_type", Missing::Fill("physical")),
        ],
        K::Phone => &[("number", Missing::DropObject)],
        K::Taxonomy | K::TaxonomyTerm | K::Program => {
            &[("name", Missing::DropObject), ("description", Missing::Fill(""))]
        }
        K::OrganizationIdentifier => &[("identifier_type", Missing::DropObject), ("identifier", Missing::DropObject)],
        K::Metadata => &[
            ("last_action_date", Missing::DropObject),
            ("last_action_type", Missing::DropObject),
            ("field_name", Missing::DropObject),
            ("previous_value", Missing::DropObject),
            ("replacement_value", Missing::DropObject),
            ("updated_by", Missing::DropObject),
        ],
        _ => &[],
    };
    (f, required)
}

/// The keys that name an object's parent. Nested, an object's parent is where it sits, and these keys in a
/// document hold its source's ids, which are not the export's.
const PARENT_KEYS: [&str; 6] =
    ["organization_id", "service_id", "location_id", "service_at_location_id", "contact_id", "phone_id"];

/// The foreign key a child object uses for a parent of this kind.
fn foreign_key(parent: Kind) -> Option<&'static str> {
    Some(match parent {
        K::Organization => "organization_id",
        K::Service => "service_id",
        K::Location => "location_id",
        K::ServiceAtLocation => "service_at_location_id",
        K::Contact => "contact_id",
        K::Phone => "phone_id",
        _ => return None,
    })
}

/// What [`clean`] leaves to its caller: finishing objects once their own fields are clean.
pub trait Hooks {
    /// Called with every object once its fields are clean: its kind, the object as given, the cleaned object, and
    /// its parent's kind and id (None at the top).
    fn finish(
        &self,
        kind: Kind,
        given: &Map<String, Value>,
        object: &mut Map<String, Value>,
        parent: Option<(Kind, Uuid)>,
    );
}

/// No finishing.
pub struct Plain;

impl Hooks for Plain {
    fn finish(&self, _: Kind, _: &Map<String, Value>, _: &mut Map<String, Value>, _: Option<(Kind, Uuid)>) {}
}

/// Cleans `value` as an HSDS object of `kind`. `seed` and `slot` make its id when it has none (see the module docs).
pub fn clean(kind: Kind, value: &Value, seed: Uuid, slot: &str, hooks: &dyn Hooks) -> Option<Value> {
    clean_in(kind, value, seed, slot, None, hooks).map(Value::Object)
}

fn clean_in(
    kind: Kind,
    value: &Value,
    seed: Uuid,
    slot: &str,
    parent: Option<(Kind, Uuid)>,
    hooks: &dyn Hooks,
) -> Option<Map<String, Value>> {
    let given = value.as_object()?;
    let (fields, required) = spec(kind);
    let id = given.get("id").and_then(as_uuid).unwrap_or_else(|| Uuid::new_v5(&seed, slot.as_bytes()));
    let mut out = Map::new();
    out.insert("id".into(), Value::String(id.to_string()));
    for (key, field) in fields.iter().skip(1) {
        let Some(v) = given.get(*key) else { continue };
        let cleaned = match field {
            Many(child) => {
                let mut slots = HashSet::new();
                let items: Vec<Value> = v
                    .as_array()
                    .into_iter()
                    .flatten()
                    .enumerate()
                    .filter_map(|(i, item)| {
                        let mut slot = child_slot(*child, key, i, item);
                        if !slots.insert(slot.clone()) {
                            // The same attribute twice: told apart by position, so ids stay unique.
                            slot = format!("{slot}/{i}");
                        }
                        clean_in(*child, item, id, &slot, Some((kind, id)), hooks).map(Value::Object)
                    })
                    .collect();
                (!items.is_empty()).then_some(Value::Array(items))
            }
            One(child) => clean_in(*child, v, id, key, Some((kind, id)), hooks).map(Value::Object),
            scalar => scalar_value(*scalar, v),
        };
        if let Some(c) = cleaned {
            out.insert((*key).to_owned(), c);
        }
    }
    if let Some((parent_kind, parent_id)) = parent {
        let own = if kind == K::Metadata { Some("resource_id") } else { foreign_key(parent_kind) };
        for key in PARENT_KEYS {
            if Some(key) != own {
                out.remove(key);
            }
        }
        if let Some(own) = own.filter(|k| fields.iter().any(|(f, _)| f == k)) {
            out.insert(own.to_owned(), Value::String(parent_id.to_string()));
        }
    }
    hooks.finish(kind, given, &mut out, parent);
    for (key, missing) in required {
        if out.contains_key(*key) {
            continue;
        }
        match missing {
            Missing::Fill(v) => {
                out.insert((*key).to_owned(), Value::String((*v).to_owned()));
            }
            Missing::DropObject => return None,
        }
    }
    Some(out)
}

/// Where a child sits in its parent, for its id: attributes by what they say, everything else by position.
fn child_slot(kind: Kind, key: &str, index: usize, item: &Value) -> String {
    if kind == K::Attribute {
        let link_type = item.get("link_type").and_then(Value::as_str).unwrap_or_default();
        let code = item.pointer("/taxonomy_term/code").or_else(|| item.get("value")).and_then(Value::as_str);
        if let Some(code) = code {
            return format!("{key}/{link_type}/{code}");
        }
    }
    format!("{key}/{index}")
}

fn scalar_value(field: Field, v: &Value) -> Option<Value> {
    match field {
        Text => text(v).map(Value::String),
        Id => as_uuid(v).map(|u| Value::String(u.to_string())),
        Uri => text(v).filter(|s| is_uri(s)).map(Value::String),
        Email => text(v).filter(|s| is_email(s)).map(Value::String),
        Num => number(v),
        Dt => text(v)
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(&s).ok())
            .map(|t| Value::String(t.with_timezone(&chrono::Utc).format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())),
        OneOf(allowed) => {
            let given = text(v)?.replace(['_', '-'], " ");
            allowed.iter().find(|a| a.eq_ignore_ascii_case(&given)).map(|a| Value::String((*a).to_owned()))
        }
        One(_) | Many(_) => None,
    }
}

/// Text, trimmed; numbers and booleans as written; nothing for empty text or anything else.
pub fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_owned),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub fn as_uuid(v: &Value) -> Option<Uuid> {
    v.as_str().and_then(|s| Uuid::parse_str(s.trim()).ok())
}

fn number(v: &Value) -> Option<Value> {
    match v {
        Value::Number(n) => Some(Value::Number(n.clone())),
        Value::String(s) => {
            let s = s.trim();
            if let Ok(i) = s.parse::<i64>() {
                return Some(Value::from(i));
            }
            s.parse::<f64>().ok().and_then(Number::from_f64).map(Value::Number)
        }
        _ => None,
    }
}

/// An absolute URI (RFC 3986): a scheme, a colon, and no spaces or control characters.
pub fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty() && domain.contains('.') && !domain.contains('@') && !s.chars().any(char::is_whitespace)
}

/// Keeps only the plain values of an object (the one-to-one fields a list shows).
pub fn scalars(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter().filter(|(_, v)| !v.is_array() && !v.is_object()).map(|(k, v)| (k.clone(), v.clone())).collect(),
        ),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests;
