//! Recovery community (issue 20): what a recovery community center does all week — its recurring groups and
//! one-off events (recurrence: [`recurrence`]; the public iCalendar feed: [`ics`]) and the drop-in sign-in on its
//! kiosk ([`kiosk`]). Pure: the store keeps these values, the web crate shows them.
//!
//! Words are person-first (docs/COMMUNITY.md): "people in recovery", "family and friends", never labels.

pub mod ics;
pub mod kiosk;
pub mod kiosk_code;
pub mod recurrence;

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::text::{FieldError, optional_multiline, optional_text, required_text};
pub use recurrence::{Repeat, Schedule};

/// The longest a title may be.
pub const MAX_TITLE: usize = 120;
/// The longest a description may be.
pub const MAX_DESCRIPTION: usize = 2_000;
/// The longest a place may be.
pub const MAX_PLACE: usize = 200;
/// The shortest and longest an occurrence may last, in minutes (a typing-error bound: a whole day at most).
pub const DURATION_MINUTES: std::ops::RangeInclusive<u32> = 15..=720;

macro_rules! coded {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $($(#[$vm])* #[serde(rename = $code)] $v),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),+];

            /// The stable code (stored, in forms, a message key's tail).
            pub const fn code(self) -> &'static str {
                match self { $($name::$v => $code),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == s)
            }
        }
    };
}

coded!(
    /// A recurring group or a one-off event.
    Kind {
        /// Meets again and again: all-recovery, family, SMART, art, job club …
        Group = "group",
        /// Happens once: a recovery walk, a training, a celebration.
        Event = "event",
    }
);

coded!(
    /// The language a gathering is held in.
    Language {
        English = "en",
        Spanish = "es",
        /// Both English and Spanish.
        Bilingual = "en-es",
    }
);

coded!(
    /// Who a gathering is for.
    Audience {
        Everyone = "everyone",
        PeopleInRecovery = "people-in-recovery",
        FamilyAndFriends = "family-and-friends",
        YoungAdults = "young-adults",
        Women = "women",
        Men = "men",
        Veterans = "veterans",
        Lgbtq = "lgbtq",
    }
);

/// A group's or event's form as typed (every field text, as a form sends it).
#[derive(Clone, Debug, Default)]
pub struct EventForm {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub starts_on: String,
    pub starts_at: String,
    pub duration_minutes: String,
    pub repeat: String,
    /// Weekday codes (`MO` … `SU`), for a group that meets weekly.
    pub days: Vec<String>,
    pub until: String,
    pub place: String,
    pub online_url: String,
    pub language: String,
    pub audience: String,
}

/// A group or event, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct EventDetails {
    pub kind: Kind,
    pub title: String,
    pub description: Option<String>,
    pub schedule: Schedule,
    pub place: Option<String>,
    pub online_url: Option<String>,
    pub language: Language,
    pub audience: Audience,
}

/// A weekday as RFC 5545 spells it (`BYDAY`): the directory's rule.
pub use crate::directory::schedule::byday as weekday_code;

/// The weekdays, Monday first.
pub const WEEKDAYS: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

/// The weekday a `BYDAY` code names.
pub fn parse_weekday(code: &str) -> Option<Weekday> {
    crate::directory::schedule::weekday_of_byday(code)
}

fn choice<T>(field: &'static str, raw: &str, parse: fn(&str) -> Option<T>) -> Result<T, FieldError> {
    match raw.trim() {
        "" => Err(FieldError::new(field, "required")),
        s => parse(s).ok_or(FieldError::new(field, "unknown-choice")),
    }
}

/// An online link: an absolute `https:` URL (never `javascript:` or a plain-text address).
pub fn parse_online_url(raw: &str) -> Result<Option<String>, FieldError> {
    let Some(s) = optional_text("online_url", raw, 500)? else { return Ok(None) };
    match url::Url::parse(&s) {
        Ok(u) if u.scheme() == "https" && u.host_str().is_some() => Ok(Some(u.to_string())),
        _ => Err(FieldError::new("online_url", "invalid-url")),
    }
}

