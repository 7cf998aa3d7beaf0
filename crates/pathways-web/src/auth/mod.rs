//! Authentication: passwords, sessions and their cookies, CSRF tokens and API token hashes. The extractors that
//! check them on each request are in [`crate::extract`].

pub mod cookies;
pub mod password;
pub mod secret;
