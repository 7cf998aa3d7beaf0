//! The one web error type, and the one place it becomes an HTTP status.
//!
//! Policy: client errors carry a message key that is safe to show (translated on pages, a stable `code` in
//! JSON). Internal errors are logged once, here, with their detail and the request id; the user sees only a
//! plain "something went wrong" page or JSON error with that request id. A handler returns `WebError`; the
//! response carries the error in its extensions and [`crate::middleware::render_error`] renders it as HTML or
//! JSON in the request's language.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::text::FieldError;
use pathways_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    /// The caller's role can't do this at all (uniform for every record, so it reveals nothing).
    #[error("forbidden")]
    Forbidden,
    /// A `read` API token used for a change.
    #[error("read-only token")]
    ReadOnlyToken,
    /// No valid credentials (API) — pages redirect to sign-in instead.
    #[error("unauthorized")]
    Unauthorized,
    #[error("the form expired or came from another site")]
    Csrf,
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// A JSON body that could not be read; the parser's message says where (line, column, field).
    #[error("bad JSON: {0}")]
    BadJson(String),
    /// An API query string that could not be read into its parameters; the parser's words name the parameter.
    #[error("bad query: {0}")]
    BadQuery(String),
    #[error("invalid fields")]
    Invalid(Vec<FieldError>),
    /// Invalid parts of a nested body, by path (`goals[2].text`, `answers[3]`), with a readable detail.
    #[error("invalid: {detail}")]
    InvalidPaths { fields: Vec<(String, &'static str)>, detail: String },
    #[error("duplicate {0}")]
    Conflict(&'static str),
    #[error("too many attempts")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("internal error: {0}")]
    Internal(String),
}

impl WebError {
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Forbidden | WebError::Csrf | WebError::ReadOnlyToken => StatusCode::FORBIDDEN,
            WebError::Unauthorized => StatusCode::UNAUTHORIZED,
            WebError::BadRequest(_) | WebError::BadJson(_) | WebError::BadQuery(_) => StatusCode::BAD_REQUEST,
            WebError::Invalid(_) | WebError::InvalidPaths { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::Conflict(_) => StatusCode::CONFLICT,
            WebError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A stable machine-readable code (JSON `code`).
    pub fn code(&self) -> &'static str {
        match self {
            WebError::NotFound => "not_found",
            WebError::Forbidden => "forbidden",
            WebError::ReadOnlyToken => "read_only_token",
            WebError::Unauthorized => "unauthorized",
            WebError::Csrf => "csrf",
            WebError::BadRequest(_) => "bad_request",
            WebError::BadJson(_) => "bad_json",
            WebError::BadQuery(_) => "bad_query",
            WebError::Invalid(_) | WebError::InvalidPaths { .. } => "invalid",
            WebError::Conflict(_) => "conflict",
            WebError::TooManyRequests { .. } => "too_many_requests",
            WebError::Internal(_) => "internal",
        }
    }

    /// The message key of the text shown to the user.
    pub fn message_key(&self) -> &'static str {
        match self {
            WebError::NotFound => crate::key!("error-not-found"),
            WebError::Forbidden => crate::key!("error-forbidden"),
            WebError::ReadOnlyToken => crate::key!("error-read-only-token"),
            WebError::Unauthorized => crate::key!("error-unauthorized"),
            WebError::Csrf => crate::key!("error-csrf"),
            WebError::BadRequest(k) => k,
            WebError::BadJson(_) => crate::key!("error-bad-json"),
            WebError::BadQuery(_) => crate::key!("error-bad-query"),
            WebError::Invalid(_) | WebError::InvalidPaths { .. } => crate::key!("error-invalid"),
            WebError::Conflict(_) => crate::key!("error-conflict"),
            WebError::TooManyRequests { .. } => crate::key!("error-too-many"),
            WebError::Internal(_) => crate::key!("error-internal"),
        }
    }

    pub fn internal(e: impl std::fmt::Display) -> Self {
        WebError::Internal(e.to_string())
    }
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Duplicate(field) => WebError::Conflict(field),
            other => WebError::Internal(other.to_string()),
        }
    }
}

impl From<pathways_store::DbErr> for WebError {
    fn from(e: pathways_store::DbErr) -> Self {
        WebError::Internal(e.to_string())
    }
}

/// The error travels in the response's extensions to the renderer, which knows the request.
#[derive(Clone, Debug)]
pub struct ErrorInfo(pub std::sync::Arc<WebError>);

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut resp = status.into_response();
        if let WebError::TooManyRequests { retry_after_secs } = &self
            && let Ok(v) = retry_after_secs.to_string().parse()
        {
            resp.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
        }
        resp.extensions_mut().insert(ErrorInfo(std::sync::Arc::new(self)));
        resp
    }
}

pub type WebResult<T> = Result<T, WebError>;
