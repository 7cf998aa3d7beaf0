//! `pathways user …` and `pathways token …`: staff accounts and their API tokens.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::{Context, bail};
use pathways_domain::Role;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::password::check_new_password;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::{accounts, orgs, tokens};
use pathways_web::Config;
use pathways_web::auth::password::hash_password_blocking;
use pathways_web::auth::secret::{random_token, token_hash};

use super::{TokenCommand, UserCommand, cli_actor, open_store};

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
        UserCommand::ResetTwoFactor { who } => reset_two_factor(&store, &who).await?,
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

pub(super) async fn token(config: Config, command: TokenCommand) -> anyhow::Result<ExitCode> {
    let TokenCommand::Create { email, label } = command;
    let store = open_store(&config).await?;
    let account = accounts::find_by_email(store.reader(), &email)
        .await?
        .with_context(|| format!("no account with email {email}"))?;
    let token = format!("pw_{}", random_token());
    let tx = store.begin().await?;
    let created = tokens::create(&tx, account.id.into(), &token_hash(&token), &label).await?;
    audit::append(
        &tx,
        &cli_actor(),
        AuditEntry::new(AuditAction::TokenCreate, AuditOutcome::Success).on("api_token", created.id),
    )
    .await?;
    tx.commit().await?;
    println!("{token}");
    eprintln!("Keep this token secret: it is shown once and acts as {email}.");
    Ok(ExitCode::SUCCESS)
}

/// `--email` (staff) or `--username` (a person's or ally's account): exactly one.
#[derive(clap::Args)]
#[group(required = true, multiple = false)]
pub(super) struct AccountLogin {
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    username: Option<String>,
}

/// `pathways user reset-2fa`: removes the account's authenticator and recovery codes, audited.
async fn reset_two_factor(store: &pathways_store::Store, who: &AccountLogin) -> anyhow::Result<()> {
    let login = who.email.as_deref().or(who.username.as_deref()).unwrap_or_default().trim().to_lowercase();
    let account = match &who.email {
        Some(_) => accounts::find_by_email(store.reader(), &login).await?,
        None => accounts::find_by_login(store.reader(), &login).await?.filter(|a| a.username.is_some()),
    }
    .with_context(|| format!("no account with that {}", if who.email.is_some() { "email" } else { "username" }))?;
    let tx = store.begin().await?;
    let removed = pathways_store::two_factor::remove(&tx, account.id.into()).await?;
    if !removed {
        bail!("{login} does not use two-factor sign-in: nothing to reset");
    }
    audit::append(
        &tx,
        &cli_actor(),
        AuditEntry::new(AuditAction::TwoFactorReset, AuditOutcome::Success).on("account", account.id),
    )
    .await?;
    tx.commit().await?;
    println!("Reset two-factor sign-in for {login}; they set up a new authenticator at their next sign-in.");
    Ok(())
}
