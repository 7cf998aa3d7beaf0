//! `GET /readyz`: the instance can answer: the finder's search index and the community calendar's snapshot are
//! built (a search, which shows gatherings beside its results, waits for nothing) and the database answers. `/healthz` stays liveness only.

use axum::extract::State;
use axum::http::StatusCode;

use crate::state::AppState;

pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if !state.finder.is_ready() {
        return (StatusCode::SERVICE_UNAVAILABLE, "search index not built yet");
    }
    if !state.calendar.is_built() {
        return (StatusCode::SERVICE_UNAVAILABLE, "community calendar not read yet");
    }
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(e) => {
            tracing::warn!(error = %e, "database not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
