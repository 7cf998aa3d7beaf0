//! The directory's active meetings as a Meeting Guide feed (<https://github.com/code4recovery/spec>), the JSON
//! array the Meeting Guide app, TSML UI and 12 Step Meeting List read.
//!
//! How each meeting becomes a record, in plain words:
//! - A meeting that came from a feed starts from the record kept when it was imported (`x_meeting_guide` in its
//!   document); any other is built from its HSDS document: notes, group, place and address, coordinates, types
//!   (its `meeting_type` attributes), the online link (a virtual place's address, or the service's when it meets
//!   online) and dial-in phone.
//! - Either way, what the directory says now wins: the name, the times, the time zone and `updated` (when the
//!   listing last changed, UTC). The slug is the meeting's id here, so slugs stay unique across sources and stable
//!   across re-imports.
//! - Times come from the weekly schedules: one record per distinct start and end time, listing its days
//!   (0 = Sunday); a second time of the same meeting gets the slug `<id>-2`, and so on. Without a schedule the
//!   record has no day or time (by appointment).
//! - A record built here says `approximate` (`no` for a street address, `yes` for only a town), since TSML UI
//!   otherwise guesses it from the address's commas, and has coordinates only when they are the door's, not a ZIP
//!   code's centre. A meeting whose location is temporarily closed has the type `TC`; one that is inactive or
//!   defunct is left out. `url` is the source's page for the meeting, else ours.

use chrono::NaiveTime;
use chrono_tz::Tz;
use pathways_domain::directory::schedule::parse_hhmm;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::clean::text;
use super::read::Loaded;
use crate::entities::dir_location;

/// The keys a record's source may not decide.
const OURS: [&str; 7] = ["slug", "name", "day", "time", "end_time", "timezone", "updated"];

/// The feed: every meeting's records, in the order given.
pub fn feed(meetings: &[Loaded], listing_url: &dyn Fn(Uuid) -> Option<String>) -> Vec<Value> {
    meetings.iter().flat_map(|m| records(m, listing_url)).collect()
}

fn field(doc: &Value, key: &str) -> Option<String> {
    doc.get(key).and_then(text)
}

fn is_web_address(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://")) && !s.chars().any(char::is_whitespace)
}

/// The record(s) of one meeting.
pub fn records(m: &Loaded, listing_url: &dyn Fn(Uuid) -> Option<String>) -> Vec<Value> {
    let s = &m.service;
    let status = field(&s.doc, "status").unwrap_or_default().to_lowercase();
    if matches!(status.as_str(), "inactive" | "defunct") || s.name.trim().is_empty() {
        return Vec::new();
    }
    let place = m.places.iter().map(|(_, l)| l).find(|l| !is_virtual(l));
    let mut base = match s.doc.get("x_meeting_guide").and_then(Value::as_object) {
        Some(kept) => kept.clone(),
        None => from_hsds(m, place),
    };
    for key in OURS {
        base.remove(key);
    }
    if !base.contains_key("url")
        && let Some(url) = listing_url(s.id)
    {
        base.insert("url".into(), json!(url));
    }
    if status == "temporarily closed" {
        let types = base.entry("types").or_insert_with(|| json!([]));
        if let Some(list) = types.as_array_mut()
            && !list.iter().any(|t| t == "TC")
        {
            list.push(json!("TC"));
        }
    }
    base.insert("name".into(), json!(s.name.trim()));
    if let Some(tz) = s.time_zone.as_deref().filter(|z| z.parse::<Tz>().is_ok()) {
        base.insert("timezone".into(), json!(tz));
    }
    base.insert("updated".into(), json!(s.updated_at.format("%Y-%m-%d %H:%M:%S").to_string()));

    let times = weekly_times(&s.doc);
    if times.is_empty() {
        base.insert("slug".into(), json!(s.id.to_string()));
        return vec![Value::Object(base)];
    }
    times
        .into_iter()
        .enumerate()
        .map(|(i, (start, end, days))| {
            let mut r = base.clone();
            let slug = if i == 0 { s.id.to_string() } else { format!("{}-{}", s.id, i + 1) };
            r.insert("slug".into(), json!(slug));
            r.insert("day".into(), if days.len() == 1 { json!(days[0]) } else { json!(days) });
            r.insert("time".into(), json!(start.format("%H:%M").to_string()));
            if let Some(end) = end {
                r.insert("end_time".into(), json!(end.format("%H:%M").to_string()));
            }
            Value::Object(r)
        })
        .collect()
}

fn is_virtual(l: &dir_location::Model) -> bool {
    field(&l.doc, "location_type").is_some_and(|t| t.eq_ignore_ascii_case("virtual"))
}

