//! Education pages (issue 20): public, bilingual pages that reduce stigma (`/learn`), written by administrators
//! (`may_edit_education`) in a small Markdown subset, each citing its source. Rules:
//! `pathways_domain::community::education`; rendering: `views::markdown`.

use pathways_domain::access::may_edit_education;
use pathways_domain::community::education::EducationPage;
use pathways_store::education;

use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// Whether the caller may write pages (403 otherwise).
pub fn may_edit(caller: &Caller) -> WebResult<()> {
    if may_edit_education(&caller.principal) { Ok(()) } else { Err(WebError::Forbidden) }
}

/// Every page, by English title (the public list).
pub async fn pages(state: &AppState) -> WebResult<Vec<EducationPage>> {
    Ok(education::all(state.store.reader()).await?)
}

/// The page at `slug` (not found otherwise).
pub async fn page(state: &AppState, slug: &str) -> WebResult<EducationPage> {
    education::find(state.store.reader(), slug).await?.ok_or(WebError::NotFound)
}

/// Saves a page (a new slug adds one, an existing slug changes it); audited in its transaction.
pub async fn save(state: &AppState, ctx: &Ctx, caller: &Caller, p: &EducationPage) -> WebResult<()> {
    may_edit(caller)?;
    let tx = state.store.begin().await?;
    education::save(&tx, &ctx.actor(), p, pathways_store::now()).await?;
    tx.commit().await?;
    Ok(())
}
