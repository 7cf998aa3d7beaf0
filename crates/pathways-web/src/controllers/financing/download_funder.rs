//! `GET /financing/funder.csv?month=YYYY-MM&source=<id>`: one funder's signed services of the month, one line per
//! service and person, without names (a funder's report counts services, it does not need to know who). Written to
//! the response page by page (`csv_pages`) once the caller has passed the gate.

use axum::extract::{Query, State};
use axum::response::Response;
use pathways_store::financing::reports::ClaimLine;

use super::{MonthQuery, csv_pages};
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::services::financing::{FunderFile, Report};
use crate::state::AppState;

const HEADER: [&str; 11] = [
    "service_id",
    "date",
    "code",
    "modifiers",
    "place_of_service",
    "minutes",
    "units",
    "amount",
    "staff",
    "funding_source",
    "ready_to_bill",
];

pub async fn download_funder(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<MonthQuery>,
) -> WebResult<Response> {
    let month = q.month()?;
    let file = services::financing::funder(&state, &ctx, &caller, month, q.source()).await?;
    let name = format!("funder-{}.csv", file.report.month.format("%Y-%m"));
    csv_pages(&name, &HEADER, ctx.request_id.clone(), file, next_rows).await
}

/// The file's next page as rows (`None`: the file is complete).
async fn next_rows(mut file: FunderFile) -> WebResult<Option<(Vec<Vec<String>>, FunderFile)>> {
    let Some(lines) = file.next_page().await? else { return Ok(None) };
    let rows = lines.iter().map(|l| row(&file.report, l)).collect();
    Ok(Some((rows, file)))
}

/// One line of the file.
fn row(r: &Report, l: &ClaimLine) -> Vec<String> {
    let e = &l.event;
    let ready = e.problem_count == 0;
    let modifiers: Vec<String> = serde_json::from_value(e.modifiers.clone()).unwrap_or_default();
    let name = r.sources.iter().find(|s| s.id == e.funding_source_id).map(|s| s.name.clone()).unwrap_or_default();
    vec![
        e.id.to_string(),
        e.occurred_on.to_string(),
        e.code.clone(),
        modifiers.join(":"),
        e.place_of_service.clone(),
        e.minutes.to_string(),
        l.units.to_string(),
        format!("{:.2}", rate(e.cents, e.units, l.units)),
        r.staff.get(&e.staff_account_id).cloned().unwrap_or_default(),
        name,
        if ready { "yes" } else { "no" }.to_owned(),
    ]
}

/// This person's share of the event's dollars (a group event's cents are the sum over its persons).
pub fn rate(cents: i64, units: i32, person_units: i32) -> f64 {
    if units == 0 { 0.0 } else { cents as f64 / f64::from(units) * f64::from(person_units) / 100.0 }
}
