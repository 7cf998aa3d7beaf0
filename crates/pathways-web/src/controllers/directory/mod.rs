//! Staff pages for the community directory: the list of listings (search, stale, with corrections, retired),
//! adding and editing a listing (each save a version), verifying, retiring and restoring, a listing's history,
//! and the queue of corrections the public suggests. Directory editors and administrators only.

pub mod close_correction;
pub mod edit_listing;
pub mod form;
pub mod list_corrections;
pub mod list_listings;
pub mod listing_history;
pub mod save_listing;
pub mod set_listing_state;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use pathways_domain::access::may_edit_directory;

pub use close_correction::close_correction;
pub use edit_listing::{edit_listing, new_listing};
pub use list_corrections::list_corrections;
pub use list_listings::list_listings;
pub use listing_history::listing_history;
pub use save_listing::{create_listing, update_listing};
pub use set_listing_state::set_listing_state;

use crate::ctx::{Caller, Ctx, SignedIn};
use crate::error::WebError;

/// A signed-in directory editor or administrator; other staff get 403, anyone else is sent to sign in.
pub struct Editor {
    pub ctx: Ctx,
    pub caller: Caller,
}

impl<S: Send + Sync> FromRequestParts<S> for Editor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let SignedIn { ctx, caller } = SignedIn::from_request_parts(parts, state).await?;
        if !may_edit_directory(&caller.principal) {
            return Err(WebError::Forbidden.into_response());
        }
        Ok(Self { ctx, caller })
    }
}

impl Editor {
    pub fn author(&self) -> pathways_store::directory_edit::Author {
        pathways_store::directory_edit::Author {
            account: Some(self.caller.account.as_uuid()),
            name: self.caller.display_name.clone(),
        }
    }
}
