//! `GET /api/hsds/services`: active services by page, in name order.

use axum::Json;
use axum::extract::{Query, State};
use axum::response::IntoResponse;
use chrono::{DateTime, NaiveDate, Utc};
use pathways_store::export::hsds;
use pathways_store::export::read::{ServiceFilter, services_page};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{HsdsPage, Problem, any_origin, flag, paging, refuse, vocabularies};
use crate::error::WebResult;
use crate::state::AppState;

/// Everything is text, so a bad value is named in a 422 rather than refused unread.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct ServiceListParams {
    /// Words the service's name contains (any case).
    pub search: String,
    /// The page, from 1 (at most 1 000 000).
    #[param(value_type = Option<u64>, minimum = 1, maximum = 1_000_000)]
    pub page: Option<String>,
    /// 1 to 500 (default 50).
    #[param(value_type = Option<u64>, minimum = 1, maximum = 500)]
    pub per_page: Option<String>,
    /// Only this organization's services (an id that is not one matches nothing).
    pub organization_id: String,
    /// Only services changed at or after this time (RFC 3339, or a date: its midnight UTC).
    #[param(value_type = Option<crate::schemas::TimeOrDate>, inline)]
    pub modified_after: String,
    /// `true`: fully nested services instead of their one-to-one fields.
    #[param(value_type = Option<bool>)]
    pub full: Option<String>,
    /// HSDS's filter by taxonomy term: not offered, so not described; given, it is refused with 422.
    #[param(ignore)]
    pub taxonomy_term_id: String,
    /// HSDS's filter by taxonomy: not offered, so not described; given, it is refused with 422.
    #[param(ignore)]
    pub taxonomy_id: String,
}

/// RFC 3339, or a plain date taken as its midnight in UTC.
fn instant(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(|d| d.and_time(chrono::NaiveTime::MIN).and_utc()))
}

/// The query string read into a filter, a page and whether to nest fully.
fn parse(p: &ServiceListParams) -> WebResult<(ServiceFilter, pathways_store::export::read::Paging, bool)> {
    let mut problems: Vec<Problem> = Vec::new();
    let paging = paging(p.page.as_deref(), p.per_page.as_deref(), &mut problems);
    let full = flag("full", p.full.as_deref(), &mut problems);
    let modified_after = match p.modified_after.trim() {
        "" => None,
        t => {
            let at = instant(t);
            if at.is_none() {
                problems.push((
                    "modified_after",
                    "invalid-date",
                    "modified_after must be an RFC 3339 time or a date".into(),
                ));
            }
            at
        }
    };
    for (name, value) in [("taxonomy_term_id", &p.taxonomy_term_id), ("taxonomy_id", &p.taxonomy_id)] {
        if !value.trim().is_empty() {
            let words = format!("filtering by {name} is not offered; use search, organization_id or modified_after");
            problems.push((name, "unknown-choice", words));
        }
    }
    refuse(problems)?;
    let organization_id = match p.organization_id.trim() {
        "" => None,
        // Not an id of ours: nothing matches it.
        id => Some(Uuid::parse_str(id).unwrap_or(Uuid::nil())),
    };
    let search = Some(p.search.trim().chars().take(200).collect::<String>()).filter(|s| !s.is_empty());
    Ok((ServiceFilter { search, organization_id, modified_after, meetings_only: false }, paging, full))
}

/// Services with their one-to-one fields and their organization's (HSDS `service_list`), or fully nested.
#[utoipa::path(get, path = "/api/hsds/services", tag = "hsds", params(ServiceListParams),
    responses(
        (status = 200, body = HsdsPage,
            description = "A page of HSDS 3.0 services: one-to-one fields and `organization`, or fully nested"),
        (status = 422, description = "A parameter could not be read, or names a filter not offered"),
    ))]
pub async fn list_services(
    State(state): State<AppState>,
    Query(params): Query<ServiceListParams>,
) -> WebResult<impl IntoResponse> {
    let (filter, paging, full) = parse(&params)?;
    let (total, loaded) = services_page(state.store.reader(), &filter, paging, full).await?;
    let v = vocabularies();
    let contents = loaded
        .iter()
        .map(|l| match full {
            true => {
                let mut s = hsds::full_service(&l.service, l.organization.as_ref(), &l.places(), &v);
                l.add_beds_and_residence_facts(&mut s, crate::services::housing::today(&state), &v);
                s
            }
            false => hsds::service_summary(&l.service, l.organization.as_ref(), &v),
        })
        .collect();
    Ok((any_origin(), Json(HsdsPage::new(total, paging, contents))))
}
