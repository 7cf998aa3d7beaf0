//! Education pages (issue 20): the public list (`/learn`) and pages (`/learn/{page}`), in the reader's language,
//! each with its source; administrators add and change them (`/learn/new`, `/learn/{page}/edit`, `POST /learn`).

pub mod edit_page;
pub mod form;
pub mod list_pages;
pub mod new_page;
pub mod save_page;
pub mod show_page;

pub use edit_page::edit_page;
pub use list_pages::list_pages;
pub use new_page::new_page;
pub use save_page::save_page;
pub use show_page::show_page;
