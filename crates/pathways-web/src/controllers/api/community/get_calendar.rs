//! `GET /api/v1/calendar`: the public calendar's occurrences — the network's or one center's — tonight, in the
//! next seven days or on one day of the next four weeks, filtered as the page filters them, a page at a time.
//! Public: no token, no personal data. A value the API can't read (a page or page size out of its bounds, an
//! unknown choice) answers 400 naming it; a well-formed day outside the four weeks 422 naming `when`.

use axum::Json;
use axum::extract::State;
use pathways_domain::community::calendar::{Filter, RawFilter, Span};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{WebError, WebResult};
use crate::extract::{ApiQuery, Bounded};
use crate::services;
use crate::services::community::PER_PAGE;
use crate::state::AppState;
use crate::views::community::{OccurrenceJson, occurrence_json};

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
        occurrences: found.occurrences.into_iter().map(occurrence_json).collect(),
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
