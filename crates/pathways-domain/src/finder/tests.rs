use chrono::{DateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::America::New_York;
use chrono_tz::Tz;
use proptest::prelude::*;
use uuid::Uuid;

use super::*;
use crate::directory::geo::haversine_miles;
use crate::directory::schedule::{Occurrence, first_in_window, next_occurrence};

fn at(lat: f64, lon: f64) -> Option<LatLon> {
    LatLon::new(lat, lon).ok()
}

fn slot(day: Weekday, h: u32, m: u32) -> WeeklySlot {
    let start = NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
    WeeklySlot { day, start, end: start + chrono::TimeDelta::hours(1), tz: New_York }
}

fn listings() -> Vec<Listing<'static>> {
    let hartford = at(41.7658, -72.6734);
    let west_hartford = at(41.7620, -72.7420);
    let new_haven = at(41.3083, -72.9279);
    vec![
        Listing {
            name: "SMART Recovery West Hartford",
            categories: vec!["smart-recovery", "mutual-help"],
            keywords: vec!["Reuniones de ayuda mutua"],
            place: west_hartford,
            is_meeting: true,
            in_person: true,
            slots: vec![slot(Weekday::Tue, 18, 30)],
            ..Listing::default()
        },
        Listing {
            name: "Grupo Esperanza",
            description: "Reunión en español",
            categories: vec!["alcoholics-anonymous", "mutual-help"],
            languages: vec!["es"],
            place: hartford,
            is_meeting: true,
            in_person: true,
            slots: vec![slot(Weekday::Tue, 19, 0)],
            ..Listing::default()
        },
        Listing {
            name: "Shoreline Detox",
            categories: vec!["detox"],
            keywords: vec!["withdrawal management", "desintoxicación"],
            attributes: vec!["cost:medicaid"],
            place: new_haven,
            in_person: true,
            ..Listing::default()
        },
        Listing {
            name: "SMART Recovery Online",
            categories: vec!["smart-recovery", "mutual-help"],
            online: true,
            is_meeting: true,
            slots: vec![slot(Weekday::Tue, 20, 0)],
            ..Listing::default()
        },
    ]
}

fn index() -> Index {
    Index::build(listings())
}

fn names(ix: &Index, hits: &[Hit]) -> Vec<String> {
    hits.iter().filter_map(|h| ix.listing(h.listing)).map(|l| l.name().to_owned()).collect()
}

/// Tuesday 2026-11-24 17:00 in Hartford.
fn tuesday_evening() -> DateTime<Utc> {
    New_York.with_ymd_and_hms(2026, 11, 24, 17, 0, 0).single().map(|t| t.with_timezone(&Utc)).unwrap_or_default()
}

#[test]
fn words_match_by_prefix_ignoring_case_and_accents_and_all_must_match() {
    let ix = index();
    let q = |w: &str| Query { words: w.into(), ..Query::default() };
    let now = tuesday_evening();
    assert_eq!(names(&ix, &ix.search(&q("smart recov"), now, New_York)).len(), 2);
    assert_eq!(names(&ix, &ix.search(&q("DESINTOXICACION"), now, New_York)), ["Shoreline Detox"]);
    assert_eq!(names(&ix, &ix.search(&q("espanol"), now, New_York)), ["Grupo Esperanza"]);
    assert!(ix.search(&q("smart detox"), now, New_York).is_empty(), "every word must match");
    // Two letters match whole words only: "sm" finds nothing, rather than everything starting with it.
    assert!(ix.search(&q("sm"), now, New_York).is_empty());
}

#[test]
fn a_name_match_outranks_a_category_match_and_distance_breaks_ties() {
    let ix = index();
    let now = tuesday_evening();
    let near = at(41.7658, -72.6734);
    let hits = ix.search(&Query { words: "smart".into(), near, radius_mi: 50.0, ..Query::default() }, now, New_York);
    // Both SMART listings match in the name; the one with a place comes first, the online one after.
    assert_eq!(names(&ix, &hits), ["SMART Recovery West Hartford", "SMART Recovery Online"]);
    let d = hits[0].distance_mi.unwrap_or_default();
    assert!((3.0..4.0).contains(&d), "Hartford to West Hartford is about 3.5 miles: {d}");
}

#[test]
fn near_a_place_only_what_is_inside_the_radius_and_online_listings() {
    let ix = index();
    let now = tuesday_evening();
    let q = Query { near: at(41.7658, -72.6734), radius_mi: 10.0, ..Query::default() };
    let found = names(&ix, &ix.search(&q, now, New_York));
    assert!(!found.contains(&"Shoreline Detox".to_owned()), "New Haven is 34 miles away: {found:?}");
    assert_eq!(found.first().map(String::as_str), Some("Grupo Esperanza"), "closest first: {found:?}");
    let wide = Query { radius_mi: 50.0, ..q.clone() };
    assert!(names(&ix, &ix.search(&wide, now, New_York)).contains(&"Shoreline Detox".to_owned()));
    let in_person = Query { online: Some(false), ..q };
    assert!(!names(&ix, &ix.search(&in_person, now, New_York)).contains(&"SMART Recovery Online".to_owned()));
}

