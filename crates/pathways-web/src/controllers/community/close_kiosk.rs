//! `POST /community/kiosks/{kiosk}/close`: closes one of the center's kiosks (its tablet stops taking sign-ins).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::KioskId;

use crate::error::WebResult;
use crate::extract::{CenterStaff, Empty, InPath, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn close_kiosk(
    State(state): State<AppState>,
    staff: CenterStaff,
    InPath(id): InPath<KioskId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    services::community::close_kiosk(&state, &staff.ctx, &staff.caller, id).await?;
    Ok(crate::flash::redirect(&state, "/community/attendance", crate::key!("flash-saved")))
}
