//! The command line: the commands' definitions (clap) and the dispatch to one module per command group
//! (`serve`, `demo`, `import` and `export`, `org`, `user` and `token`, the database's upkeep in `maintenance`,
//! and encrypted backups in `backup`).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use pathways_store::Store;
use pathways_store::audit::Actor;
use pathways_web::Config;

mod backup;
mod demo;
mod import;
mod import_hsds;
mod instrument;
mod maintenance;
mod org;
mod outcomes;
mod progress;
mod serve;
mod token;
mod user;

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
    /// Outcome instruments (issue 17): interviews kept as versioned TOML files (docs/OUTCOMES.md).
    Instrument {
        #[command(subcommand)]
        command: InstrumentCommand,
    },
    /// Outcome reports' kept counts (issue 17, docs/OUTCOMES.md "Scale").
    Outcomes {
        #[command(subcommand)]
        command: OutcomesCommand,
    },
    /// The outreach rules (check-ups, linkage, re-engagement).
    Outreach {
        #[command(subcommand)]
        command: OutreachCommand,
    },
    /// Recovery Friendly designations (issue 20).
    Designations {
        #[command(subcommand)]
        command: DesignationsCommand,
    },
    /// Write an encrypted backup (age, to `backup_recipient` or with `backup_passphrase`) while the server runs:
    /// SQLite's online copy, or PostgreSQL's `pg_dump --format=custom`. FILE must not exist; it is made 0600.
    Backup {
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// Restore an encrypted backup (with `backup_identity_file` or `backup_passphrase`) into a new database,
    /// check it (integrity, migrations, the audit chain), then swap it in, keeping the old one. Stop the server
    /// first.
    Restore {
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// A Meeting Guide feed: JSON (an array of meetings) or the specification's Table Format (a CSV or sheet
    /// export with plain-language headers: Name, Day, Time, Formatted Address, …), told apart by the file's
    /// content. Re-importing the same source updates in place and retires the meetings it no longer lists.
    MeetingGuide {
        file: PathBuf,
        /// The source's key (default: the file's name without its extension).
        #[arg(long)]
        source: Option<String>,
        /// The name shown for the source's organization (default: the source's key).
        #[arg(long)]
        name: Option<String>,
        /// The time zone of meetings that don't name one (default: the deployment's, `[deployment] time_zone`).
        #[arg(long)]
        timezone: Option<String>,
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
        /// Signed peer service events over the past year for the generated organization's coaches and persons,
        /// under a generated payer, grant and voucher program (issue 21's benchmark: `bench/financing.py`).
        #[arg(long, default_value_t = 0)]
        service_events: usize,
        /// Make the national directory set instead: this many generated services over every US ZIP code…
        #[arg(long)]
        services: Option<usize>,
        /// …and this many generated meetings.
        #[arg(long)]
        meetings: Option<usize>,
        /// …and this many generated recovery residences (issue 19; default with --services: one for every 20
        /// services, so 100,000 services bring the housing benchmark's 5,000). Alone: only the residences.
        #[arg(long)]
        residences: Option<usize>,
        /// Make the recovery community calendar set instead (issue 20): this many recovery community centers…
        #[arg(long)]
        centers: Option<usize>,
        /// …sharing this many groups and events.
        #[arg(long)]
        events: Option<usize>,
        /// Make a state's outcomes set instead (issue 17, `bench/outcomes.py`): this many organizations in the demo
        /// state agency's network (the demo is loaded first into an empty database)…
        #[arg(long)]
        outcomes_orgs: Option<usize>,
        /// …with this many persons (default 2,000 per organization)…
        #[arg(long)]
        outcomes_persons: Option<usize>,
        /// …this many episodes of care over eight quarters (default 1.5 per person)…
        #[arg(long)]
        outcomes_episodes: Option<usize>,
        /// …this many outcome interviews (default 5 per person)…
        #[arg(long)]
        outcomes_interviews: Option<usize>,
        /// …and this many perception-of-care responses (default 500 per organization).
        #[arg(long)]
        outcomes_surveys: Option<usize>,
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
    /// Disable an account (staff by --email, a person's or an ally's by --username): its sessions and tokens end
    /// at once.
    Disable {
        #[command(flatten)]
        who: user::AccountArg,
    },
    /// Enable a disabled account again.
    Enable {
        #[command(flatten)]
        who: user::AccountArg,
    },
    /// Make a one-time password reset link (24 hours) and print it once (mailed too when [smtp] is configured and
    /// the account has an email).
    Reset {
        #[command(flatten)]
        who: user::AccountArg,
    },
    /// Remove an account's authenticator (a lost phone) and its recovery codes, audited: the account sets up a
    /// new one at its next sign-in (when its role requires it) or may from its account page.
    #[command(name = "reset-2fa")]
    ResetTwoFactor {
        #[command(flatten)]
        who: user::AccountArg,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create an API token for a staff account and print it once (only its hash is kept).
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "cli")]
        label: String,
        /// `read` (GET only; the default: least privilege) or `write`.
        #[arg(long, default_value = "read")]
        scope: String,
        /// Days until it expires (1 to 366; default: the configured api_token_days, 90 unless set).
        #[arg(long)]
        days: Option<i64>,
    },
    /// List tokens (all, or one account's): id, account, label, scope, made, expires, last used, state.
    List {
        #[arg(long)]
        email: Option<String>,
    },
    /// Revoke one token by its id (from `token list`); it stops working at once.
    Revoke { id: uuid::Uuid },
}