#[test]
fn filters_by_category_language_attribute_and_time() {
    let ix = index();
    let now = tuesday_evening();
    let cat = Query { category: Some("mutual-help".into()), ..Query::default() };
    assert_eq!(ix.search(&cat, now, New_York).len(), 3);
    let es = Query { language: Some("es".into()), ..Query::default() };
    assert_eq!(names(&ix, &ix.search(&es, now, New_York)), ["Grupo Esperanza"]);
    let medicaid = Query { attributes: vec!["cost:medicaid".into()], ..Query::default() };
    assert_eq!(names(&ix, &ix.search(&medicaid, now, New_York)), ["Shoreline Detox"]);
    // At 17:00, "in the next two hours" holds 18:30 and 19:00 but not 20:00; soonest first.
    let soon = Query { window: Some(Window::StartsWithin(120)), meetings_only: true, ..Query::default() };
    assert_eq!(names(&ix, &ix.search(&soon, now, New_York)), ["SMART Recovery West Hartford", "Grupo Esperanza"]);
    let tonight = Query { window: Some(Window::Tonight), meetings_only: true, ..Query::default() };
    assert_eq!(ix.search(&tonight, now, New_York).len(), 3);
    let friday = Query { window: Some(Window::Day(Weekday::Fri)), ..Query::default() };
    assert!(ix.search(&friday, now, New_York).is_empty());
}

#[test]
fn folding_and_splitting_words() {
    let w: Vec<String> = words("Señora's  Café-Grupo, 12 Pasos").collect();
    assert_eq!(w, ["senora", "s", "cafe", "grupo", "12", "pasos"]);
}

#[test]
fn a_page_counts_every_result_and_ranks_only_what_it_shows() {
    let ix = index();
    let now = tuesday_evening();
    let all = ix.search(&Query::default(), now, New_York);
    assert_eq!(
        names(&ix, &all),
        ["Grupo Esperanza", "SMART Recovery Online", "SMART Recovery West Hartford", "Shoreline Detox"]
    );
    let page = ix.search_page(&Query::default(), now, New_York, 1, 2);
    assert_eq!(page.total, 4);
    assert_eq!(page.hits, all[1..3]);
    let past = ix.search_page(&Query::default(), now, New_York, 10, 2);
    assert_eq!((past.total, past.hits.len()), (4, 0));
    let near = Query { near: at(41.7658, -72.6734), radius_mi: 10.0, ..Query::default() };
    let first = ix.search_page(&near, now, New_York, 0, 1);
    assert_eq!((first.total, names(&ix, &first.hits)), (3, vec!["Grupo Esperanza".to_owned()]));
}

#[test]
fn a_listing_keeps_what_results_show() {
    let id = Uuid::from_u128(7);
    let ix = Index::build([Listing {
        service_id: id,
        location_id: Some(Uuid::from_u128(8)),
        name: "Hope House",
        organization: "Hope Services",
        address: "1 Main St",
        city: "Hartford",
        postal_code: "06103",
        phone: Some("860-555-0100"),
        online_url: None,
        categories: vec!["recovery-housing", "housing"],
        place: at(41.7658, -72.6734),
        approximate: true,
        in_person: true,
        ..Listing::default()
    }]);
    let Some(l) = ix.listing(0) else { panic!("one listing") };
    assert_eq!((l.service_id(), l.location_id()), (id, Some(Uuid::from_u128(8))));
    assert_eq!(
        (l.name(), l.organization(), l.address(), l.city()),
        ("Hope House", "Hope Services", "1 Main St", "Hartford")
    );
    assert_eq!((l.phone(), l.online_url()), (Some("860-555-0100"), None));
    assert_eq!(l.categories().collect::<Vec<_>>(), ["recovery-housing", "housing"]);
    assert!(l.approximate() && l.in_person() && !l.online() && !l.is_meeting());
    let p = l.place().map(|p| haversine_miles(p, LatLon::new(41.7658, -72.6734).unwrap_or(p)));
    assert!(p.is_some_and(|d| d < 0.001), "a metre or so: {p:?}");
    assert_eq!(ix.of_service(id).count(), 1);
    // The town and ZIP code are words of the listing.
    let q = |w: &str| Query { words: w.into(), ..Query::default() };
    assert_eq!(ix.search(&q("06103"), tuesday_evening(), New_York).len(), 1);
    assert_eq!(
        ix.search(&q("hartf"), tuesday_evening(), New_York).first().map(|h| h.score),
        Some(u32::from(WEIGHT_PLACE))
    );
}

// The search as it was first written (every listing's words in a map, every hit ranked), kept as the reference
// the index must agree with.

struct Reference<'a> {
    listings: &'a [Listing<'a>],
    words: Vec<Vec<(String, u8)>>,
}

