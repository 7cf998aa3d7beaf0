//! `GET /persons/{id}/edit`: the person form, filled in.

use axum::extract::State;
use axum::response::Html;
use pathways_domain::PersonId;

use super::form::{PersonForm, PersonFormPage, build_fields};
use crate::error::WebResult;
use crate::extract::{InPath, SignedIn};
use crate::services::persons;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn edit_person(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<PersonId>,
) -> WebResult<Html<String>> {
    let record = persons::get(&state, &ctx, &caller, id).await?;
    let coaches = persons::coach_choices(&state, &caller).await?;
    let t = ctx.t();
    let form = PersonForm::from_raw(pathways_store::persons::details_of(&record).to_raw(), record.assigned_coach_id);
    let heading = t.arg("persons-edit-title", "name", &record.preferred_name);
    render(&PersonFormPage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        action: format!("/persons/{id}"),
        cancel_href: format!("/persons/{id}"),
        fields: build_fields(t, &form, &[], coaches),
        errors: Vec::new(),
    })
}
