//! Time windows as integer arithmetic: the rules of [`crate::directory::schedule`] (`upcoming`,
//! `first_in_window`), with every instant a Unix second and every wall-clock time a "local second" (the instant
//! plus the zone's offset then). Per search, each zone's offset around "now" is looked up once ([`ZoneClock`]);
//! testing a slot is then a few additions and comparisons. The tests check that the answers equal the schedule
//! module's for any slot, zone, viewer, window and moment.

use chrono::{DateTime, Offset, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

use crate::directory::schedule::{LOOKAHEAD_DAYS, NOW_LEAD_MINUTES, WeeklySlot, Window, resolve_local};

pub(super) const DAY: i64 = 86_400;
pub(super) const WEEK: i64 = 7 * DAY;
/// As in the schedule module: occurrences are looked for from two days before today.
const LOOKBACK_DAYS: i64 = 2;
/// The stretch around "now" a clock covers: every occurrence a search can look at starts and ends within it.
const CLOCK_BEFORE: i64 = 4 * DAY;
const CLOCK_AFTER: i64 = 11 * DAY;

/// The UTC offset of `tz` at instant `u`, in seconds.
fn offset(tz: Tz, u: i64) -> i64 {
    DateTime::from_timestamp(u, 0)
        .map_or(0, |t| i64::from(tz.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc()))
}

/// The wall clock of one zone around a moment: its offset, and the change of offset (when, and to what) if one
/// falls within the fifteen days around it. A zone that changed twice within them would be read as changing once
/// (none does in the tz database today).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ZoneClock {
    before: i64,
    change: Option<(i64, i64)>,
}

impl ZoneClock {
    pub(super) fn new(tz: Tz, now: i64) -> Self {
        let (a, b) = (now - CLOCK_BEFORE, now + CLOCK_AFTER);
        let (before, after) = (offset(tz, a), offset(tz, b));
        if before == after {
            return Self { before, change: None };
        }
        // offset(lo) == before, offset(hi) != before: the change is at hi.
        let (mut lo, mut hi) = (a, b);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if offset(tz, mid) == before {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Self { before, change: Some((hi, offset(tz, hi))) }
    }

    fn offset_at(&self, u: i64) -> i64 {
        match self.change {
            Some((at, after)) if u >= at => after,
            _ => self.before,
        }
    }

    /// The wall-clock reading at instant `u`.
    pub(super) fn local(&self, u: i64) -> i64 {
        u + self.offset_at(u)
    }

    /// The smallest and largest offset.
    fn offsets(&self) -> (i64, i64) {
        let after = self.change.map_or(self.before, |c| c.1);
        (self.before.min(after), self.before.max(after))
    }

    /// The instant a wall-clock reading names, as `schedule::resolve_local` decides it: the earlier instant when
    /// it happens twice, the end of the gap when it does not happen.
    pub(super) fn resolve(&self, local: i64) -> i64 {
        let Some((at, after)) = self.change else { return local - self.before };
        let (first, second) = (local - self.before, local - after);
        match (first < at, second >= at) {
            (true, true) => first.min(second),
            (true, false) => first,
            (false, true) => second,
            (false, false) => at,
        }
    }
}

fn weekday_index(day: i64) -> i64 {
    // 1970-01-01, day 0, was a Thursday; Monday is 0.
    (day + 3).rem_euclid(7)
}

/// A slot's second of the week (Monday 00:00 is 0), on its own wall clock.
pub(super) fn second_of_week(slot: &WeeklySlot) -> u32 {
    slot.day.num_days_from_monday() * 86_400 + slot.start.num_seconds_from_midnight()
}

/// A wall-clock reading's second of the week.
fn local_second_of_week(local: i64) -> i64 {
    (local + 3 * DAY).rem_euclid(WEEK)
}

/// One search's time window, ready to test slots with.
#[derive(Clone, Debug)]
pub(super) struct When {
    window: Window,
    now: i64,
    /// Whether "now" is past `now` by a fraction of a second (then a start at `now` is already past).
    fraction: bool,
    horizon: i64,
    /// The viewer's next midnight, and 17:00 of the viewer's today.
    midnight: i64,
    evening: i64,
    viewer: ZoneClock,
    /// Per zone of the index.
    clocks: Vec<ZoneClock>,
}

impl When {
    pub(super) fn new(window: Window, now: DateTime<Utc>, viewer_tz: Tz, zones: &[Tz]) -> Self {
        let t = now.timestamp();
        let today = now.with_timezone(&viewer_tz).date_naive();
        let midnight =
            resolve_local(viewer_tz, today.succ_opt().unwrap_or(today).and_time(chrono::NaiveTime::MIN)).timestamp();
        let evening_time = chrono::NaiveTime::from_hms_opt(17, 0, 0).unwrap_or(chrono::NaiveTime::MIN);
        let evening = resolve_local(viewer_tz, today.and_time(evening_time)).timestamp();
        Self {
            window,
            now: t,
            fraction: now.timestamp_subsec_nanos() > 0,
            horizon: t + LOOKAHEAD_DAYS as i64 * DAY,
            midnight,
            evening,
            viewer: ZoneClock::new(viewer_tz, t),
            clocks: zones.iter().map(|&z| ZoneClock::new(z, t)).collect(),
        }
    }

