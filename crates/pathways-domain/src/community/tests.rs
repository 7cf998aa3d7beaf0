use chrono::{DateTime, Datelike as _, NaiveDate, NaiveDateTime, Timelike as _, Utc, Weekday};
use chrono_tz::Tz;
use proptest::prelude::*;

use super::ics::{FeedEvent, calendar, escape_text};
use super::kiosk::{Reason, SignIn, Tally};
use super::recurrence::to_utc;
use super::*;

const NY: Tz = chrono_tz::America::New_York;

fn local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("a time")
}

fn utc(s: &str) -> DateTime<Utc> {
    local(s).and_utc()
}

fn weekly(starts: &str, days: &[Weekday]) -> Schedule {
    let starts = local(starts);
    Schedule { starts, duration_minutes: 90, repeat: Repeat::weekly(1, starts.weekday(), days), until: None }
}

fn form() -> EventForm {
    EventForm {
        kind: "group".into(),
        title: "All-recovery group".into(),
        description: String::new(),
        starts_on: "2026-03-02".into(),
        starts_at: "19:00".into(),
        duration_minutes: "90".into(),
        repeat: "weekly".into(),
        days: vec!["MO".into(), "TH".into()],
        until: String::new(),
        place: "198 Wethersfield Ave, Hartford".into(),
        online_url: String::new(),
        language: "en".into(),
        audience: "everyone".into(),
    }
}

#[test]
fn a_weekly_group_keeps_its_local_time_across_both_changes() {
    // 2026: DST starts Sunday 8 March, ends Sunday 1 November (US rule, 15 U.S.C. §260a).
    let s = weekly("2026-03-02 19:00", &[]);
    let got = s.occurrences(NY, utc("2026-03-01 00:00"), utc("2026-03-20 00:00"));
    assert_eq!(got, vec![utc("2026-03-03 00:00"), utc("2026-03-09 23:00"), utc("2026-03-16 23:00")]);
    let got = s.occurrences(NY, utc("2026-10-25 00:00"), utc("2026-11-10 00:00"));
    assert_eq!(got, vec![utc("2026-10-26 23:00"), utc("2026-11-03 00:00")]);
}

#[test]
fn times_in_the_gap_and_the_overlap_follow_rfc_5545() {
    // 02:30 on 8 March 2026 does not exist in New York: the offset before the gap (EST, -5) applies.
    assert_eq!(to_utc(NY, local("2026-03-08 02:30")), utc("2026-03-08 07:30"));
    // 01:30 on 1 November 2026 happens twice: the first (EDT, -4).
    assert_eq!(to_utc(NY, local("2026-11-01 01:30")), utc("2026-11-01 05:30"));
    // A Sunday group at 02:30 meets on the day the clocks change, at the first instant that time stands for.
    let s = weekly("2026-03-01 02:30", &[]);
    let got = s.occurrences(NY, utc("2026-03-07 00:00"), utc("2026-03-16 00:00"));
    assert_eq!(got, vec![utc("2026-03-08 07:30"), utc("2026-03-15 06:30")]);
}

#[test]
fn every_other_week_until_a_date() {
    let mut s = weekly("2026-01-05 18:00", &[Weekday::Wed]);
    s.repeat = Repeat::weekly(2, Weekday::Mon, &[Weekday::Wed]);
    s.until = Some(NaiveDate::from_ymd_opt(2026, 1, 21).expect("date"));
    let got = s.occurrences(NY, utc("2026-01-01 00:00"), utc("2026-03-01 00:00"));
    assert_eq!(
        got,
        vec![utc("2026-01-05 23:00"), utc("2026-01-07 23:00"), utc("2026-01-19 23:00"), utc("2026-01-21 23:00")]
    );
    assert_eq!(s.rrule().as_deref(), Some("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE"));
    assert_eq!(s.last_end(NY), Some(utc("2026-01-22 00:30")));
}

#[test]
fn a_window_years_later_costs_the_same_and_gives_the_same() {
    let s = weekly("2020-01-06 12:00", &[]);
    let got = s.occurrences(NY, utc("2030-01-01 00:00"), utc("2030-01-15 00:00"));
    assert_eq!(got, vec![utc("2030-01-07 17:00"), utc("2030-01-14 17:00")]);
}

#[test]
fn one_occurrence_under_way_counts_and_one_ended_does_not() {
    let s = Schedule { starts: local("2026-06-01 18:00"), duration_minutes: 60, repeat: Repeat::Once, until: None };
    assert_eq!(s.occurrences(NY, utc("2026-06-01 22:30"), utc("2026-06-02 00:00")), vec![utc("2026-06-01 22:00")]);
    assert!(s.occurrences(NY, utc("2026-06-01 23:00"), utc("2026-06-02 00:00")).is_empty());
    assert!(s.occurrences(NY, utc("2026-06-02 00:00"), utc("2026-06-01 00:00")).is_empty());
    assert_eq!(s.rrule(), None);
}

