//! `GET /calendar.ics`: the whole network's groups and events as an iCalendar feed (RFC 5545): each group once,
//! as a weekly series with its rule, each event once.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::services;
use crate::state::AppState;

/// The feed's media type (RFC 5545 §8.1).
pub const CALENDAR: &str = "text/calendar; charset=utf-8";

pub async fn get_feed(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let name = ctx.t().get("calendar-title");
    let body = services::community::network_feed(&state, &name).await?;
    Ok(([(header::CONTENT_TYPE, CALENDAR)], body).into_response())
}
