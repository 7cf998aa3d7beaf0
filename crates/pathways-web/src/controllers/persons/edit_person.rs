//! `GET /persons/{id}/edit`: the person form, filled in.

use axum::extract::{Path, State};
use axum::response::Html;
use pathways_domain::audit::AuditAction;
use pathways_store::persons;

use super::form::{PersonForm, PersonFormPage, build_fields, coach_choices};
use super::parse_id;
use crate::access::{PersonRead, read_person};
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn edit_person(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Path(id): Path<String>,
) -> WebResult<Html<String>> {
    let id = parse_id(&id)?;
    let PersonRead { record, .. } = read_person(&state, &ctx, &caller, id, AuditAction::PersonRead).await?;
    let tx = state.store.reader();
    let coaches = coach_choices(tx, &caller).await?;
    let t = ctx.t();
    let form = PersonForm::from_raw(persons::details_of(&record).to_raw(), record.assigned_coach_id);
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
