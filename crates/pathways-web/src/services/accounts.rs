//! The account lifecycle (issue 22): changing one's own password, one-time reset links issued by an administrator
//! (any account of their organization) or a coach (a person assigned to them, through the access gate), using a
//! reset link, an administrator's list of the organization's accounts with disable and enable, and a person
//! removing an ally. Every step is audited in the transaction of its change; guesses and bulk issuing are
//! throttled from the audit trail (so every server process sees the same counts). See `docs/ACCOUNTS.md`.

use chrono::{DateTime, Utc};
use pathways_domain::access::{may_administer_accounts, may_issue_person_reset};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::credentials;
use pathways_domain::password::{PasswordProblem, check_new_password};
use pathways_domain::{AccountId, OrgId, PersonId, PrincipalKind};
use pathways_store::DatabaseTransaction;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::model::{Account, Person};
use pathways_store::{accounts, resets, sessions};

use crate::access::{PersonTx, audit_alone, audit_read, open_person};
use crate::auth::password::{hash_password, verify_password};
use crate::auth::secret::{random_token, token_hash};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::mail::Mailer;
use crate::services::invites::{new_code, normalize_code};
use crate::state::AppState;

/// Why a form was not accepted: a message key to show with the form again.
pub type Refusal = &'static str;

/// The message key for a new password the rules refuse.
pub fn password_problem_key(problem: PasswordProblem) -> Refusal {
    match problem {
        PasswordProblem::TooShort { .. } => crate::key!("password-too-short"),
        PasswordProblem::TooLong { .. } => crate::key!("password-too-long"),
        PasswordProblem::TooGuessable => crate::key!("password-too-guessable"),
    }
}

/// Words an attacker would try first for this account: its email, username and name.
fn hints(a: &Account) -> Vec<String> {
    [a.email.clone(), a.username.clone(), Some(a.display_name.clone())].into_iter().flatten().collect()
}

fn check_new(a: &Account, password: &str, again: &str) -> Result<(), Refusal> {
    if password != again {
        return Err(crate::key!("invite-passwords-differ"));
    }
    let hints = hints(a);
    let hints: Vec<&str> = hints.iter().map(String::as_str).collect();
    check_new_password(password, &hints).map_err(password_problem_key)
}

/// Changes the caller's own password: the current one must be right (a wrong one is a failure, audited and
/// counted: after [`credentials::MAX_CHANGE_FAILURES`] in the window the answer is 429). Every session of the
/// account ends; the answer is the token of a new one for this browser.
pub async fn change_password(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    current: &str,
    new: &str,
    again: &str,
) -> WebResult<Result<String, Refusal>> {
    let since = pathways_store::now() - chrono::Duration::minutes(credentials::CHANGE_WINDOW_MINUTES);
    let on = Some(caller.account);
    let failures = audit::count_account_events(
        state.store.reader(),
        AuditAction::PasswordChange,
        AuditOutcome::Failed,
        None,
        on,
        since,
    )
    .await?;
    if !credentials::may_try_password_change(failures) {
        let entry = AuditEntry::new(AuditAction::PasswordChange, AuditOutcome::Denied)
            .on("account", caller.account.as_uuid())
            .detail("throttled");
        audit_alone(state, ctx, entry).await?;
        let secs = credentials::CHANGE_WINDOW_MINUTES.unsigned_abs() * 60;
        return Err(WebError::TooManyRequests { retry_after_secs: secs });
    }
    let Some(account) = accounts::find(state.store.reader(), caller.account).await? else {
        return Err(WebError::NotFound);
    };
    if !verify_password(current.to_owned(), account.password_hash.clone()).await? {
        let entry = AuditEntry::new(AuditAction::PasswordChange, AuditOutcome::Failed)
            .on("account", caller.account.as_uuid())
            .detail("wrong current password");
        audit_alone(state, ctx, entry).await?;
        return Ok(Err(crate::key!("account-current-wrong")));
    }
    if let Err(key) = check_new(&account, new, again) {
        return Ok(Err(key));
    }
    let hash = hash_password(new.to_owned()).await?;
    let token = random_token();
    let tx = state.store.begin().await?;
    accounts::set_password_hash(&tx, caller.account, &hash).await?;
    let ended = sessions::delete_for_account(&tx, caller.account).await?;
    sessions::create(&tx, caller.account, &token_hash(&token), &random_token()).await?;
    let entry = AuditEntry::new(AuditAction::PasswordChange, AuditOutcome::Success)
        .on("account", caller.account.as_uuid())
        .detail(format!("sessions ended: {ended}"));
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(Ok(token))
}

