//! `/api/v1/capacity`, `/api/v1/programs/{id}/…`, `/api/v1/reservations/{id}/…`: treatment capacity and bed holds
//! (issue 6). The public capacity, providers' updates and the access line's holds; the use cases are
//! `crate::services::capacity`.

pub mod admit_hold;
pub mod get_capacity;
pub mod post_capacity;
pub mod release_hold;
pub mod reserve_bed;

pub use admit_hold::admit_hold;
pub use get_capacity::get_capacity;
pub use post_capacity::post_capacity;
pub use release_hold::release_hold;
pub use reserve_bed::reserve_bed;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use pathways_domain::access_line::capacity::HoldError;
use pathways_store::capacity::ProgramView;
use pathways_store::model::BedHold;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::ctx::Ctx;

/// A program's capacity. No personal data: this is what the public board shows.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProgramJson {
    pub id: Uuid,
    /// Its directory listing, when it has one (`/find/{service_id}`).
    pub service_id: Option<Uuid>,
    pub name: String,
    /// An ASAM level code (`3.7-WM`).
    pub level: Option<String>,
    pub populations: Vec<String>,
    pub region: Option<String>,
    pub licensed_beds: u32,
    /// As the program reported it.
    pub open_beds: u32,
    pub waitlist: u32,
    /// Beds held for access line callers.
    pub held: u32,
    /// What a caller can be offered now: none while there is a waitlist, and never a held bed.
    pub available: u32,
    pub updated_at: DateTime<Utc>,
    pub age_minutes: i64,
    /// Older than the configured limit (8 hours by default).
    pub stale: bool,
    pub distance_mi: Option<f64>,
}

impl From<ProgramView> for ProgramJson {
    fn from(p: ProgramView) -> Self {
        Self {
            id: p.id,
            service_id: p.service_id,
            name: p.name,
            level: p.level.map(|l| l.code().to_owned()),
            populations: p.populations,
            region: p.region,
            licensed_beds: p.counts.licensed,
            open_beds: p.counts.open,
            waitlist: p.counts.waitlist,
            held: p.held,
            available: p.available,
            updated_at: p.updated_at,
            age_minutes: p.freshness.age_minutes,
            stale: p.freshness.stale,
            distance_mi: p.distance_mi.map(|d| (d * 10.0).round() / 10.0),
        }
    }
}

/// A bed hold.
#[derive(Debug, Serialize, ToSchema)]
pub struct HoldJson {
    pub id: Uuid,
    pub program_id: Uuid,
    pub call_id: Option<Uuid>,
    /// `held`, `admitted`, `released` or `expired`.
    pub state: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl From<BedHold> for HoldJson {
    fn from(h: BedHold) -> Self {
        Self {
            id: h.id,
            program_id: h.program_id,
            call_id: h.call_id,
            state: h.state,
            created_at: h.created_at,
            expires_at: h.expires_at,
            closed_at: h.closed_at,
        }
    }
}

/// A closed hold as JSON, or 409 saying why it could not close (expired, or already closed).
fn closed_hold_answer(ctx: &Ctx, outcome: Result<BedHold, HoldError>) -> Response {
    match outcome {
        Ok(hold) => Json(HoldJson::from(hold)).into_response(),
        Err(e) => {
            let (code, key) = match e {
                HoldError::Expired => ("hold_expired", "capacity-hold-expired"),
                HoldError::Closed => ("hold_closed", "capacity-hold-closed"),
            };
            let body = serde_json::json!({
                "error": { "status": 409, "code": code, "message": ctx.t().get(key), "request_id": ctx.request_id },
            });
            (StatusCode::CONFLICT, Json(body)).into_response()
        }
    }
}
