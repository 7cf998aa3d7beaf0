//! The finder's search index: every listing (a service at a place, or an online service) in memory, with an
//! inverted index over its words, a grid over its coordinates and its weekly times, so a search by words, place
//! and time is answered without the database. Pure: the web layer builds it from the directory's rows and
//! rebuilds it when the directory's version moves.
//!
//! Words: each query word must match a word of the listing, exactly or as the start of one (three letters or
//! more), accents and case ignored; a match in the name weighs more than one in the categories, and those more
//! than one in the description. Results are ordered by how well they match, then by distance; with no words,
//! by distance alone (or by name when no place is given).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use crate::directory::geo::{BoundingBox, LatLon, haversine_miles};
use crate::directory::schedule::{Occurrence, WeeklySlot, Window, first_in_window, next_occurrence};

/// How much a word found in each part of a listing counts.
pub const WEIGHT_NAME: u8 = 4;
pub const WEIGHT_CATEGORY: u8 = 3;
pub const WEIGHT_PLACE: u8 = 2;
pub const WEIGHT_TEXT: u8 = 1;
/// Query words shorter than this match whole words only.
const MIN_PREFIX: usize = 3;
/// Grid cell size in degrees (about 35 miles north–south).
const CELL_DEG: f64 = 0.5;

/// One listing, as the index keeps it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    pub service_id: Uuid,
    pub location_id: Option<Uuid>,
    pub name: String,
    pub organization: String,
    pub description: String,
    /// Taxonomy term codes (with their parents), e.g. `mutual-help`, `smart-recovery`.
    pub categories: Vec<String>,
    /// Meeting Guide type codes (`O`, `C`, `SP`…).
    pub meeting_types: Vec<String>,
    /// Language codes (`en`, `es`).
    pub languages: Vec<String>,
    /// Other attributes as `vocabulary:code` (`pathway:peer`, `population:veterans`, `cost:medicaid`).
    pub attributes: Vec<String>,
    /// Extra words to find it by (category and type names in every language, keywords).
    pub keywords: Vec<String>,
    pub place: Option<LatLon>,
    pub approximate: bool,
    pub address: String,
    pub city: String,
    pub postal_code: String,
    pub phone: Option<String>,
    pub online_url: Option<String>,
    pub is_meeting: bool,
    pub online: bool,
    pub in_person: bool,
    pub slots: Vec<WeeklySlot>,
}

/// What a search asks for. Empty fields don't filter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub words: String,
    pub near: Option<LatLon>,
    pub radius_mi: f64,
    pub category: Option<String>,
    pub language: Option<String>,
    /// Each an `vocabulary:code` attribute the listing must have.
    pub attributes: Vec<String>,
    pub meeting_type: Option<String>,
    pub window: Option<Window>,
    /// `Some(true)`: online only; `Some(false)`: in person only.
    pub online: Option<bool>,
    pub meetings_only: bool,
}

/// One result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub listing: u32,
    pub score: u32,
    pub distance_mi: Option<f64>,
    pub next: Option<Occurrence>,
}

/// The index.
#[derive(Debug, Default)]
pub struct Index {
    listings: Vec<Listing>,
    /// word → (listing, weight), listings ascending.
    postings: HashMap<String, Vec<(u32, u8)>>,
    /// Every indexed word, sorted (prefix matches are a range of it).
    vocabulary: Vec<String>,
    grid: HashMap<(i32, i32), Vec<u32>>,
    unplaced: Vec<u32>,
}

/// Lower-case, accents folded, split on anything that is not a letter or digit.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(fold)
}

fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

fn cell(p: LatLon) -> (i32, i32) {
    #[expect(clippy::cast_possible_truncation, reason = "degrees / 0.5 fits an i32")]
    ((p.lat() / CELL_DEG).floor() as i32, (p.lon() / CELL_DEG).floor() as i32)
}

