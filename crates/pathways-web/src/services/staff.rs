//! The staff home's one read: the name of the caller's organization.

use pathways_store::orgs;

use crate::ctx::Caller;
use crate::error::WebResult;
use crate::state::AppState;

/// The caller's organization's name (empty if it is gone).
pub async fn org_name(state: &AppState, caller: &Caller) -> WebResult<String> {
    Ok(orgs::find(state.store.reader(), caller.org).await?.map(|o| o.name).unwrap_or_default())
}
