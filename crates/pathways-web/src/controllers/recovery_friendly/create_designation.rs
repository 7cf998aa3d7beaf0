//! `POST /recovery-friendly`: records a designation on the public list (administrators and supervisors); back
//! with every problem named (422).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::volunteers::{Designation, DesignationForm};
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::{SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DesignationInput {
    kind: String,
    name: String,
    town: String,
    designated_on: String,
    designated_by: String,
}

pub async fn create_designation(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    VerifiedForm(input): VerifiedForm<DesignationInput>,
) -> WebResult<Response> {
    services::volunteers::may_record(&caller)?;
    let form = DesignationForm {
        kind: input.kind,
        name: input.name,
        town: input.town,
        designated_on: input.designated_on,
        designated_by: input.designated_by,
    };
    match Designation::parse(&form, services::naloxone::today(&state)) {
        Ok(d) => {
            services::volunteers::add_designation(&state, &ctx, &caller, &d).await?;
            Ok(crate::flash::redirect(&state, "/recovery-friendly", crate::key!("flash-saved")))
        }
        Err(errors) => super::new_designation::page(&state, &ctx, form, &errors),
    }
}
