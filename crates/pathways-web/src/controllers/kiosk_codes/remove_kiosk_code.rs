//! `POST /persons/{id}/kiosk-code/remove` and `POST /me/kiosk-code/remove`: the person's check-in code stops working at once; with `declined` ticked,
//! the record also says they do not want one. Back to their kiosk page.

use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RemoveForm {
    /// Ticked: the person does not want a code.
    declined: String,
}

pub async fn remove_kiosk_code(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(f): VerifiedForm<RemoveForm>,
) -> WebResult<Response> {
    let declined = !f.declined.trim().is_empty();
    services::kiosk_known::remove_code(&state, &s.ctx, &s.caller, s.person, declined).await?;
    let key = match (declined, s.is_self) {
        (true, true) => crate::key!("kiosk-me-declined"),
        (true, false) => crate::key!("kiosk-code-declined"),
        (false, _) => crate::key!("kiosk-code-removed"),
    };
    Ok(crate::flash::redirect(&state, &format!("{}/kiosk", s.base), key))
}
