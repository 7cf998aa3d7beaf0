//! `GET /api/v1/search`: the finder's search as JSON (`total` and a page of `results`), and the recovery community
//! centers' gatherings for the time asked about (`gatherings`, as the page shows them).

use axum::Json;
use axum::extract::{Query as QueryString, State};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::find_query::{FindParams, PER_PAGE, parse};
use crate::services;
use crate::services::community::FinderAsk;
use crate::state::AppState;
use crate::views::community::{OccurrenceJson, calendar_href, label_words, occurrence_json};
use crate::views::find::facts;

#[derive(Serialize, ToSchema)]
pub struct SearchResult {
    pub id: String,
    pub name: String,
    pub organization: String,
    /// Category names in the caller's language (most specific only).
    pub categories: Vec<String>,
    pub distance_mi: Option<f64>,
    /// The start of the meeting in progress or the next one (UTC, RFC 3339).
    pub next_start: Option<DateTime<Utc>>,
    pub address: String,
    pub phone: String,
    pub online_url: String,
    /// The place is its ZIP code's centre, not the door.
    pub approximate: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SearchResults {
    /// How many results there are, or with `total_at_least`, how many were counted: a search by words alone
    /// (no place, no time) over very common words stops counting a few thousand candidates after its page is
    /// ranked, rather than walk every match; any other search counts exactly.
    pub total: usize,
    /// `total` is a lower bound: there are at least `total` results (shown as "at least").
    pub total_at_least: bool,
    pub page: usize,
    pub per_page: usize,
    pub results: Vec<SearchResult>,
    /// Groups and events at recovery community centers for the time asked about (`when`, `day`,
    /// `starts_within_min`), or tonight's when the words match one; on the first page only. Null when none match,
    /// or when a filter they don't record (category, pathway, population, cost, faith, a language other than `en`
    /// or `es`) was chosen.
    pub gatherings: Option<FinderGatheringsJson>,
}

/// Gatherings beside the finder's results (the calendar's occurrences: `/api/v1/calendar`).
#[derive(Serialize, ToSchema)]
pub struct FinderGatheringsJson {
    /// How many there are in all.
    pub total: usize,
    /// The calendar's view holding them (`tonight`, `week` or a day), as `/api/v1/calendar?when=` reads it.
    pub when: String,
    /// The calendar page showing them all (with the same language and in person or online).
    pub calendar: String,
    /// The first few, in order of start.
    pub occurrences: Vec<OccurrenceJson>,
}

#[utoipa::path(get, path = "/api/v1/search", tag = "directory",
    params(
        ("q" = Option<String>, Query, description = "Words (the first 200 characters are used)"),
        ("near" = Option<String>, Query, description = "A ZIP code, a town (`Hartford`, `Hartford, CT`), or `lat,lon`; a place the finder doesn't know is 422"),
        ("radius_mi" = Option<f64>, Query, exclusive_minimum = 0, maximum = 250, description = "Miles around `near` (default 10)"),
        ("category" = inline(Option<crate::schemas::CategoryCode>), Query),
        ("pathway" = inline(Option<crate::schemas::PathwayCode>), Query),
        ("language" = Option<String>, Query, pattern = "^[ ]*[a-z]{0,3}[ ]*$", description = "An ISO 639 language code (`es`); empty: any"),
        ("population" = inline(Option<crate::schemas::PopulationCode>), Query),
        ("cost" = inline(Option<crate::schemas::CostCode>), Query),
        ("faith" = inline(Option<crate::schemas::FaithCode>), Query),
        ("day" = Option<u8>, Query, minimum = 0, maximum = 6, description = "Meetings on this day: 0 = Sunday … 6 = Saturday"),
        ("when" = inline(Option<crate::schemas::WhenCode>), Query),
        ("starts_within_min" = Option<u32>, Query, minimum = 1, maximum = 1440, description = "Meetings starting within this many minutes"),
        ("online" = inline(Option<crate::schemas::OnlineCode>), Query),
        ("page" = Option<u32>, Query, minimum = 1, maximum = 10000, description = "The page of 20 results, from 1")
    ),
    responses((status = 200, body = SearchResults), (status = 422, description = "A parameter could not be read: `fields` names each")))]
pub async fn api_search(
    State(state): State<AppState>,
    ctx: Ctx,
    QueryString(params): QueryString<FindParams>,
) -> WebResult<Json<SearchResults>> {
    let parsed = parse(&params, &state.config.deployment.state).map_err(WebError::Invalid)?;
    let built = state.finder.index(&state.store).await?;
    let now = Utc::now();
    let tz = parsed.place.as_ref().and_then(|p| p.tz).unwrap_or(state.config.deployment.time_zone);
    let found = built.index.search_page(&parsed.query, now, tz, (parsed.page - 1) * PER_PAGE, PER_PAGE);
    let results = found
        .hits
        .iter()
        .filter_map(|h| built.index.listing(h.listing).map(|l| facts(ctx.locale, h, &l)))
        .map(|r| SearchResult {
            id: r.id,
            name: r.name,
            organization: r.organization,
            categories: r.categories,
            distance_mi: r.distance_mi,
            next_start: r.next_start,
            address: r.address,
            phone: r.phone,
            online_url: r.online_url,
            approximate: r.approximate,
        })
        .collect();
    let ask = FinderAsk {
        choice: parsed.query.window,
        words: &params.q,
        filter: params.gatherings_filter().filter(|_| parsed.page == 1),
        viewer: tz,
    };
    let gatherings =
        services::community::for_finder(&state, ask, label_words).await?.filter(|(_, _, met)| met.total > 0);
    let gatherings = gatherings.map(|(stretch, filter, met)| FinderGatheringsJson {
        total: met.total,
        when: stretch.span.code(),
        calendar: calendar_href(&stretch, &filter),
        occurrences: met.occurrences.into_iter().map(occurrence_json).collect(),
    });
    Ok(Json(SearchResults {
        total: found.total,
        total_at_least: found.at_least,
        page: parsed.page,
        per_page: PER_PAGE,
        results,
        gatherings,
    }))
}
