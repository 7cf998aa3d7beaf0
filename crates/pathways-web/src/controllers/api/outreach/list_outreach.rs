//! `GET /api/v1/outreach`.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, NaiveDate, Utc};
use pathways_domain::outcomes::{Interview, Window};
use pathways_store::outreach::QueuePage;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery, Bounded, Offset};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct OutreachQuery {
    /// Only the items escalated to supervisors after failed attempts.
    pub escalated: bool,
    /// Items to return, 1 to 500 (default 200); outside that, 400.
    #[param(inline)]
    pub limit: Option<Bounded<1, 500>>,
    /// Items to skip, for the next page (default 0).
    #[param(inline)]
    pub offset: Option<Offset>,
}

/// An item on the outreach queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutreachItemJson {
    pub id: Uuid,
    pub person_id: Uuid,
    pub preferred_name: String,
    /// `unsafe_checkin`, `linkage_needed`, `linkage_stalled`, `checkup_overdue`, `barc10_drop`, `checkup_due`,
    /// `not_engaged`, `no_checkin`, `plan_review_overdue`, `interview_due`.
    pub kind: String,
    /// 0 urgent, 1 high, 2 soon, 3 routine.
    pub urgency_class: i16,
    pub opened_at: DateTime<Utc>,
    pub attempts: i32,
    pub failed_attempts: i32,
    pub last_attempt_at: Option<DateTime<Utc>>,
    pub escalated_at: Option<DateTime<Utc>>,
    /// For an `interview_due` item: the outcome interview and its window open today.
    pub interview_window: Option<InterviewWindowJson>,
}

/// An outcome interview's window: the interview, the day it is due and the first and last day it may be done on.
#[derive(Debug, Serialize, ToSchema)]
pub struct InterviewWindowJson {
    /// `baseline`, `reassessment`, `annual` or `closeout`.
    pub interview: &'static str,
    /// The anniversary, for an annual interview.
    pub year: Option<u32>,
    pub due_on: NaiveDate,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
}

impl From<Window> for InterviewWindowJson {
    fn from(w: Window) -> Self {
        let year = match w.interview {
            Interview::Annual(y) => Some(y),
            _ => None,
        };
        Self { interview: w.interview.as_str(), year, due_on: w.due, opens_on: w.opens, closes_on: w.closes }
    }
}

/// The caller's worklist for today: the open items of the persons they may see (a coach: their caseload;
/// supervisors: the organization), most urgent first, then longest waiting.
#[utoipa::path(get, path = "/api/v1/outreach", tag = "checkups", params(OutreachQuery),
    responses((status = 200, body = [OutreachItemJson]), (status = 401), (status = 403)),
    security(("bearer" = [])))]
pub async fn list_outreach(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    ApiQuery(q): ApiQuery<OutreachQuery>,
) -> WebResult<Json<Vec<OutreachItemJson>>> {
    let slice = QueuePage {
        escalated_only: q.escalated,
        offset: q.offset.map_or(0, Bounded::get),
        limit: q.limit.map_or(200, Bounded::get),
    };
    let (rows, windows) = services::outreach::queue_slice(&state, &ctx, &caller, slice).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| OutreachItemJson {
                interview_window: windows
                    .get(&r.person_id)
                    .filter(|_| r.kind == "interview_due")
                    .map(|w| InterviewWindowJson::from(*w)),
                id: r.id,
                person_id: r.person_id,
                preferred_name: r.preferred_name,
                kind: r.kind,
                urgency_class: r.urgency_class,
                opened_at: r.opened_at,
                attempts: r.attempts,
                failed_attempts: r.failed_attempts,
                last_attempt_at: r.last_attempt_at,
                escalated_at: r.escalated_at,
            })
            .collect(),
    ))
}
