//! Bodies, checked before their fields are read: form posts (Origin and CSRF token), one-file uploads (the same
//! checks), and JSON (the parser's message names the line, column and field on 400).

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use crate::auth::secret;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::state::AppState;

/// A form post whose CSRF token and origin were checked before its fields were read.
pub struct VerifiedForm<T>(pub T);

#[derive(serde::Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

const MAX_FORM_BYTES: usize = 64 * 1024;

impl<T: DeserializeOwned> FromRequest<AppState> for VerifiedForm<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let ctx = Ctx::from_request_parts(&mut parts, state).await?;
        if !same_origin(&parts.headers, state.config.public_url.as_deref()) {
            return Err(WebError::Csrf.into_response());
        }
        let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES)
            .await
            .map_err(|_| WebError::BadRequest(crate::key!("error-too-large")).into_response())?;
        let field: CsrfField = serde_urlencoded::from_bytes(&bytes).map_err(|_| WebError::Csrf.into_response())?;
        if !secret::same_secret(&field.csrf, &ctx.csrf) {
            return Err(WebError::Csrf.into_response());
        }
        let value = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| WebError::BadRequest(crate::key!("error-bad-form")).into_response())?;
        Ok(Self(value))
    }
}

/// A verified `multipart/form-data` post with one file (field `file`): the same Origin and CSRF checks as
/// [`VerifiedForm`] (the token is the form's `csrf` field). The file's bytes, or `None` when none was chosen.
pub struct VerifiedUpload(pub Option<axum::body::Bytes>);

impl FromRequest<AppState> for VerifiedUpload {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let upload = VerifiedMultipart::from_request(req, state).await?;
        Ok(Self(upload.file.filter(|f| !f.bytes.is_empty()).map(|f| f.bytes)))
    }
}

/// The file of a [`VerifiedMultipart`] post: the name the browser gave it (possibly empty) and its bytes
/// (possibly empty: a file input left empty sends a part with no name and no bytes).
pub struct UploadedFile {
    pub name: String,
    pub bytes: axum::body::Bytes,
}

/// A verified `multipart/form-data` post with text fields and at most one file (field `file`), checked as
/// [`VerifiedUpload`] is (Origin, then the `csrf` field) before anything is used. Text fields seen more than once
/// keep the last value. The server's request body limit applies (a larger request is refused before it is read).
pub struct VerifiedMultipart {
    pub fields: std::collections::HashMap<String, String>,
    pub file: Option<UploadedFile>,
}

impl VerifiedMultipart {
    /// A text field's value ("" when absent).
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }
}

impl FromRequest<AppState> for VerifiedMultipart {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let ctx = Ctx::from_request_parts(&mut parts, state).await?;
        if !same_origin(&parts.headers, state.config.public_url.as_deref()) {
            return Err(WebError::Csrf.into_response());
        }
        let req = Request::from_parts(parts, body);
        let bad = || WebError::BadRequest(crate::key!("error-bad-form")).into_response();
        let mut multipart = axum::extract::Multipart::from_request(req, state).await.map_err(|_| bad())?;
        let (mut fields, mut file) = (std::collections::HashMap::new(), None);
        while let Some(field) = multipart.next_field().await.map_err(|_| bad())? {
            match field.name().map(str::to_owned) {
                Some(name) if name == "file" => {
                    let file_name = field.file_name().unwrap_or_default().to_owned();
                    let bytes = field
                        .bytes()
                        .await
                        .map_err(|_| WebError::BadRequest(crate::key!("error-too-large")).into_response())?;
                    file = Some(UploadedFile { name: file_name, bytes });
                }
                Some(name) => {
                    let value = field.text().await.map_err(|_| bad())?;
                    fields.insert(name, value);
                }
                None => {}
            }
        }
        let csrf = fields.get("csrf").map_or("", String::as_str);
        if !secret::same_secret(csrf, &ctx.csrf) {
            return Err(WebError::Csrf.into_response());
        }
        Ok(Self { fields, file })
    }
}

/// The Origin check: a browser's unsafe request must come from our own origin. With `Referrer-Policy:
/// no-referrer`, browsers send `Origin: null` on form posts; there, `Sec-Fetch-Site` (which browsers always
/// set and pages can't forge) decides. Requests with neither (old browsers, tools) are still guarded by the
/// CSRF token.
pub(crate) fn same_origin(headers: &HeaderMap, public_url: Option<&str>) -> bool {
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if matches!(fetch_site, Some("cross-site" | "same-site")) {
        return false;
    }
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()).filter(|o| *o != "null");
    let Some(origin) = origin else { return true };
    if let Some(public) = public_url {
        return origin.trim_end_matches('/') == public.trim_end_matches('/');
    }
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else { return false };
    origin == format!("http://{host}") || origin == format!("https://{host}")
}

/// A form with no fields of its own (a button): only its CSRF token and origin are checked.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Empty {}

