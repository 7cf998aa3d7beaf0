//! The finder's search parameters (`/find` and `/api/v1/search` read the same ones): each read into the query the
//! index runs, every problem named by its field.

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use chrono::Weekday;
use pathways_domain::community::Language;
use pathways_domain::community::calendar::{Attend, Filter};
use pathways_domain::directory::schedule::Window;
use pathways_domain::finder::Query;
use pathways_domain::text::FieldError;
use serde::Deserialize;

use crate::finder::taxonomy;
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

impl FindParams {
    /// The recovery community calendar's filter for what the finder was asked (issue 20: gatherings shown beside
    /// the results): its language (English or Spanish) and in person or online. `None` when the gatherings can't
    /// answer the search: a category, pathway, population, cost or faith chosen (a gathering records none of
    /// them), or another language.
    pub fn gatherings_filter(&self) -> Option<Filter> {
        if [&self.category, &self.pathway, &self.population, &self.cost, &self.faith]
            .iter()
            .any(|v| !v.trim().is_empty())
        {
            return None;
        }
        let language = match self.language.trim() {
            "" => None,
            l @ ("en" | "es") => Language::parse(l),
            _ => return None,
        };
        let attend = match self.online.trim() {
            "online" | "true" => Some(Attend::Online),
            "in_person" | "false" => Some(Attend::InPerson),
            _ => None,
        };
        Some(Filter { language, attend, ..Filter::default() })
    }
}

#[cfg(test)]
mod tests {
    use pathways_domain::deployment::DEFAULT_STATE;

    use super::*;

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
    }

    #[test]
    fn the_calendar_answers_language_and_place_but_not_what_gatherings_do_not_record() {
        use pathways_domain::community::Language;
        use pathways_domain::community::calendar::Attend;
        let asked = |p: FindParams| p.gatherings_filter();
        let spanish_online =
            asked(FindParams { language: "es".into(), online: "online".into(), ..FindParams::default() })
                .unwrap_or_default();
        assert_eq!((spanish_online.language, spanish_online.attend), (Some(Language::Spanish), Some(Attend::Online)));
        assert_eq!(asked(FindParams { q: "smart".into(), ..FindParams::default() }), Some(Filter::default()));
        for p in [
            FindParams { language: "fr".into(), ..FindParams::default() },
            FindParams { category: "detox".into(), ..FindParams::default() },
            FindParams { cost: "medicaid".into(), ..FindParams::default() },
        ] {
            assert_eq!(asked(p), None);
        }
    }
}
