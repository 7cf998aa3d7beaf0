//! `POST /community/attendance/sign-ins`: a center's staff member signs a known person in from the attendance
//! page, in one tap (issue 20, branch `kiosk-staff`): `person` (a person they may see; anyone else 404, as the
//! record's gate says), `for` (one of today's groups, or `computer`, `coach`, `naloxone`) and the search `q` to go
//! back to. The visit is on the person's record and counted once in people served, as a check-in code's at the
//! kiosk (`services::kiosk_known::sign_in_at_desk`); the same person, for the same thing, on the same day counts
//! once, and the page says which happened. Back to the search (303); a choice not offered today: the page, 422.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::PersonId;
use pathways_domain::community::desk::DeskFor;
use serde::Deserialize;

use super::show_attendance::{DeskQuery, page};
use crate::error::{WebError, WebResult};
use crate::extract::{CenterStaff, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct DeskSignInForm {
    pub person: String,
    #[serde(rename = "for")]
    pub what: String,
    pub q: String,
}

pub async fn sign_in_person(
    State(state): State<AppState>,
    staff: CenterStaff,
    VerifiedForm(form): VerifiedForm<DeskSignInForm>,
) -> WebResult<Response> {
    let back = DeskQuery { what: form.what.clone(), q: Some(form.q.clone()) };
    // A person's id is a typed id, as in a path: anything else names no one.
    let person: PersonId = form.person.trim().parse().map_err(|_| WebError::NotFound)?;
    let what = match DeskFor::parse(&form.what) {
        Ok(w) => w,
        Err(e) => return page(&state, &staff, back, &[e]).await,
    };
    let done = services::kiosk_known::sign_in_at_desk(&state, &staff.ctx, &staff.caller, person, what).await;
    let key = match done {
        Ok(true) => crate::key!("attendance-signed-in"),
        Ok(false) => crate::key!("attendance-already-signed-in"),
        Err(WebError::Invalid(errors)) => return page(&state, &staff, back, &errors).await,
        Err(e) => return Err(e),
    };
    let query = serde_urlencoded::to_string([("for", what.code()), ("q", form.q)]).unwrap_or_default();
    Ok(crate::flash::redirect(&state, &format!("/community/attendance?{query}#sign-in"), key))
}
