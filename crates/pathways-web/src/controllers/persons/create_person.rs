//! `POST /persons`: adds a person. A coach's new person is assigned to them; supervisors and admins choose.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::form::{PersonForm, PersonFormPage, build_fields, error_summary};
use crate::error::WebResult;
use crate::extract::{SignedIn, VerifiedForm};
use crate::services::persons::{self, CoachChoice};
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn create_person(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    VerifiedForm(form): VerifiedForm<PersonForm>,
) -> WebResult<Response> {
    match persons::create(&state, &ctx, &caller, &form.raw(), CoachChoice::Offered(&form.assigned_coach)).await? {
        Ok(created) => {
            Ok(crate::flash::redirect(&state, &format!("/persons/{}", created.id), crate::key!("flash-saved")))
        }
        Err(errors) => {
            let t = ctx.t();
            let heading = t.get("persons-add");
            let coaches = persons::coach_choices(&state, &caller).await?;
            let page = render(&PersonFormPage {
                chrome: Chrome::new(&ctx, &state, heading.clone()),
                heading,
                action: "/persons".into(),
                cancel_href: "/persons".into(),
                fields: build_fields(t, &form, &errors, coaches),
                errors: error_summary(t, &errors),
            })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
