//! `GET /api/v1/capacity`: open beds by program, with freshness. Public, like the board: no personal data.

use axum::Json;
use axum::extract::{Query, State};
use pathways_domain::access_line::LevelOfCare;
use pathways_domain::text::FieldError;
use pathways_store::capacity::{BoardFilter, board};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ProgramJson;
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// The query string, read as text so a bad value is named in a 422.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CapacityParams {
    pub level: String,
    pub near: String,
    pub population: String,
    /// A region as the programs name it (`North Central`).
    pub region: String,
    /// `true`: only programs with a bed to offer.
    pub available: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CapacityJson {
    pub programs: Vec<ProgramJson>,
}

/// Reads the parameters into a filter, naming every bad one.
/// The board's filter; a town without a state is looked up in `home_state` (the deployment's).
pub fn filter_of(p: &CapacityParams, home_state: &str) -> WebResult<BoardFilter> {
    let mut errors = Vec::new();
    let level = match p.level.trim() {
        "" => None,
        code => {
            let l = LevelOfCare::parse(code);
            if l.is_none() {
                errors.push(FieldError::new("level", "unknown-choice"));
            }
            l
        }
    };
    let near = match p.near.trim() {
        "" => None,
        text => {
            let place = crate::places::resolve(text, home_state);
            if place.is_none() {
                errors.push(FieldError::new("near", "unknown-place"));
            }
            place.map(|p| p.point)
        }
    };
    let available_only = match p.available.trim() {
        "" | "false" => false,
        "true" => true,
        _ => {
            errors.push(FieldError::new("available", "unknown-choice"));
            false
        }
    };
    if !errors.is_empty() {
        return Err(WebError::Invalid(errors));
    }
    let population = Some(p.population.trim().to_owned()).filter(|s| !s.is_empty());
    let region = Some(p.region.trim().to_owned()).filter(|s| !s.is_empty());
    Ok(BoardFilter { level, near, population, region, available_only, ..BoardFilter::default() })
}

#[utoipa::path(get, path = "/api/v1/capacity", tag = "capacity",
    params(
        ("level" = Option<String>, Query, description = "An ASAM level code: 3.7-WM, 3.2-WM, 3.5…"),
        ("near" = Option<String>, Query, description = "A ZIP code, a town, or `lat,lon`: nearest first"),
        ("population" = Option<String>, Query, description = "men, women, adolescents…"),
        ("region" = Option<String>, Query, description = "A region as the programs name it"),
        ("available" = Option<bool>, Query, description = "Only programs with a bed to offer")
    ),
    responses((status = 200, body = CapacityJson), (status = 422, description = "A parameter could not be read")))]
pub async fn get_capacity(
    State(state): State<AppState>,
    Query(params): Query<CapacityParams>,
) -> WebResult<Json<CapacityJson>> {
    let filter = filter_of(&params, &state.config.deployment.state)?;
    let now = pathways_store::now();
    let programs = board(state.store.reader(), &filter, now, state.config.capacity_stale_after()).await?;
    Ok(Json(CapacityJson { programs: programs.into_iter().map(ProgramJson::from).collect() }))
}
