//! The finder's in-process search index, kept in step with the directory. Each instance builds its own
//! [`Index`] from the database at start and rebuilds it when the directory's version moves: a search looks at the
//! version at most once a second (one tiny query), and a rebuild runs in the background while searches keep using
//! the index they have. So several instances over one database agree within about a second of any change.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};
use std::time::{Duration, Instant};

use chrono::Weekday;
use chrono_tz::Tz;
use pathways_domain::directory::geo::LatLon;
use pathways_domain::directory::schedule::{WeeklySlot, parse_hhmm};
use pathways_domain::finder::{Index, Listing};
use pathways_domain::taxonomy::Taxonomy;
use pathways_store::Store;
use pathways_store::directory::{self, Snapshot};
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

/// How often a search checks whether the directory changed.
const CHECK_EVERY: Duration = Duration::from_secs(1);

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

    /// The index to search: rebuilt first if this is the first search or the directory has moved on. The first
    /// build is waited for; later ones too (they take well under a second for a state's worth of listings).
    pub async fn index(&self, store: &Store) -> Result<Arc<Built>, pathways_store::StoreError> {
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
        self.rebuild(store).await
    }

    /// Rebuilds now (after a change made by this instance, and at start).
    pub async fn rebuild(&self, store: &Store) -> Result<Arc<Built>, pathways_store::StoreError> {
        let _one = self.rebuilding.lock().await;
        let snapshot = directory::snapshot(store.reader()).await?;
        let have = self.current();
        if have.version == snapshot.version && have.version >= 0 {
            return Ok(have);
        }
        let version = snapshot.version;
        let index = tokio::task::spawn_blocking(move || Index::build(listings(&snapshot, taxonomy())))
            .await
            .map_err(|e| pathways_store::StoreError::Invalid(format!("index build: {e}")))?;
        let built = Arc::new(Built { version, index });
        if let Ok(mut g) = self.current.write() {
            *g = Arc::clone(&built);
        }
        Ok(built)
    }
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or_default().trim().to_owned()
}

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
pub fn slots(doc: &Value, tz: Tz) -> Vec<WeeklySlot> {
    let mut out = Vec::new();
    for s in doc.get("schedules").and_then(Value::as_array).into_iter().flatten() {
        if !text(s, "freq").eq_ignore_ascii_case("weekly") {
            continue;
        }
        let Ok(start) = parse_hhmm(&text(s, "opens_at")) else { continue };
        let end = parse_hhmm(&text(s, "closes_at")).unwrap_or(start + chrono::TimeDelta::hours(1));
        for day in text(s, "byday").split(',').filter_map(weekday) {
            out.push(WeeklySlot { day, start, end, tz });
        }
    }
    out
}

/// What the index keeps of each active service at each of its places (or once, without a place).
pub fn listings(snapshot: &Snapshot, taxonomy: &Taxonomy) -> Vec<Listing> {
    let types = meeting_types();
    let mut out = Vec::with_capacity(snapshot.services.len());
    for s in &snapshot.services {
        let doc = &s.doc;
        let tz: Tz = s.time_zone.as_deref().and_then(|z| z.parse().ok()).unwrap_or(chrono_tz::America::New_York);
        let mut categories: Vec<String> = Vec::new();
        let mut meeting_types = Vec::new();
        let mut attributes = Vec::new();
        let mut keywords = Vec::new();
        for a in doc.get("attributes").and_then(Value::as_array).into_iter().flatten() {
            let term = a.get("taxonomy_term").cloned().unwrap_or(Value::Null);
            let code = text(&term, "code");
            let code = if code.is_empty() { text(a, "value") } else { code };
            match text(a, "link_type").as_str() {
                "meeting_type" => {
                    if let Some(names) = types.get(&code) {
                        keywords.extend(names.get("en").cloned());
                        keywords.extend(names.get("es").cloned());
                    }
                    meeting_types.push(code);
                }
                "category" => {
                    for c in taxonomy.lineage(&code) {
                        if let Some(t) = taxonomy.term(&c) {
                            keywords.push(t.en.clone());
                            keywords.push(t.es.clone());
                            keywords.extend(t.keywords.iter().cloned());
                        }
                        if !categories.contains(&c) {
                            categories.push(c);
                        }
                    }
                }
                _ if code.contains(':') => attributes.push(code),
                _ => {}
            }
        }
        let languages: Vec<String> = doc
            .get("languages")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|l| text(l, "code"))
            .filter(|c| !c.is_empty())
            .collect();
        for l in &languages {
            keywords.push(match l.as_str() {
                "es" => "Spanish español".into(),
                "en" => "English inglés".into(),
                other => other.to_owned(),
            });
        }
        let schedules = slots(doc, tz);
        let attending: Vec<String> = doc
            .get("schedules")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|s| text(s, "attending_type"))
            .collect();
        let phone = doc
            .get("phones")
            .and_then(Value::as_array)
            .and_then(|p| p.first())
            .map(|p| text(p, "number"))
            .filter(|n| !n.is_empty());
        let url = Some(text(doc, "url")).filter(|u| !u.is_empty());
        let places = snapshot.links.get(&s.id).cloned().unwrap_or_default();
        let online = places.is_empty() || attending.iter().any(|a| a == "online" || a == "hybrid");
        let base = Listing {
            service_id: s.id,
            location_id: None,
            name: s.name.clone(),
            organization: snapshot.organizations.get(&s.organization_id).cloned().unwrap_or_default(),
            description: text(doc, "description"),
            categories,
            meeting_types,
            languages,
            attributes,
            keywords,
            place: None,
            approximate: false,
            address: String::new(),
            city: String::new(),
            postal_code: String::new(),
            phone,
            online_url: if online { url } else { None },
            is_meeting: s.is_meeting,
            online,
            in_person: false,
            slots: schedules,
        };
        let located: Vec<Listing> = places
            .iter()
            .filter_map(|id| snapshot.locations.get(id))
            .map(|l| {
                let address = l.doc.get("addresses").and_then(Value::as_array).and_then(|a| a.first());
                let mut listing = base.clone();
                listing.location_id = Some(l.id);
                listing.place = match (l.latitude, l.longitude) {
                    (Some(a), Some(b)) => LatLon::new(a, b).ok(),
                    _ => None,
                };
                listing.approximate = l.approximate;
                listing.address = address.map(|a| text(a, "address_1")).unwrap_or_default();
                listing.city = address.map(|a| text(a, "city")).unwrap_or_default();
                listing.postal_code = l.postal_code.clone().unwrap_or_default();
                listing.in_person = !attending.iter().all(|a| a == "online") || attending.is_empty();
                listing
            })
            .collect();
        if located.is_empty() {
            out.push(base);
        } else {
            out.extend(located);
        }
    }
    out
}
