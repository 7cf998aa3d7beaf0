//! `GET /persons/new`: the empty person form.

use axum::extract::State;
use axum::response::Html;

use super::form::{PersonForm, PersonFormPage, build_fields};
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services::persons;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn new_person(State(state): State<AppState>, SignedIn { ctx, caller }: SignedIn) -> WebResult<Html<String>> {
    persons::may_add(&state, &ctx, &caller).await?;
    let t = ctx.t();
    let coaches = persons::coach_choices(&state, &caller).await?;
    let mut form = PersonForm::default();
    if coaches.is_none() {
        form.assigned_coach = caller.account.to_string();
    }
    let heading = t.get("persons-add");
    render(&PersonFormPage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        action: "/persons".into(),
        cancel_href: "/persons".into(),
        fields: build_fields(t, &form, &[], coaches),
        errors: Vec::new(),
    })
}
