//! `POST /transport/{id}`: move a ride on, or cancel it or mark a no-show with a reason.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::access_line::transport::{RideError, RideStatus};
use pathways_domain::ids::RideId;
use pathways_domain::text::FieldError;
use serde::Deserialize;

use crate::error::{WebError, WebResult};
use crate::extract::{InPath, Operator, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RideForm {
    pub status: String,
    pub reason: String,
}

pub async fn change_ride_form(
    State(state): State<AppState>,
    op: Operator,
    InPath(ride): InPath<RideId>,
    VerifiedForm(form): VerifiedForm<RideForm>,
) -> WebResult<Response> {
    let to = RideStatus::parse(&form.status)
        .ok_or_else(|| WebError::Invalid(vec![FieldError::new("reason", "unknown-choice")]))?;
    let changed =
        services::access_line::change_ride(&state, &op.ctx, &op.caller, ride, to, Some(form.reason.as_str())).await?;
    let key = match changed {
        Ok(_) => crate::key!("flash-saved"),
        Err(RideError::ReasonRequired) => {
            return Err(WebError::Invalid(vec![FieldError::new("reason", "required")]));
        }
        Err(_) => crate::key!("transport-not-next"),
    };
    Ok(crate::flash::redirect(&state, "/transport", key))
}
