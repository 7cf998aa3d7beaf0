//! `POST /api/v1/consents/{id}/revoke`: staff revoke a consent on the person's written request.

use axum::Json;
use axum::extract::State;
use pathways_domain::ids::ConsentId;

use super::ConsentJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

/// Revokes a consent, in force for the very next request. A consent of a person outside the caller's reach, or
/// already revoked, answers 404.
#[utoipa::path(post, path = "/api/v1/consents/{id}/revoke", tag = "consents",
    params(("id" = String, Path, description = "The consent's id")),
    responses((status = 200, body = ConsentJson), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn revoke_consent(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<ConsentId>,
) -> WebResult<Json<ConsentJson>> {
    let done = services::consents::revoke_by_id(&state, &ctx, &caller, id).await?;
    Ok(Json(ConsentJson::of(done)?))
}
