//! `PATCH /api/v1/persons/{id}`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use pathways_domain::audit::AuditAction;
use pathways_domain::person::PersonDetails;
use pathways_domain::text::FieldError;
use pathways_store::persons;

use super::{PersonJson, PersonPatch, parse_body};
use crate::access::{PersonTx, open_person};
use crate::controllers::persons::form::chosen_coach;
use crate::controllers::persons::parse_id;
use crate::error::{WebError, WebResult};
use crate::extract::ApiCaller;
use crate::state::AppState;

/// Changes some of a person's fields; the result is validated as a whole.
#[utoipa::path(patch, path = "/api/v1/persons/{id}", tag = "persons", request_body = PersonPatch,
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = PersonJson), (status = 400), (status = 401), (status = 403), (status = 404), (status = 422)),
    security(("bearer" = [])))]
pub async fn update_person(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
    body: Bytes,
) -> WebResult<Json<PersonJson>> {
    let id = parse_id(&id)?;
    let patch: PersonPatch = parse_body(&body)?;
    let PersonTx { tx, scope, record } = open_person(&state, &ctx, &caller, id, AuditAction::PersonUpdate).await?;
    let mut raw = persons::details_of(&record).to_raw();
    let set = |target: &mut String, v: Option<Option<String>>| {
        if let Some(v) = v {
            *target = v.unwrap_or_default();
        }
    };
    set(&mut raw.preferred_name, patch.preferred_name);
    set(&mut raw.legal_name, patch.legal_name);
    set(&mut raw.pronouns, patch.pronouns);
    set(&mut raw.date_of_birth, patch.date_of_birth);
    set(&mut raw.preferred_language, patch.preferred_language);
    set(&mut raw.phone, patch.phone);
    set(&mut raw.email, patch.email);
    let details = PersonDetails::parse(&raw, crate::clock::today());
    let coach = match patch.assigned_coach_id {
        None => Ok(None),
        Some(chosen) => {
            if !pathways_domain::access::may_assign_coach(&caller.principal) {
                Err(FieldError::new("assigned_coach", "invalid-coach"))
            } else {
                chosen_coach(&tx, &caller, chosen.as_deref().unwrap_or_default()).await?
            }
        }
    };
    let (details, coach) = match (details, coach) {
        (Ok(d), Ok(c)) => (d, c),
        (d, c) => {
            let mut errors = d.err().unwrap_or_default();
            errors.extend(c.err());
            return Err(WebError::Invalid(errors));
        }
    };
    let updated = persons::update(&tx, &scope, id, &details, coach).await?.ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(Json(updated.into()))
}
