//! `GET /api/v1/persons/{id}/consents`.

use axum::Json;
use axum::extract::State;
use pathways_domain::PersonId;

use super::ConsentJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

/// The person's consents, newest first, with whether each is in force today.
#[utoipa::path(get, path = "/api/v1/persons/{id}/consents", tag = "consents",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = [ConsentJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_consents(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
) -> WebResult<Json<Vec<ConsentJson>>> {
    let list = services::consents::list(&state, &ctx, &caller, id).await?;
    Ok(Json(list.into_iter().map(ConsentJson::of).collect::<WebResult<Vec<_>>>()?))
}
