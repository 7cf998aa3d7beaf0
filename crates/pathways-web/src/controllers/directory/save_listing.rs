//! What `POST /directory` (add) and `POST /directory/{id}` (save a new version) share: the form read and checked,
//! saved through `services::directory`, or back with every problem named beside its field (422).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::form::{page, raw_from_pairs};
use crate::error::WebResult;
use crate::extract::Editor;
use crate::services;
use crate::services::directory::Listing;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// Saves the posted form as a new version of `previous` (or a new listing) and goes to its history.
pub async fn save(
    state: &AppState,
    editor: &Editor,
    previous: Option<Listing>,
    pairs: &[(String, String)],
) -> WebResult<Response> {
    let raw = raw_from_pairs(pairs);
    let edit = match services::directory::parse(&raw, state.config.deployment.time_zone) {
        Ok(e) => e,
        Err(errors) => {
            let t = editor.ctx.t();
            let heading = match &previous {
                Some(l) => t.arg("directory-edit", "name", &l.service.name),
                None => t.get("directory-add"),
            };
            let action =
                previous.as_ref().map_or_else(|| "/directory".to_owned(), |l| format!("/directory/{}", l.service.id));
            let html = render(&page(
                Chrome::new(&editor.ctx, state, heading.clone()),
                t,
                editor.ctx.locale,
                heading,
                action,
                "/directory".into(),
                String::new(),
                raw,
                &errors,
            ))?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
        }
    };
    let saved = services::directory::save_listing(state, &editor.ctx, &editor.caller, previous.as_ref(), &edit).await?;
    Ok(crate::flash::redirect(state, &format!("/directory/{saved}/history"), crate::key!("flash-saved")))
}
