//! `POST /directory/{id}`: save a new version of a listing.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::ServiceId;

use super::save_listing::save;
use crate::error::WebResult;
use crate::extract::{Editor, InPath, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn update_listing(
    State(state): State<AppState>,
    editor: Editor,
    InPath(id): InPath<ServiceId>,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let previous = services::directory::listing(&state, id).await?;
    save(&state, &editor, Some(previous), &pairs).await
}
