//! The transport API: `POST /api/v1/transport-requests`, `GET /api/v1/transport-queue`,
//! `PATCH /api/v1/transport-requests/{id}`. Access line operators of the call's organization only; another
//! organization's call or ride is not found. The use cases are `crate::services::access_line`.

pub mod create_ride;
pub mod get_queue;
pub mod patch_ride;

pub use create_ride::create_ride;
pub use get_queue::get_queue;
pub use patch_ride::patch_ride;

use chrono::{DateTime, Utc};
use pathways_domain::access_line::LevelOfCare;
use pathways_domain::access_line::transport::PriorityClass;
use pathways_store::model;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A ride to treatment.
#[derive(Debug, Serialize, ToSchema)]
pub struct RideJson {
    pub id: Uuid,
    pub call_id: Uuid,
    pub hold_id: Option<Uuid>,
    pub level: Option<String>,
    /// `withdrawal_management`, `residential` or `other`: the queue serves them in that order.
    pub priority_class: String,
    pub pickup: String,
    pub destination: String,
    pub within_hours: i32,
    pub status: String,
    pub requested_at: DateTime<Utc>,
    pub assigned_at: Option<DateTime<Utc>>,
    pub en_route_at: Option<DateTime<Utc>>,
    pub picked_up_at: Option<DateTime<Utc>>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub reason: Option<String>,
}

impl From<model::Ride> for RideJson {
    fn from(r: model::Ride) -> Self {
        let class = PriorityClass::of(r.level.as_deref().and_then(LevelOfCare::parse));
        Self {
            id: r.id,
            call_id: r.call_id,
            hold_id: r.hold_id,
            priority_class: serde_json::to_value(class)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            level: r.level,
            pickup: r.pickup,
            destination: r.destination,
            within_hours: r.within_hours,
            status: r.status,
            requested_at: r.requested_at,
            assigned_at: r.assigned_at,
            en_route_at: r.en_route_at,
            picked_up_at: r.picked_up_at,
            delivered_at: r.delivered_at,
            closed_at: r.closed_at,
            reason: r.reason,
        }
    }
}
