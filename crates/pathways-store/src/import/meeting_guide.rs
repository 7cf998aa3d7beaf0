//! `pathways import meeting-guide FILE`: a Meeting Guide feed into the directory, either the JSON feed (an array
//! of meetings) or the specification's Table Format (a sheet's CSV export, one meeting a row under a header row of
//! plain-language field names; <https://github.com/code4recovery/spec#table-format>). Each meeting becomes an HSDS
//! service with weekly schedules, its place an HSDS location, its types attributes in the Meeting Guide taxonomy;
//! the feed as a whole is one source, keyed by the meeting's `slug`.
//!
//! Where an in-person meeting is: the specification ("Geographic Fields",
//! <https://github.com/code4recovery/spec#geographic-fields>) gives the place **either** as one `formatted_address`
//! (`"4953 W Addison St, Chicago, IL 60641, USA"`) **or** as `address`, `city`, `state` and `postal_code`;
//! `latitude` and `longitude` are optional. So a meeting is placed at its coordinates when it has them, else at
//! its ZIP code's centre, else at its town's centre (the towns the finder knows), the last two marked approximate;
//! the ZIP code and town come from the separate fields or, failing those, from the `formatted_address`. Only a
//! meeting that none of these places is rejected, with what was tried.

use crate::directory::{SourceDoc, SourceLocation, SourceRecord};
use chrono_tz::Tz;
use pathways_domain::directory::meeting_guide::address::{AddressParts, parse_us_address};
use pathways_domain::directory::meeting_guide::{Attendance, Feed, Meeting, parse_feed, parse_records, table};
use serde_json::{Value, json};

use super::{Rejected, town_centre, zip_centre};

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

/// Converts a feed's text: a JSON feed when it starts with `[` or `{`, else a table (CSV). `Err` only when the
/// file as a whole can't be read (not JSON, or not an array; a table without a header row naming the fields).
/// Rejections name a JSON record by its index (`record 12 (slug)`) and a table's row by its line (`line 14 (ID)`).
pub fn convert(text: &str, source: &str, source_name: &str, default_tz: Tz) -> Result<Converted, String> {
    let text = text.trim_start_matches('\u{feff}');
    let (feed, at): (Feed, Box<dyn Fn(usize) -> String>) = if text.trim_start().starts_with(['[', '{']) {
        (parse_feed(text).map_err(|e| e.to_string())?, Box::new(|index| format!("record {index}")))
    } else {
        let (records, lines) = read_table(text)?;
        let mut feed = parse_records(&records);
        for r in &mut feed.rejected {
            if let Some(first) = r.earlier {
                r.reason = format!("is used by an earlier meeting (on line {})", lines[first]);
            }
        }
        (feed, Box::new(move |index| format!("line {}", lines[index])))
    };
    let mut rejected: Vec<Rejected> = feed
        .rejected
        .iter()
        .map(|r| Rejected {
            at: match &r.slug {
                Some(slug) => format!("{} ({slug})", at(r.index)),
                None => at(r.index),
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
                rejected.push(Rejected { at: format!("{} ({})", at(*index), m.slug), field: field.to_owned(), reason })
            }
        }
    }
    Ok(Converted { records, rejected })
}

/// A table's rows as feed records, and the line each starts on (1 is the header row). Blank rows are skipped.
fn read_table(text: &str) -> Result<(Vec<Value>, Vec<u64>), String> {
    let not_a_table = "the file is neither a Meeting Guide JSON feed (an array of meetings) nor a table whose \
                       header row names the fields (Name, ID, Day, Time, …)";
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let fields: Vec<String> =
        reader.headers().map_err(|e| format!("{not_a_table}: {e}"))?.iter().map(table::field_for_header).collect();
    if !fields.iter().any(|f| f == "name") {
        return Err(format!("{not_a_table}: line 1, the header row, has no Name column"));
    }
    let (mut records, mut lines) = (Vec::new(), Vec::new());
    for row in reader.records() {
        let row = row.map_err(|e| format!("cannot read the table: {e}"))?;
        let cells: Vec<String> = row.iter().map(str::to_owned).collect();
        if table::is_blank(&cells) {
            continue;
        }
        lines.push(row.position().map_or(0, |p| p.line()));
        records.push(Value::Object(table::row_to_record(&fields, &cells)));
    }
    Ok((records, lines))
}

