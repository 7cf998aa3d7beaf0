//! `GET /api/v1/persons/{id}/access-log`.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use pathways_domain::PersonId;
use serde::Serialize;
use utoipa::ToSchema;

use super::list_disclosures::PageParams;
use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery, InPath};
use crate::services;
use crate::state::AppState;
use crate::views::words::{what_key, who};

/// One access to the person's record.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccessJson {
    pub at: DateTime<Utc>,
    /// The audit action (`plan_read`, `checkin_create`, …).
    pub action: String,
    /// `success`, `denied` or `failed`.
    pub outcome: String,
    pub actor_name: Option<String>,
    /// A staff role, `person` or `ally`.
    pub actor_role: Option<String>,
    pub organization: Option<String>,
    /// The same, in plain words in the caller's language.
    pub plain: String,
}

/// A page of the access log.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccessPage {
    pub total: u64,
    pub items: Vec<AccessJson>,
}

/// Every read and change of the person's record in the audit trail over the past three years, newest first.
#[utoipa::path(get, path = "/api/v1/persons/{id}/access-log", tag = "consents",
    params(("id" = String, Path, description = "The person's id"), PageParams),
    responses((status = 200, body = AccessPage), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn access_log(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    ApiQuery(q): ApiQuery<PageParams>,
) -> WebResult<Json<AccessPage>> {
    let (offset, limit) = q.slice();
    let page = services::disclosures::access_log(&state, &ctx, &caller, id, offset, limit).await?;
    let (rows, total) = (page.rows, page.total);
    let t = ctx.t();
    Ok(Json(AccessPage {
        total,
        items: rows
            .into_iter()
            .map(|l| AccessJson {
                plain: format!("{}: {}", who(&t, &l), t.get(&what_key(&l.action))),
                at: l.occurred_at,
                action: l.action,
                outcome: l.outcome,
                actor_name: l.actor_name,
                actor_role: l.actor_role,
                organization: l.org_name,
            })
            .collect(),
    }))
}
