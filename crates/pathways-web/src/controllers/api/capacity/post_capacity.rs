//! `POST /api/v1/programs/{id}/capacity`: a provider's update of its program's counts.

use axum::Json;
use axum::extract::State;
use pathways_domain::ids::ProgramId;
use serde::Deserialize;
use utoipa::ToSchema;

use super::ProgramJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::services::capacity::CountsUpdate;
use crate::state::AppState;

/// A program's bed counts now.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CapacityUpdate {
    /// Beds open now, 0 to 2000, and at most the licensed beds (more is 422 `more-than-licensed`).
    #[schema(minimum = 0, maximum = 2000)]
    pub open_beds: i64,
    /// People waiting for a bed, 0 to 2000.
    #[schema(minimum = 0, maximum = 2000)]
    pub waitlist: i64,
    /// Licensed beds, 0 to 2000; unchanged when left out or `null`.
    #[schema(minimum = 0, maximum = 2000)]
    pub licensed_beds: Option<i64>,
}

#[utoipa::path(post, path = "/api/v1/programs/{id}/capacity", tag = "capacity",
    params(("id" = String, Path, description = "The program's id")),
    request_body = CapacityUpdate,
    responses((status = 200, body = ProgramJson), (status = 400), (status = 401), (status = 404, description = "No such program of the caller's organization"), (status = 422)),
    security(("bearer" = [])))]
pub async fn post_capacity(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(program): InPath<ProgramId>,
    JsonBody(update): JsonBody<CapacityUpdate>,
) -> WebResult<Json<ProgramJson>> {
    let update =
        CountsUpdate::Set { licensed: update.licensed_beds, open: update.open_beds, waitlist: update.waitlist };
    let saved = services::capacity::update_counts(&state, &ctx, &caller, program, update).await?;
    Ok(Json(ProgramJson::from(saved)))
}