proptest! {
    #[test]
    fn every_occurrence_is_on_a_chosen_day_at_the_chosen_local_time(
        day in 0i64..3_000, hour in 0u32..24, minute in 0u32..60, mask in 1u8..128, every in 1u8..=2,
        offset in 0i64..3_000, weeks in 1i64..9,
    ) {
        let start = NaiveDate::from_ymd_opt(2020, 1, 1).expect("date") + chrono::Duration::days(day);
        let days: Vec<Weekday> = WEEKDAYS.into_iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, d)| d).collect();
        let s = Schedule {
            starts: start.and_hms_opt(hour, minute, 0).expect("time"),
            duration_minutes: 60,
            repeat: Repeat::weekly(every, start.weekday(), &days),
            until: None,
        };
        let from = (NaiveDate::from_ymd_opt(2020, 1, 1).expect("date") + chrono::Duration::days(offset)).and_hms_opt(0, 0, 0).expect("t").and_utc();
        let to = from + chrono::Duration::weeks(weeks);
        let got = s.occurrences(NY, from, to);
        let Repeat::Weekly { days: chosen, .. } = &s.repeat else { unreachable!() };
        for w in got.windows(2) { prop_assert!(w[0] < w[1]); }
        for o in &got {
            prop_assert!(*o < to && *o + chrono::Duration::minutes(60) > from);
            let l = o.with_timezone(&NY);
            prop_assert!(chosen.contains(&l.weekday()));
            prop_assert!(l.naive_local() >= s.starts - chrono::Duration::hours(1));
            // Local time as chosen, except in the spring gap, where it is an hour later (RFC 5545 §3.3.5).
            let same = l.hour() == hour && l.minute() == minute;
            let gap = l.hour() == (hour + 1) % 24 && l.minute() == minute;
            prop_assert!(same || gap, "{l} for {hour}:{minute}");
        }
        // Weekly over at least one whole week in the future of the start: every chosen day appears.
        if every == 1 && from.naive_utc() > s.starts + chrono::Duration::days(2) && weeks >= 2 {
            prop_assert!(got.len() >= chosen.len());
        }
    }

    #[test]
    fn folded_lines_are_at_most_75_octets_and_unfold_to_the_text(text in "\\PC{0,300}") {
        let mut out = String::new();
        ics::push_line(&mut out, &format!("SUMMARY:{}", escape_text(&text)));
        prop_assert!(out.ends_with("\r\n"));
        for l in out.trim_end_matches("\r\n").split("\r\n") { prop_assert!(l.len() <= 75); }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        prop_assert_eq!(unfolded, format!("SUMMARY:{}", escape_text(&text)));
    }
}

