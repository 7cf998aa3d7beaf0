//! `POST /api/v1/financing/credentials`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use super::staff_json::{AddedCredentialJson, CredentialBody, CredentialJson};
use crate::error::WebResult;
use crate::extract::{ApiCaller, JsonBody};
use crate::services;
use crate::state::AppState;

/// Adds a credential for a staff member of the caller's organization (supervisors and administrators; another
/// organization's account, or one not in service, is 422 on `staff_member`).
#[utoipa::path(post, path = "/api/v1/financing/credentials", tag = "financing", request_body = CredentialBody,
    responses((status = 201, body = AddedCredentialJson), (status = 400), (status = 401), (status = 403),
        (status = 422)),
    security(("bearer" = [])))]
pub async fn add_credential(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    JsonBody(body): JsonBody<CredentialBody>,
) -> WebResult<(StatusCode, Json<AddedCredentialJson>)> {
    let (id, account, c) =
        services::financing::add_credential(&state, &ctx, &caller, &body.staff_member, &body.raw()).await?;
    let credential = CredentialJson::of(&c, crate::clock::today());
    Ok((StatusCode::CREATED, Json(AddedCredentialJson { id, staff_member: account.as_uuid(), credential })))
}
