//! Each coach's outreach worklist for today (issue 5): items by urgency, then by how long they have waited,
//! each with the form to log an attempt.

pub mod log_attempt;
pub mod save_settings;
pub mod settings_form;
pub mod show_figures;
pub mod show_outreach;
pub mod show_settings;

pub use log_attempt::log_attempt;
pub use save_settings::save_settings;
pub use show_figures::show_figures;
pub use show_outreach::show_outreach;
pub use show_settings::show_settings;
