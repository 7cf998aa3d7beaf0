//! `pathways token …`: API tokens — made (scoped, expiring), listed with their last use, revoked one by one.

use std::process::ExitCode;

use anyhow::{Context, bail};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::token::TokenScope;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::{accounts, tokens};
use pathways_web::Config;
use pathways_web::services::tokens::issue;

use super::{TokenCommand, cli_actor, open_store};

pub(super) async fn token(config: Config, command: TokenCommand) -> anyhow::Result<ExitCode> {
    let store = open_store(&config).await?;
    match command {
        TokenCommand::Create { email, label, scope, days } => {
            let scope: TokenScope = scope.parse().map_err(anyhow::Error::msg).context("--scope")?;
            let account = accounts::find_by_email(store.reader(), &email)
                .await?
                .with_context(|| format!("no account with email {email}"))?;
            if account.kind != "staff" || account.disabled_at.is_some() {
                bail!("{email} is not an active staff account: only staff use the API");
            }
            let days = days.unwrap_or(config.api_token_days);
            let tx = store.begin().await?;
            let issued = issue(&tx, &cli_actor(), account.id.into(), &label, scope, days)
                .await
                .map_err(anyhow::Error::msg)
                .context("--days")?;
            tx.commit().await?;
            println!("{}", issued.secret);
            let expires = issued.token.expires_at.map(|e| e.format("%Y-%m-%d").to_string()).unwrap_or_default();
            eprintln!(
                "Keep this token secret: it is shown once and acts as {email} ({scope}) until {expires}. \
                 Revoke it with `pathways token revoke {}`.",
                issued.token.id
            );
        }
        TokenCommand::List { email } => {
            let of = match email {
                Some(e) => Some(
                    accounts::find_by_email(store.reader(), &e)
                        .await?
                        .with_context(|| format!("no account with email {e}"))?
                        .id
                        .into(),
                ),
                None => None,
            };
            let now = pathways_store::now();
            let day = |t: Option<chrono::DateTime<chrono::Utc>>| {
                t.map_or_else(|| "-".to_owned(), |t| t.format("%Y-%m-%d %H:%M").to_string())
            };
            println!("id\taccount\tlabel\tscope\tcreated\texpires\tlast used\tstate");
            for (t, a) in tokens::list(store.reader(), of).await? {
                let state = if t.revoked_at.is_some() {
                    "revoked"
                } else if pathways_domain::token::is_live(None, t.expires_at, now) {
                    "active"
                } else {
                    "expired"
                };
                let who = a.and_then(|a| a.email.or(a.username)).unwrap_or_default();
                println!(
                    "{}\t{who}\t{}\t{}\t{}\t{}\t{}\t{state}",
                    t.id,
                    t.label,
                    t.scope,
                    day(Some(t.created_at)),
                    day(t.expires_at),
                    day(t.last_used_at)
                );
            }
        }
        TokenCommand::Revoke { id } => {
            let tx = store.begin().await?;
            let Some(t) = tokens::revoke(&tx, id, None).await? else { bail!("no token with id {id}") };
            audit::append(
                &tx,
                &cli_actor(),
                AuditEntry::new(AuditAction::TokenRevoke, AuditOutcome::Success).on("api_token", id),
            )
            .await?;
            tx.commit().await?;
            if t.revoked_at.is_some() {
                println!("Token {id} was already revoked.");
            } else {
                println!("Revoked token {id} ({}): it no longer works.", t.label);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
