//! The referral API (issue 7): `POST/GET /api/v1/referrals`, `PATCH /api/v1/referrals/{id}`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use pathways_domain::access::may_handle_referrals;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::referral::{Status, waiting_too_long};
use pathways_store::audit::AuditEntry;
use pathways_store::model::Referral;
use pathways_store::referrals::{self, Box};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::access::audit_read;
use crate::controllers::api::persons::parse_body;
use crate::controllers::persons::parse_id;
use crate::error::{WebError, WebResult};
use crate::extract::ApiCaller;
use crate::state::AppState;

/// A referral as either end sees it: the packet, never the rest of the record.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReferralJson {
    pub id: Uuid,
    pub person_id: Uuid,
    /// A FHIR Task status: `requested`, `received`, `accepted`, `rejected`, `in-progress`, `completed`,
    /// `cancelled`, `failed`.
    pub status: String,
    pub status_reason: Option<String>,
    pub service_id: Uuid,
    pub service_name: String,
    /// The receiving organization's name; `to_org_id` when it is on Pathways (otherwise the packet is printed).
    pub to_name: String,
    pub to_org_id: Option<Uuid>,
    pub from_org_id: Uuid,
    pub reason: String,
    #[schema(value_type = Object)]
    pub packet: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub received_at: Option<DateTime<Utc>>,
    pub answered_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Still unanswered more than 48 hours after it was sent.
    pub waiting_too_long: bool,
}

impl ReferralJson {
    fn of(r: Referral) -> Self {
        let status = Status::parse(&r.status).unwrap_or(Status::Requested);
        Self {
            waiting_too_long: waiting_too_long(status, r.created_at, pathways_store::now()),
            id: r.id,
            person_id: r.person_id,
            status: r.status,
            status_reason: r.status_reason,
            service_id: r.service_id,
            service_name: r.service_name,
            to_name: r.to_name,
            to_org_id: r.to_org_id,
            from_org_id: r.from_org_id,
            reason: r.reason,
            packet: r.packet,
            created_at: r.created_at,
            received_at: r.received_at,
            answered_at: r.answered_at,
            closed_at: r.closed_at,
        }
    }
}

/// A referral to send.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct ReferralCreate {
    pub person_id: String,
    /// A directory service (HSDS service id).
    pub service_id: Option<Uuid>,
    pub reason: String,
}

/// Refers a person to a directory service. Without a consent in force that lets referral information go to the
/// service's organization, nothing is sent and the answer is 422 naming `consent`.
#[utoipa::path(post, path = "/api/v1/referrals", tag = "referrals", request_body = ReferralCreate,
    responses((status = 201, body = ReferralJson), (status = 400), (status = 401), (status = 403), (status = 404), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_referral(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    body: Bytes,
) -> WebResult<(StatusCode, Json<ReferralJson>)> {
    let b: ReferralCreate = parse_body(&body)?;
    let person = parse_id(&b.person_id)?;
    let service = b.service_id.ok_or(WebError::NotFound)?;
    let r = crate::controllers::referrals::create_referral::send(
        &state,
        &ctx,
        &caller,
        &crate::controllers::referrals::create_referral::ReferralAsk {
            person,
            service,
            reason: &b.reason,
            via_call: None,
        },
        None,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(ReferralJson::of(r))))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct BoxQuery {
    /// `received` (default) or `sent`.
    #[serde(rename = "box")]
    pub which: String,
}

/// The caller's organization's referrals of the past 90 days, newest first: those it received (default) or
/// sent.
#[utoipa::path(get, path = "/api/v1/referrals", tag = "referrals", params(BoxQuery),
    responses((status = 200, body = [ReferralJson]), (status = 401), (status = 403)),
    security(("bearer" = [])))]
pub async fn list_referrals(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Query(q): Query<BoxQuery>,
) -> WebResult<Json<Vec<ReferralJson>>> {
    if !may_handle_referrals(&caller.principal) {
        audit_read(
            &state,
            &ctx,
            AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail("referral_list"),
        )
        .await?;
        return Err(WebError::Forbidden);
    }
    let which = if q.which == "sent" { Box::Sent } else { Box::Received };
    let since = pathways_store::now() - chrono::Duration::days(90);
    let rows = referrals::list(state.store.reader(), caller.org, which, since, 500).await?;
    let entry =
        AuditEntry::new(AuditAction::ReferralRead, AuditOutcome::Success).detail(format!("api list {}", rows.len()));
    audit_read(&state, &ctx, entry).await?;
    Ok(Json(rows.into_iter().map(ReferralJson::of).collect()))
}

/// A status change.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct ReferralPatch {
    /// The new FHIR Task status.
    pub status: String,
    /// Required for `rejected`, `failed` and `cancelled`.
    pub reason: String,
}

/// Moves a referral: the receiving organization acknowledges (`received`), accepts or rejects (with a reason),
/// starts (`in-progress`), completes or reports `failed`; the sender may cancel. 404 for a referral the caller's
/// organization is not at either end of; 422 for a move this side may not make; 409 when someone moved it first.
#[utoipa::path(patch, path = "/api/v1/referrals/{id}", tag = "referrals",
    params(("id" = String, Path, description = "The referral's id")), request_body = ReferralPatch,
    responses((status = 200, body = ReferralJson), (status = 401), (status = 404), (status = 409), (status = 422)),
    security(("bearer" = [])))]
pub async fn patch_referral(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
    body: Bytes,
) -> WebResult<Json<ReferralJson>> {
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    let b: ReferralPatch = parse_body(&body)?;
    let moved =
        crate::controllers::referrals::update_referral::change(&state, &ctx, &caller, id, &b.status, &b.reason).await?;
    Ok(Json(ReferralJson::of(moved)))
}
