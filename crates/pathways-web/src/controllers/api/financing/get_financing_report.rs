//! `GET /api/v1/financing/report`.

use axum::Json;
use axum::extract::State;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, ApiQuery, Bounded};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ReportQuery {
    /// The year (2000–2100; default: this month's).
    #[param(inline)]
    pub year: Option<Bounded<2000, 2100>>,
    /// The month, 1–12 (default: this month).
    #[param(inline)]
    pub month: Option<Bounded<1, 12>>,
}

/// One funding source and staff member's signed events in the month.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportLineJson {
    pub funding_source: Uuid,
    pub funding_source_name: String,
    pub staff_account_id: Uuid,
    pub events: i64,
    pub units: i64,
    pub cents: i64,
}

/// A voucher's balance.
#[derive(Debug, Serialize, ToSchema)]
pub struct VoucherJson {
    pub id: Uuid,
    pub funding_source: Uuid,
    pub person_id: Uuid,
    pub number: String,
    pub authorized_units: i32,
    pub balance_units: i32,
    pub expires_on: NaiveDate,
    /// When an administrator withdrew it (no new service is signed against it); null: in force.
    pub withdrawn_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl From<&pathways_store::model::VoucherRow> for VoucherJson {
    fn from(v: &pathways_store::model::VoucherRow) -> Self {
        Self {
            id: v.id,
            funding_source: v.funding_source_id,
            person_id: v.person_id,
            number: v.number.clone(),
            authorized_units: v.authorized_units,
            balance_units: v.balance_units,
            expires_on: v.expires_on,
            withdrawn_at: v.withdrawn_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReportJson {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub lines: Vec<ReportLineJson>,
    /// Claim lines (one per person of a signed event) with every check passed.
    pub ready_to_bill: u64,
    /// Claim lines of signed events still with a problem.
    pub with_problems: u64,
    pub vouchers: Vec<VoucherJson>,
}

/// Units and dollars of signed service events by funding source and staff member for a month, the count ready
/// to bill, and voucher balances (supervisors and administrators).
#[utoipa::path(get, path = "/api/v1/financing/report", tag = "financing", params(ReportQuery),
    responses((status = 200, body = ReportJson), (status = 400), (status = 401), (status = 403)),
    security(("bearer" = [])))]
pub async fn get_financing_report(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    ApiQuery(q): ApiQuery<ReportQuery>,
) -> WebResult<Json<ReportJson>> {
    let today = crate::clock::today();
    let year = q.year.map_or(today.year(), |y| i32::try_from(y.get()).unwrap_or(today.year()));
    let month = q.month.map_or(today.month(), |m| u32::try_from(m.get()).unwrap_or(1));
    let first = NaiveDate::from_ymd_opt(year, month, 1).ok_or(WebError::BadRequest("month"))?;
    let r = services::financing::report(&state, &ctx, &caller, first).await?;
    let (_, last) = services::financing::month_bounds(first);
    let name = |id: Uuid| r.sources.iter().find(|s| s.id == id).map(|s| s.name.clone()).unwrap_or_default();
    Ok(Json(ReportJson {
        first_day: first,
        last_day: last,
        lines: r
            .lines
            .iter()
            .map(|l| ReportLineJson {
                funding_source: l.source,
                funding_source_name: name(l.source),
                staff_account_id: l.staff,
                events: l.events,
                units: l.units,
                cents: l.cents,
            })
            .collect(),
        ready_to_bill: r.ready.unsigned_abs(),
        with_problems: r.waiting.unsigned_abs(),
        vouchers: r.vouchers.iter().map(VoucherJson::from).collect(),
    }))
}
