//! Reporting periods: the state fiscal year (July–June by default, a deployment setting) and its quarters.
//! A fiscal year is named by the calendar year it ends in (July 2026 – June 2027 is fiscal year 2027), as most
//! states name theirs; with a January start it is the calendar year.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::checkup::add_months;

/// July, the month most states' fiscal years start in (46 of 50).
pub const DEFAULT_FISCAL_YEAR_START_MONTH: u32 = 7;

/// A state fiscal year, by the calendar year it ends in and the month it starts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct FiscalYear {
    pub year: i32,
    pub start_month: u32,
}

/// A quarter (1–4) of a fiscal year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Quarter {
    pub fiscal_year: FiscalYear,
    pub quarter: u32,
}

fn month_ok(start_month: u32) -> u32 {
    if (1..=12).contains(&start_month) { start_month } else { DEFAULT_FISCAL_YEAR_START_MONTH }
}

impl FiscalYear {
    /// The fiscal year a day falls in (a start month outside 1–12 is taken as July).
    pub fn of(day: NaiveDate, start_month: u32) -> Self {
        let start_month = month_ok(start_month);
        let year = if start_month > 1 && day.month() >= start_month { day.year() + 1 } else { day.year() };
        FiscalYear { year, start_month }
    }

    /// Its first day.
    pub fn first_day(self) -> NaiveDate {
        let y = if self.start_month > 1 { self.year - 1 } else { self.year };
        NaiveDate::from_ymd_opt(y, self.start_month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The first day of the next fiscal year (the end, exclusive).
    pub fn end(self) -> NaiveDate {
        add_months(self.first_day(), 12)
    }

    pub fn quarters(self) -> [Quarter; 4] {
        [1, 2, 3, 4].map(|quarter| Quarter { fiscal_year: self, quarter })
    }
}

impl Quarter {
    /// The quarter a day falls in.
    pub fn of(day: NaiveDate, start_month: u32) -> Self {
        let fiscal_year = FiscalYear::of(day, start_month);
        let offset = (day.month() + 12 - fiscal_year.start_month) % 12;
        Quarter { fiscal_year, quarter: offset / 3 + 1 }
    }

    pub fn first_day(self) -> NaiveDate {
        add_months(self.fiscal_year.first_day(), (self.quarter - 1) * 3)
    }

    /// The first day of the next quarter (the end, exclusive).
    pub fn end(self) -> NaiveDate {
        add_months(self.first_day(), 3)
    }

    /// The quarter before this one.
    pub fn previous(self) -> Self {
        Quarter::of(self.first_day().pred_opt().unwrap_or(NaiveDate::MIN), self.fiscal_year.start_month)
    }

    /// "FY2027 Q1" — the label tables and CSV files use.
    pub fn label(self) -> String {
        format!("FY{} Q{}", self.fiscal_year.year, self.quarter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

    #[test]
    fn july_to_june_is_named_by_its_ending_year() {
        assert_eq!(FiscalYear::of(d(2026, 6, 30), 7).year, 2026);
        assert_eq!(FiscalYear::of(d(2026, 7, 1), 7).year, 2027);
        let fy = FiscalYear::of(d(2026, 12, 6), 7);
        assert_eq!((fy.first_day(), fy.end()), (d(2026, 7, 1), d(2027, 7, 1)));
        let q = Quarter::of(d(2026, 12, 6), 7);
        assert_eq!((q.quarter, q.first_day(), q.end()), (2, d(2026, 10, 1), d(2027, 1, 1)));
        assert_eq!(q.label(), "FY2027 Q2");
        assert_eq!(Quarter::of(d(2027, 6, 30), 7).label(), "FY2027 Q4");
        assert_eq!(q.previous().label(), "FY2027 Q1");
        assert_eq!(Quarter::of(d(2026, 7, 1), 7).previous().label(), "FY2026 Q4");
    }

    #[test]
    fn other_start_months() {
        assert_eq!(Quarter::of(d(2026, 2, 1), 1).label(), "FY2026 Q1");
        assert_eq!(Quarter::of(d(2026, 12, 31), 1).label(), "FY2026 Q4");
        // New York's fiscal year starts in April; Texas's in September.
        assert_eq!(Quarter::of(d(2026, 4, 1), 4).label(), "FY2027 Q1");
        assert_eq!(Quarter::of(d(2026, 8, 31), 9).label(), "FY2026 Q4");
        assert_eq!(Quarter::of(d(2026, 8, 31), 13).label(), "FY2027 Q1", "a bad month is taken as July");
    }

    proptest! {
        #[test]
        fn every_day_lies_in_its_quarter_and_year(n in 0i64..20000, start in 1u32..=12) {
            let day = d(2000, 1, 1) + chrono::Duration::days(n);
            let q = Quarter::of(day, start);
            prop_assert!(q.first_day() <= day && day < q.end());
            let fy = q.fiscal_year;
            prop_assert!(fy.first_day() <= day && day < fy.end());
            prop_assert!((1..=4).contains(&q.quarter));
        }
    }
}
