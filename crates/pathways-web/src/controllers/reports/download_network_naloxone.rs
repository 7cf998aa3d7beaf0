//! `GET /reports/network/naloxone.csv?year=`: the state's network trainings and naloxone figures as CSV, in long
//! form (`table,region,column,value`: one line per table, region and type or quarter, and each table's totals
//! as region `all` / column `total`), suppressed as on the page.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::YearQuery;
use super::show_network_naloxone::tables;
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;

pub async fn download_network_naloxone(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Response> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let r = services::naloxone::network(&state, &ctx, &caller, fy).await?;
    let t = ctx.t();
    let csv_err = |_| WebError::BadRequest(crate::key!("error-invalid"));
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["table", "region", "column", "value"]).map_err(csv_err)?;
    let total = "total".to_owned();
    for table in tables(&t, &r) {
        for line in table.lines.iter().chain(std::iter::once(&table.totals)) {
            let cells = table.columns.iter().zip(&line.cells).chain(std::iter::once((&total, &line.total)));
            for (column, value) in cells {
                out.write_record([table.id, line.label.as_str(), column.as_str(), value.as_str()]).map_err(csv_err)?;
            }
        }
    }
    let body = out.into_inner().map_err(|_| WebError::BadRequest(crate::key!("error-invalid")))?;
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    let name = format!("attachment; filename=\"network-naloxone-FY{}.csv\"", fy.year);
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&name).map_err(|_| WebError::NotFound)?);
    Ok(resp)
}
