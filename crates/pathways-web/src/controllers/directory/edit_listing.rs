//! `GET /directory/{id}/edit`: the listing form, filled from the stored listing.

use axum::extract::State;
use axum::response::Html;
use pathways_domain::ids::ServiceId;

use super::form::{page, raw_from_listing};
use crate::error::WebResult;
use crate::extract::{Editor, InPath};
use crate::services;
use crate::services::directory::Listing;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn edit_listing(
    State(state): State<AppState>,
    editor: Editor,
    InPath(id): InPath<ServiceId>,
) -> WebResult<Html<String>> {
    let Listing { service, organization: org, places } = services::directory::listing(&state, id).await?;
    let t = editor.ctx.t();
    let heading = t.arg("directory-edit", "name", &service.name);
    let notice = if service.source == pathways_store::directory_edit::LOCAL {
        String::new()
    } else {
        t.arg("directory-imported-notice", "source", &service.source)
    };
    let form = raw_from_listing(&service, org.as_ref(), places.first());
    render(&page(
        Chrome::new(&editor.ctx, &state, heading.clone()),
        t,
        editor.ctx.locale,
        heading,
        format!("/directory/{id}"),
        format!("/directory/{id}/history"),
        notice,
        form,
        &[],
    ))
}
