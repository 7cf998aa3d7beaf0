//! `POST /login`: checks the password, throttles repeated failures per account and per address (counted
//! from the audit trail, so every server process sees the same count), and starts a new session.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::{AccountId, PrincipalKind};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::{accounts, sessions};
use serde::Deserialize;

use super::show_login::login_page;
use crate::auth::cookies::{self, CookieNames};
use crate::auth::password::verify_password;
use crate::auth::secret::{random_token, token_hash};
use crate::ctx::{Caller, Ctx, safe_next};
use crate::error::{WebError, WebResult};
use crate::extract::VerifiedForm;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignInForm {
    /// An email (staff) or a username (a person's own account).
    pub login: String,
    pub password: String,
    pub next: String,
}

pub async fn sign_in(
    State(state): State<AppState>,
    ctx: Ctx,
    VerifiedForm(form): VerifiedForm<SignInForm>,
) -> WebResult<Response> {
    let account = accounts::find_by_login(state.store.reader(), &form.login).await?;
    let account_id = account.as_ref().map(|a| AccountId::from_uuid(a.id));
    let since = pathways_store::now() - state.sign_in.window;
    let (by_account, by_addr) =
        audit::recent_sign_in_failures(state.store.reader(), account_id, ctx.client_addr.as_deref(), since).await?;
    let mut actor = ctx.actor();
    if let Err(throttled) = state.sign_in.check(by_account, by_addr) {
        let tx = state.store.begin().await?;
        let mut entry = AuditEntry::new(AuditAction::SignInThrottled, AuditOutcome::Denied);
        if let Some(id) = account_id {
            entry = entry.on("account", id.as_uuid());
        }
        audit::append(&tx, &actor, entry).await?;
        tx.commit().await?;
        return Err(WebError::TooManyRequests { retry_after_secs: throttled.retry_after.num_seconds().unsigned_abs() });
    }

    let stored = account.as_ref().and_then(|a| a.password_hash.clone());
    let password_ok = verify_password(form.password.clone(), stored).await?;
    let caller = account
        .as_ref()
        .filter(|_| password_ok)
        .and_then(|a| Caller::from_account(a, None))
        .filter(|c| matches!(c.kind, PrincipalKind::Staff | PrincipalKind::Person | PrincipalKind::Ally));

    let Some(caller) = caller else {
        let tx = state.store.begin().await?;
        let mut entry = AuditEntry::new(AuditAction::SignInFailed, AuditOutcome::Failed);
        if let Some(id) = account_id {
            entry = entry.on("account", id.as_uuid());
        }
        audit::append(&tx, &actor, entry).await?;
        tx.commit().await?;
        let t = ctx.t();
        let page = login_page(&state, &ctx, Some(t.get("login-failed")), form.login.clone(), form.next.clone())?;
        return Ok((StatusCode::UNAUTHORIZED, page).into_response());
    };

    // A new token at every sign-in: a token planted before sign-in (session fixation) is worthless.
    let token = random_token();
    let hash = token_hash(&token);
    actor.account = Some(caller.account);
    actor.role = caller.role_str();
    actor.org = Some(caller.org);
    let tx = state.store.begin().await?;
    if let Some(old) = ctx.caller.as_ref().and_then(|c| c.session_hash.as_deref()) {
        sessions::delete(&tx, old).await?;
    }
    sessions::create(&tx, caller.account, &hash, &random_token()).await?;
    audit::append(
        &tx,
        &actor,
        AuditEntry::new(AuditAction::SignIn, AuditOutcome::Success).on("account", caller.account.as_uuid()),
    )
    .await?;
    if account.as_ref().is_some_and(|a| a.locale.is_none()) {
        accounts::set_locale(&tx, caller.account, ctx.locale.as_str()).await?;
    }
    tx.commit().await?;

    let names = CookieNames::new(state.config.secure_cookies());
    let to = safe_next(Some(&form.next)).unwrap_or_else(|| home_of(caller.kind).into());
    let mut resp = Redirect::to(&to).into_response();
    let h = resp.headers_mut();
    cookies::set(h, &names.cookie(names.session, &token, None));
    // The anonymous CSRF cookie has done its job; signed-in forms use the session's own token.
    cookies::set(h, &names.clear(names.csrf));
    Ok(resp)
}

/// Where a signed-in account starts.
pub fn home_of(kind: PrincipalKind) -> &'static str {
    match kind {
        PrincipalKind::Person => "/me",
        PrincipalKind::Ally => "/ally",
        PrincipalKind::Staff => "/staff",
    }
}