/// Whether a reset link was also mailed to the account's address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mailed {
    Sent,
    /// No `[smtp]` configured, no public URL to link to, or the account has no email.
    NotSent,
    /// The relay refused or could not be reached (logged, without the address).
    Failed,
}

/// A reset link just made: the token and code are shown once (only their hashes are kept).
#[derive(Clone, Debug)]
pub struct IssuedReset {
    pub token: String,
    pub code: String,
    pub expires_at: DateTime<Utc>,
    pub mailed: Mailed,
}

/// Makes a reset for `account` in `tx` (ending any earlier one); the caller writes the audit event and commits.
pub async fn issue_reset_in(
    tx: &DatabaseTransaction,
    account: &Account,
    by: Option<AccountId>,
) -> WebResult<IssuedReset> {
    let token = random_token();
    let code = new_code();
    let expires_at = credentials::reset_expires_at(pathways_store::now());
    resets::create(
        tx,
        resets::NewReset {
            account: AccountId::from_uuid(account.id),
            org: OrgId::from_uuid(account.org_id),
            token_hash: &token_hash(&token),
            code_hash: &token_hash(&normalize_code(&code)),
            by,
            expires_at,
        },
    )
    .await?;
    Ok(IssuedReset { token, code, expires_at, mailed: Mailed::NotSent })
}

/// The link a reset token opens.
pub fn reset_link(public_url: Option<&str>, token: &str) -> String {
    format!("{}/reset/{token}", public_url.unwrap_or_default().trim_end_matches('/'))
}

/// Mails the link to the account's address when SMTP and a public URL are configured and the account has an
/// email (staff accounts). The message holds the link, the code and the expiry — nothing about anyone's care.
pub async fn mail_reset(
    mailer: Option<&Mailer>,
    public_url: Option<&str>,
    account: &Account,
    issued: &mut IssuedReset,
) {
    let (Some(mailer), Some(origin), Some(to)) = (mailer, public_url, account.email.as_deref()) else { return };
    let locale = account.locale.as_deref().and_then(|l| l.parse().ok()).unwrap_or_default();
    let t = crate::i18n::Tr::new(locale);
    let body = t.args(
        "email-reset-body",
        &[
            ("link", reset_link(Some(origin), &issued.token)),
            ("code", issued.code.clone()),
            ("codepage", format!("{}/reset", origin.trim_end_matches('/'))),
            ("expires", issued.expires_at.format("%Y-%m-%d %H:%M UTC").to_string()),
        ],
    );
    issued.mailed = match mailer.send(to, &t.get("email-reset-subject"), body).await {
        Ok(()) => Mailed::Sent,
        Err(e) => {
            tracing::warn!(error = %e, "a password reset email was not sent");
            Mailed::Failed
        }
    };
}

