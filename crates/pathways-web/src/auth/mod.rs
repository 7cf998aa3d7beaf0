//! Authentication: passwords, sessions and their cookies, CSRF tokens and API token hashes. The extractors that
//! check them on each request are in [`crate::extract`].

pub mod cookies;
pub mod password;
pub mod secret;

use pathways_domain::PrincipalKind;

/// Where each kind of account lands after signing in (or accepting an invitation).
pub fn home_of(kind: PrincipalKind) -> &'static str {
    match kind {
        PrincipalKind::Person => "/me",
        PrincipalKind::Ally => "/ally",
        PrincipalKind::Staff => "/staff",
    }
}
