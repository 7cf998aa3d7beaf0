//! `GET /api/openapi.json`: the API's OpenAPI 3.1 description.

use axum::Json;
use utoipa::OpenApi;

use crate::openapi::ApiDoc;

pub async fn get_openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
