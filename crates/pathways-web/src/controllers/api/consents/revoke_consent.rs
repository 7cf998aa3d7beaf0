//! `POST /api/v1/consents/{id}/revoke`: staff revoke a consent on the person's written request.

use axum::Json;
use axum::extract::{Path, State};
use pathways_domain::PersonId;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_store::audit::AuditEntry;
use pathways_store::consents;
use uuid::Uuid;

use super::ConsentJson;
use crate::access::{audit_alone, read_scope};
use crate::error::{WebError, WebResult};
use crate::extract::ApiCaller;
use crate::state::AppState;

/// Revokes a consent, in force for the very next request. A consent of a person outside the caller's reach, or
/// already revoked, answers 404.
#[utoipa::path(post, path = "/api/v1/consents/{id}/revoke", tag = "consents",
    params(("id" = String, Path, description = "The consent's id")),
    responses((status = 200, body = ConsentJson), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn revoke_consent(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
) -> WebResult<Json<ConsentJson>> {
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    let scope = read_scope(&state, &ctx, &caller, AuditAction::ConsentRevoke).await?;
    let Some(found) = consents::find(state.store.reader(), &scope, id).await? else {
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
            .on("consent", id)
            .detail(AuditAction::ConsentRevoke.as_str());
        audit_alone(&state, &ctx, entry).await?;
        return Err(WebError::NotFound);
    };
    let person = PersonId::from_uuid(found.person_id);
    let done = crate::controllers::consents::revoke_consent::revoke(&state, &ctx, &caller, person, id, false).await?;
    Ok(Json(ConsentJson::of(done)?))
}
