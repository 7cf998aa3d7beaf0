//! `POST /financing/credentials`: adds a staff member's credential (supervisors and administrators).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::financing::staff::RawCredential;
use serde::Deserialize;

use super::show_credentials::page;
use crate::error::{WebError, WebResult};
use crate::extract::{SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{field_messages, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CredentialForm {
    pub staff_member: String,
    pub credential_kind: String,
    pub credential_number: String,
    pub issued_on: String,
    pub expires_on: String,
}

pub async fn add_credential(
    State(state): State<AppState>,
    s: SignedIn,
    VerifiedForm(f): VerifiedForm<CredentialForm>,
) -> WebResult<Response> {
    let raw = RawCredential {
        credential_kind: f.credential_kind,
        credential_number: f.credential_number,
        issued_on: f.issued_on,
        expires_on: f.expires_on,
    };
    match services::financing::add_credential(&state, &s.ctx, &s.caller, &f.staff_member, &raw).await {
        Ok(_) => Ok(crate::flash::redirect(&state, "/financing/credentials", crate::key!("flash-saved"))),
        Err(WebError::Invalid(errors)) => {
            let t = s.ctx.t();
            let mut p = page(&state, &s, field_messages(&t, &errors), "credential", &f.staff_member).await?;
            p.credential = raw;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
        Err(e) => Err(e),
    }
}
