//! `POST /api/v1/persons`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use pathways_domain::PersonId;
use pathways_domain::access::{PersonReach, person_reach};
use pathways_domain::audit::AuditAction;
use pathways_domain::person::{PersonDetails, RawPerson};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::persons;

use super::{PersonCreate, PersonJson, parse_body};
use crate::access::{ScopeTx, open_scope};
use crate::controllers::persons::form::chosen_coach;
use crate::error::{WebError, WebResult};
use crate::extract::ApiCaller;
use crate::state::AppState;

/// Adds a person. 422 names every invalid field.
#[utoipa::path(post, path = "/api/v1/persons", tag = "persons", request_body = PersonCreate,
    responses((status = 201, body = PersonJson), (status = 400), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_person(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    body: Bytes,
) -> WebResult<(StatusCode, Json<PersonJson>)> {
    let body: PersonCreate = parse_body(&body)?;
    let ScopeTx { tx, .. } = open_scope(&state, &ctx, &caller, AuditAction::PersonCreate).await?;
    if matches!(person_reach(&caller.principal), PersonReach::OwnRecord(_)) {
        return Err(WebError::Forbidden);
    }
    let raw = RawPerson {
        preferred_name: body.preferred_name.unwrap_or_default(),
        legal_name: body.legal_name.unwrap_or_default(),
        pronouns: body.pronouns.unwrap_or_default(),
        date_of_birth: body.date_of_birth.unwrap_or_default(),
        preferred_language: body.preferred_language.unwrap_or_default(),
        phone: body.phone.unwrap_or_default(),
        email: body.email.unwrap_or_default(),
    };
    let details = PersonDetails::parse(&raw, crate::clock::today());
    let coach = chosen_coach(&tx, &caller, body.assigned_coach_id.as_deref().unwrap_or_default()).await?;
    let (details, coach) = match (details, coach) {
        (Ok(d), Ok(c)) => (d, c),
        (d, c) => {
            let mut errors = d.err().unwrap_or_default();
            errors.extend(c.err());
            return Err(WebError::Invalid(errors));
        }
    };
    let coach = match (coach, person_reach(&caller.principal)) {
        (Some(chosen), _) => chosen,
        (None, PersonReach::Assigned) => Some(caller.account),
        (None, _) => None,
    };
    let created = persons::insert(&tx, caller.org, &details, coach).await?;
    audit::append(&tx, &ctx.actor(), AuditEntry::person(AuditAction::PersonCreate, PersonId::from_uuid(created.id)))
        .await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(created.into())))
}
