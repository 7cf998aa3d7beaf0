//! `GET /persons/{id}/referrals?q=…`: the person's referrals with where each stands, and a search of the
//! directory's services to refer them to.

use axum::extract::{Query, State};
use axum::response::Html;

use super::refer::{Place, Refused, SearchQuery, page};
use crate::error::WebResult;
use crate::extract::Subject;
use crate::state::AppState;
use crate::views::render;

pub async fn person_referrals(
    State(state): State<AppState>,
    s: Subject,
    Query(q): Query<SearchQuery>,
) -> WebResult<Html<String>> {
    let at = Place { person: s.person, base: s.base.clone(), via_call: None };
    render(&page(&state, &s.ctx, &s.caller, &at, &q.q, None, Refused::default()).await?)
}
