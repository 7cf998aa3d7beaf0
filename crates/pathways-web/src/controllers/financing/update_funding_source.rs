//! `POST /financing/sources/{funding_source}`: saves a funding source's name, profile and terms (administrators);
//! its kind stays.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::financing::setup::RawFundingSource;
use pathways_domain::ids::FundingSourceId;

use super::edit_funding_source::page;
use crate::error::{WebError, WebResult};
use crate::extract::{InPath, SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{field_messages, render};

pub async fn update_funding_source(
    State(state): State<AppState>,
    s: SignedIn,
    InPath(id): InPath<FundingSourceId>,
    VerifiedForm(raw): VerifiedForm<RawFundingSource>,
) -> WebResult<Response> {
    match services::funding::update_source(&state, &s.ctx, &s.caller, id, &raw).await {
        Ok(_) => Ok(crate::flash::redirect(&state, "/financing/funding", crate::key!("flash-saved"))),
        Err(WebError::Invalid(errors)) => {
            let errors = field_messages(&s.ctx.t(), &errors);
            let p = page(&state, &s, id, errors, raw).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
        Err(e) => Err(e),
    }
}
