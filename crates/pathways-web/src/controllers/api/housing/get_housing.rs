//! `GET /api/v1/housing`: recovery residences with a valid certificate, as the public board lists them. Public:
//! no token, no personal data.

use axum::Json;
use axum::extract::{Query, State};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::{WebError, WebResult};
use crate::extract::HousingParams;
use crate::services;
use crate::services::housing::Listed;
use crate::state::AppState;

/// A residence's certificate, as its certifier issued it.
#[derive(Debug, Serialize, ToSchema)]
pub struct CertificationJson {
    /// The certifying body's own name (an affiliate of the National Alliance for Recovery Residences, or another
    /// body DMHAS recognizes).
    pub body: String,
    /// The certificate's number, as the certifier wrote it.
    pub number: String,
    /// The last day it is valid.
    pub expires_on: NaiveDate,
    /// `current`, or `expiring` within 30 days (the board lists no other).
    #[schema(example = "current")]
    pub status: String,
}

/// A recovery residence on the board. No personal data.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResidenceJson {
    pub id: Uuid,
    /// Its directory listing, when it has one (`/find/{service_id}`).
    pub service_id: Option<Uuid>,
    pub name: String,
    pub address: String,
    pub town: String,
    pub zip: Option<String>,
    pub region: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// The NARR level of support: `I` peer-run, `II` monitored, `III` supervised, `IV` service provider. A kind
    /// of support, not a ranking.
    #[schema(example = "II")]
    pub level: String,
    /// Who it serves: `men`, `women`, `women_with_children`, `lgbtq`, `young_adults`.
    pub populations: Vec<String>,
    /// Accepts residents taking medications for opioid use disorder.
    pub accepts_moud: bool,
    pub total_beds: u32,
    /// Beds a person can be offered now: the last report less the beds held for referred persons.
    pub available_beds: u32,
    /// When the operator last reported its beds (weekly, C.G.S. §17a-716).
    pub reported_at: Option<DateTime<Utc>>,
    /// `fresh`, `due` (six days or older), `stale` (more than seven days) or `never`.
    #[schema(example = "fresh")]
    pub report_status: String,
    pub certification: CertificationJson,
    /// Whole dollars a week.
    pub cost_per_week: Option<u32>,
    /// `self_pay`, `voucher`.
    pub payments: Vec<String>,
    pub house_rules: Option<String>,
    /// The residence's own statement that it is not licensed treatment.
    pub disclaimer: String,
    /// From `near`, when given and the residence has a place.
    pub distance_mi: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HousingJson {
    /// How many residences the filters admit, on every page.
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    /// This page's: a bed now first, then counts from this week, then nearest, then by name.
    pub residences: Vec<ResidenceJson>,
}

fn json(l: Listed) -> Option<ResidenceJson> {
    let r = l.residence;
    let c = r.certification?;
    Some(ResidenceJson {
        id: r.id,
        service_id: r.service_id,
        name: r.name,
        address: r.address,
        town: r.town,
        zip: r.zip,
        region: r.region,
        latitude: r.place.map(|p| p.lat()),
        longitude: r.place.map(|p| p.lon()),
        level: r.level.code().to_owned(),
        populations: r.populations.iter().map(|p| p.code().to_owned()).collect(),
        accepts_moud: r.accepts_moud,
        total_beds: r.total_beds,
        available_beds: r.available,
        reported_at: r.reported_at,
        report_status: r.report_status.code().to_owned(),
        certification: CertificationJson {
            body: c.body,
            number: c.number,
            expires_on: c.expires_on,
            status: r.certification_status.code().to_owned(),
        },
        cost_per_week: r.cost_per_week,
        payments: r.payments.iter().map(|p| p.code().to_owned()).collect(),
        house_rules: r.house_rules,
        disclaimer: r.disclaimer,
        distance_mi: l.distance_mi,
    })
}

#[utoipa::path(get, path = "/api/v1/housing", tag = "housing",
    params(
        ("town" = Option<String>, Query, description = "A town, as residences name it (any case)"),
        ("region" = Option<String>, Query, description = "A region, as residences name it"),
        ("near" = Option<String>, Query, description = "A ZIP code or a town: residences within `within` miles"),
        ("within" = Option<f64>, Query, exclusive_minimum = 0, maximum = 500,
            description = "Miles from `near` (default 25, more than 0 and at most 500)"),
        ("population" = inline(Option<crate::schemas::ResidencePopulationCode>), Query, description = "men, women, women_with_children, lgbtq, young_adults"),
        ("moud" = Option<bool>, Query, description = "Only residences accepting people on medications for opioid use disorder"),
        ("max_cost" = inline(Option<crate::extract::Bounded<0, 4_294_967_295>>), Query, description = "At most this many dollars a week"),
        ("level" = inline(Option<crate::schemas::NarrLevelCode>), Query, description = "A NARR level: I, II, III or IV"),
        ("beds" = Option<bool>, Query, description = "Only residences with a bed now"),
        ("page" = Option<u32>, Query, minimum = 1, maximum = 10000, description = "The page, from 1"),
        ("per_page" = Option<u32>, Query, minimum = 1, maximum = 100, description = "Residences a page (default 20)")
    ),
    responses((status = 200, body = HousingJson), (status = 422, description = "A parameter could not be read")))]
pub async fn get_housing(
    State(state): State<AppState>,
    Query(params): Query<HousingParams>,
) -> WebResult<Json<HousingJson>> {
    let (query, page, per_page) = match (
        params.query(&state.config.deployment.state),
        params.page(),
        params.per_page(services::housing::PER_PAGE),
    ) {
        (Ok(q), Ok(page), Ok(per_page)) => (q, page, per_page),
        (q, page, per_page) => {
            let mut fields = q.err().unwrap_or_default();
            fields.extend(page.err());
            fields.extend(per_page.err());
            return Err(WebError::Invalid(fields));
        }
    };
    let board = services::housing::board(&state, &query, (page - 1) * per_page, per_page).await?;
    let residences = board.listed.into_iter().filter_map(json).collect();
    Ok(Json(HousingJson { total: board.total, page, per_page, residences }))
}
