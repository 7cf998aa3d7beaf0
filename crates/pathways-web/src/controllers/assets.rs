//! `GET /static/{file}`: the stylesheet, icon and manifest, compiled into the binary. Nothing is ever
//! loaded from another origin.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::error::WebError;

const FILES: [(&str, &str, &str); 4] = [
    ("app.css", "text/css; charset=utf-8", include_str!("../../static/app.css")),
    ("favicon.svg", "image/svg+xml", include_str!("../../static/favicon.svg")),
    ("manifest.webmanifest", "application/manifest+json", include_str!("../../static/manifest.webmanifest")),
    // The drop-in kiosk's offline queue (issue 20), a progressive enhancement.
    ("kiosk.js", "text/javascript; charset=utf-8", include_str!("../../static/kiosk.js")),
];

pub async fn get_asset(Path(file): Path<String>) -> Result<Response, WebError> {
    let (_, mime, body) = FILES.iter().find(|(name, _, _)| *name == file).ok_or(WebError::NotFound)?;
    Ok(([(header::CONTENT_TYPE, *mime), (header::CACHE_CONTROL, "public, max-age=3600")], *body).into_response())
}
