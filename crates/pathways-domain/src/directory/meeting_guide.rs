//! Meeting Guide feeds (<https://github.com/code4recovery/spec>): the JSON array of weekly mutual-support meetings
//! that 12 Step Meeting List, TSML UI and the Meeting Guide app share.
//!
//! How a feed is read, in plain words:
//! - The feed must be valid JSON (else [`FeedError::Syntax`], with line and column) and an array
//!   ([`FeedError::NotAnArray`]). Everything after that is per record: a bad record is set aside as one
//!   [`Rejection`] per problem (each naming its field), and the rest of the feed is still read.
//! - Text is trimmed; an empty string, or `null`, is the same as leaving the field out. Unknown fields are ignored.
//! - `name` and `slug` are required (a slug may also be a number). A slug seen again after an accepted meeting is
//!   refused, since it is the meeting's identity.
//! - `day` is 0 (Sunday) to 6 (Saturday), a list of them, or absent (by appointment: no weekly time). Numeric
//!   strings like `"1"` count. With a day, `time` is required. `time` and `end_time` are `HH:MM` on a 24-hour
//!   clock; `end_time` defaults to an hour after `time`, and `24:00` is allowed only as an end (midnight).
//! - `timezone` must be an IANA name such as `America/New_York`; without one the caller's default applies.
//! - `latitude` and `longitude` are numbers (or numeric strings) in range, given together or not at all.
//!   `approximate` is `"yes"`/`"no"` or a boolean.
//! - `conference_url` must be an `http(s)://` address. `types`, `regions` are lists of strings; `region` and
//!   `sub_region` are folded into `regions` (most general first). `notes` may be a list of lines.
//! - `attendance_option` is `in_person`, `online`, `hybrid` or `inactive`. Without it, it is worked out the way
//!   12 Step Meeting List does: a meeting one can join by video or phone is *online* when it has no physical
//!   address or its location is temporarily closed (type `TC`), else *hybrid*; a meeting without one is
//!   *inactive* when its location is temporarily closed, else *in person*. A physical address is a
//!   `formatted_address` or street `address` that is not marked `approximate`; a US `formatted_address` without a
//!   numbered street (`"Hartford, CT, USA"`, `"Wicker Park, Chicago, IL, USA"`) is approximate, as the spec's "Geographic Fields" has it.
//!
//! - A table (the specification's Table Format, a sheet's CSV export) is read row by row into the same records
//!   ([`table`]), and a `formatted_address` can be read into its parts ([`address`]).
//!
//! [`to_feed_json`] writes a meeting back in the same shape, so a feed can be re-published.

pub mod address;
mod record;
pub mod table;

use std::collections::HashMap;

use chrono::{NaiveTime, TimeDelta, Weekday};
use chrono_tz::Tz;
use serde::Serialize;
use serde_json::{Map, Value};
use thiserror::Error;

use super::geo::LatLon;
use super::schedule::{WeeklySlot, format_hhmm};

/// How a person can attend a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    InPerson,
    Online,
    Hybrid,
    /// Not meeting at present (for instance, its location is temporarily closed and it has no online option).
    Inactive,
}

