//! `POST /api/v1/persons`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pathways_domain::person::RawPerson;

use super::{PersonCreate, PersonJson};
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, JsonBody};
use crate::services::persons::{self, CoachChoice};
use crate::state::AppState;

/// Adds a person. 422 names every invalid field.
#[utoipa::path(post, path = "/api/v1/persons", tag = "persons", request_body = PersonCreate,
    responses((status = 201, body = PersonJson), (status = 400), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_person(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    JsonBody(body): JsonBody<PersonCreate>,
) -> WebResult<(StatusCode, Json<PersonJson>)> {
    let raw = RawPerson {
        preferred_name: body.preferred_name.unwrap_or_default(),
        legal_name: body.legal_name.unwrap_or_default(),
        pronouns: body.pronouns.unwrap_or_default(),
        date_of_birth: body.date_of_birth.unwrap_or_default(),
        preferred_language: body.preferred_language.unwrap_or_default(),
        phone: body.phone.unwrap_or_default(),
        email: body.email.unwrap_or_default(),
    };
    let coach = CoachChoice::Offered(body.assigned_coach_id.as_deref().unwrap_or_default());
    let created = persons::create(&state, &ctx, &caller, &raw, coach).await?.map_err(WebError::Invalid)?;
    Ok((StatusCode::CREATED, Json(created.into())))
}
