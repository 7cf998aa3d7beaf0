//! The calendar page both `GET /calendar` and `GET /calendar/{center}` render.

use askama::Template;
use axum::response::Html;
use pathways_store::community::Center;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::CalendarParams;
use crate::services;
use crate::services::community::When;
use crate::state::AppState;
use crate::views::community::{OccurrenceRow, row};
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "calendar/show.html")]
struct CalendarPage {
    chrome: Chrome,
    heading: String,
    /// The page's own path (the view links keep it).
    path: String,
    feed: String,
    tonight: bool,
    rows: Vec<OccurrenceRow>,
    centers: Vec<Center>,
    network: bool,
}

/// The page of one center (`Some`) or the network.
pub async fn page(
    state: &AppState,
    ctx: &Ctx,
    center: Option<Center>,
    params: &CalendarParams,
) -> WebResult<Html<String>> {
    let t = ctx.t();
    let when = When::parse(params.when.trim()).unwrap_or(When::Week);
    let now = pathways_store::now();
    let (from, to) = when.window(now, state.config.deployment.time_zone);
    let occurrences = services::community::occurrences(state, center.as_ref().map(|c| c.id), from, to).await?;
    let rows = occurrences.iter().map(|o| row(&t, o, now)).collect();
    let (heading, path, feed) = match &center {
        Some(c) => (
            t.arg("calendar-center-title", "name", &c.name),
            format!("/calendar/{}", c.slug),
            format!("/calendar/{}/events.ics", c.slug),
        ),
        None => (t.get("calendar-title"), "/calendar".to_owned(), "/calendar.ics".to_owned()),
    };
    let centers = if center.is_none() { services::community::centers(state).await? } else { Vec::new() };
    render(&CalendarPage {
        chrome: Chrome::new(ctx, state, heading.clone()),
        heading,
        path,
        feed,
        tonight: when == When::Tonight,
        rows,
        centers,
        network: center.is_none(),
    })
}
