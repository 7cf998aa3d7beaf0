//! `pathways user …`: accounts.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::{Context, bail};
use pathways_domain::Role;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::password::check_new_password;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::{accounts, orgs};
use pathways_web::auth::password::hash_password_blocking;
use pathways_web::{Config, services};

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
        UserCommand::Disable { who } => {
            let account = who.find(&store).await?;
            let tx = store.begin().await?;
            accounts::disable(&tx, account.id.into()).await?;
            let entry = services::accounts::account_entry(AuditAction::AccountDisable, &account);
            audit::append(&tx, &cli_actor(), entry).await?;
            tx.commit().await?;
            println!("Disabled {}; its sessions and tokens have ended.", who.name());
        }
        UserCommand::Enable { who } => {
            let account = who.find(&store).await?;
            if account.kind == "ally" {
                bail!("{} is an ally's account: only the person can invite them again", who.name());
            }
            let tx = store.begin().await?;
            accounts::enable(&tx, account.id.into()).await?;
            let entry = services::accounts::account_entry(AuditAction::AccountEnable, &account);
            audit::append(&tx, &cli_actor(), entry).await?;
            tx.commit().await?;
            println!("Enabled {}.", who.name());
        }
        UserCommand::Reset { who } => {
            let account = who.find(&store).await?;
            if account.disabled_at.is_some() {
                bail!("{} is disabled; enable it first", who.name());
            }
            let tx = store.begin().await?;
            let mut issued =
                services::accounts::issue_reset_in(&tx, &account, None).await.map_err(anyhow::Error::msg)?;
            let entry = services::accounts::account_entry(AuditAction::PasswordResetIssue, &account);
            audit::append(&tx, &cli_actor(), entry).await?;
            tx.commit().await?;
            let mailer =
                config.smtp.as_ref().map(pathways_web::mail::Mailer::new).transpose().map_err(anyhow::Error::msg)?;
            let public_url = config.public_url.as_deref();
            services::accounts::mail_reset(mailer.as_ref(), public_url, &account, &mut issued).await;
            println!("{}", services::accounts::reset_link(public_url, &issued.token));
            println!("Code (to type at /reset): {}", issued.code);
            eprintln!(
                "A one-time reset link for {}, shown once; it works until {}.{}",
                who.name(),
                issued.expires_at.format("%Y-%m-%d %H:%M UTC"),
                match issued.mailed {
                    services::accounts::Mailed::Sent => " It was also emailed to the account.",
                    services::accounts::Mailed::Failed => " Emailing it failed: give it in person or by phone.",
                    services::accounts::Mailed::NotSent => "",
                }
            );
        }
        UserCommand::ResetTwoFactor { who } => reset_two_factor(&store, &who).await?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Which account a command is about: staff by email, a person's or an ally's by username (exactly one).
#[derive(clap::Args)]
#[group(required = true, multiple = false)]
pub(super) struct AccountArg {
    /// A staff member's email.
    #[arg(long)]
    email: Option<String>,
    /// A person's or an ally's username.
    #[arg(long)]
    username: Option<String>,
}

impl AccountArg {
    fn name(&self) -> String {
        self.email.clone().or_else(|| self.username.clone()).unwrap_or_default()
    }

    async fn find(&self, store: &pathways_store::Store) -> anyhow::Result<pathways_store::model::Account> {
        let found = match (&self.email, &self.username) {
            (Some(email), _) => accounts::find_by_email(store.reader(), email).await?,
            (None, Some(username)) => accounts::find_by_username(store.reader(), username).await?,
            (None, None) => bail!("give --email or --username"),
        };
        found.with_context(|| {
            format!("no account with {} {}", if self.email.is_some() { "email" } else { "username" }, self.name())
        })
    }
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
/// `pathways user reset-2fa`: removes the account's authenticator and recovery codes, audited.
async fn reset_two_factor(store: &pathways_store::Store, who: &AccountArg) -> anyhow::Result<()> {
    let login = who.name();
    let account = who.find(store).await?;
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
