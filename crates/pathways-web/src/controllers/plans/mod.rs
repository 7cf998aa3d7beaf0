//! The recovery plan pages, for staff (`/persons/{id}/plan…`) and for the person (`/me/plan…`), served by
//! the same handlers through the [`crate::extract::Subject`] extractor.

pub mod add_goal;
pub mod edit_goal;
pub mod edit_plan;
pub mod forms;
pub mod goal_form;
pub mod list_plan_versions;
pub mod new_goal;
pub mod restore_plan_version;
pub mod save_form;
pub mod save_goal;
pub mod show_plan;
pub mod update_plan;
pub mod view;

pub use add_goal::add_goal;
pub use edit_goal::edit_goal;
pub use edit_plan::edit_plan;
pub use list_plan_versions::list_plan_versions;
pub use new_goal::new_goal;
pub use restore_plan_version::restore_plan_version;
pub use save_goal::save_goal;
pub use show_plan::show_plan;
pub use update_plan::update_plan;
