//! The importers' progress bar: shown only when stderr is a terminal, so scripts and logs see the report alone.

use std::io::IsTerminal as _;

use indicatif::{ProgressBar, ProgressStyle};
use pathways_store::DatabaseTransaction;
use pathways_store::directory::{ImportCounts, ImportStep, SourceRecord};

/// A bar for writing an import, or nothing when stderr is not a terminal.
pub(super) fn bar() -> Option<ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let style = ProgressStyle::with_template("{spinner} {msg:28!} [{bar:30}] {pos}/{len} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        ProgressBar::new(0).with_style(style)
    })
}

/// Shows how far [`pathways_store::directory::import_source_with_progress`] has come.
pub(super) fn show(bar: Option<&ProgressBar>, step: ImportStep, done: usize, total: usize) {
    let Some(bar) = bar else { return };
    bar.set_message(match step {
        ImportStep::Comparing => "comparing with the last run",
        ImportStep::Writing => "writing new rows",
    });
    bar.set_length(total as u64);
    bar.set_position(done as u64);
}

/// Clears the bar (before the report is printed).
pub(super) fn clear(bar: Option<&ProgressBar>) {
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
}

/// Writes one source's records in `tx` with the bar showing how far it has come; on failure the bar is cleared
/// before the error is reported.
pub(super) async fn import_source(
    tx: &DatabaseTransaction,
    bar: Option<&ProgressBar>,
    source: &str,
    records: &[SourceRecord],
) -> anyhow::Result<ImportCounts> {
    pathways_store::directory::import_source_with_progress(tx, source, records, &mut |step, done, total| {
        show(bar, step, done, total)
    })
    .await
    .map_err(|e| {
        clear(bar);
        e.into()
    })
}
