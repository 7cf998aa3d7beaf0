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

fn residence(expires_on: Option<chrono::NaiveDate>) -> crate::entities::residence::Model {
    let at = chrono::Utc::now();
    crate::entities::residence::Model {
        id: Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0019),
        organization_id: Uuid::from_u128(1),
        service_id: None,
        name: "Maple House".into(),
        address: "10 Oak Street".into(),
        town: "Hartford".into(),
        zip: None,
        region: None,
        latitude: None,
        longitude: None,
        level: "II".into(),
        populations: "women,women_with_children".into(),
        accepts_moud: true,
        serves_oud: true,
        total_beds: 8,
        available_beds: 3,
        held: 0,
        reported_at: Some(at),
        cert_body: expires_on.map(|_| "Connecticut Alliance of Recovery Residences".into()),
        cert_number: expires_on.map(|_| "T-17".into()),
        cert_expires_on: expires_on,
        house_rules: None,
        cost_per_week: Some(175),
        payments: "self_pay".into(),
        naloxone_doses: 2,
        naloxone_trained_on: None,
        disclaimer: "Not licensed treatment.".into(),
        created_at: at,
        updated_at: at,
    }
}

#[test]
fn a_residences_facts_are_attributes_with_terms_of_pathways_own_taxonomy() {
    use crate::export::vocabulary::RESIDENCE_LINK;
    let v = vocabularies();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).expect("date");
    let service = Uuid::from_u128(7);
    let house = residence(Some(today));
    let attributes = residence_attributes(service, &house, today, &v);
    let by_code =
        |code: &str| attributes.iter().find(|a| a["taxonomy_term"]["code"] == code).unwrap_or_else(|| panic!("{code}"));
    let level = by_code("narr-level:II");
    assert_eq!(level["value"], "II", "NARR's numeral");
    assert_eq!(level["taxonomy_term"]["name"], "NARR level II: monitored");
    assert!(level["taxonomy_term"]["description"].as_str().is_some_and(|d| d.contains("not a rank")));
    assert_eq!(
        (&level["link_id"], &level["link_entity"], &level["link_type"]),
        (&json!(service), &json!("service"), &json!(RESIDENCE_LINK))
    );
    assert_eq!(level["taxonomy_term_id"], level["taxonomy_term"]["id"]);
    assert_eq!(level["taxonomy_term"]["taxonomy_id"], json!(v.residences_id()));
    assert_eq!(level["taxonomy_term"]["parent_id"], json!(Uuid::new_v5(&v.residences_id(), b"narr-level")));
    by_code("serves:women");
    by_code("serves:women_with_children");
    assert!(by_code("moud:welcome").get("value").is_none());
    assert_eq!(by_code("certification:body")["value"], "Connecticut Alliance of Recovery Residences");
    assert_eq!(by_code("certification:number")["value"], "T-17");
    assert_eq!(by_code("certification:valid-through")["value"], "2026-12-06", "valid through its last day");
    assert_eq!(attributes.len(), 7);
    assert_eq!(attributes, residence_attributes(service, &house, today, &v), "the same ids every time");

    // Not welcoming MOUD is said too; a lapsed or missing certificate says nothing, as on the board.
    let no_moud = crate::entities::residence::Model { accepts_moud: false, ..residence(Some(today)) };
    let facts = residence_attributes(service, &no_moud, today, &v);
    assert!(facts.iter().any(|a| a["taxonomy_term"]["code"] == "moud:not-accepted"));
    let tomorrow = today.succ_opt().expect("date");
    assert!(residence_attributes(service, &house, tomorrow, &v).is_empty());
    assert!(residence_attributes(service, &residence(None), today, &v).is_empty());
    assert!(residence_capacity(service, &house, tomorrow).is_none());
}

#[test]
fn the_residence_facts_taxonomy_is_pathways_own_and_lists_every_term() {
    use crate::export::vocabulary::RESIDENCE_LINK;
    let v = vocabularies();
    let taxonomy = v.taxonomies().into_iter().find(|t| t["id"] == json!(v.residences_id())).expect("listed");
    assert_eq!(taxonomy["name"], "Pathways recovery residence facts");
    let about = taxonomy["description"].as_str().unwrap_or_default();
    assert!(about.contains("not NARR's and not Open Referral's"), "{about}");
    assert_eq!(taxonomy["uri"], "https://pathways.example/taxonomy/recovery/residence-facts", "beneath Pathways' own");
    let terms = v.terms();
    let ours: Vec<&Value> = terms.iter().filter(|t| t["taxonomy_id"] == json!(v.residences_id())).collect();
    // 4 facts; 4 levels, 5 populations, 2 MOUD answers, 3 certificate parts.
    assert_eq!(ours.len(), 4 + 4 + 5 + 2 + 3);
    for level in ["I", "II", "III", "IV"] {
        let t = v.term(RESIDENCE_LINK, &format!("narr-level:{level}"), None).expect("a term");
        assert!(ours.contains(&&t), "{t}");
    }
    assert!(v.term(RESIDENCE_LINK, "narr-level:V", None).is_some_and(|t| t.get("parent_id").is_some()));
}
