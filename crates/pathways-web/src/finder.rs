//! The finder's in-process search index, kept in step with the directory. Each instance builds its own
//! [`Index`] from the database at start and rebuilds it when the directory's version moves: a search looks at the
//! version at most once a second (one tiny query), and a rebuild runs in the background while searches keep using
//! the index they have (the search that noticed the change waits a moment for it, so a small directory is seen
//! changed at once). So several instances over one database agree within about a second of any change.
//!
//! A build reads the directory a page of services at a time and turns each service into listings at once, on a
//! blocking thread while the next page is read: only the columns the index needs are read, each document is
//! parsed into just the fields the index uses and dropped, so memory holds the finished index and a page or two.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;
use std::sync::{Arc, OnceLock, RwLock};
use std::time::{Duration, Instant};

use chrono::Weekday;
use chrono_tz::Tz;
use pathways_domain::directory::geo::LatLon;
use pathways_domain::directory::schedule::{WeeklySlot, parse_hhmm};
use pathways_domain::finder::{Index, IndexBuilder, Listing};
use pathways_domain::taxonomy::Taxonomy;
use pathways_store::Store;
use pathways_store::directory::{self, SnapshotService};
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// The shipped recovery taxonomy.
pub fn taxonomy() -> &'static Taxonomy {
    static T: OnceLock<Taxonomy> = OnceLock::new();
    T.get_or_init(|| match Taxonomy::parse(include_str!("../../../data/taxonomy/recovery.json")) {
        Ok(t) => t,
        // The file is part of the build and checked by the domain's tests; an empty taxonomy keeps the finder up.
        Err(e) => {
            tracing::error!(error = %e, "the shipped taxonomy cannot be read");
            Taxonomy {
                taxonomy: pathways_domain::taxonomy::TaxonomyInfo {
                    id: String::new(),
                    name: String::new(),
                    description: String::new(),
                    uri: String::new(),
                    version: String::new(),
                },
                terms: Vec::new(),
                attributes: std::collections::BTreeMap::new(),
            }
        }
    })
}

/// Meeting Guide meeting types and their names by language.
pub fn meeting_types() -> &'static HashMap<String, HashMap<String, String>> {
    static T: OnceLock<HashMap<String, HashMap<String, String>>> = OnceLock::new();
    T.get_or_init(|| serde_json::from_str(include_str!("../../../data/meeting-guide/types.json")).unwrap_or_default())
}

/// What a category code brings to a listing: itself and its parents (nearest first), and the words to find it
/// by (the names in both languages and the keywords of each, in one text: the index splits a text it has seen
/// before only once).
struct CategoryWords {
    lineage: Vec<&'static str>,
    keywords: String,
}

fn category_words(code: &str) -> Option<&'static CategoryWords> {
    static T: OnceLock<HashMap<&'static str, CategoryWords>> = OnceLock::new();
    let all = T.get_or_init(|| {
        let tax = taxonomy();
        tax.terms
            .iter()
            .map(|term| {
                let lineage: Vec<&'static str> =
                    tax.lineage(&term.code).iter().filter_map(|c| tax.term(c)).map(|t| t.code.as_str()).collect();
                let keywords: Vec<&str> = lineage
                    .iter()
                    .filter_map(|c| tax.term(c))
                    .flat_map(|t| {
                        [t.en.as_str(), t.es.as_str()].into_iter().chain(t.keywords.iter().map(String::as_str))
                    })
                    .collect();
                (term.code.as_str(), CategoryWords { lineage, keywords: keywords.join(" | ") })
            })
            .collect()
    });
    all.get(code)
}

/// A meeting type's names in English and Spanish, in one text.
fn type_words(code: &str) -> Option<&'static str> {
    static T: OnceLock<HashMap<&'static str, String>> = OnceLock::new();
    let all = T.get_or_init(|| {
        meeting_types()
            .iter()
            .map(|(code, names)| {
                let both: Vec<&str> = ["en", "es"].iter().filter_map(|l| names.get(*l)).map(String::as_str).collect();
                (code.as_str(), both.join(" | "))
            })
            .collect()
    });
    all.get(code).map(String::as_str)
}

