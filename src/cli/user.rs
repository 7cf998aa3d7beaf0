//! `pathways user …`: accounts.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::{Context, bail};
use pathways_domain::Role;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::password::check_new_password;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::{accounts, orgs};
use pathways_web::Config;
use pathways_web::auth::password::hash_password_blocking;

use super::{UserCommand, cli_actor, open_store};

pub(super) async fn user(config: Config, command: UserCommand) -> anyhow::Result<ExitCode> {
    let store = open_store(&config).await?;
    match command {
        UserCommand::Create { org, role, email, name } => {
            let role: Role = role.parse()?;
            let email = pathways_domain::person::parse_email(&email)
                .map_err(|_| anyhow::anyhow!("{email:?} is not an email address"))?
                .context("--email must not be empty")?;
            let org = orgs::find_by_slug(store.reader(), &org)
                .await?
                .with_context(|| format!("no organization with slug {org}"))?;
            let password = read_password()?;
            let local = email.split('@').next().unwrap_or_default().to_owned();
            check_new_password(&password, &[&email, &local]).map_err(anyhow::Error::msg)?;
            let hash = hash_password_blocking(&password).map_err(anyhow::Error::msg)?;
            let name = name.unwrap_or(local);
            let tx = store.begin().await?;
            let created = accounts::create_staff(
                &tx,
                accounts::NewStaff {
                    org: org.id.into(),
                    role,
                    email: &email,
                    display_name: &name,
                    password_hash: &hash,
                },
            )
            .await?;
            audit::append(
                &tx,
                &cli_actor(),
                AuditEntry::new(AuditAction::AccountCreate, AuditOutcome::Success).on("account", created.id),
            )
            .await?;
            tx.commit().await?;
            println!("Created {role} account {email} in {}.", org.slug);
        }
        UserCommand::Disable { email } => {
            let account = accounts::find_by_email(store.reader(), &email)
                .await?
                .with_context(|| format!("no account with email {email}"))?;
            let tx = store.begin().await?;
            accounts::disable(&tx, account.id.into()).await?;
            audit::append(
                &tx,
                &cli_actor(),
                AuditEntry::new(AuditAction::AccountDisable, AuditOutcome::Success).on("account", account.id),
            )
            .await?;
            tx.commit().await?;
            println!("Disabled {email}; its sessions and tokens have ended.");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads a password from standard input (one line), prompting only on a terminal.
fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password (at least 12 characters): ");
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line).context("cannot read the password from standard input")?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        bail!("no password given on standard input");
    }
    Ok(password)
}
