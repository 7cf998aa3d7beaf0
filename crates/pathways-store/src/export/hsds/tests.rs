use serde_json::json;

use super::*;
use crate::export::fixtures::{FEED, every_value, loaded, named, vocabularies};

#[test]
fn a_meeting_becomes_a_clean_hsds_service_with_full_terms_and_its_place() {
    let all = loaded(FEED);
    let m = named(&all, "Sunrise Serenity");
    let v = vocabularies();
    let s = service(&m.service, &m.places(), &v);

    assert!(s.get("x_meeting_guide").is_none());
    assert_eq!(s["id"], json!(m.service.id));
    assert_eq!(s["organization_id"], json!(m.service.organization_id));
    assert_eq!(s["last_modified"], "2026-10-02T08:30:00.000Z");
    assert_eq!(s["assured_date"], "2026-10-02");
    let schedule = &s["schedules"][0];
    assert_eq!(schedule["timezone"], -5, "New York's standard offset, as HSDS wants a number");
    assert_eq!((schedule["byday"].as_str(), schedule["opens_at"].as_str()), (Some("MO"), Some("07:00")));
    assert_eq!(schedule["service_id"], json!(m.service.id));

    let attributes = s["attributes"].as_array().expect("attributes");
    let open = attributes.iter().find(|a| a["value"] == "O").expect("open");
    assert_eq!(open["link_id"], json!(m.service.id));
    assert_eq!(open["link_entity"], "service");
    let term = &open["taxonomy_term"];
    assert_eq!(term["name"], "Open");
    assert_eq!(term["taxonomy_id"], json!(Vocabularies::meeting_types_id()));
    assert_eq!(open["taxonomy_term_id"], term["id"]);
    let category = attributes.iter().find(|a| a["link_type"] == "category").expect("category");
    assert_eq!(category["taxonomy_term"]["id"], json!(Uuid::new_v5(&v.recovery_id(), b"mutual-help")));
    assert!(category["taxonomy_term"].get("parent_id").is_none(), "a top-level term");
    let aa = v.term("category", "alcoholics-anonymous", None).expect("a term");
    assert_eq!(aa["parent_id"], json!(Uuid::new_v5(&v.recovery_id(), b"mutual-help")));
    assert_eq!(s["languages"][0]["code"], "en");

    let link = &s["service_at_locations"][0];
    assert_eq!(link["service_id"], json!(m.service.id));
    let place = &link["location"];
    assert_eq!(place["name"], "Center Church Hall");
    assert_eq!(place["latitude"], 41.7637);
    assert_eq!(place["addresses"][0]["address_1"], "60 Gold St");
    assert_eq!(place["addresses"][0]["location_id"], place["id"]);
}

#[test]
fn nothing_exported_is_null_or_an_empty_id_and_every_id_is_a_uuid() {
    let v = vocabularies();
    for m in loaded(FEED) {
        let mut full = full_service(&m.service, m.organization.as_ref(), &m.places(), &v);
        full["taxonomies"] = json!(v.taxonomies());
        full["terms"] = json!(v.terms());
        let mut values = Vec::new();
        every_value(&full, "$".into(), &mut values);
        for (path, value) in values {
            assert!(!value.is_null(), "{}: {path} is null", m.service.name);
            assert_ne!(value, &json!(""), "{}: {path} is empty", m.service.name);
            if path.ends_with(".id") || path.ends_with("_id") {
                let id = value.as_str().and_then(|s| Uuid::parse_str(s).ok());
                assert!(id.is_some(), "{}: {path} is {value}", m.service.name);
            }
        }
    }
}

#[test]
fn the_same_rows_give_the_same_objects_and_lists_show_one_to_one_fields() {
    let all = loaded(FEED);
    let m = named(&all, "Online Night Owls");
    let v = vocabularies();
    let once = full_service(&m.service, m.organization.as_ref(), &m.places(), &v);
    assert_eq!(once, full_service(&m.service, m.organization.as_ref(), &m.places(), &v));
    assert!(once.get("service_at_locations").is_none(), "an online meeting has no place");
    assert_eq!(once["phones"][0]["number"], "+1 929 555 0100");
    assert_eq!(once["organization"]["name"], "Test intergroup");

    let summary = service_summary(&m.service, m.organization.as_ref(), &v);
    assert_eq!(summary["name"], "Online Night Owls");
    assert!(summary.get("phones").is_none() && summary.get("schedules").is_none());
    assert_eq!(summary["organization"]["description"], "Meetings listed by Test intergroup.");
    assert!(summary["organization"].as_object().is_some_and(|o| o.values().all(|v| !v.is_object())));
}

#[test]
fn taxonomies_and_terms_have_stable_ids_and_resolve() {
    let v = vocabularies();
    let taxonomies = v.taxonomies();
    assert_eq!(taxonomies[0]["id"], "7f3c2a9e-4b1d-4e6a-9c85-2d0f6b8e1a53", "the id in recovery.json");
    let ids: Vec<&Value> = taxonomies.iter().map(|t| &t["id"]).collect();
    let terms = v.terms();
    let term_ids: std::collections::HashSet<&str> = terms.iter().filter_map(|t| t["id"].as_str()).collect();
    assert_eq!(term_ids.len(), terms.len(), "no id twice");
    for t in &terms {
        assert!(ids.contains(&&t["taxonomy_id"]), "{t}");
        if let Some(parent) = t["parent_id"].as_str() {
            assert!(term_ids.contains(parent), "{t}");
        }
    }
    let medicaid = v.term("attribute", "cost:medicaid", None).expect("a term");
    assert_eq!(medicaid["name"], "Accepts Medicaid");
    assert_eq!(medicaid["description"], "Cost and insurance: Accepts Medicaid");
    assert!(term_ids.contains(medicaid["parent_id"].as_str().unwrap_or_default()));
    let unknown = v.term("meeting_type", "SMART", None).expect("a term");
    assert_eq!(unknown["name"], "SMART");
    assert_eq!(unknown["id"], json!(Uuid::new_v5(&Vocabularies::meeting_types_id(), b"SMART")));
}

#[test]
fn standard_offsets_ignore_daylight_saving() {
    assert_eq!(standard_utc_offset("America/New_York"), Some(json!(-5)));
    assert_eq!(standard_utc_offset("Asia/Kolkata"), Some(json!(5.5)));
    assert_eq!(standard_utc_offset("Mars/Olympus"), None);
}
