//! The command line.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::password::check_new_password;
use pathways_domain::{OrgId, Role};
use pathways_store::audit::{self, Actor, AuditEntry};
use pathways_store::{Store, accounts, orgs, tokens};
use pathways_web::auth::password::hash_password_blocking;
use pathways_web::auth::secret::{random_token, token_hash};
use pathways_web::{AppState, Config};

mod import_hsds;
mod progress;

#[derive(Parser)]
#[command(name = "pathways", version, about = "Pathways: a recovery-oriented system of care")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web server (migrates the database first).
    Serve {
        /// Fill an empty database with a demo organization, one account per role, and demo records.
        #[arg(long)]
        demo: bool,
        /// Address to listen on (default from configuration: 127.0.0.1:8080).
        #[arg(long)]
        bind: Option<String>,
    },
    /// Apply database migrations.
    Migrate,
    /// Organizations.
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// The audit trail.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Bring directory data in from another source.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Write directory data out in an open format.
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Demo and benchmark data.
    Demo {
        #[command(subcommand)]
        command: DemoCommand,
    },
    /// The outreach rules (check-ups, linkage, re-engagement).
    Outreach {
        #[command(subcommand)]
        command: OutreachCommand,
    },
    /// Copy a SQLite database while the server runs (for PostgreSQL, use pg_dump).
    Backup {
        #[arg(long)]
        to: PathBuf,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// A Meeting Guide JSON feed (an array of meetings). Re-importing the same source updates in place and
    /// retires the meetings it no longer lists.
    MeetingGuide {
        file: PathBuf,
        /// The source's key (default: the file's name without its extension).
        #[arg(long)]
        source: Option<String>,
        /// The name shown for the source's organization (default: the source's key).
        #[arg(long)]
        name: Option<String>,
        /// The time zone of meetings that don't name one.
        #[arg(long, default_value = "America/New_York")]
        timezone: String,
    },
    /// Open Referral HSDS 3.0: a JSON file, a directory of JSON files (services, organizations, locations,
    /// services at locations, nested or by id) or a CSV tabular data package directory. Re-importing the same
    /// source updates in place and retires the services it no longer lists.
    Hsds {
        path: PathBuf,
        /// The source's key (default: the file's or directory's name).
        #[arg(long)]
        source: Option<String>,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// The active directory as Open Referral HSDS 3.0 JSON: organizations.json, services.json (fully nested),
    /// locations.json, taxonomies.json and taxonomy_terms.json in DIR (made if missing; those files are replaced).
    /// Check it with scripts/validate_hsds.py DIR.
    Hsds { dir: PathBuf },
}

#[derive(Subcommand)]
enum DemoCommand {
    /// Generate a large, fictional data set for benchmarks in a new organization (accounts use the
    /// PATHWAYS_DEMO_PASSWORD password).
    Generate {
        #[arg(long, default_value_t = 100_000)]
        persons: usize,
        #[arg(long, default_value_t = 5_000_000)]
        checkins: usize,
        #[arg(long, default_value_t = 400_000)]
        assessments: usize,
        #[arg(long, default_value_t = 50)]
        persons_per_coach: usize,
        /// Make the national directory set instead: this many generated services over every US ZIP code…
        #[arg(long)]
        services: Option<usize>,
        /// …and this many generated meetings.
        #[arg(long)]
        meetings: Option<usize>,
    },
}

#[derive(Subcommand)]
enum OrgCommand {
    /// Create an organization.
    Create {
        /// Short handle, e.g. `hartford-rcc`.
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        /// recovery_community_center, treatment_provider, access_line or state_agency.
        #[arg(long, default_value = "recovery_community_center")]
        kind: String,
    },
    /// List organizations.
    List,
    /// Say that a directory listing's organization is this Pathways organization: referrals to its services
    /// then arrive in the organization's inbox instead of being printed. `--unlink` takes it back.
    LinkDirectory {
        /// The Pathways organization's slug.
        #[arg(long)]
        slug: String,
        /// The directory organization's id (HSDS `organization.id`, as `pathways export hsds` writes it).
        #[arg(long)]
        directory_organization: uuid::Uuid,
        #[arg(long)]
        unlink: bool,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a staff account; the password is read from standard input.
    Create {
        #[arg(long)]
        org: String,
        /// admin, supervisor, coach, clinician, access_line, provider_staff or analyst.
        #[arg(long)]
        role: String,
        #[arg(long)]
        email: String,
        /// Display name (default: the part of the email before @).
        #[arg(long)]
        name: Option<String>,
    },
    /// Disable an account: its sessions and tokens end at once.
    Disable {
        #[arg(long)]
        email: String,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create an API token for an account and print it (only its hash is kept).
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "cli")]
        label: String,
    },
}

