//! `GET /financing/claims.csv?month=YYYY-MM&source=<id>`: the month's service lines ready to bill, one per person,
//! in the order of the CMS-1500 form's fields a clearinghouse maps (not an X12 837P: see docs/FINANCING.md).
//! It names persons: each one's record read is audited, page by page, before the page is sent (`csv_pages`).

use axum::extract::{Query, State};
use axum::response::Response;
use pathways_store::financing::reports::ClaimLine;

use super::download_funder::rate;
use super::{MonthQuery, csv_pages};
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::services::financing::{ClaimsFile, Patient};
use crate::state::AppState;

const HEADER: [&str; 11] = [
    "patient_name",
    "patient_birth_date",
    "prior_authorization",
    "date_of_service",
    "place_of_service",
    "procedure_code",
    "modifiers",
    "charges",
    "units",
    "rendering_staff_id",
    "service_id",
];

pub async fn download_claims(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<MonthQuery>,
) -> WebResult<Response> {
    let month = q.month()?;
    let file = services::financing::claims(&state, &ctx, &caller, month, q.source()).await?;
    let name = format!("claims-{}.csv", month.format("%Y-%m"));
    csv_pages(&name, &HEADER, ctx.request_id.clone(), file, next_rows).await
}

/// The file's next page as rows (`None`: the file is complete); its persons' reads are audited before it is given.
async fn next_rows(mut file: ClaimsFile) -> WebResult<Option<(Vec<Vec<String>>, ClaimsFile)>> {
    let Some(lines) = file.next_page().await? else { return Ok(None) };
    let rows = lines.iter().map(|(l, p)| row(l, p)).collect();
    Ok(Some((rows, file)))
}

/// One line of the file.
fn row(l: &ClaimLine, p: &Patient) -> Vec<String> {
    let e = &l.event;
    let modifiers: Vec<String> = serde_json::from_value(e.modifiers.clone()).unwrap_or_default();
    vec![
        p.name.clone(),
        p.birth_date.map(|d| d.to_string()).unwrap_or_default(),
        e.authorization.clone().unwrap_or_default(),
        e.occurred_on.to_string(),
        e.place_of_service.clone(),
        e.code.clone(),
        modifiers.join(":"),
        format!("{:.2}", rate(e.cents, e.units, l.units)),
        l.units.to_string(),
        e.staff_account_id.to_string(),
        e.id.to_string(),
    ]
}