/// Where an in-person meeting is: its coordinates; else its ZIP code's centre; else its town's centre (the last
/// two approximate). The ZIP code, town and state are the separate fields' or else the formatted address's
/// (`parsed`). `Err` says what was tried.
fn place(m: &Meeting, parsed: &AddressParts) -> Result<(f64, f64, bool), String> {
    if let Some(p) = m.location {
        return Ok((p.lat(), p.lon(), m.approximate));
    }
    let zip = m.postal_code.as_ref().or(parsed.postal_code.as_ref());
    if let Some((lat, lon, _)) = zip.and_then(|z| zip_centre(z)) {
        return Ok((lat, lon, true));
    }
    let city = m.city.as_ref().or(parsed.city.as_ref());
    let state = m.state.as_ref().or(parsed.state.as_ref());
    if let (Some(city), Some(state)) = (city, state)
        && let Some(t) = town_centre(city, state)
    {
        return Ok((t.lat, t.lon, true));
    }
    let mut tried = vec!["no latitude and longitude".to_owned()];
    tried.push(match zip {
        Some(z) => format!("ZIP code {z:?} is not known"),
        None => "no ZIP code".to_owned(),
    });
    tried.push(match (city, state) {
        (Some(c), Some(s)) => format!("town {c:?} in {s} is not known"),
        (Some(c), None) => format!("town {c:?} without a state"),
        _ => "no town and state".to_owned(),
    });
    if let Some(f) = &m.formatted_address {
        tried.push(format!("formatted_address {f:?} read as a US address"));
    }
    Err(format!("no coordinates, and no known ZIP code or town to place the meeting at (tried: {})", tried.join("; ")))
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
                    "byday": pathways_domain::directory::schedule::byday(*d),
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
        // The separate fields win; a formatted address fills in what they leave out.
        let parsed = m.formatted_address.as_deref().map(parse_us_address).unwrap_or_default();
        let (lat, lon, approximate) = place(m, &parsed).map_err(|reason| ("latitude", reason))?;
        let postal_code = m.postal_code.clone().or(parsed.postal_code.clone());
        let mut address = json!({
            // An address that could not be read into parts is kept whole.
            "address_1": m
                .street
                .clone()
                .or(parsed.street)
                .or_else(|| m.formatted_address.clone().filter(|_| parsed.city.is_none()))
                .unwrap_or_default(),
            "city": m.city.clone().or(parsed.city).unwrap_or_default(),
            "state_province": m.state.clone().or(parsed.state).unwrap_or_default(),
            "postal_code": postal_code.clone().unwrap_or_default(),
            "country": m.country.clone().or(parsed.country).unwrap_or_else(|| "US".into()),
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
            postal_code,
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

#[cfg(test)]
mod tests {
    use chrono_tz::America::New_York;
    use serde_json::json;

    use super::*;

    fn convert_json(records: Value) -> Converted {
        convert(&records.to_string(), "t", "Test", New_York).expect("a readable feed")
    }

    /// The one location of the one meeting a one-record feed holds.
    fn placed(record: Value) -> SourceLocation {
        let c = convert_json(json!([record]));
        assert_eq!(c.rejected, vec![], "{record}");
        let [r] = c.records.as_slice() else { panic!("one record") };
        let [l] = r.locations.as_slice() else { panic!("one location") };
        l.clone()
    }

    fn address(l: &SourceLocation) -> &Value {
        &l.doc["addresses"][0]
    }

    fn near(l: &SourceLocation, (lat, lon): (f64, f64)) -> bool {
        (l.latitude.expect("lat") - lat).abs() < 1e-9 && (l.longitude.expect("lon") - lon).abs() < 1e-9
    }

    #[test]
    fn a_meeting_whose_only_place_is_a_formatted_address_is_placed_at_its_zip_code() {
        let l = placed(json!({
            "name": "Sunrise", "slug": "sunrise", "day": 1, "time": "07:00",
            "formatted_address": "60 Gold St, Hartford, CT 06103, USA",
        }));
        let (lat, lon, _) = zip_centre("06103").expect("a known ZIP code");
        assert!(near(&l, (lat, lon)) && l.approximate, "{l:?}");
        assert_eq!(l.postal_code.as_deref(), Some("06103"));
        let a = address(&l);
        assert_eq!(
            (&a["address_1"], &a["city"], &a["state_province"], &a["postal_code"], &a["country"]),
            (&json!("60 Gold St"), &json!("Hartford"), &json!("CT"), &json!("06103"), &json!("US"))
        );
        assert_eq!(a["attention"], json!("60 Gold St, Hartford, CT 06103, USA"));
    }

    #[test]
    fn without_a_zip_code_the_meeting_is_placed_at_its_towns_centre() {
        let l = placed(json!({
            "name": "Noon", "slug": "noon", "day": 2, "time": "12:00",
            "formatted_address": "20 Raymond Rd, West Hartford, CT, USA",
        }));
        let t = town_centre("West Hartford", "CT").expect("a known town");
        assert!(near(&l, (t.lat, t.lon)) && l.approximate, "{l:?}");
        assert_eq!((address(&l)["address_1"].as_str(), l.postal_code.as_deref()), (Some("20 Raymond Rd"), None));
        // The separate fields alone do as well; and an unknown ZIP code falls back to the town.
        let l = placed(json!({"name": "N", "slug": "n", "address": "1 Main St", "city": "hartford", "state": "ct"}));
        let t = town_centre("Hartford", "CT").expect("a known town");
        assert!(near(&l, (t.lat, t.lon)) && l.approximate, "{l:?}");
        let l = placed(json!({"name": "N", "slug": "n", "city": "Hartford", "state": "CT", "postal_code": "00000"}));
        assert!(near(&l, (t.lat, t.lon)), "{l:?}");
    }

    #[test]
    fn the_separate_fields_and_coordinates_win_over_the_formatted_address() {
        let l = placed(json!({
            "name": "N", "slug": "n", "formatted_address": "60 Gold St, Hartford, CT 06103, USA",
            "postal_code": "06107", "latitude": 41.7, "longitude": -72.7,
        }));
        assert!(near(&l, (41.7, -72.7)) && !l.approximate, "{l:?}");
        assert_eq!((l.postal_code.as_deref(), address(&l)["postal_code"].as_str()), (Some("06107"), Some("06107")));
        let l = placed(
            json!({"name": "N", "slug": "n", "formatted_address": "Hartford, CT 06103", "postal_code": "06107"}),
        );
        let (lat, lon, _) = zip_centre("06107").expect("a known ZIP code");
        assert!(near(&l, (lat, lon)), "{l:?}");
    }

    #[test]
    fn a_meeting_no_place_is_found_for_is_rejected_saying_what_was_tried() {
        let c = convert_json(json!([
            {"name": "A", "slug": "a", "formatted_address": "1 Lost Rd, Nowhereville, CT 00000, USA"},
            {"name": "B", "slug": "b", "formatted_address": "Illinois, USA"},
            {"name": "C", "slug": "c", "city": "Hartford"},
        ]));
        assert!(c.records.is_empty());
        let why: Vec<(&str, &str, &str)> =
            c.rejected.iter().map(|r| (r.at.as_str(), r.field.as_str(), r.reason.as_str())).collect();
        assert_eq!(why.len(), 3, "{why:?}");
        assert_eq!((why[0].0, why[0].1), ("record 0 (a)", "latitude"));
        for part in [
            "no coordinates, and no known ZIP code or town",
            "ZIP code \"00000\" is not known",
            "town \"Nowhereville\" in CT is not known",
            "formatted_address \"1 Lost Rd, Nowhereville, CT 00000, USA\"",
        ] {
            assert!(why[0].2.contains(part), "{part:?} missing from {:?}", why[0].2);
        }
        assert!(why[1].2.contains("no ZIP code; no town and state"), "{:?}", why[1].2);
        assert!(why[2].2.contains("town \"Hartford\" without a state"), "{:?}", why[2].2);
    }

    #[test]
    fn an_online_meeting_may_have_only_an_approximate_address() {
        let c = convert_json(json!([{
            "name": "Online", "slug": "online", "day": 3, "time": "20:00",
            "conference_url": "https://zoom.us/j/1", "formatted_address": "Hartford, CT, USA",
        }]));
        assert_eq!(c.rejected, vec![]);
        assert!(c.records[0].locations.is_empty(), "an online meeting has no place");
    }

    const TABLE: &str = "\u{feff}ID,Name,Day,Time,End Time,Formatted Address,Address,City,State,Postal Code,\
Conference URL,Types,Regions,Notes
sunrise,Sunrise Serenity,Monday,7:00 AM,8:00 AM,\"60 Gold St, Hartford, CT 06103, USA\",,,,,,\"Open, Big Book\",Hartford County > Hartford,
esperanza,Grupo Esperanza,Saturday,7:00 PM,,,200 Park St,Hartford,CT,06106,,\"C, Spanish\",,\"Second floor.
Ring the bell.\"
,,,,,,,,,,,,,
late,Late Hour,Tuesday,25:00,,,,,,06103,,,,
sunrise,Sunrise Again,Monday,8:00 AM,,,,,,06103,,,,
online,Online Owls,6,23:30,00:30,\"Hartford, CT, USA\",,,,,https://zoom.us/j/123,ONL,,
";

    #[test]
    fn a_table_with_plain_language_headers_is_read_like_a_feed() {
        let c = convert(TABLE, "t", "Test", New_York).expect("a readable table");
        let names: Vec<&str> = c.records.iter().map(|r| r.service.name.as_str()).collect();
        assert_eq!(names, ["Sunrise Serenity", "Grupo Esperanza", "Online Owls"]);
        // A rejected row is named by its line (a quoted cell spanning two lines counts both; a blank row is skipped).
        let [late, again] = c.rejected.as_slice() else { panic!("two rejections: {:?}", c.rejected) };
        assert_eq!((late.at.as_str(), late.field.as_str()), ("line 6 (late)", "time"));
        assert_eq!(
            (again.at.as_str(), again.field.as_str(), again.reason.as_str()),
            ("line 7 (sunrise)", "slug", "is used by an earlier meeting (on line 2)")
        );

        let sunrise = &c.records[0];
        let feed = &sunrise.service.doc["x_meeting_guide"];
        assert_eq!((&feed["day"], &feed["time"], &feed["end_time"]), (&json!(1), &json!("07:00"), &json!("08:00")));
        assert_eq!((&feed["types"], &feed["regions"]), (&json!(["O", "B"]), &json!(["Hartford County", "Hartford"])));
        assert!(sunrise.locations[0].approximate);
        assert_eq!(address(&sunrise.locations[0])["city"], json!("Hartford"));
        let esperanza = &c.records[1].service.doc;
        assert_eq!(esperanza["x_meeting_guide"]["types"], json!(["C", "S"]));
        assert_eq!(esperanza["description"], json!("Second floor.\nRing the bell."));
        assert_eq!(esperanza["languages"], json!([{"name": "Spanish", "code": "es"}]));
        assert!(c.records[2].locations.is_empty(), "the online meeting has no place");
    }

    #[test]
    fn a_file_that_is_neither_a_feed_nor_a_table_is_refused_as_a_whole() {
        for text in ["", "just some words\nand more", "Title,Weekday\nx,1\n"] {
            let e = convert(text, "t", "Test", New_York).err().expect(text);
            assert!(e.contains("neither a Meeting Guide JSON feed"), "{e}");
        }
        let e = convert("[1,", "t", "Test", New_York).err().expect("broken JSON");
        assert!(e.contains("not valid JSON"), "{e}");
    }
}
