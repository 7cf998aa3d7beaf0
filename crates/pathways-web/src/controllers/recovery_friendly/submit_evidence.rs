//! `POST /recovery-friendly/applications/{link}`: the applicant submits evidence for one step (text, an optional
//! `https:` link and an optional file: a PDF, PNG or JPEG known by its first bytes, at most 900 KB) through their
//! private link; back to their page, or the page with every problem (422, nothing kept). The page's form is
//! `multipart/form-data` (it works without JavaScript); a plain form post (no file) is still read. A wrong link: 404.

use axum::extract::{FromRequest, Request, State};
use axum::http::header;
use axum::response::Response;
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{ApplicationLink, InPath, VerifiedForm, VerifiedMultipart};
use crate::services;
use crate::services::designation_programs::EvidenceInput;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EvidenceFields {
    step: String,
    text: String,
    link: String,
}

pub async fn submit_evidence(
    State(state): State<AppState>,
    ctx: Ctx,
    InPath(ApplicationLink(link)): InPath<ApplicationLink>,
    req: Request,
) -> WebResult<Response> {
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("multipart/form-data"));
    let (fields, file_name, file) = if multipart {
        let upload = match VerifiedMultipart::from_request(req, &state).await {
            Ok(u) => u,
            Err(rejection) => return Ok(rejection),
        };
        let fields = EvidenceFields {
            step: upload.field("step").to_owned(),
            text: upload.field("text").to_owned(),
            link: upload.field("link").to_owned(),
        };
        let (name, bytes) = upload.file.map(|f| (f.name, f.bytes)).unwrap_or_default();
        (fields, name, bytes)
    } else {
        match VerifiedForm::<EvidenceFields>::from_request(req, &state).await {
            Ok(VerifiedForm(fields)) => (fields, String::new(), Default::default()),
            Err(rejection) => return Ok(rejection),
        }
    };
    let input = EvidenceInput {
        step: &fields.step,
        text: &fields.text,
        link: &fields.link,
        file_name: &file_name,
        file: &file,
    };
    match services::designation_programs::submit_evidence(&state, &ctx, &link, &input).await? {
        Ok(()) => Ok(crate::flash::redirect(
            &state,
            &format!("/recovery-friendly/applications/{link}"),
            crate::key!("flash-saved"),
        )),
        Err(errors) => {
            let d = services::designation_programs::by_link(&state, &link).await?;
            super::show_my_application::page(&state, &ctx, &link, &d, (fields.step, fields.text, fields.link), &errors)
        }
    }
}
