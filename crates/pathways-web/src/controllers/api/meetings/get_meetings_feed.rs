//! `GET /api/v1/meetings.json`: every active meeting as a Meeting Guide feed record (see
//! `pathways_store::export::meeting_guide` for how each is made).
//!
//! Feeds are polled by other finders, and a national directory has tens of thousands of meetings, so the feed is
//! made once per directory version and kept: a request checks the version (one small query) and answers from
//! the kept body, or `304 Not Modified` when the client already has that version (`ETag`).

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pathways_store::directory;
use pathways_store::export::meeting_guide::feed;
use pathways_store::export::read::{Loaded, ServiceFilter, services_after};
use serde_json::Value;

use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// Meetings read per query.
const CHUNK: u64 = 500;

/// The feed: a JSON array of meetings (<https://github.com/code4recovery/spec>).
#[utoipa::path(get, path = "/api/v1/meetings.json", tag = "directory",
    responses((status = 200, body = Vec<Object>,
        description = "A Meeting Guide feed: a record per meeting and weekly time; slugs are our ids"),
        (status = 304, description = "Not modified since the version named in If-None-Match")))]
pub async fn get_meetings_feed(State(state): State<AppState>, request: HeaderMap) -> WebResult<Response> {
    let version = directory::version(state.store.reader()).await?;
    let etag = format!("\"meetings-{version}\"");
    let etag_value = HeaderValue::from_str(&etag).map_err(|e| WebError::Internal(e.to_string()))?;
    let headers = [
        // Other finders fetch it from their own pages, and poll it.
        (header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*")),
        (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300")),
        (header::ETAG, etag_value),
    ];
    let fresh = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if fresh {
        return Ok((StatusCode::NOT_MODIFIED, headers).into_response());
    }
    let body = {
        // One request makes the feed for a new version; the others wait for it rather than make it too.
        let mut kept = state.meetings_feed.lock().await;
        match kept.as_ref() {
            Some((v, body)) if *v == version => body.clone(),
            _ => {
                let body = make(&state).await?;
                *kept = Some((version, body.clone()));
                body
            }
        }
    };
    let json = [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))];
    Ok((headers, json, Body::from(body)).into_response())
}

/// Reads every active meeting, a chunk at a time, and writes the feed.
async fn make(state: &AppState) -> WebResult<Bytes> {
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
    let body = serde_json::to_vec(&records).map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(Bytes::from(body))
}
