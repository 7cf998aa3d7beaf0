//! `GET /api/v1/persons/{id}/encounters`.

use axum::Json;
use axum::extract::{Path, State};
use pathways_domain::audit::AuditAction;
use pathways_domain::encounter::may_read_notes;
use pathways_domain::{AccountId, PrincipalKind};
use pathways_store::records;

use super::EncounterJson;
use crate::access::{PersonRead, read_person};
use crate::controllers::persons::parse_id;
use crate::error::{WebError, WebResult};
use crate::extract::ApiCaller;
use crate::state::AppState;

/// Encounters, newest first; notes only for the author, the assigned coach and supervisors.
#[utoipa::path(get, path = "/api/v1/persons/{id}/encounters", tag = "recovery",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = [EncounterJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_encounters(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
) -> WebResult<Json<Vec<EncounterJson>>> {
    let id = parse_id(&id)?;
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::Forbidden);
    }
    let PersonRead { scope, record } = read_person(&state, &ctx, &caller, id, AuditAction::EncounterRead).await?;
    let tx = state.store.reader();
    let list = records::encounters(tx, &scope, id, 500).await?;
    let coach = record.assigned_coach_id.map(AccountId::from_uuid);
    Ok(Json(
        list.into_iter()
            .map(|e| {
                let visible = may_read_notes(&caller.principal, AccountId::from_uuid(e.author_account_id), coach);
                EncounterJson::of(e, visible)
            })
            .collect(),
    ))
}
