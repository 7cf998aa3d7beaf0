//! `GET /api/hsds/services/{id}`: one active service, fully nested.

use axum::Json;
use axum::extract::State;
use axum::response::IntoResponse;
use pathways_domain::ids::ServiceId;
use pathways_store::export::{hsds, read};

use super::{any_origin, vocabularies};
use crate::error::{WebError, WebResult};
use crate::extract::InPath;
use crate::state::AppState;

/// A service with its phones, schedules, languages, attributes (with full taxonomy terms), places (each with its
/// location) and organization: HSDS `service` as `services/{id}` serves it.
#[utoipa::path(get, path = "/api/hsds/services/{id}", tag = "hsds",
    params(("id" = String, Path, description = "The service's id")),
    responses(
        (status = 200, body = Object, description = "An HSDS 3.0 service, fully nested"),
        (status = 404, description = "No active service has this id"),
    ))]
pub async fn get_service(State(state): State<AppState>, InPath(id): InPath<ServiceId>) -> WebResult<impl IntoResponse> {
    let l = read::find_service(state.store.reader(), id.as_uuid()).await?.ok_or(WebError::NotFound)?;
    let v = vocabularies();
    let mut body = hsds::full_service(&l.service, l.organization.as_ref(), &l.places(), &v);
    l.add_beds_and_residence_facts(&mut body, crate::services::housing::today(&state), &v);
    Ok((any_origin(), Json(body)))
}
