//! `pathways import meeting-guide FILE`: a Meeting Guide JSON feed (an array of meetings) into the directory.
//! Each meeting becomes an HSDS service with weekly schedules, its place an HSDS location, its types attributes
//! in the Meeting Guide taxonomy; the feed as a whole is one source, keyed by the meeting's `slug`.

use crate::directory::{SourceDoc, SourceLocation, SourceRecord};
use chrono_tz::Tz;
use pathways_domain::directory::meeting_guide::{Attendance, Meeting, parse_feed};
use serde_json::{Value, json};

use super::{Rejected, zip_centre};

/// The feed turned into records, and what was rejected (by the parser or here).
pub struct Converted {
    pub records: Vec<SourceRecord>,
    pub rejected: Vec<Rejected>,
}

/// Meeting Guide language type codes and the language each names.
const LANGUAGE_TYPES: &[(&str, &str, &str)] = &[
    ("EN", "en", "English"),
    ("S", "es", "Spanish"),
    ("FR", "fr", "French"),
    ("POL", "pl", "Polish"),
    ("POR", "pt", "Portuguese"),
    ("RUS", "ru", "Russian"),
    ("ASL", "ase", "American Sign Language"),
    ("ITA", "it", "Italian"),
    ("GER", "de", "German"),
    ("JA", "ja", "Japanese"),
    ("KOR", "ko", "Korean"),
];

/// Converts a feed's text; `Err` only when the file is not a JSON array at all.
pub fn convert(text: &str, source: &str, source_name: &str, default_tz: Tz) -> Result<Converted, String> {
    let feed = parse_feed(text).map_err(|e| e.to_string())?;
    let mut rejected: Vec<Rejected> = feed
        .rejected
        .iter()
        .map(|r| Rejected {
            at: match &r.slug {
                Some(slug) => format!("record {} ({slug})", r.index),
                None => format!("record {}", r.index),
            },
            field: r.field.clone(),
            reason: r.reason.clone(),
        })
        .collect();
    let organization = SourceDoc {
        external_id: source.to_owned(),
        name: source_name.to_owned(),
        doc: json!({ "name": source_name, "description": format!("Meetings listed by {source_name}.") }),
    };
    let mut records = Vec::with_capacity(feed.meetings.len());
    for (m, index) in feed.meetings.iter().zip(&feed.positions) {
        match record(m, &organization, default_tz) {
            Ok(r) => records.push(r),
            Err((field, reason)) => {
                rejected.push(Rejected { at: format!("record {index} ({})", m.slug), field: field.to_owned(), reason })
            }
        }
    }
    Ok(Converted { records, rejected })
}

fn record(m: &Meeting, organization: &SourceDoc, default_tz: Tz) -> Result<SourceRecord, (&'static str, String)> {
    let tz = m.timezone.unwrap_or(default_tz);
    let online = matches!(m.attendance, Attendance::Online | Attendance::Hybrid);
    let in_person = matches!(m.attendance, Attendance::InPerson | Attendance::Hybrid);
    let attending = match m.attendance {
        Attendance::Online => "online",
        Attendance::Hybrid => "hybrid",
        _ => "in person",
    };
    let schedules: Vec<Value> = match (m.start, m.end) {
        (Some(start), end) => m
            .days
            .iter()
            .map(|d| {
                let mut s = json!({
                    "freq": "WEEKLY",
                    "wkst": "MO",
                    "interval": 1,
                    "byday": byday(*d),
                    "opens_at": start.format("%H:%M").to_string(),
                    "attending_type": attending,
                });
                if let Some(end) = end {
                    s["closes_at"] = json!(end.format("%H:%M").to_string());
                }
                s
            })
            .collect(),
        (None, _) => Vec::new(),
    };
    let mut attributes: Vec<Value> = m
        .types
        .iter()
        .map(|code| {
            json!({
                "link_type": "meeting_type",
                "link_entity": "service",
                "value": code,
                "taxonomy_term": { "code": code, "name": code, "description": "Meeting Guide meeting type", "taxonomy": "Meeting Guide" }
            })
        })
        .collect();
    attributes.push(json!({
        "link_type": "category",
        "link_entity": "service",
        "value": "mutual-help",
        "taxonomy_term": { "code": "mutual-help", "name": "Mutual-help meetings", "description": "Mutual-help meetings", "taxonomy": "Pathways recovery taxonomy" }
    }));
    let languages: Vec<Value> = LANGUAGE_TYPES
        .iter()
        .filter(|(t, _, _)| m.types.iter().any(|c| c == t))
        .map(|(_, code, name)| json!({ "name": name, "code": code }))
        .collect();
    let mut phones = Vec::new();
    if let Some(p) = &m.conference_phone {
        phones.push(json!({ "number": p, "type": "voice", "description": m.conference_phone_notes.clone().unwrap_or_default() }));
    }
    let status = if m.types.iter().any(|t| t == "TC") || matches!(m.attendance, Attendance::Inactive) {
        "temporarily closed"
    } else {
        "active"
    };
    let mut service = json!({
        "name": m.name,
        "status": status,
        "description": m.notes.clone().unwrap_or_default(),
        "schedules": schedules,
        "attributes": attributes,
        "languages": languages,
        "phones": phones,
    });
    if let Some(url) = m.url.as_ref().or(m.conference_url.as_ref()) {
        service["url"] = json!(url);
    }
    if let Some(group) = &m.group {
        service["alternate_name"] = json!(group);
    }
    service["x_meeting_guide"] = pathways_domain::directory::meeting_guide::to_feed_json(m);

    let mut locations = Vec::new();
    if in_person || !online {
        let (lat, lon, approximate) = match m.location {
            Some(p) => (p.lat(), p.lon(), m.approximate),
            None => match m.postal_code.as_deref().and_then(zip_centre) {
                Some((lat, lon, _)) => (lat, lon, true),
                None => {
                    return Err((
                        "latitude",
                        "no coordinates, and no known ZIP code to place the meeting at".to_owned(),
                    ));
                }
            },
        };
        let mut address = json!({
            "address_1": m.street.clone().or_else(|| m.formatted_address.clone()).unwrap_or_default(),
            "city": m.city.clone().unwrap_or_default(),
            "state_province": m.state.clone().unwrap_or_default(),
            "postal_code": m.postal_code.clone().unwrap_or_default(),
            "country": m.country.clone().unwrap_or_else(|| "US".into()),
            "address_type": "physical",
        });
        if let Some(f) = &m.formatted_address {
            address["attention"] = json!(f);
        }
        let name = m.location_name.clone();
        locations.push(SourceLocation {
            external_id: m.slug.clone(),
            name: name.clone(),
            latitude: Some(lat),
            longitude: Some(lon),
            approximate,
            postal_code: m.postal_code.clone(),
            doc: json!({
                "location_type": "physical",
                "name": name.unwrap_or_default(),
                "description": m.location_notes.clone().unwrap_or_default(),
                "latitude": lat,
                "longitude": lon,
                "addresses": [address],
            }),
        });
    }
    Ok(SourceRecord {
        organization: organization.clone(),
        service: SourceDoc { external_id: m.slug.clone(), name: m.name.clone(), doc: service },
        is_meeting: true,
        time_zone: Some(tz.name().to_owned()),
        locations,
    })
}

fn byday(d: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match d {
        Mon => "MO",
        Tue => "TU",
        Wed => "WE",
        Thu => "TH",
        Fri => "FR",
        Sat => "SA",
        Sun => "SU",
    }
}
