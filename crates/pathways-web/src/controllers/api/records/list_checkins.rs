//! `GET /api/v1/persons/{id}/checkins`.

use axum::Json;
use axum::extract::State;
use pathways_domain::PersonId;
use serde::Deserialize;
use utoipa::IntoParams;

use super::CheckinJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery, Bounded, InPath};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct Limit {
    /// Check-ins to return, 1 to 1000 (default 100); outside that, 400.
    #[param(inline)]
    pub limit: Option<Bounded<1, 1000>>,
}

/// The most recent check-ins, newest first.
#[utoipa::path(get, path = "/api/v1/persons/{id}/checkins", tag = "recovery",
    params(("id" = String, Path, description = "The person's id"), Limit),
    responses((status = 200, body = [CheckinJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_checkins(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    ApiQuery(q): ApiQuery<Limit>,
) -> WebResult<Json<Vec<CheckinJson>>> {
    let limit = q.limit.map_or(100, Bounded::get);
    let list = services::checkins::list(&state, &ctx, &caller, id, limit).await?.checkins;
    Ok(Json(list.into_iter().map(CheckinJson::from).collect()))
}
