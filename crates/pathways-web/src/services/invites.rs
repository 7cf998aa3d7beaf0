//! Invitations (issues 4 and 7): a coach invites a person to their own portal, a person invites an ally; each
//! invitation is a one-time link and a short code (no mail server needed), stored as hashes, usable for
//! [`VALID_HOURS`]. Accepting one makes the account and its first session.

use chrono::{DateTime, Utc};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::password::check_new_password;
use pathways_domain::{OrgId, PersonId, PrincipalKind};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::model::Person;
use pathways_store::{accounts, invites, sessions};

use crate::access::{PersonTx, open_person};
use crate::auth::password::hash_password;
use crate::auth::secret::{random_token, token_hash};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// Codes avoid letters and digits that are easy to confuse when read aloud (0/O, 1/I/L).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// How long an invitation can be used.
pub const VALID_HOURS: i64 = 72;

/// A short code like `K7QH-3MWP` (about 40 bits: safe for a few days, with throttled attempts).
pub fn new_code() -> String {
    use rand::Rng;
    let mut rng = rand::rngs::OsRng;
    let chars: String = (0..8).map(|_| CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())] as char).collect();
    format!("{}-{}", &chars[..4], &chars[4..])
}

/// The form a code is compared in: upper case, no spaces or dashes.
pub fn normalize_code(code: &str) -> String {
    code.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

/// An invitation just made: the link's token and the code, shown once (only their hashes are kept).
pub struct Issued {
    pub token: String,
    pub code: String,
    pub expires_at: DateTime<Utc>,
}

fn issue() -> (Issued, String, String) {
    let token = random_token();
    let code = new_code();
    let expires_at = pathways_store::now() + chrono::Duration::hours(VALID_HOURS);
    let hashes = (token_hash(&token), token_hash(&normalize_code(&code)));
    (Issued { token, code, expires_at }, hashes.0, hashes.1)
}

/// Staff invite a person to their portal. `None` when the person already has an account (nothing is made).
pub async fn invite_person(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
) -> WebResult<(Person, Option<Issued>)> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::NotFound);
    }
    let PersonTx { tx, scope, record } = open_person(state, ctx, caller, person, AuditAction::InviteCreate).await?;
    let issued = if accounts::find_for_person(&tx, person).await?.is_some() {
        None
    } else {
        let (issued, token_hash, code_hash) = issue();
        invites::create(&tx, &scope, person, &token_hash, &code_hash, caller.account, issued.expires_at).await?;
        Some(issued)
    };
    tx.commit().await?;
    Ok((record, issued))
}

/// The person invites an ally (name and relationship already checked). The ally sees nothing until the person
/// signs a consent naming them.
pub async fn invite_ally(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    name: &str,
    relationship: Option<&str>,
) -> WebResult<Issued> {
    if caller.kind != PrincipalKind::Person {
        return Err(WebError::NotFound);
    }
    let PersonTx { tx, record, .. } = open_person(state, ctx, caller, person, AuditAction::AllyInviteCreate).await?;
    let (issued, token_hash, code_hash) = issue();
    invites::create_for_ally(
        &tx,
        &record,
        (&token_hash, &code_hash),
        (name, relationship),
        caller.account,
        issued.expires_at,
    )
    .await?;
    tx.commit().await?;
    Ok(issued)
}

/// Why an invitation was not accepted: a message key to show with the form again.
pub type Refusal = &'static str;

/// The account made from an invitation, signed in.
pub struct Accepted {
    pub kind: PrincipalKind,
    /// The new session's token, for its cookie.
    pub session_token: String,
}

/// A username: 3 to 40 lowercase letters, digits, dots, dashes or underscores (no `@`: that means email).
pub fn valid_username(u: &str) -> bool {
    (3..=40).contains(&u.len()) && u.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c))
}

