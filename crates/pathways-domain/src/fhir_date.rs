//! The FHIR R4 date search parameter (https://hl7.org/fhir/R4/search.html#date), as Pathways answers
//! `_lastUpdated`: a value stands for the whole range its precision covers (`2026` is all of 2026;
//! `2026-03-01T10:00Z` the minute), and its prefix compares a resource's instant `t` with that range `[lo, hi)`:
//!
//! | prefix | matches when | | prefix | matches when |
//! |---|---|---|---|---|
//! | `eq` (none) | `lo ≤ t < hi` | | `ne` | not `eq` |
//! | `gt`, `sa` | `t ≥ hi` | | `lt`, `eb` | `t < lo` |
//! | `ge` | `t ≥ lo` | | `le` | `t < hi` |
//!
//! (An instant is a range of zero width, so "the range above the value overlaps it" is `t ≥ hi`, and so on.) `ap`
//! (approximately) leaves its width to the server and is refused. A value without a time is read in UTC (the spec
//! leaves the zone of a date to the server); a value with a time must carry its zone, as FHIR's dateTime requires.
//! Pure.

use chrono::{DateTime, Duration, FixedOffset, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

/// The comparison a date parameter's prefix asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prefix {
    Eq,
    Ne,
    Gt,
    Lt,
    Ge,
    Le,
    Sa,
    Eb,
}

/// One `_lastUpdated` value: its prefix and the range `[lo, hi)` its precision covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateParam {
    pub prefix: Prefix,
    pub lo: DateTime<Utc>,
    pub hi: DateTime<Utc>,
}

impl DateParam {
    /// Reads `[prefix]value`; the error says what is wrong.
    pub fn parse(raw: &str) -> Result<DateParam, String> {
        let raw = raw.trim();
        let known = [
            ("eq", Prefix::Eq),
            ("ne", Prefix::Ne),
            ("gt", Prefix::Gt),
            ("lt", Prefix::Lt),
            ("ge", Prefix::Ge),
            ("le", Prefix::Le),
            ("sa", Prefix::Sa),
            ("eb", Prefix::Eb),
        ];
        if raw.starts_with("ap") {
            return Err("_lastUpdated: the prefix ap (approximately) is not supported; use ge and le".into());
        }
        let (prefix, value) =
            known.iter().find_map(|(p, k)| raw.strip_prefix(p).map(|v| (*k, v))).unwrap_or((Prefix::Eq, raw));
        let (lo, hi) = range(value).ok_or_else(|| {
            format!(
                "_lastUpdated: {value:?} is not a date: YYYY, YYYY-MM, YYYY-MM-DD, or YYYY-MM-DDThh:mm[:ss[.fff]] \
                 with its zone (Z or ±hh:mm), optionally after a prefix (eq, ne, gt, lt, ge, le, sa, eb)"
            )
        })?;
        Ok(DateParam { prefix, lo, hi })
    }

    /// Whether an instant matches.
    pub fn matches(&self, t: DateTime<Utc>) -> bool {
        match self.prefix {
            Prefix::Eq => self.lo <= t && t < self.hi,
            Prefix::Ne => !(self.lo <= t && t < self.hi),
            Prefix::Gt | Prefix::Sa => t >= self.hi,
            Prefix::Lt | Prefix::Eb => t < self.lo,
            Prefix::Ge => t >= self.lo,
            Prefix::Le => t < self.hi,
        }
    }
}

/// The range `[lo, hi)` a date or dateTime value covers, by its precision.
fn range(v: &str) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let day = |d: NaiveDate| Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match v.len() {
        4 if all_digits(v) => {
            let y: i32 = v.parse().ok()?;
            let lo = NaiveDate::from_ymd_opt(y, 1, 1)?;
            Some((day(lo), day(NaiveDate::from_ymd_opt(y.checked_add(1)?, 1, 1)?)))
        }
        7 if v.as_bytes()[4] == b'-' && all_digits(&v[..4]) && all_digits(&v[5..]) => {
            let lo = NaiveDate::from_ymd_opt(v[..4].parse().ok()?, v[5..].parse().ok()?, 1)?;
            Some((day(lo), day(lo.checked_add_months(Months::new(1))?)))
        }
        10 => {
            let d = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()?;
            Some((day(d), day(d.succ_opt()?)))
        }
        _ => {
            let (date_time, zone) = split_zone(v)?;
            let (naive, step) = if date_time.len() == 16 {
                (NaiveDateTime::parse_from_str(date_time, "%Y-%m-%dT%H:%M").ok()?, Duration::minutes(1))
            } else if date_time.len() == 19 {
                (NaiveDateTime::parse_from_str(date_time, "%Y-%m-%dT%H:%M:%S").ok()?, Duration::seconds(1))
            } else {
                let (_, fraction) = date_time.split_once('.')?;
                if fraction.is_empty() || fraction.len() > 9 || !all_digits(fraction) {
                    return None;
                }
                let t = NaiveDateTime::parse_from_str(date_time, "%Y-%m-%dT%H:%M:%S%.f").ok()?;
                let digits = u32::try_from(fraction.len()).ok()?;
                (t, Duration::nanoseconds(10_i64.pow(9 - digits)))
            };
            let lo = zone.from_local_datetime(&naive).single()?.with_timezone(&Utc);
            Some((lo, lo.checked_add_signed(step)?))
        }
    }
}

