//! `POST /api/v1/persons/{id}/assessments`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use pathways_domain::PrincipalKind;
use pathways_domain::audit::AuditAction;
use pathways_domain::barc10::{Barc10Answers, Barc10Error};
use pathways_store::records;
use serde::Deserialize;
use utoipa::ToSchema;

use super::AssessmentJson;
use crate::access::{PersonTx, open_person};
use crate::controllers::api::persons::parse_body;
use crate::controllers::assessments::create_assessment::{barc10_error_text, flag_drop};
use crate::controllers::persons::parse_id;
use crate::error::{WebError, WebResult};
use crate::extract::ApiCaller;
use crate::state::AppState;

/// `{"instrument": "barc10", "answers": [ten integers from 1 to 6]}`
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentCreate {
    pub instrument: String,
    #[schema(value_type = Vec<Option<i64>>)]
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
    Path(id): Path<String>,
    body: Bytes,
) -> WebResult<(StatusCode, Json<AssessmentJson>)> {
    let id = parse_id(&id)?;
    let body: AssessmentCreate = parse_body(&body)?;
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
    let PersonTx { tx, scope, .. } = open_person(&state, &ctx, &caller, id, AuditAction::AssessmentCreate).await?;
    let kind = if caller.kind == PrincipalKind::Person { "person" } else { "staff" };
    let saved = records::add_assessment(&tx, &scope, id, &answers, caller.account, kind, pathways_store::now()).await?;
    flag_drop(&tx, &scope, id).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(saved.into())))
}
