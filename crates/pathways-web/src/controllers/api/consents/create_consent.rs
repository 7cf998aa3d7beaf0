//! `POST /api/v1/persons/{id}/consents`: staff record a consent the person signed on paper.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::NaiveDate;
use pathways_domain::PersonId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::ConsentJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::services::consents::ConsentInput;
use crate::state::AppState;

/// Who may receive the information.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct RecipientBody {
    /// `ally`, `organization`, `person` or `general` (the treatment/payment/operations designation).
    #[schema(schema_with = crate::schemas::recipient_kind)]
    pub kind: String,
    /// For an organization or a person.
    pub name: String,
    /// For an organization on Pathways.
    pub org_id: Option<Uuid>,
    /// For an ally: their account.
    pub account_id: Option<Uuid>,
}

/// A consent signed on paper. The person's name, the disclosing program and the statements about revocation
/// (and, for a treatment/payment/operations consent, HIPAA redisclosure and refusal) are filled in by Pathways.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct ConsentCreate {
    /// `recovery_plan`, `checkins_assessments`, `attendance_engagement`, `referral_information`,
    /// `encounter_summaries`, `counseling_notes` (alone).
    #[schema(schema_with = crate::schemas::consent_categories)]
    pub categories: Vec<String>,
    pub recipient: RecipientBody,
    pub purpose: String,
    /// For treatment, payment and health care operations.
    pub tpo: bool,
    /// The end date; or `expiry_event`; neither means no end (TPO only).
    pub expires_on: Option<NaiveDate>,
    pub expiry_event: Option<String>,
    /// The date the person signed the paper form.
    pub signed_on: Option<NaiveDate>,
    /// The signed form is on file.
    pub paper_on_file: bool,
}

/// Records a consent signed on paper. A consent missing an element §2.31 requires answers 422 naming each
/// missing element in `error.fields` (`person_name`, `disclosing_party`, `information`, `recipient`, `purpose`,
/// `right_to_revoke`, `how_to_revoke`, `reliance`, `expiration`, `signature`, `date_signed`,
/// `hipaa_redisclosure`, `refusal_effect`).
#[utoipa::path(post, path = "/api/v1/persons/{id}/consents", tag = "consents",
    params(("id" = String, Path, description = "The person's id")),
    request_body = ConsentCreate,
    responses((status = 201, body = ConsentJson), (status = 400), (status = 401), (status = 403), (status = 404), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_consent(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    JsonBody(b): JsonBody<ConsentCreate>,
) -> WebResult<(StatusCode, Json<ConsentJson>)> {
    let (expiry_kind, expires_on, expiry_event) = match (b.expires_on, b.expiry_event) {
        (Some(d), _) => ("date", d.to_string(), String::new()),
        (None, Some(e)) => ("event", String::new(), e),
        (None, None) => ("none", String::new(), String::new()),
    };
    let input = ConsentInput {
        recipient_kind: b.recipient.kind,
        ally: b.recipient.account_id.map(|a| a.to_string()).unwrap_or_default(),
        recipient_name: b.recipient.name,
        recipient_org: b.recipient.org_id.map(pathways_domain::OrgId::from_uuid),
        categories: b.categories,
        purpose: b.purpose,
        tpo: b.tpo,
        expiry_kind: expiry_kind.into(),
        expires_on,
        expiry_event,
        signature: String::new(),
        signed_on: b.signed_on.map(|d| d.to_string()).unwrap_or_default(),
        confirmed: b.paper_on_file,
    };
    let (saved, _) = services::consents::give(&state, &ctx, &caller, id, &input, false).await?;
    Ok((StatusCode::CREATED, Json(ConsentJson::of(saved)?)))
}
