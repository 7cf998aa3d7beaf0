//! Account pages' callers (issue 22): any signed-in account (its own password), and the administrator of an
//! organization's accounts.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use pathways_domain::access::may_administer_accounts;

use super::session::to_login;
use crate::ctx::{Caller, Ctx};
use crate::error::WebError;

/// Anyone signed in — staff, a person, an ally — for pages about their own account. Nobody signed in: sign in.
pub struct AccountHolder {
    pub ctx: Ctx,
    pub caller: Caller,
}

impl<S: Send + Sync> FromRequestParts<S> for AccountHolder {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        match ctx.caller.clone() {
            Some(caller) => Ok(Self { ctx, caller }),
            None => Err(to_login(&ctx)),
        }
    }
}

/// A signed-in administrator of their organization's accounts (`may_administer_accounts`). Other staff: 403;
/// persons and allies: 404; nobody signed in: sign in.
pub struct AccountsAdmin {
    pub ctx: Ctx,
    pub caller: Caller,
}

impl<S: Send + Sync> FromRequestParts<S> for AccountsAdmin {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let AccountHolder { ctx, caller } = AccountHolder::from_request_parts(parts, state).await?;
        if caller.kind != pathways_domain::PrincipalKind::Staff {
            return Err(WebError::NotFound.into_response());
        }
        if !may_administer_accounts(&caller.principal) {
            return Err(WebError::Forbidden.into_response());
        }
        Ok(Self { ctx, caller })
    }
}
