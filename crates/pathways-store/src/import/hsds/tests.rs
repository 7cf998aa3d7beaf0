use std::path::Path;

use pathways_domain::taxonomy::Taxonomy;
use serde_json::{Value, json};

use super::*;

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/hsds/examples");
const SERVICE: &str = "ac148810-d857-441c-9679-408f346de14b";
const ORGANIZATION: &str = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";
const LOCATION: &str = "3a19ff88-4620-4d17-9830-ac1d859eb5d5";

fn taxonomy() -> Taxonomy {
    Taxonomy::parse(include_str!("../../../../../data/taxonomy/recovery.json")).expect("taxonomy")
}

fn run(path: &Path) -> Converted {
    convert(path, &taxonomy(), &mut |_, _, _| {}).expect("readable input")
}

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write fixture");
    }
}

/// `at: field` of each warning, to look for one.
fn warned(c: &Converted) -> Vec<String> {
    c.warnings.iter().map(|w| format!("{}: {}: {}", w.at, w.field, w.reason)).collect()
}

fn has(list: &[String], needle: &str) -> bool {
    list.iter().any(|l| l.contains(needle))
}

#[test]
fn the_official_json_examples_merge_into_one_service_with_its_place() {
    let c = run(Path::new(EXAMPLES));
    assert_eq!(c.rejected, vec![], "nothing in the examples is rejected");
    assert_eq!(c.records.len(), 1, "the same service in six files is one service");
    let r = &c.records[0];
    assert_eq!(r.organization.external_id, ORGANIZATION);
    assert_eq!(r.organization.name, "Example Organization Inc.");
    assert!(r.organization.doc.get("services").is_none(), "an organization's services are records of their own");
    assert_eq!(r.service.external_id, SERVICE);
    assert_eq!(r.service.name, "Community Counselling");
    let doc = &r.service.doc;
    assert!(doc.get("service_at_locations").is_none(), "places are stored as locations");
    for kept in ["fees_description", "cost_options", "required_documents", "service_areas", "organization", "program"] {
        assert!(doc.get(kept).is_some(), "{kept} is kept");
    }
    assert_eq!(doc["phones"].as_array().map(Vec::len), Some(1), "the phone met under many parents is one phone");
    assert_eq!(doc["phones"][0]["languages"][0]["code"], "ur");
    assert_eq!(r.locations.len(), 1);
    let place = &r.locations[0];
    assert_eq!(place.external_id, LOCATION);
    assert_eq!(place.name.as_deref(), Some("MyCity Civic Center"));
    assert_eq!((place.latitude, place.longitude, place.approximate), (None, None, false), "latitude 100 is left out");
    assert!(place.doc.get("latitude").is_none());
    assert_eq!(place.doc["addresses"][0]["postal_code"], "ABC 1234");
    assert_eq!(place.postal_code, None, "the only address is a postal one");
    assert!(!r.is_meeting);
    assert_eq!(r.time_zone, None, "no US ZIP code");
    let w = warned(&c);
    assert!(has(&w, "location.json record 0: latitude: latitude 100 is outside -90 to 90"), "{w:#?}");
    // tabular.json is the CSV package as JSON: its dangling keys are named too.
    assert!(has(&w, "tabular.json locations.csv record 0: organization_id: no organization row"), "{w:#?}");
}

