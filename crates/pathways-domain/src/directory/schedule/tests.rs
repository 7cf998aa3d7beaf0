use chrono::Weekday::{Fri, Sat, Sun, Thu, Wed};
use chrono_tz::America::{Los_Angeles, New_York};
use proptest::prelude::*;

use super::*;

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

fn slot(day: Weekday, start: (u32, u32), end: (u32, u32), tz: Tz) -> WeeklySlot {
    WeeklySlot { day, start: hm(start.0, start.1), end: hm(end.0, end.1), tz }
}

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().expect("RFC 3339 instant")
}

/// A wall-clock time in New York as an instant (the test dates avoid daylight-saving changes).
fn ny(s: &str) -> DateTime<Utc> {
    let local: NaiveDateTime = s.parse().expect("local date-time");
    New_York.from_local_datetime(&local).single().expect("unambiguous").with_timezone(&Utc)
}

#[test]
fn a_meeting_past_midnight_is_on_now_the_next_morning() {
    // Saturday 2026-05-09 23:30 – Sunday 00:30, seen on Sunday at 00:10.
    let slots = [slot(Sat, (23, 30), (0, 30), New_York)];
    let now = ny("2026-05-10T00:10:00");
    let found = first_in_window(&slots, Window::Now, now, New_York).expect("in progress");
    assert_eq!(
        found,
        Occurrence { start: ny("2026-05-09T23:30:00"), end: ny("2026-05-10T00:30:00"), in_progress: true }
    );
    assert_eq!(next_occurrence(&slots, now), Some(found));
    assert_eq!(first_in_window(&slots, Window::Day(Sat), now, New_York).map(|o| o.start), Some(found.start));
    assert_eq!(first_in_window(&slots, Window::Day(Sun), now, New_York), None);
}

#[test]
fn starts_within_counts_minutes_from_now() {
    let now = ny("2026-05-13T22:00:00"); // a Wednesday
    let late = slot(Wed, (23, 30), (0, 30), New_York);
    let after_midnight = slot(Thu, (0, 31), (1, 30), New_York);
    let at_the_limit = slot(Thu, (0, 0), (1, 0), New_York);
    let within = |slots: &[WeeklySlot]| first_in_window(slots, Window::StartsWithin(120), now, New_York);
    assert_eq!(within(&[late, after_midnight]).map(|o| o.start), Some(ny("2026-05-13T23:30:00")));
    assert_eq!(within(&[after_midnight]), None);
    assert_eq!(within(&[at_the_limit]).map(|o| o.start), Some(ny("2026-05-14T00:00:00")));
    // A meeting already under way did not "start within" anything.
    let under_way = slot(Wed, (21, 30), (22, 30), New_York);
    assert_eq!(within(&[under_way]), None);
    assert!(first_in_window(&[under_way], Window::Now, now, New_York).is_some_and(|o| o.in_progress));
}

#[test]
fn now_includes_a_meeting_about_to_start() {
    let now = ny("2026-05-13T18:45:00");
    let soon = slot(Wed, (19, 0), (20, 0), New_York);
    let later = slot(Wed, (19, 1), (20, 0), New_York);
    let found = first_in_window(&[soon], Window::Now, now, New_York).expect("starts in 15 minutes");
    assert!(!found.in_progress);
    assert_eq!(first_in_window(&[later], Window::Now, now, New_York), None);
}

#[test]
fn a_start_in_the_spring_forward_gap_moves_to_the_end_of_the_gap() {
    // 2026-03-08: New York clocks go from 02:00 EST straight to 03:00 EDT (07:00 UTC).
    let slots = [slot(Sun, (2, 30), (3, 30), New_York)];
    let found = next_occurrence(&slots, utc("2026-03-08T05:00:00Z")).expect("occurrence");
    assert_eq!(found.start, utc("2026-03-08T07:00:00Z"));
    assert_eq!(found.end, utc("2026-03-08T07:30:00Z"));
    // Both ends in the gap: the meeting keeps its usual length.
    let (start, end) = slot(Sun, (2, 0), (2, 45), New_York).on(date(2026, 3, 8));
    assert_eq!((start, end), (utc("2026-03-08T07:00:00Z"), utc("2026-03-08T07:45:00Z")));
    // The week after, it is back at 02:30 (EDT).
    let next_week = next_occurrence(&slots, utc("2026-03-08T08:00:00Z")).expect("occurrence");
    assert_eq!(next_week.start, utc("2026-03-15T06:30:00Z"));
}