impl Attendance {
    /// The feed's spelling: `in_person`, `online`, `hybrid`, `inactive`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::InPerson => "in_person",
            Self::Online => "online",
            Self::Hybrid => "hybrid",
            Self::Inactive => "inactive",
        }
    }

    /// Reads the feed's spelling (any case).
    pub fn parse(s: &str) -> Option<Self> {
        [Self::InPerson, Self::Online, Self::Hybrid, Self::Inactive]
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// One meeting, valid in every field. See the module docs for how each is read.
#[derive(Clone, Debug, PartialEq)]
pub struct Meeting {
    pub slug: String,
    pub name: String,
    /// Sunday first, no repeats. Empty: by appointment.
    pub days: Vec<Weekday>,
    pub start: Option<NaiveTime>,
    /// At or before `start`: the next day.
    pub end: Option<NaiveTime>,
    pub timezone: Option<Tz>,
    pub formatted_address: Option<String>,
    /// The feed's `address`: street and number.
    pub street: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
    pub location: Option<LatLon>,
    pub approximate: bool,
    pub conference_url: Option<String>,
    pub conference_url_notes: Option<String>,
    pub conference_phone: Option<String>,
    pub conference_phone_notes: Option<String>,
    /// Meeting type codes as given (`O` open, `C` closed, `SP` speaker, `ONL` online, `TC` location temporarily
    /// closed, …), no repeats.
    pub types: Vec<String>,
    /// Most general first, no repeats.
    pub regions: Vec<String>,
    /// The feed's `location`: a building or landmark name.
    pub location_name: Option<String>,
    pub location_notes: Option<String>,
    pub notes: Option<String>,
    pub group: Option<String>,
    pub group_notes: Option<String>,
    pub url: Option<String>,
    /// As given (the spec suggests `YYYY-MM-DD HH:MM:SS`, UTC).
    pub updated: Option<String>,
    pub attendance: Attendance,
}

/// The meetings read from a feed, and the records set aside.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Feed {
    pub meetings: Vec<Meeting>,
    /// Where each of `meetings` is in the feed (its 0-based index), for reports about it.
    pub positions: Vec<usize>,
    /// One entry per problem, in feed order; a record with three problems has three entries with its index.
    pub rejected: Vec<Rejection>,
}

/// One problem with one record of a feed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rejection {
    /// 0-based position in the feed's array.
    pub index: usize,
    /// The record's slug, when it has a usable one.
    pub slug: Option<String>,
    /// The feed's field name (`day`, `latitude`, …); empty when the record as a whole is wrong.
    pub field: String,
    pub reason: String,
    /// For a slug used again: the position of the meeting that has it (the reason says it as an index).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earlier: Option<usize>,
}

/// Why a feed could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FeedError {
    #[error("the feed is not valid JSON: {message} (line {line}, column {column})")]
    Syntax { line: usize, column: usize, message: String },
    #[error("the feed must be a JSON array of meetings")]
    NotAnArray,
}

/// Reads a feed. Only unreadable JSON, or JSON that is not an array, fails as a whole.
pub fn parse_feed(input: &str) -> Result<Feed, FeedError> {
    let value: Value = serde_json::from_str(input).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        let full = e.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
        FeedError::Syntax { line, column, message }
    })?;
    let Value::Array(records) = value else { return Err(FeedError::NotAnArray) };
    Ok(parse_records(&records))
}

/// Reads records already apart (a JSON feed's array, or a table's rows as [`table::row_to_record`] gives them);
/// each [`Rejection::index`] and [`Feed::positions`] entry is a position in `records`.
pub fn parse_records(records: &[Value]) -> Feed {
    let mut feed = Feed::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, value) in records.iter().enumerate() {
        let Value::Object(fields) = value else {
            let reason = "each meeting must be a JSON object".to_owned();
            feed.rejected.push(Rejection { index, slug: None, field: String::new(), reason, earlier: None });
            continue;
        };
        match record::parse_meeting(fields) {
            Ok(meeting) => {
                if let Some(first) = seen.get(&meeting.slug) {
                    let reason = format!("is used by an earlier meeting (at index {first})");
                    let slug = Some(meeting.slug);
                    let (field, earlier) = ("slug".to_owned(), Some(*first));
                    feed.rejected.push(Rejection { index, slug, field, reason, earlier });
                } else {
                    seen.insert(meeting.slug.clone(), index);
                    feed.meetings.push(meeting);
                    feed.positions.push(index);
                }
            }
            Err((slug, problems)) => feed.rejected.extend(problems.into_iter().map(|p| Rejection {
                index,
                slug: slug.clone(),
                field: p.field.to_owned(),
                reason: p.reason,
                earlier: None,
            })),
        }
    }
    feed
}

impl Meeting {
    /// The weekly times of this meeting, in its own time zone or else `default_tz`. None when it is by
    /// appointment (no day or time) or inactive.
    pub fn slots(&self, default_tz: Tz) -> Vec<WeeklySlot> {
        let Some(start) = self.start else { return Vec::new() };
        if self.attendance == Attendance::Inactive {
            return Vec::new();
        }
        let end = self.end.unwrap_or_else(|| default_end(start));
        let tz = self.timezone.unwrap_or(default_tz);
        self.days.iter().map(|&day| WeeklySlot { day, start, end, tz }).collect()
    }

