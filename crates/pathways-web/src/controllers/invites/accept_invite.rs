//! `POST /invite`: checks the invitation, creates the person's own account, and signs them in.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::password::check_new_password;
use pathways_domain::{OrgId, PersonId, PrincipalKind};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::{accounts, invites, sessions};
use serde::Deserialize;

use super::normalize_code;
use super::show_invite::AcceptPage;
use crate::auth::cookies::{self, CookieNames};
use crate::auth::password::hash_password;
use crate::auth::secret::{random_token, token_hash};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::VerifiedForm;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AcceptForm {
    token: String,
    code: String,
    username: String,
    password: String,
    password_again: String,
}

/// A username: 3 to 40 lowercase letters, digits, dots, dashes or underscores (no `@`: that means email).
fn valid_username(u: &str) -> bool {
    (3..=40).contains(&u.len()) && u.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c))
}

pub async fn accept_invite(
    State(state): State<AppState>,
    ctx: Ctx,
    VerifiedForm(f): VerifiedForm<AcceptForm>,
) -> WebResult<Response> {
    let t = ctx.t();
    let again = |error: String| -> WebResult<Response> {
        let page = AcceptPage {
            chrome: Chrome::new(&ctx, &state, t.get("invite-accept-title")),
            token: f.token.clone(),
            code: f.code.clone(),
            username: f.username.clone(),
            error: Some(error),
        };
        Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
    };
    // Guessing codes is throttled like sign-in, per address, from the audit trail.
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
    let hash =
        if f.token.trim().is_empty() { token_hash(&normalize_code(&f.code)) } else { token_hash(f.token.trim()) };
    let Some(invite) = invites::find_usable(state.store.reader(), &hash).await? else {
        let tx = state.store.begin().await?;
        audit::append(
            &tx,
            &ctx.actor(),
            AuditEntry::new(AuditAction::InviteAccept, AuditOutcome::Failed).detail("unknown_or_expired"),
        )
        .await?;
        tx.commit().await?;
        return again(t.get("invite-invalid"));
    };
    let username = f.username.trim().to_lowercase();
    if !valid_username(&username) {
        return again(t.get("invite-bad-username"));
    }
    if f.password != f.password_again {
        return again(t.get("invite-passwords-differ"));
    }
    if let Err(problem) = check_new_password(&f.password, &[&username]) {
        let key = match problem {
            pathways_domain::password::PasswordProblem::TooShort { .. } => "password-too-short",
            pathways_domain::password::PasswordProblem::TooLong { .. } => "password-too-long",
            pathways_domain::password::PasswordProblem::TooGuessable => "password-too-guessable",
        };
        return again(t.get(key));
    }
    let hash = hash_password(f.password.clone()).await?;
    let person = PersonId::from_uuid(invite.person_id);
    let tx = state.store.begin().await?;
    if !invites::mark_used(&tx, invite.id).await? {
        return again(t.get("invite-invalid"));
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
        Err(pathways_store::StoreError::Duplicate(_)) => return again(t.get("invite-username-taken")),
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
    let names = CookieNames::new(state.config.secure_cookies());
    let mut resp = Redirect::to(crate::controllers::auth::sign_in::home_of(kind)).into_response();
    cookies::set(resp.headers_mut(), &names.cookie(names.session, &session_token, None));
    cookies::set(resp.headers_mut(), &names.clear(names.csrf));
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::valid_username;

    #[test]
    fn usernames() {
        assert!(valid_username("sam.r"));
        assert!(valid_username("maria_g-2"));
        for bad in ["ab", "Sam", "sam@x.org", "sam r", &"a".repeat(41)] {
            assert!(!valid_username(bad), "{bad}");
        }
    }
}
