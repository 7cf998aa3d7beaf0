//! `GET /api/v1/financing/credentials`.

use axum::Json;
use axum::extract::State;

use super::staff_json::{CredentialJson, StaffCredentialsJson};
use crate::error::WebResult;
use crate::extract::ApiCaller;
use crate::services;
use crate::state::AppState;

/// Every staff member of the organization in service, with their credentials (each with where it stands today)
/// and their latest supervision contact (supervisors and administrators; the read is audited).
#[utoipa::path(get, path = "/api/v1/financing/credentials", tag = "financing",
    responses((status = 200, body = Vec<StaffCredentialsJson>), (status = 401), (status = 403)),
    security(("bearer" = [])))]
pub async fn list_credentials(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
) -> WebResult<Json<Vec<StaffCredentialsJson>>> {
    let today = crate::clock::today();
    let staff = services::financing::staff_credentials(&state, &ctx, &caller).await?;
    Ok(Json(
        staff
            .iter()
            .map(|m| StaffCredentialsJson {
                staff_member: m.account.as_uuid(),
                name: m.name.clone(),
                credentials: m.credentials.iter().map(|c| CredentialJson::of(c, today)).collect(),
                last_supervision: m.last_supervision,
            })
            .collect(),
    ))
}
