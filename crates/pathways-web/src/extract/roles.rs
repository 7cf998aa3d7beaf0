//! The role extractors: each takes a signed-in caller and lets through only those a predicate of
//! `pathways_domain::access` accepts. Staff in another role get 403 (uniform for every record, so it reveals
//! nothing); anyone not signed in is sent to sign in.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use pathways_domain::access::{
    Principal, keeps_program_counts, may_edit_directory, runs_community_center, works_access_line,
};
use pathways_domain::{PersonId, PrincipalKind};

use super::SignedIn;
use super::session::to_login;
use crate::ctx::{Caller, Ctx};
use crate::error::WebError;

/// A signed-in staff member whom `allowed` lets through.
async fn staff_where<S: Send + Sync>(
    parts: &mut Parts,
    state: &S,
    allowed: fn(&Principal) -> bool,
) -> Result<(Ctx, Caller), Response> {
    let SignedIn { ctx, caller } = SignedIn::from_request_parts(parts, state).await?;
    if !allowed(&caller.principal) {
        return Err(WebError::Forbidden.into_response());
    }
    Ok((ctx, caller))
}

/// A signed-in access line operator or administrator (`works_access_line`).
pub struct Operator {
    pub ctx: Ctx,
    pub caller: Caller,
}

impl<S: Send + Sync> FromRequestParts<S> for Operator {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let (ctx, caller) = staff_where(parts, state, works_access_line).await?;
        Ok(Self { ctx, caller })
    }
}

/// A signed-in member of a provider's staff or an administrator (`keeps_program_counts`).
pub struct ProviderStaff {
    pub ctx: Ctx,
    pub caller: Caller,
}

impl<S: Send + Sync> FromRequestParts<S> for ProviderStaff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let (ctx, caller) = staff_where(parts, state, keeps_program_counts).await?;
        Ok(Self { ctx, caller })
    }
}

/// A signed-in directory editor or administrator (`may_edit_directory`).
pub struct Editor {
    pub ctx: Ctx,
    pub caller: Caller,
}

impl<S: Send + Sync> FromRequestParts<S> for Editor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let (ctx, caller) = staff_where(parts, state, may_edit_directory).await?;
        Ok(Self { ctx, caller })
    }
}

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
        let Some(caller) = ctx.caller.clone() else { return Err(to_login(&ctx)) };
        match (caller.kind, caller.principal.person) {
            (PrincipalKind::Ally, Some(person)) => Ok(Self { ctx, caller, person }),
            _ => Err(WebError::NotFound.into_response()),
        }
    }
}

/// A signed-in member of a recovery community center's staff who runs its week: an administrator, supervisor or
/// coach (`runs_community_center`; issue 20).
pub struct CenterStaff {
    pub ctx: Ctx,
    pub caller: Caller,
}

impl<S: Send + Sync> FromRequestParts<S> for CenterStaff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let (ctx, caller) = staff_where(parts, state, runs_community_center).await?;
        Ok(Self { ctx, caller })
    }
}