    /// Whether the meeting has a street address one could walk to (see the module docs).
    pub fn has_physical_address(&self) -> bool {
        let specific = |f: &String| {
            // "Hartford, CT, USA", "Wicker Park, Chicago, IL, USA" or "Illinois, USA" is the approximate kind the
            // spec allows online meetings ("Geographic Fields"): an address read as US without a numbered street.
            // One not read as US is kept as specific.
            let p = address::parse_us_address(f);
            p.street.is_some_and(|s| s.chars().any(|c| c.is_ascii_digit())) || (p.city.is_none() && p.country.is_none())
        };
        (self.street.is_some() || self.formatted_address.as_ref().is_some_and(specific)) && !self.approximate
    }

    /// Whether one can join by video or phone.
    pub fn has_online_option(&self) -> bool {
        self.conference_url.is_some() || self.conference_phone.is_some()
    }
}

/// An end time an hour after the start (past midnight if need be), as the spec says.
pub(crate) fn default_end(start: NaiveTime) -> NaiveTime {
    start.overflowing_add_signed(TimeDelta::hours(1)).0
}

/// The attendance option of a meeting whose feed does not say (see the module docs).
pub(crate) fn derive_attendance(online: bool, physical: bool, temporarily_closed: bool) -> Attendance {
    match (online, physical && !temporarily_closed, temporarily_closed) {
        (true, true, _) => Attendance::Hybrid,
        (true, false, _) => Attendance::Online,
        (false, _, true) => Attendance::Inactive,
        (false, _, false) => Attendance::InPerson,
    }
}

/// A meeting as a feed record: only the fields it has; `day` a single number for one day, else a list; times as
/// `HH:MM`; `regions` as one list; `attendance_option` always.
pub fn to_feed_json(m: &Meeting) -> Value {
    let mut o = Map::new();
    let mut text = |key: &str, v: &Option<String>| {
        if let Some(v) = v {
            o.insert(key.to_owned(), Value::from(v.as_str()));
        }
    };
    text("slug", &Some(m.slug.clone()));
    text("name", &Some(m.name.clone()));
    text("time", &m.start.map(format_hhmm));
    text("end_time", &m.end.map(format_hhmm));
    text("timezone", &m.timezone.map(|tz| tz.name().to_owned()));
    text("formatted_address", &m.formatted_address);
    text("address", &m.street);
    text("city", &m.city);
    text("state", &m.state);
    text("postal_code", &m.postal_code);
    text("country", &m.country);
    text("approximate", &m.approximate.then(|| "yes".to_owned()));
    text("conference_url", &m.conference_url);
    text("conference_url_notes", &m.conference_url_notes);
    text("conference_phone", &m.conference_phone);
    text("conference_phone_notes", &m.conference_phone_notes);
    text("location", &m.location_name);
    text("location_notes", &m.location_notes);
    text("notes", &m.notes);
    text("group", &m.group);
    text("group_notes", &m.group_notes);
    text("url", &m.url);
    text("updated", &m.updated);
    text("attendance_option", &Some(m.attendance.as_str().to_owned()));
    let day = |d: &Weekday| Value::from(d.num_days_from_sunday());
    match m.days.as_slice() {
        [] => {}
        [one] => {
            o.insert("day".to_owned(), day(one));
        }
        many => {
            o.insert("day".to_owned(), Value::Array(many.iter().map(day).collect()));
        }
    }
    if let Some(at) = m.location {
        o.insert("latitude".to_owned(), Value::from(at.lat()));
        o.insert("longitude".to_owned(), Value::from(at.lon()));
    }
    let list = |items: &[String]| Value::Array(items.iter().map(|s| Value::from(s.as_str())).collect());
    if !m.types.is_empty() {
        o.insert("types".to_owned(), list(&m.types));
    }
    if !m.regions.is_empty() {
        o.insert("regions".to_owned(), list(&m.regions));
    }
    Value::Object(o)
}

#[cfg(test)]
mod tests;
