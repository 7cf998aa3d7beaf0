//! A finder hit as people read it (names in their language, local times, distances), for the finder's page and
//! its JSON alike.

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;
use pathways_domain::directory::schedule::Occurrence;
use pathways_domain::finder::{Hit, ListingView};

use crate::finder::taxonomy;
use crate::i18n::Tr;

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

/// A hit as people read it on the finder's page: [`facts`], with the distance and the next meeting in words.
pub fn describe(
    t: Tr,
    locale: pathways_domain::locale::Locale,
    hit: &Hit,
    l: &ListingView<'_>,
    now: DateTime<Utc>,
    default_tz: Tz,
) -> ResultView {
    let mut r = facts(locale, hit, l);
    r.distance = hit.distance_mi.map(|d| t.arg("find-distance", "miles", &format!("{d:.1}"))).unwrap_or_default();
    let tz = l.time_zone().unwrap_or(default_tz);
    r.next = hit.next.as_ref().map(|o| when_text(t, o, tz, now)).unwrap_or_default();
    r
}

/// A hit's facts (the JSON's): names in the reader's language, the distance and the next start as numbers; no
/// sentence is formatted (`distance` and `next` stay empty), since the JSON carries none and formatting a message
/// per hit was a good part of a search's time.
pub fn facts(locale: pathways_domain::locale::Locale, hit: &Hit, l: &ListingView<'_>) -> ResultView {
    let tax = taxonomy();
    // Each code looked up once; the most specific only (a term another of the listing's terms is under is left out).
    let terms: Vec<_> = l.categories().filter_map(|c| tax.term(c)).collect();
    let categories = terms
        .iter()
        .filter(|term| !terms.iter().any(|other| other.parent.as_deref() == Some(term.code.as_str())))
        .map(|term| term.name(locale).to_owned())
        .collect();
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
        distance: String::new(),
        distance_mi: hit.distance_mi.map(|d| (d * 10.0).round() / 10.0),
        next: String::new(),
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
    fn a_phone_number_dials_as_digits() {
        assert_eq!(tel("+1 (929) 555-0100"), "+19295550100");
    }
}
