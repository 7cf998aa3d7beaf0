//! The database's upkeep: `pathways migrate`, `pathways outreach evaluate`, `pathways audit` and the daily
//! `pathways designations remind`.

use std::process::ExitCode;

use anyhow::Context as _;
use pathways_domain::audit::Checkpoint;
use pathways_store::audit;
use pathways_web::Config;

use super::{AuditCommand, DesignationsCommand, OutreachCommand, cli_actor, connect, open_store};

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

/// `pathways designations remind`: the applicants' renewal reminders by mail (issue 20).
pub(super) async fn designations(config: Config, command: DesignationsCommand) -> anyhow::Result<ExitCode> {
    use pathways_domain::community::designation::MAX_MAIL_DAYS_BEFORE;
    let DesignationsCommand::Remind { days } = command;
    if !(0..=MAX_MAIL_DAYS_BEFORE).contains(&days) {
        anyhow::bail!("--days must be from 0 to {MAX_MAIL_DAYS_BEFORE}");
    }
    if config.smtp.is_none() {
        anyhow::bail!("[smtp] is not configured: no reminder can be mailed (see docs/OPERATIONS.md)");
    }
    let store = open_store(&config).await?;
    let state = pathways_web::AppState::new(store, config);
    let mailer = state.mailer.clone().context("[smtp]: the relay's settings are not usable")?;
    let done =
        pathways_web::services::designation_programs::mail_renewal_reminders(&state, &cli_actor(), &mailer, days)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    println!(
        "Renewal reminders: {} sent, {} not sent (the relay refused them; tried again next run)",
        done.sent, done.failed
    );
    Ok(if done.failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

pub(super) async fn audit(config: Config, command: AuditCommand) -> anyhow::Result<ExitCode> {
    let store = connect(&config).await?;
    let v = audit::verify(store.reader(), audit::key()).await?;
    if let Some(broken) = v.broken {
        println!("The audit trail is BROKEN after {} intact events: {broken}", v.checked);
        return Ok(ExitCode::FAILURE);
    }
    let keyed = v.keyed_from.map(|s| format!(", keyed from #{s}")).unwrap_or_default();
    match command {
        AuditCommand::Verify { checkpoint: None } => {
            println!("The audit trail is intact: {} events checked{keyed}.", v.checked);
        }
        AuditCommand::Verify { checkpoint: Some(file) } => {
            let key = audit::key().context("checkpoints are signed with audit_key: configure it")?;
            let text = std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let cp = Checkpoint::parse(&text, key).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let hash = audit::hash_at(store.reader(), cp.seq).await?;
            if let Err(b) = cp.check(v.head.0, hash.as_deref()) {
                println!("The audit trail is BROKEN against the checkpoint of {}: {b}", cp.taken_at);
                return Ok(ExitCode::FAILURE);
            }
            println!(
                "The audit trail is intact: {} events checked{keyed}; it holds the checkpoint's head #{} (taken {}) \
                 unchanged, and {} events after it.",
                v.checked,
                cp.seq,
                cp.taken_at,
                v.head.0 - cp.seq
            );
        }
        AuditCommand::Checkpoint { to } => {
            let key = audit::key().context("a checkpoint is signed with audit_key: configure it")?;
            let cp = audit::checkpoint(store.reader(), key).await?.map_err(|b| anyhow::anyhow!("{b}"))?;
            let text = cp.to_text(key);
            match to {
                Some(file) => {
                    let mut f = pathways_store::files::create_private_file(&file)
                        .with_context(|| format!("cannot create {} (it must not exist)", file.display()))?;
                    std::io::Write::write_all(&mut f, text.as_bytes())?;
                    f.sync_all()?;
                    println!(
                        "Checkpoint of event #{} written to {}; keep it away from this server.",
                        cp.seq,
                        file.display()
                    );
                }
                None => print!("{text}"),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
