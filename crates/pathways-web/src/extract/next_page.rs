//! `?next=…`: where to go after signing in or choosing a language — only a path on this site (`ctx::safe_next`),
//! never another site.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use axum::response::Response;
use serde::Deserialize;

use crate::ctx::safe_next;
use crate::state::AppState;

/// The query's `next`, when it is a safe local path.
#[derive(Clone, Debug, Default)]
pub struct NextPage(pub Option<String>);

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NextQuery {
    next: String,
}

impl FromRequestParts<AppState> for NextPage {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let q = Query::<NextQuery>::try_from_uri(&parts.uri).map(|q| q.0).unwrap_or_default();
        Ok(Self(safe_next(&state.config, Some(&q.next))))
    }
}
