//! `GET /api/v1/reports/network/naloxone`: the state's network trainings and naloxone figures by region
//! (aggregates only; attendees and reversals suppressed).

use axum::Json;
use axum::extract::State;
use pathways_domain::community::naloxone::TrainingKind;
use serde::Serialize;
use utoipa::ToSchema;

use super::get_people_served::{CellJson, PeopleServedQuery};
use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery};
use crate::services;
use crate::state::AppState;

/// One region's figures in the fiscal year.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegionNaloxoneJson {
    /// The region as recorded (`null`: not recorded).
    pub region: Option<String>,
    /// Trainings held per type (`training_types` order): sessions, not persons, so never suppressed.
    pub trainings: Vec<u64>,
    /// Attendees per type (`training_types` order): persons, suppressed.
    pub attendees: Vec<CellJson>,
    /// Naloxone kits given out per quarter of the fiscal year: kits, not persons, so never suppressed.
    pub kits: Vec<u64>,
    /// Overdose reversals reported per quarter: persons, suppressed.
    pub reversals: Vec<CellJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkNaloxoneJson {
    pub fiscal_year: i32,
    /// The month (1–12) the fiscal year starts in (`fiscal_year_start_month`).
    pub start_month: u32,
    /// The training types, in the order of every `trainings` and `attendees` list.
    pub training_types: Vec<&'static str>,
    pub regions: Vec<RegionNaloxoneJson>,
    /// The network's attendees per type and reversals per quarter (column totals, suppressed as the tables).
    pub total_attendees: Vec<CellJson>,
    pub total_reversals: Vec<CellJson>,
}

/// Trainings held (and their attendees) by type and naloxone kits given out (and reversals reported) by quarter
/// of a state fiscal year, per region of the caller's state agency's network. Administrators, supervisors and
/// analysts of a state agency; aggregates only, counts of 1 to 10 persons (and any count they could be worked
/// out from within a table) suppressed.
#[utoipa::path(get, path = "/api/v1/reports/network/naloxone", tag = "reports", params(PeopleServedQuery),
    responses((status = 200, body = NetworkNaloxoneJson), (status = 400), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn get_network_naloxone(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    ApiQuery(q): ApiQuery<PeopleServedQuery>,
) -> WebResult<Json<NetworkNaloxoneJson>> {
    let fy = services::reports::fiscal_year(&state, q.year.map(|y| y.0.to_string()).as_deref())?;
    let r = services::naloxone::network(&state, &ctx, &caller, fy).await?;
    let f = &r.figures;
    let regions = r
        .regions
        .iter()
        .enumerate()
        .map(|(i, region)| RegionNaloxoneJson {
            region: region.clone(),
            trainings: f.trainings[i].clone(),
            attendees: f.attendees.cells[i].iter().map(|c| (*c).into()).collect(),
            kits: f.kits[i].clone(),
            reversals: f.reversals.cells[i].iter().map(|c| (*c).into()).collect(),
        })
        .collect();
    Ok(Json(NetworkNaloxoneJson {
        fiscal_year: fy.year,
        start_month: fy.start_month,
        training_types: TrainingKind::ALL.iter().map(|k| k.code()).collect(),
        regions,
        total_attendees: f.attendees.column_totals.iter().map(|c| (*c).into()).collect(),
        total_reversals: f.reversals.column_totals.iter().map(|c| (*c).into()).collect(),
    }))
}
