//! Signed-in pages: staff pages ([`SignedIn`]) and a person's record ([`Subject`]) behind one of its two doors.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use pathways_domain::{PersonId, PrincipalKind};

use super::InPath;
use crate::ctx::{Caller, Ctx, url_encode};
use crate::error::WebError;
use crate::state::AppState;

/// A page for signed-in staff: anyone else is sent to sign in, and comes back here afterwards.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub ctx: Ctx,
    pub caller: Caller,
}

/// Sends the request to sign in, to come back to this page afterwards.
pub(crate) fn to_login(ctx: &Ctx) -> Response {
    Redirect::to(&format!("/login?next={}", url_encode(&ctx.path))).into_response()
}

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        match ctx.caller.clone() {
            Some(caller) if caller.kind == PrincipalKind::Staff => Ok(Self { ctx, caller }),
            _ => Err(to_login(&ctx)),
        }
    }
}

/// The door a person-record route was mounted behind, set by the router (`router.rs` mounts the same record routes
/// at `/me` and at `/persons/{id}`): the handler is the same, the door says whose record it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Door {
    /// `/me/…`: the signed-in person's own record.
    Portal,
    /// `/persons/{id}/…`: a staff member opening a person's record.
    Staff,
}

/// Whose record a page is about, and where its pages live: `/me/…` for a person's own portal, or
/// `/persons/{id}/…` for staff. One handler serves both; the access gate still decides what the caller may do.
#[derive(Clone, Debug)]
pub struct Subject {
    pub ctx: Ctx,
    pub caller: Caller,
    pub person: PersonId,
    /// `/me` or `/persons/{id}`.
    pub base: String,
    /// The person is looking at their own record.
    pub is_self: bool,
}

impl FromRequestParts<AppState> for Subject {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        let Some(caller) = ctx.caller.clone() else { return Err(to_login(&ctx)) };
        let door = parts.extensions.get::<Door>().copied();
        match door {
            Some(Door::Portal) => match (caller.kind, caller.principal.person) {
                (PrincipalKind::Person, Some(person)) => {
                    Ok(Self { ctx, caller, person, base: "/me".into(), is_self: true })
                }
                _ => Err(WebError::NotFound.into_response()),
            },
            Some(Door::Staff) => {
                let InPath(person) = InPath::<PersonId>::from_request_parts(parts, state).await?;
                if caller.kind != PrincipalKind::Staff {
                    // A person's or an ally's account trying a record's staff door: refused, and audited.
                    return Err(crate::access::refuse_at_staff_door(state, &ctx, person).await.into_response());
                }
                Ok(Self { ctx, caller, person, base: format!("/persons/{person}"), is_self: false })
            }
            None => Err(WebError::internal("a person-record route was mounted without its door").into_response()),
        }
    }
}

/// A page for anyone signed in — staff, a person or an ally (their own account's settings); anyone else is sent to
/// sign in, and comes back here afterwards.
#[derive(Clone, Debug)]
pub struct AnyoneSignedIn {
    pub ctx: Ctx,
    pub caller: Caller,
}

impl<S: Send + Sync> FromRequestParts<S> for AnyoneSignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        match ctx.caller.clone() {
            Some(caller) => Ok(Self { ctx, caller }),
            None => Err(to_login(&ctx)),
        }
    }
}
