//! Post/redirect/get with a one-time message: the message key rides in a short-lived cookie.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::auth::cookies::{self, CookieNames};
use crate::state::AppState;

/// A 303 redirect to `to` that shows the message `key` on the next page.
pub fn redirect(state: &AppState, to: &str, key: &'static str) -> Response {
    let names = CookieNames::new(state.config.secure_cookies());
    let mut resp = (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, HeaderValue::from_str(to).unwrap_or(HeaderValue::from_static("/")))],
    )
        .into_response();
    cookies::set(resp.headers_mut(), &names.cookie(cookies::FLASH, key, Some(60)));
    resp
}
