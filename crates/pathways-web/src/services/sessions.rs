//! Signing in and out (`/login`, `/logout`): the password checked, repeated failures throttled per account and per
//! address (counted from the audit trail, so every server process sees the same count), a new session started (or
//! ended on the server), each step audited.

use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::{AccountId, PrincipalKind};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::{accounts, sessions};

use crate::auth::password::verify_password;
use crate::auth::secret::{random_token, token_hash};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// The answer to a sign-in.
pub enum SignIn {
    /// A new session: its token (for the cookie) and who signed in.
    Started { token: String, caller: Caller },
    /// No such account, or the wrong password (the same answer either way).
    Refused,
}

/// Checks a login and password. Too many recent failures answer 429 (audited) before the password is looked at.
/// A new token at every sign-in: a token planted before sign-in (session fixation) is worthless, and the
/// caller's old session, if any, ends.
pub async fn sign_in(state: &AppState, ctx: &Ctx, login: &str, password: &str) -> WebResult<SignIn> {
    let account = accounts::find_by_login(state.store.reader(), login).await?;
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
    let password_ok = verify_password(password.to_owned(), stored).await?;
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
        return Ok(SignIn::Refused);
    };

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
    Ok(SignIn::Started { token, caller })
}

/// Ends the caller's session on the server (not just in the browser), audited.
pub async fn sign_out(state: &AppState, ctx: &Ctx) -> WebResult<()> {
    if let Some(hash) = ctx.caller.as_ref().and_then(|c| c.session_hash.as_deref()) {
        let tx = state.store.begin().await?;
        sessions::delete(&tx, hash).await?;
        audit::append(&tx, &ctx.actor(), AuditEntry::new(AuditAction::SignOut, AuditOutcome::Success)).await?;
        tx.commit().await?;
    }
    Ok(())
}
