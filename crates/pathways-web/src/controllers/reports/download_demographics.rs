//! `GET /reports/people-served/demographics.csv?year=` and `GET /reports/network/people-served/demographics.csv?year=`:
//! the year's persons by age band and by preferred language as CSV (`dimension,group,persons`), suppressed as on
//! the page.

use axum::extract::{Query, State};
use axum::response::Response;
use pathways_domain::outcomes::demographics::{AgeBand, LanguageGroup};

use super::{YearQuery, cell_text, csv_attachment};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::services;
use crate::services::reports::Demographics;
use crate::state::AppState;

pub async fn download_demographics(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Response> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let r = services::reports::people_served(&state, &ctx, &caller, fy).await?;
    demographics_csv(&ctx, &r.demographics, &format!("people-served-demographics-FY{}.csv", fy.year))
}

pub async fn download_network_demographics(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Response> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let r = services::reports::network_people_served(&state, &ctx, &caller, fy).await?;
    demographics_csv(&ctx, &r.demographics, &format!("network-people-served-demographics-FY{}.csv", fy.year))
}

fn demographics_csv(ctx: &Ctx, d: &Demographics, name: &str) -> WebResult<Response> {
    let t = ctx.t();
    let mut out = csv::Writer::from_writer(Vec::new());
    let csv_err = |_| WebError::BadRequest(crate::key!("error-invalid"));
    out.write_record(["dimension", "group", "persons"]).map_err(csv_err)?;
    for (band, c) in AgeBand::ALL.iter().zip(&d.ages.row_totals) {
        out.write_record(["age_band", band.key(), &cell_text(&t, *c)]).map_err(csv_err)?;
    }
    for (group, c) in LanguageGroup::all().iter().zip(&d.languages.row_totals) {
        out.write_record(["language", group.key(), &cell_text(&t, *c)]).map_err(csv_err)?;
    }
    out.write_record(["all", "all", &cell_text(&t, d.ages.total)]).map_err(csv_err)?;
    csv_attachment(out, name)
}
