//! `pathways instrument …`: check an outcome instrument file and store its version (issue 17).

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::outcomes::Instrument;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::interviews::{self, Loaded};
use pathways_web::Config;

use super::{InstrumentCommand, cli_actor, open_store};

/// Reads and checks a file; prints every problem (`FILE:LINE: field: message`) and returns `None` on any.
fn read(file: &Path) -> anyhow::Result<Option<(Instrument, String)>> {
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    match Instrument::parse(&text) {
        Ok(i) => Ok(Some((i, text))),
        Err(errors) => {
            for e in &errors {
                match e.line {
                    Some(line) => eprintln!("{}:{line}: {}: {}", file.display(), e.field, e.message),
                    None => eprintln!("{}: {}: {}", file.display(), e.field, e.message),
                }
            }
            eprintln!("{} problem(s); nothing was stored.", errors.len());
            Ok(None)
        }
    }
}

pub(super) async fn instrument(config: Config, command: InstrumentCommand) -> anyhow::Result<ExitCode> {
    match command {
        InstrumentCommand::Check { file } => Ok(match read(&file)? {
            Some((i, _)) => {
                println!("{} {}: {} items, valid.", i.id, i.version, i.items().count());
                ExitCode::SUCCESS
            }
            None => ExitCode::FAILURE,
        }),
        InstrumentCommand::Load { file } => {
            let Some((i, text)) = read(&file)? else { return Ok(ExitCode::FAILURE) };
            let store = open_store(&config).await?;
            let tx = store.begin().await?;
            let loaded = interviews::load_instrument(&tx, &i.id, &i.version, &i.title.en, &text).await?;
            match loaded {
                Loaded::New => {
                    let entry = AuditEntry::new(AuditAction::InstrumentLoad, AuditOutcome::Success)
                        .detail(format!("{} {}", i.id, i.version));
                    audit::append(&tx, &cli_actor(), entry).await?;
                    tx.commit().await?;
                    println!("Loaded {} {} ({} items).", i.id, i.version, i.items().count());
                    Ok(ExitCode::SUCCESS)
                }
                Loaded::Unchanged => {
                    println!("{} {} is already loaded with this text; nothing changed.", i.id, i.version);
                    Ok(ExitCode::SUCCESS)
                }
                Loaded::Conflict => {
                    eprintln!(
                        "{} {} is already loaded with different text: a loaded version is never changed. Give the \
                         file a new version.",
                        i.id, i.version
                    );
                    Ok(ExitCode::FAILURE)
                }
            }
        }
    }
}