impl<'a> Reference<'a> {
    fn new(listings: &'a [Listing<'a>]) -> Self {
        let words = listings
            .iter()
            .map(|l| {
                let mut best: Vec<(String, u8)> = Vec::new();
                let mut add = |text: &str, weight: u8| {
                    for w in super::words(text) {
                        match best.iter_mut().find(|(x, _)| *x == w) {
                            Some(e) => e.1 = e.1.max(weight),
                            None => best.push((w, weight)),
                        }
                    }
                };
                add(l.name, WEIGHT_NAME);
                add(l.organization, WEIGHT_TEXT);
                l.keywords.iter().for_each(|k| add(k, WEIGHT_CATEGORY));
                l.categories.iter().for_each(|c| add(c, WEIGHT_CATEGORY));
                add(l.city, WEIGHT_PLACE);
                add(l.postal_code, WEIGHT_PLACE);
                add(l.address, WEIGHT_TEXT);
                add(l.description, WEIGHT_TEXT);
                best
            })
            .collect();
        Self { listings, words }
    }

    fn search(&self, q: &Query, now: DateTime<Utc>, viewer: Tz) -> Vec<(usize, u32, Option<f64>, Option<Occurrence>)> {
        let query: Vec<String> = super::words(&q.words).collect();
        let radius = if q.radius_mi > 0.0 { q.radius_mi } else { 25.0 };
        let mut hits = Vec::new();
        'listings: for (i, l) in self.listings.iter().enumerate() {
            let mut score = 0;
            for w in &query {
                let best = self.words[i]
                    .iter()
                    .filter(|(x, _)| if w.chars().count() < MIN_PREFIX { x == w } else { x.starts_with(w.as_str()) })
                    .map(|(_, weight)| *weight)
                    .max();
                match best {
                    Some(b) => score += u32::from(b),
                    None => continue 'listings,
                }
            }
            let has = |list: &[&str], want: &Option<String>| want.as_ref().is_none_or(|w| list.contains(&w.as_str()));
            if (q.meetings_only && !l.is_meeting)
                || !has(&l.categories, &q.category)
                || !has(&l.languages, &q.language)
                || !has(&l.meeting_types, &q.meeting_type)
                || !q.attributes.iter().all(|a| l.attributes.contains(&a.as_str()))
                || (q.online == Some(true) && !l.online)
                || (q.online == Some(false) && !l.in_person)
            {
                continue;
            }
            let distance = match (q.near, l.place) {
                (Some(c), Some(p)) => {
                    let d = haversine_miles(c, p);
                    if d > radius {
                        continue;
                    }
                    Some(d)
                }
                (Some(_), None) if !l.online => continue,
                _ => None,
            };
            let next = match q.window {
                Some(w) => match first_in_window(&l.slots, w, now, viewer) {
                    Some(o) => Some(o),
                    None => continue,
                },
                None => next_occurrence(&l.slots, now),
            };
            hits.push((i, score, distance, next));
        }
        hits.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| a.2.unwrap_or(f64::INFINITY).total_cmp(&b.2.unwrap_or(f64::INFINITY)))
                .then_with(|| match (&a.3, &b.3) {
                    (Some(x), Some(y)) if q.window.is_some() => x.start.cmp(&y.start),
                    _ => std::cmp::Ordering::Equal,
                })
                .then_with(|| self.listings[a.0].name.cmp(self.listings[b.0].name))
                .then_with(|| a.0.cmp(&b.0))
        });
        hits
    }
}

const NAMES: [&str; 8] = [
    "SMART Recovery Hartford",
    "Grupo Esperanza",
    "Recovery Café",
    "Hope House",
    "hope house",
    "Shoreline Detox",
    "Smartphone Support",
    "Zero Step",
];
const TEXTS: [&str; 6] =
    ["", "Reunión en español", "withdrawal management", "newcomers welcome", "12 step", "Café y más"];
const CATEGORIES: [&str; 4] = ["mutual-help", "smart-recovery", "detox", "recovery-housing"];
const LANGUAGES: [&str; 2] = ["en", "es"];
const ATTRIBUTES: [&str; 3] = ["cost:medicaid", "cost:free", "population:veterans"];
const TYPES: [&str; 3] = ["O", "C", "D"];
/// Hartford, West Hartford, New Haven, Boston, Los Angeles, Fiji (near the antimeridian), Tromsø.
const POINTS: [(f64, f64); 7] = [
    (41.7658, -72.6734),
    (41.7620, -72.7420),
    (41.3083, -72.9279),
    (42.3601, -71.0589),
    (34.0522, -118.2437),
    (-17.7134, 178.0650),
    (69.6492, 18.9553),
];
const ZONES: [Tz; 5] = [
    New_York,
    chrono_tz::America::Los_Angeles,
    chrono_tz::Pacific::Fiji,
    chrono_tz::Australia::Lord_Howe,
    chrono_tz::UTC,
];
const QUERY_WORDS: [&str; 12] =
    ["smart", "sm", "recov", "hope", "house", "espanol", "cafe", "12", "mutual", "detox", "step", "zzz"];
