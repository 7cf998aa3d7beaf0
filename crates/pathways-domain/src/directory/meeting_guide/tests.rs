use chrono::Weekday::{Mon, Sat, Sun, Tue, Wed};
use chrono_tz::America::{Chicago, New_York};
use proptest::prelude::*;
use serde_json::json;

use super::*;

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

fn feed(records: Value) -> Feed {
    parse_feed(&records.to_string()).expect("a readable feed")
}

/// The one meeting a one-record feed holds.
fn one(record: Value) -> Meeting {
    let f = feed(json!([record]));
    assert_eq!(f.rejected, vec![], "{record}");
    f.meetings.into_iter().next().expect("one meeting")
}

/// The (field, reason) problems of a one-record feed's record.
fn problems(record: Value) -> Vec<(String, String)> {
    let f = feed(json!([record]));
    assert!(f.meetings.is_empty(), "{record} was accepted");
    f.rejected.into_iter().map(|r| (r.field, r.reason)).collect()
}

fn fields(record: Value) -> Vec<String> {
    problems(record).into_iter().map(|(f, _)| f).collect()
}

fn minimal() -> Meeting {
    one(json!({"name": "Sunday Serenity", "slug": "sunday-serenity"}))
}

#[test]
fn a_record_with_every_field_is_read() {
    let m = one(json!({
        "name": " Sunday Serenity ", "slug": "sunday-serenity-14", "day": 0, "time": "18:00", "end_time": "19:30",
        "timezone": "America/New_York", "formatted_address": "123 Main St, Hartford, CT 06106, USA",
        "latitude": 41.7658, "longitude": "-72.6734", "approximate": "no",
        "conference_url": "https://zoom.us/j/123", "conference_url_notes": "Password: serenity",
        "conference_phone": "+16465588656,,123#", "conference_phone_notes": "Meeting ID 123",
        "types": ["O", "SP", "O", " "], "region": "Hartford", "sub_region": "Downtown",
        "location": "Alano Club", "location_notes": "Side door", "notes": ["Ring buzzer.", "", "2nd floor."],
        "group": "The Serenity Group", "group_notes": "Business meeting monthly", "url": "https://example.org/m/14",
        "updated": "2014-05-31 14:32:23", "entity": "District 123", "venmo": "@serenity"
    }));
    let expected = Meeting {
        slug: "sunday-serenity-14".into(),
        name: "Sunday Serenity".into(),
        days: vec![Sun],
        start: Some(hm(18, 0)),
        end: Some(hm(19, 30)),
        timezone: Some(New_York),
        formatted_address: Some("123 Main St, Hartford, CT 06106, USA".into()),
        street: None,
        city: None,
        state: None,
        postal_code: None,
        country: None,
        location: LatLon::new(41.7658, -72.6734).ok(),
        approximate: false,
        conference_url: Some("https://zoom.us/j/123".into()),
        conference_url_notes: Some("Password: serenity".into()),
        conference_phone: Some("+16465588656,,123#".into()),
        conference_phone_notes: Some("Meeting ID 123".into()),
        types: vec!["O".into(), "SP".into()],
        regions: vec!["Hartford".into(), "Downtown".into()],
        location_name: Some("Alano Club".into()),
        location_notes: Some("Side door".into()),
        notes: Some("Ring buzzer.\n2nd floor.".into()),
        group: Some("The Serenity Group".into()),
        group_notes: Some("Business meeting monthly".into()),
        url: Some("https://example.org/m/14".into()),
        updated: Some("2014-05-31 14:32:23".into()),
        attendance: Attendance::Hybrid,
    };
    assert_eq!(m, expected);
}

#[test]
fn an_address_can_come_in_parts_and_slugs_and_zip_codes_as_numbers() {
    let m = one(json!({
        "name": "Noon", "slug": 42, "address": "4953 W Addison St", "city": "Chicago", "state": "IL",
        "postal_code": 60641, "country": "US"
    }));
    assert_eq!(m.slug, "42");
    assert_eq!(
        (m.street.as_deref(), m.city.as_deref(), m.state.as_deref(), m.postal_code.as_deref(), m.country.as_deref()),
        (Some("4953 W Addison St"), Some("Chicago"), Some("IL"), Some("60641"), Some("US"))
    );
    assert!(m.has_physical_address());
    assert_eq!(m.attendance, Attendance::InPerson);
}

