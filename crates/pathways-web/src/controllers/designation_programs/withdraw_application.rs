//! `POST /designation-applications/{application}/withdraw`: withdraws an application and takes its designation, if
//! any, off the public list. Another organization's application: 404.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::DesignationApplicationId;

use crate::error::WebResult;
use crate::extract::{Empty, InPath, SignedIn, VerifiedForm};
use crate::services::designation_programs as programs;
use crate::state::AppState;

pub async fn withdraw_application(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<DesignationApplicationId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    programs::withdraw(&state, &ctx, &caller, id).await?;
    Ok(crate::flash::redirect(&state, &format!("/designation-applications/{id}"), crate::key!("flash-saved")))
}