const RADII: [f64; 5] = [0.0, 5.0, 30.0, 120.0, 5000.0];

fn pick<T: Copy>(from: &[T], mask: u32) -> Vec<T> {
    from.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, &x)| x).collect()
}

fn any_listing() -> impl Strategy<Value = Listing<'static>> {
    (
        (0..NAMES.len(), 0..TEXTS.len(), 0..TEXTS.len(), 0..16u32, 0..4u32, 0..8u32, 0..8u32),
        (0..POINTS.len() + 2, any::<(bool, bool, bool, bool)>()),
        proptest::collection::vec((0..7u32, 0..1440u32, 1..1500u32, 0..ZONES.len()), 0..3),
    )
        .prop_map(|((n, d, k, cats, langs, attrs, types), (p, (meeting, online, in_person, approx)), slots)| {
            Listing {
                name: NAMES[n],
                description: TEXTS[d],
                keywords: vec![TEXTS[k]],
                categories: pick(&CATEGORIES, cats),
                languages: pick(&LANGUAGES, langs),
                attributes: pick(&ATTRIBUTES, attrs),
                meeting_types: pick(&TYPES, types),
                place: POINTS.get(p).and_then(|&(lat, lon)| LatLon::new(lat, lon).ok()),
                city: if p < 3 { "Hartford" } else { "" },
                is_meeting: meeting,
                online,
                in_person,
                approximate: approx,
                slots: slots
                    .into_iter()
                    .map(|(day, start, len, z)| {
                        let start = NaiveTime::from_num_seconds_from_midnight_opt(start * 60, 0).unwrap_or_default();
                        WeeklySlot {
                            day: [
                                Weekday::Mon,
                                Weekday::Tue,
                                Weekday::Wed,
                                Weekday::Thu,
                                Weekday::Fri,
                                Weekday::Sat,
                                Weekday::Sun,
                            ][day as usize],
                            start,
                            end: start + chrono::TimeDelta::minutes(i64::from(len)),
                            tz: ZONES[z],
                        }
                    })
                    .collect(),
                ..Listing::default()
            }
        })
}