/// Refuses a staff member who issued [`credentials::MAX_RESETS_ISSUED`] reset links in the past hour (429).
async fn check_issue_rate(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<()> {
    let since = pathways_store::now() - chrono::Duration::minutes(credentials::ISSUE_WINDOW_MINUTES);
    let issued = audit::count_account_events(
        state.store.reader(),
        AuditAction::PasswordResetIssue,
        AuditOutcome::Success,
        Some(caller.account),
        None,
        since,
    )
    .await?;
    if credentials::may_issue_reset(issued) {
        return Ok(());
    }
    audit_alone(state, ctx, AuditEntry::new(AuditAction::PasswordResetIssue, AuditOutcome::Denied).detail("throttled"))
        .await?;
    Err(WebError::TooManyRequests { retry_after_secs: credentials::ISSUE_WINDOW_MINUTES.unsigned_abs() * 60 })
}

/// A coach (for a person assigned to them) or an administrator gives a person a reset link for their own portal
/// account. The person's record is opened through the gate (outside the caller's reach: 404; the event is in the
/// person's access log). `None` when the person has no usable account (nothing is made).
pub async fn reset_person(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
) -> WebResult<(Person, Option<IssuedReset>)> {
    if !may_issue_person_reset(&caller.principal) {
        // Refused for the role, whoever the person is; like the gate's refusals, audited without a subject.
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
            .on("person", person.as_uuid())
            .detail(AuditAction::PasswordResetIssue.as_str());
        audit_alone(state, ctx, entry).await?;
        return Err(WebError::Forbidden);
    }
    check_issue_rate(state, ctx, caller).await?;
    let PersonTx { tx, record, .. } = open_person(state, ctx, caller, person, AuditAction::PasswordResetIssue).await?;
    let account = accounts::find_for_person(&tx, person).await?.filter(|a| a.disabled_at.is_none());
    let issued = match &account {
        Some(a) => Some(issue_reset_in(&tx, a, Some(caller.account)).await?),
        None => None,
    };
    tx.commit().await?;
    Ok((record, issued))
}

/// An administrator gives any enabled account of their organization a reset link (another organization's
/// account: 404). A staff account with an email gets it by mail too, when SMTP is configured.
pub async fn reset_account(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: AccountId,
) -> WebResult<(Account, IssuedReset)> {
    if !may_administer_accounts(&caller.principal) {
        return Err(WebError::Forbidden);
    }
    check_issue_rate(state, ctx, caller).await?;
    let tx = state.store.begin().await?;
    let Some(account) = accounts::find_in_org(&tx, caller.org, id).await?.filter(|a| a.disabled_at.is_none()) else {
        drop(tx);
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
            .on("account", id.as_uuid())
            .detail(AuditAction::PasswordResetIssue.as_str());
        audit_alone(state, ctx, entry).await?;
        return Err(WebError::NotFound);
    };
    let mut issued = issue_reset_in(&tx, &account, Some(caller.account)).await?;
    audit::append(&tx, &ctx.actor(), account_entry(AuditAction::PasswordResetIssue, &account)).await?;
    tx.commit().await?;
    mail_reset(state.mailer.as_deref(), state.config.public_url.as_deref(), &account, &mut issued).await;
    Ok((account, issued))
}

/// The audit event of an action on an account; a person's own account also names the person (so it shows in
/// their access log).
pub fn account_entry(action: AuditAction, a: &Account) -> AuditEntry {
    let mut entry = AuditEntry::new(action, AuditOutcome::Success);
    if a.kind == PrincipalKind::Person.as_str()
        && let Some(p) = a.person_id
    {
        entry = AuditEntry::person(action, PersonId::from_uuid(p));
    }
    entry.on("account", a.id)
}

/// How a reset is looked up: by its link token, or (when the token is blank) by its typed code — each only in its
/// own column.
enum Lookup {
    Token(String),
    Code(String),
}

fn lookup(token: &str, code: &str) -> Lookup {
    if token.trim().is_empty() {
        Lookup::Code(token_hash(&normalize_code(code)))
    } else {
        Lookup::Token(token_hash(token.trim()))
    }
}

/// The reset and its account, when the reset can still be used on an enabled account.
async fn usable(db: &impl pathways_store::ConnectionTrait, by: &Lookup) -> WebResult<Option<(uuid::Uuid, Account)>> {
    let found = match by {
        Lookup::Token(hash) => resets::find(db, hash).await?,
        Lookup::Code(hash) => resets::find_by_code(db, hash).await?,
    };
    let Some(reset) = found else { return Ok(None) };
    if !credentials::reset_usable(reset.expires_at, reset.used_at, pathways_store::now()) {
        return Ok(None);
    }
    let account = accounts::find(db, AccountId::from_uuid(reset.account_id)).await?;
    Ok(account.filter(|a| a.disabled_at.is_none()).map(|a| (reset.id, a)))
}

/// Whether a reset link can still be used (the page shows the form, or the one "not valid" answer). Only link
/// tokens (256 bits) are looked up here: a code in the path finds nothing.
pub async fn reset_usable(state: &AppState, token: &str) -> WebResult<bool> {
    Ok(usable(state.store.reader(), &Lookup::Token(token_hash(token.trim()))).await?.is_some())
}

/// The answer to using a reset.
pub enum UseReset {
    /// The new password is set, every session of the account ended, the reset used up.
    Done,
    /// Unknown, used, expired, or its account disabled: one answer for all.
    Invalid,
    /// The new password was refused (a message key); the reset still works.
    Refused(Refusal),
}

/// Uses a reset (by link token, or typed code): sets the new password, ends every session of the account and uses
/// the reset up, audited. Unknown, used or expired resets are failures, counted per address like sign-in (429).
pub async fn use_reset(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
    code: &str,
    password: &str,
    again: &str,
) -> WebResult<UseReset> {
    let since = pathways_store::now() - state.sign_in.window;
    let failures = audit::failures_from_address(
        state.store.reader(),
        AuditAction::PasswordResetUse,
        ctx.client_addr.as_deref(),
        since,
    )
    .await?;
    if failures >= state.sign_in.max_failures_per_address {
        return Err(WebError::TooManyRequests { retry_after_secs: state.sign_in.window.num_seconds().unsigned_abs() });
    }
    let invalid = async {
        let entry =
            AuditEntry::new(AuditAction::PasswordResetUse, AuditOutcome::Failed).detail("unknown_used_or_expired");
        audit_alone(state, ctx, entry).await?;
        Ok::<_, WebError>(UseReset::Invalid)
    };
    let by = lookup(token, code);
    let Some((_, account)) = usable(state.store.reader(), &by).await? else {
        return invalid.await;
    };
    if let Err(key) = check_new(&account, password, again) {
        return Ok(UseReset::Refused(key));
    }
    let hash = hash_password(password.to_owned()).await?;
    let tx = state.store.begin().await?;
    // Looked up again in the transaction: a second tab or a replay finds it used.
    let Some((reset, account)) = usable(&tx, &by).await? else {
        drop(tx);
        return invalid.await;
    };
    if !resets::consume(&tx, reset).await? {
        drop(tx);
        return invalid.await;
    }
    let id = AccountId::from_uuid(account.id);
    accounts::set_password_hash(&tx, id, &hash).await?;
    let ended = sessions::delete_for_account(&tx, id).await?;
    let mut actor = ctx.actor();
    actor.account = Some(id);
    actor.role = account.role.clone().or_else(|| Some(account.kind.clone()));
    actor.org = Some(OrgId::from_uuid(account.org_id));
    let entry = account_entry(AuditAction::PasswordResetUse, &account).detail(format!("sessions ended: {ended}"));
    audit::append(&tx, &actor, entry).await?;
    tx.commit().await?;
    Ok(UseReset::Done)
}

/// The organization's accounts, for its administrator (the read audited: persons' names are in it).
pub async fn list_accounts(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<Vec<Account>> {
    if !may_administer_accounts(&caller.principal) {
        return Err(WebError::Forbidden);
    }
    let list = accounts::list_in_org(state.store.reader(), caller.org).await?;
    let entry =
        AuditEntry::new(AuditAction::AccountList, AuditOutcome::Success).detail(format!("{} accounts", list.len()));
    audit_read(state, ctx, entry).await?;
    Ok(list)
}

/// An administrator disables (every session and API token ends at once) or enables an account of their
/// organization. Their own account can't be disabled from here, nor an ally's enabled again (409).
pub async fn set_disabled(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: AccountId,
    disabled: bool,
) -> WebResult<Account> {
    if !may_administer_accounts(&caller.principal) {
        return Err(WebError::Forbidden);
    }
    if disabled && id == caller.account {
        return Err(WebError::Conflict("account"));
    }
    let tx = state.store.begin().await?;
    let Some(account) = accounts::find_in_org(&tx, caller.org, id).await? else {
        drop(tx);
        let action = if disabled { AuditAction::AccountDisable } else { AuditAction::AccountEnable };
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
            .on("account", id.as_uuid())
            .detail(action.as_str());
        audit_alone(state, ctx, entry).await?;
        return Err(WebError::NotFound);
    };
    // An ally comes back only when the person invites them again: the person, not the organization, decides who
    // their allies are (a removed ally turned back on would see again what a consent on file shares).
    if !disabled && account.kind == PrincipalKind::Ally.as_str() {
        return Err(WebError::Conflict("account"));
    }
    let action = if disabled {
        accounts::disable(&tx, id).await?;
        AuditAction::AccountDisable
    } else {
        accounts::enable(&tx, id).await?;
        AuditAction::AccountEnable
    };
    audit::append(&tx, &ctx.actor(), account_entry(action, &account)).await?;
    tx.commit().await?;
    Ok(account)
}

/// A person removes one of their allies: the ally's account is disabled and every session and token it had ends
/// in the same transaction, so the ally's next request is signed out and shows nothing of the person. Audited
/// twice: the person's action on their record, and the account turned off.
pub async fn remove_ally(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    ally: AccountId,
) -> WebResult<String> {
    if caller.kind != PrincipalKind::Person {
        return Err(WebError::NotFound);
    }
    let PersonTx { tx, .. } = open_person(state, ctx, caller, person, AuditAction::AllyRemove).await?;
    let Some(account) = accounts::find_ally_of(&tx, person, ally).await? else {
        drop(tx);
        return Err(WebError::NotFound);
    };
    accounts::disable(&tx, ally).await?;
    let entry = AuditEntry::new(AuditAction::AccountDisable, AuditOutcome::Success).on("account", account.id);
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(account.display_name)
}
