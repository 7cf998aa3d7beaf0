//! `GET /api/v1/persons/{id}/consents`.

use axum::Json;
use axum::extract::{Path, State};
use pathways_domain::audit::AuditAction;
use pathways_store::consents;

use super::ConsentJson;
use crate::access::{PersonRead, read_person};
use crate::controllers::persons::parse_id;
use crate::error::WebResult;
use crate::extract::ApiCaller;
use crate::state::AppState;

/// The person's consents, newest first, with whether each is in force today.
#[utoipa::path(get, path = "/api/v1/persons/{id}/consents", tag = "consents",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = [ConsentJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_consents(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
) -> WebResult<Json<Vec<ConsentJson>>> {
    let id = parse_id(&id)?;
    let PersonRead { scope, .. } = read_person(&state, &ctx, &caller, id, AuditAction::ConsentRead).await?;
    let list = consents::list(state.store.reader(), &scope, id).await?;
    Ok(Json(list.into_iter().map(ConsentJson::of).collect::<WebResult<Vec<_>>>()?))
}
