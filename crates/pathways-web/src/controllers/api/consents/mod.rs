//! The consent API (issue 7): consents, revocation, the accounting of disclosures and the access log.

pub mod access_log;
pub mod create_consent;
pub mod list_consents;
pub mod list_disclosures;
pub mod revoke_consent;

use chrono::{DateTime, NaiveDate, Utc};
use pathways_store::consents;
use pathways_store::model::Consent;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::WebResult;

/// A consent as kept: every §2.31 element as signed, and where it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsentJson {
    pub id: Uuid,
    pub person_id: Uuid,
    /// The document as signed: person_name, disclosing_party, categories, recipient, purpose, tpo, statements,
    /// expiry, signature, signed_on.
    #[schema(value_type = Object)]
    pub document: serde_json::Value,
    /// `electronic` (the person, in the portal) or `paper` (recorded by staff).
    pub signature_kind: String,
    pub signed_on: NaiveDate,
    pub recorded_at: DateTime<Utc>,
    /// In force today (not revoked, ended or expired).
    pub in_force: bool,
    pub revoked_at: Option<DateTime<Utc>>,
    /// `portal` or `written_request`.
    pub revoked_via: Option<String>,
    pub ended_at: Option<DateTime<Utc>>,
}

impl ConsentJson {
    pub fn of(m: Consent) -> WebResult<Self> {
        let in_force = pathways_domain::consent::in_force(&consents::facts(&m)?, crate::clock::today());
        Ok(Self {
            id: m.id,
            person_id: m.person_id,
            document: m.document,
            signature_kind: m.signature_kind,
            signed_on: m.signed_on,
            recorded_at: m.recorded_at,
            in_force,
            revoked_at: m.revoked_at,
            revoked_via: m.revoked_via,
            ended_at: m.ended_at,
        })
    }
}
