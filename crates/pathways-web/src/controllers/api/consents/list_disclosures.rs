//! `GET /api/v1/persons/{id}/disclosures`.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use pathways_domain::PersonId;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery, Bounded, InPath, Offset};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Entries to skip (default 0).
    #[param(inline)]
    pub offset: Option<Offset>,
    /// Entries to return, 1 to 500 (default 100); outside that, 400.
    #[param(inline)]
    pub limit: Option<Bounded<1, 500>>,
}

impl PageParams {
    /// (offset, limit) with their defaults.
    pub fn slice(&self) -> (u64, u64) {
        (self.offset.map_or(0, Bounded::get), self.limit.map_or(100, Bounded::get))
    }
}

/// One entry of the accounting of disclosures.
#[derive(Debug, Serialize, ToSchema)]
pub struct DisclosureJson {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    /// `ally_view`, `referral` or `export`.
    pub channel: String,
    pub recipient_kind: String,
    pub recipient_name: String,
    pub categories: Vec<String>,
    pub purpose: String,
    pub summary: String,
    pub consent_id: Uuid,
}

/// A page of the accounting.
#[derive(Debug, Serialize, ToSchema)]
pub struct DisclosurePage {
    pub total: u64,
    pub items: Vec<DisclosureJson>,
}

/// The person's disclosures of the past three years, newest first.
#[utoipa::path(get, path = "/api/v1/persons/{id}/disclosures", tag = "consents",
    params(("id" = String, Path, description = "The person's id"), PageParams),
    responses((status = 200, body = DisclosurePage), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_disclosures(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    ApiQuery(q): ApiQuery<PageParams>,
) -> WebResult<Json<DisclosurePage>> {
    let (offset, limit) = q.slice();
    let page = services::disclosures::disclosures(&state, &ctx, &caller, id, offset, limit).await?;
    let (rows, total) = (page.rows, page.total);
    Ok(Json(DisclosurePage {
        total,
        items: rows
            .into_iter()
            .map(|d| DisclosureJson {
                id: d.id,
                at: d.at,
                channel: d.channel,
                recipient_kind: d.recipient_kind,
                recipient_name: d.recipient_name,
                categories: d.categories.split(',').filter(|c| !c.is_empty()).map(str::to_owned).collect(),
                purpose: d.purpose,
                summary: d.summary,
                consent_id: d.consent_id,
            })
            .collect(),
    }))
}
