//! Rows for the export's unit tests: the shipped vocabularies, and a Meeting Guide feed turned into the rows an
//! import would store (without a database).

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{TimeZone, Utc};
use pathways_domain::taxonomy::Taxonomy;
use serde_json::{Value, json};
use uuid::Uuid;

use super::Vocabularies;
use super::read::Loaded;
use crate::entities::{dir_location, dir_organization, dir_service, dir_service_at_location};
use crate::import::meeting_guide::convert;

pub const FEED: &str = include_str!("../../../../tests/fixtures/meeting-guide/feed.json");

pub fn vocabularies() -> Vocabularies<'static> {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    static TYPES: OnceLock<HashMap<String, HashMap<String, String>>> = OnceLock::new();
    let recovery = TAXONOMY.get_or_init(|| {
        Taxonomy::parse(include_str!("../../../../data/taxonomy/recovery.json")).expect("the shipped taxonomy")
    });
    let meeting_types = TYPES.get_or_init(|| {
        serde_json::from_str(include_str!("../../../../data/meeting-guide/types.json")).expect("the shipped types")
    });
    Vocabularies { recovery, meeting_types }
}

fn with_ids(mut doc: Value, ids: &[(&str, Uuid)]) -> Value {
    for (k, v) in ids {
        doc[*k] = json!(v);
    }
    doc
}

/// The rows an import of `feed` would store, each service with its organization and places.
pub fn loaded(feed: &str) -> Vec<Loaded> {
    let at = Utc.with_ymd_and_hms(2026, 10, 2, 8, 30, 0).single().expect("time");
    let converted = convert(feed, "test-feed", "Test intergroup", chrono_tz::America::New_York).expect("feed");
    converted
        .records
        .into_iter()
        .map(|r| {
            let org_id = Uuid::new_v5(&Uuid::NAMESPACE_OID, r.organization.external_id.as_bytes());
            let id = Uuid::new_v5(&Uuid::NAMESPACE_OID, r.service.external_id.as_bytes());
            let organization = dir_organization::Model {
                id: org_id,
                source: "test-feed".into(),
                external_id: r.organization.external_id.clone(),
                name: r.organization.name.clone(),
                doc: with_ids(r.organization.doc, &[("id", org_id)]),
                content_hash: String::new(),
                retired_at: None,
                updated_at: at,
                pathways_org_id: None,
            };
            let places = r
                .locations
                .into_iter()
                .map(|l| {
                    let location_id = Uuid::new_v5(&id, b"location");
                    let link_id = Uuid::new_v5(&id, b"link");
                    let link = dir_service_at_location::Model {
                        id: link_id,
                        service_id: id,
                        location_id,
                        doc: json!({ "id": link_id, "service_id": id, "location_id": location_id }),
                    };
                    let place = dir_location::Model {
                        id: location_id,
                        organization_id: Some(org_id),
                        source: "test-feed".into(),
                        external_id: l.external_id,
                        name: l.name,
                        latitude: l.latitude,
                        longitude: l.longitude,
                        approximate: l.approximate,
                        postal_code: l.postal_code,
                        doc: with_ids(l.doc, &[("id", location_id), ("organization_id", org_id)]),
                        content_hash: String::new(),
                        retired_at: None,
                        updated_at: at,
                    };
                    (link, place)
                })
                .collect();
            let service = dir_service::Model {
                id,
                organization_id: org_id,
                source: "test-feed".into(),
                external_id: r.service.external_id,
                name: r.service.name,
                is_meeting: r.is_meeting,
                time_zone: r.time_zone,
                doc: with_ids(r.service.doc, &[("id", id), ("organization_id", org_id)]),
                content_hash: String::new(),
                last_verified_on: Some(at.date_naive()),
                retired_at: None,
                updated_at: at,
            };
            Loaded { service, organization: Some(organization), places, capacities: Vec::new(), residences: Vec::new() }
        })
        .collect()
}

/// The loaded meeting with this name.
pub fn named<'a>(all: &'a [Loaded], name: &str) -> &'a Loaded {
    all.iter().find(|l| l.service.name == name).unwrap_or_else(|| panic!("no meeting named {name}"))
}

/// Every value in a document, with its path, so a test can look at all of them.
pub fn every_value<'a>(v: &'a Value, path: String, out: &mut Vec<(String, &'a Value)>) {
    match v {
        Value::Object(o) => o.iter().for_each(|(k, c)| every_value(c, format!("{path}.{k}"), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| every_value(c, format!("{path}[{i}]"), out)),
        other => out.push((path, other)),
    }
}
