//! One search, shared by the page and the API: read the parameters (every problem named by its field), run the
//! index, and describe each hit for people (names in their language, local times, distances).

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use chrono::{DateTime, Datelike, Utc, Weekday};
use chrono_tz::Tz;
use pathways_domain::directory::schedule::{Occurrence, Window};
use pathways_domain::finder::{Hit, ListingView, Query};
use pathways_domain::text::FieldError;
use serde::Deserialize;

use crate::finder::taxonomy;
use crate::i18n::Tr;
use crate::places::{Place, resolve};

/// Results per page.
pub const PER_PAGE: usize = 20;
/// The radius when none is given, and the largest accepted.
pub const DEFAULT_RADIUS_MI: f64 = 10.0;
pub const MAX_RADIUS_MI: f64 = 250.0;
/// The query string of `/find` and `/api/v1/search`. Everything is text so a bad value is reported, not refused.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct FindParams {
    pub q: String,
    pub near: String,
    pub radius_mi: String,
    pub category: String,
    pub pathway: String,
    pub language: String,
    pub population: String,
    pub cost: String,
    pub faith: String,
    pub day: String,
    /// `now`, `soon` (next two hours), `today`, `tonight`.
    pub when: String,
    pub starts_within_min: String,
    /// `online` or `in_person` (the API also takes `true`/`false`).
    pub online: String,
    pub page: String,
}

impl FindParams {
    /// Whether the person asked anything yet (the page shows the form alone until then).
    pub fn is_blank(&self) -> bool {
        [&self.q, &self.near, &self.category, &self.day, &self.when, &self.language, &self.online]
            .iter()
            .all(|v| v.trim().is_empty())
    }
}

#[derive(Debug)]
pub struct Parsed {
    pub query: Query,
    pub place: Option<Place>,
    pub page: usize,
}

/// Places as [`resolve`] reads them, remembered: a ZIP code lookup in the embedded data scans it, which a search
/// should not pay each time. Bounded, since what people type is unbounded: when full it starts over.
fn resolve_remembered(near: &str, home_state: &str) -> Option<Place> {
    const KEEP: usize = 4096;
    /// (home state, what was typed) → the place.
    type Seen = HashMap<(String, String), Option<Place>>;
    static SEEN: OnceLock<RwLock<Seen>> = OnceLock::new();
    let seen = SEEN.get_or_init(|| RwLock::new(HashMap::new()));
    let key = (home_state.to_owned(), near.to_owned());
    if let Some(found) = seen.read().ok().and_then(|m| m.get(&key).cloned()) {
        return found;
    }
    let found = resolve(near, home_state);
    if let Ok(mut m) = seen.write() {
        if m.len() >= KEEP {
            m.clear();
        }
        m.insert(key, found.clone());
    }
    found
}

fn weekday(n: u32) -> Option<Weekday> {
    Some(match n {
        0 => Weekday::Sun,
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => return None,
    })
}

