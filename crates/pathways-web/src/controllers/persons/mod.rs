//! Staff pages over person records: `/persons`, `/persons/new`, `/persons/{id}`, `/persons/{id}/edit`.

pub mod create_person;
pub mod edit_person;
pub mod form;
pub mod list_persons;
pub mod new_person;
pub mod resolve_attention;
pub mod show_person;
pub mod update_person;

pub use create_person::create_person;
pub use edit_person::edit_person;
pub use list_persons::list_persons;
pub use new_person::new_person;
pub use resolve_attention::resolve_attention;
pub use show_person::show_person;
pub use update_person::update_person;