/// How often a search checks whether the directory changed.
const CHECK_EVERY: Duration = Duration::from_secs(1);
/// How long the search that noticed a change waits for the new index before answering from the old one.
const WAIT_FOR_REBUILD: Duration = Duration::from_millis(250);

pub struct Built {
    pub version: i64,
    pub index: Index,
}

pub struct Finder {
    current: RwLock<Arc<Built>>,
    checked: std::sync::Mutex<Instant>,
    rebuilding: tokio::sync::Mutex<()>,
}

impl Default for Finder {
    fn default() -> Self {
        Self {
            current: RwLock::new(Arc::new(Built { version: -1, index: Index::default() })),
            checked: std::sync::Mutex::new(Instant::now().checked_sub(CHECK_EVERY * 2).unwrap_or_else(Instant::now)),
            rebuilding: tokio::sync::Mutex::new(()),
        }
    }
}

impl Finder {
    pub fn current(&self) -> Arc<Built> {
        self.current.read().map(|g| Arc::clone(&g)).unwrap_or_else(|e| Arc::clone(&e.into_inner()))
    }

    /// The index to search. The first build is waited for. When the directory has moved on, a rebuild starts in
    /// the background; this search waits for it a moment ([`WAIT_FOR_REBUILD`]) and otherwise answers from the
    /// index it has, as every other search meanwhile does.
    pub async fn index(self: &Arc<Self>, store: &Store) -> Result<Arc<Built>, pathways_store::StoreError> {
        let due = {
            let mut last = self.checked.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if last.elapsed() >= CHECK_EVERY {
                *last = Instant::now();
                true
            } else {
                false
            }
        };
        let have = self.current();
        if !due && have.version >= 0 {
            return Ok(have);
        }
        let version = directory::version(store.reader()).await?;
        if version == have.version {
            return Ok(have);
        }
        if have.version < 0 {
            return self.rebuild(store).await;
        }
        let (finder, store) = (Arc::clone(self), store.clone());
        let mut task = tokio::spawn(async move {
            let built = finder.rebuild(&store).await;
            if let Err(e) = &built {
                tracing::error!(error = %e, "the finder's index could not be rebuilt");
            }
            built
        });
        match tokio::time::timeout(WAIT_FOR_REBUILD, &mut task).await {
            Ok(Ok(built)) => built,
            Ok(Err(e)) => Err(pathways_store::StoreError::Invalid(format!("index build: {e}"))),
            Err(_) => Ok(have),
        }
    }

    /// Rebuilds now (after a change made by this instance, and at start); searches meanwhile use the index they
    /// have.
    pub async fn rebuild(&self, store: &Store) -> Result<Arc<Built>, pathways_store::StoreError> {
        let _one = self.rebuilding.lock().await;
        let db = store.reader();
        let mut snapshot = directory::snapshot(db).await?;
        let have = self.current();
        if have.version == snapshot.version && have.version >= 0 {
            return Ok(have);
        }
        let started = Instant::now();
        // Pages go to a blocking thread that parses and indexes them while the next page is read.
        let (pages, mut received) = tokio::sync::mpsc::channel::<Vec<SnapshotService>>(2);
        let build = tokio::task::spawn_blocking(move || {
            let mut b = IndexBuilder::default();
            while let Some(page) = received.blocking_recv() {
                for s in &page {
                    add_service(&mut b, s);
                }
            }
            b.finish()
        });
        while let Some(page) = snapshot.next_page(db).await? {
            if pages.send(page).await.is_err() {
                break;
            }
        }
        drop(pages);
        let index = build.await.map_err(|e| pathways_store::StoreError::Invalid(format!("index build: {e}")))?;
        let (words, postings) = index.words_and_postings();
        tracing::info!(
            version = snapshot.version,
            listings = index.len(),
            words,
            postings,
            duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            "finder index built"
        );
        let built = Arc::new(Built { version: snapshot.version, index });
        if let Ok(mut g) = self.current.write() {
            *g = Arc::clone(&built);
        }
        Ok(built)
    }
}