#[derive(Subcommand)]
enum InstrumentCommand {
    /// Check an instrument file and store its version. Every problem is printed with its line and field, and
    /// nothing is stored; a version already loaded with other text is refused (give it a new version).
    Load { file: PathBuf },
    /// Check an instrument file without storing it.
    Check { file: PathBuf },
}

#[derive(Subcommand)]
enum OutcomesCommand {
    /// Recount the kept people-served and access-and-retention counts from the records, in the deployment's time
    /// zone (`[deployment] time_zone`), and record that zone. Run it after changing the zone, with the server stopped
    /// (`pathways serve` warns at start while the counts were built in another zone). Prints the cells written.
    RebuildCounts,
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
enum DesignationsCommand {
    /// Mail each designation's applicant (its contact address) a reminder of its renewal once the renewal day is at
    /// most DAYS days away, once per renewal day (kept in the database). Run it daily; needs [smtp]. Prints how many
    /// were sent; exits non-zero when the relay refused one (tried again on the next run).
    Remind {
        /// Days before the renewal day (0–60; default 30).
        #[arg(long, default_value_t = pathways_domain::community::designation::MAIL_DAYS_BEFORE)]
        days: i64,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Recompute the hash chain and name the first broken event; with --checkpoint, also check that every event
    /// up to the checkpoint's head is still there, unchanged (naming the removed events).
    Verify {
        /// A checkpoint written by `pathways audit checkpoint` (needs audit_key).
        #[arg(long, value_name = "FILE")]
        checkpoint: Option<PathBuf>,
    },
    /// Verify the chain and print its head (sequence number and keyed hash), signed with audit_key, to keep away
    /// from this server (another machine, a ticket, paper): `audit verify --checkpoint` then finds events removed
    /// after it.
    Checkpoint {
        /// Write it to this new file instead of printing it.
        #[arg(long, value_name = "FILE")]
        to: Option<PathBuf>,
    },
}

/// The configuration: the file `PATHWAYS_CONFIG` names (the Debian package's unit sets
/// `/etc/pathways/pathways.toml`; it must exist), else `pathways.toml` in the current folder if there is one; then
/// the `PATHWAYS_*` variables.
fn load_config() -> anyhow::Result<Config> {
    let file = match std::env::var_os("PATHWAYS_CONFIG") {
        Some(path) if !path.is_empty() => {
            let path = PathBuf::from(path);
            if !path.is_file() {
                anyhow::bail!(
                    "PATHWAYS_CONFIG names {}, which is not a file: create it (see docs/OPERATIONS.md) or unset \
                     PATHWAYS_CONFIG to read pathways.toml in the current folder",
                    path.display()
                );
            }
            path
        }
        _ => std::env::current_dir().context("cannot read the current directory")?.join("pathways.toml"),
    };
    let (config, warnings) = Config::load_file(&file).map_err(anyhow::Error::msg)?;
    for w in warnings {
        eprintln!("warning: {w}");
    }
    Ok(config)
}

async fn open_store(config: &Config) -> anyhow::Result<Store> {
    let store = connect(config).await?;
    store.migrate().await.context("cannot migrate the database")?;
    if pathways_store::audit::key().is_none() && pathways_store::audit::head_is_keyed(store.reader()).await? {
        anyhow::bail!(
            "the audit trail is keyed, and audit_key is not configured: events written now would break the chain. \
             Set audit_key (in pathways.toml or PATHWAYS_AUDIT_KEY) to the deployment's key"
        );
    }
    Ok(store)
}

/// Opens the configured database without migrating it — after refusing a SQLite data folder that other accounts
/// on this machine can read (the message names the fix).
async fn connect(config: &Config) -> anyhow::Result<Store> {
    if let Some(file) = pathways_store::files::sqlite_file(config.database_url()) {
        pathways_store::files::check_private_dir(&pathways_store::files::data_dir(&file))
            .map_err(anyhow::Error::msg)?;
    }
    Store::connect(config.database_url()).await.context("cannot open the database")
}

/// The audit actor for command-line changes: no account, marked as the CLI.
fn cli_actor() -> Actor {
    Actor { role: Some("cli".into()), ..Actor::default() }
}

pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = load_config()?;
    if let Some(key) = &config.audit_key {
        let key = pathways_domain::audit::AuditKey::new(secrecy::ExposeSecret::expose_secret(key).as_bytes())
            .map_err(|e| anyhow::anyhow!("configuration: audit_key: {e}"))?;
        pathways_store::audit::use_key(key)?;
    }
    match cli.command {
        Command::Serve { demo, bind } => serve::serve(config, demo, bind).await,
        Command::Migrate => maintenance::migrate(config).await,
        Command::Org { command } => org::org(config, command).await,
        Command::Demo { command } => demo::demo(config, command).await,
        Command::User { command } => user::user(config, command).await,
        Command::Token { command } => token::token(config, command).await,
        Command::Import { command } => import::import(config, command).await,
        Command::Export { command: ExportCommand::Hsds { dir } } => import::export_hsds(config, &dir).await,
        Command::Outreach { command } => maintenance::outreach(config, command).await,
        Command::Outcomes { command } => outcomes::outcomes(config, command).await,
        Command::Designations { command } => maintenance::designations(config, command).await,
        Command::Instrument { command } => instrument::instrument(config, command).await,
        Command::Audit { command } => maintenance::audit(config, command).await,
        Command::Backup { to } => backup::backup(config, &to).await,
        Command::Restore { from } => backup::restore(config, &from).await,
    }
}
