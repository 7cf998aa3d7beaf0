//! The JSON API's caller: `Authorization: Bearer <token>`, a live token of a staff account, within its scope
//! (`services::tokens::authenticate`); anything else answers 401 JSON, or 403 for a read token's change (each
//! refusal audited).

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use crate::ctx::{Caller, Ctx};
use crate::error::WebError;
use crate::state::AppState;

/// The caller of an API request, from `Authorization: Bearer <token>`.
pub struct ApiCaller {
    pub ctx: Ctx,
    pub caller: Caller,
}

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let mut ctx = Ctx::from_request_parts(parts, state).await?;
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let Some(token) = token else { return Err(WebError::Unauthorized.into_response()) };
        let (caller, locale) = crate::services::tokens::authenticate(state, &ctx, token, parts.method.as_str())
            .await
            .map_err(IntoResponse::into_response)?;
        if let Some(locale) = locale.and_then(|l| l.parse().ok()) {
            ctx.locale = locale;
            if let Some(slot) = parts.extensions.get::<crate::middleware::ApiLocale>() {
                let _ = slot.0.set(locale);
            }
        }
        ctx.caller = Some(caller.clone());
        Ok(Self { ctx, caller })
    }
}

/// An API caller who works the access line (`works_access_line`); to anyone else the line's calls and rides are
/// not found (404), before the request's body is read.
pub struct ApiOperator {
    pub ctx: Ctx,
    pub caller: Caller,
}

impl FromRequestParts<AppState> for ApiOperator {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ApiCaller { ctx, caller } = ApiCaller::from_request_parts(parts, state).await?;
        if !pathways_domain::access::works_access_line(&caller.principal) {
            return Err(WebError::NotFound.into_response());
        }
        Ok(Self { ctx, caller })
    }
}