#[test]
fn day_may_be_a_number_a_list_a_numeric_string_or_absent() {
    let days = |day: Value| one(json!({"name": "N", "slug": "s", "day": day, "time": "07:00"})).days;
    assert_eq!(days(json!(0)), vec![Sun]);
    assert_eq!(days(json!(6)), vec![Sat]);
    assert_eq!(days(json!("1")), vec![Mon]);
    assert_eq!(days(json!([3, "1", 2, 3])), vec![Mon, Tue, Wed]);
    assert_eq!(days(json!([])), vec![]);
    assert_eq!(days(json!(null)), vec![]);
    // By appointment: no day, and no time needed.
    let m = minimal();
    assert_eq!((m.days, m.start, m.end), (vec![], None, None));
    assert!(one(json!({"name": "N", "slug": "s"})).slots(New_York).is_empty());
}

#[test]
fn a_bad_day_is_refused() {
    for day in [json!(7), json!(-1), json!("x"), json!(1.5), json!([1, 9]), json!({"d": 1}), json!(true)] {
        assert_eq!(fields(json!({"name": "N", "slug": "s", "day": day, "time": "07:00"})), vec!["day"], "{day}");
    }
    let (_, reason) = problems(json!({"name": "N", "slug": "s", "day": 7, "time": "07:00"})).remove(0);
    assert!(reason.contains("0 (Sunday) to 6 (Saturday)") && reason.ends_with("got 7"), "{reason}");
}

#[test]
fn times_are_hh_mm_and_the_end_defaults_to_an_hour_later() {
    let times = |record: Value| {
        let m = one(record);
        (m.start, m.end)
    };
    assert_eq!(times(json!({"name": "N", "slug": "s", "day": 1, "time": "07:00"})), (Some(hm(7, 0)), Some(hm(8, 0))));
    assert_eq!(
        times(json!({"name": "N", "slug": "s", "day": 6, "time": "23:30"})),
        (Some(hm(23, 30)), Some(hm(0, 30)))
    );
    assert_eq!(
        times(json!({"name": "N", "slug": "s", "day": 6, "time": "22:00", "end_time": "24:00"})),
        (Some(hm(22, 0)), Some(hm(0, 0)))
    );
    assert_eq!(
        times(json!({"name": "N", "slug": "s", "day": 1, "time": "07:00:00", "end_time": " 08:15 "})),
        (Some(hm(7, 0)), Some(hm(8, 15)))
    );
    assert_eq!(fields(json!({"name": "N", "slug": "s", "day": 1, "time": "25:00"})), vec!["time"]);
    assert_eq!(fields(json!({"name": "N", "slug": "s", "day": 1, "time": "24:00"})), vec!["time"]);
    assert_eq!(fields(json!({"name": "N", "slug": "s", "day": 1, "time": 700})), vec!["time"]);
    assert_eq!(fields(json!({"name": "N", "slug": "s", "day": 1, "time": "7pm"})), vec!["time"]);
    assert_eq!(fields(json!({"name": "N", "slug": "s", "day": 1, "time": "07:00", "end_time": "8"})), vec!["end_time"]);
    assert_eq!(
        problems(json!({"name": "N", "slug": "s", "day": 1})),
        vec![("time".to_owned(), "is required when day is given".to_owned())]
    );
}

#[test]
fn the_time_zone_must_be_an_iana_name() {
    assert_eq!(one(json!({"name": "N", "slug": "s", "timezone": "America/Chicago"})).timezone, Some(Chicago));
    assert_eq!(minimal().timezone, None);
    assert_eq!(fields(json!({"name": "N", "slug": "s", "timezone": "Eastern"})), vec!["timezone"]);
    assert_eq!(fields(json!({"name": "N", "slug": "s", "timezone": -5})), vec!["timezone"]);
}

