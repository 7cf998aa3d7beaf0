//! `GET /directory/new` and `GET /directory/{id}/edit`: the listing form.

use axum::extract::{Path, State};
use axum::response::Html;
use pathways_domain::directory::listing::{RawListing, SCHEDULE_ROWS};
use uuid::Uuid;

use super::form::{page, raw_from_listing};
use crate::error::{WebError, WebResult};
use crate::extract::Editor;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn new_listing(State(state): State<AppState>, editor: Editor) -> WebResult<Html<String>> {
    let t = editor.ctx.t();
    let heading = t.get("directory-add");
    let form = RawListing {
        schedule: vec![(String::new(), String::new(), String::new()); SCHEDULE_ROWS],
        languages: vec!["en".into()],
        ..RawListing::default()
    };
    render(&page(
        Chrome::new(&editor.ctx, &state, heading.clone()),
        t,
        editor.ctx.locale,
        heading,
        "/directory".into(),
        "/directory".into(),
        String::new(),
        form,
        &[],
    ))
}

pub async fn edit_listing(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<String>,
) -> WebResult<Html<String>> {
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    let (service, org, places) =
        pathways_store::directory_edit::find(state.store.reader(), id).await?.ok_or(WebError::NotFound)?;
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