#[test]
fn a_start_in_the_repeated_fall_back_hour_happens_once_at_the_earlier_instant() {
    // 2026-11-01: 01:00–02:00 EDT is followed by 01:00–02:00 EST again.
    let slots = [slot(Sun, (1, 30), (1, 45), New_York)];
    let found = next_occurrence(&slots, utc("2026-11-01T04:00:00Z")).expect("occurrence");
    assert_eq!((found.start, found.end), (utc("2026-11-01T05:30:00Z"), utc("2026-11-01T05:45:00Z")));
    // At 01:00 EST (the second time round) the next one is a week later, not at 01:30 EST the same night.
    let next = next_occurrence(&slots, utc("2026-11-01T06:00:00Z")).expect("occurrence");
    assert_eq!(next.start, utc("2026-11-08T06:30:00Z"));
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn today_is_the_viewers_day_not_the_meetings() {
    // Wednesday 22:00 in New York is 19:00 in Los Angeles.
    let now = ny("2026-05-13T22:00:00");
    let eight_pm_pacific = slot(Wed, (20, 0), (21, 0), Los_Angeles);
    let half_past_nine_pacific = slot(Wed, (21, 30), (22, 30), Los_Angeles);
    let found = first_in_window(&[eight_pm_pacific], Window::Today, now, New_York).expect("at 23:00 Eastern");
    assert_eq!(found.start, ny("2026-05-13T23:00:00"));
    // 21:30 Pacific is 00:30 Thursday in New York: tomorrow for this viewer, today for one in Los Angeles.
    assert_eq!(first_in_window(&[half_past_nine_pacific], Window::Today, now, New_York), None);
    assert!(first_in_window(&[half_past_nine_pacific], Window::Today, now, Los_Angeles).is_some());
}

#[test]
fn today_includes_a_meeting_in_progress_but_not_one_that_ended() {
    let now = ny("2026-05-13T12:00:00");
    let in_progress = slot(Wed, (11, 30), (12, 30), New_York);
    let ended = slot(Wed, (10, 0), (11, 0), New_York);
    assert!(first_in_window(&[in_progress], Window::Today, now, New_York).is_some_and(|o| o.in_progress));
    assert_eq!(first_in_window(&[ended], Window::Today, now, New_York), None);
}

#[test]
fn tonight_is_from_five_to_midnight_of_the_viewers_today() {
    let now = ny("2026-05-13T12:00:00");
    let tonight = |s: WeeklySlot| first_in_window(&[s], Window::Tonight, now, New_York).map(|o| o.start);
    assert_eq!(tonight(slot(Wed, (12, 30), (13, 30), New_York)), None);
    assert_eq!(tonight(slot(Wed, (19, 0), (20, 0), New_York)), Some(ny("2026-05-13T19:00:00")));
    assert_eq!(tonight(slot(Wed, (16, 30), (17, 30), New_York)), Some(ny("2026-05-13T16:30:00")));
    assert_eq!(tonight(slot(Wed, (23, 59), (0, 59), New_York)), Some(ny("2026-05-13T23:59:00")));
    assert_eq!(tonight(slot(Thu, (0, 30), (1, 30), New_York)), None);
    assert_eq!(tonight(slot(Thu, (19, 0), (20, 0), New_York)), None);
}

#[test]
fn a_day_is_the_next_such_weekday_of_the_viewer() {
    let now = ny("2026-05-13T12:00:00"); // Wednesday
    let friday = slot(Fri, (19, 0), (20, 0), New_York);
    let wednesday_morning = slot(Wed, (9, 0), (10, 0), New_York);
    assert_eq!(
        first_in_window(&[friday, wednesday_morning], Window::Day(Fri), now, New_York).map(|o| o.start),
        Some(ny("2026-05-15T19:00:00"))
    );
    // This morning's has ended: next Wednesday's.
    assert_eq!(
        first_in_window(&[friday, wednesday_morning], Window::Day(Wed), now, New_York).map(|o| o.start),
        Some(ny("2026-05-20T09:00:00"))
    );
    assert_eq!(first_in_window(&[friday], Window::Day(Sat), now, New_York), None);
}

#[test]
fn the_one_in_progress_comes_before_the_next() {
    let now = ny("2026-05-13T12:00:00");
    let slots = [slot(Wed, (12, 5), (13, 0), New_York), slot(Wed, (11, 30), (12, 30), New_York)];
    let found = next_occurrence(&slots, now).expect("occurrence");
    assert!(found.in_progress);
    assert_eq!(found.start, ny("2026-05-13T11:30:00"));
    assert_eq!(next_occurrence(&[], now), None);
}

#[test]
fn an_end_equal_to_the_start_lasts_a_day() {
    let s = slot(Wed, (9, 0), (9, 0), New_York);
    assert_eq!(s.length(), TimeDelta::days(1));
    assert_eq!(s.on(date(2026, 5, 13)), (ny("2026-05-13T09:00:00"), ny("2026-05-14T09:00:00")));
}

#[test]
fn times_are_read_on_a_24_hour_clock() {
    assert_eq!(parse_hhmm("07:30"), Ok(hm(7, 30)));
    assert_eq!(parse_hhmm("7:30"), Ok(hm(7, 30)));
    assert_eq!(parse_hhmm(" 19:05 "), Ok(hm(19, 5)));
    assert_eq!(parse_hhmm("19:05:30"), NaiveTime::from_hms_opt(19, 5, 30).ok_or(InvalidTime(String::new())));
    assert_eq!(parse_hhmm("24:00"), Ok(NaiveTime::MIN));
    assert_eq!(parse_hhmm("24:00:00"), Ok(NaiveTime::MIN));
    for bad in ["25:00", "24:01", "12:60", "12:5", "12", "", "ab:cd", "12:00:60", "123:00", "+1:00", "12:00:00:00"] {
        assert_eq!(parse_hhmm(bad), Err(InvalidTime(bad.to_owned())), "{bad:?}");
    }
    assert_eq!(format_hhmm(hm(7, 5)), "07:05");
    assert_eq!(format_hhmm(NaiveTime::from_hms_opt(7, 5, 9).expect("valid")), "07:05:09");
}

fn any_slot() -> impl Strategy<Value = WeeklySlot> {
    let weekdays = [Weekday::Mon, Weekday::Tue, Wed, Thu, Fri, Sat, Sun];
    (0..7usize, 0..1440u32, 0..1440u32, 0..chrono_tz::TZ_VARIANTS.len()).prop_map(move |(d, s, e, z)| WeeklySlot {
        day: weekdays[d],
        start: NaiveTime::from_num_seconds_from_midnight_opt(s * 60, 0).unwrap_or(NaiveTime::MIN),
        end: NaiveTime::from_num_seconds_from_midnight_opt(e * 60, 0).unwrap_or(NaiveTime::MIN),
        tz: chrono_tz::TZ_VARIANTS[z],
    })
}

fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
    // 2020 to 2036.
    (1_577_836_800i64..2_082_758_400).prop_map(|t| DateTime::from_timestamp(t, 0).unwrap_or_default())
}