// The parts of HSDS documents the index reads. Documents come from many sources, so reading never fails on a
// value of an unexpected kind: a field that should be a string reads as empty, a list as empty, an object as
// one with nothing in it (as `serde_json::Value` lookups would).

/// A string, or empty.
#[derive(Clone, Debug, Default)]
struct Text<'a>(Cow<'a, str>);

impl Text<'_> {
    fn get(&self) -> &str {
        self.0.trim()
    }
}

/// Consumes whatever value a visitor was given instead of the one it wanted.
fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Accepts any value: `found` for the wanted kind, the default otherwise.
macro_rules! lenient_scalars {
    ($value:ty) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<$value, E> {
            Ok(Default::default())
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<$value, E> {
            Ok(Default::default())
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<$value, E> {
            Ok(Default::default())
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<$value, E> {
            Ok(Default::default())
        }
        fn visit_unit<E: de::Error>(self) -> Result<$value, E> {
            Ok(Default::default())
        }
        fn visit_none<E: de::Error>(self) -> Result<$value, E> {
            Ok(Default::default())
        }
    };
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Text<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Text<'a>, A::Error> {
                skip_seq(seq).map(|()| Text::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Text<'a>, A::Error> {
                skip_map(map).map(|()| Text::default())
            }
            lenient_scalars!(Text<'a>);
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// An object, or an empty one.
#[derive(Clone, Debug, Default)]
struct Obj<T>(T);

impl<'de, T: Deserialize<'de> + Default> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de> + Default> Visitor<'de> for V<T> {
            type Value = Obj<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Obj<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Obj)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Obj<T>, A::Error> {
                skip_seq(seq).map(|()| Obj::default())
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Obj<T>, E> {
                Ok(Obj::default())
            }
            lenient_scalars!(Obj<T>);
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// A list of objects (an element of another kind reads as an empty object, keeping the positions), or none.
#[derive(Clone, Debug)]
struct Items<T>(Vec<T>);

impl<T> Default for Items<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, T: Deserialize<'de> + Default> Deserialize<'de> for Items<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de> + Default> Visitor<'de> for V<T> {
            type Value = Items<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items<T>, A::Error> {
                let mut out = Vec::new();
                while let Some(Obj(item)) = seq.next_element::<Obj<T>>()? {
                    out.push(item);
                }
                Ok(Items(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Items<T>, A::Error> {
                skip_map(map).map(|()| Items::default())
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Items<T>, E> {
                Ok(Items::default())
            }
            lenient_scalars!(Items<T>);
        }
        d.deserialize_any(V(PhantomData))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ServiceDoc<'a> {
    #[serde(borrow)]
    description: Text<'a>,
    #[serde(borrow)]
    url: Text<'a>,
    #[serde(borrow)]
    attributes: Items<AttributeDoc<'a>>,
    #[serde(borrow)]
    languages: Items<CodeDoc<'a>>,
    #[serde(borrow)]
    schedules: Items<ScheduleDoc<'a>>,
    #[serde(borrow)]
    phones: Items<PhoneDoc<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct AttributeDoc<'a> {
    #[serde(borrow)]
    link_type: Text<'a>,
    #[serde(borrow)]
    value: Text<'a>,
    #[serde(borrow)]
    taxonomy_term: Obj<CodeDoc<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CodeDoc<'a> {
    #[serde(borrow)]
    code: Text<'a>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ScheduleDoc<'a> {
    #[serde(borrow)]
    freq: Text<'a>,
    #[serde(borrow)]
    byday: Text<'a>,
    #[serde(borrow)]
    opens_at: Text<'a>,
    #[serde(borrow)]
    closes_at: Text<'a>,
    #[serde(borrow)]
    attending_type: Text<'a>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PhoneDoc<'a> {
    #[serde(borrow)]
    number: Text<'a>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LocationDoc<'a> {
    #[serde(borrow)]
    addresses: Items<AddressDoc<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct AddressDoc<'a> {
    #[serde(borrow)]
    address_1: Text<'a>,
    #[serde(borrow)]
    city: Text<'a>,
}

/// Reads a document's text and hands it to `f`. A document the typed reading refuses (a key given twice, say)
/// is read through a `Value` first, as `Value` lookups would see it; text that is not JSON reads as empty.
macro_rules! reader {
    ($name:ident, $doc:ident) => {
        fn $name<R>(text: &str, f: impl FnOnce(&$doc<'_>) -> R) -> R {
            match serde_json::from_str::<$doc<'_>>(text) {
                Ok(doc) => f(&doc),
                Err(_) => {
                    let value: Value = serde_json::from_str(text).unwrap_or_default();
                    f(&$doc::deserialize(&value).unwrap_or_default())
                }
            }
        }
    };
}
reader!(read_service, ServiceDoc);
reader!(read_location, LocationDoc);

fn weekday(code: &str) -> Option<Weekday> {
    Some(match code.trim() {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

/// Weekly slots from HSDS schedules (`freq` WEEKLY, `byday`, `opens_at`, `closes_at`) in the service's zone.
fn weekly(schedules: &[ScheduleDoc<'_>], tz: Tz) -> Vec<WeeklySlot> {
    let mut out = Vec::new();
    for s in schedules {
        if !s.freq.get().eq_ignore_ascii_case("weekly") {
            continue;
        }
        let Ok(start) = parse_hhmm(s.opens_at.get()) else { continue };
        let end = parse_hhmm(s.closes_at.get()).unwrap_or(start + chrono::TimeDelta::hours(1));
        for day in s.byday.get().split(',').filter_map(weekday) {
            out.push(WeeklySlot { day, start, end, tz });
        }
    }
    out
}

/// Weekly slots from an HSDS service document, in the service's zone.
pub fn slots(doc: &Value, tz: Tz) -> Vec<WeeklySlot> {
    ServiceDoc::deserialize(doc).map(|d| weekly(&d.schedules.0, tz)).unwrap_or_default()
}

/// Indexes one active service: once at each of its places, or once without a place.
fn add_service(b: &mut IndexBuilder, s: &SnapshotService) {
    read_service(&s.doc, |doc| add_service_doc(b, s, doc));
}

fn add_service_doc(b: &mut IndexBuilder, s: &SnapshotService, doc: &ServiceDoc<'_>) {
    let tz: Tz = s.time_zone.as_deref().and_then(|z| z.parse().ok()).unwrap_or(chrono_tz::America::New_York);
    let mut categories: Vec<&str> = Vec::new();
    let mut meeting_types = Vec::new();
    let mut attributes = Vec::new();
    let mut keywords: Vec<&str> = Vec::new();
    for a in &doc.attributes.0 {
        let code = a.taxonomy_term.0.code.get();
        let code = if code.is_empty() { a.value.get() } else { code };
        match a.link_type.get() {
            "meeting_type" => {
                keywords.extend(type_words(code));
                meeting_types.push(code);
            }
            "category" => {
                if let Some(c) = category_words(code) {
                    keywords.push(&c.keywords);
                    for &code in &c.lineage {
                        if !categories.contains(&code) {
                            categories.push(code);
                        }
                    }
                }
            }
            _ if code.contains(':') => attributes.push(code),
            _ => {}
        }
    }
    let languages: Vec<&str> = doc.languages.0.iter().map(|l| l.code.get()).filter(|c| !c.is_empty()).collect();
    for &l in &languages {
        keywords.push(match l {
            "es" => "Spanish español",
            "en" => "English inglés",
            other => other,
        });
    }
    let attending: Vec<&str> = doc.schedules.0.iter().map(|s| s.attending_type.get()).collect();
    let phone = doc.phones.0.first().map(|p| p.number.get()).filter(|n| !n.is_empty());
    let url = Some(doc.url.get()).filter(|u| !u.is_empty());
    let online = !s.linked || attending.iter().any(|&a| a == "online" || a == "hybrid");
    let base = Listing {
        service_id: s.id,
        location_id: None,
        name: &s.name,
        organization: &s.organization,
        description: doc.description.get(),
        categories,
        meeting_types,
        languages,
        attributes,
        keywords,
        place: None,
        approximate: false,
        address: "",
        city: "",
        postal_code: "",
        phone,
        online_url: if online { url } else { None },
        is_meeting: s.is_meeting,
        online,
        in_person: false,
        slots: weekly(&doc.schedules.0, tz),
    };
    if s.places.is_empty() {
        b.add(&base);
        return;
    }
    let in_person = attending.is_empty() || attending.iter().any(|&a| a != "online");
    for p in &s.places {
        read_location(&p.doc, |place| {
            let address = place.addresses.0.first();
            b.add(&Listing {
                location_id: Some(p.id),
                place: p.latitude.zip(p.longitude).and_then(|(lat, lon)| LatLon::new(lat, lon).ok()),
                approximate: p.approximate,
                address: address.map(|a| a.address_1.get()).unwrap_or_default(),
                city: address.map(|a| a.city.get()).unwrap_or_default(),
                postal_code: p.postal_code.as_deref().unwrap_or_default(),
                in_person,
                ..base.clone()
            });
        });
    }
}

/// Builds an index from snapshot pages at once (tests, and what [`Finder::rebuild`] does page by page).
pub fn index_of(services: &[SnapshotService]) -> Index {
    let mut b = IndexBuilder::default();
    for s in services {
        add_service(&mut b, s);
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use pathways_domain::finder::Query;
    use uuid::Uuid;

    use super::*;

    fn meeting(doc: &str) -> SnapshotService {
        SnapshotService {
            id: Uuid::from_u128(1),
            organization: "Intergroup".into(),
            name: "Grupo Esperanza".into(),
            is_meeting: true,
            time_zone: Some("America/New_York".into()),
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
        let ix = index_of(&[meeting(DOC)]);
        let Some(l) = ix.listing(0) else { panic!("one listing") };
        assert_eq!(
            (l.name(), l.organization(), l.address(), l.city()),
            ("Grupo Esperanza", "Intergroup", "60 Gold St", "Hartford")
        );
        assert_eq!((l.phone(), l.online_url()), (Some("860-555-0100"), Some("https://example.org/esperanza")));
        assert!(l.online() && l.in_person() && l.is_meeting());
        assert_eq!(l.categories().collect::<Vec<_>>(), ["alcoholics-anonymous", "mutual-help"]);
        assert_eq!(l.slots().len(), 2);
        let now = chrono_tz::America::New_York
            .with_ymd_and_hms(2026, 11, 24, 18, 0, 0)
            .single()
            .map(|t| t.with_timezone(&chrono::Utc))
            .unwrap_or_default();
        let find = |q: Query| ix.search(&q, now, chrono_tz::America::New_York).len();
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
        let ix = index_of(&[
            meeting(odd),
            SnapshotService { id: Uuid::from_u128(3), doc: "not json".into(), ..meeting("") },
        ]);
        assert_eq!(ix.len(), 2);
        let urls: Vec<Option<&str>> = (0..2).filter_map(|i| ix.listing(i)).map(|l| l.online_url()).collect();
        assert!(urls.contains(&None));
        let slots: usize = (0..2).filter_map(|i| ix.listing(i)).map(|l| l.slots().len()).sum();
        assert_eq!(slots, 1, "the weekly Monday 9:00");
        let value: Value = serde_json::from_str(odd).unwrap_or_default();
        assert_eq!(slots_of(&value), 1);
    }

    fn slots_of(doc: &Value) -> usize {
        slots(doc, chrono_tz::America::New_York).len()
    }

    #[test]
    fn a_service_without_places_is_online_and_one_whose_places_are_all_retired_is_neither() {
        let online = SnapshotService { linked: false, places: Vec::new(), ..meeting(DOC) };
        let gone = SnapshotService { id: Uuid::from_u128(9), linked: true, places: Vec::new(), ..meeting(r#"{}"#) };
        let ix = index_of(&[online, gone]);
        let views: Vec<(bool, bool, bool)> =
            (0..2).filter_map(|i| ix.listing(i)).map(|l| (l.place().is_some(), l.online(), l.in_person())).collect();
        assert!(views.contains(&(false, true, false)));
        assert!(views.contains(&(false, false, false)));
    }
}