/// The weekly times of an HSDS document: each distinct start and end, in the order first met, with its days
/// (0 = Sunday … 6 = Saturday, in order).
fn weekly_times(doc: &Value) -> Vec<(NaiveTime, Option<NaiveTime>, Vec<u32>)> {
    let mut out: Vec<(NaiveTime, Option<NaiveTime>, Vec<u32>)> = Vec::new();
    for s in doc.get("schedules").and_then(Value::as_array).into_iter().flatten() {
        if !field(s, "freq").is_none_or(|f| f.eq_ignore_ascii_case("weekly")) {
            continue;
        }
        let Some(start) = field(s, "opens_at").and_then(|t| parse_hhmm(&t).ok()) else { continue };
        let end = field(s, "closes_at").and_then(|t| parse_hhmm(&t).ok());
        let days: Vec<u32> = field(s, "byday").unwrap_or_default().split(',').filter_map(day_number).collect();
        if days.is_empty() {
            continue;
        }
        let at = match out.iter().position(|(st, en, _)| *st == start && *en == end) {
            Some(at) => at,
            None => {
                out.push((start, end, Vec::new()));
                out.len() - 1
            }
        };
        out[at].2.extend(days);
    }
    for (_, _, days) in &mut out {
        days.sort_unstable();
        days.dedup();
    }
    out
}

/// The feed's number of an RFC 5545 weekday (`SU` is 0).
fn day_number(code: &str) -> Option<u32> {
    ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]
        .iter()
        .position(|d| d.eq_ignore_ascii_case(code.trim()))
        .map(|p| p as u32)
}

/// A record from a meeting's HSDS document (see the module docs).
fn from_hsds(m: &Loaded, place: Option<&dir_location::Model>) -> Map<String, Value> {
    let doc = &m.service.doc;
    let mut o = Map::new();
    let mut put = |key: &str, v: Option<String>| {
        if let Some(v) = v {
            o.insert(key.to_owned(), json!(v));
        }
    };
    put("notes", field(doc, "description"));
    put("group", field(doc, "alternate_name"));
    if let Some(l) = place {
        put("location", l.name.clone().filter(|n| !n.trim().is_empty()).or_else(|| field(&l.doc, "name")));
        put("location_notes", field(&l.doc, "description"));
        let address = l.doc.pointer("/addresses/0").cloned().unwrap_or(Value::Null);
        for (ours, theirs) in
            [("address", "address_1"), ("city", "city"), ("state", "state_province"), ("postal_code", "postal_code")]
        {
            put(ours, field(&address, theirs));
        }
        put("country", field(&address, "country"));
        // Meeting Guide's `approximate` is about the address (a street one, or only a town), not about how sure
        // the coordinates are; TSML UI would otherwise guess it from the address's commas.
        let street = field(&address, "address_1").is_some();
        if street || field(&address, "city").is_some() || field(&address, "postal_code").is_some() {
            put("approximate", Some(if street { "no" } else { "yes" }.to_owned()));
        }
    }
    let attending: Vec<String> = doc
        .get("schedules")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| field(s, "attending_type"))
        .map(|a| a.to_lowercase())
        .collect();
    let online = attending.iter().any(|a| a == "online" || a == "hybrid") || place.is_none();
    let virtual_url = m.places.iter().map(|(_, l)| l).filter(|l| is_virtual(l)).find_map(|l| field(&l.doc, "url"));
    let service_url = field(doc, "url").filter(|u| is_web_address(u));
    let conference_url = virtual_url.filter(|u| is_web_address(u)).or_else(|| service_url.clone().filter(|_| online));
    if online {
        put("conference_phone", doc.pointer("/phones/0/number").and_then(text));
    }
    if conference_url != service_url {
        put("url", service_url);
    }
    put("conference_url", conference_url);
    let attendance = match attending.first().map(String::as_str) {
        Some("online") => Some("online"),
        Some("hybrid") => Some("hybrid"),
        Some("in person" | "in_person") => Some("in_person"),
        _ => None,
    };
    put("attendance_option", attendance.map(str::to_owned));
    let types: Vec<String> = doc
        .get("attributes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|a| field(a, "link_type").as_deref() == Some("meeting_type"))
        .filter_map(|a| a.pointer("/taxonomy_term/code").and_then(text).or_else(|| field(a, "value")))
        .collect();
    if !types.is_empty() {
        o.insert("types".into(), json!(types));
    }
    // A place put at its ZIP code's centre is not put on a map.
    if let Some(l) = place.filter(|l| !l.approximate)
        && let (Some(lat), Some(lon)) = (l.latitude, l.longitude)
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon)
    {
        o.insert("latitude".into(), json!(lat));
        o.insert("longitude".into(), json!(lon));
    }
    o
}

#[cfg(test)]
mod tests;
