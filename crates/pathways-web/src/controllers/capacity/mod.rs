//! Treatment capacity and bed holds (issue 6), the pages: the public board and the provider's page. The use cases
//! are `crate::services::capacity`; the JSON API is `controllers::api::capacity`.

pub mod change_counts;
pub mod close_hold;
pub mod list_programs;
pub mod show_board;

pub use change_counts::change_counts;
pub use close_hold::close_hold_form;
pub use list_programs::list_programs;
pub use show_board::show_board;