#[test]
fn coordinates_are_numbers_in_range_given_together() {
    let at =
        |lat: Value, lon: Value| one(json!({"name": "N", "slug": "s", "latitude": lat, "longitude": lon})).location;
    assert_eq!(at(json!("41.3083"), json!(" -72.9279 ")), LatLon::new(41.3083, -72.9279).ok());
    assert_eq!(at(json!(""), json!(null)), None);
    let bad = |lat: Value, lon: Value| fields(json!({"name": "N", "slug": "s", "latitude": lat, "longitude": lon}));
    assert_eq!(bad(json!(200), json!(-72.9)), vec!["latitude"]);
    assert_eq!(bad(json!(41.3), json!("-200")), vec!["longitude"]);
    assert_eq!(bad(json!("north"), json!(-72.9)), vec!["latitude"]);
    assert_eq!(bad(json!(41.3), json!(null)), vec!["longitude"]);
    assert_eq!(bad(json!(null), json!(-72.9)), vec!["latitude"]);
    assert_eq!(bad(json!("NaN"), json!(-72.9)), vec!["latitude"]);
}

#[test]
fn approximate_is_yes_no_or_a_boolean() {
    let approx = |v: Value| one(json!({"name": "N", "slug": "s", "approximate": v})).approximate;
    assert!(approx(json!("yes")));
    assert!(approx(json!(true)));
    assert!(!approx(json!("no")));
    assert!(!approx(json!(false)));
    assert!(!minimal().approximate);
    assert_eq!(fields(json!({"name": "N", "slug": "s", "approximate": "maybe"})), vec!["approximate"]);
}

#[test]
fn a_conference_url_must_be_a_web_address() {
    let url = |v: &str| one(json!({"name": "N", "slug": "s", "conference_url": v})).conference_url;
    assert_eq!(url(" https://zoom.us/j/1?pwd=x "), Some("https://zoom.us/j/1?pwd=x".to_owned()));
    assert_eq!(url("http://meet.example.org/room"), Some("http://meet.example.org/room".to_owned()));
    for bad in ["ftp://x", "zoom.us/j/1", "https://", "javascript:alert(1)", "mailto:a@b.org"] {
        assert_eq!(fields(json!({"name": "N", "slug": "s", "conference_url": bad})), vec!["conference_url"], "{bad}");
    }
}

#[test]
fn regions_are_folded_into_one_list() {
    let regions = |r: Value| one(r).regions;
    assert_eq!(regions(json!({"name": "N", "slug": "s", "region": "Hartford"})), vec!["Hartford"]);
    assert_eq!(
        regions(json!({"name": "N", "slug": "s", "region": "Hartford", "sub_region": "West End"})),
        vec!["Hartford", "West End"]
    );
    assert_eq!(
        regions(json!({"name": "N", "slug": "s", "regions": ["Connecticut", "Hartford"], "region": "Hartford"})),
        vec!["Connecticut", "Hartford"]
    );
    assert_eq!(regions(json!({"name": "N", "slug": "s", "regions": "Online"})), vec!["Online"]);
    assert_eq!(fields(json!({"name": "N", "slug": "s", "regions": [1, 2]})), vec!["regions"]);
    assert_eq!(fields(json!({"name": "N", "slug": "s", "region": ["a"]})), vec!["region"]);
}

#[test]
fn types_are_a_list_of_codes_and_notes_may_be_lines() {
    assert_eq!(one(json!({"name": "N", "slug": "s", "types": ["C", "ONL"]})).types, vec!["C", "ONL"]);
    assert_eq!(fields(json!({"name": "N", "slug": "s", "types": {"C": true}})), vec!["types"]);
    assert_eq!(one(json!({"name": "N", "slug": "s", "notes": "a\r\nb "})).notes.as_deref(), Some("a\nb"));
    assert_eq!(one(json!({"name": "N", "slug": "s", "notes": [" ", ""]})).notes, None);
    assert_eq!(fields(json!({"name": "N", "slug": "s", "notes": ["a", 1]})), vec!["notes"]);
}

#[test]
fn blank_and_null_fields_are_absent_and_unknown_ones_ignored() {
    let m = one(json!({
        "name": "N", "slug": "s", "city": "   ", "group": null, "day": "", "time": "", "entity_logo": "x", "x": [1]
    }));
    assert_eq!(m, minimal_with("N", "s"));
    assert_eq!(fields(json!({"name": "N", "slug": "s", "city": 5})), vec!["city"]);
}

