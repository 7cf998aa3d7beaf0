//! `GET /financing/claims.csv?month=YYYY-MM&source=<id>`: the month's service lines ready to bill, one per person,
//! in the order of the CMS-1500 form's fields a clearinghouse maps (not an X12 837P: see docs/FINANCING.md).
//! It names persons: each one's record read is audited.

use axum::extract::{Query, State};
use axum::response::Response;

use super::download_funder::rate;
use super::{MonthQuery, csv_response};
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;

pub async fn download_claims(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<MonthQuery>,
) -> WebResult<Response> {
    let month = q.month()?;
    let (lines, persons) = services::financing::claims(&state, &ctx, &caller, month, q.source()).await?;
    let mut rows = vec![
        [
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
        ]
        .map(String::from)
        .to_vec(),
    ];
    for l in &lines {
        let Some(p) = persons.get(&l.person) else { continue };
        let e = &l.event;
        let modifiers: Vec<String> = serde_json::from_value(e.modifiers.clone()).unwrap_or_default();
        rows.push(vec![
            p.legal_name.clone().unwrap_or_else(|| p.preferred_name.clone()),
            p.date_of_birth.map(|d| d.to_string()).unwrap_or_default(),
            e.authorization.clone().unwrap_or_default(),
            e.occurred_on.to_string(),
            e.place_of_service.clone(),
            e.code.clone(),
            modifiers.join(":"),
            format!("{:.2}", rate(e.cents, e.units, l.units)),
            l.units.to_string(),
            e.staff_account_id.to_string(),
            e.id.to_string(),
        ]);
    }
    csv_response(rows, &format!("claims-{}.csv", month.format("%Y-%m")))
}
