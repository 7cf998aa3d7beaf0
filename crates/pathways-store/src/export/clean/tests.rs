use serde_json::json;

use super::*;

fn seed() -> Uuid {
    Uuid::parse_str("0190a6c0-0000-7000-8000-000000000001").expect("uuid")
}

fn service(doc: Value) -> Value {
    clean(Kind::Service, &doc, seed(), "service", &Plain).expect("a service")
}

#[test]
fn only_hsds_keys_survive_and_nothing_is_null_or_empty() {
    let s = service(json!({
        "id": seed(), "name": "Sunrise", "status": "active", "description": "",
        "alternate_name": null, "x_meeting_guide": {"slug": "sunrise"}, "url": "  ",
        "email": "", "program_id": "", "phones": [], "schedules": null,
    }));
    assert_eq!(s, json!({ "id": seed(), "name": "Sunrise", "status": "active" }));
}

#[test]
fn values_are_converted_when_the_meaning_is_plain_and_dropped_otherwise() {
    let s = service(json!({
        "name": "X", "status": "Temporarily_Closed", "minimum_age": "18", "maximum_age": "about 60",
        "url": "www.example.org", "email": "help@example.org", "assurer_email": "nobody",
        "last_modified": "2026-10-01T12:00:00-04:00", "fees": 25,
        "organization_id": "not-a-uuid", "program_id": "0190A6C0-0000-7000-8000-0000000000AA",
    }));
    assert_eq!(s["status"], "temporarily closed");
    assert_eq!(s["minimum_age"], 18);
    assert!(s.get("maximum_age").is_none());
    assert!(s.get("url").is_none(), "a URI needs its scheme");
    assert_eq!(s["email"], "help@example.org");
    assert!(s.get("assurer_email").is_none());
    assert_eq!(s["last_modified"], "2026-10-01T16:00:00.000Z");
    assert_eq!(s["fees"], "25");
    assert!(s.get("organization_id").is_none());
    assert_eq!(s["program_id"], "0190a6c0-0000-7000-8000-0000000000aa");
}

#[test]
fn required_fields_are_filled_and_objects_that_cannot_stand_are_dropped() {
    let s = service(json!({
        "phones": [{"type": "voice"}, {"number": "860-555-0100", "extension": "12"}],
        "service_at_locations": [{"location": {"addresses": [{"address_1": "1 Main St", "city": "Hartford"}]}}],
    }));
    assert_eq!(s["name"], "");
    assert_eq!(s["status"], "active");
    let phones = s["phones"].as_array().expect("phones");
    assert_eq!(phones.len(), 1, "a phone without a number is dropped");
    assert_eq!(phones[0]["extension"], 12);
    let location = &s["service_at_locations"][0]["location"];
    assert_eq!(location["location_type"], "physical");
    let address = &location["addresses"][0];
    assert_eq!(address["country"], "US");
    assert_eq!(address["state_province"], "");
    assert_eq!(address["address_type"], "physical");
}

#[test]
fn every_nested_object_gets_a_stable_id_and_its_parents_key() {
    let doc = json!({
        "id": seed(), "name": "X",
        "phones": [{"number": "1", "languages": [{"code": "es"}]}, {"number": "2", "id": "bad"}],
        "schedules": [{
            "byday": "MO", "id": "0190a6c0-0000-7000-8000-0000000000bb",
            "service_id": "0190a6c0-0000-7000-8000-0000000000cc", "location_id": "0190a6c0-0000-7000-8000-0000000000dd",
        }],
        "attributes": [
            {"link_type": "category", "taxonomy_term": {"code": "detox"}},
            {"link_type": "category", "value": "detox"},
        ],
    });
    let a = service(doc.clone());
    assert_eq!(a, service(doc), "the same document gets the same ids");
    let phone = &a["phones"][0];
    assert_eq!(phone["id"], json!(Uuid::new_v5(&seed(), b"phones/0")));
    assert_eq!(phone["service_id"], json!(seed()));
    assert_eq!(a["phones"][1]["id"], json!(Uuid::new_v5(&seed(), b"phones/1")), "not a UUID: replaced");
    let language = &phone["languages"][0];
    assert_eq!(language["phone_id"], phone["id"]);
    assert!(language.get("service_id").is_none(), "only the direct parent's key");
    let schedule = &a["schedules"][0];
    assert_eq!(schedule["id"], "0190a6c0-0000-7000-8000-0000000000bb", "a UUID of its own is kept");
    assert_eq!(schedule["service_id"], json!(seed()), "the source's service id is not the export's");
    assert!(schedule.get("location_id").is_none(), "nor is its location id");
    assert_eq!(a["attributes"][0]["id"], json!(Uuid::new_v5(&seed(), b"attributes/category/detox")));
    assert_eq!(a["attributes"][1]["id"], json!(Uuid::new_v5(&seed(), b"attributes/category/detox/1")), "unique");
}

#[test]
fn uris_emails_and_lists_of_plain_values() {
    assert!(is_uri("https://zoom.us/j/1") && is_uri("tel:+18605550100") && is_uri("mailto:a@b.org"));
    assert!(!is_uri("zoom.us/j/1") && !is_uri("https://a b") && !is_uri("1http://x") && !is_uri("https:"));
    assert!(is_email("a@b.org") && !is_email("a@b") && !is_email("@b.org") && !is_email("a b@c.org"));
    let list = scalars(&json!({"id": "x", "name": "n", "phones": [{}], "organization": {}}));
    assert_eq!(list, json!({"id": "x", "name": "n"}));
}
