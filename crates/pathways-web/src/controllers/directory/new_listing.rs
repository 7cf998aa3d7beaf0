//! `GET /directory/new`: the listing form, empty.

use axum::extract::State;
use axum::response::Html;
use pathways_domain::directory::listing::{RawListing, SCHEDULE_ROWS};

use super::form::page;
use crate::error::WebResult;
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
