//! `GET /api/v1/calendar`: the public calendar's occurrences — the network's or one center's — tonight, in the
//! next seven days or on one day of the next four weeks, filtered as the page filters them, a page at a time.
//! Public: no token, no personal data. A value the API can't read (a page or page size out of its bounds, an
//! unknown choice) answers 400 naming it; a well-formed day outside the four weeks 422 naming `when`.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, FixedOffset, Utc};
use pathways_domain::community::calendar::{Filter, RawFilter, Span};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::{WebError, WebResult};
use crate::extract::{ApiQuery, Bounded};
use crate::services;
use crate::services::community::{Occurrence, PER_PAGE};
use crate::state::AppState;

/// The query string: filters as text (read by the page's rules), the page numbers bounded.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CalendarQuery {
    when: String,
    center: String,
    region: String,
    kind: String,
    language: String,
    audience: String,
    attend: String,
    time: String,
    page: Option<Bounded<1, 10_000>>,
    per_page: Option<Bounded<1, 100>>,
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

#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarJson {
    /// How many occurrences the filters admit, on every page.
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    /// `tonight`, `week` or the day asked for.
    pub when: String,
    /// This page's, in order of start.
    pub occurrences: Vec<OccurrenceJson>,
}

fn json(o: Occurrence) -> OccurrenceJson {
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

#[utoipa::path(get, path = "/api/v1/calendar", tag = "community",
    params(
        ("when" = Option<String>, Query, pattern = r"^(tonight|week|[0-9]{4}-[0-9]{2}-[0-9]{2})?$",
            description = "`tonight` (until 04:00), `week` (the next seven days, the default) or a day `YYYY-MM-DD` from today to 27 days ahead"),
        ("center" = Option<String>, Query, description = "One center's slug (`/calendar/{slug}`); an unknown one is 404"),
        ("region" = Option<String>, Query, max_length = 100, description = "A region centers are recorded in (any case)"),
        ("kind" = inline(Option<crate::schemas::GatheringKindCode>), Query),
        ("language" = inline(Option<crate::schemas::GatheringLanguageCode>), Query),
        ("audience" = inline(Option<crate::schemas::GatheringAudienceCode>), Query),
        ("attend" = inline(Option<crate::schemas::GatheringAttendCode>), Query),
        ("time" = inline(Option<crate::schemas::GatheringTimeCode>), Query),
        ("page" = inline(Option<crate::extract::Bounded<1, 10_000>>), Query, description = "The page, from 1"),
        ("per_page" = inline(Option<crate::extract::Bounded<1, 100>>), Query, description = "Occurrences a page (default 25)")
    ),
    responses((status = 200, body = CalendarJson), (status = 400, description = "A parameter could not be read"),
        (status = 422, description = "`when` is a day, but not today or one of the 27 days after it"),
        (status = 404, description = "No such center")))]
pub async fn get_calendar(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<CalendarQuery>,
) -> WebResult<Json<CalendarJson>> {
    let today = services::community::today(&state);
    // A well-formed day outside the four weeks breaks a rule tied to today, which the description states in words:
    // 422 naming `when`. Anything else `when` can't be is a query the API can't read: 400.
    let day_shaped = q.when.len() == 10 && q.when.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    let span = Span::parse(&q.when, today).map_err(|e| {
        if day_shaped { WebError::Invalid(vec![e]) } else { WebError::BadQuery(problem(e.field, e.code)) }
    })?;
    let raw = RawFilter {
        region: &q.region,
        kind: &q.kind,
        language: &q.language,
        audience: &q.audience,
        attend: &q.attend,
        time: &q.time,
    };
    let filter = Filter::parse(&raw).map_err(|errors| {
        WebError::BadQuery(errors.iter().map(|e| problem(e.field, e.code)).collect::<Vec<_>>().join("; "))
    })?;
    let center = match q.center.trim() {
        "" => None,
        slug => Some(services::community::center(&state, slug).await?.id),
    };
    let page = usize::try_from(q.page.map_or(1, Bounded::get)).unwrap_or(1);
    let per_page = usize::try_from(q.per_page.map_or(PER_PAGE as u64, Bounded::get)).unwrap_or(PER_PAGE);
    let found = services::community::calendar(&state, center, span, &filter, (page - 1) * per_page, per_page).await?;
    Ok(Json(CalendarJson {
        total: found.total,
        page,
        per_page,
        when: span.code(),
        occurrences: found.occurrences.into_iter().map(json).collect(),
    }))
}

/// A refused value in the parser's words: `language: must be one of the listed values`.
fn problem(field: &str, code: &str) -> String {
    let what = match code {
        "too-long" => "must be at most 100 characters",
        _ => "must be one of the listed values",
    };
    format!("{field}: {what}")
}