/// Splits `…Z` or `…±hh:mm` into the local part and its offset.
fn split_zone(v: &str) -> Option<(&str, FixedOffset)> {
    if let Some(rest) = v.strip_suffix('Z') {
        return Some((rest, FixedOffset::east_opt(0)?));
    }
    let at = v.len().checked_sub(6)?;
    let (rest, zone) = (v.get(..at)?, v.get(at..)?);
    let sign = match zone.as_bytes().first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return None,
    };
    let (h, m) = zone[1..].split_once(':')?;
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    if h > 14 || m > 59 {
        return None;
    }
    Some((rest, FixedOffset::east_opt(sign * (h * 3600 + m * 60))?))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).unwrap_or_default()
    }

    fn param(s: &str) -> DateParam {
        DateParam::parse(s).unwrap_or(DateParam {
            prefix: Prefix::Ne,
            lo: at("1970-01-01T00:00:00Z"),
            hi: at("1970-01-01T00:00:00Z"),
        })
    }

    #[test]
    fn each_precision_covers_its_whole_range() {
        let cases = [
            ("2026", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
            ("2026-02", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"),
            ("2024-02", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"),
            ("2026-12", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"),
            ("2026-12-31", "2026-12-31T00:00:00Z", "2027-01-01T00:00:00Z"),
            ("2026-03-08T10:30Z", "2026-03-08T10:30:00Z", "2026-03-08T10:31:00Z"),
            ("2026-03-08T10:30:15Z", "2026-03-08T10:30:15Z", "2026-03-08T10:30:16Z"),
            ("2026-03-08T10:30:15.5Z", "2026-03-08T10:30:15.5Z", "2026-03-08T10:30:15.6Z"),
            ("2026-03-08T05:30:00-05:00", "2026-03-08T10:30:00Z", "2026-03-08T10:30:01Z"),
            ("2026-03-08T12:30:00+02:00", "2026-03-08T10:30:00Z", "2026-03-08T10:30:01Z"),
        ];
        for (v, lo, hi) in cases {
            let p = DateParam::parse(v);
            assert_eq!(p.map(|p| (p.lo, p.hi)), Ok((at(lo), at(hi))), "{v}");
        }
    }

    #[test]
    fn prefixes_compare_as_the_spec_says() {
        // 2026-03 is [2026-03-01, 2026-04-01).
        let before = at("2026-02-28T23:59:59Z");
        let first = at("2026-03-01T00:00:00Z");
        let last = at("2026-03-31T23:59:59Z");
        let after = at("2026-04-01T00:00:00Z");
        let table = [
            ("2026-03", [false, true, true, false]),
            ("eq2026-03", [false, true, true, false]),
            ("ne2026-03", [true, false, false, true]),
            ("gt2026-03", [false, false, false, true]),
            ("sa2026-03", [false, false, false, true]),
            ("lt2026-03", [true, false, false, false]),
            ("eb2026-03", [true, false, false, false]),
            ("ge2026-03", [false, true, true, true]),
            ("le2026-03", [true, true, true, false]),
        ];
        for (v, want) in table {
            let p = param(v);
            let got = [before, first, last, after].map(|t| p.matches(t));
            assert_eq!(got, want, "{v}");
        }
    }

    #[test]
    fn bad_values_are_refused_with_the_reason() {
        for v in [
            "",
            "26",
            "2026-1",
            "2026-13",
            "2026-02-30",
            "2026-03-08T10:30",
            "2026-03-08T25:00Z",
            "2026-03-08T10:30+5",
            "2026-03-08T10:30:00+15:00",
            "2026-03-08T10:30:00.Z",
            "xx2026",
            "yesterday",
            "2026-03-08 10:30Z",
        ] {
            let e = DateParam::parse(v);
            assert!(e.as_ref().is_err_and(|e| e.starts_with("_lastUpdated:")), "{v}: {e:?}");
        }
        assert!(DateParam::parse("ap2026").is_err_and(|e| e.contains("ap")));
    }

    proptest! {
        /// For every instant and every value, `eq` and `ne` split the line; `lt`/`ge` and `le`/`gt` do too.
        #[test]
        fn prefixes_partition(secs in 0_i64..4_000_000_000, y in 1990_i32..2100, m in 1_u32..=12, d in 1_u32..=28) {
            let t = DateTime::from_timestamp(secs, 0).unwrap_or_default();
            let v = format!("{y:04}-{m:02}-{d:02}");
            let with = |p: &str| param(&format!("{p}{v}")).matches(t);
            prop_assert_ne!(with("eq"), with("ne"));
            prop_assert_ne!(with("lt"), with("ge"));
            prop_assert_ne!(with("le"), with("gt"));
            prop_assert_eq!(with("eq"), with("ge") && with("le"));
        }
    }
}
