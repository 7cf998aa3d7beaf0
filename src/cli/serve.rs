//! `pathways serve`: the web server, with its background jobs (outreach rules, session housekeeping) and logs.

use std::process::ExitCode;

use anyhow::Context as _;
use pathways_web::{AppState, Config};

use super::open_store;

pub(super) async fn serve(mut config: Config, demo: bool, bind: Option<String>) -> anyhow::Result<ExitCode> {
    init_logging(&config.log_format);
    if let Some(bind) = bind {
        config.bind = bind;
    }
    let store = open_store(&config).await?;
    if demo {
        crate::demo::seed(&store, &config).await?;
    }
    check_kept_zone(&store, config.deployment.time_zone).await?;
    let listener = tokio::net::TcpListener::bind(&config.bind)
        .await
        .with_context(|| format!("cannot listen on {}", config.bind))?;
    let addr = listener.local_addr()?;
    tracing::info!(address = %addr, backend = ?store.backend(), "Pathways is listening");
    if let Some(warning) = config.transport_warning() {
        tracing::warn!("{warning}");
    }
    eprintln!("Pathways is running at http://{addr}/");
    let state = AppState::new(store, config);
    spawn_housekeeping(state.clone());
    if state.config.outreach_every_seconds > 0 {
        spawn_outreach(
            state.store.clone(),
            addr.to_string(),
            state.config.outreach_every_seconds,
            state.config.deployment.time_zone,
        );
    }
    pathways_web::serve(state, listener).await?;
    Ok(ExitCode::SUCCESS)
}

/// The kept outcome counts hold for the time zone they were counted in (docs/OUTCOMES.md "Scale"): after a change of
/// `deployment.time_zone` the server starts and serves, with a warning at start naming the zone they were built in
/// and the command that rebuilds them (until then the access and retention report files some records under the old
/// zone's days). Not rebuilt here: on a state's data it takes as long as the migration's backfill, and several
/// servers may start on one database at once.
async fn check_kept_zone(store: &pathways_store::Store, tz: chrono_tz::Tz) -> anyhow::Result<()> {
    use pathways_store::kept_zone::{Startup, check};
    if let Startup::Differs { built_in } = check(store.writer(), tz).await? {
        tracing::warn!(
            built_in = %built_in,
            time_zone = %tz.name(),
            "the kept outcome counts were built in another time zone than the deployment's: stop the server and \
             run `pathways outcomes rebuild-counts` (docs/OUTCOMES.md, \"Scale\")"
        );
    }
    Ok(())
}

/// Runs the outreach rules in the background: the persons whose records changed every `every` seconds, everyone
/// once an hour (claimed through the job table, so of several server processes on one database one runs it).
fn spawn_outreach(store: pathways_store::Store, addr: String, every: u64, tz: chrono_tz::Tz) {
    let worker = format!("{}:{}:{}", std::process::id(), addr, uuid::Uuid::now_v7());
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(every));
        loop {
            tick.tick().await;
            match pathways_store::outreach::tick(&store, &worker, pathways_store::now(), tz).await {
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

/// Removes sessions past their absolute lifetime, and sign-ins that waited too long for their second step, every
/// ten minutes.
fn spawn_housekeeping(state: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(600));
        loop {
            tick.tick().await;
            let before = pathways_store::now() - state.sessions.absolute;
            if let Err(e) = pathways_store::sessions::delete_started_before(state.store.writer(), before).await {
                tracing::warn!(error = %e, "session housekeeping failed");
            }
            let stale =
                pathways_store::now() - chrono::Duration::minutes(pathways_web::services::two_factor::PENDING_MINUTES);
            if let Err(e) = pathways_store::two_factor::delete_pending_before(state.store.writer(), stale).await {
                tracing::warn!(error = %e, "waiting sign-in housekeeping failed");
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