#[test]
fn the_official_csv_package_rebuilds_the_nested_service_and_names_its_dangling_keys() {
    let c = run(&Path::new(EXAMPLES).join("csv"));
    assert_eq!(c.rejected, vec![]);
    assert_eq!(c.records.len(), 1);
    let r = &c.records[0];
    assert_eq!((r.organization.external_id.as_str(), r.service.external_id.as_str()), (ORGANIZATION, SERVICE));
    let doc = &r.service.doc;
    assert_eq!(doc["minimum_age"], json!(12), "number columns are numbers");
    assert_eq!(doc["program"]["name"], "Community Mental Health Support");
    assert_eq!(doc["phones"][0]["number"], "\"+44 1234 234567\"");
    assert_eq!(doc["phones"][0]["extension"], json!(100));
    assert_eq!(doc["phones"][0]["languages"][0]["name"], "Urdu", "a phone's languages by phone_id");
    assert_eq!(doc["contacts"][0]["phones"][0]["id"], "1554f2e2-a373-45db-a3fa-9fc48a61c15e");
    assert_eq!(doc["schedules"][0]["byday"], "TH,FR");
    assert_eq!(doc["schedules"][0]["timezone"], json!(3));
    assert!(doc["description"].as_str().is_some_and(|d| d.contains("eating disorders")), "quoted commas");
    assert!(doc["fees_description"].as_str().is_some_and(|d| d.contains('£')));
    assert!(doc.get("service_at_locations").is_none());
    let org = &r.organization.doc;
    assert_eq!(org["year_incorporated"], json!(2011));
    assert_eq!(org["organization_identifiers"][0]["identifier"], "1234567", "text columns stay text");
    assert_eq!(org["phones"][0]["id"], doc["phones"][0]["id"], "one phone row under the organization too");
    let place = &r.locations[0];
    assert_eq!(place.external_id, LOCATION);
    assert_eq!(place.doc["external_identifier"], "10092008082");
    for nested in ["addresses", "accessibility", "phones", "languages", "schedules", "contacts"] {
        assert!(place.doc.get(nested).is_some(), "the location nests its {nested}");
    }
    let w = warned(&c);
    for expected in [
        "locations.csv line 2: latitude: latitude 100 is outside -90 to 90",
        "organizations.csv line 2: parent_organization_id: no organization row with id cd09a387",
        "locations.csv line 2: organization_id: no organization row with id 985e4a42",
        "contacts.csv line 2: organization_id: no organization row with id ae67a707",
        "contacts.csv line 2: service_at_location_id: no service_at_location row with id 93eaf18d",
        "attributes.csv line 2: link_id: no record with id f28dd44b",
        "taxonomy_terms.csv line 2: parent_id: no taxonomy_term row with id 0bc248fa",
        "taxonomy_terms.csv line 2: taxonomy_id: no taxonomy row with id 07ff6aee",
        "metadata.csv line 2: resource_id: no location row with id 38960354",
    ] {
        assert!(has(&w, expected), "{expected:?} missing from {w:#?}");
    }
}

const ORG_CSV: &str = "id,name,description\n\
    0a000000-0000-4000-8000-000000000001,Harbor Recovery Center,Peer support\n";
const SERVICES_CSV: &str = "id,organization_id,name,status,description\n\
    0b000000-0000-4000-8000-000000000001,0a000000-0000-4000-8000-000000000001,Morning Group,active,\"Peer-led, weekly\"\n\
    0b000000-0000-4000-8000-000000000002,0A000000-0000-4000-8000-000000000001,Evening Group,active,\n\
    not-a-uuid,0a000000-0000-4000-8000-000000000001,Bad Id,active,\n\
    0b000000-0000-4000-8000-000000000003,0a000000-0000-4000-8000-000000000009,Lost Org,active,\n\
    0b000000-0000-4000-8000-000000000004,0a000000-0000-4000-8000-000000000001,,active,\n";
const LOCATIONS_CSV: &str = "id,location_type,name,latitude,longitude\n\
    0c000000-0000-4000-8000-000000000001,physical,Harbor Hall,,\n\
    0c000000-0000-4000-8000-000000000002,physical,Off the Globe,200,10\n\
    0c-bad,physical,Bad Place,41,-72\n";
const ADDRESSES_CSV: &str = "id,location_id,address_1,city,state_province,postal_code,country,address_type\n\
    0d000000-0000-4000-8000-000000000001,0c000000-0000-4000-8000-000000000001,1 Main St,West Hartford,CT,06107,US,physical\n";
