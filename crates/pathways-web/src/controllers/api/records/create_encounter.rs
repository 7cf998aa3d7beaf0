//! `POST /api/v1/persons/{id}/encounters`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pathways_domain::encounter::{Encounter, RawEncounter};
use pathways_domain::{PersonId, PrincipalKind};
use serde::Deserialize;
use utoipa::ToSchema;

use super::EncounterJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct EncounterCreate {
    #[schema(schema_with = crate::schemas::encounter::date, required = true)]
    pub date: String,
    #[serde(rename = "type")]
    #[schema(schema_with = crate::schemas::encounter::kind, required = true)]
    pub kind: String,
    #[schema(schema_with = crate::schemas::encounter::minutes, required = true)]
    pub minutes: Option<i64>,
    #[schema(schema_with = crate::schemas::encounter::topics)]
    pub topics: Vec<String>,
    #[schema(schema_with = crate::schemas::encounter::notes)]
    pub notes: String,
}

/// Records an encounter (staff only).
#[utoipa::path(post, path = "/api/v1/persons/{id}/encounters", tag = "recovery", request_body = EncounterCreate,
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 201, body = EncounterJson), (status = 400), (status = 401), (status = 403), (status = 404), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_encounter(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    JsonBody(body): JsonBody<EncounterCreate>,
) -> WebResult<(StatusCode, Json<EncounterJson>)> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::Forbidden);
    }
    let raw = RawEncounter {
        date: body.date,
        kind: body.kind,
        minutes: body.minutes,
        topics: body.topics.join(","),
        notes: body.notes,
    };
    let encounter = Encounter::parse(&raw, crate::clock::today()).map_err(WebError::Invalid)?;
    let saved = services::encounters::record(&state, &ctx, &caller, id, &encounter).await?;
    Ok((StatusCode::CREATED, Json(EncounterJson::of(saved, true))))
}
