//! `GET /reports/people-served.csv?year=`: the people-served table as CSV (one line per quarter and one for the
//! year), suppressed as on the page.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::{YearQuery, cell_text};
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;

pub async fn download_people_served(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Response> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let report = services::reports::people_served(&state, &ctx, &caller, fy).await?;
    let t = ctx.t();
    let mut out = csv::Writer::from_writer(Vec::new());
    let csv_err = |_| WebError::BadRequest(crate::key!("error-invalid"));
    out.write_record(["period", "first_day", "last_day", "new", "continuing", "total"]).map_err(csv_err)?;
    for (i, q) in report.quarters.iter().enumerate() {
        let cells = &report.by_quarter.cells[i];
        out.write_record([
            q.label(),
            q.first_day().to_string(),
            q.end().pred_opt().unwrap_or(q.end()).to_string(),
            cell_text(&t, cells[0]),
            cell_text(&t, cells[1]),
            cell_text(&t, report.by_quarter.row_totals[i]),
        ])
        .map_err(csv_err)?;
    }
    let y = &report.year;
    out.write_record([
        format!("FY{}", fy.year),
        fy.first_day().to_string(),
        fy.end().pred_opt().unwrap_or(fy.end()).to_string(),
        cell_text(&t, y.cells[0][0]),
        cell_text(&t, y.cells[0][1]),
        cell_text(&t, y.row_totals[0]),
    ])
    .map_err(csv_err)?;
    let body = out.into_inner().map_err(|_| WebError::BadRequest(crate::key!("error-invalid")))?;
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    let name = format!("attachment; filename=\"people-served-FY{}.csv\"", fy.year);
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&name).map_err(|_| WebError::NotFound)?);
    Ok(resp)
}
