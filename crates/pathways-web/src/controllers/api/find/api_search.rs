//! `GET /api/v1/search`: the finder's search as JSON (`total` and a page of `results`).

use axum::Json;
use axum::extract::{Query as QueryString, State};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::find_query::{FindParams, PER_PAGE, parse};
use crate::state::AppState;
use crate::views::find::describe;

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
}

#[utoipa::path(get, path = "/api/v1/search", tag = "directory",
    params(
        ("q" = Option<String>, Query, description = "Words"),
        ("near" = Option<String>, Query, description = "A ZIP code, a town, or `lat,lon`"),
        ("radius_mi" = Option<f64>, Query, description = "Miles around `near` (default 10, at most 250)"),
        ("category" = Option<String>, Query, description = "A recovery taxonomy code"),
        ("pathway" = Option<String>, Query), ("language" = Option<String>, Query),
        ("population" = Option<String>, Query), ("cost" = Option<String>, Query),
        ("day" = Option<u8>, Query, description = "0 = Sunday … 6 = Saturday"),
        ("starts_within_min" = Option<u32>, Query),
        ("online" = Option<bool>, Query), ("page" = Option<usize>, Query)
    ),
    responses((status = 200, body = SearchResults), (status = 422, description = "A parameter could not be read")))]
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
    let t = ctx.t();
    let results = found
        .hits
        .iter()
        .filter_map(|h| {
            built
                .index
                .listing(h.listing)
                .map(|l| describe(t, ctx.locale, h, &l, now, state.config.deployment.time_zone))
        })
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
    Ok(Json(SearchResults {
        total: found.total,
        total_at_least: found.at_least,
        page: parsed.page,
        per_page: PER_PAGE,
        results,
    }))
}