fn minimal_with(name: &str, slug: &str) -> Meeting {
    Meeting { name: name.into(), slug: slug.into(), ..minimal() }
}

#[test]
fn attendance_is_taken_as_given_or_worked_out() {
    let attendance = |extra: Value| {
        let mut record = json!({"name": "N", "slug": "s"});
        if let (Some(r), Some(e)) = (record.as_object_mut(), extra.as_object()) {
            r.extend(e.clone());
        }
        one(record).attendance
    };
    let zoom = "https://zoom.us/j/1";
    assert_eq!(attendance(json!({"address": "1 Main St"})), Attendance::InPerson);
    assert_eq!(attendance(json!({})), Attendance::InPerson);
    assert_eq!(attendance(json!({"conference_url": zoom})), Attendance::Online);
    assert_eq!(attendance(json!({"conference_phone": "+18605550142"})), Attendance::Online);
    assert_eq!(attendance(json!({"conference_url": zoom, "formatted_address": "1 Main St"})), Attendance::Hybrid);
    assert_eq!(
        attendance(json!({"conference_url": zoom, "formatted_address": "Hartford, CT", "approximate": "yes"})),
        Attendance::Online
    );
    assert_eq!(
        attendance(json!({"conference_url": zoom, "address": "1 Main St", "types": ["TC"]})),
        Attendance::Online
    );
    assert_eq!(attendance(json!({"address": "1 Main St", "types": ["TC"]})), Attendance::Inactive);
    assert_eq!(attendance(json!({"attendance_option": "online", "address": "1 Main St"})), Attendance::Online);
    assert_eq!(attendance(json!({"attendance_option": "Hybrid"})), Attendance::Hybrid);
    assert_eq!(fields(json!({"name": "N", "slug": "s", "attendance_option": "virtual"})), vec!["attendance_option"]);
}

#[test]
fn a_us_formatted_address_without_a_street_is_approximate() {
    // The spec's "Geographic Fields": online meetings may have an approximate address such as "Chicago, IL, USA".
    let attendance = |address: &str| {
        one(json!({"name": "N", "slug": "s", "conference_url": "https://zoom.us/j/1", "formatted_address": address}))
            .attendance
    };
    assert_eq!(attendance("Hartford, CT, USA"), Attendance::Online);
    assert_eq!(attendance("Wicker Park, Chicago, IL, USA"), Attendance::Online, "a neighbourhood is no street");
    assert_eq!(attendance("Illinois, USA"), Attendance::Online);
    assert_eq!(attendance("4953 W Addison St, Chicago, IL 60641, USA"), Attendance::Hybrid);
    assert_eq!(attendance("Plaza Mayor 1, Madrid"), Attendance::Hybrid, "an address not read as US is kept as one");
}

#[test]
fn records_already_apart_are_read_by_the_same_rules() {
    let f = parse_records(&[json!({"name": "A", "slug": "a"}), json!("x"), json!({"name": "B", "slug": "a"})]);
    assert_eq!(f.meetings.len(), 1);
    assert_eq!(f.positions, vec![0]);
    let at: Vec<(usize, &str)> = f.rejected.iter().map(|r| (r.index, r.field.as_str())).collect();
    assert_eq!(at, vec![(1, ""), (2, "slug")]);
}

#[test]
fn name_and_slug_are_required() {
    assert_eq!(problems(json!({"name": "N"})), vec![("slug".to_owned(), "is required".to_owned())]);
    assert_eq!(fields(json!({"slug": "s", "name": "  "})), vec!["name"]);
    assert_eq!(fields(json!({"slug": ["s"], "name": "N"})), vec!["slug"]);
}

