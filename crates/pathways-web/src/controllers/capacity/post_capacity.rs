//! `POST /api/v1/programs/{id}/capacity`: a provider's update of its program's counts.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use pathways_domain::OrgId;
use pathways_domain::access::may_update_capacity;
use pathways_domain::access_line::BedCount;
use pathways_store::capacity::{program_view, update_counts};
use serde::Deserialize;

use super::{ProgramJson, parse_uuid};
use crate::controllers::api::persons::parse_body;
use crate::error::{WebError, WebResult};
use crate::extract::ApiCaller;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapacityUpdate {
    pub open_beds: i64,
    pub waitlist: i64,
    /// Unchanged when left out.
    pub licensed_beds: Option<i64>,
}

#[utoipa::path(post, path = "/api/v1/programs/{id}/capacity", tag = "capacity",
    params(("id" = String, Path, description = "The program's id")),
    request_body(content = Object, description = r#"{"open_beds": N, "waitlist": N, "licensed_beds": N (optional)}"#),
    responses((status = 200, body = ProgramJson), (status = 400), (status = 401), (status = 404, description = "No such program of the caller's organization"), (status = 422)),
    security(("bearer" = [])))]
pub async fn post_capacity(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
    body: Bytes,
) -> WebResult<Json<ProgramJson>> {
    let id = parse_uuid(&id)?;
    let update: CapacityUpdate = parse_body(&body)?;
    let now = pathways_store::now();
    let stale_after = state.config.capacity_stale_after();
    // Another organization's program, or a role that can't update, is not found: the answer reveals nothing.
    let current = program_view(state.store.reader(), id, now, stale_after).await?.ok_or(WebError::NotFound)?;
    if !may_update_capacity(&caller.principal, current.organization) {
        return Err(WebError::NotFound);
    }
    let licensed = update.licensed_beds.unwrap_or(i64::from(current.counts.licensed));
    let counts = BedCount::new(licensed, update.open_beds, update.waitlist).map_err(WebError::Invalid)?;
    let tx = state.store.begin().await?;
    let org: OrgId = caller.org;
    let saved = update_counts(&tx, &ctx.actor(), Some(org), id, counts, now).await?.ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(Json(ProgramJson::from(pathways_store::capacity::ProgramView {
        freshness: pathways_domain::access_line::Freshness::of(saved.updated_at, now, stale_after),
        ..saved
    })))
}
