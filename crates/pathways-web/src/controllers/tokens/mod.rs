//! A staff member's own API tokens (`/account/tokens`): see them with their scope, expiry and last use, make one
//! (shown once), revoke one.

pub mod create_token;
pub mod list_tokens;
pub mod revoke_token;
pub mod tokens_page;

pub use create_token::create_token;
pub use list_tokens::list_tokens;
pub use revoke_token::revoke_token;
