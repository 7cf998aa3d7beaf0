//! `GET /api/v1/referrals`: the organization's referrals, received or sent.

use axum::Json;
use axum::extract::State;
use pathways_store::referrals::Box;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::ReferralJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct BoxQuery {
    /// `received` (default) or `sent`; anything else, 400.
    #[serde(rename = "box")]
    #[param(rename = "box", inline)]
    pub which: Option<BoxName>,
}

/// Which referrals: those the organization received or those it sent.
#[derive(Clone, Copy, Debug, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum BoxName {
    Received,
    Sent,
}

/// The caller's organization's referrals of the past 90 days, newest first: those it received (default) or
/// sent.
#[utoipa::path(get, path = "/api/v1/referrals", tag = "referrals", params(BoxQuery),
    responses((status = 200, body = [ReferralJson]), (status = 401), (status = 403)),
    security(("bearer" = [])))]
pub async fn list_referrals(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    ApiQuery(q): ApiQuery<BoxQuery>,
) -> WebResult<Json<Vec<ReferralJson>>> {
    let which = match q.which {
        Some(BoxName::Sent) => Box::Sent,
        Some(BoxName::Received) | None => Box::Received,
    };
    let rows = services::referrals::list(&state, &ctx, &caller, which, 500).await?;
    Ok(Json(rows.into_iter().map(ReferralJson::of).collect()))
}
