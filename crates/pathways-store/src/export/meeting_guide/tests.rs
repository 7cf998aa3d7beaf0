use pathways_domain::directory::meeting_guide::parse_feed;
use serde_json::json;

use super::*;
use crate::export::fixtures::{FEED, loaded, named};

fn ours(id: Uuid) -> Option<String> {
    Some(format!("https://pathways.example.org/find/{id}"))
}

#[test]
fn an_imported_meeting_keeps_its_record_with_our_slug_name_and_times() {
    let mut all = loaded(FEED);
    let sunrise = all.iter_mut().find(|m| m.service.name == "Sunrise Serenity").expect("sunrise");
    // Renamed and moved to Tuesday 07:30 here since the import.
    sunrise.service.name = "Sunrise Serenity Group".into();
    sunrise.service.doc["schedules"][0]["byday"] = json!("TU");
    sunrise.service.doc["schedules"][0]["opens_at"] = json!("07:30");
    let id = sunrise.service.id;
    let r = &records(sunrise, &ours)[0];
    assert_eq!(r["slug"], id.to_string());
    assert_eq!(r["name"], "Sunrise Serenity Group");
    assert_eq!((&r["day"], &r["time"], &r["end_time"]), (&json!(2), &json!("07:30"), &json!("08:00")));
    assert_eq!(r["timezone"], "America/New_York");
    assert_eq!(r["updated"], "2026-10-02 08:30:00");
    // The rest is the source's record.
    assert_eq!(r["location"], "Center Church Hall");
    assert_eq!(r["address"], "60 Gold St");
    assert_eq!(r["regions"], json!(["Hartford", "Downtown"]));
    assert_eq!(r["types"], json!(["O", "D", "EN"]));
    assert!(r.get("approximate").is_none(), "as the source said (nothing)");
    assert_eq!(r["url"], ours(id).expect("url"), "the source gave no page, so ours");
}

#[test]
fn a_meeting_made_here_is_built_from_its_hsds_document() {
    let all = loaded(FEED);
    let mut m = named(&all, "Hybrid Lunch").clone();
    m.service.doc.as_object_mut().map(|o| o.remove("x_meeting_guide"));
    m.service.doc["description"] = json!("Bring lunch.");
    m.service.doc["schedules"] = json!([
        {"freq": "WEEKLY", "byday": "MO", "opens_at": "12:00", "closes_at": "13:00", "attending_type": "hybrid"},
        {"freq": "WEEKLY", "byday": "FR", "opens_at": "12:00", "closes_at": "13:00", "attending_type": "hybrid"},
        {"freq": "WEEKLY", "byday": "SA", "opens_at": "09:00:00", "attending_type": "hybrid"},
        {"freq": "MONTHLY", "byday": "1SU", "opens_at": "10:00"},
    ]);
    let id = m.service.id;
    let rs = records(&m, &ours);
    assert_eq!(rs.len(), 2, "one record per weekly time: {rs:?}");
    let (first, second) = (&rs[0], &rs[1]);
    assert_eq!(
        (&first["slug"], &first["day"], &first["time"]),
        (&json!(id.to_string()), &json!([1, 5]), &json!("12:00"))
    );
    assert_eq!(
        (&second["slug"], &second["day"], &second["time"]),
        (&json!(format!("{id}-2")), &json!(6), &json!("09:00"))
    );
    assert!(second.get("end_time").is_none());
    assert_eq!(first["notes"], "Bring lunch.");
    assert_eq!(first["address"], "1 Asylum St");
    assert_eq!(
        (&first["city"], &first["state"], &first["postal_code"]),
        (&json!("Hartford"), &json!("CT"), &json!("06103"))
    );
    assert_eq!((&first["latitude"], &first["longitude"]), (&json!(41.766), &json!(-72.672)));
    assert_eq!(first["approximate"], "no", "a street address");
    assert_eq!(first["conference_url"], "https://meet.example.org/lunch", "online, so the service's link");
    assert_eq!(first["attendance_option"], "hybrid");
    assert_eq!(first["types"], json!(["O"]));
    assert_eq!(first["url"], ours(id).expect("url"));
}

#[test]
fn closed_and_ended_meetings() {
    let all = loaded(FEED);
    let mut m = named(&all, "Placed by ZIP").clone();
    m.service.doc["status"] = json!("temporarily closed");
    let r = &records(&m, &|_| None)[0];
    assert!(r["types"].as_array().is_some_and(|t| t.contains(&json!("TC"))), "{r}");
    assert_eq!(r["address"], "12 Main St");
    assert!(r.get("url").is_none());
    m.service.doc["status"] = json!("defunct");
    assert!(records(&m, &|_| None).is_empty());
    let by_appointment = &records(named(&all, "By Appointment"), &|_| None)[0];
    assert!(by_appointment.get("day").is_none() && by_appointment.get("time").is_none());
}

#[test]
fn the_feed_reads_back_with_our_own_parser_and_nothing_refused() {
    let all = loaded(FEED);
    let records = feed(&all, &ours);
    assert_eq!(records.len(), all.len());
    let text = serde_json::to_string(&records).expect("json");
    let back = parse_feed(&text).expect("a feed");
    assert!(back.rejected.is_empty(), "{:?}", back.rejected);
    assert_eq!(back.meetings.len(), all.len());
    let owls = back.meetings.iter().find(|m| m.name == "Online Night Owls").expect("owls");
    assert_eq!(owls.conference_url.as_deref(), Some("https://zoom.us/j/123456789"));
    assert_eq!(owls.end.map(|t| t.format("%H:%M").to_string()).as_deref(), Some("00:30"));
}
