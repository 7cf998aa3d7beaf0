//! `GET /api/v1/persons`.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;

use super::{PersonJson, PersonList};
use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery, Bounded};
use crate::services::persons;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ListParams {
    /// Part of a preferred or legal name.
    pub q: Option<String>,
    /// The page, from 1 (default 1); a page past the last is empty.
    #[param(inline)]
    pub page: Option<Bounded<1, 1_000_000>>,
    /// Persons per page, 1 to 100 (default 25); outside that, 400.
    #[param(inline)]
    pub per_page: Option<Bounded<1, 100>>,
}

/// The persons the caller may see.
#[utoipa::path(get, path = "/api/v1/persons", params(ListParams), tag = "persons",
    responses((status = 200, body = PersonList), (status = 401, description = "no valid token"), (status = 403, description = "the role holds no person records")),
    security(("bearer" = [])))]
pub async fn list_persons(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    ApiQuery(p): ApiQuery<ListParams>,
) -> WebResult<Json<PersonList>> {
    let page = p.page.map_or(1, Bounded::get);
    let per_page = p.per_page.map_or(25, Bounded::get);
    let found = persons::list(&state, &ctx, &caller, p.q.as_deref(), page, per_page).await?;
    Ok(Json(PersonList {
        total: found.total,
        page,
        per_page,
        items: found.items.into_iter().map(PersonJson::from).collect(),
    }))
}
