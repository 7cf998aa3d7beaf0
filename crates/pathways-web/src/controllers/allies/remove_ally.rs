//! `POST /me/allies/{account}/remove`: the person removes an ally. The ally's account is turned off and every
//! session it had ends at once: the ally's next click is a sign-in page, and nothing of the person.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::AccountId;

use crate::error::WebResult;
use crate::extract::{Empty, InPath, Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn remove_ally(
    State(state): State<AppState>,
    s: Subject,
    InPath(ally): InPath<AccountId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    services::accounts::remove_ally(&state, &s.ctx, &s.caller, s.person, ally).await?;
    Ok(crate::flash::redirect(&state, "/me/allies", crate::key!("flash-ally-removed")))
}
