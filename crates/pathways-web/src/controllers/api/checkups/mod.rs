//! `/api/v1/persons/{id}/checkups` and `/schedule`: recovery management check-ups (issue 5).

pub mod create_checkup;
pub mod get_schedule;
pub mod list_checkups;

pub use create_checkup::create_checkup;
pub use get_schedule::get_schedule;
pub use list_checkups::list_checkups;

use chrono::{DateTime, NaiveDate, Utc};
use pathways_store::model::Checkup;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A completed check-up: the answers as given and the need-for-treatment rule's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct CheckupJson {
    pub id: Uuid,
    pub person_id: Uuid,
    /// The due date it answered (absent when the person had no check-up due).
    pub due_on: Option<NaiveDate>,
    pub completed_at: DateTime<Utc>,
    /// Completed within its window (±14 days by default, whole days in the program's zone).
    pub in_window: bool,
    /// The interview's answers, as given.
    #[schema(schema_with = crate::schemas::checkup_answers)]
    pub answers: serde_json::Value,
    pub needs_treatment: bool,
    /// `weekly_use`, `past_month_problems`, `wants_treatment`, `already_in_treatment`.
    pub reasons: Vec<String>,
    /// The next check-up's due date (absent when a fixed schedule has run its course).
    pub next_due: Option<NaiveDate>,
    /// The BARC-10 taken with it, if one was.
    pub assessment_id: Option<Uuid>,
    /// `staff` or `person`.
    pub completed_by: String,
    /// The linkage task opened (or already open) because treatment is needed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linkage_task_id: Option<Uuid>,
}

impl From<Checkup> for CheckupJson {
    fn from(c: Checkup) -> Self {
        Self {
            id: c.id,
            person_id: c.person_id,
            due_on: c.due_on,
            completed_at: c.completed_at,
            in_window: c.in_window,
            answers: c.answers,
            needs_treatment: c.needs_treatment,
            reasons: c.reasons.split(',').filter(|r| !r.is_empty()).map(str::to_owned).collect(),
            next_due: c.next_due,
            assessment_id: c.assessment_id,
            completed_by: c.by_kind,
            linkage_task_id: None,
        }
    }
}
