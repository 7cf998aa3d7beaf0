//! `GET /reports/network/people-served.csv?year=`: the state's network figures as CSV, in long form (one line per
//! table, group and quarter: `table,group,period,first_day,last_day,persons`), suppressed as on the page.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use pathways_domain::outcomes::Cell;

use super::show_network_people_served::region_label;
use super::{YearQuery, cell_text};
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;

pub async fn download_network_people_served(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Response> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let r = services::reports::network_people_served(&state, &ctx, &caller, fy).await?;
    let t = ctx.t();
    let mut lines: Vec<(&str, String, usize, Cell)> = Vec::new();
    for (i, _) in r.quarters.iter().enumerate() {
        lines.push(("network", "new".into(), i, r.trend.cells[i][0]));
        lines.push(("network", "continuing".into(), i, r.trend.cells[i][1]));
        lines.push(("network", "total".into(), i, r.trend.row_totals[i]));
    }
    for (k, name) in r.orgs.iter().enumerate() {
        for i in 0..4 {
            lines.push(("organization", name.clone(), i, r.by_org.cells[k][i]));
        }
    }
    for (k, region) in r.regions.iter().enumerate() {
        for i in 0..4 {
            lines.push(("region", region_label(&t, region), i, r.by_region.cells[k][i]));
        }
    }
    let csv_err = |_| WebError::BadRequest(crate::key!("error-invalid"));
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["table", "group", "period", "first_day", "last_day", "persons"]).map_err(csv_err)?;
    for (table, group, i, cell) in lines {
        let q = r.quarters[i];
        out.write_record([
            table.to_owned(),
            group,
            q.label(),
            q.first_day().to_string(),
            q.end().pred_opt().unwrap_or(q.end()).to_string(),
            cell_text(&t, cell),
        ])
        .map_err(csv_err)?;
    }
    let body = out.into_inner().map_err(|_| WebError::BadRequest(crate::key!("error-invalid")))?;
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    let name = format!("attachment; filename=\"network-people-served-FY{}.csv\"", fy.year);
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&name).map_err(|_| WebError::NotFound)?);
    Ok(resp)
}
