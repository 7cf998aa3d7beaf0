//! The request context: who is calling (from the session cookie), in which language, with which CSRF token,
//! and what to show once (flash). Resolved once per request by [`crate::middleware::context`] and taken by
//! handlers as the [`Ctx`] extractor, or [`SignedIn`] where a page needs a signed-in staff member.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use pathways_domain::access::Principal;
use pathways_domain::locale::Locale;
use pathways_domain::{AccountId, OrgId, PersonId, PrincipalKind, Role};
use pathways_store::audit::Actor;
use pathways_store::model::Account;

use crate::i18n::Tr;

/// A signed-in account, as handlers see it.
#[derive(Clone, Debug)]
pub struct Caller {
    pub account: AccountId,
    pub org: OrgId,
    pub kind: PrincipalKind,
    pub role: Option<Role>,
    pub display_name: String,
    pub principal: Principal,
    /// The session (for sign-out); `None` for an API token.
    pub session_hash: Option<String>,
}

impl Caller {
    /// The caller behind an account row, or `None` when the row is unusable (disabled, unknown kind or role).
    pub fn from_account(a: &Account, session_hash: Option<String>) -> Option<Self> {
        if a.disabled_at.is_some() {
            return None;
        }
        let kind: PrincipalKind = a.kind.parse().ok()?;
        let role: Option<Role> = match &a.role {
            Some(r) => Some(r.parse().ok()?),
            None => None,
        };
        if kind == PrincipalKind::Staff && role.is_none() {
            return None;
        }
        let account = AccountId::from_uuid(a.id);
        let org = OrgId::from_uuid(a.org_id);
        let principal = Principal { account, org, kind, role, person: a.person_id.map(PersonId::from_uuid) };
        Some(Self { account, org, kind, role, display_name: a.display_name.clone(), principal, session_hash })
    }

    pub fn role_str(&self) -> Option<String> {
        self.role.map(|r| r.as_str().to_owned()).or_else(|| Some(self.kind.as_str().to_owned()))
    }
}

/// Per-request context.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub request_id: String,
    pub client_addr: Option<String>,
    pub locale: Locale,
    pub caller: Option<Caller>,
    /// The token every form of this page must carry back.
    pub csrf: String,
    /// Path and query of this request (for "come back here" links).
    pub path: String,
    /// A message key to show once, from the previous redirect.
    pub flash: Option<&'static str>,
}

impl Ctx {
    pub fn t(&self) -> Tr {
        Tr::new(self.locale)
    }

    /// The audit actor for this request.
    pub fn actor(&self) -> Actor {
        Actor {
            account: self.caller.as_ref().map(|c| c.account),
            role: self.caller.as_ref().and_then(Caller::role_str),
            org: self.caller.as_ref().map(|c| c.org),
            request_id: Some(self.request_id.clone()),
            client_addr: self.client_addr.clone(),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| crate::error::WebError::internal("request context missing").into_response())
    }
}

pub fn url_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A `next` target is followed only when it is a path on this site (no open redirects): the one rule,
/// [`pathways_domain::redirect::local_target`], resolved against the deployment's public URL.
pub fn safe_next(config: &crate::Config, next: Option<&str>) -> Option<String> {
    pathways_domain::redirect::local_target(next?, &config.public_origin())
}
