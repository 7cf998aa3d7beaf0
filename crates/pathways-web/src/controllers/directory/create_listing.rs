//! `POST /directory`: add a listing.

use axum::extract::State;
use axum::response::Response;

use super::save_listing::save;
use crate::error::WebResult;
use crate::extract::{Editor, VerifiedForm};
use crate::state::AppState;

pub async fn create_listing(
    State(state): State<AppState>,
    editor: Editor,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    save(&state, &editor, None, &pairs).await
}
