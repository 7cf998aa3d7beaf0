//! `GET /calendar/{center}/events.ics`: one center's groups and events as an iCalendar feed (RFC 5545).

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::error::WebResult;
use crate::extract::{CenterSlug, InPath};
use crate::services;
use crate::state::AppState;

pub async fn get_center_feed(
    State(state): State<AppState>,
    InPath(CenterSlug(slug)): InPath<CenterSlug>,
) -> WebResult<Response> {
    let center = services::community::center(&state, &slug).await?;
    let body = services::community::feed(&state, &center, &center.name).await?;
    Ok(([(header::CONTENT_TYPE, super::get_feed::CALENDAR)], body).into_response())
}
