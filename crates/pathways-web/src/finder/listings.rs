//! A service as the index lists it: once at each of its places, or once without a place, with the words, filters
//! and weekly times the finder searches by. The documents are read by the store's lenient HSDS reader
//! ([`pathways_store::import::hsds_lenient`]).

use chrono_tz::Tz;
use pathways_domain::directory::geo::LatLon;
use pathways_domain::finder::{Index, IndexBuilder, Listing};
use pathways_store::directory::SnapshotService;
use pathways_store::import::hsds_lenient::{ServiceDoc, read_location, read_service, weekly};

use super::vocabulary::{category_words, type_words};

/// Indexes one active service: once at each of its places, or once without a place.
pub(super) fn add_service(b: &mut IndexBuilder, s: &SnapshotService, default_tz: Tz) {
    each_listing(s, default_tz, &mut |l| b.add(l));
}

/// Each listing of one active service, as the index receives it (also read by `benches/engine_compare.rs`, which
/// feeds the same listings to another search engine).
pub fn each_listing(s: &SnapshotService, default_tz: Tz, f: &mut dyn FnMut(&Listing<'_>)) {
    read_service(&s.doc, |doc| service_listings(f, s, doc, default_tz));
}

fn service_listings(f: &mut dyn FnMut(&Listing<'_>), s: &SnapshotService, doc: &ServiceDoc<'_>, default_tz: Tz) {
    let tz: Tz = s.time_zone.as_deref().and_then(|z| z.parse().ok()).unwrap_or(default_tz);
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
    // Checked again as it is rendered: a link stored before importers checked it must not become an `href`.
    let url = pathways_domain::directory::web_address(doc.url.get());
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
        f(&base);
        return;
    }
    let in_person = attending.is_empty() || attending.iter().any(|&a| a != "online");
    for p in &s.places {
        read_location(&p.doc, |place| {
            let address = place.addresses.0.first();
            f(&Listing {
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
/// A service that names no time zone is in `default_tz` (the deployment's).
pub fn index_of(services: &[SnapshotService], default_tz: Tz) -> Index {
    let mut b = IndexBuilder::default();
    for s in services {
        add_service(&mut b, s, default_tz);
    }
    b.finish()
}
