//! `GET /api/v1/recovery-friendly`: the public list of Recovery Friendly designations as JSON — exactly the rows
//! `GET /recovery-friendly` shows (designated, not lapsed, not withdrawn; newest first), optionally of one kind or
//! in one town. Public: no token; the list names organizations and towns, no person. A filter the API can't read
//! (an unknown kind, a town longer than 160 characters, a parameter given twice) answers 400 naming it.

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use pathways_domain::community::designation_list::ListFilter;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{WebError, WebResult};
use crate::extract::ApiQuery;
use crate::services;
use crate::state::AppState;

/// The query string: the filters as text, read by `designation_list::ListFilter`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DesignationsQuery {
    kind: String,
    town: String,
}

/// One designation on the public list.
#[derive(Debug, Serialize, ToSchema)]
pub struct DesignationJson {
    /// The workplace's or the community's name.
    pub name: String,
    /// Its town, when recorded.
    pub town: Option<String>,
    #[schema(schema_with = crate::schemas::recovery_friendly::kind)]
    pub kind: String,
    pub designated_on: NaiveDate,
    /// The day a program's designation is due for renewal (it leaves the list the day after, until renewed); `null`
    /// for a designation recorded by hand, which does not lapse.
    pub renewal_due_on: Option<NaiveDate>,
    /// The designating body's public name (a program's owner organization, or as recorded).
    pub designated_by: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DesignationsJson {
    /// How many designations the filters admit (all of them are in `designations`).
    pub total: usize,
    /// Newest designation first, then by name.
    pub designations: Vec<DesignationJson>,
}

#[utoipa::path(get, path = "/api/v1/recovery-friendly", tag = "community",
    params(
        ("kind" = inline(Option<crate::schemas::DesignationKindCode>), Query),
        ("town" = Option<String>, Query, max_length = 160,
            description = "A town, matched whole in any case (spaces around it ignored); blank: every town"),
    ),
    responses((status = 200, body = DesignationsJson),
        (status = 400, description = "A parameter could not be read: `kind` not one of the listed values, `town` longer than 160 characters, or a parameter given twice")))]
pub async fn list_designations(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<DesignationsQuery>,
) -> WebResult<Json<DesignationsJson>> {
    let filter = ListFilter::parse(&q.kind, &q.town).map_err(|errors| {
        WebError::BadQuery(errors.iter().map(|e| problem(e.field, e.code)).collect::<Vec<_>>().join("; "))
    })?;
    let designations: Vec<DesignationJson> = services::volunteers::designations(&state, &filter)
        .await?
        .into_iter()
        .map(|r| DesignationJson {
            name: r.designation.name,
            town: r.designation.town,
            kind: r.designation.kind.code().to_owned(),
            designated_on: r.designation.designated_on,
            renewal_due_on: r.renewal_due_on,
            designated_by: r.designation.designated_by,
        })
        .collect();
    Ok(Json(DesignationsJson { total: designations.len(), designations }))
}

/// A refused filter in words: `kind: must be one of workplace, community`.
fn problem(field: &str, code: &str) -> String {
    match code {
        "too-long" => format!("{field}: must be at most 160 characters"),
        _ => format!("{field}: must be one of workplace, community (or empty)"),
    }
}