/// Accepts an invitation by its link token (or, when the token is blank, its code): checks it, the username and the
/// password, makes the person's (or the ally's) account and its first session, audited. Guessing is throttled like
/// sign-in, per address, from the audit trail (429).
pub async fn accept(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
    code: &str,
    username: &str,
    password: &str,
    password_again: &str,
) -> WebResult<Result<Accepted, Refusal>> {
    let since = pathways_store::now() - state.sign_in.window;
    let failures = audit::failures_from_address(
        state.store.reader(),
        AuditAction::InviteAccept,
        ctx.client_addr.as_deref(),
        since,
    )
    .await?;
    if failures >= state.sign_in.max_failures_per_address {
        return Err(WebError::TooManyRequests { retry_after_secs: state.sign_in.window.num_seconds().unsigned_abs() });
    }
    let hash = if token.trim().is_empty() { token_hash(&normalize_code(code)) } else { token_hash(token.trim()) };
    let Some(invite) = invites::find_usable(state.store.reader(), &hash).await? else {
        let tx = state.store.begin().await?;
        let entry = AuditEntry::new(AuditAction::InviteAccept, AuditOutcome::Failed).detail("unknown_or_expired");
        audit::append(&tx, &ctx.actor(), entry).await?;
        tx.commit().await?;
        return Ok(Err(crate::key!("invite-invalid")));
    };
    // Every refusal from here on is counted against this invitation (and, audited as a failure, against the
    // address): an invitation survives `MAX_INVITE_ATTEMPTS` of them, so it can't be used to test usernames.
    let username = username.trim().to_lowercase();
    if let Err(key) = check_choice(state, &username, password, password_again).await? {
        return refuse(state, ctx, &invite, key).await;
    }
    let hash = hash_password(password.to_owned()).await?;
    let person = PersonId::from_uuid(invite.person_id);
    let tx = state.store.begin().await?;
    if !invites::mark_used(&tx, invite.id).await? {
        return Ok(Err(crate::key!("invite-invalid")));
    }
    let person_name = invites::invited_person_name(&tx, &invite).await?;
    // An ally's invitation makes an ally account under the name the person gave; it sees nothing until the
    // person signs a consent naming it.
    let (kind, display_name) = match invite.kind.as_str() {
        "ally" => (PrincipalKind::Ally, invite.ally_name.clone().unwrap_or_default()),
        _ => (PrincipalKind::Person, person_name),
    };
    let login = accounts::NewLogin {
        kind,
        org: OrgId::from_uuid(invite.org_id),
        person,
        username: &username,
        display_name: &display_name,
        password_hash: &hash,
        locale: Some(ctx.locale.as_str()),
    };
    let account = match accounts::create_login(&tx, login).await {
        Ok(a) => a,
        // Taken between the check and now: the same answer as any unusable username.
        Err(pathways_store::StoreError::Duplicate(_)) => {
            drop(tx);
            return refuse(state, ctx, &invite, crate::key!("invite-username-unavailable")).await;
        }
        Err(e) => return Err(e.into()),
    };
    let session_token = random_token();
    sessions::create(&tx, account.id.into(), &token_hash(&session_token), &random_token()).await?;
    let mut actor = ctx.actor();
    actor.account = Some(account.id.into());
    actor.role = Some(kind.as_str().into());
    actor.org = Some(OrgId::from_uuid(invite.org_id));
    audit::append(&tx, &actor, AuditEntry::person(AuditAction::InviteAccept, person)).await?;
    tx.commit().await?;
    Ok(Ok(Accepted { kind, session_token }))
}

/// Checks a chosen username and password. A username that is malformed and one that is taken get the same
/// answer, so the form says nothing about which usernames exist.
async fn check_choice(state: &AppState, username: &str, password: &str, again: &str) -> WebResult<Result<(), Refusal>> {
    if !valid_username(username) || accounts::find_by_username(state.store.reader(), username).await?.is_some() {
        return Ok(Err(crate::key!("invite-username-unavailable")));
    }
    if password != again {
        return Ok(Err(crate::key!("invite-passwords-differ")));
    }
    if let Err(problem) = check_new_password(password, &[username]) {
        return Ok(Err(crate::services::accounts::password_problem_key(problem)));
    }
    Ok(Ok(()))
}

/// Counts a refusal against the invitation (audited as a failed acceptance, which the per-address throttle
/// counts) and answers with `key` — or, when that was the invitation's last try, with "ask for a new one".
async fn refuse(
    state: &AppState,
    ctx: &Ctx,
    invite: &pathways_store::model::Invite,
    key: Refusal,
) -> WebResult<Result<Accepted, Refusal>> {
    let tx = state.store.begin().await?;
    let still_usable = invites::count_refusal(&tx, invite.id).await?;
    let entry = AuditEntry::new(AuditAction::InviteAccept, AuditOutcome::Failed)
        .on("invite", invite.id)
        .detail(if still_usable { "refused" } else { "refused; invitation used up" });
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(Err(if still_usable { key } else { crate::key!("invite-used-up") }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_readable_and_normalize() {
        let c = new_code();
        assert_eq!(c.len(), 9);
        assert!(c.chars().all(|ch| ch == '-' || CODE_ALPHABET.contains(&(ch as u8))));
        assert_eq!(normalize_code(" k7qh-3mwp "), "K7QH3MWP");
    }

    #[test]
    fn usernames() {
        assert!(valid_username("sam.r"));
        assert!(valid_username("maria_g-2"));
        for bad in ["ab", "Sam", "sam@x.org", "sam r", &"a".repeat(41)] {
            assert!(!valid_username(bad), "{bad}");
        }
    }
}
