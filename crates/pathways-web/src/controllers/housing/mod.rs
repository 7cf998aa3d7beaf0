//! Recovery housing (issue 19), the public pages and the state's: the board (`/housing`) and the figures
//! (`/housing/figures`). The operator's pages are `controllers::residences`; the use cases
//! `crate::services::housing`; the JSON `controllers::api::housing`.

pub mod show_board;
pub mod show_figures;

pub use show_board::show_board;
pub use show_figures::show_figures;
