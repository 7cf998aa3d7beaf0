//! Two-factor sign-in (TOTP, RFC 6238): the second step of a sign-in, enrollment (during sign-in when the role
//! requires it, or from the account page), turning it off, and an administrator's reset. Codes are checked by
//! `pathways_domain::two_factor`; wrong codes are slowed like wrong passwords (per account, from the audit trail),
//! and each code and recovery code is accepted once.

use pathways_domain::AccountId;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::throttle::Failures;
use pathways_domain::two_factor::{self as rules, CodeRefused};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::model::Account;
use pathways_store::two_factor as store;
use rand::RngCore;

use crate::auth::secret::token_hash;
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::services::sessions::{caller_of, start_session};
use crate::state::AppState;

/// How long a sign-in may wait for its second step.
pub const PENDING_MINUTES: i64 = 10;

/// What an authenticator app needs: the secret (base32) and the `otpauth://` URI its QR code carries.
pub struct Enrollment {
    pub secret: String,
    pub uri: String,
}

/// A waiting sign-in: its account, and whether the account has yet to enroll.
pub struct Pending {
    pub account: Account,
    pub enroll: bool,
}

/// The answer to a code.
pub enum CodeAnswer {
    /// Signed in (`token` for the session cookie), or enrolled (`recovery_codes` to show once).
    Accepted {
        token: Option<String>,
        caller: Caller,
        recovery_codes: Vec<String>,
    },
    /// Wrong, or (`reused`) a code already used.
    Refused {
        reused: bool,
    },
    Throttled {
        retry_after_secs: u64,
    },
    /// The waiting sign-in is over (too old, done, or never was): start again.
    Expired,
}

/// Whether the account must use two-factor sign-in, has it, and how many recovery codes are left.
pub struct Status {
    pub required: bool,
    pub enrolled: bool,
    pub recovery_codes_left: u64,
}

/// The waiting sign-in behind a pending cookie's token, if it is still young.
pub async fn pending(state: &AppState, token: &str) -> WebResult<Option<Pending>> {
    let since = pathways_store::now() - chrono::Duration::minutes(PENDING_MINUTES);
    let Some(account) = store::find_pending(state.store.reader(), &token_hash(token), since).await? else {
        return Ok(None);
    };
    if caller_of(&account).is_none() {
        return Ok(None);
    }
    let enrolled = store::find(state.store.reader(), AccountId::from_uuid(account.id))
        .await?
        .is_some_and(|t| t.confirmed_at.is_some());
    Ok(Some(Pending { account, enroll: !enrolled }))
}

/// Starts enrollment for an account (a new secret, unconfirmed), or shows the one already started; `None` when
/// the account already has a confirmed authenticator.
pub async fn begin_enrollment(state: &AppState, account: &Account) -> WebResult<Option<Enrollment>> {
    let id = AccountId::from_uuid(account.id);
    let secret = match store::find(state.store.reader(), id).await? {
        Some(t) if t.confirmed_at.is_some() => return Ok(None),
        Some(t) => t.secret,
        None => {
            let mut bytes = [0u8; rules::SECRET_BYTES];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let secret = rules::secret_base32(&bytes);
            let tx = state.store.begin().await?;
            store::start(&tx, id, &secret).await?;
            tx.commit().await?;
            secret
        }
    };
    let bytes =
        rules::secret_from_base32(&secret).ok_or_else(|| WebError::internal("a stored secret is not base32"))?;
    let label =
        account.email.clone().or_else(|| account.username.clone()).unwrap_or_else(|| account.display_name.clone());
    Ok(Some(Enrollment { uri: rules::otpauth_uri(&bytes, "Pathways", &label), secret }))
}

/// The second step of a sign-in: a code from the app (or a recovery code) for the waiting sign-in `pending`.
pub async fn verify_pending(state: &AppState, ctx: &Ctx, pending_token: &str, code: &str) -> WebResult<CodeAnswer> {
    let Some(Pending { account, enroll: false }) = pending(state, pending_token).await? else {
        return Ok(CodeAnswer::Expired);
    };
    let id = AccountId::from_uuid(account.id);
    let Some(caller) = caller_of(&account) else { return Ok(CodeAnswer::Expired) };
    let Some(tf) = store::find(state.store.reader(), id).await? else { return Ok(CodeAnswer::Expired) };
    let how = match check_code(state, ctx, id, &tf, code).await? {
        Checked::Totp => "second_factor=totp",
        Checked::Recovery => "second_factor=recovery_code",
        Checked::No(answer) => return Ok(answer),
    };
    let hash = token_hash(pending_token);
    let token = start_session(state, ctx, &account, &caller, Some((&hash, how))).await?;
    Ok(CodeAnswer::Accepted { token: Some(token), caller, recovery_codes: Vec::new() })
}

