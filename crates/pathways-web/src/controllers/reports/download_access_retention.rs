//! `GET /reports/access-retention.csv?year=`: the access and retention report as CSV, in long form (one line per
//! measure, group and category: `measure,counts,group,category,value`; the category `total`, and `median_days`
//! or `median_hours`), suppressed as on the page. The network's file is built by the same `csv_file`.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::{YearQuery, cell_text};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::services;
use crate::services::outcome_reports::AccessRetention;
use crate::state::AppState;

/// The CSV file of a report, named `{name}-FY{year}.csv`.
pub fn csv_file(ctx: &Ctx, r: &AccessRetention, name: &str) -> WebResult<Response> {
    let t = ctx.t();
    let csv_err = |_| WebError::BadRequest(crate::key!("error-invalid"));
    let all = if r.network { t.get("report-network-all") } else { t.get("report-organization") };
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["measure", "counts", "group", "category", "value"]).map_err(csv_err)?;
    for m in &r.measures {
        let median_code = format!("median_{}", m.measure.unit());
        let mut groups: Vec<(String, Vec<String>, String, Option<i64>)> = Vec::new();
        if r.network {
            for (i, g) in r.groups.iter().enumerate() {
                let cells = m.table.cells[i].iter().map(|c| cell_text(&t, *c)).collect();
                groups.push((g.clone(), cells, cell_text(&t, m.table.row_totals[i]), m.medians[i]));
            }
        }
        let cells = m.table.column_totals.iter().map(|c| cell_text(&t, *c)).collect();
        groups.push((all.clone(), cells, cell_text(&t, m.table.total), m.median_all));
        for (group, cells, total, median) in groups {
            let rec = |category: &str, value: String| {
                [
                    m.measure.as_str().to_owned(),
                    m.measure.counts().to_owned(),
                    group.clone(),
                    category.to_owned(),
                    value,
                ]
            };
            for (code, value) in m.measure.categories().iter().zip(cells) {
                out.write_record(rec(code, value)).map_err(csv_err)?;
            }
            out.write_record(rec("total", total)).map_err(csv_err)?;
            let median = median.map_or_else(|| t.get("report-retention-median-none"), |v| v.to_string());
            out.write_record(rec(&median_code, median)).map_err(csv_err)?;
        }
    }
    let body = out.into_inner().map_err(|_| WebError::BadRequest(crate::key!("error-invalid")))?;
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    let disposition = format!("attachment; filename=\"{name}-FY{}.csv\"", r.fiscal_year.year);
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).map_err(|_| WebError::NotFound)?);
    Ok(resp)
}

pub async fn download_access_retention(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Response> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let r = services::outcome_reports::access_retention(&state, &ctx, &caller, fy).await?;
    csv_file(&ctx, &r, "access-retention")
}
