//! API tokens: made (on the staff member's own tokens page, or by `pathways token create`), checked on every API
//! request (live, the right scope, a staff account), listed and revoked one by one — each step audited.

use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::ids::TokenId;
use pathways_domain::token::{self, TokenScope};
use pathways_domain::{AccountId, PrincipalKind};
use pathways_store::DatabaseTransaction;
use pathways_store::audit::{self, Actor, AuditEntry};
use pathways_store::model::ApiToken;
use pathways_store::tokens::{self, NewToken};

use crate::access::audit_alone;
use crate::auth::secret::{random_token, token_hash};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// Every token starts with this, so a leaked one is recognizable (secret scanners, logs).
pub const PREFIX: &str = "pw_";

/// A token just made: the secret (shown once, never stored) and its row.
pub struct Issued {
    pub secret: String,
    pub token: ApiToken,
}

/// Makes a token for `account` in `db`'s transaction and audits it as `actor`. The lifetime is `days` (1 to 366).
pub async fn issue(
    db: &DatabaseTransaction,
    actor: &Actor,
    account: AccountId,
    label: &str,
    scope: TokenScope,
    days: i64,
) -> Result<Issued, String> {
    let expires_at = token::expires_at(pathways_store::now(), days)?;
    let secret = format!("{PREFIX}{}", random_token());
    let label = label.trim();
    let label = if label.is_empty() { "API token" } else { label };
    let made = tokens::create(db, NewToken { account, token_hash: &token_hash(&secret), label, scope, expires_at })
        .await
        .map_err(|e| e.to_string())?;
    audit::append(
        db,
        actor,
        AuditEntry::new(AuditAction::TokenCreate, AuditOutcome::Success)
            .on("api_token", made.id)
            .detail(scope.as_str()),
    )
    .await
    .map_err(|e| e.to_string())?;
    Ok(Issued { secret, token: made })
}

/// The signed-in staff member makes a token for themself, lasting the configured number of days.
pub async fn issue_own(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    label: &str,
    scope: TokenScope,
) -> WebResult<Issued> {
    let tx = state.store.begin().await?;
    let issued = issue(&tx, &ctx.actor(), caller.account, label, scope, state.config.api_token_days)
        .await
        .map_err(WebError::Internal)?;
    tx.commit().await?;
    Ok(issued)
}

/// The caller's own tokens, newest first.
pub async fn list_own(state: &AppState, caller: &Caller) -> WebResult<Vec<ApiToken>> {
    Ok(tokens::list(state.store.reader(), Some(caller.account)).await?.into_iter().map(|(t, _)| t).collect())
}

/// Revokes one of the caller's own tokens (another account's token is not found), audited.
pub async fn revoke_own(state: &AppState, ctx: &Ctx, caller: &Caller, id: TokenId) -> WebResult<()> {
    let id = id.as_uuid();
    let tx = state.store.begin().await?;
    if tokens::revoke(&tx, id, Some(caller.account)).await?.is_none() {
        return Err(WebError::NotFound);
    }
    audit::append(
        &tx,
        &ctx.actor(),
        AuditEntry::new(AuditAction::TokenRevoke, AuditOutcome::Success).on("api_token", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The staff member behind a bearer token, for a request with `method`: 401 for an unknown, revoked or expired
/// token (or one whose account is disabled or is not staff), 403 for a `read` token on a change; each refusal
/// audited. A use is recorded at most once a minute.
pub async fn authenticate(
    state: &AppState,
    ctx: &Ctx,
    secret: &str,
    method: &str,
) -> WebResult<(Caller, Option<String>)> {
    let now = pathways_store::now();
    let found = tokens::find(state.store.reader(), &token_hash(secret)).await?;
    let Some((t, account)) = found else {
        audit_alone(state, ctx, AuditEntry::new(AuditAction::ApiTokenRejected, AuditOutcome::Denied).detail("unknown"))
            .await?;
        return Err(WebError::Unauthorized);
    };
    let rejected = |why: &str| {
        AuditEntry::new(AuditAction::ApiTokenRejected, AuditOutcome::Denied).on("api_token", t.id).detail(why)
    };
    if t.revoked_at.is_some() || !token::is_live(t.revoked_at, t.expires_at, now) {
        let why = if t.revoked_at.is_some() { "revoked" } else { "expired" };
        audit_alone(state, ctx, rejected(why)).await?;
        return Err(WebError::Unauthorized);
    }
    let Some(caller) = Caller::from_account(&account, None).filter(|c| c.kind == PrincipalKind::Staff) else {
        audit_alone(state, ctx, rejected("account")).await?;
        return Err(WebError::Unauthorized);
    };
    // An unreadable scope is the narrowest one.
    let scope: TokenScope = t.scope.parse().unwrap_or(TokenScope::Read);
    if !scope.allows(method) {
        let mut actor = ctx.actor();
        actor.account = Some(caller.account);
        actor.role = caller.role_str();
        actor.org = Some(caller.org);
        let tx = state.store.begin().await?;
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
            .on("api_token", t.id)
            .detail("read-only token");
        audit::append(&tx, &actor, entry).await?;
        tx.commit().await?;
        return Err(WebError::ReadOnlyToken);
    }
    if token::should_record_use(t.last_used_at, now) {
        tokens::record_use(state.store.writer(), t.id, now).await?;
    }
    Ok((caller, account.locale))
}
