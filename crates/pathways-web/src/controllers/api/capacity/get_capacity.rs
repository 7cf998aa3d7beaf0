//! `GET /api/v1/capacity`: open beds by program, with freshness. Public, like the board: no personal data.

use axum::Json;
use axum::extract::{Query, State};
use serde::Serialize;
use utoipa::ToSchema;

use super::ProgramJson;
use crate::error::{WebError, WebResult};
use crate::extract::CapacityParams;
use crate::services;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct CapacityJson {
    pub programs: Vec<ProgramJson>,
}

#[utoipa::path(get, path = "/api/v1/capacity", tag = "capacity",
    params(
        ("level" = inline(Option<crate::schemas::LevelCode>), Query),
        ("near" = Option<String>, Query, description = "A ZIP code, a town, or `lat,lon`: nearest first; a place Pathways doesn't know is 422"),
        ("population" = Option<String>, Query, description = "men, women, adolescents…"),
        ("region" = Option<String>, Query, description = "A region as the programs name it"),
        ("available" = Option<bool>, Query, description = "Only programs with a bed to offer")
    ),
    responses((status = 200, body = CapacityJson), (status = 422, description = "A parameter could not be read")))]
pub async fn get_capacity(
    State(state): State<AppState>,
    Query(params): Query<CapacityParams>,
) -> WebResult<Json<CapacityJson>> {
    let filter = params.filter(&state.config.deployment.state).map_err(WebError::Invalid)?;
    let programs = services::capacity::board(&state, &filter).await?;
    Ok(Json(CapacityJson { programs: programs.into_iter().map(ProgramJson::from).collect() }))
}
