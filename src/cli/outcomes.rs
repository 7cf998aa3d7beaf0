//! `pathways outcomes rebuild-counts`: the kept outcome counts recounted in the deployment's time zone (issue 17,
//! docs/OUTCOMES.md "Scale"). Prints only how many cells were written: no person, no figure.

use std::process::ExitCode;

use pathways_web::Config;

use super::{OutcomesCommand, open_store};

pub(super) async fn outcomes(config: Config, command: OutcomesCommand) -> anyhow::Result<ExitCode> {
    let OutcomesCommand::RebuildCounts = command;
    let tz = config.deployment.time_zone;
    let store = open_store(&config).await?;
    let before = pathways_store::kept_zone::recorded(store.reader()).await?;
    let started = std::time::Instant::now();
    let tx = store.begin().await?;
    let rebuilt = pathways_store::kept_zone::rebuild(&tx, tz).await?;
    tx.commit().await?;
    let was = match before {
        Some(z) if z != tz.name() => format!(" (they were built in {z})"),
        _ => String::new(),
    };
    println!(
        "Kept counts rebuilt in {}{was}: {} people-served cells and {} access-and-retention cells written in {:.3} s.",
        tz.name(),
        rebuilt.served,
        rebuilt.retention,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
