//! `GET /reports/perception.csv?year=`: the perception report's table as CSV (`item,responses,agreeing_share,ci95`),
//! suppressed as on the page. Comments are not in the file.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::YearQuery;
use super::show_perception::item_words;
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;

pub async fn download_perception(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Response> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let r = services::perception::report(&state, &ctx, &caller, fy).await?;
    let t = ctx.t();
    let csv_err = |_| WebError::BadRequest(crate::key!("error-invalid"));
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["item", "responses", "agreeing_share", "ci95"]).map_err(csv_err)?;
    for f in &r.items {
        let (n, share, interval) = item_words(&t, f);
        out.write_record([f.id.to_owned(), n, share, interval]).map_err(csv_err)?;
    }
    let body = out.into_inner().map_err(|_| WebError::BadRequest(crate::key!("error-invalid")))?;
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    let name = format!("attachment; filename=\"perception-FY{}.csv\"", fy.year);
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&name).map_err(|_| WebError::NotFound)?);
    Ok(resp)
}
