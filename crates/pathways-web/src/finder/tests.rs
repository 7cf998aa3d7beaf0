use chrono::TimeZone;
use pathways_domain::deployment::{DEFAULT_TIME_ZONE, DEFAULT_TIME_ZONE_NAME};
use pathways_domain::finder::Query;
use uuid::Uuid;

use pathways_store::directory::SnapshotService;

use super::index_of;

fn meeting(doc: &str) -> SnapshotService {
    SnapshotService {
        id: Uuid::from_u128(1),
        organization: "Intergroup".into(),
        name: "Grupo Esperanza".into(),
        is_meeting: true,
        time_zone: Some(DEFAULT_TIME_ZONE_NAME.into()),
        doc: doc.into(),
        linked: true,
        places: vec![pathways_store::directory::SnapshotPlace {
            id: Uuid::from_u128(2),
            latitude: Some(41.7658),
            longitude: Some(-72.6734),
            approximate: false,
            postal_code: Some("06103".into()),
            doc: r#"{"addresses": [{"address_1": " 60 Gold St ", "city": "Hartford"}]}"#.into(),
        }],
    }
}

const DOC: &str = r#"{
    "description": "Reunión abierta",
    "url": "https://example.org/esperanza",
    "phones": [{"number": "860-555-0100"}],
    "languages": [{"code": "es"}],
    "schedules": [{"freq": "WEEKLY", "byday": "TU,SA", "opens_at": "19:00", "closes_at": "20:00",
                   "attending_type": "hybrid"}],
    "attributes": [
        {"link_type": "category", "taxonomy_term": {"code": "alcoholics-anonymous"}},
        {"link_type": "meeting_type", "value": "O"},
        {"link_type": "attribute", "taxonomy_term": {"code": "cost:free"}}
    ],
    "x_meeting_guide": {"anything": [1, 2, {"deep": true}]}
}"#;

#[test]
fn a_service_becomes_a_listing_at_each_place_with_what_the_finder_needs() {
    let ix = index_of(&[meeting(DOC)], DEFAULT_TIME_ZONE);
    let Some(l) = ix.listing(0) else { panic!("one listing") };
    assert_eq!(
        (l.name(), l.organization(), l.address(), l.city()),
        ("Grupo Esperanza", "Intergroup", "60 Gold St", "Hartford")
    );
    assert_eq!((l.phone(), l.online_url()), (Some("860-555-0100"), Some("https://example.org/esperanza")));
    assert!(l.online() && l.in_person() && l.is_meeting());
    assert_eq!(l.categories().collect::<Vec<_>>(), ["alcoholics-anonymous", "mutual-help"]);
    assert_eq!(l.slots().len(), 2);
    let now = DEFAULT_TIME_ZONE
        .with_ymd_and_hms(2026, 11, 24, 18, 0, 0)
        .single()
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_default();
    let find = |q: Query| ix.search(&q, now, DEFAULT_TIME_ZONE).len();
    // By its words (Spanish, the category's keywords, the meeting type's name, the ZIP code) and its filters.
    for w in ["espanol", "reunion", "alcoholicos", "open", "06103", "hartford"] {
        assert_eq!(find(Query { words: w.into(), ..Query::default() }), 1, "{w}");
    }
    assert_eq!(find(Query { meeting_type: Some("O".into()), ..Query::default() }), 1);
    assert_eq!(find(Query { attributes: vec!["cost:free".into()], ..Query::default() }), 1);
    assert_eq!(find(Query { category: Some("mutual-help".into()), ..Query::default() }), 1);
    assert_eq!(find(Query { language: Some("es".into()), ..Query::default() }), 1);
}

#[test]
fn odd_documents_read_as_far_as_they_make_sense() {
    // Wrong kinds everywhere, a key given twice, and no JSON at all.
    let odd = r#"{"description": 7, "url": ["x"], "phones": "none", "languages": [{"code": null}, "es"],
                  "schedules": [{"freq": "weekly", "byday": "MO", "opens_at": "9:00"}, 3],
                  "attributes": {"link_type": "category"}, "url": "https://example.org/twice"}"#;
    let ix = index_of(
        &[meeting(odd), SnapshotService { id: Uuid::from_u128(3), doc: "not json".into(), ..meeting("") }],
        DEFAULT_TIME_ZONE,
    );
    assert_eq!(ix.len(), 2);
    let urls: Vec<Option<&str>> = (0..2).filter_map(|i| ix.listing(i)).map(|l| l.online_url()).collect();
    assert!(urls.contains(&None));
    let slots: usize = (0..2).filter_map(|i| ix.listing(i)).map(|l| l.slots().len()).sum();
    assert_eq!(slots, 1, "the weekly Monday 9:00");
}

#[test]
fn a_service_without_places_is_online_and_one_whose_places_are_all_retired_is_neither() {
    let online = SnapshotService { linked: false, places: Vec::new(), ..meeting(DOC) };
    let gone = SnapshotService { id: Uuid::from_u128(9), linked: true, places: Vec::new(), ..meeting(r#"{}"#) };
    let ix = index_of(&[online, gone], DEFAULT_TIME_ZONE);
    let views: Vec<(bool, bool, bool)> =
        (0..2).filter_map(|i| ix.listing(i)).map(|l| (l.place().is_some(), l.online(), l.in_person())).collect();
    assert!(views.contains(&(false, true, false)));
    assert!(views.contains(&(false, false, false)));
}
