//! Accounts (issue 22): one's own password (`/account/password`), reset links — issued by an administrator
//! (`/accounts`) or a person's coach (`/persons/{id}/reset`), used at `/reset` — and the administrator's list of
//! the organization's accounts with disable and enable. The use cases are `crate::services::accounts`.

pub mod change_password;
pub mod disable_account;
pub mod enable_account;
pub mod issued;
pub mod list_accounts;
pub mod reset_account;
pub mod reset_person;
pub mod show_password;
pub mod show_reset;
pub mod show_reset_code;
pub mod use_reset;

pub use change_password::change_password;
pub use disable_account::disable_account;
pub use enable_account::enable_account;
pub use list_accounts::list_accounts;
pub use reset_account::reset_account;
pub use reset_person::reset_person;
pub use show_password::show_password;
pub use show_reset::show_reset;
pub use show_reset_code::show_reset_code;
pub use use_reset::use_reset;
