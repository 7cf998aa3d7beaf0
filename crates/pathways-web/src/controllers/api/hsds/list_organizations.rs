//! `GET /api/hsds/organizations`: active organizations by page, in name order.

use axum::Json;
use axum::extract::{Query, State};
use axum::response::IntoResponse;
use pathways_store::export::{hsds, read};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{HsdsPage, Problem, any_origin, flag, paging, refuse, vocabularies};
use crate::error::WebResult;
use crate::state::AppState;

/// Everything is text, so a bad value is named in a 422 rather than refused unread.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct OrganizationListParams {
    /// Words the organization's name contains (any case).
    pub search: String,
    /// The page, from 1 (at most 1 000 000).
    #[param(value_type = Option<u64>, minimum = 1, maximum = 1_000_000)]
    pub page: Option<String>,
    /// 1 to 500 (default 50).
    #[param(value_type = Option<u64>, minimum = 1, maximum = 500)]
    pub per_page: Option<String>,
    /// `true`: each organization with what it nests (phones, contacts, …) instead of its one-to-one fields.
    #[param(value_type = Option<bool>)]
    pub full: Option<String>,
}

/// Organizations with their one-to-one fields (HSDS `organization_list`), or with what they nest.
#[utoipa::path(get, path = "/api/hsds/organizations", tag = "hsds", params(OrganizationListParams),
    responses(
        (status = 200, body = HsdsPage, description = "A page of HSDS 3.0 organizations"),
        (status = 422, description = "A parameter could not be read (`fields` names it)"),
    ))]
pub async fn list_organizations(
    State(state): State<AppState>,
    Query(p): Query<OrganizationListParams>,
) -> WebResult<impl IntoResponse> {
    let mut problems: Vec<Problem> = Vec::new();
    let paging = paging(p.page.as_deref(), p.per_page.as_deref(), &mut problems);
    let full = flag("full", p.full.as_deref(), &mut problems);
    refuse(problems)?;
    let search: String = p.search.trim().chars().take(200).collect();
    let search = Some(search.as_str()).filter(|s| !s.is_empty());
    let (total, rows) = read::organizations_page(state.store.reader(), search, paging).await?;
    let v = vocabularies();
    let contents =
        rows.iter().map(|o| if full { hsds::organization(o, &v) } else { hsds::organization_summary(o, &v) }).collect();
    Ok((any_origin(), Json(HsdsPage::new(total, paging, contents))))
}
