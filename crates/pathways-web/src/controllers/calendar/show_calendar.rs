//! `GET /calendar`: every recovery community center's groups and events, this week or tonight.

use axum::extract::{Query, State};
use axum::response::Html;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::CalendarParams;
use crate::state::AppState;

pub async fn show_calendar(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<CalendarParams>,
) -> WebResult<Html<String>> {
    super::page::page(&state, &ctx, None, &params).await
}