const SAL_CSV: &str = "id,service_id,location_id\n\
    0e000000-0000-4000-8000-000000000001,0b000000-0000-4000-8000-000000000001,0c000000-0000-4000-8000-000000000001\n\
    0e000000-0000-4000-8000-000000000002,0b000000-0000-4000-8000-000000000002,0c000000-0000-4000-8000-000000000001\n\
    0e000000-0000-4000-8000-000000000003,0b000000-0000-4000-8000-000000000002,0c000000-0000-4000-8000-000000000002\n\
    0e000000-0000-4000-8000-000000000004,0b000000-0000-4000-8000-000000000002,0c000000-0000-4000-8000-00000000dead\n";
/// One phone shared by both services and the place (two rows for its two services), a phone repeated under one
/// service (merged), and a phone of a service that isn't there.
const PHONES_CSV: &str = "id,service_id,location_id,organization_id,number,extension\n\
    0f000000-0000-4000-8000-000000000001,0b000000-0000-4000-8000-000000000001,0c000000-0000-4000-8000-000000000001,0a000000-0000-4000-8000-000000000001,860-555-0100,\n\
    0f000000-0000-4000-8000-000000000001,0b000000-0000-4000-8000-000000000002,,,860-555-0100,\n\
    0f000000-0000-4000-8000-000000000002,0b000000-0000-4000-8000-000000000001,,,860-555-0199,\n\
    0f000000-0000-4000-8000-000000000002,0b000000-0000-4000-8000-000000000001,,,,12\n\
    0f000000-0000-4000-8000-000000000003,0b000000-0000-4000-8000-00000000beef,,,860-555-0111,ext\n";
const LANGUAGES_CSV: &str = "id,phone_id,name,code\n\
    1a000000-0000-4000-8000-000000000001,0f000000-0000-4000-8000-000000000001,Spanish,es\n";
const SCHEDULES_CSV: &str = "id,service_id,freq,byday,opens_at,closes_at\n\
    1b000000-0000-4000-8000-000000000001,0b000000-0000-4000-8000-000000000001,WEEKLY,\"MO,WE\",07:30,08:30\n";
const TERMS_CSV: &str = "id,code,name,description\n\
    1c000000-0000-4000-8000-000000000001,,SMART Recovery,Self-management meetings\n";
const ATTRIBUTES_CSV: &str = "id,link_id,taxonomy_term_id,link_type,link_entity\n\
    1d000000-0000-4000-8000-000000000001,0b000000-0000-4000-8000-000000000001,1c000000-0000-4000-8000-000000000001,service_type,service\n";

