//! `PATCH /api/v1/persons/{id}`.

use axum::Json;
use axum::extract::State;
use pathways_domain::PersonId;
use pathways_domain::person::RawPerson;

use super::{PersonJson, PersonPatch};
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services::persons::{self, CoachChoice};
use crate::state::AppState;

/// Changes some of a person's fields; the result is validated as a whole.
#[utoipa::path(patch, path = "/api/v1/persons/{id}", tag = "persons", request_body = PersonPatch,
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = PersonJson), (status = 400), (status = 401), (status = 403), (status = 404), (status = 422)),
    security(("bearer" = [])))]
pub async fn update_person(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    JsonBody(patch): JsonBody<PersonPatch>,
) -> WebResult<Json<PersonJson>> {
    let coach = match &patch.assigned_coach_id {
        None => CoachChoice::Keep,
        Some(chosen) => CoachChoice::Asked(chosen.as_deref().unwrap_or_default()),
    };
    let apply = |mut raw: RawPerson| {
        let set = |target: &mut String, v: &Option<Option<String>>| {
            if let Some(v) = v {
                *target = v.clone().unwrap_or_default();
            }
        };
        set(&mut raw.preferred_name, &patch.preferred_name);
        set(&mut raw.legal_name, &patch.legal_name);
        set(&mut raw.pronouns, &patch.pronouns);
        set(&mut raw.date_of_birth, &patch.date_of_birth);
        set(&mut raw.preferred_language, &patch.preferred_language);
        set(&mut raw.phone, &patch.phone);
        set(&mut raw.email, &patch.email);
        raw
    };
    match persons::update(&state, &ctx, &caller, id, apply, coach).await? {
        Ok(updated) => Ok(Json(updated.into())),
        Err(refused) => Err(WebError::Invalid(refused.errors)),
    }
}
