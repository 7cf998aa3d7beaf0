//! `/api/v1/persons/{id}/outcome-interviews`: outcome interviews of the person's episodes (issue 17).

pub mod create_interview;
pub mod list_interviews;

pub use create_interview::create_interview;
pub use list_interviews::list_interviews;

use chrono::{DateTime, NaiveDate, Utc};
use pathways_store::model::OutcomeInterview;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// One outcome interview.
#[derive(Debug, Serialize, ToSchema)]
pub struct InterviewJson {
    pub id: Uuid,
    pub person_id: Uuid,
    pub episode_id: Uuid,
    #[schema(schema_with = crate::schemas::outcome_interview::kind)]
    pub kind: String,
    /// The anniversary, for an annual interview.
    pub year: Option<i32>,
    pub due_on: NaiveDate,
    /// The window: first and last day it may be done on.
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    /// `in_progress` (saved part way), `complete` or `administrative`.
    pub status: String,
    pub done_on: Option<NaiveDate>,
    /// `not_reached`, `died` or `refused`, for an administrative entry.
    pub administrative_reason: Option<String>,
    #[schema(schema_with = crate::schemas::outcome_interview::answers)]
    pub answers: serde_json::Value,
    pub instrument_id: String,
    pub instrument_version: String,
    /// The staff account that last saved it.
    pub recorded_by: Uuid,
    pub updated_at: DateTime<Utc>,
}

impl From<OutcomeInterview> for InterviewJson {
    fn from(r: OutcomeInterview) -> Self {
        Self {
            id: r.id,
            person_id: r.person_id,
            episode_id: r.episode_id,
            kind: r.kind,
            year: r.year,
            due_on: r.due_on,
            opens_on: r.opens_on,
            closes_on: r.closes_on,
            status: r.status,
            done_on: r.done_on,
            administrative_reason: r.administrative_reason,
            answers: r.answers,
            instrument_id: r.instrument_id,
            instrument_version: r.instrument_version,
            recorded_by: r.recorded_by,
            updated_at: r.updated_at,
        }
    }
}