#[test]
fn bad_records_are_set_aside_with_every_problem_and_the_rest_are_read() {
    let f = feed(json!([
        {"name": "Good", "slug": "good", "day": 1, "time": "07:00"},
        {"name": "Bad day", "slug": "bad-day", "day": 7, "time": "07:00"},
        {"name": "Bad day text", "slug": "bad-day-x", "day": "x", "time": "07:00"},
        {"name": "Bad time", "slug": "bad-time", "day": 1, "time": "25:00"},
        {"name": "Bad latitude", "slug": "bad-lat", "latitude": 200, "longitude": 0},
        {"name": "No slug"},
        {"name": "Bad link", "slug": "bad-link", "conference_url": "ftp://x"},
        "not a meeting",
        {"name": "Many problems", "slug": "many", "day": 9, "timezone": "Mars/Olympus", "approximate": 2,
         "conference_url": "ftp://x", "latitude": 1},
        {"name": "Also good", "slug": "also-good"},
        {"name": "Copy", "slug": "good"},
    ]));
    let slugs: Vec<&str> = f.meetings.iter().map(|m| m.slug.as_str()).collect();
    assert_eq!(slugs, vec!["good", "also-good"]);
    let rejected: Vec<(usize, Option<&str>, &str)> =
        f.rejected.iter().map(|r| (r.index, r.slug.as_deref(), r.field.as_str())).collect();
    assert_eq!(
        rejected,
        vec![
            (1, Some("bad-day"), "day"),
            (2, Some("bad-day-x"), "day"),
            (3, Some("bad-time"), "time"),
            (4, Some("bad-lat"), "latitude"),
            (5, None, "slug"),
            (6, Some("bad-link"), "conference_url"),
            (7, None, ""),
            (8, Some("many"), "day"),
            (8, Some("many"), "timezone"),
            (8, Some("many"), "longitude"),
            (8, Some("many"), "approximate"),
            (8, Some("many"), "conference_url"),
            (10, Some("good"), "slug"),
        ]
    );
    assert!(f.rejected.iter().all(|r| !r.reason.is_empty()));
}

