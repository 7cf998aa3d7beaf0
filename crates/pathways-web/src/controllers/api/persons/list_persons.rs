//! `GET /api/v1/persons`.

use axum::Json;
use axum::extract::{Query, State};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{PersonJson, PersonList};
use crate::error::WebResult;
use crate::extract::ApiCaller;
use crate::services::persons;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ListParams {
    /// Part of a preferred or legal name.
    pub q: Option<String>,
    /// From 1.
    pub page: Option<u64>,
    /// 1 to 100 (default 25).
    pub per_page: Option<u64>,
}

/// The persons the caller may see.
#[utoipa::path(get, path = "/api/v1/persons", params(ListParams), tag = "persons",
    responses((status = 200, body = PersonList), (status = 401, description = "no valid token"), (status = 403, description = "the role holds no person records")),
    security(("bearer" = [])))]
pub async fn list_persons(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Query(p): Query<ListParams>,
) -> WebResult<Json<PersonList>> {
    let page = p.page.unwrap_or(1).max(1);
    let per_page = p.per_page.unwrap_or(25).clamp(1, 100);
    let found = persons::list(&state, &ctx, &caller, p.q.as_deref(), page, per_page).await?;
    Ok(Json(PersonList {
        total: found.total,
        page,
        per_page,
        items: found.items.into_iter().map(PersonJson::from).collect(),
    }))
}
