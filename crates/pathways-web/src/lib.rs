//! Pathways on the web: the axum router, controllers, askama templates, static assets, and access control.
//!
//! The request path: [`middleware`] (request id, log line, security headers, session and language) →
//! an extractor ([`ctx::SignedIn`], [`auth::ApiCaller`], [`auth::VerifiedForm`]) → an access gate
//! ([`access`]) that narrows the query to the caller's scope and audits → the domain rules → the store →
//! a template ([`views`]) or JSON.

pub mod access;
pub mod auth;
pub mod chart;
pub mod clock;
pub mod community_calendar;
pub mod config;
pub mod controllers;
pub mod ctx;
pub mod error;
pub mod extract;
pub mod finder;
pub mod flash;
pub mod housing_board;
pub mod i18n;
pub mod mail;
pub mod metrics;
pub mod middleware;
pub mod openapi;
pub mod places;
pub mod ratelimit;
pub mod router;
pub mod schemas;
pub mod services;
pub mod snapshot;
pub mod state;
pub mod views;

pub use config::Config;
pub use router::router;
pub use state::AppState;

/// Marks a message key chosen in code, so the catalog test finds it.
#[macro_export]
macro_rules! key {
    ($k:literal) => {
        $k
    };
}

/// Serves until Ctrl-C or SIGTERM, finishing requests in flight. The finder's index is built meanwhile
/// ([`warm_up`]): `/healthz` answers at once, `/readyz` once a search can be served.
pub async fn serve(state: AppState, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    tokio::spawn(warm_up(state.clone()));
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// Makes an instance ready to answer searches: loads the finder's vocabularies, builds its index and the community
/// calendar's snapshot (the gatherings a search shows beside its results), trying again every second while the
/// database can't be read, and runs one search through the index. `/readyz` answers 503 until both are in place,
/// so the first search after it waits for no build.
pub async fn warm_up(state: AppState) {
    let started = std::time::Instant::now();
    let _ = (finder::taxonomy(), finder::meeting_types());
    let tz = state.config.deployment.time_zone;
    loop {
        let built = match state.finder.rebuild(&state.store).await {
            Ok(built) => built,
            Err(e) => {
                tracing::warn!(error = %e, "the finder's index could not be built yet");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                continue;
            }
        };
        if let Err(e) = state.calendar.calendar(&state.store, tz).await {
            tracing::warn!(error = %e, "the community calendar could not be read yet");
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            continue;
        }
        let q = pathways_domain::finder::Query { words: "recovery".into(), ..Default::default() };
        let found = built.index.search_page(&q, chrono::Utc::now(), tz, 0, 20);
        tracing::info!(
            listings = built.index.len(),
            found = found.total,
            duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            "ready: the finder's index and the community calendar are built"
        );
        return;
    }
}
