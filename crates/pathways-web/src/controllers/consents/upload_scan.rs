//! `POST /persons/{id}/consents/{consent}/scan`: staff attach the scan of a consent signed on paper (a PDF, PNG or
//! JPEG known by its first bytes); a missing, too large or unknown file brings the consents page back (422) with
//! the problem named.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::consent::check_scan;
use pathways_domain::ids::ConsentId;

use crate::error::WebResult;
use crate::extract::{InPath, Subject, VerifiedUpload};
use crate::services;
use crate::state::AppState;
use crate::views::{field_messages, render};

pub async fn upload_scan(
    State(state): State<AppState>,
    s: Subject,
    InPath(consent): InPath<ConsentId>,
    VerifiedUpload(file): VerifiedUpload,
) -> WebResult<Response> {
    let content_type = match check_scan(file.as_deref()) {
        Ok(t) => t,
        Err(problem) => {
            let errors = field_messages(&s.ctx.t(), &[problem]);
            let page = super::list_consents::page(&state, &s, Default::default(), errors).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let bytes = file.map(|b| b.to_vec()).unwrap_or_default();
    services::consents::attach_scan(&state, &s.ctx, &s.caller, s.person, consent, content_type, bytes).await?;
    Ok(crate::flash::redirect(&state, &format!("{}/consents", s.base), crate::key!("flash-scan-saved")))
}
