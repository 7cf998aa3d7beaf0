//! `POST /api/v1/persons/{id}/assessments`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pathways_domain::PersonId;
use pathways_domain::barc10::{Barc10Answers, Barc10Error};
use serde::Deserialize;
use utoipa::ToSchema;

use super::AssessmentJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;
use crate::views::words::barc10_error_text;

/// `{"instrument": "barc10", "answers": [ten integers from 1 to 6]}`
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentCreate {
    #[schema(schema_with = crate::schemas::barc10::instrument)]
    pub instrument: String,
    #[schema(schema_with = crate::schemas::barc10::answers)]
    pub answers: Vec<Option<i64>>,
}

/// Scores and stores a BARC-10. A missing or out-of-range answer is a 422 naming the statement.
#[utoipa::path(post, path = "/api/v1/persons/{id}/assessments", tag = "recovery", request_body = AssessmentCreate,
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 201, body = AssessmentJson), (status = 400), (status = 401), (status = 403), (status = 404), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_assessment(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    JsonBody(body): JsonBody<AssessmentCreate>,
) -> WebResult<(StatusCode, Json<AssessmentJson>)> {
    if body.instrument != "barc10" {
        return Err(WebError::InvalidPaths {
            fields: vec![("instrument".into(), "invalid-characters")],
            detail: "the instrument must be \"barc10\"".into(),
        });
    }
    let answers = Barc10Answers::parse(&body.answers).map_err(|e| {
        let (path, code) = match e {
            Barc10Error::WrongCount { .. } => ("answers".to_owned(), "wrong-count"),
            Barc10Error::Missing { item } => (format!("answers[{}]", item - 1), "missing"),
            Barc10Error::OutOfRange { item, .. } => (format!("answers[{}]", item - 1), "out-of-range"),
        };
        WebError::InvalidPaths { fields: vec![(path, code)], detail: barc10_error_text(ctx.t(), &e) }
    })?;
    let saved = services::assessments::record(&state, &ctx, &caller, id, &answers).await?;
    Ok((StatusCode::CREATED, Json(saved.into())))
}