#[test]
fn a_feed_that_is_not_an_array_or_not_json_fails_as_a_whole() {
    assert_eq!(parse_feed(r#"{"meetings": []}"#), Err(FeedError::NotAnArray));
    assert_eq!(parse_feed("null"), Err(FeedError::NotAnArray));
    assert_eq!(parse_feed("[]"), Ok(Feed::default()));
    let Err(FeedError::Syntax { line, column, message }) = parse_feed("[\n  {\"name\": \"x\",}\n]") else {
        panic!("a syntax error");
    };
    assert_eq!((line, column), (2, 16)); // the `}` after the comma
    assert_eq!(message, "trailing comma");
    let Err(e) = parse_feed("") else { panic!("empty input is not a feed") };
    assert!(matches!(e, FeedError::Syntax { line: 1, .. }), "{e:?}");
    assert!(e.to_string().starts_with("the feed is not valid JSON"));
}

#[test]
fn slots_use_the_meetings_zone_or_the_default() {
    let m = one(json!({"name": "N", "slug": "s", "day": [1, 3], "time": "19:00", "timezone": "America/Chicago"}));
    let slot = |day| WeeklySlot { day, start: hm(19, 0), end: hm(20, 0), tz: Chicago };
    assert_eq!(m.slots(New_York), vec![slot(Mon), slot(Wed)]);
    let m = Meeting { timezone: None, ..m };
    assert!(m.slots(New_York).iter().all(|s| s.tz == New_York));
    let m = Meeting { attendance: Attendance::Inactive, ..m };
    assert!(m.slots(New_York).is_empty());
}

#[test]
fn a_meeting_is_written_back_with_only_its_fields() {
    let m = one(json!({"name": "N", "slug": "s", "day": "2", "time": "07:00", "types": [], "approximate": "no"}));
    assert_eq!(
        to_feed_json(&m),
        json!({"name": "N", "slug": "s", "day": 2, "time": "07:00", "end_time": "08:00", "attendance_option": "in_person"})
    );
    let m = Meeting { days: vec![Sun, Sat], approximate: true, ..m };
    let written = to_feed_json(&m);
    assert_eq!(written["day"], json!([0, 6]));
    assert_eq!(written["approximate"], json!("yes"));
}

fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9]([A-Za-z0-9 ,.'&#-]{0,16}[A-Za-z0-9])?"
}

fn maybe_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn any_meeting() -> impl Strategy<Value = Meeting> {
    let weekdays = [Sun, Mon, Tue, Wed, chrono::Weekday::Thu, chrono::Weekday::Fri, Sat];
    let when = (
        proptest::collection::btree_set(0..7usize, 0..4),
        proptest::option::of((0..1440u32, 0..1440u32)),
        proptest::option::of(0..chrono_tz::TZ_VARIANTS.len()),
    )
        .prop_map(move |(days, times, tz)| {
            let t = |m: u32| NaiveTime::from_num_seconds_from_midnight_opt(m * 60, 0).unwrap_or(NaiveTime::MIN);
            let days: Vec<Weekday> = match times {
                Some(_) => days.into_iter().map(|d| weekdays[d]).collect(),
                None => Vec::new(),
            };
            (days, times.map(|(s, _)| t(s)), times.map(|(_, e)| t(e)), tz.map(|z| chrono_tz::TZ_VARIANTS[z]))
        });
    let place = (
        (maybe_text(), maybe_text(), maybe_text(), maybe_text(), maybe_text(), maybe_text()),
        proptest::option::of((-90_000_000..=90_000_000i64, -180_000_000..=180_000_000i64)),
        any::<bool>(),
    );
    let online = (
        proptest::option::of("https://[a-z]{1,10}\\.example/[a-z0-9]{0,8}"),
        maybe_text(),
        proptest::option::of("\\+1[0-9]{10}"),
        maybe_text(),
    );
    let about = (
        proptest::collection::btree_set("[A-Z]{1,3}", 0..4),
        proptest::collection::btree_set(text(), 0..3),
        (maybe_text(), maybe_text(), proptest::option::of((text(), text())), maybe_text(), maybe_text()),
        (proptest::option::of("https://[a-z]{1,10}\\.example/[a-z0-9]{0,8}"), maybe_text(), 0..4usize),
    );
    (text(), text(), when, place, online, about).prop_map(|(slug, name, when, place, online, about)| {
        let (days, start, end, timezone) = when;
        let ((formatted_address, street, city, state, postal_code, country), at, approximate) = place;
        let (conference_url, conference_url_notes, conference_phone, conference_phone_notes) = online;
        let (types, regions, (location_name, location_notes, notes, group, group_notes), (url, updated, a)) = about;
        Meeting {
            slug,
            name,
            days,
            start,
            end,
            timezone,
            formatted_address,
            street,
            city,
            state,
            postal_code,
            country,
            location: at.and_then(|(lat, lon)| LatLon::new(lat as f64 / 1e6, lon as f64 / 1e6).ok()),
            approximate,
            conference_url,
            conference_url_notes,
            conference_phone,
            conference_phone_notes,
            types: types.into_iter().collect(),
            regions: regions.into_iter().collect(),
            location_name,
            location_notes,
            notes: notes.map(|(a, b)| format!("{a}\n{b}")),
            group,
            group_notes,
            url,
            updated,
            attendance: [Attendance::InPerson, Attendance::Online, Attendance::Hybrid, Attendance::Inactive][a],
        }
    })
}

proptest! {
    #[test]
    fn a_written_meeting_reads_back_the_same(m in any_meeting()) {
        let written = serde_json::to_string(&Value::Array(vec![to_feed_json(&m)])).expect("json");
        let f = parse_feed(&written).expect("readable");
        prop_assert_eq!(f.rejected, vec![]);
        prop_assert_eq!(f.meetings, vec![m]);
    }

    #[test]
    fn any_json_array_is_read_without_panicking(s in "\\PC{0,200}") {
        let _ = parse_feed(&s);
        let _ = parse_feed(&format!("[{s}]"));
    }
}

/// Issue 23: a meeting's `url` passes the same rule as `conference_url`; a `javascript:` link is never stored.
#[test]
fn a_meeting_url_must_be_a_web_address() {
    assert_eq!(
        one(json!({"name": "N", "slug": "s", "url": " https://example.org/m/14 "})).url,
        Some("https://example.org/m/14".to_owned())
    );
    for bad in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "example.org/m", "ftp://x"] {
        assert_eq!(fields(json!({"name": "N", "slug": "s", "url": bad})), vec!["url"], "{bad}");
    }
}
