//! `GET /learn/{page}/edit`: the form filled with a page, to change it (administrators; an unknown page is 404).

use axum::extract::State;
use axum::response::Response;

use crate::error::WebResult;
use crate::extract::{InPath, PageSlug, SignedIn};
use crate::services;
use crate::state::AppState;

pub async fn edit_page(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(PageSlug(slug)): InPath<PageSlug>,
) -> WebResult<Response> {
    services::education::may_edit(&caller)?;
    let p = services::education::page(&state, &slug).await?;
    super::form::page(&state, &ctx, super::form::from_page(p), true, &[])
}
