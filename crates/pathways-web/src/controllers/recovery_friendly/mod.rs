//! Recovery Friendly designations (issue 20): the public list of workplaces and communities designated
//! recovery-friendly (`/recovery-friendly`, linked from the home page), and the form administrators and
//! supervisors record one with (`/recovery-friendly/new`).

pub mod apply_program;
pub mod create_designation;
pub mod list_designations;
pub mod new_designation;
pub mod show_my_application;
pub mod show_program;
pub mod submit_evidence;

pub use apply_program::apply_program;
pub use create_designation::create_designation;
pub use list_designations::list_designations;
pub use new_designation::new_designation;
pub use show_my_application::show_my_application;
pub use show_program::show_program;
pub use submit_evidence::submit_evidence;
// The applicant's own evidence file (issue 20, branch rf-evidence).
pub mod download_my_evidence;

pub use download_my_evidence::download_my_evidence;
// The applicant removes a file they sent (issue 20, branch rf-api).
pub mod remove_my_evidence;

pub use remove_my_evidence::remove_my_evidence;
