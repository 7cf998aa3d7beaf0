//! The scan of a consent signed on paper: staff attach it (`POST /persons/{id}/consents/{consent}/scan`, a PDF,
//! PNG or JPEG known by its first bytes), staff and the person see it (`GET …/scan`, `/me/consents/{consent}/scan`).
//! Both go through the person gate and are audited.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pathways_domain::audit::AuditAction;
use pathways_domain::consent::{MAX_SCAN_BYTES, scan_type};
use pathways_domain::text::FieldError;
use pathways_store::consents;
use uuid::Uuid;

use crate::access::{PersonTx, open_person};
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::extract::VerifiedUpload;
use crate::state::AppState;
use crate::views::{field_messages, render};

fn consent_id(params: &HashMap<String, String>) -> WebResult<Uuid> {
    params.get("consent").and_then(|c| c.parse().ok()).ok_or(WebError::NotFound)
}

pub async fn upload_scan(
    State(state): State<AppState>,
    s: Subject,
    Path(params): Path<HashMap<String, String>>,
    VerifiedUpload(file): VerifiedUpload,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let id = consent_id(&params)?;
    let problem = match &file {
        None => Some(FieldError::new("file", "required")),
        Some(b) if b.len() > MAX_SCAN_BYTES => Some(FieldError::new("file", "too-large")),
        Some(b) if scan_type(b).is_none() => Some(FieldError::new("file", "not-a-scan")),
        Some(_) => None,
    };
    if let Some(p) = problem {
        let errors = field_messages(&s.ctx.t(), &[p]);
        let page = super::list_consents::page(&state, &s, Default::default(), errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
    }
    let bytes = file.map(|b| b.to_vec()).unwrap_or_default();
    let kind = scan_type(&bytes).unwrap_or("application/octet-stream");
    let PersonTx { tx, scope, .. } =
        open_person(&state, &s.ctx, &s.caller, s.person, AuditAction::ConsentCreate).await?;
    let found = consents::of_person(&tx, &scope, s.person, id).await?;
    if found.is_none_or(|c| c.signature_kind != "paper") {
        return Err(WebError::NotFound);
    }
    consents::attach_scan(&tx, id, kind, bytes, s.caller.account, pathways_store::now()).await?;
    tx.commit().await?;
    Ok(crate::flash::redirect(&state, &format!("{}/consents", s.base), crate::key!("flash-scan-saved")))
}

pub async fn show_scan(
    State(state): State<AppState>,
    s: Subject,
    Path(params): Path<HashMap<String, String>>,
) -> WebResult<Response> {
    let id = consent_id(&params)?;
    let PersonTx { tx, scope, .. } = open_person(&state, &s.ctx, &s.caller, s.person, AuditAction::ConsentRead).await?;
    let mine = consents::of_person(&tx, &scope, s.person, id).await?;
    let scan = match mine {
        Some(_) => consents::scan(&tx, id).await?,
        None => None,
    };
    tx.commit().await?;
    let scan = scan.ok_or(WebError::NotFound)?;
    let mut resp = scan.bytes.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_str(&scan.content_type).map_err(|_| WebError::NotFound)?);
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("inline; filename=\"signed-consent\""));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(resp)
}
