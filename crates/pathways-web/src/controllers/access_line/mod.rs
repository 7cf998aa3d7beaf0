//! The access line's console (issue 6): a call's answers, the level-of-care suggestion, programs with a bed,
//! holds, a ride and the next-day follow-up, on pages that work without JavaScript; and the transport queue.
//! Calls hold personal data: only the line's own organization reaches them (another's answers 404), and every
//! read and change is audited in its transaction (`pathways_store::access_calls`).

pub mod api;
pub mod call;
pub mod console;
pub mod figures;
pub mod transport;

pub use call::{choose_level, follow_up, hold_bed, make_person, request_ride, show_call};
pub use console::{create_call, show_console};
pub use figures::show_figures;
pub use transport::{change_ride_form, show_transport};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use pathways_domain::{PrincipalKind, Role};

use crate::ctx::{Caller, Ctx, SignedIn};
use crate::error::WebError;

/// A signed-in access line operator or administrator; other staff get 403, anyone else is sent to sign in.
pub struct Operator {
    pub ctx: Ctx,
    pub caller: Caller,
}

/// Whether a caller works the access line.
pub fn is_operator(caller: &Caller) -> bool {
    caller.kind == PrincipalKind::Staff && matches!(caller.role, Some(Role::AccessLine | Role::Admin))
}

impl<S: Send + Sync> FromRequestParts<S> for Operator {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let SignedIn { ctx, caller } = SignedIn::from_request_parts(parts, state).await?;
        if !is_operator(&caller) {
            return Err(WebError::Forbidden.into_response());
        }
        Ok(Self { ctx, caller })
    }
}

/// Local time for the line's pages.
pub fn local_time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::America::New_York).format("%H:%M").to_string()
}