#[test]
fn a_csv_package_nests_rows_under_every_parent_merges_repeats_and_reports_lines() {
    let dir = tempfile::tempdir().expect("dir");
    write(
        dir.path(),
        &[
            ("organizations.csv", ORG_CSV),
            ("services.csv", SERVICES_CSV),
            ("locations.csv", LOCATIONS_CSV),
            ("addresses.csv", ADDRESSES_CSV),
            ("service_at_location.csv", SAL_CSV),
            ("phones.csv", PHONES_CSV),
            ("languages.csv", LANGUAGES_CSV),
            ("schedules.csv", SCHEDULES_CSV),
            ("taxonomy_terms.csv", TERMS_CSV),
            ("attributes.csv", ATTRIBUTES_CSV),
            ("notes.csv", "a,b\n1,2\n"),
            ("datapackage.json", "not read"),
        ],
    );
    let c = run(dir.path());
    let rejected: Vec<String> = c.rejected.iter().map(|r| format!("{}: {}: {}", r.at, r.field, r.reason)).collect();
    assert_eq!(
        rejected,
        vec![
            "locations.csv line 4: id: not a UUID: \"0c-bad\"".to_owned(),
            "services.csv line 4: id: not a UUID: \"not-a-uuid\"".to_owned(),
            "services.csv line 6: name: missing: every service needs a name".to_owned(),
            "services.csv line 5: organization_id: no organization with id 0a000000-0000-4000-8000-000000000009 in the data"
                .to_owned(),
        ]
    );
    let names: Vec<&str> = c.records.iter().map(|r| r.service.name.as_str()).collect();
    assert_eq!(names, ["Morning Group", "Evening Group"]);
    let (morning, evening) = (&c.records[0], &c.records[1]);
    assert_eq!(morning.service.doc["description"], "Peer-led, weekly");
    assert!(evening.service.doc.get("description").is_none(), "an empty cell is absent");
    assert_eq!(evening.organization.external_id, morning.organization.external_id, "ids match whatever their case");

    // The shared phone is under both services, the place and the organization; the repeated one is merged.
    let phones = |doc: &Value| -> Vec<String> {
        doc["phones"].as_array().into_iter().flatten().map(|p| p["number"].as_str().unwrap_or("").to_owned()).collect()
    };
    assert_eq!(phones(&morning.service.doc), ["860-555-0100", "860-555-0199"]);
    assert_eq!(morning.service.doc["phones"][1]["extension"], json!(12), "the repeated row filled in the extension");
    assert_eq!(phones(&evening.service.doc), ["860-555-0100"]);
    assert_eq!(morning.service.doc["phones"][0]["languages"][0]["code"], "es");
    assert_eq!(phones(&morning.locations[0].doc), ["860-555-0100"]);
    assert_eq!(phones(&morning.organization.doc), ["860-555-0100"]);

    // Both services are offered at Harbor Hall, placed at its ZIP code's centre.
    let hall = &morning.locations[0];
    assert_eq!(evening.locations[0], *hall, "one place, merged, under both");
    assert!(hall.approximate);
    let (lat, lon) = (hall.latitude.expect("lat"), hall.longitude.expect("lon"));
    assert!((41.7..41.8).contains(&lat) && (-72.8..-72.7).contains(&lon), "06107 is West Hartford: {lat},{lon}");
    assert_eq!(hall.postal_code.as_deref(), Some("06107"));
    assert_eq!(morning.time_zone.as_deref(), Some("America/New_York"));
    // The place off the globe is kept without coordinates; the one whose row is missing is skipped.
    assert_eq!(evening.locations.len(), 2);
    assert_eq!((evening.locations[1].name.as_deref(), evening.locations[1].latitude), (Some("Off the Globe"), None));

    // "SMART Recovery" names a recovery taxonomy code: a meeting with a weekly schedule.
    assert!(morning.is_meeting);
    assert!(!evening.is_meeting);
    let attributes = morning.service.doc["attributes"].as_array().cloned().unwrap_or_default();
    assert_eq!(attributes.len(), 2, "the source's attribute stays beside the category");
    assert_eq!(attributes[0]["taxonomy_term"]["name"], "SMART Recovery");
    assert_eq!((&attributes[1]["link_type"], &attributes[1]["value"]), (&json!("category"), &json!("smart-recovery")));

    let w = warned(&c);
    for expected in [
        "notes.csv: file: not an HSDS 3.0 table; skipped",
        "locations.csv line 3: latitude: latitude 200 is outside -90 to 90; the place is kept without coordinates",
        "phones.csv line 6: extension: not a number: \"ext\"; kept as text",
        "phones.csv line 6: service_id: no service row with id 0b000000-0000-4000-8000-00000000beef",
        "service_at_location.csv line 5: location_id: no location row with id 0c000000-0000-4000-8000-00000000dead",
        "services.csv line 5: organization_id: no organization row with id 0a000000-0000-4000-8000-000000000009",
    ] {
        assert!(has(&w, expected), "{expected:?} missing from {w:#?}");
    }
}

