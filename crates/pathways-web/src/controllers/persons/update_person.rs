//! `POST /persons/{id}`: saves the person form.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::PersonId;

use super::form::{PersonForm, PersonFormPage, build_fields, error_summary};
use crate::error::WebResult;
use crate::extract::{InPath, SignedIn, VerifiedForm};
use crate::services::persons::{self, CoachChoice, Refused};
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn update_person(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<PersonId>,
    VerifiedForm(form): VerifiedForm<PersonForm>,
) -> WebResult<Response> {
    let coach = CoachChoice::Offered(&form.assigned_coach);
    match persons::update(&state, &ctx, &caller, id, |_| form.raw(), coach).await? {
        Ok(_) => Ok(crate::flash::redirect(&state, &format!("/persons/{id}"), crate::key!("flash-saved"))),
        Err(Refused { record, errors }) => {
            let t = ctx.t();
            let heading = t.arg("persons-edit-title", "name", &record.preferred_name);
            let coaches = persons::coach_choices(&state, &caller).await?;
            let page = render(&PersonFormPage {
                chrome: Chrome::new(&ctx, &state, heading.clone()),
                heading,
                action: format!("/persons/{id}"),
                cancel_href: format!("/persons/{id}"),
                fields: build_fields(t, &form, &errors, coaches),
                errors: error_summary(t, &errors),
            })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