#[derive(Subcommand)]
enum OutreachCommand {
    /// Evaluate the rules now: every person (`--full`, what the hourly job does) or only those whose records
    /// changed since they were last evaluated (the default). Prints what the pass did and how long it took.
    Evaluate {
        #[arg(long)]
        full: bool,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Recompute the hash chain and name the first broken event.
    Verify,
}

fn load_config() -> anyhow::Result<Config> {
    let dir = std::env::current_dir().context("cannot read the current directory")?;
    let (config, warnings) = Config::load(&dir).map_err(anyhow::Error::msg)?;
    for w in warnings {
        eprintln!("warning: {w}");
    }
    Ok(config)
}

async fn open_store(config: &Config) -> anyhow::Result<Store> {
    let store = Store::connect(config.database_url()).await.context("cannot open the database")?;
    store.migrate().await.context("cannot migrate the database")?;
    Ok(store)
}

/// The audit actor for command-line changes: no account, marked as the CLI.
fn cli_actor() -> Actor {
    Actor { role: Some("cli".into()), ..Actor::default() }
}

pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = load_config()?;
    match cli.command {
        Command::Serve { demo, bind } => serve(config, demo, bind).await,
        Command::Migrate => {
            open_store(&config).await?;
            println!("The database is up to date.");
            Ok(ExitCode::SUCCESS)
        }
        Command::Org { command } => org(config, command).await,
        Command::Demo {
            command: DemoCommand::Generate { persons, checkins, assessments, persons_per_coach, services, meetings },
        } => {
            if services.is_some() || meetings.is_some() {
                let store = open_store(&config).await?;
                let (s, m) = (services.unwrap_or(0), meetings.unwrap_or(0));
                crate::demo::directory::generate_national(&store, s, m).await?;
                return Ok(ExitCode::SUCCESS);
            }
            let store = open_store(&config).await?;
            let password = config
                .demo_password
                .as_ref()
                .map(|p| secrecy::ExposeSecret::expose_secret(p).to_owned())
                .context("set PATHWAYS_DEMO_PASSWORD: the generated accounts use it")?;
            let hash = hash_password_blocking(&password).map_err(anyhow::Error::msg)?;
            let sizes = crate::demo::generate::Sizes { persons, checkins, assessments, persons_per_coach };
            crate::demo::generate::generate(&store, &sizes, &hash).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::User { command } => user(config, command).await,
        Command::Import { command } => import(config, command).await,
        Command::Export { command: ExportCommand::Hsds { dir } } => export_hsds(config, &dir).await,
        Command::Token { command: TokenCommand::Create { email, label } } => {
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
        Command::Outreach { command: OutreachCommand::Evaluate { full } } => {
            let store = open_store(&config).await?;
            let started = std::time::Instant::now();
            let now = pathways_store::now();
            let counts = if full {
                pathways_store::outreach::full_pass(&store, now).await?
            } else {
                pathways_store::outreach::incremental_pass(&store, now).await?
            };
            let secs = started.elapsed().as_secs_f64();
            println!(
                "{} pass: {} persons evaluated, {} enrolled, {} items opened, {} closed in {secs:.3} s",
                if full { "Full" } else { "Incremental" },
                counts.evaluated,
                counts.enrolled,
                counts.opened,
                counts.closed
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Audit { command: AuditCommand::Verify } => {
            let store = Store::connect(config.database_url()).await.context("cannot open the database")?;
            let v = audit::verify(store.reader()).await?;
            match v.broken {
                None => {
                    println!("The audit trail is intact: {} events checked.", v.checked);
                    Ok(ExitCode::SUCCESS)
                }
                Some(broken) => {
                    println!("The audit trail is BROKEN after {} intact events: {broken}", v.checked);
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Command::Backup { to } => {
            let store = Store::connect(config.database_url()).await.context("cannot open the database")?;
            store.backup_sqlite(&to).await?;
            println!("Backed up to {}.", to.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

async fn serve(mut config: Config, demo: bool, bind: Option<String>) -> anyhow::Result<ExitCode> {
    init_logging(&config.log_format);
    if let Some(bind) = bind {
        config.bind = bind;
    }
    let store = open_store(&config).await?;
    if demo {
        crate::demo::seed(&store, &config).await?;
    }
    let listener = tokio::net::TcpListener::bind(&config.bind)
        .await
        .with_context(|| format!("cannot listen on {}", config.bind))?;
    let addr = listener.local_addr()?;
    tracing::info!(address = %addr, backend = ?store.backend(), "Pathways is listening");
    eprintln!("Pathways is running at http://{addr}/");
    let state = AppState::new(store, config);
    spawn_housekeeping(state.clone());
    if state.config.outreach_every_seconds > 0 {
        spawn_outreach(state.store.clone(), addr.to_string(), state.config.outreach_every_seconds);
    }
    pathways_web::serve(state, listener).await?;
    Ok(ExitCode::SUCCESS)
}

/// Runs the outreach rules in the background: the persons whose records changed every `every` seconds, everyone
/// once an hour (claimed through the job table, so of several server processes on one database one runs it).
fn spawn_outreach(store: pathways_store::Store, addr: String, every: u64) {
    let worker = format!("{}:{}:{}", std::process::id(), addr, uuid::Uuid::now_v7());
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(every));
        loop {
            tick.tick().await;
            match pathways_store::outreach::tick(&store, &worker, pathways_store::now()).await {
                Ok((full, incremental)) => {
                    if let Some(f) = full {
                        tracing::info!(
                            evaluated = f.evaluated,
                            opened = f.opened,
                            closed = f.closed,
                            "outreach full pass"
                        );
                    }
                    if incremental.evaluated > 0 {
                        tracing::debug!(evaluated = incremental.evaluated, "outreach incremental pass");
                    }
                }
                Err(e) => tracing::warn!(error = %e, "outreach pass failed"),
            }
        }
    });
}

/// Removes sessions past their absolute lifetime, every ten minutes.
fn spawn_housekeeping(state: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(600));
        loop {
            tick.tick().await;
            let before = pathways_store::now() - state.sessions.absolute;
            if let Err(e) = pathways_store::sessions::delete_started_before(state.store.writer(), before).await {
                tracing::warn!(error = %e, "session housekeeping failed");
            }
        }
    });
}

fn init_logging(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if format == "text" {
        builder.init();
    } else {
        builder.json().flatten_event(true).with_current_span(false).init();
    }
}

async fn org(config: Config, command: OrgCommand) -> anyhow::Result<ExitCode> {
    let store = open_store(&config).await?;
    match command {
        OrgCommand::Create { slug, name, kind } => {
            let slug = Slug::parse(&slug)?;
            let kind: OrgKind = kind.parse().map_err(anyhow::Error::msg)?;
            let name = name.trim();
            if name.is_empty() {
                bail!("--name must not be empty");
            }
            let tx = store.begin().await?;
            let created = orgs::create(&tx, &slug, name, kind).await?;
            audit::append(
                &tx,
                &cli_actor(),
                AuditEntry::new(AuditAction::OrgCreate, AuditOutcome::Success).on("organization", created.id),
            )
            .await?;
            tx.commit().await?;
            println!("Created organization {slug} ({}).", created.id);
        }
        OrgCommand::List => {
            for o in orgs::list(store.reader()).await? {
                println!("{}\t{}\t{}", o.slug, o.kind, o.name);
            }
        }
        OrgCommand::LinkDirectory { slug, directory_organization, unlink } => {
            let Some(org) = orgs::find_by_slug(store.reader(), &slug).await? else {
                bail!("no organization {slug}");
            };
            let to = (!unlink).then_some(OrgId::from_uuid(org.id));
            let tx = store.begin().await?;
            if !pathways_store::referrals::link_directory_org(&tx, directory_organization, to).await? {
                bail!("no directory organization {directory_organization}");
            }
            let entry = AuditEntry::new(AuditAction::DirectoryChange, AuditOutcome::Success)
                .on("dir_organization", directory_organization)
                .detail(if unlink {
                    "unlinked from a Pathways organization"
                } else {
                    "linked to a Pathways organization"
                });
            audit::append(&tx, &cli_actor(), entry).await?;
            tx.commit().await?;
            println!("{} {slug}.", if unlink { "Unlinked from" } else { "Referrals now arrive in the inbox of" });
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn user(config: Config, command: UserCommand) -> anyhow::Result<ExitCode> {
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

async fn import(config: Config, command: ImportCommand) -> anyhow::Result<ExitCode> {
    let (file, source, name, timezone) = match command {
        ImportCommand::MeetingGuide { file, source, name, timezone } => (file, source, name, timezone),
        ImportCommand::Hsds { path, source } => return import_hsds::import_hsds(config, &path, source).await,
    };
    let tz: chrono_tz::Tz =
        timezone.parse().map_err(|_| anyhow::anyhow!("--timezone {timezone} is not a time zone"))?;
    let source = match source {
        Some(s) => s,
        None => file.file_stem().map(|s| s.to_string_lossy().into_owned()).context("name the source with --source")?,
    };
    let text = std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
    let converted =
        pathways_store::import::meeting_guide::convert(&text, &source, name.as_deref().unwrap_or(&source), tz)
            .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let store = open_store(&config).await?;
    let bar = progress::bar();
    let tx = store.begin().await?;
    let counts = pathways_store::directory::import_source_with_progress(
        &tx,
        &source,
        &converted.records,
        &mut |step, done, total| progress::show(bar.as_ref(), step, done, total),
    )
    .await;
    let counts = match counts {
        Ok(c) => c,
        Err(e) => {
            progress::clear(bar.as_ref());
            return Err(e.into());
        }
    };
    let detail = format!(
        "source={source} added={} updated={} unchanged={} retired={} rejected={}",
        counts.added,
        counts.updated,
        counts.unchanged,
        counts.retired,
        converted.rejected.len()
    );
    audit::append(
        &tx,
        &cli_actor(),
        AuditEntry::new(AuditAction::DirectoryImport, AuditOutcome::Success).detail(detail),
    )
    .await?;
    tx.commit().await?;
    progress::clear(bar.as_ref());
    print!("{}", pathways_store::import::report(&counts, &converted.rejected));
    Ok(ExitCode::SUCCESS)
}

async fn export_hsds(config: Config, dir: &std::path::Path) -> anyhow::Result<ExitCode> {
    let store = open_store(&config).await?;
    let vocabularies = pathways_store::export::Vocabularies {
        recovery: pathways_web::finder::taxonomy(),
        meeting_types: pathways_web::finder::meeting_types(),
    };
    let w = pathways_store::export::files::write_hsds(&store, dir, &vocabularies).await?;
    println!(
        "Wrote {} organizations, {} services, {} locations, {} taxonomies and {} taxonomy terms to {}.",
        w.organizations,
        w.services,
        w.locations,
        w.taxonomies,
        w.taxonomy_terms,
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