#[test]
fn json_rejections_name_the_file_the_record_and_the_field_and_the_rest_go_on() {
    let dir = tempfile::tempdir().expect("dir");
    let org = json!({"id": "2a000000-0000-4000-8000-000000000001", "name": "Valley Council", "description": "x"});
    let place = |id: &str| json!({"location": {"id": id, "location_type": "physical", "name": "Hall"}});
    let services = json!([
        {"id": "2b000000-0000-4000-8000-000000000001", "name": "Good", "status": "active", "organization": org,
         "service_at_locations": [place("2c000000-0000-4000-8000-000000000001")]},
        {"id": "2b000000-0000-4000-8000-000000000002", "status": "active", "organization": org},
        {"name": "No Id", "status": "active", "organization": org},
        {"id": "42", "name": "Number Id", "status": "active", "organization": org},
        {"id": "2b000000-0000-4000-8000-000000000005", "name": "Bad Place", "status": "active", "organization": org,
         "service_at_locations": [place("2c000000-0000-4000-8000-000000000001"), place("hall-2")]},
        {"id": "2b000000-0000-4000-8000-000000000006", "name": "Orphan", "status": "active"},
        "a string",
    ]);
    let organizations = json!({"contents": [{
        "id": "2a000000-0000-4000-8000-000000000002", "name": "Hill House", "description": "y",
        "services": [
            {"id": "2b000000-0000-4000-8000-000000000007", "name": "Hill Helpline", "status": "active"},
            {"id": "2b000000-0000-4000-8000-000000000008", "name": "  ", "status": "active"},
        ],
    }]});
    write(dir.path(), &[("services.json", &services.to_string()), ("organizations.json", &organizations.to_string())]);
    let c = run(dir.path());
    let rejected: Vec<String> = c.rejected.iter().map(|r| format!("{}: {}: {}", r.at, r.field, r.reason)).collect();
    assert_eq!(
        rejected,
        [
            "organizations.json record 0: services[1].name: missing: every service needs a name",
            "services.json record 1: name: missing: every service needs a name",
            "services.json record 2: id: missing: every service needs an id",
            "services.json record 3: id: not a UUID: \"42\"",
            "services.json record 4: service_at_locations[1].location.id: not a UUID: \"hall-2\"",
            "services.json record 5: organization_id: missing: the service names no organization",
            "services.json record 6: record: not a JSON object",
        ]
    );
    let names: Vec<&str> = c.records.iter().map(|r| r.service.name.as_str()).collect();
    assert_eq!(names, ["Hill Helpline", "Good"], "files in name order");
    assert_eq!(c.records[0].organization.name, "Hill House", "a nested service's organization is its parent");
    assert_eq!(c.records[1].locations[0].external_id, "2c000000-0000-4000-8000-000000000001");
}

#[test]
fn services_at_locations_may_name_their_service_and_place_by_id() {
    let dir = tempfile::tempdir().expect("dir");
    let service = json!({"id": "3b000000-0000-4000-8000-000000000001", "name": "Naloxone Kits", "status": "active",
        "organization_id": "3a000000-0000-4000-8000-000000000001",
        "attributes": [{"taxonomy_term_id": "3d000000-0000-4000-8000-000000000001", "link_type": "service"}],
        "schedules": [{"freq": "WEEKLY", "byday": "FR", "opens_at": "10:00"}]});
    write(
        dir.path(),
        &[
            ("organization.json", r#"{"id": "3a000000-0000-4000-8000-000000000001", "name": "Harm Reduction Works"}"#),
            (
                "locations.json",
                r#"[{"id": "3c000000-0000-4000-8000-000000000001", "location_type": "physical",
                "latitude": 41.76, "longitude": -72.68}]"#,
            ),
            ("services.json", &service.to_string()),
            (
                "service_at_location.json",
                r#"[
                {"id": "3e000000-0000-4000-8000-000000000001", "service_id": "3b000000-0000-4000-8000-000000000001",
                 "location_id": "3c000000-0000-4000-8000-000000000001"},
                {"id": "3e000000-0000-4000-8000-000000000002", "service_id": "3b000000-0000-4000-8000-0000000000ff",
                 "location_id": "3c000000-0000-4000-8000-000000000001"}]"#,
            ),
            (
                "taxonomy_term.json",
                r#"{"id": "3d000000-0000-4000-8000-000000000001", "code": "NALOXONE",
                "name": "Overdose reversal", "description": "x"}"#,
            ),
            ("base.json", r#"{"version": "3.0", "openapi_url": "x"}"#),
        ],
    );
    let c = run(dir.path());
    assert_eq!(c.rejected, vec![]);
    assert_eq!(c.records.len(), 1);
    let r = &c.records[0];
    assert_eq!(r.organization.name, "Harm Reduction Works");
    let place = &r.locations[0];
    assert_eq!((place.latitude, place.longitude, place.approximate), (Some(41.76), Some(-72.68), false));
    let categories: Vec<&Value> =
        r.service.doc["attributes"].as_array().into_iter().flatten().filter(|a| a["link_type"] == "category").collect();
    assert_eq!(categories.len(), 1, "a term given only by id still files the service");
    assert_eq!(categories[0]["value"], "naloxone");
    assert!(!r.is_meeting, "naloxone is not in the mutual-help tree, weekly or not");
    assert_eq!(
        warned(&c),
        [
            "service_at_location.json record 1: service_id: no service with id 3b000000-0000-4000-8000-0000000000ff; skipped"
        ]
    );
}

