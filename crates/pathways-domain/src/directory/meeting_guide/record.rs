//! One feed record read into a [`Meeting`], collecting every problem rather than stopping at the first.

use chrono::{NaiveTime, Weekday};
use chrono_tz::Tz;
use serde_json::{Map, Value};

use super::{Attendance, Meeting, default_end, derive_attendance};
use crate::directory::geo::{GeoError, LatLon};
use crate::directory::schedule::parse_hhmm;

/// One problem with one field of a record.
pub(super) struct Problem {
    pub field: &'static str,
    pub reason: String,
}

/// The record's slug (when usable) and its problems.
pub(super) type Refused = (Option<String>, Vec<Problem>);

/// The feed's day numbers: 0 is Sunday.
const FEED_DAYS: [Weekday; 7] =
    [Weekday::Sun, Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat];

const DAY_REASON: &str = "must be 0 (Sunday) to 6 (Saturday), or a list of them";

/// Reads one record.
pub(super) fn parse_meeting(fields: &Map<String, Value>) -> Result<Meeting, Refused> {
    let mut r = Reader { fields, problems: Vec::new() };
    let slug = r.text_or_number("slug");
    let name = r.text("name");
    let days = r.days();
    let start = r.start_time();
    let end = r.time("end_time");
    let timezone = r.timezone();
    let location = r.coordinates();
    let approximate = r.yes_no("approximate").unwrap_or(false);
    let conference_url = r.web_address("conference_url");
    let types = r.list("types");
    let mut regions = r.list("regions");
    for key in ["region", "sub_region"] {
        if let Some(region) = r.text(key) {
            push_new(&mut regions, region);
        }
    }
    let attendance = r.attendance();
    if slug.is_none() && !r.failed("slug") {
        r.problem("slug", "is required");
    }
    if name.is_none() && !r.failed("name") {
        r.problem("name", "is required");
    }
    if !days.is_empty() && start.is_none() && !r.failed("time") {
        r.problem("time", "is required when day is given");
    }
    let mut m = Meeting {
        slug: slug.clone().unwrap_or_default(),
        name: name.unwrap_or_default(),
        days,
        start,
        end: end.or_else(|| start.map(default_end)),
        timezone,
        formatted_address: r.text("formatted_address"),
        street: r.text("address"),
        city: r.text("city"),
        state: r.text("state"),
        postal_code: r.text_or_number("postal_code"),
        country: r.text("country"),
        location,
        approximate,
        conference_url,
        conference_url_notes: r.multiline("conference_url_notes"),
        conference_phone: r.text("conference_phone"),
        conference_phone_notes: r.multiline("conference_phone_notes"),
        types,
        regions,
        location_name: r.text("location"),
        location_notes: r.multiline("location_notes"),
        notes: r.multiline("notes"),
        group: r.text("group"),
        group_notes: r.multiline("group_notes"),
        url: r.web_address("url"),
        updated: r.text("updated"),
        attendance: Attendance::InPerson,
    };
    if !r.problems.is_empty() {
        return Err((slug, r.problems));
    }
    let temporarily_closed = m.types.iter().any(|t| t == "TC");
    m.attendance = attendance
        .unwrap_or_else(|| derive_attendance(m.has_online_option(), m.has_physical_address(), temporarily_closed));
    Ok(m)
}

fn push_new(items: &mut Vec<String>, item: String) {
    if !items.contains(&item) {
        items.push(item);
    }
}

