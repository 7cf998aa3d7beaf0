//! `GET /api/v1/meetings.json`: every active meeting as a Meeting Guide feed record (see
//! `pathways_store::export::meeting_guide` for how each is made).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use pathways_store::export::meeting_guide::feed;
use pathways_store::export::read::{Loaded, ServiceFilter, services_after};
use serde_json::Value;

use crate::error::WebResult;
use crate::state::AppState;

/// Meetings read per query.
const CHUNK: u64 = 500;

/// The feed: a JSON array of meetings (<https://github.com/code4recovery/spec>).
#[utoipa::path(get, path = "/api/v1/meetings.json", tag = "directory",
    responses((status = 200, body = Vec<Object>,
        description = "A Meeting Guide feed: a record per meeting and weekly time; slugs are our ids")))]
pub async fn get_meetings_feed(State(state): State<AppState>) -> WebResult<impl IntoResponse> {
    let filter = ServiceFilter { meetings_only: true, ..ServiceFilter::default() };
    let db = state.store.reader();
    let mut meetings: Vec<Loaded> = Vec::new();
    loop {
        let after = meetings.last().map(|m| m.service.id);
        let chunk = services_after(db, &filter, after, CHUNK).await?;
        let done = (chunk.len() as u64) < CHUNK;
        meetings.extend(chunk);
        if done {
            break;
        }
    }
    let public_url = state.config.public_url.clone();
    let listing_url = |id: uuid::Uuid| public_url.as_deref().map(|u| format!("{}/find/{id}", u.trim_end_matches('/')));
    let records: Vec<Value> = feed(&meetings, &listing_url);
    let headers = [
        // Other finders fetch it from their own pages, and poll it.
        (header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*")),
        (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300")),
    ];
    Ok((headers, Json(records)))
}