/// Enrollment during sign-in (the role requires it): the first code confirms the secret, the session starts and
/// ten recovery codes are made, to be shown once.
pub async fn confirm_pending_enrollment(
    state: &AppState,
    ctx: &Ctx,
    pending_token: &str,
    code: &str,
) -> WebResult<CodeAnswer> {
    let Some(Pending { account, enroll: true }) = pending(state, pending_token).await? else {
        return Ok(CodeAnswer::Expired);
    };
    let Some(caller) = caller_of(&account) else { return Ok(CodeAnswer::Expired) };
    let answer = confirm(state, ctx, &caller, code).await?;
    let CodeAnswer::Accepted { recovery_codes, .. } = answer else { return Ok(answer) };
    let hash = token_hash(pending_token);
    let token = start_session(state, ctx, &account, &caller, Some((&hash, "second_factor=totp_enrolled"))).await?;
    Ok(CodeAnswer::Accepted { token: Some(token), caller, recovery_codes })
}

/// Enrollment from the account page (signed in): the first code confirms the secret; ten recovery codes.
pub async fn confirm_enrollment(state: &AppState, ctx: &Ctx, caller: &Caller, code: &str) -> WebResult<CodeAnswer> {
    confirm(state, ctx, caller, code).await
}

async fn confirm(state: &AppState, ctx: &Ctx, caller: &Caller, code: &str) -> WebResult<CodeAnswer> {
    let id = caller.account;
    let Some(tf) = store::find(state.store.reader(), id).await? else { return Ok(CodeAnswer::Expired) };
    if tf.confirmed_at.is_some() {
        return Ok(CodeAnswer::Expired);
    }
    if let Some(answer) = throttled(state, ctx, id).await? {
        return Ok(answer);
    }
    let secret =
        rules::secret_from_base32(&tf.secret).ok_or_else(|| WebError::internal("a stored secret is not base32"))?;
    let now = now_unix();
    let step = match rules::verify(&secret, code, now, None) {
        Ok(step) => step,
        Err(why) => return failed(state, ctx, id, why).await,
    };
    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes
        .iter()
        .map(|c| recovery_hash(c).ok_or_else(|| WebError::internal("a new recovery code does not normalize")))
        .collect::<WebResult<_>>()?;
    let mut actor = ctx.actor();
    actor.account = Some(caller.account);
    actor.role = caller.role_str();
    actor.org = Some(caller.org);
    let tx = state.store.begin().await?;
    if !store::confirm(&tx, id, step, &hashes).await? {
        return Ok(CodeAnswer::Expired);
    }
    let entry = AuditEntry::new(AuditAction::TwoFactorEnroll, AuditOutcome::Success).on("account", id.as_uuid());
    audit::append(&tx, &actor, entry).await?;
    tx.commit().await?;
    Ok(CodeAnswer::Accepted { token: None, caller: caller.clone(), recovery_codes: codes })
}

/// The caller's two-factor status (the account page).
pub async fn status(state: &AppState, caller: &Caller) -> WebResult<Status> {
    let tf = store::find(state.store.reader(), caller.account).await?;
    let enrolled = tf.is_some_and(|t| t.confirmed_at.is_some());
    let left = if enrolled { store::recovery_codes_left(state.store.reader(), caller.account).await? } else { 0 };
    Ok(Status {
        required: rules::required(&state.config.two_factor_required, caller.kind, caller.role),
        enrolled,
        recovery_codes_left: left,
    })
}

/// Turns the caller's own two-factor sign-in off, with a current code (or a recovery code) as proof. Refused with
/// 403 when the role requires it.
pub async fn turn_off(state: &AppState, ctx: &Ctx, caller: &Caller, code: &str) -> WebResult<CodeAnswer> {
    if rules::required(&state.config.two_factor_required, caller.kind, caller.role) {
        return Err(WebError::Forbidden);
    }
    let Some(tf) = store::find(state.store.reader(), caller.account).await?.filter(|t| t.confirmed_at.is_some()) else {
        return Ok(CodeAnswer::Expired);
    };
    if let Checked::No(answer) = check_code(state, ctx, caller.account, &tf, code).await? {
        return Ok(answer);
    }
    let tx = state.store.begin().await?;
    store::remove(&tx, caller.account).await?;
    let entry =
        AuditEntry::new(AuditAction::TwoFactorDisable, AuditOutcome::Success).on("account", caller.account.as_uuid());
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(CodeAnswer::Accepted { token: None, caller: caller.clone(), recovery_codes: Vec::new() })
}

