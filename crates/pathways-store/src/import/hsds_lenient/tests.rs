use chrono_tz::America::Phoenix;

use super::*;

const DOC: &str = r#"{
    "description": " Reunión abierta ",
    "url": "https://example.org/esperanza",
    "phones": [{"number": "860-555-0100"}],
    "languages": [{"code": "es"}],
    "schedules": [{"freq": "WEEKLY", "byday": "TU,SA", "opens_at": "19:00", "closes_at": "20:00",
                   "attending_type": "hybrid"}],
    "attributes": [
        {"link_type": "category", "taxonomy_term": {"code": "alcoholics-anonymous"}},
        {"link_type": "meeting_type", "value": "O"}
    ],
    "x_meeting_guide": {"anything": [1, 2, {"deep": true}]}
}"#;

#[test]
fn a_service_document_reads_the_fields_the_finder_uses() {
    read_service(DOC, |doc| {
        assert_eq!((doc.description.get(), doc.url.get()), ("Reunión abierta", "https://example.org/esperanza"));
        assert_eq!(doc.phones.0.first().map(|p| p.number.get()), Some("860-555-0100"));
        assert_eq!(doc.languages.0.iter().map(|l| l.code.get()).collect::<Vec<_>>(), ["es"]);
        let codes: Vec<(&str, &str, &str)> =
            doc.attributes.0.iter().map(|a| (a.link_type.get(), a.taxonomy_term.0.code.get(), a.value.get())).collect();
        assert_eq!(codes, [("category", "alcoholics-anonymous", ""), ("meeting_type", "", "O")]);
        let slots = weekly(&doc.schedules.0, Phoenix);
        assert_eq!(slots.len(), 2);
        assert!(slots.iter().all(|s| s.tz == Phoenix));
    });
    read_location(r#"{"addresses": [{"address_1": " 60 Gold St ", "city": "Hartford"}]}"#, |place| {
        let a = place.addresses.0.first().map(|a| (a.address_1.get(), a.city.get()));
        assert_eq!(a, Some(("60 Gold St", "Hartford")));
    });
}

#[test]
fn odd_documents_read_as_far_as_they_make_sense() {
    // Wrong kinds everywhere and a key given twice.
    let odd = r#"{"description": 7, "url": ["x"], "phones": "none", "languages": [{"code": null}, "es"],
                  "schedules": [{"freq": "weekly", "byday": "MO", "opens_at": "9:00"}, 3],
                  "attributes": {"link_type": "category"}, "url": "https://example.org/twice"}"#;
    read_service(odd, |doc| {
        assert_eq!(doc.description.get(), "");
        assert!(doc.phones.0.is_empty() && doc.attributes.0.is_empty());
        assert_eq!(doc.languages.0.len(), 2, "an element of another kind keeps its place, empty");
        assert_eq!(weekly(&doc.schedules.0, Phoenix).len(), 1, "the weekly Monday 9:00");
    });
    let value: Value = serde_json::from_str(odd).unwrap_or_default();
    assert_eq!(slots(&value, Phoenix).len(), 1);
    // Text that is not JSON reads as an empty document.
    read_service("not json", |doc| assert!(doc.url.get().is_empty() && doc.schedules.0.is_empty()));
}
