//! The referral API (issue 7): `POST/GET /api/v1/referrals`, `PATCH /api/v1/referrals/{id}`.

pub mod create_referral;
pub mod list_referrals;
pub mod patch_referral;

pub use create_referral::create_referral;
pub use list_referrals::list_referrals;
pub use patch_referral::patch_referral;

use chrono::{DateTime, Utc};
use pathways_domain::referral::{Status, waiting_too_long};
use pathways_store::model::Referral;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

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
    #[schema(schema_with = crate::schemas::referral_packet)]
    pub packet: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub received_at: Option<DateTime<Utc>>,
    pub answered_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Still unanswered more than 48 hours after it was sent.
    pub waiting_too_long: bool,
}

impl ReferralJson {
    pub fn of(r: Referral) -> Self {
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