fn any_query() -> impl Strategy<Value = Query> {
    (
        proptest::collection::vec(0..QUERY_WORDS.len(), 0..3),
        (0..POINTS.len() + 3, 0..RADII.len()),
        (0..CATEGORIES.len() + 3, 0..LANGUAGES.len() + 2, 0..8u32, 0..TYPES.len() + 3),
        (0..8usize, 0..3usize, any::<bool>()),
    )
        .prop_map(|(ws, (near, radius), (cat, lang, attrs, ty), (window, online, meetings))| Query {
            words: ws.iter().map(|&w| QUERY_WORDS[w]).collect::<Vec<_>>().join(" "),
            near: POINTS.get(near).and_then(|&(lat, lon)| LatLon::new(lat + 0.01, lon - 0.01).ok()),
            radius_mi: RADII[radius],
            category: CATEGORIES.get(cat).map(|c| (*c).to_owned()),
            language: LANGUAGES.get(lang).map(|c| (*c).to_owned()),
            attributes: pick(&ATTRIBUTES, attrs & 3).into_iter().map(str::to_owned).collect(),
            meeting_type: TYPES.get(ty).map(|c| (*c).to_owned()),
            window: [
                Some(Window::Now),
                Some(Window::StartsWithin(120)),
                Some(Window::Today),
                Some(Window::Tonight),
                Some(Window::Day(Weekday::Sat)),
            ]
            .get(window)
            .copied()
            .flatten(),
            online: [None, Some(true), Some(false)][online],
            meetings_only: meetings,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn the_index_agrees_with_the_reference_search(
        mut listings in proptest::collection::vec(any_listing(), 0..40),
        q in any_query(),
        now in (1_767_225_600i64..1_893_456_000).prop_map(|t| DateTime::from_timestamp(t, 0).unwrap_or_default()),
        viewer in 0..ZONES.len(),
        (offset, limit) in (0..6usize, 1..5usize),
    ) {
        for (i, l) in listings.iter_mut().enumerate() {
            l.service_id = Uuid::from_u128(i as u128);
        }
        let viewer = ZONES[viewer];
        let ix = Index::build(listings.clone());
        let expected = Reference::new(&listings).search(&q, now, viewer);
        let got = ix.search(&q, now, viewer);
        let got_ids: Vec<usize> = got
            .iter()
            .filter_map(|h| ix.listing(h.listing))
            .map(|l| l.service_id().as_u128() as usize)
            .collect();
        let expected_ids: Vec<usize> = expected.iter().map(|e| e.0).collect();
        prop_assert_eq!(&got_ids, &expected_ids, "{:?}", q);
        for (h, e) in got.iter().zip(&expected) {
            prop_assert_eq!(h.score, e.1);
            prop_assert_eq!(h.next, e.3);
            match (h.distance_mi, e.2) {
                (Some(a), Some(b)) => prop_assert!((a - b).abs() < 0.01, "{} {}", a, b),
                (a, b) => prop_assert_eq!(a, b),
            }
        }
        let page = ix.search_page(&q, now, viewer, offset, limit);
        prop_assert_eq!(page.total, got.len());
        let slice: Vec<Hit> = got.iter().skip(offset).take(limit).cloned().collect();
        prop_assert_eq!(page.hits, slice);
    }
}

/// Searches by words alone (the path that walks weight combinations and counts from bitmaps), with the flags
/// and sometimes a filter: two to four words, so every path (one word, combinations, more words) is taken.
fn any_words_query() -> impl Strategy<Value = Query> {
    (proptest::collection::vec(0..QUERY_WORDS.len(), 1..5), 0..3usize, any::<bool>(), 0..CATEGORIES.len() + 4).prop_map(
        |(ws, online, meetings, cat)| Query {
            words: ws.iter().map(|&w| QUERY_WORDS[w]).collect::<Vec<_>>().join(" "),
            category: CATEGORIES.get(cat).map(|c| (*c).to_owned()),
            online: [None, Some(true), Some(false)][online],
            meetings_only: meetings,
            ..Query::default()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn searches_by_words_agree_with_the_reference_search(
        mut listings in proptest::collection::vec(any_listing(), 0..60),
        q in any_words_query(),
        (offset, limit) in (0..6usize, 1..5usize),
    ) {
        for (i, l) in listings.iter_mut().enumerate() {
            l.service_id = Uuid::from_u128(i as u128);
        }
        let now = tuesday_evening();
        let ix = Index::build(listings.clone());
        let expected: Vec<(usize, u32)> =
            Reference::new(&listings).search(&q, now, New_York).iter().map(|e| (e.0, e.1)).collect();
        let got: Vec<(usize, u32)> = ix
            .search(&q, now, New_York)
            .iter()
            .filter_map(|h| ix.listing(h.listing).map(|l| (l.service_id().as_u128() as usize, h.score)))
            .collect();
        prop_assert_eq!(&got, &expected, "{:?}", q);
        let page = ix.search_page(&q, now, New_York, offset, limit);
        prop_assert_eq!((page.total, page.at_least), (expected.len(), false));
        let ids: Vec<usize> =
            page.hits.iter().filter_map(|h| ix.listing(h.listing)).map(|l| l.service_id().as_u128() as usize).collect();
        let slice: Vec<usize> = expected.iter().skip(offset).take(limit).map(|e| e.0).collect();
        prop_assert_eq!(ids, slice);
    }
}

#[test]
fn a_short_prefix_over_many_words_is_checked_as_one_merged_list() {
    let names: Vec<String> =
        (0..60).map(|i| format!("Alpha{i} {}", if i % 7 == 0 { "Beta" } else { "Gamma" })).collect();
    let listings: Vec<Listing<'_>> = names
        .iter()
        .enumerate()
        .map(|(i, n)| Listing {
            service_id: Uuid::from_u128(i as u128),
            name: n,
            place: (i % 2 == 0).then(|| LatLon::new(41.0 + i as f64 * 0.01, -72.0).ok()).flatten(),
            online: i % 3 == 0,
            ..Listing::default()
        })
        .collect();
    let ix = Index::build(listings.clone());
    let now = tuesday_evening();
    for q in [
        Query { words: "alp beta".into(), ..Query::default() },
        Query { words: "beta alp".into(), near: at(41.0, -72.0), radius_mi: 30.0, ..Query::default() },
        Query { words: "alp".into(), ..Query::default() },
    ] {
        let got: Vec<u128> = ix
            .search(&q, now, New_York)
            .iter()
            .filter_map(|h| ix.listing(h.listing))
            .map(|l| l.service_id().as_u128())
            .collect();
        let expected: Vec<u128> =
            Reference::new(&listings).search(&q, now, New_York).iter().map(|e| e.0 as u128).collect();
        assert_eq!(got, expected, "{q:?}");
        assert!(!got.is_empty());
    }
}

proptest! {
    #[test]
    fn splitting_without_allocating_gives_the_same_words(text in "[a-zA-Z0-9 ,.'ñéÁü-]{0,40}") {
        let mut got = Vec::new();
        each_word(&text, &mut String::new(), |w| got.push(w.to_owned()));
        prop_assert_eq!(got, words(&text).collect::<Vec<_>>());
    }
}

/// Broad words at scale: the page of a search ranked by words is the head of the full ranking (early termination
/// loses nothing), one word of the vocabulary is counted exactly from its lists, and where counting would walk
/// every match the total is a flagged lower bound that still covers the page.
#[test]
fn broad_words_rank_the_page_without_walking_every_match() {
    let texts: Vec<(String, String)> = (0..6000)
        .map(|i| {
            let name = match i % 5 {
                0 => format!("Recovery Center {i:05}"),
                1 => format!("Meeting Place {i:05}"),
                _ => format!("Program {i:05}"),
            };
            let description = match i % 3 {
                0 => "recovery meeting support",
                1 => "recovery support",
                _ => "meetings and recovery",
            };
            (name, description.to_owned())
        })
        .collect();
    let listings: Vec<Listing<'_>> = texts
        .iter()
        .enumerate()
        .map(|(i, (name, description))| Listing {
            service_id: Uuid::from_u128(i as u128),
            name,
            description,
            place: (i % 4 != 0).then(|| LatLon::new(41.0 + (i % 100) as f64 * 0.01, -72.0).ok()).flatten(),
            online: i % 2 == 0,
            is_meeting: i % 7 == 0,
            ..Listing::default()
        })
        .collect();
    let ix = Index::build(listings.clone());
    let now = tuesday_evening();
    for q in [
        Query { words: "recovery".into(), ..Query::default() },
        Query { words: "meeting".into(), ..Query::default() },
        Query { words: "recovery meeting".into(), ..Query::default() },
        Query { words: "support recovery".into(), meetings_only: true, ..Query::default() },
        Query { words: "recovery".into(), online: Some(true), ..Query::default() },
    ] {
        let all = ix.search(&q, now, New_York);
        assert!(all.len() > 100, "{q:?}");
        for (offset, limit) in [(0, 20), (20, 20), (180, 20)] {
            let page = ix.search_page(&q, now, New_York, offset, limit);
            assert_eq!(page.hits, all[offset..offset + limit], "{q:?} at {offset}");
            assert!(page.total >= offset + limit && page.total <= all.len(), "{q:?}: {}", page.total);
            if !page.at_least {
                assert_eq!(page.total, all.len(), "{q:?}");
            }
        }
    }
    // One word of the vocabulary, nothing else: exact, from the lists' lengths.
    let one = ix.search_page(&Query { words: "recovery".into(), ..Query::default() }, now, New_York, 0, 20);
    assert_eq!((one.total, one.at_least), (6000, false));
    // A whole word that begins others ("meeting", "meetings"): exact, from the counts made at build; a prefix
    // that is no word of its own may be a lower bound, never more than the truth.
    let meeting = Query { words: "meeting".into(), ..Query::default() };
    let page = ix.search_page(&meeting, now, New_York, 0, 20);
    assert!(ix.word_range("meeting").1 - ix.word_range("meeting").0 > 1);
    assert_eq!((page.total, page.at_least), (ix.search(&meeting, now, New_York).len(), false));
    let meet = Query { words: "meet".into(), ..Query::default() };
    let page = ix.search_page(&meet, now, New_York, 0, 20);
    assert!(page.total <= ix.search(&meet, now, New_York).len());
    // Two whole words that most listings have: counted exactly from their bitmaps (with a flag too).
    for q in [
        Query { words: "recovery meeting".into(), ..Query::default() },
        Query { words: "meeting recovery".into(), meetings_only: true, ..Query::default() },
    ] {
        let two = ix.search_page(&q, now, New_York, 0, 20);
        assert_eq!((two.total, two.at_least), (ix.search(&q, now, New_York).len(), false), "{q:?}");
    }
    // Two prefixes that are no words of their own (no bitmaps), both broad: the count stops, and says so.
    let prefixes = Query { words: "recov meet".into(), ..Query::default() };
    let two = ix.search_page(&prefixes, now, New_York, 0, 20);
    assert!(two.at_least, "{}", two.total);
    assert!(two.total < ix.search(&prefixes, now, New_York).len());
}

/// Listing `i` of a generated set: its texts and keywords, a meeting when `i` is even, at one place when `placed`.
fn numbered<'a>(i: usize, name: &'a str, description: &'a str, keywords: Vec<&'a str>, placed: bool) -> Listing<'a> {
    Listing {
        service_id: Uuid::from_u128(i as u128),
        name,
        description,
        keywords,
        place: placed.then(|| LatLon::new(41.0, -72.0).ok()).flatten(),
        is_meeting: i.is_multiple_of(2),
        ..Listing::default()
    }
}

/// Two or three broad words: the page is the head of the full ranking whichever weights the words have (name,
/// category, description), and the bitmaps count exactly.
#[test]
fn several_broad_words_rank_by_the_sum_of_their_weights() {
    // Towns that begin alike, so "and" covers more words than are checked one list each.
    let towns: Vec<String> = (0..24)
        .map(|k| format!("And{}", ["over", "erson", "reas", "es", "ale", "alusia"][k % 6].repeat(1 + k / 6)))
        .collect();
    let texts: Vec<(String, String)> = (0..3000)
        .map(|i| {
            let town = &towns[i % towns.len()];
            let name = match i % 4 {
                0 => format!("Hope Recovery {i:04}"),
                1 => format!("{town} Hope House {i:04}"),
                2 => format!("Recovery House {i:04} and {town}"),
                _ => format!("Center {i:04} {town} Services"),
            };
            let description = match i % 5 {
                0 => "hope and recovery",
                1 => "a recovery house",
                2 => "house meetings",
                _ => "support",
            };
            (name, description.to_owned())
        })
        .collect();
    let listings: Vec<Listing<'_>> = texts
        .iter()
        .enumerate()
        .map(|(i, (name, description))| {
            numbered(i, name, description, if i % 6 == 0 { vec!["recovery housing"] } else { Vec::new() }, i % 3 != 0)
        })
        .collect();
    let ix = Index::build(listings.clone());
    let now = tuesday_evening();
    for words in [
        "hope recovery",
        "recovery house",
        "house hope recovery",
        "recovery hou",
        "hope support",
        "and services",
        "and house",
        "andreas recovery",
        "hope and recovery house",
    ] {
        for meetings_only in [false, true] {
            let q = Query { words: words.into(), meetings_only, ..Query::default() };
            let all = ix.search(&q, now, New_York);
            let expected: Vec<u128> =
                Reference::new(&listings).search(&q, now, New_York).iter().map(|e| e.0 as u128).collect();
            let got: Vec<u128> =
                all.iter().filter_map(|h| ix.listing(h.listing)).map(|l| l.service_id().as_u128()).collect();
            assert_eq!(got, expected, "{q:?}");
            for (offset, limit) in [(0, 20), (40, 20)] {
                let page = ix.search_page(&q, now, New_York, offset, limit);
                let end = (offset + limit).min(all.len());
                assert_eq!(page.hits, all[offset.min(end)..end], "{q:?} at {offset}");
                assert_eq!((page.total, page.at_least), (all.len(), false), "{q:?}");
            }
        }
    }
}

/// At a larger scale, with names, towns and descriptions that share words and prefixes as a directory's do: for
/// every pair of a set of words (whole words, prefixes, broad and rare ones), the first two pages of a search by
/// words are the head of its full ranking (where nothing stops early), and an exact count is the full count.
#[test]
fn pages_at_scale_are_the_head_of_the_full_ranking() {
    let towns = [
        "Union",
        "Unionville",
        "Andover",
        "Anderson",
        "Andreas",
        "Lake Andes",
        "Smith",
        "Smithfield",
        "Place",
        "Placentia",
    ];
    let kinds = ["Recovery House", "Outpatient Services", "AA Meeting", "Harm Reduction Services", "Family Program"];
    let descriptions =
        ["meetings for all", "recovery and support services", "a place to meet", "union hall meetings", ""];
    let texts: Vec<(String, String, &str)> = (0..8000usize)
        .map(|i| {
            let town = towns[(i * 7) % towns.len()];
            let name = format!("{town} {} {}", kinds[(i * 3) % kinds.len()], i % 97);
            (name, descriptions[(i * 11) % descriptions.len()].to_owned(), towns[(i * 5) % towns.len()])
        })
        .collect();
    let listings: Vec<Listing<'_>> = texts
        .iter()
        .enumerate()
        .map(|(i, (name, description, city))| Listing {
            city,
            ..numbered(i, name, description, if i % 9 == 0 { vec!["recovery housing"] } else { Vec::new() }, i % 5 != 0)
        })
        .collect();
    let ix = Index::build(listings);
    let now = tuesday_evening();
    let words =
        ["union", "and", "andreas", "smith", "place", "meetings", "recovery", "services", "hou", "pla", "aa", "for"];
    for a in words {
        for b in words {
            let q = Query { words: format!("{a} {b}"), ..Query::default() };
            let full = ix.search(&q, now, New_York);
            for offset in [0, 20] {
                let page = ix.search_page(&q, now, New_York, offset, 20);
                let end = (offset + 20).min(full.len());
                assert_eq!(page.hits, full[offset.min(end)..end], "{q:?} at {offset}");
                if !page.at_least {
                    assert_eq!(page.total, full.len(), "{q:?}");
                }
            }
        }
    }
}

/// A query word that begins other words ("meeting": "meeting", "meetings") finds listings under each at the same
/// weight: the page comes from all of them in name order, not from the first word's list alone (a page once
/// stopped at the first list's names and missed "000 meetings" … for "001 meeting" …).
#[test]
fn a_prefix_ranks_its_words_together_in_name_order() {
    let names: Vec<String> =
        (0..100).map(|i| format!("{i:03} {}", if i % 2 == 0 { "meetings" } else { "meeting" })).collect();
    let listings: Vec<Listing<'_>> = names
        .iter()
        .enumerate()
        .map(|(i, name)| Listing { service_id: Uuid::from_u128(i as u128), name, ..Listing::default() })
        .collect();
    let ix = Index::build(listings);
    let now = tuesday_evening();
    for words in ["meeting", "meet"] {
        let q = Query { words: words.into(), ..Query::default() };
        let full = ix.search(&q, now, New_York);
        for offset in [0, 20, 40] {
            let page = ix.search_page(&q, now, New_York, offset, 20);
            assert_eq!(page.hits, full[offset..offset + 20], "{words:?} at {offset}");
        }
        let first: Vec<String> =
            full.iter().take(3).filter_map(|h| ix.listing(h.listing)).map(|l| l.name().to_owned()).collect();
        assert_eq!(first, ["000 meetings", "001 meeting", "002 meetings"], "{words:?}");
    }
}

/// Two broad words that rarely meet ("harbor" and "smart", each in a quarter of the listings, together in a few):
/// the few listings with both are found in the words' bitmaps and ranked by the sum of their weights, then by
/// name — the page is the reference's head and the count exact, whatever the page asks for.
#[test]
fn two_broad_words_that_rarely_meet_rank_from_their_bitmaps() {
    let texts: Vec<(String, String)> = (0..4000usize)
        .map(|i| {
            let both = i % 331 == 0;
            let name = match (i % 4, both) {
                // Named after the others, weighed more: name order alone would put them last.
                (_, true) if i % 2 == 0 => format!("Zeta Harbor Smart {i:04}"),
                (_, true) => format!("Alpha {i:04} Harbor"),
                (0, _) => format!("Harbor House {i:04}"),
                (1, _) => format!("Smart Center {i:04}"),
                _ => format!("Other {i:04}"),
            };
            let description = if both && i % 2 == 1 { "smart recovery" } else { "support" };
            (name, description.to_owned())
        })
        .collect();
    let listings: Vec<Listing<'_>> = texts
        .iter()
        .enumerate()
        .map(|(i, (name, description))| {
            numbered(i, name, description, if i % 662 == 331 { vec!["smart"] } else { Vec::new() }, i % 3 != 0)
        })
        .collect();
    let ix = Index::build(listings.clone());
    let now = tuesday_evening();
    for words in ["harbor smart", "smart harbor", "harbor smart support", "smart harbor recovery"] {
        for meetings_only in [false, true] {
            let q = Query { words: words.into(), meetings_only, ..Query::default() };
            let expected: Vec<u128> =
                Reference::new(&listings).search(&q, now, New_York).iter().map(|e| e.0 as u128).collect();
            for (offset, limit) in [(0, 3), (0, 20), (2, 5)] {
                let page = ix.search_page(&q, now, New_York, offset, limit);
                let got: Vec<u128> =
                    page.hits.iter().filter_map(|h| ix.listing(h.listing)).map(|l| l.service_id().as_u128()).collect();
                let end = (offset + limit).min(expected.len());
                assert_eq!(got, expected[offset.min(end)..end], "{q:?} at {offset}");
                assert_eq!((page.total, page.at_least), (expected.len(), false), "{q:?}");
            }
        }
    }
}

/// A broad word's bitmaps by weight hold exactly the listings that have it (or a word it begins) at that weight
/// or a heavier one, as its posting lists say; each summary marks exactly the stretches of 64 listings with
/// somebody in its bitmap.
#[test]
fn a_broad_words_bitmaps_by_weight_follow_its_posting_lists() {
    let texts: Vec<(String, String)> = (0..700usize)
        .map(|i| {
            let name = match i % 7 {
                0 => format!("Recovery House {i:04}"),
                1 => format!("Hope {i:04}"),
                _ => format!("Center {i:04}"),
            };
            let description = if i % 3 == 0 { "recovering together" } else { "hope and support" };
            (name, description.to_owned())
        })
        .collect();
    let listings: Vec<Listing<'_>> = texts
        .iter()
        .enumerate()
        .map(|(i, (name, description))| {
            numbered(i, name, description, if i % 5 == 0 { vec!["recovery housing"] } else { Vec::new() }, i % 2 == 0)
        })
        .collect();
    let ix = Index::build(listings);
    let mut checked = 0;
    // "recov" is no word of its own: a query word that is one (with the words it begins) has bitmaps.
    for word in ["recov", "recovery", "hope", "house", "center", "support"] {
        let (first, last) = ix.word_range(word);
        let Some(tiers) = ix.dense.tiers(first).filter(|_| ix.word(first) == word) else { continue };
        checked += 1;
        for id in 0..u32::try_from(ix.len()).unwrap_or(0) {
            let best =
                (first * TIERS..last * TIERS).filter(|&k| ix.postings.get(k).contains(&id)).map(|k| k % TIERS).min();
            for t in 0..TIERS {
                let bit = tiers.at_least[t][id as usize / 64] & (1 << (id % 64)) != 0;
                assert_eq!(bit, best.is_some_and(|b| b <= t), "{word}: listing {id} at tier {t}");
            }
        }
        for t in 0..TIERS {
            for (block, &w) in tiers.at_least[t].iter().enumerate() {
                assert_eq!(tiers.blocks[t][block / 64] & (1 << (block % 64)) != 0, w != 0, "{word}: block {block}");
            }
        }
    }
    assert!(checked >= 4, "the broad words have bitmaps: {checked}");
}
