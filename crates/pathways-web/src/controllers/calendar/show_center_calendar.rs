//! `GET /calendar/{center}`: one recovery community center's groups and events, this week or tonight. Another
//! kind of organization, or an unknown slug, is not found.

use axum::extract::{Query, State};
use axum::response::Html;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{CalendarParams, CenterSlug, InPath};
use crate::services;
use crate::state::AppState;

pub async fn show_center_calendar(
    State(state): State<AppState>,
    ctx: Ctx,
    InPath(CenterSlug(slug)): InPath<CenterSlug>,
    Query(params): Query<CalendarParams>,
) -> WebResult<Html<String>> {
    let center = services::community::center(&state, &slug).await?;
    super::page::page(&state, &ctx, Some(center), &params).await
}