struct Reader<'a> {
    fields: &'a Map<String, Value>,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn problem(&mut self, field: &'static str, reason: impl Into<String>) {
        self.problems.push(Problem { field, reason: reason.into() });
    }

    fn failed(&self, field: &str) -> bool {
        self.problems.iter().any(|p| p.field == field)
    }

    /// The field's value, unless it is missing, `null` or a blank string.
    fn given(&self, key: &str) -> Option<&Value> {
        match self.fields.get(key)? {
            Value::Null => None,
            Value::String(s) if s.trim().is_empty() => None,
            v => Some(v),
        }
    }

    fn text(&mut self, key: &'static str) -> Option<String> {
        match self.given(key)? {
            Value::String(s) => Some(s.trim().to_owned()),
            _ => {
                self.problem(key, "must be text");
                None
            }
        }
    }

    /// Text, or a number taken as its digits (integer slugs, ZIP codes written as numbers).
    fn text_or_number(&mut self, key: &'static str) -> Option<String> {
        match self.given(key)? {
            Value::Number(n) => Some(n.to_string()),
            _ => self.text(key),
        }
    }

    /// Text that may span lines, or a list of lines.
    fn multiline(&mut self, key: &'static str) -> Option<String> {
        match self.given(key)? {
            Value::String(s) => Some(s.replace("\r\n", "\n").replace('\r', "\n").trim().to_owned()),
            Value::Array(lines) => {
                let lines: Option<Vec<&str>> = lines.iter().map(|l| l.as_str().map(str::trim)).collect();
                let Some(lines) = lines else {
                    self.problem(key, "must be text or a list of lines");
                    return None;
                };
                let joined = lines.into_iter().filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
                (!joined.is_empty()).then_some(joined)
            }
            _ => {
                self.problem(key, "must be text or a list of lines");
                None
            }
        }
    }

    /// A list of text items, trimmed, without blanks or repeats. A single string is a list of one.
    fn list(&mut self, key: &'static str) -> Vec<String> {
        let mut out = Vec::new();
        let items = match self.given(key) {
            None => return out,
            Some(Value::String(s)) => vec![Value::String(s.clone())],
            Some(Value::Array(items)) => items.clone(),
            Some(_) => {
                self.problem(key, "must be a list of text");
                return out;
            }
        };
        for item in items {
            match item {
                Value::String(s) if !s.trim().is_empty() => push_new(&mut out, s.trim().to_owned()),
                Value::String(_) | Value::Null => {}
                other => {
                    self.problem(key, format!("must be a list of text; {other} is not text"));
                    return Vec::new();
                }
            }
        }
        out
    }

    fn days(&mut self) -> Vec<Weekday> {
        let items = match self.given("day") {
            None => return Vec::new(),
            Some(Value::Array(items)) => items.clone(),
            Some(one) => vec![one.clone()],
        };
        let mut days: Vec<Weekday> = Vec::new();
        for item in &items {
            let n = match item {
                Value::Number(n) => n.as_u64(),
                Value::String(s) => s.trim().parse::<u64>().ok(),
                _ => None,
            };
            match n.and_then(|n| u8::try_from(n).ok()).filter(|&n| n <= 6) {
                Some(n) => {
                    let day = FEED_DAYS[usize::from(n)];
                    if !days.contains(&day) {
                        days.push(day);
                    }
                }
                None => {
                    self.problem("day", format!("{DAY_REASON}; got {item}"));
                    return Vec::new();
                }
            }
        }
        days.sort_by_key(Weekday::num_days_from_sunday);
        days
    }

    fn time(&mut self, key: &'static str) -> Option<NaiveTime> {
        let raw = self.text(key)?;
        match parse_hhmm(&raw) {
            Ok(t) => Some(t),
            Err(_) => {
                self.problem(key, format!("must be a 24-hour time as HH:MM; got {raw:?}"));
                None
            }
        }
    }

    /// `time`: like any time, except that 24:00 (the end of a day) cannot start a meeting.
    fn start_time(&mut self) -> Option<NaiveTime> {
        let t = self.time("time")?;
        if self.given("time").and_then(Value::as_str).is_some_and(|s| s.trim().starts_with("24")) {
            self.problem("time", "24:00 can only end a meeting; one starting at midnight is 00:00");
            return None;
        }
        Some(t)
    }

    fn timezone(&mut self) -> Option<Tz> {
        let raw = self.text("timezone")?;
        match raw.parse::<Tz>() {
            Ok(tz) => Some(tz),
            Err(_) => {
                self.problem("timezone", format!("must be a time zone name such as America/New_York; got {raw:?}"));
                None
            }
        }
    }

    /// A number, or text holding one.
    fn number(&mut self, key: &'static str) -> Option<f64> {
        let n = match self.given(key)? {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse::<f64>().ok().filter(|f| f.is_finite()),
            _ => None,
        };
        if n.is_none() {
            self.problem(key, "must be a number");
        }
        n
    }

    fn coordinates(&mut self) -> Option<LatLon> {
        let (lat_given, lon_given) = (self.given("latitude").is_some(), self.given("longitude").is_some());
        let (lat, lon) = (self.number("latitude"), self.number("longitude"));
        match (lat_given, lon_given) {
            (true, false) => self.problem("longitude", "is required when latitude is given"),
            (false, true) => self.problem("latitude", "is required when longitude is given"),
            _ => {}
        }
        let (lat, lon) = (lat?, lon?);
        match LatLon::new(lat, lon) {
            Ok(at) => Some(at),
            Err(GeoError::LongitudeOutOfRange(_)) => {
                self.problem("longitude", format!("must be from -180 to 180; got {lon}"));
                None
            }
            Err(_) => {
                self.problem("latitude", format!("must be from -90 to 90; got {lat}"));
                None
            }
        }
    }

    fn yes_no(&mut self, key: &'static str) -> Option<bool> {
        let b = match self.given(key)? {
            Value::Bool(b) => Some(*b),
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "yes" | "true" => Some(true),
                "no" | "false" => Some(false),
                _ => None,
            },
            _ => None,
        };
        if b.is_none() {
            self.problem(key, "must be \"yes\" or \"no\"");
        }
        b
    }

    /// An `http://` or `https://` address with a host, kept as written.
    fn web_address(&mut self, key: &'static str) -> Option<String> {
        let raw = self.text(key)?;
        match super::super::web_address(&raw) {
            Some(ok) => Some(ok.to_owned()),
            None => {
                self.problem(key, format!("must be a web address starting with https://; got {raw:?}"));
                None
            }
        }
    }

    fn attendance(&mut self) -> Option<Attendance> {
        let raw = self.text("attendance_option")?;
        let a = Attendance::parse(&raw);
        if a.is_none() {
            self.problem("attendance_option", format!("must be in_person, online, hybrid or inactive; got {raw:?}"));
        }
        a
    }
}