#[test]
fn text_is_escaped() {
    assert_eq!(escape_text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
}

#[test]
fn a_calendar_has_what_rfc_5545_requires() {
    let e = FeedEvent {
        uid: "x-1@pathways".into(),
        starts: utc("2026-03-03 00:00"),
        ends: utc("2026-03-03 01:30"),
        summary: "Grupo de recuperación, todos bienvenidos".into(),
        description: None,
        location: Some("Hartford".into()),
        url: None,
    };
    let c = calendar("Center", &[e], utc("2026-03-01 12:00"));
    assert!(c.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(c.contains("\r\nDTSTAMP:20260301T120000Z\r\nDTSTART:20260303T000000Z\r\nDTEND:20260303T013000Z\r\n"));
    assert!(c.contains("SUMMARY:Grupo de recuperación\\, todos bienvenidos\r\n"));
    assert!(c.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
}

#[test]
fn a_form_is_checked_field_by_field() {
    let d = EventDetails::parse(&form()).expect("valid");
    assert_eq!(d.schedule.repeat, Repeat::Weekly { every: 1, days: vec![Weekday::Mon, Weekday::Thu] });
    assert_eq!(d.schedule.starts, local("2026-03-02 19:00"));
    let bad = EventForm {
        kind: "party".into(),
        title: " ".into(),
        starts_on: "2026-13-01".into(),
        starts_at: "25:00".into(),
        duration_minutes: "5".into(),
        place: String::new(),
        online_url: "javascript:alert(1)".into(),
        language: "fr".into(),
        audience: String::new(),
        days: vec!["XX".into()],
        ..form()
    };
    let errs = EventDetails::parse(&bad).expect_err("invalid");
    let fields: Vec<(&str, &str)> = errs.iter().map(|e| (e.field, e.code)).collect();
    for want in [
        ("kind", "unknown-choice"),
        ("title", "required"),
        ("starts_on", "invalid-date"),
        ("starts_at", "invalid-time"),
        ("duration_minutes", "out-of-range"),
        ("online_url", "invalid-url"),
        ("language", "unknown-choice"),
        ("audience", "required"),
        ("days", "unknown-choice"),
    ] {
        assert!(fields.contains(&want), "{want:?} in {fields:?}");
    }
    let no_place = EventForm { place: String::new(), ..form() };
    assert_eq!(EventDetails::parse(&no_place), Err(vec![FieldError::new("address", "place-or-link")]));
    let online = EventForm { place: String::new(), online_url: "https://meet.example.org/r/1".into(), ..form() };
    assert!(EventDetails::parse(&online).is_ok());
    let event_weekly = EventForm { kind: "event".into(), ..form() };
    assert_eq!(EventDetails::parse(&event_weekly), Err(vec![FieldError::new("repeat", "event-once")]));
    let until_before = EventForm { until: "2026-03-01".into(), ..form() };
    assert_eq!(EventDetails::parse(&until_before), Err(vec![FieldError::new("until", "before-start")]));
}

#[test]
fn kiosk_sign_ins_are_checked_and_counted() {
    assert_eq!(
        SignIn::parse(" Ana ", "06106", "group"),
        Ok(SignIn { name: "Ana".into(), zip: Some("06106".into()), reason: Reason::Group })
    );
    assert_eq!(SignIn::parse("J.R.", "", "naloxone").map(|s| s.zip), Ok(None));
    let errs = SignIn::parse("<b>", "0610", "dance").expect_err("invalid");
    assert_eq!(
        errs,
        vec![
            FieldError::new("first_name", "invalid-characters"),
            FieldError::new("postal_code", "invalid-postal-code"),
            FieldError::new("reason", "unknown-choice")
        ]
    );
    assert_eq!(SignIn::parse("", "", "").expect_err("e").len(), 2);
    let t = Tally::of([
        (Reason::Group, Some("g1")),
        (Reason::Group, Some("g1")),
        (Reason::Group, Some("g2")),
        (Reason::Computer, None),
    ]);
    assert_eq!(t.visits, 4);
    assert_eq!(t.reason(Reason::Group), 3);
    assert_eq!(t.reason(Reason::Naloxone), 0);
    assert_eq!(t.by_group.get("g1"), Some(&2));
}

proptest! {
    #[test]
    fn a_tally_adds_up(visits in proptest::collection::vec((0usize..4, proptest::option::of(0u8..3)), 0..60)) {
        let groups = ["a", "b", "c"];
        let t = Tally::of(visits.iter().map(|(r, g)| (Reason::ALL[*r], g.map(|g| groups[g as usize]))));
        prop_assert_eq!(t.visits as usize, visits.len());
        prop_assert_eq!(t.by_reason.values().sum::<u32>(), t.visits);
        prop_assert_eq!(t.by_group.values().sum::<u32>() as usize, visits.iter().filter(|(_, g)| g.is_some()).count());
    }
}

/// The network feed's series (issue 20): a weekly group is one VEVENT in its zone with its rule, the zone's
/// VTIMEZONE names each change of offset, and a series started months ago begins within a period of the feed.
#[test]
fn a_weekly_series_is_one_event_in_its_zone_with_the_zones_changes() {
    use super::ics::{FeedSeries, SeriesWhen, series_calendar};
    let s = weekly("2026-01-05 19:00", &[Weekday::Mon, Weekday::Thu]);
    let from = local("2026-12-01 00:00").date();
    let starts = s.rebased_start(from);
    assert!(starts <= local("2026-12-01 19:00") && starts > local("2026-11-17 19:00"), "{starts}");
    assert_eq!(starts.weekday(), Weekday::Mon);
    assert_eq!(starts.time(), s.starts.time());
    // The same occurrences from the rebased start.
    let moved = Schedule { starts, ..s.clone() };
    let window = (utc("2026-12-01 00:00"), utc("2027-04-01 00:00"));
    assert_eq!(moved.occurrences(NY, window.0, window.1), s.occurrences(NY, window.0, window.1));
    let series = FeedSeries {
        uid: "g1@example.org".into(),
        summary: "All-recovery group".into(),
        description: None,
        location: Some("Hartford".into()),
        url: None,
        when: SeriesWhen::Weekly {
            tz: NY,
            starts,
            ends: starts + s.duration(),
            rule: s.rrule().unwrap_or_default(),
            until: Some(utc("2027-06-01 23:00")),
        },
    };
    let text = series_calendar("Network", &[series], utc("2026-12-06 12:00"), window.0, utc("2028-01-01 00:00"));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert!(lines.contains(&"TZID:America/New_York"));
    assert!(lines.contains(&format!("DTSTART;TZID=America/New_York:{}", starts.format("%Y%m%dT%H%M%S")).as_str()));
    assert!(lines.contains(&"RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH;UNTIL=20270601T230000Z"));
    // 14 March 2027, 02:00 EST becomes 03:00 EDT; 7 November 2027, 02:00 EDT becomes 01:00 EST.
    let at = |l: &str| lines.iter().position(|x| *x == l);
    let spring = at("DTSTART:20270314T020000").expect("the spring change");
    assert_eq!(lines[spring - 1], "BEGIN:DAYLIGHT");
    assert_eq!(&lines[spring + 1..spring + 3], ["TZOFFSETFROM:-0500", "TZOFFSETTO:-0400"]);
    let autumn = at("DTSTART:20271107T020000").expect("the autumn change");
    assert_eq!(lines[autumn - 1], "BEGIN:STANDARD");
    assert_eq!(lines.iter().filter(|l| l.starts_with("BEGIN:VEVENT")).count(), 1);
}
