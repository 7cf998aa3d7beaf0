//! Pages and words of two-factor sign-in that two areas share: the sign-in's own steps (`controllers/auth`) and
//! the account and administrator pages (`controllers/two_factor`) both enroll an authenticator and show recovery
//! codes; the login page and the second step both say how long to wait.

use askama::Template;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use pathways_domain::two_factor::grouped;
use qrcode::QrCode;
use qrcode::render::svg;

use crate::auth::cookies::{self, CookieNames};
use crate::error::{WebError, WebResult};
use crate::i18n::Tr;
use crate::services::two_factor::Enrollment;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// Setting up an authenticator app: the QR code, the secret as text, and the first code to confirm.
#[derive(Template)]
#[template(path = "two_factor/enroll.html")]
pub struct EnrollPage {
    pub chrome: Chrome,
    /// Where the form posts (`/login/enroll` during sign-in, `/account/two-factor` from the account page).
    pub action: &'static str,
    /// The role requires it (during sign-in): say why this page came up.
    pub required: bool,
    pub qr: String,
    pub secret: String,
    pub error: Option<String>,
    pub next: String,
}

impl EnrollPage {
    pub fn new(
        chrome: Chrome,
        action: &'static str,
        required: bool,
        enrollment: &Enrollment,
        error: Option<String>,
        next: String,
    ) -> WebResult<Self> {
        Ok(Self {
            chrome,
            action,
            required,
            qr: qr_data_uri(&enrollment.uri)?,
            secret: grouped(&enrollment.secret),
            error,
            next,
        })
    }
}

/// The recovery codes, shown once, with the way on.
#[derive(Template)]
#[template(path = "two_factor/recovery_codes.html")]
pub struct RecoveryCodesPage {
    pub chrome: Chrome,
    pub codes: Vec<String>,
    pub continue_to: String,
}

/// The `otpauth://` URI as a QR code: an SVG image in a `data:` URI (drawn here, no outside request; the page's
/// CSP allows `data:` images).
pub fn qr_data_uri(uri: &str) -> WebResult<String> {
    let code = QrCode::new(uri.as_bytes()).map_err(WebError::internal)?;
    let svg = code
        .render::<svg::Color<'_>>()
        .min_dimensions(220, 220)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    Ok(format!("data:image/svg+xml;base64,{}", STANDARD.encode(svg)))
}

/// "Please wait …" in whole minutes (rounded up) from a minute on, in seconds below.
pub fn wait_words(t: &Tr, retry_after_secs: u64) -> String {
    if retry_after_secs >= 60 {
        t.count("two-factor-wait-minutes", retry_after_secs.div_ceil(60))
    } else {
        t.count("two-factor-wait-seconds", retry_after_secs.max(1))
    }
}

/// A page answered with 429 and `Retry-After` (a throttled sign-in or code).
pub fn too_many(page: Html<String>, retry_after_secs: u64) -> Response {
    let mut resp = (StatusCode::TOO_MANY_REQUESTS, page).into_response();
    if let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string()) {
        resp.headers_mut().insert(header::RETRY_AFTER, v);
    }
    resp
}

/// The waiting sign-in's token, from its cookie.
pub fn pending_token(state: &AppState, headers: &HeaderMap) -> Option<String> {
    let names = CookieNames::new(state.config.secure_cookies());
    cookies::read(headers).get(names.pending).filter(|t| !t.is_empty()).map(str::to_owned)
}

/// Renders the recovery codes page.
pub fn recovery_codes_page(chrome: Chrome, codes: Vec<String>, continue_to: String) -> WebResult<Html<String>> {
    render(&RecoveryCodesPage { chrome, codes, continue_to })
}