    /// The occurrences of a slot that `schedule::upcoming` would give: not ended by now, starting by the horizon,
    /// on one of the slot's local dates from two days before today to eight days after.
    fn occurrences(&self, slot: &WeeklySlot, clock: &ZoneClock) -> impl Iterator<Item = (i64, i64)> + use<> {
        let today = clock.local(self.now).div_euclid(DAY);
        let first = today - LOOKBACK_DAYS;
        let day = first + (i64::from(slot.day.num_days_from_monday()) - weekday_index(first)).rem_euclid(7);
        let start = i64::from(slot.start.num_seconds_from_midnight());
        let end = i64::from(slot.end.num_seconds_from_midnight());
        let length = slot.length().num_seconds();
        let last = today + LOOKAHEAD_DAYS as i64;
        let (now, horizon, clock) = (self.now, self.horizon, *clock);
        [day, day + 7].into_iter().filter(move |&d| d <= last).filter_map(move |d| {
            let s = clock.resolve(d * DAY + start);
            let end_day = if end <= start { d + 1 } else { d };
            let e = clock.resolve(end_day * DAY + end);
            // Both ends can fall in one daylight-saving gap and land on the same instant.
            let e = if e > s { e } else { s + length };
            (e > now && s <= horizon).then_some((s, e))
        })
    }

    fn fits(&self, (start, end): (i64, i64)) -> bool {
        match self.window {
            Window::Now => start <= self.now + i64::from(NOW_LEAD_MINUTES) * 60,
            Window::StartsWithin(m) => {
                let started = start > self.now || (start == self.now && !self.fraction);
                started && start <= self.now + i64::from(m) * 60
            }
            Window::Today => start < self.midnight,
            Window::Tonight => start < self.midnight && end > self.evening,
            Window::Day(d) => {
                weekday_index(self.viewer.local(start).div_euclid(DAY)) == i64::from(d.num_days_from_monday())
            }
        }
    }

    /// The first occurrence of `slots` (each slot in the zone `zones` names) that answers the window, as
    /// (start, end): `schedule::first_in_window` in integers.
    pub(super) fn first_fit(&self, slots: &[WeeklySlot], zones: &[u16]) -> Option<(i64, i64)> {
        slots
            .iter()
            .zip(zones)
            .filter_map(|(slot, &z)| {
                let clock = self.clocks.get(usize::from(z))?;
                self.occurrences(slot, clock).filter(|&o| self.fits(o)).min()
            })
            .min()
    }

    /// Where the start of an answering occurrence can lie, as ranges of instants (a little generous): slots
    /// whose start falls elsewhere on their wall clock need not be tested.
    fn start_bounds(&self, longest: i64) -> Vec<(i64, i64)> {
        // A meeting in progress started at most its length ago, plus what a change of offset can add.
        let since = self.now - longest - 4 * 3600;
        match self.window {
            Window::Now => vec![(since, self.now + i64::from(NOW_LEAD_MINUTES) * 60)],
            Window::StartsWithin(m) => vec![(self.now, self.now + i64::from(m) * 60)],
            Window::Today | Window::Tonight => vec![(since, self.midnight)],
            Window::Day(d) => {
                let today = self.viewer.local(self.now).div_euclid(DAY);
                let want = i64::from(d.num_days_from_monday());
                (today - LOOKBACK_DAYS..=today + LOOKAHEAD_DAYS as i64 + 1)
                    .filter(|&day| weekday_index(day) == want)
                    .map(|day| (self.viewer.resolve(day * DAY) - 1, self.viewer.resolve((day + 1) * DAY) + 1))
                    .map(|(a, b)| (a.max(since), b.min(self.horizon)))
                    .filter(|(a, b)| a <= b)
                    .collect()
            }
        }
    }