impl Index {
    pub fn build(listings: Vec<Listing>) -> Self {
        let mut postings: HashMap<String, Vec<(u32, u8)>> = HashMap::new();
        let mut grid: HashMap<(i32, i32), Vec<u32>> = HashMap::new();
        let mut unplaced = Vec::new();
        for (i, l) in listings.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            let mut best: HashMap<String, u8> = HashMap::new();
            let mut add = |text: &str, weight: u8| {
                for w in words(text) {
                    let e = best.entry(w).or_insert(0);
                    *e = (*e).max(weight);
                }
            };
            add(&l.name, WEIGHT_NAME);
            add(&l.organization, WEIGHT_TEXT);
            for k in &l.keywords {
                add(k, WEIGHT_CATEGORY);
            }
            for c in &l.categories {
                add(c, WEIGHT_CATEGORY);
            }
            add(&l.city, WEIGHT_PLACE);
            add(&l.postal_code, WEIGHT_PLACE);
            add(&l.address, WEIGHT_TEXT);
            add(&l.description, WEIGHT_TEXT);
            for (w, weight) in best {
                postings.entry(w).or_default().push((i, weight));
            }
            match l.place {
                Some(p) => grid.entry(cell(p)).or_default().push(i),
                None => unplaced.push(i),
            }
        }
        let mut vocabulary: Vec<String> = postings.keys().cloned().collect();
        vocabulary.sort_unstable();
        Self { listings, postings, vocabulary, grid, unplaced }
    }

    pub fn len(&self) -> usize {
        self.listings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.listings.is_empty()
    }

    pub fn listing(&self, i: u32) -> Option<&Listing> {
        self.listings.get(i as usize)
    }

    /// The listings of one service.
    pub fn of_service(&self, id: Uuid) -> impl Iterator<Item = &Listing> {
        self.listings.iter().filter(move |l| l.service_id == id)
    }

    /// Listings matching one query word, with the weight of the best match (exact or by prefix).
    fn matching(&self, word: &str) -> HashMap<u32, u8> {
        let mut out: HashMap<u32, u8> = HashMap::new();
        let mut take = |list: &Vec<(u32, u8)>| {
            for &(i, w) in list {
                let e = out.entry(i).or_insert(0);
                *e = (*e).max(w);
            }
        };
        if word.chars().count() < MIN_PREFIX {
            if let Some(list) = self.postings.get(word) {
                take(list);
            }
            return out;
        }
        let start = self.vocabulary.partition_point(|v| v.as_str() < word);
        for v in self.vocabulary[start..].iter().take_while(|v| v.starts_with(word)) {
            if let Some(list) = self.postings.get(v) {
                take(list);
            }
        }
        out
    }

    /// Candidates by place: the grid cells the radius covers, plus (for online searches) the unplaced.
    fn near(&self, center: LatLon, radius_mi: f64) -> Vec<u32> {
        let b = BoundingBox::around(center, radius_mi);
        let mut out = Vec::new();
        #[expect(clippy::cast_possible_truncation, reason = "degrees / 0.5 fits an i32")]
        let (lat0, lat1) = ((b.min_lat() / CELL_DEG).floor() as i32, (b.max_lat() / CELL_DEG).floor() as i32);
        for (lo, hi) in b.lon_ranges() {
            #[expect(clippy::cast_possible_truncation, reason = "degrees / 0.5 fits an i32")]
            let (lon0, lon1) = ((lo / CELL_DEG).floor() as i32, (hi / CELL_DEG).floor() as i32);
            for la in lat0..=lat1 {
                for lo in lon0..=lon1 {
                    if let Some(list) = self.grid.get(&(la, lo)) {
                        out.extend_from_slice(list);
                    }
                }
            }
        }
        out.extend_from_slice(&self.unplaced);
        out
    }

    /// Runs a search: every hit, best first (the caller pages).
    pub fn search(&self, q: &Query, now: DateTime<Utc>, viewer_tz: Tz) -> Vec<Hit> {
        let query_words: Vec<String> = words(&q.words).collect();
        let mut scored: Option<HashMap<u32, u32>> = None;
        for w in &query_words {
            let m = self.matching(w);
            scored = Some(match scored {
                None => m.into_iter().map(|(i, s)| (i, u32::from(s))).collect(),
                Some(prev) => prev.into_iter().filter_map(|(i, s)| m.get(&i).map(|w| (i, s + u32::from(*w)))).collect(),
            });
        }
        let radius = if q.radius_mi > 0.0 { q.radius_mi } else { 25.0 };
        let candidates: Vec<(u32, u32)> = match (scored, q.near) {
            (Some(s), _) => s.into_iter().collect(),
            (None, Some(center)) => self.near(center, radius).into_iter().map(|i| (i, 0)).collect(),
            (None, None) => (0..u32::try_from(self.listings.len()).unwrap_or(u32::MAX)).map(|i| (i, 0)).collect(),
        };
        let mut hits: Vec<Hit> = candidates
            .into_iter()
            .filter_map(|(i, score)| {
                let l = self.listings.get(i as usize)?;
                if !self.passes(l, q) {
                    return None;
                }
                let distance_mi = match (q.near, l.place) {
                    (Some(c), Some(p)) => {
                        let d = haversine_miles(c, p);
                        if d > radius {
                            return None;
                        }
                        Some(d)
                    }
                    // Near a place, a listing with no place is kept only when it is online.
                    (Some(_), None) if !l.online => return None,
                    _ => None,
                };
                let next = match q.window {
                    Some(w) => Some(first_in_window(&l.slots, w, now, viewer_tz)?),
                    None => next_occurrence(&l.slots, now),
                };
                Some(Hit { listing: i, score, distance_mi, next })
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| {
                    let d = |h: &Hit| h.distance_mi.unwrap_or(f64::INFINITY);
                    d(a).total_cmp(&d(b))
                })
                .then_with(|| match (&a.next, &b.next) {
                    (Some(x), Some(y)) if q.window.is_some() => x.start.cmp(&y.start),
                    _ => std::cmp::Ordering::Equal,
                })
                .then_with(|| self.listings[a.listing as usize].name.cmp(&self.listings[b.listing as usize].name))
        });
        hits
    }

    fn passes(&self, l: &Listing, q: &Query) -> bool {
        if q.meetings_only && !l.is_meeting {
            return false;
        }
        if let Some(c) = &q.category
            && !l.categories.iter().any(|x| x == c)
        {
            return false;
        }
        if let Some(lang) = &q.language
            && !l.languages.iter().any(|x| x == lang)
        {
            return false;
        }
        if let Some(t) = &q.meeting_type
            && !l.meeting_types.iter().any(|x| x == t)
        {
            return false;
        }
        if !q.attributes.iter().all(|a| l.attributes.iter().any(|x| x == a)) {
            return false;
        }
        match q.online {
            Some(true) if !l.online => return false,
            Some(false) if !l.in_person => return false,
            _ => {}
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveTime, TimeZone, Weekday};
    use chrono_tz::America::New_York;

    use super::*;

    fn at(lat: f64, lon: f64) -> Option<LatLon> {
        LatLon::new(lat, lon).ok()
    }

    fn slot(day: Weekday, h: u32, m: u32) -> WeeklySlot {
        let start = NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
        WeeklySlot { day, start, end: start + chrono::TimeDelta::hours(1), tz: New_York }
    }

    fn index() -> Index {
        let hartford = at(41.7658, -72.6734);
        let west_hartford = at(41.7620, -72.7420);
        let new_haven = at(41.3083, -72.9279);
        Index::build(vec![
            Listing {
                name: "SMART Recovery West Hartford".into(),
                categories: vec!["smart-recovery".into(), "mutual-help".into()],
                keywords: vec!["Reuniones de ayuda mutua".into()],
                place: west_hartford,
                is_meeting: true,
                in_person: true,
                slots: vec![slot(Weekday::Tue, 18, 30)],
                ..Listing::default()
            },
            Listing {
                name: "Grupo Esperanza".into(),
                description: "Reunión en español".into(),
                categories: vec!["alcoholics-anonymous".into(), "mutual-help".into()],
                languages: vec!["es".into()],
                place: hartford,
                is_meeting: true,
                in_person: true,
                slots: vec![slot(Weekday::Tue, 19, 0)],
                ..Listing::default()
            },
            Listing {
                name: "Shoreline Detox".into(),
                categories: vec!["detox".into()],
                keywords: vec!["withdrawal management".into(), "desintoxicación".into()],
                attributes: vec!["cost:medicaid".into()],
                place: new_haven,
                in_person: true,
                ..Listing::default()
            },
            Listing {
                name: "SMART Recovery Online".into(),
                categories: vec!["smart-recovery".into(), "mutual-help".into()],
                online: true,
                is_meeting: true,
                slots: vec![slot(Weekday::Tue, 20, 0)],
                ..Listing::default()
            },
        ])
    }

    fn names(ix: &Index, hits: &[Hit]) -> Vec<String> {
        hits.iter().filter_map(|h| ix.listing(h.listing)).map(|l| l.name.clone()).collect()
    }

    /// Tuesday 2026-11-24 17:00 in Hartford.
    fn tuesday_evening() -> DateTime<Utc> {
        New_York.with_ymd_and_hms(2026, 11, 24, 17, 0, 0).single().map(|t| t.with_timezone(&Utc)).unwrap_or_default()
    }

    #[test]
    fn words_match_by_prefix_ignoring_case_and_accents_and_all_must_match() {
        let ix = index();
        let q = |w: &str| Query { words: w.into(), ..Query::default() };
        let now = tuesday_evening();
        assert_eq!(names(&ix, &ix.search(&q("smart recov"), now, New_York)).len(), 2);
        assert_eq!(names(&ix, &ix.search(&q("DESINTOXICACION"), now, New_York)), ["Shoreline Detox"]);
        assert_eq!(names(&ix, &ix.search(&q("espanol"), now, New_York)), ["Grupo Esperanza"]);
        assert!(ix.search(&q("smart detox"), now, New_York).is_empty(), "every word must match");
        // Two letters match whole words only: "sm" finds nothing, rather than everything starting with it.
        assert!(ix.search(&q("sm"), now, New_York).is_empty());
    }

    #[test]
    fn a_name_match_outranks_a_category_match_and_distance_breaks_ties() {
        let ix = index();
        let now = tuesday_evening();
        let near = at(41.7658, -72.6734);
        let hits =
            ix.search(&Query { words: "smart".into(), near, radius_mi: 50.0, ..Query::default() }, now, New_York);
        // Both SMART listings match in the name; the one with a place comes first, the online one after.
        assert_eq!(names(&ix, &hits), ["SMART Recovery West Hartford", "SMART Recovery Online"]);
        let d = hits[0].distance_mi.unwrap_or_default();
        assert!((3.0..4.0).contains(&d), "Hartford to West Hartford is about 3.5 miles: {d}");
    }

    #[test]
    fn near_a_place_only_what_is_inside_the_radius_and_online_listings() {
        let ix = index();
        let now = tuesday_evening();
        let q = Query { near: at(41.7658, -72.6734), radius_mi: 10.0, ..Query::default() };
        let found = names(&ix, &ix.search(&q, now, New_York));
        assert!(!found.contains(&"Shoreline Detox".to_owned()), "New Haven is 34 miles away: {found:?}");
        assert_eq!(found.first().map(String::as_str), Some("Grupo Esperanza"), "closest first: {found:?}");
        let wide = Query { radius_mi: 50.0, ..q.clone() };
        assert!(names(&ix, &ix.search(&wide, now, New_York)).contains(&"Shoreline Detox".to_owned()));
        let in_person = Query { online: Some(false), ..q };
        assert!(!names(&ix, &ix.search(&in_person, now, New_York)).contains(&"SMART Recovery Online".to_owned()));
    }

    #[test]
    fn filters_by_category_language_attribute_and_time() {
        let ix = index();
        let now = tuesday_evening();
        let cat = Query { category: Some("mutual-help".into()), ..Query::default() };
        assert_eq!(ix.search(&cat, now, New_York).len(), 3);
        let es = Query { language: Some("es".into()), ..Query::default() };
        assert_eq!(names(&ix, &ix.search(&es, now, New_York)), ["Grupo Esperanza"]);
        let medicaid = Query { attributes: vec!["cost:medicaid".into()], ..Query::default() };
        assert_eq!(names(&ix, &ix.search(&medicaid, now, New_York)), ["Shoreline Detox"]);
        // At 17:00, "in the next two hours" holds 18:30 and 19:00 but not 20:00; soonest first.
        let soon = Query { window: Some(Window::StartsWithin(120)), meetings_only: true, ..Query::default() };
        assert_eq!(names(&ix, &ix.search(&soon, now, New_York)), ["SMART Recovery West Hartford", "Grupo Esperanza"]);
        let tonight = Query { window: Some(Window::Tonight), meetings_only: true, ..Query::default() };
        assert_eq!(ix.search(&tonight, now, New_York).len(), 3);
        let friday = Query { window: Some(Window::Day(Weekday::Fri)), ..Query::default() };
        assert!(ix.search(&friday, now, New_York).is_empty());
    }

    #[test]
    fn folding_and_splitting_words() {
        let w: Vec<String> = words("Señora's  Café-Grupo, 12 Pasos").collect();
        assert_eq!(w, ["senora", "s", "cafe", "grupo", "12", "pasos"]);
    }
}
