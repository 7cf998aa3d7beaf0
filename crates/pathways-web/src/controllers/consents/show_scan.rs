//! `GET /persons/{id}/consents/{consent}/scan` and `GET /me/consents/{consent}/scan`: the scan of a consent signed
//! on paper, for staff and for the person; through the person gate and audited.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use pathways_domain::ids::ConsentId;

use crate::error::{WebError, WebResult};
use crate::extract::{InPath, Subject};
use crate::services;
use crate::state::AppState;

pub async fn show_scan(
    State(state): State<AppState>,
    s: Subject,
    InPath(consent): InPath<ConsentId>,
) -> WebResult<Response> {
    let scan = services::consents::scan(&state, &s.ctx, &s.caller, s.person, consent).await?;
    let mut resp = scan.bytes.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_str(&scan.content_type).map_err(|_| WebError::NotFound)?);
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("inline; filename=\"signed-consent\""));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(resp)
}
