//! `GET /community/volunteers/{volunteer}`: one volunteer on the center's roster — their hours in all, their
//! background check's and training's last valid days and where each stands, in words — with the form to record,
//! change or clear the two dates and the one to take them off the roster (a box to tick confirms it). The two POST
//! handlers re-render this page with their form's problems (`page`). Another center's volunteer, or one already
//! off the roster: 404.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::ids::VolunteerId;
use pathways_domain::text::FieldError;

use super::list_volunteers::hours;
use crate::ctx::{Caller, Ctx};
use crate::error::WebResult;
use crate::extract::{CenterStaff, InPath};
use crate::services;
use crate::state::AppState;
use crate::views::volunteers::standing_words;
use crate::views::{Chrome, field_messages, render};

/// The dates form as typed (without it, the page shows the dates recorded).
#[derive(Clone, Debug, Default)]
pub struct TypedDates {
    pub background_check_until: String,
    pub training_until: String,
}

#[derive(Template)]
#[template(path = "community/volunteer.html")]
struct VolunteerPage {
    chrome: Chrome,
    errors: Vec<(String, String)>,
    id: String,
    name: String,
    agreed_on: String,
    hours: String,
    check_until: String,
    check_standing: String,
    training_until: String,
    training_standing: String,
    typed_check: String,
    typed_training: String,
    confirm_words: String,
}

pub async fn page(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: VolunteerId,
    typed: Option<TypedDates>,
    errors: &[FieldError],
) -> WebResult<Response> {
    let t = ctx.t();
    let v = services::volunteers::volunteer(state, caller, id).await?;
    let today = services::naloxone::today(state);
    let (check, training) = v.valid_until.standing(today);
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let typed = typed.unwrap_or_else(|| TypedDates {
        background_check_until: day(v.valid_until.background_check),
        training_until: day(v.valid_until.training),
    });
    let html = render(&VolunteerPage {
        chrome: Chrome::new(ctx, state, v.name.clone()),
        errors: field_messages(&t, errors),
        id: v.id.to_string(),
        confirm_words: t.arg("volunteer-remove-confirm", "name", &v.name),
        agreed_on: v.agreed_on.to_string(),
        hours: hours(v.minutes),
        check_until: day(v.valid_until.background_check),
        check_standing: standing_words(&t, check),
        training_until: day(v.valid_until.training),
        training_standing: standing_words(&t, training),
        typed_check: typed.background_check_until,
        typed_training: typed.training_until,
        name: v.name,
    })?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, html).into_response())
}

pub async fn show_volunteer(
    State(state): State<AppState>,
    staff: CenterStaff,
    InPath(id): InPath<VolunteerId>,
) -> WebResult<Response> {
    page(&state, &staff.ctx, &staff.caller, id, None, &[]).await
}
