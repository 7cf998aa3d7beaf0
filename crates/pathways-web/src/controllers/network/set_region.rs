//! `POST /network/region` (`org=<slug>`, `region`): a state agency's administrator records the region (or county)
//! of an organization of its network, or clears it (blank). A bad name re-shows the page with the problem (422).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::error::{WebError, WebResult};
use crate::extract::{SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::render;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RegionForm {
    pub org: String,
    pub region: String,
}

pub async fn set_region(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    VerifiedForm(form): VerifiedForm<RegionForm>,
) -> WebResult<Response> {
    match services::network::set_region(&state, &ctx, &caller, &form.org, &form.region).await {
        Ok(_) => Ok(crate::flash::redirect(&state, "/network", crate::key!("network-region-saved"))),
        Err(WebError::Invalid(errors)) if errors.iter().all(|e| e.field == "region") => {
            let message = crate::views::field_messages(&ctx.t(), &errors)
                .into_iter()
                .map(|(_, m)| m)
                .collect::<Vec<_>>()
                .join(" ");
            let error =
                super::show_network::RegionError { slug: form.org.trim().to_owned(), posted: form.region, message };
            let page = super::show_network::page(&state, &ctx, &caller, Some(error)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(e),
    }
}
