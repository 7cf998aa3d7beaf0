//! `GET /api/v1/persons/{id}/schedule`.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, NaiveDate, Utc};
use pathways_domain::PersonId;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

/// A person's check-up schedule.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScheduleJson {
    /// `{"kind": "fixed", "every_months": 3, "for_months": 24}` or `{"kind": "adaptive", "cap_months": 3}`.
    #[schema(value_type = Object)]
    pub schedule: serde_json::Value,
    pub enrolled_on: NaiveDate,
    /// Absent when a fixed schedule has run its course.
    pub next_due: Option<NaiveDate>,
    pub window_days: u32,
    /// The program's IANA time zone: the window is whole days there.
    pub time_zone: String,
    pub window_opens: Option<DateTime<Utc>>,
    pub window_closes: Option<DateTime<Utc>>,
    /// `upcoming`, `due` or `overdue`.
    pub standing: Option<String>,
    pub interval_months: u32,
}

/// The person's check-up schedule: the next due date, its window and where it stands now. A person not yet on
/// a schedule is enrolled from the day their record was made.
#[utoipa::path(get, path = "/api/v1/persons/{id}/schedule", tag = "checkups",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = ScheduleJson), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn get_schedule(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
) -> WebResult<Json<ScheduleJson>> {
    let v = services::checkups::schedule(&state, &ctx, &caller, id).await?;
    Ok(Json(ScheduleJson {
        schedule: serde_json::to_value(v.schedule).unwrap_or_default(),
        enrolled_on: v.enrolled_on,
        next_due: v.next_due,
        window_days: v.window_days,
        time_zone: v.time_zone,
        window_opens: v.window_opens,
        window_closes: v.window_closes,
        standing: v.standing.map(|s| s.as_str().to_owned()),
        interval_months: v.interval_months,
    }))
}