    /// For zone `z`: the ranges of slot seconds-of-week worth testing (inclusive).
    pub(super) fn week_ranges(&self, z: usize, longest: i64) -> Vec<(u32, u32)> {
        let Some(clock) = self.clocks.get(z) else { return Vec::new() };
        let (low, high) = clock.offsets();
        let mut out = Vec::new();
        for (a, b) in self.start_bounds(longest) {
            let (wa, wb) = (a + low, b + high);
            if wb - wa >= WEEK - 1 {
                return vec![(0, u32::MAX)];
            }
            let (sa, sb) = (local_second_of_week(wa), local_second_of_week(wb));
            let clamp = |x: i64| u32::try_from(x).unwrap_or(u32::MAX);
            if sa <= sb {
                out.push((clamp(sa), clamp(sb)));
            } else {
                out.push((clamp(sa), u32::MAX));
                out.push((0, clamp(sb)));
            }
        }
        out
    }

    /// A start instant as a sort key: seconds since a moment before any start a search can see.
    pub(super) fn start_key(&self, start: i64) -> u64 {
        u64::try_from(start - (self.now - 2 * WEEK)).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDateTime, NaiveTime, TimeDelta, Weekday};
    use chrono_tz::America::New_York;
    use proptest::prelude::*;

    use super::*;
    use crate::directory::schedule::first_in_window;

    fn weekday_of(i: u32) -> Weekday {
        use Weekday::*;
        [Mon, Tue, Wed, Thu, Fri, Sat, Sun][(i % 7) as usize]
    }

    fn any_slot() -> impl Strategy<Value = WeeklySlot> {
        (0..7u32, 0..1440u32, 0..1440u32, 0..chrono_tz::TZ_VARIANTS.len()).prop_map(|(d, s, e, z)| WeeklySlot {
            day: weekday_of(d),
            start: NaiveTime::from_num_seconds_from_midnight_opt(s * 60, 0).unwrap_or(NaiveTime::MIN),
            end: NaiveTime::from_num_seconds_from_midnight_opt(e * 60, 0).unwrap_or(NaiveTime::MIN),
            tz: chrono_tz::TZ_VARIANTS[z],
        })
    }

    fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
        // 2020 to 2036, sometimes with a fraction of a second.
        (1_577_836_800i64..2_082_758_400, prop_oneof![Just(0u32), 0..1_000_000_000u32])
            .prop_map(|(t, n)| DateTime::from_timestamp(t, n).unwrap_or_default())
    }

    fn any_window() -> impl Strategy<Value = Window> {
        prop_oneof![
            Just(Window::Now),
            (0..2000u32).prop_map(Window::StartsWithin),
            Just(Window::Today),
            Just(Window::Tonight),
            (0..7u32).prop_map(|d| Window::Day(weekday_of(d))),
        ]
    }

    fn integer(slots: &[WeeklySlot], w: Window, now: DateTime<Utc>, viewer: Tz) -> Option<(i64, i64)> {
        let zones: Vec<Tz> = slots.iter().map(|s| s.tz).collect();
        let ids: Vec<u16> = (0..u16::try_from(slots.len()).unwrap_or(0)).collect();
        When::new(w, now, viewer, &zones).first_fit(slots, &ids)
    }

    fn exact(slots: &[WeeklySlot], w: Window, now: DateTime<Utc>, viewer: Tz) -> Option<(i64, i64)> {
        first_in_window(slots, w, now, viewer).map(|o| (o.start.timestamp(), o.end.timestamp()))
    }

    /// A moment on the wall clock of New York.
    fn ny(s: &str) -> DateTime<Utc> {
        let local: NaiveDateTime = s.parse().unwrap_or_default();
        resolve_local(New_York, local)
    }

    fn slot(day: Weekday, h: u32, m: u32, len_min: i64) -> WeeklySlot {
        let start = NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
        WeeklySlot { day, start, end: start + TimeDelta::minutes(len_min), tz: New_York }
    }