#[test]
fn a_category_the_source_already_gives_is_not_added_twice() {
    let dir = tempfile::tempdir().expect("dir");
    let service = json!({"id": "4b000000-0000-4000-8000-000000000001", "name": "Tuesday AA", "status": "active",
    "organization": {"id": "4a000000-0000-4000-8000-000000000001", "name": "District 9"},
    "schedules": [{"freq": "weekly", "byday": "TU", "opens_at": "19:00"}],
    "attributes": [
        {"link_type": "category", "taxonomy_term": {"code": "alcoholics-anonymous", "name": "AA"}},
        {"link_type": "fellowship", "taxonomy_term": {"code": "AA-1", "name": "Alcoholics Anonymous"}},
    ]});
    write(dir.path(), &[("services.json", &service.to_string())]);
    let c = run(dir.path());
    let r = &c.records[0];
    assert_eq!(r.service.doc["attributes"].as_array().map(Vec::len), Some(2));
    assert!(r.is_meeting, "alcoholics-anonymous is under mutual-help");
    assert!(r.locations.is_empty() && r.time_zone.is_none());
}

#[test]
fn malformed_input_is_an_error_naming_file_line_and_column() {
    let dir = tempfile::tempdir().expect("dir");
    write(dir.path(), &[("services.json", "[\n  {\"id\": \"x\",\n   \"name\": }\n]")]);
    let e = convert(dir.path(), &taxonomy(), &mut |_, _, _| {}).expect_err("malformed");
    assert_eq!(e.to_string(), "services.json: line 3, column 12: expected value");

    let dir = tempfile::tempdir().expect("dir");
    write(
        dir.path(),
        &[("organizations.csv", ORG_CSV), ("services.csv", "id,name,status\r\n1,a,active\r\n2,b,active,extra\r\n")],
    );
    let e = convert(dir.path(), &taxonomy(), &mut |_, _, _| {}).expect_err("malformed");
    assert_eq!(e.to_string(), "services.csv: line 3, column 4: 4 fields where the header has 3");

    let dir = tempfile::tempdir().expect("dir");
    write(dir.path(), &[("organizations.csv", ORG_CSV)]);
    let e = convert(dir.path(), &taxonomy(), &mut |_, _, _| {}).expect_err("no services");
    assert_eq!(e.to_string(), "the package has no services.csv");
    let e = convert(&dir.path().join("organizations.csv"), &taxonomy(), &mut |_, _, _| {}).expect_err("a csv file");
    assert!(e.to_string().contains("give the directory that holds services.csv"), "{e}");
}

#[test]
fn progress_is_reported_per_input_file() {
    let mut seen = Vec::new();
    convert(&Path::new(EXAMPLES).join("csv"), &taxonomy(), &mut |done, total, name: &str| {
        seen.push((done, total, name.to_owned()));
    })
    .expect("read");
    assert_eq!(seen.len(), 22, "21 tables and the end");
    assert_eq!(seen[0], (0, 21, "accessibility.csv".to_owned()));
    assert_eq!(seen[21], (21, 21, String::new()));
}