proptest! {
    #[test]
    fn the_next_occurrence_has_not_ended_and_is_at_most_eight_days_ahead(
        slots in proptest::collection::vec(any_slot(), 1..4), now in any_instant(),
    ) {
        let o = next_occurrence(&slots, now);
        prop_assert!(o.is_some());
        let o = o.unwrap_or(Occurrence { start: now, end: now, in_progress: false });
        prop_assert!(o.start >= now - (o.end - o.start));
        prop_assert!(o.end > now);
        prop_assert!(o.start <= now + TimeDelta::days(8));
        prop_assert_eq!(o.in_progress, o.start <= now);
    }

    #[test]
    fn every_window_answer_is_one_of_the_upcoming_occurrences(
        slots in proptest::collection::vec(any_slot(), 1..4), now in any_instant(),
        viewer in 0..chrono_tz::TZ_VARIANTS.len(), minutes in 0..2000u32,
    ) {
        let viewer = chrono_tz::TZ_VARIANTS[viewer];
        let next = next_occurrence(&slots, now);
        for window in [Window::Now, Window::StartsWithin(minutes), Window::Today, Window::Tonight, Window::Day(Sat)] {
            if let Some(o) = first_in_window(&slots, window, now, viewer) {
                prop_assert!(o.end > now);
                prop_assert!(next.is_some_and(|n| n.start <= o.start));
                if window == Window::Now {
                    prop_assert!(o.in_progress || o.start <= now + TimeDelta::minutes(15));
                }
            }
        }
    }
}

#[test]
fn byday_codes_go_both_ways() {
    for d in [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun] {
        assert_eq!(weekday_of_byday(byday(d)), Some(d));
    }
    assert_eq!(byday(Weekday::Sun), "SU");
    assert_eq!(weekday_of_byday(" tu "), None, "codes are capitals");
    assert_eq!(weekday_of_byday("XX"), None);
}
