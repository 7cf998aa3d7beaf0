//! `GET /api/v1/housing`: recovery residences with a valid certificate, as the public board lists them. Public:
//! no token, no personal data.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, Utc};
use pathways_store::housing::ResidenceView;
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

fn json(r: &ResidenceView, distance_mi: Option<f64>) -> Option<ResidenceJson> {
    let c = r.certification.clone()?;
    Some(ResidenceJson {
        id: r.id,
        service_id: r.service_id,
        name: r.name.clone(),
        address: r.address.clone(),
        town: r.town.clone(),
        zip: r.zip.clone(),
        region: r.region.clone(),
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
        house_rules: r.house_rules.clone(),
        disclaimer: r.disclaimer.clone(),
        distance_mi,
    })
}

/// What ends a residence's JSON when it has no distance: `distance_mi` is [`ResidenceJson`]'s last field.
const NO_DISTANCE: &str = "null}";

/// A residence's JSON as serde writes [`ResidenceJson`], up to the value of its distance (`…,"distance_mi":`),
/// which each request writes (the board's snapshot keeps this piece: `crate::housing_board::Listing::json`).
/// Empty for a residence without a certificate, which the board never lists.
fn piece(r: &ResidenceView) -> String {
    let whole = json(r, None).and_then(|j| serde_json::to_string(&j).ok()).unwrap_or_default();
    whole.strip_suffix(NO_DISTANCE).map(str::to_owned).unwrap_or_default()
}

/// The page as serde writes [`HousingJson`], joined from the residences' pieces.
fn body(total: usize, page: usize, per_page: usize, listed: &[Listed]) -> String {
    let mut out = String::with_capacity(256 + listed.len() * 1_024);
    out.push_str(&format!(r#"{{"total":{total},"page":{page},"per_page":{per_page},"residences":["#));
    let mut first = true;
    for l in listed {
        let piece = l.listing.json(piece);
        if piece.is_empty() {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(piece);
        match l.distance_mi.and_then(|d| serde_json::to_string(&d).ok()) {
            Some(d) => {
                out.push_str(&d);
                out.push('}');
            }
            None => out.push_str(NO_DISTANCE),
        }
    }
    out.push_str("]}");
    out
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
pub async fn get_housing(State(state): State<AppState>, Query(params): Query<HousingParams>) -> WebResult<Response> {
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
    let json = [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))];
    Ok((json, body(board.total, page, per_page, &board.listed)).into_response())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::TimeZone;
    use pathways_domain::OrgId;
    use pathways_domain::directory::geo::LatLon;
    use pathways_domain::housing::report::ReportStatus;
    use pathways_domain::housing::{Certification, CertificationStatus, NarrLevel, Payment, Population};

    use super::*;
    use crate::housing_board::Listing;

    fn residence(name: &str, certified: bool) -> ResidenceView {
        ResidenceView {
            id: Uuid::now_v7(),
            organization: OrgId::from_uuid(Uuid::now_v7()),
            service_id: certified.then(Uuid::now_v7),
            name: name.to_owned(),
            address: "10 \"Oak\" Street".into(),
            town: "Hartford".into(),
            zip: Some("06103".into()),
            region: None,
            place: LatLon::new(41.7658, -72.6734).ok(),
            level: NarrLevel::Monitored,
            populations: vec![Population::Women, Population::Lgbtq],
            accepts_moud: true,
            serves_oud: true,
            total_beds: 8,
            reported_beds: 3,
            held: 1,
            available: 2,
            reported_at: Utc.with_ymd_and_hms(2026, 12, 1, 14, 5, 9).single(),
            report_status: ReportStatus::Fresh,
            certification: certified.then(|| Certification {
                body: "CCAR – Alliance".into(),
                number: "T-1\\2".into(),
                expires_on: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap_or_default(),
            }),
            certification_status: CertificationStatus::Current,
            house_rules: Some("Curfew 11 pm;\nhouse meeting <Sundays>.".into()),
            cost_per_week: Some(175),
            payments: vec![Payment::SelfPay, Payment::Voucher],
            naloxone_doses: 2,
            naloxone_trained_on: None,
            naloxone_flags: Vec::new(),
            disclaimer: "Not licensed treatment.".into(),
        }
    }

    /// The page joined from the snapshot's pieces is what serde writes for `HousingJson`, byte for byte: with
    /// and without a distance (a whole number of miles too), and a residence without a certificate left out.
    #[test]
    fn the_joined_page_is_what_serde_writes() {
        let rows = [residence("Maple", true), residence("No certificate", false), residence("Cedar", true)];
        for distances in [[None, None, None], [Some(3.25), Some(1.0), Some(12.0)], [Some(0.1 + 0.2), None, None]] {
            let listed: Vec<Listed> = rows
                .iter()
                .zip(distances)
                .map(|(r, d)| Listed { listing: Arc::new(Listing::new(r.clone())), distance_mi: d })
                .collect();
            let expected = HousingJson {
                total: 40,
                page: 2,
                per_page: 3,
                residences: rows.iter().zip(distances).filter_map(|(r, d)| json(r, d)).collect(),
            };
            let want = serde_json::to_string(&expected).expect("json");
            assert_eq!(body(40, 2, 3, &listed), want);
            // Made once, the pieces serve the next request the same.
            assert_eq!(body(40, 2, 3, &listed), want);
        }
        assert_eq!(body(0, 1, 20, &[]), r#"{"total":0,"page":1,"per_page":20,"residences":[]}"#);
    }
}
