//! Family and allies (issue 7). The person invites an ally from their portal (`/me/allies`: a one-time link and
//! code, as staff invite the person); the ally opens it, chooses a username and password, and sees at `/ally`
//! only what a consent in force shares with them — checked on every request, entered in the accounting of
//! disclosures, with the §2.32 notice. `/ally/support` lists family supports from the directory.

pub mod invite_ally;
pub mod show_allies;
pub mod show_shared;
pub mod show_support;

pub use invite_ally::invite_ally;
pub use show_allies::show_allies;
pub use show_shared::show_shared;
pub use show_support::show_support;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use pathways_domain::{PersonId, PrincipalKind};

use crate::ctx::{Caller, Ctx};

/// A signed-in ally, and the person who invited them. Anyone else: a redirect to sign in (nobody signed in) or
/// 404.
pub struct AllyCaller {
    pub ctx: Ctx,
    pub caller: Caller,
    pub person: PersonId,
}

impl<S: Send + Sync> FromRequestParts<S> for AllyCaller {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        let Some(caller) = ctx.caller.clone() else {
            return Err(Redirect::to(&format!("/login?next={}", crate::ctx::url_encode(&ctx.path))).into_response());
        };
        match (caller.kind, caller.principal.person) {
            (PrincipalKind::Ally, Some(person)) => Ok(Self { ctx, caller, person }),
            _ => Err(crate::error::WebError::NotFound.into_response()),
        }
    }
}
