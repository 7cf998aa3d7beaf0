//! `POST /persons/{id}`: saves the person form.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::audit::AuditAction;
use pathways_domain::person::PersonDetails;
use pathways_store::persons;

use super::form::{PersonForm, PersonFormPage, build_fields, chosen_coach, coach_choices, error_summary};
use super::parse_id;
use crate::access::{PersonTx, open_person};
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::extract::VerifiedForm;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn update_person(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Path(id): Path<String>,
    VerifiedForm(form): VerifiedForm<PersonForm>,
) -> WebResult<Response> {
    let id = parse_id(&id)?;
    let PersonTx { tx, scope, record } = open_person(&state, &ctx, &caller, id, AuditAction::PersonUpdate).await?;
    let details = PersonDetails::parse(&form.raw(), crate::clock::today());
    let coach = chosen_coach(&tx, &caller, &form.assigned_coach).await?;
    match (details, coach) {
        (Ok(details), Ok(coach)) => {
            persons::update(&tx, &scope, id, &details, coach).await?.ok_or(WebError::NotFound)?;
            tx.commit().await?;
            Ok(crate::flash::redirect(&state, &format!("/persons/{id}"), crate::key!("flash-saved")))
        }
        (d, c) => {
            // Nothing changes: the transaction (and its "updated" event) is rolled back, and the attempt, which
            // still read the record to show the form again, is audited as failed on its own.
            drop(tx);
            crate::access::audit_failed(&state, &ctx, AuditAction::PersonUpdate, id, "invalid").await?;
            let mut errors = d.err().unwrap_or_default();
            errors.extend(c.err());
            let t = ctx.t();
            let heading = t.arg("persons-edit-title", "name", &record.preferred_name);
            let coaches = coach_choices(state.store.reader(), &caller).await?;
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
