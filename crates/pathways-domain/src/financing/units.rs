//! Minutes to units. The rounding applies to the day's total minutes of one code for one person under one
//! funding source — as CMS Pub. 100-04 ch. 5 §20.2 counts the total timed minutes — so an event's units are
//! what it adds to the day: `round(before + minutes) − round(before)`, then capped by what the daily cap leaves.
//! Rounding each session alone would let two 8-minute sessions bill 2 units where one 16-minute session bills 1.

use super::Rounding;

/// Units for `minutes` in total, by the rule (no cap).
///
/// Midpoint: a unit counts once *more than half* of it is given — for 15-minute units, 8 minutes make the
/// first unit and 23 the second (§20.2's table: 8–22 minutes = 1 unit, 23–37 = 2 …). Whole units: only
/// completed units.
pub const fn total_units(rounding: Rounding, unit_minutes: u16, minutes: u32) -> u32 {
    if unit_minutes == 0 {
        return 0;
    }
    let u = unit_minutes as u32;
    match rounding {
        // More than half: (u - 1) / 2 added before the division (7 for 15-minute units: 8 → 15/15 = 1).
        Rounding::Midpoint => (minutes + (u - 1) / 2) / u,
        Rounding::WholeUnits => minutes / u,
    }
}

/// What one event adds to a person's day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventUnits {
    /// Units billable for this event (within the cap).
    pub billable: u32,
    /// Units the minutes would have made without the cap (more than `billable` when the cap was reached).
    pub uncapped: u32,
}

/// The units an event of `minutes` adds, after `minutes_before` minutes (and `units_before` billed units) of the
/// same code for the same person, funding source and day.
pub fn event_units(
    rounding: Rounding,
    unit_minutes: u16,
    daily_cap: Option<u32>,
    minutes_before: u32,
    units_before: u32,
    minutes: u32,
) -> EventUnits {
    let uncapped = total_units(rounding, unit_minutes, minutes_before.saturating_add(minutes))
        .saturating_sub(total_units(rounding, unit_minutes, minutes_before));
    let billable = match daily_cap {
        Some(cap) => uncapped.min(cap.saturating_sub(units_before)),
        None => uncapped,
    };
    EventUnits { billable, uncapped }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn midpoint_edges_on_fifteen_minute_units() {
        // CMS Pub. 100-04 ch. 5 §20.2: units by total timed minutes.
        let table = [
            (0, 0),
            (1, 0),
            (7, 0),
            (8, 1),
            (15, 1),
            (22, 1),
            (23, 2),
            (37, 2),
            (38, 3),
            (52, 3),
            (53, 4),
            (60, 4),
            (67, 4),
            (68, 5),
        ];
        for (minutes, units) in table {
            assert_eq!(total_units(Rounding::Midpoint, 15, minutes), units, "{minutes} minutes");
        }
    }

    #[test]
    fn whole_unit_edges() {
        let table = [(0, 0), (14, 0), (15, 1), (29, 1), (30, 2), (44, 2), (45, 3), (60, 4)];
        for (minutes, units) in table {
            assert_eq!(total_units(Rounding::WholeUnits, 15, minutes), units, "{minutes} minutes");
        }
    }

    #[test]
    fn midpoint_on_even_units_needs_more_than_half() {
        assert_eq!(total_units(Rounding::Midpoint, 30, 15), 0, "exactly half is not more than half");
        assert_eq!(total_units(Rounding::Midpoint, 30, 16), 1);
        assert_eq!(total_units(Rounding::Midpoint, 60, 31), 1);
        assert_eq!(total_units(Rounding::Midpoint, 60, 30), 0);
    }

    #[test]
    fn rounding_each_session_alone_would_bill_a_split_more() {
        // Why the day is the base: 8 + 8 minutes alone would be 2 units; 16 minutes are 1.
        assert_eq!(total_units(Rounding::Midpoint, 15, 8) * 2, 2);
        let first = event_units(Rounding::Midpoint, 15, None, 0, 0, 8);
        let second = event_units(Rounding::Midpoint, 15, None, 8, first.billable, 8);
        assert_eq!((first.billable, second.billable), (1, 0));
        assert_eq!(first.billable + second.billable, total_units(Rounding::Midpoint, 15, 16));
    }

    #[test]
    fn the_cap_cuts_what_is_left_of_the_day() {
        let e = event_units(Rounding::Midpoint, 15, Some(16), 210, 14, 60);
        assert_eq!(e, EventUnits { billable: 2, uncapped: 4 });
        let full = event_units(Rounding::Midpoint, 15, Some(16), 240, 16, 30);
        assert_eq!(full, EventUnits { billable: 0, uncapped: 2 });
    }

    fn rounding() -> impl Strategy<Value = Rounding> {
        prop_oneof![Just(Rounding::Midpoint), Just(Rounding::WholeUnits)]
    }

    proptest! {
        /// However a day's sessions fall, the units billed never exceed the cap.
        #[test]
        fn units_never_exceed_the_cap(
            r in rounding(), unit in 1u16..=60, cap in 1u32..=32, sessions in prop::collection::vec(1u32..=240, 0..20)
        ) {
            let (mut minutes, mut units) = (0, 0);
            for m in sessions {
                let e = event_units(r, unit, Some(cap), minutes, units, m);
                prop_assert!(e.billable <= e.uncapped);
                minutes += m;
                units += e.billable;
                prop_assert!(units <= cap);
            }
        }

        /// Splitting a session into pieces (on the same day) never yields more units than the whole; with the
        /// day as the base it yields exactly as many.
        #[test]
        fn splitting_never_yields_more_than_the_whole(
            r in rounding(), unit in 1u16..=60, cap in prop::option::of(1u32..=32),
            before in 0u32..=300, pieces in prop::collection::vec(1u32..=120, 1..8)
        ) {
            let whole_minutes: u32 = pieces.iter().sum();
            let before_units = event_units(r, unit, cap, 0, 0, before).billable;
            let whole = event_units(r, unit, cap, before, before_units, whole_minutes).billable;
            let (mut minutes, mut units) = (before, before_units);
            let mut split = 0;
            for m in pieces {
                let e = event_units(r, unit, cap, minutes, units, m);
                minutes += m;
                units += e.billable;
                split += e.billable;
            }
            prop_assert_eq!(split, whole);
        }

        /// Whole units never gain from a split even session by session (floor is superadditive).
        #[test]
        fn whole_units_per_session_never_exceed_the_whole(a in 0u32..=600, b in 0u32..=600, unit in 1u16..=60) {
            let apart = total_units(Rounding::WholeUnits, unit, a) + total_units(Rounding::WholeUnits, unit, b);
            prop_assert!(apart <= total_units(Rounding::WholeUnits, unit, a + b));
        }
    }
}
