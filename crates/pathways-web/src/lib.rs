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
pub mod config;
pub mod controllers;
pub mod ctx;
pub mod error;
pub mod extract;
pub mod finder;
pub mod flash;
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

/// Serves until Ctrl-C or SIGTERM, finishing requests in flight.
pub async fn serve(state: AppState, listener: tokio::net::TcpListener) -> std::io::Result<()> {
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
