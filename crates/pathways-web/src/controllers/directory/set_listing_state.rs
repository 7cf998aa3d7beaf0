//! `POST /directory/{id}/{verify|retire|restore}`: confirm a listing is right today, take it out of the finder,
//! or put it back.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::ServiceId;

use crate::error::WebResult;
use crate::extract::{Editor, InPath, ListingAction, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn set_listing_state(
    State(state): State<AppState>,
    editor: Editor,
    InPath(id): InPath<ServiceId>,
    InPath(action): InPath<ListingAction>,
    VerifiedForm(_): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    services::directory::set_listing_state(&state, &editor.ctx, &editor.caller, id, action).await?;
    Ok(crate::flash::redirect(&state, &format!("/directory/{id}/history"), crate::key!("flash-saved")))
}
