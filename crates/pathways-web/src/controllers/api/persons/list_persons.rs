//! `GET /api/v1/persons`.

use axum::Json;
use axum::extract::{Query, State};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_store::audit::AuditEntry;
use pathways_store::persons;
use serde::Deserialize;
use utoipa::IntoParams;

use super::{PersonJson, PersonList};
use crate::access::read_scope;
use crate::error::WebResult;
use crate::extract::ApiCaller;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct ListParams {
    /// Part of a preferred or legal name.
    pub q: Option<String>,
    /// From 1.
    pub page: Option<u64>,
    /// 1 to 100 (default 25).
    pub per_page: Option<u64>,
}

/// The persons the caller may see.
#[utoipa::path(get, path = "/api/v1/persons", params(ListParams), tag = "persons",
    responses((status = 200, body = PersonList), (status = 401, description = "no valid token"), (status = 403, description = "the role holds no person records")),
    security(("bearer" = [])))]
pub async fn list_persons(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Query(p): Query<ListParams>,
) -> WebResult<Json<PersonList>> {
    let page = p.page.unwrap_or(1).max(1);
    let per_page = p.per_page.unwrap_or(25).clamp(1, 100);
    let scope = read_scope(&state, &ctx, &caller, AuditAction::PersonList).await?;
    let tx = state.store.reader();
    let found = persons::list(tx, &scope, p.q.as_deref(), page, per_page).await?;
    let entry =
        AuditEntry::new(AuditAction::PersonList, AuditOutcome::Success).detail(format!("shown={}", found.items.len()));
    crate::access::audit_read(&state, &ctx, entry).await?;
    Ok(Json(PersonList {
        total: found.total,
        page,
        per_page,
        items: found.items.into_iter().map(PersonJson::from).collect(),
    }))
}
