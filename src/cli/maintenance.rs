//! The database's upkeep: `pathways migrate`, `pathways outreach evaluate`, `pathways audit verify` and
//! `pathways backup`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use pathways_store::{Store, audit};
use pathways_web::Config;

use super::{AuditCommand, OutreachCommand, open_store};

pub(super) async fn migrate(config: Config) -> anyhow::Result<ExitCode> {
    open_store(&config).await?;
    println!("The database is up to date.");
    Ok(ExitCode::SUCCESS)
}

pub(super) async fn outreach(config: Config, command: OutreachCommand) -> anyhow::Result<ExitCode> {
    let OutreachCommand::Evaluate { full } = command;
    let store = open_store(&config).await?;
    let started = std::time::Instant::now();
    let now = pathways_store::now();
    let counts = if full {
        pathways_store::outreach::full_pass(&store, now, config.deployment.time_zone).await?
    } else {
        pathways_store::outreach::incremental_pass(&store, now, config.deployment.time_zone).await?
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

pub(super) async fn audit(config: Config, command: AuditCommand) -> anyhow::Result<ExitCode> {
    let AuditCommand::Verify = command;
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

pub(super) async fn backup(config: Config, to: &Path) -> anyhow::Result<ExitCode> {
    let store = Store::connect(config.database_url()).await.context("cannot open the database")?;
    store.backup_sqlite(to).await?;
    println!("Backed up to {}.", to.display());
    Ok(ExitCode::SUCCESS)
}
