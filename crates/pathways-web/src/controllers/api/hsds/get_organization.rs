//! `GET /api/hsds/organizations/{id}`: one active organization with its active services.

use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use pathways_domain::ids::DirOrganizationId;
use pathways_store::export::{hsds, read};
use serde::Deserialize;
use serde_json::Value;
use utoipa::IntoParams;

use super::{Problem, any_origin, flag, refuse, vocabularies};
use crate::error::{WebError, WebResult};
use crate::extract::InPath;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct OrganizationParams {
    /// `true`: the services fully nested (each without the organization again) instead of their one-to-one fields.
    #[param(value_type = Option<bool>)]
    pub full_service: Option<String>,
}

/// An organization with what it nests and `services` (HSDS `organizations/{id}`).
#[utoipa::path(get, path = "/api/hsds/organizations/{id}", tag = "hsds",
    params(("id" = String, Path, description = "The organization's id"), OrganizationParams),
    responses(
        (status = 200, body = Object, description = "An HSDS 3.0 organization with its services"),
        (status = 404, description = "No active organization has this id"),
        (status = 422, description = "full_service is not true or false"),
    ))]
pub async fn get_organization(
    State(state): State<AppState>,
    id: Result<InPath<DirOrganizationId>, Response>,
    Query(p): Query<OrganizationParams>,
) -> WebResult<impl IntoResponse> {
    let mut problems: Vec<Problem> = Vec::new();
    let full = flag("full_service", p.full_service.as_deref(), &mut problems);
    refuse(problems)?;
    // A malformed id names nothing, after the parameters were checked.
    let id = id.map_err(|_| WebError::NotFound)?.0.as_uuid();
    let db = state.store.reader();
    let org = read::find_organization(db, id).await?.ok_or(WebError::NotFound)?;
    let services = read::services_of(db, id, full).await?;
    let v = vocabularies();
    let services: Vec<Value> = services
        .iter()
        .map(|l| match full {
            true => {
                let mut s = hsds::service(&l.service, &l.places(), &v);
                l.add_beds_and_residence_facts(&mut s, crate::services::housing::today(&state), &v);
                s
            }
            false => hsds::service_summary(&l.service, None, &v),
        })
        .collect();
    let mut body = hsds::organization(&org, &v);
    body["services"] = Value::Array(services);
    Ok((any_origin(), Json(body)))
}
