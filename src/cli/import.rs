//! `pathways import meeting-guide …` (and, in [`super::import_hsds`], `pathways import hsds …`), and
//! `pathways export hsds DIR`.

use std::process::ExitCode;

use anyhow::Context;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_store::audit::{self, AuditEntry};
use pathways_web::Config;

use super::{ImportCommand, cli_actor, import_hsds, open_store, progress};

pub(super) async fn import(config: Config, command: ImportCommand) -> anyhow::Result<ExitCode> {
    let (file, source, name, timezone) = match command {
        ImportCommand::MeetingGuide { file, source, name, timezone } => (file, source, name, timezone),
        ImportCommand::Hsds { path, source } => return import_hsds::import_hsds(config, &path, source).await,
    };
    let tz: chrono_tz::Tz = match timezone {
        Some(timezone) => timezone.parse().map_err(|_| anyhow::anyhow!("--timezone {timezone} is not a time zone"))?,
        None => config.deployment.time_zone,
    };
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
    let counts = progress::import_source(&tx, bar.as_ref(), &source, &converted.records).await?;
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

pub(super) async fn export_hsds(config: Config, dir: &std::path::Path) -> anyhow::Result<ExitCode> {
    let store = open_store(&config).await?;
    let vocabularies = pathways_store::export::Vocabularies {
        recovery: pathways_web::finder::taxonomy(),
        meeting_types: pathways_web::finder::meeting_types(),
    };
    // A residence's certificate is valid through a date in the deployment's time zone.
    let today = pathways_store::now().with_timezone(&config.deployment.time_zone).date_naive();
    let w = pathways_store::export::files::write_hsds(&store, dir, &vocabularies, today).await?;
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