/// A field's value, or its problem noted.
fn take<T>(errors: &mut Vec<FieldError>, r: Result<T, FieldError>) -> Option<T> {
    r.map_err(|e| errors.push(e)).ok()
}

impl EventDetails {
    /// Checks a form; every problem names its field. A gathering needs a place or an online link (or both).
    pub fn parse(f: &EventForm) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let kind = take(e, choice("kind", &f.kind, Kind::parse));
        let title = take(e, required_text("title", &f.title, MAX_TITLE));
        let description = take(e, optional_multiline("description", &f.description, MAX_DESCRIPTION));
        let place = take(e, optional_text("address", &f.place, MAX_PLACE));
        let online_url = take(e, parse_online_url(&f.online_url));
        let language = take(e, choice("language", &f.language, Language::parse));
        let audience = take(e, choice("audience", &f.audience, Audience::parse));
        let starts_on = take(
            e,
            match f.starts_on.trim() {
                "" => Err(FieldError::new("starts_on", "required")),
                s => NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| FieldError::new("starts_on", "invalid-date")),
            },
        );
        let starts_at = take(
            e,
            match f.starts_at.trim() {
                "" => Err(FieldError::new("starts_at", "required")),
                s => NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| FieldError::new("starts_at", "invalid-time")),
            },
        );
        let duration = take(
            e,
            match f.duration_minutes.trim().parse::<u32>() {
                Ok(n) if DURATION_MINUTES.contains(&n) => Ok(n),
                Ok(_) => Err(FieldError::new("duration_minutes", "out-of-range")),
                Err(_) if f.duration_minutes.trim().is_empty() => Err(FieldError::new("duration_minutes", "required")),
                Err(_) => Err(FieldError::new("duration_minutes", "out-of-range")),
            },
        );
        let until = take(
            e,
            match f.until.trim() {
                "" => Ok(None),
                s => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map(Some)
                    .map_err(|_| FieldError::new("until", "invalid-date")),
            },
        );
        let days: Option<Vec<Weekday>> = take(
            e,
            f.days
                .iter()
                .map(|d| parse_weekday(d.trim()).ok_or(FieldError::new("days", "unknown-choice")))
                .collect::<Result<Vec<_>, _>>(),
        );
        let repeat = match (f.repeat.trim(), starts_on, days) {
            ("once" | "", _, _) => Some(Repeat::Once),
            ("weekly" | "biweekly", Some(start), Some(days)) => {
                let every = if f.repeat.trim() == "weekly" { 1 } else { 2 };
                Some(Repeat::weekly(every, start.weekday(), &days))
            }
            ("weekly" | "biweekly", _, _) => None,
            _ => {
                errors.push(FieldError::new("repeat", "unknown-choice"));
                None
            }
        };
        if let (Some(Some(until)), Some(start)) = (until, starts_on)
            && until < start
        {
            errors.push(FieldError::new("until", "before-start"));
        }
        if matches!((&place, &online_url), (Some(None), Some(None))) {
            errors.push(FieldError::new("address", "place-or-link"));
        }
        if kind == Some(Kind::Event) && matches!(repeat, Some(Repeat::Weekly { .. })) {
            errors.push(FieldError::new("repeat", "event-once"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        match (kind, title, description, place, online_url, language, audience, starts_on, starts_at, duration) {
            (
                Some(kind),
                Some(title),
                Some(description),
                Some(place),
                Some(online_url),
                Some(language),
                Some(audience),
                Some(on),
                Some(at),
                Some(duration),
            ) => Ok(Self {
                kind,
                title,
                description,
                schedule: Schedule {
                    starts: on.and_time(at),
                    duration_minutes: duration,
                    repeat: repeat.unwrap_or(Repeat::Once),
                    until: until.flatten(),
                },
                place,
                online_url,
                language,
                audience,
            }),
            _ => Err(errors),
        }
    }
}

use chrono::Datelike as _;

// After `coded!`, which it uses.
pub mod calendar;
pub mod designation;
pub mod designation_list;
pub mod desk;
pub mod education;
pub mod in_finder;
pub mod naloxone;
pub mod volunteers;

#[cfg(test)]
mod tests;
