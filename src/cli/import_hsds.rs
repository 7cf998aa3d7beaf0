//! `pathways import hsds PATH [--source NAME]`: Open Referral HSDS 3.0 data (JSON files, or a CSV tabular
//! package) into the directory as one source, in one transaction, with a progress bar when stderr is a terminal.

use std::io::IsTerminal as _;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::import::{hsds, report_with_warnings};
use pathways_web::Config;

use super::{cli_actor, open_store, progress};

pub(super) async fn import_hsds(config: Config, path: &Path, source: Option<String>) -> anyhow::Result<ExitCode> {
    let source = match source {
        Some(s) if !s.trim().is_empty() => s.trim().to_owned(),
        Some(_) => anyhow::bail!("--source must name the source"),
        None => path.file_stem().map(|s| s.to_string_lossy().into_owned()).context("name the source with --source")?,
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let style = ProgressStyle::with_template("{spinner} {msg:40!} [{bar:30}] {pos}/{len} files")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        ProgressBar::new(0).with_style(style)
    });
    let converted = hsds::convert(path, pathways_web::finder::taxonomy(), &mut |done, total, name| {
        if let Some(bar) = &bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            bar.set_message(if done < total { format!("reading {name}") } else { "mapping the services".to_owned() });
            if done == total {
                bar.enable_steady_tick(Duration::from_millis(120));
            }
        }
    })
    .map_err(|e| anyhow::anyhow!("cannot import {}: {e}", path.display()));
    let converted = match converted {
        Ok(c) => c,
        Err(e) => {
            bar.iter().for_each(ProgressBar::finish_and_clear);
            return Err(e);
        }
    };
    if converted.records.is_empty() {
        // An empty run would retire everything the source listed before: refuse it rather than guess.
        bar.iter().for_each(ProgressBar::finish_and_clear);
        print!("{}", report_with_warnings(&Default::default(), &converted.rejected, &converted.warnings));
        anyhow::bail!("{}: no service to import, so nothing was changed", path.display());
    }

    let store = open_store(&config).await?;
    bar.iter().for_each(ProgressBar::finish_and_clear);
    let bar = progress::bar();
    let tx = store.begin().await?;
    let counts = progress::import_source(&tx, bar.as_ref(), &source, &converted.records).await?;
    let detail = format!(
        "source={source} format=hsds added={} updated={} unchanged={} retired={} rejected={} warnings={}",
        counts.added,
        counts.updated,
        counts.unchanged,
        counts.retired,
        converted.rejected.len(),
        converted.warnings.len()
    );
    audit::append(
        &tx,
        &cli_actor(),
        AuditEntry::new(AuditAction::DirectoryImport, AuditOutcome::Success).detail(detail),
    )
    .await?;
    tx.commit().await?;
    progress::clear(bar.as_ref());
    print!("{}", report_with_warnings(&counts, &converted.rejected, &converted.warnings));
    Ok(ExitCode::SUCCESS)
}
