//! Signing in and out (`/login`, `/logout`): the password checked, repeated failures slowed per login string and
//! per address (counted from the audit trail, so every server process sees the same count; see
//! `pathways_domain::throttle`), the second step asked for when the account uses two-factor sign-in (or must
//! enroll first: `services::two_factor`), a new session started (or ended on the server), each step audited.

use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::throttle::login_key;
use pathways_domain::{PrincipalKind, two_factor};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::model::Account;
use pathways_store::{accounts, sessions};

use crate::auth::password::verify_password;
use crate::auth::secret::{random_token, token_hash};
use crate::ctx::{Caller, Ctx};
use crate::error::WebResult;
use crate::state::AppState;

/// The answer to a sign-in.
pub enum SignIn {
    /// A new session: its token (for the cookie) and who signed in.
    Started { token: String, caller: Caller },
    /// The password was right and the account uses two-factor sign-in (`enroll`: must set it up first): the
    /// token of the waiting sign-in (for its short-lived cookie).
    SecondStep { pending: String, enroll: bool },
    /// No such account, or the wrong password (the same answer either way).
    Refused,
    /// Too soon after recent failures for this login (or from this address): try again after this many seconds.
    /// The same answer whether or not an account by that login exists.
    Throttled { retry_after_secs: u64 },
}

/// Checks a login and password. An attempt too soon after recent failures is refused (audited) before anything
/// is looked up, the same way for every login string; it is not itself a failure, so waiting always helps. A
/// new token at every sign-in: a token planted before sign-in (session fixation) is worthless, and the caller's
/// old session, if any, ends.
pub async fn sign_in(state: &AppState, ctx: &Ctx, login: &str, password: &str) -> WebResult<SignIn> {
    let key = login_key(login);
    let now = pathways_store::now();
    let since = now - state.sign_in.forget_after;
    let (by_login, by_addr) =
        audit::recent_sign_in_failures(state.store.reader(), &key, ctx.client_addr.as_deref(), since).await?;
    let actor = ctx.actor();
    if let Err(throttled) = state.sign_in.check(now, by_login, by_addr) {
        let tx = state.store.begin().await?;
        let entry = AuditEntry::new(AuditAction::SignInThrottled, AuditOutcome::Denied).detail(key);
        audit::append(&tx, &actor, entry).await?;
        tx.commit().await?;
        return Ok(SignIn::Throttled { retry_after_secs: throttled.retry_after_secs() });
    }

    let account = accounts::find_by_login(state.store.reader(), login).await?;
    // An unknown login is checked against a dummy hash: the same work, so the same time, as a known one.
    let stored = account.as_ref().and_then(|a| a.password_hash.clone());
    let password_ok = verify_password(password.to_owned(), stored).await?;
    let caller = account
        .as_ref()
        .filter(|_| password_ok)
        .and_then(|a| Caller::from_account(a, None))
        .filter(|c| matches!(c.kind, PrincipalKind::Staff | PrincipalKind::Person | PrincipalKind::Ally));

    let (Some(caller), Some(account)) = (caller, account.as_ref()) else {
        let tx = state.store.begin().await?;
        // Counted by the login's hash (the detail); the account, when there is one, is named for the trail's
        // readers only — the answer is the same either way.
        let mut entry = AuditEntry::new(AuditAction::SignInFailed, AuditOutcome::Failed).detail(key);
        if let Some(a) = &account {
            entry = entry.on("account", a.id);
        }
        audit::append(&tx, &actor, entry).await?;
        tx.commit().await?;
        return Ok(SignIn::Refused);
    };

    let enrolled = pathways_store::two_factor::find(state.store.reader(), caller.account)
        .await?
        .is_some_and(|t| t.confirmed_at.is_some());
    let must_enroll = two_factor::required(&state.config.two_factor_required, caller.kind, caller.role);
    if enrolled || must_enroll {
        let pending = random_token();
        let tx = state.store.begin().await?;
        pathways_store::two_factor::create_pending(&tx, &token_hash(&pending), caller.account).await?;
        tx.commit().await?;
        return Ok(SignIn::SecondStep { pending, enroll: !enrolled });
    }

    let token = start_session(state, ctx, account, &caller, None).await?;
    Ok(SignIn::Started { token, caller })
}

/// Starts a session for `caller` (the whole sign-in done), audited as `sign_in` with `detail` (which second
/// factor, if any); ends the request's old session and any waiting sign-in. Returns the cookie's token.
pub(crate) async fn start_session(
    state: &AppState,
    ctx: &Ctx,
    account: &Account,
    caller: &Caller,
    second_step: Option<(&str, &'static str)>,
) -> WebResult<String> {
    let token = random_token();
    let hash = token_hash(&token);
    let mut actor = ctx.actor();
    actor.account = Some(caller.account);
    actor.role = caller.role_str();
    actor.org = Some(caller.org);
    let tx = state.store.begin().await?;
    if let Some(old) = ctx.caller.as_ref().and_then(|c| c.session_hash.as_deref()) {
        sessions::delete(&tx, old).await?;
    }
    let mut entry = AuditEntry::new(AuditAction::SignIn, AuditOutcome::Success).on("account", caller.account.as_uuid());
    if let Some((pending_hash, how)) = second_step {
        pathways_store::two_factor::delete_pending(&tx, pending_hash).await?;
        entry = entry.detail(how);
    }
    sessions::create(&tx, caller.account, &hash, &random_token()).await?;
    audit::append(&tx, &actor, entry).await?;
    if account.locale.is_none() {
        accounts::set_locale(&tx, caller.account, ctx.locale.as_str()).await?;
    }
    tx.commit().await?;
    Ok(token)
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

/// The account behind an id, for a caller already known (used after a second step).
pub(crate) fn caller_of(account: &Account) -> Option<Caller> {
    Caller::from_account(account, None)
        .filter(|c| matches!(c.kind, PrincipalKind::Staff | PrincipalKind::Person | PrincipalKind::Ally))
}
