//! Recovery community (issue 20): a gathering's occurrence as the public calendar, the staff list and the kiosk
//! show it — its day and time in the center's zone, its place or link, language and who it is for.

use chrono::{DateTime, Datelike as _, Utc};
use chrono_tz::Tz;
use pathways_domain::community::{Audience, Kind, Language};

use crate::i18n::Tr;
use crate::services::community::Occurrence;

/// One occurrence, in words.
pub struct OccurrenceRow {
    pub id: String,
    pub title: String,
    pub when: String,
    /// An ISO 8601 instant for `<time datetime>`.
    pub datetime: String,
    pub kind: String,
    pub place: Option<String>,
    pub online_url: Option<String>,
    pub language: String,
    pub audience: String,
    pub description: Option<String>,
    pub center_name: String,
    pub center_slug: String,
}

pub fn kind_words(t: &Tr, k: Kind) -> String {
    t.get(&format!("community-kind-{}", k.code()))
}

pub fn language_words(t: &Tr, l: Language) -> String {
    t.get(&format!("community-language-{}", l.code()))
}

pub fn audience_words(t: &Tr, a: Audience) -> String {
    t.get(&format!("community-audience-{}", a.code()))
}

/// "Tuesday 19:00–20:30", or "Today 19:00–20:30", in the center's zone.
pub fn when_words(t: &Tr, starts: DateTime<Utc>, ends: DateTime<Utc>, tz: Tz, now: DateTime<Utc>) -> String {
    let s = starts.with_timezone(&tz);
    let e = ends.with_timezone(&tz);
    let day = if s.date_naive() == now.with_timezone(&tz).date_naive() {
        t.get("community-today")
    } else {
        format!("{} {}", t.get(&format!("weekday-{}", s.weekday().num_days_from_sunday())), s.format("%Y-%m-%d"))
    };
    format!("{day} {}–{}", s.format("%H:%M"), e.format("%H:%M"))
}

pub fn row(t: &Tr, o: &Occurrence, now: DateTime<Utc>) -> OccurrenceRow {
    let d = &o.gathering.details;
    OccurrenceRow {
        id: o.gathering.id.to_string(),
        title: d.title.clone(),
        when: when_words(t, o.starts, o.ends, o.gathering.time_zone, now),
        datetime: o.starts.to_rfc3339(),
        kind: kind_words(t, d.kind),
        place: d.place.clone(),
        online_url: d.online_url.clone(),
        language: language_words(t, d.language),
        audience: audience_words(t, d.audience),
        description: d.description.clone(),
        center_name: o.center.as_ref().map(|c| c.name.clone()).unwrap_or_default(),
        center_slug: o.center.as_ref().map(|c| c.slug.clone()).unwrap_or_default(),
    }
}

/// The words for a training type (issue 20, naloxone and trainings).
pub fn training_kind_words(t: &Tr, k: pathways_domain::community::naloxone::TrainingKind) -> String {
    t.get(&format!("training-kind-{}", k.code()))
}