#[test]
fn csv_line_numbers_count_quoted_line_breaks_and_crlf_line_ends() {
    let dir = tempfile::tempdir().expect("dir");
    let services = "id,organization_id,name,status,description\r\n\
        0b000000-0000-4000-8000-000000000001,0a000000-0000-4000-8000-000000000001,Two Lines,active,\"first\r\nsecond\"\r\n\
        \r\n\
        0b000000-0000-4000-8000-000000000002,0a000000-0000-4000-8000-000000000001,,active,\r\n";
    write(dir.path(), &[("organizations.csv", ORG_CSV), ("services.csv", services)]);
    let c = run(dir.path());
    assert_eq!(c.records[0].service.doc["description"], "first\r\nsecond");
    let at: Vec<&str> = c.rejected.iter().map(|r| r.at.as_str()).collect();
    assert_eq!(at, ["services.csv line 5"], "the header, two lines of one row, a blank line");
}

/// Issue 23: a link field that is not an http(s) address is left out, warned about with its record and field, in
/// JSON and in CSV; the record itself is kept.
#[test]
fn link_fields_that_are_not_web_addresses_are_left_out_and_named() {
    let dir = tempfile::tempdir().expect("dir");
    let service = json!({"id": "4b000000-0000-4000-8000-000000000002", "name": "Tuesday AA", "status": "active",
    "url": "javascript:alert(1)",
    "organization": {"id": "4a000000-0000-4000-8000-000000000002", "name": "District 9",
        "website": "data:text/html,<script>alert(1)</script>"},
    "schedules": [{"freq": "weekly", "byday": "TU", "opens_at": "19:00", "schedule_link": "vbscript:x"}],
    "service_at_locations": [{"location": {"id": "4c000000-0000-4000-8000-000000000002", "name": "Hall",
        "url": "https://example.org/hall"}}]});
    write(dir.path(), &[("services.json", &service.to_string())]);
    let c = run(dir.path());
    assert_eq!(c.records.len(), 1, "the record is kept");
    let r = &c.records[0];
    assert!(r.service.doc.get("url").is_none());
    assert!(r.organization.doc.get("website").is_none());
    assert!(r.service.doc["schedules"][0].get("schedule_link").is_none());
    assert_eq!(r.locations[0].doc["url"], "https://example.org/hall", "a web address stays");
    let w = warned(&c);
    assert!(has(&w, "services.json record 0: url: must be a web address"), "{w:?}");
    assert!(has(&w, "organization.website: must be a web address"), "{w:?}");
    assert!(has(&w, "schedules[0].schedule_link: must be a web address"), "{w:?}");

    let csv = tempfile::tempdir().expect("dir");
    write(
        csv.path(),
        &[
            ("organizations.csv", "id,name,website\n0a000000-0000-4000-8000-000000000001,Harbor,javascript:void(0)\n"),
            (
                "services.csv",
                "id,organization_id,name,status,url\n\
                 0b000000-0000-4000-8000-000000000001,0a000000-0000-4000-8000-000000000001,Morning,active,https://example.org/m\n\
                 0b000000-0000-4000-8000-000000000002,0a000000-0000-4000-8000-000000000001,Evening,active,JAVASCRIPT:alert(1)\n",
            ),
        ],
    );
    let c = run(csv.path());
    assert_eq!(c.records.len(), 2);
    let url = |i: usize| c.records[i].service.doc.get("url").cloned();
    assert_eq!(url(0), Some(json!("https://example.org/m")));
    assert_eq!(url(1), None);
    assert!(c.records.iter().all(|r| r.organization.doc.get("website").is_none()));
    let w = warned(&c);
    assert!(has(&w, "services.csv line 3: url: must be a web address"), "{w:?}");
    assert!(has(&w, "organizations.csv line 2: website: must be a web address"), "{w:?}");
}