/// A JSON request body, read whole and parsed into `T`; anything that is not `T` answers 400 with the parser's
/// message (line, column, field). The server's body limit applies (413 over it). A whole number written with a
/// fraction (`9.0`) is the number 9, as JSON Schema's `integer` says ([`parse_json`]).
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        // A body over the limit answers 413, as the bare `Bytes` extractor does.
        let bytes = axum::body::Bytes::from_request(req, state).await.map_err(IntoResponse::into_response)?;
        parse_json(&bytes).map(JsonBody).map_err(IntoResponse::into_response)
    }
}

/// Reads a JSON body into `T`. JSON has one kind of number and JSON Schema counts `9.0` as an `integer`, so a body
/// the API description accepts may write a whole number with a zero fraction; serde would refuse it for an integer
/// field. Such a body is read again with those numbers as integers; when that fails too, the first error (with its
/// line and column) is the answer.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, WebError> {
    let first = match serde_json::from_slice::<T>(bytes) {
        Ok(value) => return Ok(value),
        Err(e) => e,
    };
    let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return Err(WebError::BadJson(first.to_string()));
    };
    if !whole_numbers_as_integers(&mut value) {
        return Err(WebError::BadJson(first.to_string()));
    }
    serde_json::from_value(value).map_err(|_| WebError::BadJson(first.to_string()))
}

/// Rewrites every float with no fraction that fits an `i64` (`9.0`, `-3.0`) as that integer; whether any changed.
fn whole_numbers_as_integers(value: &mut serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::Number(n) if n.is_f64() => {
            let Some(f) = n.as_f64() else { return false };
            // i64::MAX as f64 rounds up to 2^63, which is out of range: the bound is strict.
            if f.fract() == 0.0 && f >= i64::MIN as f64 && f < i64::MAX as f64 {
                *value = Value::from(f as i64);
                return true;
            }
            false
        }
        // Every number is visited (no short cut once one changed).
        Value::Array(items) => {
            let mut changed = false;
            for v in items {
                changed |= whole_numbers_as_integers(v);
            }
            changed
        }
        Value::Object(fields) => {
            let mut changed = false;
            for v in fields.values_mut() {
                changed |= whole_numbers_as_integers(v);
            }
            changed
        }
        _ => false,
    }
}

/// A JSON body that may be left out: an empty (or blank) body is `T::default()`, anything else is read as
/// [`JsonBody`] reads it.
pub struct JsonBodyOrEmpty<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Default> FromRequest<S> for JsonBodyOrEmpty<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| WebError::BadRequest(crate::key!("error-too-large")).into_response())?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Self(T::default()));
        }
        // `null` is no body too (the OpenAPI description says the body is optional: `oneOf: [null, …]`).
        parse_json::<Option<T>>(&bytes)
            .map(|body| JsonBodyOrEmpty(body.unwrap_or_default()))
            .map_err(IntoResponse::into_response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Counts {
        open: i64,
        ratio: f64,
        answers: Vec<u8>,
    }

    #[test]
    fn whole_numbers_with_a_zero_fraction_are_integers() {
        let read = |s: &str| parse_json::<Counts>(s.as_bytes()).map_err(|e| e.to_string());
        let want = Counts { open: 9, ratio: 2.0, answers: vec![1, 6] };
        assert_eq!(read(r#"{"open": 9, "ratio": 2, "answers": [1, 6]}"#), Ok(want));
        let want = Counts { open: 9, ratio: 2.0, answers: vec![1, 6] };
        assert_eq!(read(r#"{"open": 9.0, "ratio": 2.0, "answers": [1.0, 6.0]}"#), Ok(want));
        let half = read(r#"{"open": 9.5, "ratio": 2, "answers": []}"#).err().unwrap_or_default();
        assert!(half.contains("line 1 column"), "the parser's own words, with where: {half}");
        assert!(read(r#"{"open": 1e300, "ratio": 2, "answers": []}"#).is_err(), "too big for an integer");
        assert!(read(r#"{"open": 9223372036854775808.0, "ratio": 2, "answers": []}"#).is_err(), "2^63 is not an i64");
        assert!(read(r#"{"open": 1, "ratio": 2, "answers": [256.0]}"#).is_err(), "still bounded by the field's type");
    }

    #[test]
    fn origin_must_match() {
        assert!(same_origin(&headers(&[("host", "127.0.0.1:8080"), ("origin", "http://127.0.0.1:8080")]), None));
        assert!(!same_origin(&headers(&[("host", "127.0.0.1:8080"), ("origin", "http://evil.example")]), None));
        assert!(same_origin(&headers(&[("origin", "null"), ("sec-fetch-site", "same-origin")]), None));
        assert!(!same_origin(&headers(&[("origin", "null"), ("sec-fetch-site", "cross-site")]), None));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "same-site")]), None));
        assert!(same_origin(&headers(&[("origin", "https://p.example.org")]), Some("https://p.example.org/")));
        assert!(!same_origin(&headers(&[("origin", "http://p.example.org")]), Some("https://p.example.org")));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")]), None));
        assert!(same_origin(&headers(&[]), None));
    }
}
