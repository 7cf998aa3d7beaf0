//! `POST /api/v1/referrals`: refer a person to a directory service, behind the consent gate.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pathways_domain::PersonId;
use pathways_domain::ids::ServiceId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::ReferralJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, JsonBody};
use crate::services;
use crate::services::referrals::ReferralAsk;
use crate::state::AppState;

/// A referral to send.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct ReferralCreate {
    pub person_id: String,
    /// A directory service (HSDS service id).
    pub service_id: Option<Uuid>,
    pub reason: String,
    /// Ask the recovery residence behind `service_id` to hold a bed for 24 hours, in the referral's transaction
    /// (422 naming `hold_bed` when the service is not a residence or no bed is left).
    pub hold_bed: bool,
}

/// Refers a person to a directory service. Without a consent in force that lets referral information go to the
/// service's organization, nothing is sent and the answer is 422 naming `consent`.
#[utoipa::path(post, path = "/api/v1/referrals", tag = "referrals", request_body = ReferralCreate,
    responses((status = 201, body = ReferralJson), (status = 400), (status = 401), (status = 403), (status = 404), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_referral(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    JsonBody(b): JsonBody<ReferralCreate>,
) -> WebResult<(StatusCode, Json<ReferralJson>)> {
    let person: PersonId = b.person_id.parse().map_err(|_| WebError::NotFound)?;
    let service = ServiceId::from_uuid(b.service_id.ok_or(WebError::NotFound)?);
    let ask = ReferralAsk { person, service, reason: &b.reason, via_call: None, hold_bed: b.hold_bed };
    let r = services::referrals::send(&state, &ctx, &caller, &ask, None).await?;
    Ok((StatusCode::CREATED, Json(ReferralJson::of(r))))
}