/// The accounts of the administrator's organization that have an authenticator (the reset page).
pub async fn enrolled_accounts(state: &AppState, caller: &Caller) -> WebResult<Vec<Account>> {
    if !rules::may_reset(&caller.principal) {
        return Err(WebError::Forbidden);
    }
    Ok(store::enrolled_in_org(state.store.reader(), caller.org).await?)
}

/// An administrator removes the authenticator of an account in their organization (a lost phone): the account
/// holder enrolls again at their next sign-in (when required) or may from their account page. Another
/// organization's account is not found.
pub async fn reset(state: &AppState, ctx: &Ctx, caller: &Caller, target: AccountId) -> WebResult<()> {
    if !rules::may_reset(&caller.principal) {
        return Err(WebError::Forbidden);
    }
    let in_org = pathways_store::accounts::find(state.store.reader(), target)
        .await?
        .is_some_and(|a| a.org_id == caller.org.as_uuid());
    if !in_org {
        return Err(WebError::NotFound);
    }
    let tx = state.store.begin().await?;
    if !store::remove(&tx, target).await? {
        return Err(WebError::NotFound);
    }
    let entry = AuditEntry::new(AuditAction::TwoFactorReset, AuditOutcome::Success).on("account", target.as_uuid());
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(())
}

enum Checked {
    Totp,
    Recovery,
    No(CodeAnswer),
}

/// Checks a code for a confirmed authenticator: throttled first; then a six-digit code against the secret (its
/// step recorded, so it works once), or a recovery code (spent). Failures are audited (and so counted).
async fn check_code(
    state: &AppState,
    ctx: &Ctx,
    id: AccountId,
    tf: &store::TwoFactor,
    code: &str,
) -> WebResult<Checked> {
    if let Some(answer) = throttled(state, ctx, id).await? {
        return Ok(Checked::No(answer));
    }
    if let Some(hash) = recovery_hash(code) {
        let tx = state.store.begin().await?;
        let used = store::use_recovery_code(&tx, id, &hash).await?;
        tx.commit().await?;
        return Ok(if used {
            Checked::Recovery
        } else {
            Checked::No(failed(state, ctx, id, CodeRefused::Wrong).await?)
        });
    }
    let secret =
        rules::secret_from_base32(&tf.secret).ok_or_else(|| WebError::internal("a stored secret is not base32"))?;
    let step = match rules::verify(&secret, code, now_unix(), tf.last_used_step) {
        Ok(step) => step,
        Err(why) => return Ok(Checked::No(failed(state, ctx, id, why).await?)),
    };
    let tx = state.store.begin().await?;
    let fresh = store::use_step(&tx, id, step).await?;
    tx.commit().await?;
    if !fresh {
        return Ok(Checked::No(failed(state, ctx, id, CodeRefused::Reused).await?));
    }
    Ok(Checked::Totp)
}

/// Refuses (audited, not counted) a code that comes too soon after recent wrong ones for the account.
async fn throttled(state: &AppState, ctx: &Ctx, id: AccountId) -> WebResult<Option<CodeAnswer>> {
    let now = pathways_store::now();
    let since = now - state.sign_in.forget_after;
    let failures =
        audit::recent_failures_on(state.store.reader(), AuditAction::TwoFactorFailed, id.as_uuid(), since).await?;
    let Err(t) = state.sign_in.check(now, failures, Failures::default()) else { return Ok(None) };
    let tx = state.store.begin().await?;
    let entry = AuditEntry::new(AuditAction::TwoFactorThrottled, AuditOutcome::Denied).on("account", id.as_uuid());
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(Some(CodeAnswer::Throttled { retry_after_secs: t.retry_after_secs() }))
}

async fn failed(state: &AppState, ctx: &Ctx, id: AccountId, why: CodeRefused) -> WebResult<CodeAnswer> {
    let reused = why == CodeRefused::Reused;
    let tx = state.store.begin().await?;
    let entry = AuditEntry::new(AuditAction::TwoFactorFailed, AuditOutcome::Failed)
        .on("account", id.as_uuid())
        .detail(if reused { "reused" } else { "wrong" });
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(CodeAnswer::Refused { reused })
}

fn new_recovery_codes() -> Vec<String> {
    (0..rules::RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; rules::RECOVERY_CODE_BYTES];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            rules::recovery_code(&bytes)
        })
        .collect()
}

/// What is stored of a recovery code: the SHA-256 of its normalized form (80 random bits: a fast hash is enough).
fn recovery_hash(typed: &str) -> Option<String> {
    rules::normalize_recovery_code(typed).map(|c| token_hash(&c))
}

fn now_unix() -> u64 {
    u64::try_from(pathways_store::now().timestamp()).unwrap_or(0)
}