/// Reads the parameters (a town without a state is looked up in `home_state`, the deployment's); `Err` lists
/// every field that could not be read.
pub fn parse(p: &FindParams, home_state: &str) -> Result<Parsed, Vec<FieldError>> {
    let mut errors = Vec::new();
    let tax = taxonomy();
    let place = match p.near.trim() {
        "" => None,
        near => {
            let found = resolve_remembered(near, home_state);
            if found.is_none() {
                errors.push(FieldError::new("near", "unknown-place"));
            }
            found
        }
    };
    let radius_mi = match p.radius_mi.trim() {
        "" => DEFAULT_RADIUS_MI,
        r => match r.parse::<f64>() {
            Ok(v) if v > 0.0 && v <= MAX_RADIUS_MI => v,
            _ => {
                errors.push(FieldError::new("radius_mi", "out-of-range"));
                DEFAULT_RADIUS_MI
            }
        },
    };
    let category = match p.category.trim() {
        "" => None,
        c if tax.term(c).is_some() => Some(c.to_owned()),
        _ => {
            errors.push(FieldError::new("category", "unknown-choice"));
            None
        }
    };
    let mut attributes = Vec::new();
    for (field, vocabulary, value) in [
        ("pathway", "pathway", &p.pathway),
        ("population", "population", &p.population),
        ("cost", "cost", &p.cost),
        ("faith", "faith", &p.faith),
    ] {
        match value.trim() {
            "" => {}
            v if tax.attribute(vocabulary, v).is_some() => attributes.push(format!("{vocabulary}:{v}")),
            _ => errors.push(FieldError::new(field, "unknown-choice")),
        }
    }
    let language = match p.language.trim() {
        "" => None,
        l if l.len() <= 3 && l.chars().all(|c| c.is_ascii_lowercase()) => Some(l.to_owned()),
        _ => {
            errors.push(FieldError::new("language", "unknown-choice"));
            None
        }
    };
    let mut window = match p.when.trim() {
        "" => None,
        "now" => Some(Window::Now),
        "soon" => Some(Window::StartsWithin(120)),
        "today" => Some(Window::Today),
        "tonight" => Some(Window::Tonight),
        _ => {
            errors.push(FieldError::new("when", "unknown-choice"));
            None
        }
    };
    match p.starts_within_min.trim() {
        "" => {}
        m => match m.parse::<u32>() {
            Ok(v) if (1..=24 * 60).contains(&v) => window = Some(Window::StartsWithin(v)),
            _ => errors.push(FieldError::new("starts_within_min", "out-of-range")),
        },
    }
    match p.day.trim() {
        "" => {}
        d => match d.parse::<u32>().ok().and_then(weekday) {
            Some(w) if window.is_none() => window = Some(Window::Day(w)),
            Some(_) => {}
            None => errors.push(FieldError::new("day", "out-of-range")),
        },
    }
    let online = match p.online.trim() {
        "" => None,
        "online" | "true" => Some(true),
        "in_person" | "false" => Some(false),
        _ => {
            errors.push(FieldError::new("online", "unknown-choice"));
            None
        }
    };
    let page = match p.page.trim() {
        "" => 1,
        n => match n.parse::<usize>() {
            Ok(v) if (1..=10_000).contains(&v) => v,
            _ => {
                errors.push(FieldError::new("page", "out-of-range"));
                1
            }
        },
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let query = Query {
        words: p.q.chars().take(200).collect(),
        near: place.as_ref().map(|p| p.point),
        radius_mi,
        category,
        language,
        attributes,
        meeting_type: None,
        meetings_only: window.is_some(),
        window,
        online,
    };
    Ok(Parsed { query, place, page })
}

/// A hit as people read it.
pub struct ResultView {
    pub id: String,
    pub name: String,
    pub organization: String,
    pub categories: Vec<String>,
    pub distance: String,
    pub distance_mi: Option<f64>,
    pub next: String,
    pub next_start: Option<DateTime<Utc>>,
    pub address: String,
    pub phone: String,
    pub phone_tel: String,
    pub online_url: String,
    pub approximate: bool,
}

pub fn tel(number: &str) -> String {
    number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
}

/// "Tue 18:30" in the meeting's own zone, with "today" / "now" where they apply.
pub fn when_text(t: Tr, o: &Occurrence, tz: Tz, now: DateTime<Utc>) -> String {
    let local = o.start.with_timezone(&tz);
    let time = local.format("%H:%M").to_string();
    if o.in_progress {
        return t.arg("find-in-progress", "time", &time);
    }
    let today = now.with_timezone(&tz).date_naive();
    let day = if local.date_naive() == today {
        t.get("find-today")
    } else {
        t.get(&format!("weekday-{}", local.weekday().num_days_from_sunday()))
    };
    format!("{day} {time}")
}

pub fn describe(
    t: Tr,
    locale: pathways_domain::locale::Locale,
    hit: &Hit,
    l: &ListingView<'_>,
    now: DateTime<Utc>,
    default_tz: Tz,
) -> ResultView {
    let tax = taxonomy();
    let codes: Vec<&str> = l.categories().collect();
    let categories = codes
        .iter()
        .filter_map(|c| tax.term(c))
        .filter(|term| !codes.iter().any(|other| tax.term(other).and_then(|o| o.parent.as_deref()) == Some(&term.code)))
        .map(|term| term.name(locale).to_owned())
        .collect();
    let tz = l.time_zone().unwrap_or(default_tz);
    let mut address = l.address().to_owned();
    if !l.city().is_empty() {
        if !address.is_empty() {
            address.push_str(", ");
        }
        address.push_str(l.city());
    }
    let phone = l.phone().unwrap_or_default();
    ResultView {
        id: l.service_id().to_string(),
        name: l.name().to_owned(),
        organization: l.organization().to_owned(),
        categories,
        distance: hit.distance_mi.map(|d| t.arg("find-distance", "miles", &format!("{d:.1}"))).unwrap_or_default(),
        distance_mi: hit.distance_mi.map(|d| (d * 10.0).round() / 10.0),
        next: hit.next.as_ref().map(|o| when_text(t, o, tz, now)).unwrap_or_default(),
        next_start: hit.next.as_ref().map(|o| o.start),
        address,
        phone_tel: tel(phone),
        phone: phone.to_owned(),
        online_url: l.online_url().unwrap_or_default().to_owned(),
        approximate: l.approximate(),
    }
}

#[cfg(test)]
mod tests {
    use pathways_domain::locale::Locale;

    use pathways_domain::deployment::DEFAULT_STATE;

    use super::*;

    #[test]
    fn every_weekday_has_a_name_in_every_language() {
        for locale in Locale::ALL {
            let t = Tr::new(locale);
            for d in 0..7 {
                let key = format!("weekday-{d}");
                assert_ne!(t.get(&key), key, "{locale}");
            }
        }
    }

    #[test]
    fn parameters_read_into_a_query_or_name_each_bad_field() {
        let ok = parse(
            &FindParams {
                q: "smart".into(),
                near: "06107".into(),
                radius_mi: "25".into(),
                when: "soon".into(),
                online: "in_person".into(),
                cost: "medicaid".into(),
                ..FindParams::default()
            },
            DEFAULT_STATE,
        )
        .map_err(|e| format!("{e:?}"));
        let Ok(parsed) = ok else { panic!("{ok:?}") };
        assert_eq!(parsed.query.window, Some(Window::StartsWithin(120)));
        assert_eq!(parsed.query.attributes, ["cost:medicaid"]);
        assert_eq!(parsed.query.online, Some(false));
        assert!(parsed.query.meetings_only);
        assert!((parsed.query.radius_mi - 25.0).abs() < f64::EPSILON);
        let bad =
            parse(&FindParams { radius_mi: "900".into(), page: "0".into(), ..FindParams::default() }, DEFAULT_STATE);
        let fields: Vec<&str> = bad.err().unwrap_or_default().iter().map(|f| f.field).collect();
        assert_eq!(fields, ["radius_mi", "page"]);
        assert_eq!(tel("+1 (929) 555-0100"), "+19295550100");
    }
}
