//! Prometheus metrics: request counts and durations by route (the route template, never the raw path).

use std::sync::OnceLock;

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

/// The process-wide recorder; installed once, shared by every app built in this process (tests build many).
pub fn handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new().build_recorder();
            let handle = recorder.handle();
            // Another recorder may already be installed (only in tests that build their own); then ours just
            // renders nothing, which is harmless.
            let _ = metrics::set_global_recorder(recorder);
            handle
        })
        .clone()
}

pub fn record_request(method: &str, route: &str, status: u16, seconds: f64) {
    let labels = [("method", method.to_owned()), ("route", route.to_owned()), ("status", status.to_string())];
    metrics::counter!("pathways_http_requests_total", &labels).increment(1);
    metrics::histogram!("pathways_http_request_duration_seconds", "route" => route.to_owned()).record(seconds);
}
