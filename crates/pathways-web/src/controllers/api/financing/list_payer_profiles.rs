//! `GET /api/v1/financing/profiles`.

use axum::Json;
use axum::extract::State;

use super::setup_json::ProfileJson;
use crate::error::WebResult;
use crate::extract::ApiCaller;
use crate::services;
use crate::state::AppState;

/// The organization's payer profiles, by name (administrators).
#[utoipa::path(get, path = "/api/v1/financing/profiles", tag = "financing",
    responses((status = 200, body = [ProfileJson]), (status = 401), (status = 403)),
    security(("bearer" = [])))]
pub async fn list_payer_profiles(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
) -> WebResult<Json<Vec<ProfileJson>>> {
    let setup = services::funding::overview(&state, &ctx, &caller).await?;
    Ok(Json(setup.profiles.iter().map(ProfileJson::from).collect()))
}
