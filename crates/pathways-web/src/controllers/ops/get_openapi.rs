//! `GET /api/openapi.json`: the API's OpenAPI 3.1 description.

use axum::Json;

pub async fn get_openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(crate::openapi::document().clone())
}
