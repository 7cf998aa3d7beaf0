//! Operations: liveness, readiness, metrics and the API description.

pub mod get_metrics;
pub mod get_openapi;
pub mod healthz;
pub mod readyz;

pub use get_metrics::get_metrics;
pub use get_openapi::get_openapi;
pub use healthz::healthz;
pub use readyz::readyz;