    #[test]
    fn a_clock_reads_daylight_saving_gaps_and_overlaps_as_the_schedule_does() {
        // 2026-03-08 02:00 EST jumps to 03:00 EDT at 07:00 UTC; 2026-11-01 02:00 EDT falls back to 01:00 EST.
        for (at, local) in [
            ("2026-03-08T00:00:00", "2026-03-08T02:30:00"),
            ("2026-03-08T00:00:00", "2026-03-08T01:59:59"),
            ("2026-03-08T00:00:00", "2026-03-08T03:00:00"),
            ("2026-11-01T00:00:00", "2026-11-01T01:30:00"),
            ("2026-11-01T00:00:00", "2026-11-01T02:00:00"),
            ("2026-11-01T00:00:00", "2026-11-01T00:59:59"),
        ] {
            let clock = ZoneClock::new(New_York, ny(at).timestamp());
            assert!(clock.change.is_some(), "{at}");
            let local: NaiveDateTime = local.parse().unwrap_or_default();
            assert_eq!(
                clock.resolve(local.and_utc().timestamp()),
                resolve_local(New_York, local).timestamp(),
                "{local}"
            );
        }
        assert_eq!(ZoneClock::new(New_York, ny("2026-06-01T00:00:00").timestamp()).change, None);
    }

    #[test]
    fn the_windows_of_the_schedule_tests_give_the_same_answers() {
        // Wednesday 2026-05-13, 22:00 in New York: see `schedule::tests`.
        let now = ny("2026-05-13T22:00:00");
        let cases = [
            (slot(Weekday::Wed, 23, 30, 60), Window::StartsWithin(120)),
            (slot(Weekday::Thu, 0, 31, 60), Window::StartsWithin(120)),
            (slot(Weekday::Thu, 0, 0, 60), Window::StartsWithin(120)),
            (slot(Weekday::Wed, 21, 30, 60), Window::StartsWithin(120)),
            (slot(Weekday::Wed, 21, 30, 60), Window::Now),
            (slot(Weekday::Wed, 21, 30, 60), Window::Today),
            (slot(Weekday::Wed, 23, 59, 60), Window::Tonight),
            (slot(Weekday::Thu, 19, 0, 60), Window::Tonight),
            (slot(Weekday::Fri, 19, 0, 60), Window::Day(Weekday::Fri)),
            (slot(Weekday::Wed, 9, 0, 60), Window::Day(Weekday::Wed)),
            (slot(Weekday::Sat, 23, 30, 60), Window::Day(Weekday::Sun)),
        ];
        for (s, w) in cases {
            assert_eq!(integer(&[s], w, now, New_York), exact(&[s], w, now, New_York), "{s:?} {w:?}");
        }
        // Across the spring-forward night: a Sunday 02:30 meeting starts at 03:00 EDT.
        let gap = [slot(Weekday::Sun, 2, 30, 60)];
        let before = ny("2026-03-08T00:30:00");
        assert_eq!(
            integer(&gap, Window::StartsWithin(180), before, New_York),
            exact(&gap, Window::StartsWithin(180), before, New_York)
        );
        assert!(integer(&gap, Window::StartsWithin(180), before, New_York).is_some());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn integer_windows_equal_the_schedule_modules(
            slots in proptest::collection::vec(any_slot(), 1..4), now in any_instant(),
            viewer in 0..chrono_tz::TZ_VARIANTS.len(), window in any_window(),
        ) {
            let viewer = chrono_tz::TZ_VARIANTS[viewer];
            prop_assert_eq!(integer(&slots, window, now, viewer), exact(&slots, window, now, viewer));
        }

        #[test]
        fn an_answering_start_lies_in_the_ranges_searched(
            s in any_slot(), now in any_instant(), viewer in 0..chrono_tz::TZ_VARIANTS.len(), window in any_window(),
        ) {
            let viewer = chrono_tz::TZ_VARIANTS[viewer];
            let when = When::new(window, now, viewer, &[s.tz]);
            if when.first_fit(&[s], &[0]).is_some() {
                let sow = second_of_week(&s);
                let ranges = when.week_ranges(0, s.length().num_seconds());
                prop_assert!(ranges.iter().any(|&(a, b)| a <= sow && sow <= b), "{:?} not in {:?}", sow, ranges);
            }
        }
    }
}
