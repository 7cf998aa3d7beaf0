//! Recovery community (issue 20): a gathering's occurrence as the public calendar, the staff list and the kiosk
//! show it — its day and time in the center's zone, its place or link, language and who it is for.

use chrono::{DateTime, Datelike as _, FixedOffset, Utc};
use chrono_tz::Tz;
use pathways_domain::community::calendar::{Filter, Span};
use pathways_domain::community::in_finder::Stretch;
use pathways_domain::community::{Audience, Kind, Language};
use pathways_domain::directory::schedule::Window;

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::i18n::Tr;
use crate::services::community::{InFinder, Occurrence};

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

/// The words naming a gathering's kind, language and audience in every language, folded as the finder folds
/// words (so "grupo", "spanish" or "family" find it), made once for every combination.
pub fn label_words(d: &pathways_domain::community::EventDetails) -> &'static str {
    use std::collections::HashMap;
    use std::sync::OnceLock;

    use pathways_domain::community::in_finder::fold;
    use pathways_domain::locale::Locale;

    type Labels = HashMap<(Kind, Language, Audience), String>;
    static LABELS: OnceLock<Labels> = OnceLock::new();
    let labels = LABELS.get_or_init(|| {
        let mut m = HashMap::new();
        for &k in Kind::ALL {
            for &l in Language::ALL {
                for &a in Audience::ALL {
                    let words: Vec<String> = Locale::ALL
                        .iter()
                        .flat_map(|&loc| {
                            let t = Tr::new(loc);
                            [kind_words(&t, k), language_words(&t, l), audience_words(&t, a)]
                        })
                        .collect();
                    let texts: Vec<&str> = words.iter().map(String::as_str).collect();
                    m.insert((k, l, a), fold(&texts));
                }
            }
        }
        m
    });
    labels.get(&(d.kind, d.language, d.audience)).map_or("", String::as_str)
}

/// The finder's block of gatherings at recovery community centers (issue 20): a heading naming the time asked
/// about, how many there are, the first few, and a link to the calendar showing them all.
pub struct FinderGatherings {
    pub heading: String,
    /// "3 groups and events · showing 1–3 of 3".
    pub count: String,
    /// The calendar's view holding them, with the same language and place filters.
    pub href: String,
    pub rows: Vec<OccurrenceRow>,
    /// A place was searched near: these are not chosen by distance.
    pub not_by_distance: bool,
}

/// The calendar page holding a finder's stretch, filtered by language and place as the finder's gatherings are.
pub fn calendar_href(stretch: &Stretch, filter: &Filter) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    q.append_pair("when", &stretch.span.code());
    if let Some(l) = filter.language {
        q.append_pair("language", l.code());
    }
    if let Some(a) = filter.attend {
        q.append_pair("attend", a.code());
    }
    format!("/calendar?{}", q.finish())
}

/// The block, for the finder's time choice; `None` when no gathering matches.
pub fn finder_gatherings(
    t: &Tr,
    choice: Option<Window>,
    stretch: &Stretch,
    filter: &Filter,
    found: &InFinder,
    now: DateTime<Utc>,
    near: bool,
) -> Option<FinderGatherings> {
    if found.total == 0 {
        return None;
    }
    let heading = match choice {
        None | Some(Window::Tonight) => t.get("find-gatherings-tonight"),
        Some(Window::Now) => t.get("find-gatherings-now"),
        Some(Window::StartsWithin(_)) => t.get("find-gatherings-soon"),
        Some(Window::Today) => t.get("find-gatherings-today"),
        Some(Window::Day(_)) => {
            // The day asked for, as the calendar linked names it.
            let day = match stretch.span {
                Span::Day(d) => d,
                _ => stretch.from.date_naive(),
            };
            let words = format!(
                "{} {}",
                t.get(&format!("weekday-{}", day.weekday().num_days_from_sunday())),
                day.format("%Y-%m-%d")
            );
            t.arg("find-gatherings-day", "day", &words)
        }
    };
    let total = u64::try_from(found.total).unwrap_or(u64::MAX);
    let count = format!(
        "{} · {}",
        t.count("calendar-results", total),
        t.args(
            "calendar-range",
            &[
                ("first", "1".to_owned()),
                ("last", found.occurrences.len().to_string()),
                ("total", found.total.to_string())
            ]
        )
    );
    Some(FinderGatherings {
        heading,
        count,
        href: calendar_href(stretch, filter),
        rows: found.occurrences.iter().map(|o| row(t, o, now)).collect(),
        not_by_distance: near,
    })
}

/// The center a gathering belongs to.
#[derive(Debug, Serialize, ToSchema)]
pub struct CenterJson {
    /// Its calendar is `/calendar/{slug}`.
    pub slug: String,
    pub name: String,
    pub region: Option<String>,
}

/// One occurrence of a group or event.
#[derive(Debug, Serialize, ToSchema)]
pub struct OccurrenceJson {
    /// The gathering (each of a group's meetings names the same).
    pub gathering_id: Uuid,
    pub title: String,
    /// `group` (meets again and again) or `event` (once).
    #[schema(example = "group")]
    pub kind: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The same start on the center's clock: its local time with the UTC offset of `time_zone` then.
    pub local_start: DateTime<FixedOffset>,
    /// An IANA zone.
    #[schema(example = "America/New_York")]
    pub time_zone: String,
    pub place: Option<String>,
    /// An `https:` link to join online.
    pub online_url: Option<String>,
    /// `en`, `es` or `en-es`.
    #[schema(example = "en")]
    pub language: String,
    /// Who it is for: `everyone`, `people-in-recovery`, `family-and-friends`, `young-adults`, `women`, `men`,
    /// `veterans`, `lgbtq`.
    #[schema(example = "everyone")]
    pub audience: String,
    pub description: Option<String>,
    pub center: Option<CenterJson>,
}

/// An occurrence as the calendar's API and the finder's give it.
pub fn occurrence_json(o: Occurrence) -> OccurrenceJson {
    let g = o.gathering;
    let d = g.details;
    OccurrenceJson {
        gathering_id: g.id,
        title: d.title,
        kind: d.kind.code().to_owned(),
        starts_at: o.starts,
        ends_at: o.ends,
        local_start: o.starts.with_timezone(&g.time_zone).fixed_offset(),
        time_zone: g.time_zone.name().to_owned(),
        place: d.place,
        online_url: d.online_url,
        language: d.language.code().to_owned(),
        audience: d.audience.code().to_owned(),
        description: d.description,
        center: o.center.map(|c| CenterJson { slug: c.slug, name: c.name, region: c.region }),
    }
}
