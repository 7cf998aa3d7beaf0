//! What every handler can reach.

use std::sync::Arc;

use metrics_exporter_prometheus::PrometheusHandle;
use pathways_domain::session::SessionPolicy;
use pathways_domain::throttle::SignInPolicy;
use pathways_store::Store;
use pathways_store::audit::AuditBatcher;

use crate::config::Config;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<Config>,
    pub sessions: SessionPolicy,
    pub sign_in: SignInPolicy,
    pub metrics: PrometheusHandle,
    /// Group commit for the audit events of reads.
    pub audit: AuditBatcher,
    /// The finder's in-memory search index over the community directory.
    pub finder: Arc<crate::finder::Finder>,
    /// Public corrections per client address.
    pub corrections_limit: Arc<crate::ratelimit::RateLimit>,
    /// The Meeting Guide feed as last made, and the directory version it was made at.
    pub meetings_feed: Arc<tokio::sync::Mutex<Option<(i64, axum::body::Bytes)>>>,
    /// The SMTP relay reset links are mailed through, when `[smtp]` is configured.
    pub mailer: Option<Arc<crate::mail::Mailer>>,
    /// Issue 17: tries of the perception survey's one-time codes per client address.
    pub survey_code_limit: Arc<crate::ratelimit::RateLimit>,
    /// Issue 19: the public housing board's snapshot.
    pub housing_board: Arc<crate::housing_board::BoardCache>,
    /// Issue 20: the public calendar's snapshot of upcoming occurrences.
    pub calendar: Arc<crate::community_calendar::CalendarCache>,
    /// Issue 21: events read per page of a financing CSV (`services::financing::FILE_PAGE`; tests make it small so
    /// a few events span several pages).
    pub file_page_events: u64,
    /// Issue 20: wrong check-in codes per kiosk (`pathways_domain::community::kiosk_code`).
    pub kiosk_code_limit: Arc<crate::ratelimit::RateLimit>,
}

impl AppState {
    pub fn new(store: Store, config: Config) -> Self {
        let sessions = SessionPolicy {
            idle: chrono::Duration::minutes(config.session_idle_minutes),
            absolute: chrono::Duration::hours(config.session_absolute_hours),
        };
        let audit = AuditBatcher::spawn(store.clone());
        // The settings were checked at start (`Config::load`), so a relay that can't be built is not configured.
        let mailer = config.smtp.as_ref().and_then(|s| crate::mail::Mailer::new(s).ok()).map(Arc::new);
        Self {
            mailer,
            audit,
            finder: Arc::new(crate::finder::Finder::new(config.deployment.time_zone)),
            corrections_limit: Arc::new(crate::ratelimit::RateLimit::new(5, std::time::Duration::from_secs(600))),
            meetings_feed: Arc::default(),
            survey_code_limit: Arc::new(crate::ratelimit::RateLimit::new(20, std::time::Duration::from_secs(600))),
            housing_board: Arc::default(),
            calendar: Arc::default(),
            file_page_events: crate::services::financing::FILE_PAGE,
            kiosk_code_limit: Arc::new(crate::ratelimit::RateLimit::new(
                pathways_domain::community::kiosk_code::WRONG_CODES_PER_WINDOW,
                std::time::Duration::from_secs(pathways_domain::community::kiosk_code::WRONG_CODE_WINDOW_SECS),
            )),
            store,
            config: Arc::new(config),
            sessions,
            sign_in: SignInPolicy::default(),
            metrics: crate::metrics::handle(),
        }
    }
}
