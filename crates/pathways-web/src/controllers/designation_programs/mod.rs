//! Recovery Friendly designation programs, the advisors' side (issue 20, item 5): a program's owner's administrators
//! and supervisors define programs (`/designation-programs`, `…/new`, `…/{designation_program}/edit`) and review
//! applications (`/designation-applications/{application}`: each step accepted or returned with a note, the
//! designation, its withdrawal), with the renewal reminders on the programs' page. The applicants' pages are public
//! (`controllers/recovery_friendly/`).

pub mod create_program;
pub mod designate_application;
pub mod edit_program;
pub mod form;
pub mod list_programs;
pub mod new_program;
pub mod review_step;
pub mod show_application;
pub mod update_program;
pub mod withdraw_application;

pub use create_program::create_program;
pub use designate_application::designate_application;
pub use edit_program::edit_program;
pub use list_programs::list_programs;
pub use new_program::new_program;
pub use review_step::review_step;
pub use show_application::show_application;
pub use update_program::update_program;
pub use withdraw_application::withdraw_application;
// A new private link for an applicant who lost theirs (issue 20, branch fin-stream).
pub mod reissue_link;

pub use reissue_link::reissue_link;
// Evidence files and the trainings tied to an application (issue 20, branch rf-evidence).
pub mod attach_training;
pub mod download_evidence;

pub use attach_training::attach_training;
pub use download_evidence::download_evidence;
// An advisor detaches a training attached by mistake (issue 20, branch rf-api).
pub mod detach_training;

pub use detach_training::detach_training;
